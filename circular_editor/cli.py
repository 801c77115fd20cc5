"""`circular-editor [--db DIR] [COMMAND ...]`.

    render FILE.json [-o OUT.pdf]    a circular to PDF (`-` reads standard input, `-o -` writes standard output)
    validate FILE.json ...           check circulars without rendering

Exit 0 on success, 2 with a one-line message on standard error for invalid
input (the file, the field, the problem), 1 for a failure of the machine
(disk full, permission denied). No partial output file is ever left behind.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from circular_editor import __version__

EXIT_INVALID = 2
EXIT_FAILED = 1


class CommandError(Exception):
    def __init__(self, message: str, code: int = EXIT_INVALID):
        super().__init__(message)
        self.code = code


def build_parser() -> argparse.ArgumentParser:
    db = argparse.ArgumentParser(add_help=False)
    db.add_argument("--db", metavar="DIR", default=argparse.SUPPRESS,
                    help="the data folder (default: $CIRCULAR_EDITOR_DATA or the user's data folder)")
    parser = argparse.ArgumentParser(prog="circular-editor", parents=[db],
                                     description="Write ITU circular letters in Arabic and export them as PDF.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    render = commands.add_parser("render", parents=[db], help="render an itu-circular/1 file to PDF")
    render.add_argument("file", help="the circular (.json), or - for standard input")
    render.add_argument("-o", "--output", help="the PDF to write (default: named after the reference); - for stdout")
    render.set_defaults(run=_render)

    validate = commands.add_parser("validate", parents=[db], help="check itu-circular/1 files")
    validate.add_argument("files", nargs="+", metavar="FILE")
    validate.set_defaults(run=_validate)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        print("circular-editor: the editor window is not built yet; use a command (see --help).", file=sys.stderr)
        return 0
    try:
        return args.run(args) or 0
    except CommandError as exc:
        print(f"circular-editor: {exc}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        return 130


def read_circular(name: str):
    """The circular in file `name` (`-`: standard input); CommandError naming the file on any problem."""
    from circular_editor.model import MAX_FILE_BYTES, Circular, ValidationError

    label = "<stdin>" if name == "-" else name
    try:
        if name == "-":
            data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
        else:
            with open(name, "rb") as handle:
                data = handle.read(MAX_FILE_BYTES + 1)
        return Circular.from_json(data)
    except ValidationError as exc:
        raise CommandError(f"{label}: {exc}") from None
    except OSError as exc:
        raise CommandError(f"{label}: cannot read ({exc.strerror or exc})") from None


def default_pdf_name(reference: str, fallback: str) -> str:
    """A file name from the reference: `CL-20/025` -> `CL-20-025.pdf`."""
    name = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "-", " ".join(reference.split())).strip(" .-")
    return (name or fallback) + ".pdf"


def _render(args) -> int:
    from circular_editor.atomic import write_atomic
    from circular_editor.render import render_pdf

    circular = read_circular(args.file)
    pdf = render_pdf(circular)
    if args.output == "-":
        sys.stdout.buffer.write(pdf)
        sys.stdout.buffer.flush()
        return 0
    fallback = "circular" if args.file == "-" else Path(args.file).stem
    output = Path(args.output or default_pdf_name(circular.reference, fallback))
    try:
        write_atomic(output, pdf)
    except OSError as exc:
        raise CommandError(f"{output}: cannot write ({exc.strerror or exc})", EXIT_FAILED) from None
    print(output)
    return 0


def _validate(args) -> int:
    status = 0
    for name in args.files:
        try:
            circular = read_circular(name)
            print(f"{name}: valid ({circular.style}, {circular.reference or 'no reference'})")
        except CommandError as exc:
            print(f"circular-editor: {exc}", file=sys.stderr)
            status = exc.code
    return status
