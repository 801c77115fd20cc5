"""Fixtures of the bureau-server tests (a plain module: a conftest.py here would shadow the root one, which
other tests import from); test modules import `pg` and `bureau` from it."""
import itertools
import json

import psycopg
import pytest
from pgserver import start_server

from circular_editor.bureau import admin, sync
from circular_editor.model import Circular
from circular_editor.paths import example
from circular_editor.store import Repository

_names = itertools.count(1)


@pytest.fixture(scope="session")
def pg():
    server = start_server()
    if server is None:
        pytest.skip("PostgreSQL is not installed (scripts/setup.sh installs it with apt when root)")
    yield server
    server.stop("immediate")


class Bureau:
    """A fresh database on the test server with bureaus tsb and bdt set up, and a way to add people."""

    def __init__(self, pg, tmp_path):
        self.pg, self.tmp = pg, tmp_path
        self.database = pg.new_database()
        self.admin = pg.admin_dsn(self.database)
        admin.init(self.admin, "tsb")
        admin.init(self.admin, "bdt")

    def person(self, role: str, bureau: str = "tsb") -> tuple[str, str]:
        """(name, dsn with the password) of a new person."""
        name = f"{role}{next(_names)}"
        password = f"pass-{name}-0123456789"
        admin.add_user(self.admin, name, role, bureau, password)
        return name, self.pg.dsn(name, self.database, password)


@pytest.fixture
def bureau(pg, tmp_path):
    return Bureau(pg, tmp_path)


BASE = json.loads(example("tsb-circular-92").read_text(encoding="utf-8"))


def draft(subject: str, reference: str = "") -> Circular:
    return Circular.from_dict({**BASE, "subject": subject, "reference": reference})


class Desk:
    """One desk: its own store folder, its person, joined to the bureau."""

    def __init__(self, bureau, folder, role="assistant", name=None, dsn=None, bureau_name="tsb"):
        if dsn is None:
            name, dsn = bureau.person(role, bureau_name)
        self.name, self.dsn = name, dsn
        self.password = dsn.rsplit("password=", 1)[1]
        self.folder = folder
        with Repository(folder) as store:
            store.join(dsn.rsplit(" password=", 1)[0], bureau_name)

    def ask(self, *_):
        return self.password

    def sync(self) -> sync.SyncReport:
        with Repository(self.folder) as store:
            return sync.sync(store, self.ask)

    def save(self, circular, record_id=None) -> int:
        with Repository(self.folder) as store:
            return store.save(circular, record_id).id

    def get(self, record_id):
        with Repository(self.folder, read_only=True) as store:
            return store.get(record_id)

    def raw(self, record_id) -> dict:
        with Repository(self.folder, read_only=True) as store:
            return store.raw(record_id)

    def subjects(self) -> dict[str, str]:
        with Repository(self.folder, read_only=True) as store:
            return {store.get(s.id).gid: s.subject for s in store.search()}

    def finalize(self, record_id):
        with Repository(self.folder) as store:
            return sync.finalize(store, record_id, self.ask)


def server_rows(bureau, bureau_name="tsb"):
    with psycopg.connect(bureau.admin) as conn:
        return conn.execute("SELECT gid::text, version, status, content ->> 'subject', content ->> 'reference' "
                            "FROM ce.circulars WHERE bureau = %s ORDER BY seq", (bureau_name,)).fetchall()
