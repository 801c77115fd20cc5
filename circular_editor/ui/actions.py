"""Which of the window's commands may be used, in which state: one table of rules (no Qt here).

    state = State(open=True, store_writable=True, editable=False, status="final", stored=True)
    enabled(state)["sign"]   # True: a final circular may be signed

The window (mainwindow.py) names each command's action `act_<name>` and sets them from this table
whenever the state changes, so a rule is read, changed and tested in one place.
"""
from __future__ import annotations

from dataclasses import dataclass

from circular_editor.store.records import Status


@dataclass(frozen=True)
class State:
    open: bool = False  # a circular is open in the form
    store_writable: bool = True  # the store was opened for writing (not read-only)
    editable: bool = False  # the open circular may be changed (a draft, in a writable store)
    status: str = ""  # the open circular's status: draft, final, sent, deleted ("" when none is open)
    stored: bool = False  # the open circular has a record in the store (it was saved once)
    deleted_to_restore: bool = False  # a circular was just deleted and may be brought back
    joined: bool = False  # the desk is joined to a bureau server (the signatory workflow)
    submitted: bool = False  # the open circular is submitted for signature
    reviewing: bool = False  # ... to this desk's signatory, who may return or finalize it


def _final(s: State) -> bool:
    return s.status in (Status.FINAL, Status.SENT)


RULES = {
    # writing the open circular
    "save": lambda s: s.editable,
    "finalize": lambda s: s.editable or s.reviewing,
    "bold": lambda s: s.editable,
    "italic": lambda s: s.editable,
    "link": lambda s: s.editable,
    # making and bringing circulars in
    "new": lambda s: s.store_writable,
    "import": lambda s: s.store_writable,
    "duplicate": lambda s: s.open and s.store_writable,
    "reopen": lambda s: s.open and s.store_writable and _final(s),
    "sent": lambda s: s.open and s.store_writable and s.status == Status.FINAL,
    "delete": lambda s: s.open and s.store_writable and s.stored,
    "undelete": lambda s: s.store_writable and s.deleted_to_restore,
    "history": lambda s: s.open and s.stored,
    # what leaves the editor
    "export": lambda s: s.open,
    "export_pdf": lambda s: s.open,
    "print": lambda s: s.open,
    "print_preview": lambda s: s.open,
    "sign": lambda s: s.open and s.store_writable and _final(s),  # a draft can change: never signed
    # the signatory workflow (a desk joined to a bureau server)
    "submit": lambda s: s.joined and s.editable and s.stored,
    "take_back": lambda s: s.joined and s.store_writable and s.submitted and not s.reviewing,
    "return": lambda s: s.joined and s.store_writable and s.reviewing,
    "waiting": lambda s: s.joined,
    "bureau_history": lambda s: s.joined and s.stored,
}


def enabled(state: State) -> dict[str, bool]:
    """Each command's name -> whether it may be used in `state`."""
    return {name: bool(rule(state)) for name, rule in RULES.items()}
