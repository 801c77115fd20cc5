"""A desk and its bureau server: push what changed here, pull what changed there, finalize through the server.

    with Repository(folder) as store:
        report = sync(store)                 # push, then pull; a report of what happened
        record = finalize(store, record_id)  # the server gives the reference, in one transaction

The signatory workflow (submit, take back, return, history, signed files) is workflow.py.

Every push is one transaction per circular: an UPDATE that names the version it was edited from
(`WHERE version = base`), or an INSERT of a new global id. A push that finds the server ahead is a
conflict unless the server already holds exactly this content (a push whose answer was lost to a
crash or a cut network: adopted, never applied twice). Pulling reads the changes after the desk's
cursor in the server's commit order (`seq`, schema.py) and moves the cursor only past what is saved
here, so an interrupted sync is completed by the next one, exactly once.

Runs on the store's thread in the editor (it holds the Repository), never on the GUI thread.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from circular_editor.bureau.admin import check_schema
from circular_editor.bureau.connect import BureauError, Offline, connect
from circular_editor.errors import one_line
from circular_editor.model import Circular, problems_before_finalizing
from circular_editor.store.records import Status
from circular_editor.store.shared import Remote, workflow

PULL_BATCH = 500  # changes read and saved here at once (one write per shard: Repository.batch)
PUSH_BATCH = 200
_COLUMNS = ("gid::text, version, status, content, deleted, saved_by, saved_at::text, stage, note, signers, in_order, "
            "signatures")


@dataclass
class SyncReport:
    pushed: int = 0
    pulled: int = 0
    conflicts: list[int] = field(default_factory=list)  # local ids now waiting for a person's choice
    problems: list[str] = field(default_factory=list)  # one line each: what the server refused, and why

    def describe(self) -> str:
        lines = [f"{self.pushed} sent to the bureau server, {self.pulled} received"]
        lines += [f"circular #{n}: changed here and on the server: choose with `circular-editor resolve {n} "
                  "--keep mine|theirs`" for n in self.conflicts]
        return "\n".join(lines + self.problems)


def joined(store) -> dict:
    link = store.bureau()
    if link is None:
        raise BureauError("this desk is not joined to a bureau server (circular-editor join --dsn URL --bureau B)")
    return link


def open_link(store, password=None):
    """A connection to the desk's server, its schema checked."""
    link = joined(store)
    conn = connect(link["dsn"], password, autocommit=True)
    try:
        with conn.cursor() as cur:
            check_schema(cur)
    except BaseException:
        conn.close()
        raise
    return conn, link


def join(store, dsn: str, bureau: str, password=None) -> SyncReport:
    """Join the desk to the server at `dsn` as a member of `bureau` (checked there), then a first sync, which
    uploads the desk's circulars (a reference used in the bureau is named in the report, not uploaded)."""
    from circular_editor.bureau.connect import without_password

    with connect(dsn, password, autocommit=True) as conn, conn.cursor() as cur:
        check_schema(cur)
        cur.execute("SELECT ce.is_member(%s, 'reader')", (bureau,))
        if not cur.fetchone()[0]:
            raise BureauError(f"you are not a member of bureau {bureau} on this server (ask the bureau's IT)")
    store.join(without_password(dsn), bureau)
    return sync(store, password)


def sync(store, password=None, conn=None) -> SyncReport:
    report = SyncReport()
    own = conn is None
    if own:
        conn, link = open_link(store, password)
    else:
        link = joined(store)
    try:
        _push(store, conn, link["bureau"], report)
        _upload_signatures(store, conn, report)
        _pull(store, conn, link, report)
    except lost_connection() as exc:
        raise Offline(f"the bureau server stopped answering ({one_line(exc, 120)}); what was "
                      "saved here is kept, and the next sync completes this one") from None
    finally:
        if own:
            conn.close()
    report.conflicts = store.conflicts()
    return report


def lost_connection():
    import psycopg
    return (psycopg.OperationalError, psycopg.InterfaceError)


def refusals():
    """What the server raises when a change is not this person's to make (the guard, row security, a check)."""
    import psycopg
    return (psycopg.errors.InsufficientPrivilege, psycopg.errors.RaiseException, psycopg.errors.InvalidParameterValue,
            psycopg.errors.SerializationFailure)


def _push(store, conn, bureau: str, report: SyncReport) -> None:
    waiting = store.to_push()
    for start in range(0, len(waiting), PUSH_BATCH):  # (a crash loses at most a batch of marks: re-adopted)
        with store.batch():
            for record_id, doc in waiting[start:start + PUSH_BATCH]:
                _push_record(store, conn, bureau, record_id, doc, report)


def _push_record(store, conn, bureau: str, record_id: int, doc: dict, report: SyncReport) -> None:
    outcome = _push_one(conn, bureau, record_id, doc, report)
    if outcome is None:
        return
    if isinstance(outcome, int):
        store.pushed(record_id, doc, outcome)
        report.pushed += 1
    elif outcome.same_as(doc):  # this push had reached the server already: adopted, not repeated
        store.pushed(record_id, doc, outcome.version)
    elif store.held_before(record_id, outcome):  # an earlier push of ours, answer lost: based on it now
        store.rebase(record_id, outcome.version)
        again = _push_one(conn, bureau, record_id, store.raw(record_id), report)
        if isinstance(again, int):
            store.pushed(record_id, doc, again)
            report.pushed += 1
        elif again is not None:
            store.set_conflict(record_id, again)
    else:
        store.set_conflict(record_id, outcome)


def _push_one(conn, bureau: str, record_id: int, doc: dict, report: SyncReport):
    """The new server version (int) of one record pushed; the server's own (Remote) when it is ahead; None when
    the server refused (the reason in the report)."""
    import psycopg
    deleted = "deleted" in doc
    content = psycopg.types.json.Jsonb(doc["content"])
    try:
        with conn.cursor() as cur:
            flow = workflow(doc)
            if doc.get("server") is None:
                cur.execute("INSERT INTO ce.circulars (gid, bureau, version, status, content, deleted, seq, "
                            "saved_by, saved_at, note, signers, in_order) VALUES (%s, %s, 1, %s, %s, %s, 0, '', "
                            "now(), %s, %s, %s) ON CONFLICT (gid) DO NOTHING RETURNING version",
                            (doc["gid"], bureau, doc["status"], content, deleted, flow["note"], flow["signers"],
                             flow["in_order"]))
            else:
                cur.execute("UPDATE ce.circulars SET version = version + 1, status = %s, content = %s, "
                            "deleted = %s, stage = %s, note = %s, signers = %s, in_order = %s "
                            "WHERE gid = %s AND version = %s RETURNING version",
                            (doc["status"], content, deleted, flow["stage"], flow["note"], flow["signers"],
                             flow["in_order"], doc["gid"], doc["server"]))
            row = cur.fetchone()
    except psycopg.errors.UniqueViolation:
        report.problems.append(f"circular #{record_id}: not sent: its reference "
                               f"{doc['content'].get('reference', '')!r} is already used in the bureau; "
                               "change it and sync again")
        return None
    except refusals() as exc:
        report.problems.append(f"circular #{record_id}: not sent: the server refused "
                               f"({exc.diag.message_primary or exc})")
        return None
    if row is not None:
        return row[0]
    remote = _fetch(conn, doc["gid"])
    if remote is None:
        report.problems.append(f"circular #{record_id}: not sent: the server does not show it to you")
    return remote


def _upload_signatures(store, conn, report: SyncReport) -> None:
    """Signed PDFs made on this desk (online or not) go to the server, which checks whose block it is, the order,
    and that each adds to the signed file as it is; a block signed meanwhile on another desk is refused there."""
    import psycopg
    from pathlib import Path
    for record_id, doc, entry in store.signatures_to_upload():
        try:
            pdf = Path(entry["file"]).read_bytes()
        except OSError as exc:
            report.problems.append(f"circular #{record_id}: the signed file {entry['file']} cannot be read "
                                   f"({exc.strerror or exc}); sign again")
            store.signature_uploaded(record_id, entry["block"])
            continue
        try:
            with conn.cursor() as cur:
                cur.execute("INSERT INTO ce.signed_files (gid, block, bureau, pdf, sha256, signed_by, signed_at) "
                            "VALUES (%s, %s, '', %s, '', '', now())", (doc["gid"], entry["block"], pdf))
        except psycopg.errors.UniqueViolation:
            report.problems.append(f"circular #{record_id}: signature {entry['block'] + 1} was already given on "
                                   "another desk; this desk's is not kept")
        except refusals() as exc:
            report.problems.append(f"circular #{record_id}: signature {entry['block'] + 1} refused by the server "
                                   f"({exc.diag.message_primary or exc})")
        store.signature_uploaded(record_id, entry["block"])


def newest_signed(conn, gid: str) -> bytes | None:
    """The bytes of a circular's newest signed file on the server; None before the first signature."""
    with conn.cursor() as cur:
        cur.execute("SELECT pdf FROM ce.signed_files WHERE gid = %s ORDER BY signed_at DESC, block DESC LIMIT 1",
                    (gid,))
        row = cur.fetchone()
    return bytes(row[0]) if row else None


def _fetch(conn, gid: str) -> Remote | None:
    with conn.cursor() as cur:
        cur.execute(f"SELECT {_COLUMNS} FROM ce.circulars WHERE gid = %s", (gid,))
        row = cur.fetchone()
    return Remote(*row) if row else None


def _pull(store, conn, link: dict, report: SyncReport) -> None:
    from circular_editor.bureau.connect import parse
    me = parse(link["dsn"]).get("user", "")
    cursor = link.get("cursor", 0)
    signed: set[str] = set()  # circulars whose signed file a signatory of this desk will sign next (kept here)
    while True:
        with conn.cursor() as cur:
            cur.execute(f"SELECT seq, {_COLUMNS} FROM ce.circulars WHERE seq > %s ORDER BY seq LIMIT %s",
                        (cursor, PULL_BATCH))
            rows = cur.fetchall()
        with store.batch():  # (the cursor reaches the disk after what it covers: a crash re-applies, harmlessly)
            for seq, *values in rows:
                remote = Remote(*values)
                outcome = store.apply_remote(remote)
                if remote.signatures and remote.status == Status.FINAL and me in remote.signers:
                    signed.add(remote.gid)
                report.pulled += outcome in ("added", "updated")
                if outcome == "clash":
                    report.problems.append(f"a circular of the bureau ({values[3].get('reference')!r}) was not "
                                           "added here: a circular of this desk has the same reference")
                cursor = seq
            if rows:
                store.set_cursor(cursor)
        if len(rows) < PULL_BATCH:
            break
    for gid in sorted(signed):
        _keep_signed_pdf(store, conn, gid)


def _keep_signed_pdf(store, conn, gid: str) -> None:
    """The newest signed file of a circular kept on this desk, so that its next signatory can sign offline."""
    import hashlib

    from circular_editor.atomic import write_atomic
    record_id = store.find_gid(gid)
    pdf = newest_signed(conn, gid) if record_id is not None else None
    if pdf is None:
        return
    folder = store.folder / "signed"
    folder.mkdir(exist_ok=True)
    path = folder / f"{gid}.pdf"
    write_atomic(path, pdf)
    store.keep_signed_copy(record_id, hashlib.sha256(pdf).hexdigest(), str(path))


def listen(store, password=None):
    """A connection that hears every change of the desk's bureau (LISTEN/NOTIFY: no polling of the table)."""
    from circular_editor.bureau.schema import CHANNEL
    conn, link = open_link(store, password)
    conn.execute(f"LISTEN {CHANNEL}")
    return conn


def wait_for_change(conn, bureau: str, timeout: float) -> bool:
    """True as soon as a change of `bureau` is announced (then a sync brings it), False after `timeout` seconds."""
    for notice in conn.notifies(timeout=timeout):
        if notice.payload.split(" ", 1)[0] == bureau:
            return True
    return False


def finalize(store, record_id: int, password=None):
    """Finalize through the server: pushed first, then numbered and made final in one transaction under the
    bureau's counter lock (concurrent finalizes wait their turn and get consecutive numbers)."""
    import psycopg

    from circular_editor import styles

    record = store.get(record_id)
    if record.status != Status.DRAFT:
        return record
    missing = problems_before_finalizing(record.circular)
    if missing:
        raise missing[0]
    conn, link = open_link(store, password)
    try:
        report = sync(store, conn=conn)
        record = store.get(record_id)
        if record.conflict or record_id in report.conflicts:
            raise BureauError(f"circular #{record_id} changed on the server too: resolve the conflict first")
        doc = store.raw(record_id)
        if doc.get("dirty"):
            raise BureauError(f"circular #{record_id} could not be sent to the server: {'; '.join(report.problems)}")
        circular = record.circular
        style = styles.load(circular.style)
        with conn.transaction(), conn.cursor() as cur:
            cur.execute("SELECT ce.is_member(%s, 'signatory')", (link["bureau"],))
            if not cur.fetchone()[0]:
                raise BureauError(f"only a signatory of bureau {link['bureau']} may finalize a circular")
            cur.execute(f"SELECT {_COLUMNS} FROM ce.circulars WHERE gid = %s FOR UPDATE", (doc["gid"],))
            row = cur.fetchone()
            remote = Remote(*row) if row else None
            if remote is None or remote.version != doc["server"]:
                raise BureauError(f"circular #{record_id} changed on the server meanwhile: sync, then finalize")
            content = dict(remote.content)
            if not content.get("reference", "").strip():
                content["reference"] = _take_number(cur, link["bureau"], style, circular)
            cur.execute("UPDATE ce.circulars SET version = version + 1, status = 'final', content = %s "
                        "WHERE gid = %s AND version = %s RETURNING version",
                        (psycopg.types.json.Jsonb(content), doc["gid"], remote.version))
        sync(store, conn=conn)  # (brings the final version here)
    except refusals() as exc:
        raise BureauError(f"the bureau server refused to finalize circular #{record_id}: "
                          f"{exc.diag.message_primary or exc}") from None
    except lost_connection() as exc:
        raise Offline(f"the bureau server stopped answering while finalizing ({one_line(exc, 100)}); "
                      "nothing was numbered: finalize again when it answers") from None
    finally:
        conn.close()
    return store.get(record_id)


def _take_number(cur, bureau: str, style, circular: Circular) -> str:
    """The next reference of the style in this bureau, its counter row locked until the transaction ends."""
    from circular_editor.store import numbering

    key = numbering.counter_key(style, circular.date_value)
    cur.execute("INSERT INTO ce.counters VALUES (%s, %s, 0) ON CONFLICT DO NOTHING", (bureau, key))
    cur.execute("SELECT last FROM ce.counters WHERE bureau = %s AND key = %s FOR UPDATE", (bureau, key))
    last = cur.fetchone()[0]
    cur.execute("SELECT content ->> 'reference', content ->> 'date', reference_key FROM ce.circulars "
                "WHERE bureau = %s AND content ->> 'style' = %s AND reference_key <> ''", (bureau, circular.style))
    rows = cur.fetchall()
    import datetime as dt
    existing = [(ref, dt.date.fromisoformat(date)) for ref, date, _ in rows]
    reference, n = numbering.next_reference(style, circular.date_value, last, existing, {k for *_, k in rows})
    cur.execute("UPDATE ce.counters SET last = %s WHERE bureau = %s AND key = %s", (n, bureau, key))
    return reference
