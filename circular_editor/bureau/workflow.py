"""The signatory workflow on a bureau server: submit a draft to its signatories, take it back, return it with
a note, who did what, and the signed files. Each change is made on the server at once, which checks who may
(row-level security, schema.py), then brought here by a sync; offline, it is refused with a sentence.

    record = submit(store, record_id, ["amina", "omar"])     # one login per signature block, in order
    pdf = signed_pdf(store, record_id)                       # what the next signatory signs

Runs on the store's thread in the editor (it holds the Repository), never on the GUI thread.
"""
from __future__ import annotations

from circular_editor.bureau.connect import BureauError, Offline
from circular_editor.bureau.sync import lost_connection, newest_signed, open_link, refusals, sync
from circular_editor.errors import one_line
from circular_editor.store.shared import workflow


def signed_pdf(store, record_id: int, password=None) -> bytes | None:
    """The newest signed PDF of a circular on the server (what the next signatory signs; the sent archive)."""
    conn, _ = open_link(store, password)
    try:
        return newest_signed(conn, store.raw(record_id)["gid"])
    finally:
        conn.close()


def signatories(store, password=None) -> list[str]:
    """The logins of the bureau's signatories (whom a circular can be submitted to)."""
    conn, link = open_link(store, password)
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT rolname FROM pg_roles WHERE rolcanlogin AND ce.is_signatory(rolname, %s) ORDER BY 1",
                        (link["bureau"],))
            return [row[0] for row in cur.fetchall()]
    finally:
        conn.close()


def history(store, record_id: int, password=None) -> list[dict]:
    """Every version of a circular on the server, oldest first: who, when, status, stage, note, signatures."""
    conn, _ = open_link(store, password)
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT version, saved_by, saved_at::text, status, stage, note, jsonb_array_length(signatures) "
                        "FROM ce.versions WHERE gid = %s ORDER BY version", (store.raw(record_id)["gid"],))
            keys = ("version", "saved_by", "saved_at", "status", "stage", "note", "signatures")
            return [dict(zip(keys, row)) for row in cur.fetchall()]
    finally:
        conn.close()


def transition(store, record_id: int, password=None, **changes):
    """A change of the workflow (submit, take back, return with a note), made on the server at once (it checks who
    may), then brought here; offline it is refused with a sentence."""
    conn, _ = open_link(store, password)
    try:
        report = sync(store, conn=conn)
        doc = store.raw(record_id)
        if doc.get("dirty") or doc.get("conflict") or doc.get("server") is None:
            raise BureauError(f"circular #{record_id} is not on the server as it is here: "
                              f"{'; '.join(report.problems) or 'resolve its conflict first'}")
        flow = {**workflow(doc), **changes}
        try:
            with conn.cursor() as cur:
                cur.execute("UPDATE ce.circulars SET version = version + 1, stage = %s, note = %s, signers = %s, "
                            "in_order = %s WHERE gid = %s AND version = %s RETURNING version",
                            (flow["stage"], flow["note"], flow["signers"], flow["in_order"], doc["gid"],
                             doc["server"]))
                if cur.fetchone() is None:
                    raise BureauError(f"circular #{record_id} changed on the server meanwhile: sync, then try again")
        except refusals() as exc:
            raise BureauError(f"the bureau server refused: {exc.diag.message_primary or exc}") from None
        sync(store, conn=conn)
    except lost_connection() as exc:
        raise Offline(f"the bureau server stopped answering ({one_line(exc, 100)}); nothing changed "
                      "there: try again when it answers") from None
    finally:
        conn.close()
    return store.get(record_id)


def submit(store, record_id: int, signers: list[str], in_order: bool | None = None, password=None):
    """Submit a saved draft for signature to `signers`, one login per signature block of the letter, in order;
    whether they sign in that order is the template's word (`signing_order`) unless `in_order` says."""
    from circular_editor import styles
    from circular_editor.defaults import who_signs
    circular = store.get(record_id).circular
    blocks = len(who_signs(circular))
    if in_order is None:
        in_order = styles.load(circular.style).signing_order == "in order"
    if len(signers) != blocks:
        raise BureauError(f"signers: circular #{record_id} has {blocks} signature block"
                          f"{'' if blocks == 1 else 's'}; give one signatory's login for each, in order")
    return transition(store, record_id, password, stage="submitted", note="", signers=list(signers),
                      in_order=in_order)


def take_back(store, record_id: int, password=None):
    """The assistant takes a submitted circular back to change it (the signatories see it leave their queue)."""
    return transition(store, record_id, password, stage="editing")


def send_back(store, record_id: int, note: str, password=None):
    """A signatory returns a submitted circular to the assistant with a note saying why."""
    if not note.strip():
        raise BureauError("note: say why the circular is returned")
    return transition(store, record_id, password, stage="returned", note=note.strip())
