"""`circular-editor server init|add-user`, `join`, `sync`, `resolve`: the bureau server from the command line."""
from __future__ import annotations

import getpass
import sys

from circular_editor.commandline import CommandError, open_store
from circular_editor.errors import UserError


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

    submit = commands.add_parser("submit", parents=[db], help="submit a saved draft for signature")
    submit.add_argument("id", type=int)
    submit.add_argument("--signers", required=True, metavar="LOGIN,...",
                        help="the bureau logins of the letter's signatories, one per signature block, in order")
    submit.add_argument("--any-order", action="store_true",
                        help="the signatories may sign in any order (default: as the template says)")
    submit.set_defaults(run=_submit)
    back = commands.add_parser("take-back", parents=[db], help="take a submitted circular back to change it")
    back.add_argument("id", type=int)
    back.set_defaults(run=_take_back)
    returned = commands.add_parser("return", parents=[db], help="(a signatory) return a submitted circular")
    returned.add_argument("id", type=int)
    returned.add_argument("--note", required=True, help="why: shown to the assistant above the form")
    returned.set_defaults(run=_return)
    waiting = commands.add_parser("waiting", parents=[db], help="the circulars waiting for me")
    waiting.set_defaults(run=_waiting)
    history = commands.add_parser("history", parents=[db], help="who did what to a circular, on the server")
    history.add_argument("id", type=int)
    history.set_defaults(run=_history)
    archive = commands.add_parser("archive", parents=[db], help="the signed PDF of a circular, as the server has it")
    archive.add_argument("id", type=int)
    archive.add_argument("-o", "--output", required=True)
    archive.set_defaults(run=_archive)

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

    with open_store(args, write=True) as store:
        report = sync.join(store, args.dsn, args.bureau, ask_password)
    print(f"joined bureau {args.bureau} at {without_password(args.dsn)}")
    print(report.describe())
    return 1 if report.problems else 0


def _sync(args) -> int:
    from circular_editor.bureau import sync

    with open_store(args, write=True) as store:
        report = sync.sync(store, ask_password)
    print(report.describe())
    return 1 if report.problems else 0


def _resolve(args) -> int:
    with open_store(args, write=True) as store:
        record = store.resolve(args.id, args.keep)
    print(f"#{record.id}: {'this desk' if args.keep == 'mine' else 'the server'}'s version kept "
          f"({'sent at the next sync' if args.keep == 'mine' else 'this desk’s is in its history'})")
    return 0


def _submit(args) -> int:
    from circular_editor.bureau import workflow as on_server

    signers = [name.strip() for name in args.signers.split(",") if name.strip()]
    with open_store(args, write=True) as store:
        record = on_server.submit(store, args.id, signers, False if args.any_order else None, ask_password)
    print(f"#{record.id} submitted for signature to {', '.join(signers)}")
    return 0


def _take_back(args) -> int:
    from circular_editor.bureau import workflow as on_server

    with open_store(args, write=True) as store:
        on_server.take_back(store, args.id, ask_password)
    print(f"#{args.id} taken back: it can be changed, then submitted again")
    return 0


def _return(args) -> int:
    from circular_editor.bureau import workflow as on_server

    with open_store(args, write=True) as store:
        on_server.send_back(store, args.id, args.note, ask_password)
    print(f"#{args.id} returned with the note")
    return 0


def _waiting(args) -> int:
    from circular_editor.bureau import sync
    from circular_editor.bureau.connect import parse
    from circular_editor.store.records import Status

    with open_store(args, write=True) as store:
        try:
            sync.sync(store, ask_password)
        except UserError as exc:  # (offline: what was pulled before still says what waits)
            print(f"circular-editor: {exc}", file=sys.stderr)
        user = parse(sync.joined(store)["dsn"]).get("user", "")
        for record_id in store.waiting_for(user):
            record = store.get(record_id)
            what = "to review" if record.status == Status.DRAFT else "to sign"
            print(f"{record_id:>5}  {what:<9}  {record.circular.reference or '-':<20}  {record.circular.subject}")
    return 0


def _history(args) -> int:
    from circular_editor.bureau import workflow as on_server

    with open_store(args, write=False) as store:
        versions = on_server.history(store, args.id, ask_password)
    for v in versions:
        note = f"  note: {v['note']}" if v["note"] else ""
        print(f"v{v['version']:<3} {v['saved_at'][:19]}  {v['saved_by']:<14} {v['status']:<5} {v['stage']:<9} "
              f"signatures {v['signatures']}{note}")
    return 0


def _archive(args) -> int:
    from pathlib import Path

    from circular_editor.atomic import write_whole
    from circular_editor.bureau import workflow as on_server

    with open_store(args, write=False) as store:
        pdf = on_server.signed_pdf(store, args.id, ask_password)
    if pdf is None:
        raise CommandError(f"circular #{args.id} has no signed PDF on the server yet")
    write_whole(Path(args.output), pdf)
    print(args.output)
    return 0
