"""`circular-editor server init|add-user`, `join`, `sync`, `resolve`: the bureau server from the command line."""
from __future__ import annotations

import getpass
import sys


def add_commands(commands, db) -> None:
    server = commands.add_parser("server", help="set up a bureau server (for the bureau's IT)")
    actions = server.add_subparsers(dest="server_command", metavar="ACTION", required=True)
    init = actions.add_parser("init", help="create or migrate the schema and add a bureau with its roles")
    init.add_argument("--dsn", required=True, help="an administrator's address (libpq URL or key=value)")
    init.add_argument("--bureau", required=True)
    init.set_defaults(run=_server_init)
    user = actions.add_parser("add-user", help="add a person (or change their role or password)")
    user.add_argument("name")
    user.add_argument("--role", required=True, choices=("assistant", "signatory", "reader"))
    user.add_argument("--bureau", required=True)
    user.add_argument("--dsn", required=True, help="an administrator's address")
    user.add_argument("--password-stdin", action="store_true", help="read the new person's password from stdin")
    user.set_defaults(run=_server_add_user)

    join = commands.add_parser("join", parents=[db], help="join this desk to its bureau server")
    join.add_argument("--dsn", required=True, help="the server's address with your user name (no password)")
    join.add_argument("--bureau", required=True)
    join.set_defaults(run=_join)

    sync = commands.add_parser("sync", parents=[db], help="send this desk's changes and receive the bureau's")
    sync.set_defaults(run=_sync)

    resolve = commands.add_parser("resolve", parents=[db], help="choose a version in a conflict")
    resolve.add_argument("id", type=int)
    resolve.add_argument("--keep", required=True, choices=("mine", "theirs"))
    resolve.set_defaults(run=_resolve)


def ask_password(user: str, address: str) -> str | None:
    """The server password: from the OS keyring, else asked on the terminal (None without one: libpq then says
    what is missing)."""
    from circular_editor.bureau.connect import keyring_password
    kept = keyring_password(user, address)
    if kept is not None:
        return kept
    if sys.stdin is not None and sys.stdin.isatty():
        try:
            return getpass.getpass(f"bureau server password of {user or 'you'}: ")
        except EOFError:
            return None
    return None


def _server_init(args) -> int:
    from circular_editor.bureau import admin
    for line in admin.init(args.dsn, args.bureau, ask_password) or ["nothing to do: the schema is up to date"]:
        print(line)
    return 0


def _server_add_user(args) -> int:
    from circular_editor.bureau import admin
    from circular_editor.cli import CommandError

    if args.password_stdin:
        line = sys.stdin.readline()
        new = line[:-1] if line.endswith("\n") else line
    elif sys.stdin is not None and sys.stdin.isatty():
        new = getpass.getpass(f"new password of {args.name}: ")
        if getpass.getpass("again: ") != new:
            raise CommandError("the two passwords differ; nothing was changed")
    else:
        raise CommandError("no password for the new person: give --password-stdin or run in a terminal")
    print(admin.add_user(args.dsn, args.name, args.role, args.bureau, new, ask_password))
    return 0


def _join(args) -> int:
    from circular_editor.bureau import sync
    from circular_editor.bureau.connect import without_password
    from circular_editor.cli import _open_store

    with _open_store(args, write=True) as store:
        report = sync.join(store, args.dsn, args.bureau, ask_password)
    print(f"joined bureau {args.bureau} at {without_password(args.dsn)}")
    print(report.describe())
    return 1 if report.problems else 0


def _sync(args) -> int:
    from circular_editor.bureau import sync
    from circular_editor.cli import _open_store

    with _open_store(args, write=True) as store:
        report = sync.sync(store, ask_password)
    print(report.describe())
    return 1 if report.problems else 0


def _resolve(args) -> int:
    from circular_editor.cli import _open_store

    with _open_store(args, write=True) as store:
        record = store.resolve(args.id, args.keep)
    print(f"#{record.id}: {'this desk' if args.keep == 'mine' else 'the server'}'s version kept "
          f"({'sent at the next sync' if args.keep == 'mine' else 'this desk’s is in its history'})")
    return 0
