"""The bureau server: one shared PostgreSQL store per bureau, numbering authority and carrier of drafts (no Qt).

    admin.py     server init (schema, migrations, a bureau's roles) and add-user
    connect.py   the address, TLS rules, the password, and the sentences a failure gives
    schema.py    the schema: tables, row-level security, the guard trigger, versions kept append-only
    sync.py      a desk's push, pull and finalize
    commands.py  the command-line commands (server, join, sync, resolve)
"""
