"""Setting a bureau server up: the schema (created or migrated), a bureau's roles, its people.

    circular-editor server init --dsn URL --bureau tsb
    circular-editor server add-user amina --role assistant --bureau tsb --dsn URL

Run by the bureau's IT with an administrator's address (a role that may create roles and owns schema
`ce`). Passwords are hashed here (SCRAM-SHA-256, by libpq) before they are sent: the server, its logs
and this program never see them in plain text.
"""
from __future__ import annotations

from psycopg import sql

from circular_editor.bureau.connect import BureauError, connect
from circular_editor.bureau.schema import BUREAU_NAME, LEVELS, MIGRATIONS, SCHEMA_VERSION, grants

USER_NAME_LIMIT = 63  # PostgreSQL's identifier length


def schema_version(cur) -> int:
    """The schema's version in this database: 0 when there is none yet."""
    cur.execute("SELECT to_regclass('ce.meta') IS NOT NULL")
    if not cur.fetchone()[0]:
        return 0
    cur.execute("SELECT value FROM ce.meta WHERE key = 'schema'")
    row = cur.fetchone()
    return int(row[0]) if row else 0


def check_schema(cur) -> None:
    """Refuse a database whose schema is newer than this program, or missing."""
    found = schema_version(cur)
    if found > SCHEMA_VERSION:
        raise BureauError(f"the bureau server's schema is version {found}, newer than this Circular Editor knows "
                          f"({SCHEMA_VERSION}): update Circular Editor on this desk; nothing was changed")
    if found < SCHEMA_VERSION:
        raise BureauError(f"the bureau server's schema is version {found} (this Circular Editor needs "
                          f"{SCHEMA_VERSION}): the bureau's IT runs `circular-editor server init`")


def init(dsn: str, bureau: str, password=None) -> list[str]:
    """Create or migrate the schema and add `bureau` with its three roles; what was done, one line each."""
    _check_bureau(bureau)
    done = []
    with connect(dsn, password) as conn, conn.cursor() as cur:
        found = schema_version(cur)
        if found > SCHEMA_VERSION:
            check_schema(cur)
        if found == 0:
            cur.execute("CREATE SCHEMA IF NOT EXISTS ce")
        for version in range(found + 1, SCHEMA_VERSION + 1):
            cur.execute(MIGRATIONS[version])
            done.append(f"schema migrated to version {version}")
        cur.execute("INSERT INTO ce.meta VALUES ('schema', %s) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (str(SCHEMA_VERSION),))
        cur.execute("INSERT INTO ce.bureaus VALUES (%s) ON CONFLICT DO NOTHING RETURNING bureau", (bureau,))
        if cur.fetchone():
            done.append(f"bureau {bureau} added")
        previous = None
        for level in LEVELS:
            role = f"ce_{bureau}_{level}"
            cur.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,))
            if not cur.fetchone():
                cur.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(role)))
                done.append(f"role {role} created")
            if previous:  # each level holds the one before it
                cur.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(previous), sql.Identifier(role)))
            previous = role
        for statement in grants(bureau):
            cur.execute(statement)
    return done


def add_user(dsn: str, name: str, role: str, bureau: str, new_password: str, password=None) -> str:
    """A person who connects as `name` with `new_password`, in `bureau` as `role`; made or updated."""
    _check_bureau(bureau)
    if role not in LEVELS:
        raise BureauError(f"--role: expected one of {', '.join(LEVELS)}, got {role!r}")
    if not name or len(name) > USER_NAME_LIMIT or not name.replace("_", "").replace(".", "").isalnum():
        raise BureauError(f"user name: {name!r} is not a name the server takes (letters, digits, _ and .; "
                          f"at most {USER_NAME_LIMIT})")
    if len(new_password) < 12:
        raise BureauError("the new password is too short (at least 12 characters)")
    with connect(dsn, password) as conn, conn.cursor() as cur:
        check_schema(cur)
        verifier = conn.pgconn.encrypt_password(new_password.encode(), name.encode(), b"scram-sha-256").decode()
        cur.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,))
        exists = cur.fetchone() is not None
        statement = "ALTER ROLE {} LOGIN PASSWORD {}" if exists else "CREATE ROLE {} LOGIN PASSWORD {}"
        cur.execute(sql.SQL(statement).format(sql.Identifier(name), sql.Literal(verifier)))
        for level in LEVELS:
            grant = "GRANT {} TO {}" if level == role else "REVOKE {} FROM {}"
            cur.execute(sql.SQL(grant).format(sql.Identifier(f"ce_{bureau}_{level}"), sql.Identifier(name)))
        cur.execute("SELECT current_database()")
        database = cur.fetchone()[0]
        cur.execute(sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(sql.Identifier(database),
                                                                        sql.Identifier(name)))
    return f"{name}: {'updated' if exists else 'created'}, {role} of bureau {bureau}"


def _check_bureau(bureau: str) -> None:
    if not isinstance(bureau, str) or not BUREAU_NAME.fullmatch(bureau):
        raise BureauError(f"--bureau: {bureau!r} is not a bureau name (lower-case letters and digits, "
                          "a letter first, at most 16)")
