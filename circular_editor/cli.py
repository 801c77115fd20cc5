"""`circular-editor [--db DIR] [COMMAND ...]`.

    (no command)                     the editor window
    render FILE.json [-o OUT.pdf]    a circular to PDF (`-` reads standard input, `-o -` writes standard output)
    validate FILE.json ...           check circulars without rendering
    import FILE.json ...             add circulars to the store as drafts (invalid files are listed, not imported)
    export ID -o FILE.json           one stored circular as an itu-circular/1 file
    export --all DIR                 every stored circular, one file each
    list [--search TEXT] [--style S] [--status S] [--year Y]
    finalize ID                      a draft made final: checked, given the next reference of its style if it has none
    mark-sent ID                     a final circular marked sent
    restore-backup [--dry-run]       put the newest intact backup copy in place of each damaged store file
    sign ID --p12 FILE [--signatory N] [--pdf SIGNED.pdf] [--password-stdin] [--confirm-certificate] -o OUT.pdf
                                     a final circular signed (PAdES) by signatory N with N's own certificate;
                                     the password from $CIRCULAR_EDITOR_P12_PASSWORD, standard input or the
                                     terminal; --pdf adds to a signed file (else the newest one recorded)
    verify FILE.pdf [--trust CERT]   who signed, when, intact, unchanged since, trusted: exit 0 when all
                                     are, 1 when a signature is broken or the file changed after it (or
                                     there is none), 3 when intact but a signer is not trusted
    server init --dsn URL --bureau B  create or migrate a bureau server's schema and a bureau's roles
    server add-user NAME --role R --bureau B --dsn URL
    join --dsn URL --bureau B        join this desk to its bureau server (then sync)
    sync                             send this desk's changes to the bureau server, receive the others'
    resolve ID --keep mine|theirs    choose a version in a conflict
    install-desktop-entry            (Linux) this program in the desktop's menus, with its icon

`--db DIR` (before or after the command) or $CIRCULAR_EDITOR_DATA chooses the store's folder.

Exit 0 on success, 2 with a one-line message on standard error for invalid
input (the file, the field, the problem), 1 for a failure of the machine
(disk full, permission denied), a broken template or the store. No partial
output file is ever left behind, and no command shows a traceback: anything
unexpected is one line too (`--debug` shows the traceback).
"""
from __future__ import annotations

import argparse
import logging
import os
import sys
import traceback
from pathlib import Path

from circular_editor import __version__
from circular_editor.atomic import write_whole  # (WriteFailed: exit 1, the system refused)
from circular_editor.commandline import EXIT_FAILED, EXIT_INVALID, CommandError, open_store
from circular_editor.errors import UserError, quoted
from circular_editor.files import UnreadableInput, file_stem


def build_parser() -> argparse.ArgumentParser:
    db = argparse.ArgumentParser(add_help=False)
    db.add_argument("--db", metavar="DIR", default=argparse.SUPPRESS,
                    help="the data folder (default: $CIRCULAR_EDITOR_DATA or the user's data folder)")
    parser = argparse.ArgumentParser(prog="circular-editor", parents=[db],
                                     description="Write ITU circular letters in Arabic and export them as PDF.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--debug", action="store_true", help="show the traceback of an unexpected error")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    render = commands.add_parser("render", parents=[db], help="render an itu-circular/1 file to PDF")
    render.add_argument("file", help="the circular (.json), or - for standard input")
    render.add_argument("-o", "--output", help="the PDF to write (default: named after the reference); - for stdout")
    render.set_defaults(run=_render)

    validate = commands.add_parser("validate", parents=[db], help="check itu-circular/1 files")
    validate.add_argument("files", nargs="+", metavar="FILE")
    validate.set_defaults(run=_validate)

    load = commands.add_parser("import", parents=[db], help="import itu-circular/1 files into the store")
    load.add_argument("files", nargs="+", metavar="FILE")
    load.set_defaults(run=_import)

    export = commands.add_parser("export", parents=[db], help="export stored circulars as itu-circular/1 files")
    export.add_argument("id", nargs="?", type=int, help="the circular's id (see list)")
    export.add_argument("-o", "--output", help="the file to write (default: standard output)")
    export.add_argument("--all", metavar="DIR", help="write every circular into DIR")
    export.set_defaults(run=_export)

    listing = commands.add_parser("list", parents=[db], help="list or search the stored circulars")
    listing.add_argument("--search", default="", metavar="TEXT")
    listing.add_argument("--style")
    listing.add_argument("--status", choices=("draft", "final", "sent"))  # (the Status values: store not loaded)
    listing.add_argument("--year", type=int)
    listing.set_defaults(run=_list)

    finalize = commands.add_parser("finalize", parents=[db], help="make a draft final, giving it its reference")
    finalize.add_argument("id", type=int)
    finalize.set_defaults(run=_finalize)

    sent = commands.add_parser("mark-sent", parents=[db], help="mark a final circular sent")
    sent.add_argument("id", type=int)
    sent.set_defaults(run=_mark_sent)

    restore = commands.add_parser("restore-backup", parents=[db],
                                  help="replace the store's damaged files by their newest intact backup copies")
    restore.add_argument("--dry-run", action="store_true", help="only say what would be replaced and what is lost")
    restore.set_defaults(run=_restore_backup)

    from circular_editor.signing.commands import add_commands as add_signing
    add_signing(commands, db)
    from circular_editor.bureau.commands import add_commands as add_bureau
    add_bureau(commands, db)

    desktop = commands.add_parser("install-desktop-entry", help="(Linux) add this program to the desktop's menus")
    desktop.set_defaults(run=_install_desktop_entry)
    return parser


def entry() -> None:
    """The program's entry point: the `circular-editor` script, `python -m circular_editor`, the bundle."""
    argv = sys.argv[1:]
    code = main(argv)
    if _one_shot(argv):
        # A command is done once its output is flushed (every file it writes is written atomically and
        # closed by then). Leaving through os._exit skips the interpreter's teardown, which frees every
        # module and object: ~10 ms of a 150 ms render. The editor and the render worker end normally.
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    sys.exit(code)


def _one_shot(argv: list[str]) -> bool:
    if argv[:1] == ["--render-worker"]:
        return False
    return build_parser().parse_args(argv).command is not None


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--render-worker"]:  # the editor's render process (preview/worker.py), not for people
        from circular_editor.preview.worker import serve
        return serve()
    args = build_parser().parse_args(argv)
    if args.command is None:
        from circular_editor.ui.app import run
        return run(sys.argv[:1], getattr(args, "db", None))
    if args.command in ("sign", "verify"):
        from circular_editor.signing import quiet_pyhanko
        quiet_pyhanko(debug=args.debug)  # (pyHanko's warnings and tracebacks: only with --debug)
        if args.debug:
            logging.basicConfig(level=logging.INFO)
    try:
        return args.run(args) or 0
    except UserError as exc:
        print(f"circular-editor: {exc}", file=sys.stderr)
        return _exit_code(exc)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # the last resort: a bug, told in one line
        if args.debug:
            traceback.print_exc()
        print(f"circular-editor: unexpected error ({type(exc).__name__}: {quoted(str(exc), 200)}); "
              "this is a bug: please report it with the output of --debug", file=sys.stderr)
        return EXIT_FAILED


def _exit_code(exc: UserError) -> int:
    """2 for what the user gave (a file, an id, a style name), 1 for the rest (templates, the store, the disk)."""
    from circular_editor.model import ValidationError
    from circular_editor.signing.keys import SigningError
    from circular_editor.store import NotAllowed, NotFound
    from circular_editor.styles import UnknownStyle

    if isinstance(exc, CommandError):
        return exc.code
    # (a certificate, key, password, trust file or PDF to check is what the user gave)
    from circular_editor.typeset.pdffont import TooManyCharacters  # (the text given holds more than a font)

    given = (ValidationError, UnknownStyle, NotFound, NotAllowed, SigningError, UnreadableInput, TooManyCharacters)
    return EXIT_INVALID if isinstance(exc, given) else EXIT_FAILED


def read_circular(name: str):
    """The circular in file `name` (`-`: standard input), of an installed style whose template and emblem are
    sound: everything `render` needs (so `validate` saying "valid" means it renders).

    CommandError naming the file on any problem; StyleError (exit 1) for a broken template."""
    from circular_editor import styles
    from circular_editor.model import MAX_FILE_BYTES, Circular, ValidationError
    from circular_editor.store.importing import read_circular_file

    try:
        if name != "-":
            return read_circular_file(name)
        circular = Circular.from_json(sys.stdin.buffer.read(MAX_FILE_BYTES + 1))
        styles.check_renderable(circular.style)
        return circular
    except (ValidationError, styles.UnknownStyle) as exc:
        raise CommandError(f"{'<stdin>' if name == '-' else name}: {exc}") from None
    except OSError as exc:
        raise CommandError(f"<stdin>: cannot read ({exc.strerror or exc})") from None


def _render(args) -> int:
    from circular_editor.render import render_pdf

    circular = read_circular(args.file)
    pdf = render_pdf(circular)
    if args.output == "-":
        sys.stdout.buffer.write(pdf)
        sys.stdout.buffer.flush()
        return 0
    fallback = "circular" if args.file == "-" else Path(args.file).stem
    output = Path(args.output or file_stem(circular.reference, fallback) + ".pdf")
    write_whole(output, pdf)
    print(output)
    return 0


def _validate(args) -> int:
    from circular_editor.coverage import undrawable

    status = 0
    for name in args.files:
        try:
            circular = read_circular(name)
            print(f"{name}: valid ({circular.style}, {circular.reference or 'no reference'})")
            for warning in undrawable(circular.to_dict()):
                print(f"circular-editor: {name}: warning: {warning}", file=sys.stderr)
        except CommandError as exc:
            print(f"circular-editor: {exc}", file=sys.stderr)
            status = exc.code
        except UserError as exc:  # a broken template: the file may be fine, the installation is not
            print(f"circular-editor: {exc}", file=sys.stderr)
            status = EXIT_FAILED
    return status


def _import(args) -> int:
    from circular_editor.store.importing import read_import_files

    valid, refused = read_import_files(args.files)  # (before the store is opened: nothing to import makes none)
    imported, not_saved = [], []
    if valid:
        with open_store(args, write=True) as store:
            imported, not_added, not_saved = store.add_imported(valid)
        refused += not_added
    for name, record_id in imported:
        print(f"{name}: imported as #{record_id}")
    for name, reason in refused + not_saved:
        print(f"circular-editor: {name}: {reason}", file=sys.stderr)
    print(f"{len(imported)} imported, {len(refused) + len(not_saved)} refused", file=sys.stderr)
    # (the disk's failure is the system's, 1; a file refused is the user's, 2)
    return EXIT_FAILED if not_saved else EXIT_INVALID if refused else 0


def _export(args) -> int:
    if (args.id is None) == (args.all is None):
        raise CommandError("export: give either an ID or --all DIR")
    with open_store(args, write=False) as store:
        try:
            if args.all is not None:
                folder = Path(args.all)
                folder.mkdir(parents=True, exist_ok=True)
                failed = 0
                for summary in store.search():
                    name = file_stem(summary.reference, f"circular-{summary.id}")
                    try:
                        text = store.export(summary.id)
                    except UserError as exc:  # a damaged record: said, and the others still exported
                        print(f"circular-editor: circular #{summary.id}: not exported ({exc})", file=sys.stderr)
                        failed += 1
                        continue
                    write_whole(folder / f"{summary.id:05}-{name}.json", text.encode("utf-8"))
                print(f"{len(store) - failed} circulars written to {folder}" +
                      (f", {failed} could not be read" if failed else ""), file=sys.stderr)
                return EXIT_FAILED if failed else 0
            text = store.export(args.id)
        except OSError as exc:  # the folder for --all cannot be made
            raise CommandError(f"{args.all}: cannot write ({exc.strerror or exc})", EXIT_FAILED) from None
    if args.output in (None, "-"):
        sys.stdout.write(text)
    else:
        write_whole(Path(args.output), text.encode("utf-8"))
    return 0


def _list(args) -> int:
    with open_store(args, write=False) as store:
        found = store.search(args.search, style=args.style, status=args.status, year=args.year)
    for s in found:
        subject = " ".join(s.subject.split())
        print(f"{s.id:>5}  {s.date}  {s.status:<5}  {s.style:<3}  {s.reference or '-':<20}  {subject}")
    return 0


def _finalize(args) -> int:
    from circular_editor.store.records import Status

    with open_store(args, write=True) as store:
        before = store.get(args.id).status
        if store.bureau() is not None:  # a joined desk: the bureau server gives the number
            from circular_editor.bureau.commands import ask_password
            from circular_editor.bureau.sync import finalize
            record = finalize(store, args.id, ask_password)
        else:
            record = store.finalize(args.id)
    said = "finalized as" if before == Status.DRAFT else f"already {before}:"
    print(f"#{record.id} {said} {record.circular.reference}")
    return 0


def _mark_sent(args) -> int:
    with open_store(args, write=True) as store:
        record = store.mark_sent(args.id)
    print(f"#{record.id} sent ({record.circular.reference})")
    return 0


def _restore_backup(args) -> int:
    from circular_editor.store import StoreError, default_folder, restore

    folder = Path(getattr(args, "db", None) or default_folder())
    plan = restore.plan_restore(folder)
    print(plan.describe())
    if not plan.steps or args.dry_run:
        return 0
    try:
        restore.restore_backup(folder)
    except StoreError as exc:
        raise CommandError(str(exc), EXIT_FAILED) from None
    except OSError as exc:
        raise CommandError(f"{folder}: cannot restore ({exc.strerror or exc}); run restore-backup again to finish",
                           EXIT_FAILED) from None
    print(f"restored; the files it replaced are kept in {folder / 'damaged-*'}")
    return 0


def _install_desktop_entry(args) -> int:
    from circular_editor.desktop import install

    try:
        for path in install():
            print(path)
    except OSError as exc:
        raise CommandError(f"cannot write the desktop entry ({exc.strerror or exc})", EXIT_FAILED) from None
    return 0
