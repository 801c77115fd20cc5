"""Fixtures of the bureau-server tests (a plain module: a conftest.py here would shadow the root one, which
other tests import from); test modules import `pg` and `bureau` from it."""
import itertools

import pytest
from pgserver import start_server

from circular_editor.bureau import admin

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
