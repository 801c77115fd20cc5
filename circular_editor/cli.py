"""`circular-editor [--db DIR] [COMMAND ...]`.

Only `--version` exists so far: the render/validate/import/export/list commands
and the editor window (started when no command is given) come with their issues.
"""
from __future__ import annotations

import argparse
import sys

from circular_editor import __version__


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="circular-editor",
                                     description="Write ITU circular letters in Arabic and export them as PDF.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def main(argv: list[str] | None = None) -> int:
    build_parser().parse_args(argv)
    print("circular-editor: the editor window is not built yet; the text engine is "
          "(see README.md and docs/images/typeset.png).", file=sys.stderr)
    return 0
