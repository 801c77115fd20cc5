"""What the command line's commands share: exit codes, the error they raise, and opening the store.

    raise CommandError("--signatory 3: circular #4 shows 2 signatories")          # exit 2, one line
    with open_store(args, write=True) as store: ...                                # --db or the default folder

cli.py reads the arguments and runs a command; the commands live beside what they drive (cli.py for
circulars and the store, signing/commands.py, bureau/commands.py).
"""
from __future__ import annotations

import sys

from circular_editor.errors import UserError

EXIT_INVALID = 2
EXIT_FAILED = 1
MAX_PDF_BYTES = 200_000_000  # a signed PDF given to sign or verify (a 100-page circular is about 20 MB)


class CommandError(UserError):
    def __init__(self, message: str, code: int = EXIT_INVALID):
        super().__init__(message)
        self.code = code


def open_store(args, write: bool):
    """The store of `--db` (else $CIRCULAR_EDITOR_DATA or the user's data folder); its warnings on stderr."""
    from circular_editor.store import Repository

    folder = getattr(args, "db", None)
    try:
        store = Repository(folder, read_only=not write)
    except OSError as exc:
        raise CommandError(f"{folder or 'the data folder'}: cannot open the store ({exc.strerror or exc})",
                           EXIT_FAILED) from None
    for warning in store.warnings:
        print(f"circular-editor: warning: {warning}", file=sys.stderr)
    return store
