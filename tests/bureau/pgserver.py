"""A real PostgreSQL server for the tests: made with initdb in a temporary folder, listening on 127.0.0.1
with SCRAM passwords, started once per test session (initdb ~1 s, start ~0.1 s); a fresh database per test.

initdb refuses to run as root: as root, the server runs as the `postgres` system user that Debian's
package makes (scripts/setup.sh installs the package with apt when root).
"""
from __future__ import annotations

import glob
import os
import secrets
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

ADMIN = "ce_admin"


def binaries() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    folder: Path
    port: int
    password: str
    bin: Path
    as_user: list[str]
    databases: int = 0

    def dsn(self, user: str = ADMIN, database: str = "postgres", password: str | None = None) -> str:
        text = f"host=127.0.0.1 port={self.port} user={user} dbname={database}"
        return text + (f" password={password}" if password else "")

    def admin_dsn(self, database: str) -> str:
        return self.dsn(ADMIN, database, self.password)

    def new_database(self) -> str:
        import psycopg
        self.databases += 1
        name = f"bureau{self.databases}"
        with psycopg.connect(self.admin_dsn("postgres"), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return name

    def ctl(self, *args: str) -> None:
        subprocess.run([*self.as_user, str(self.bin / "pg_ctl"), "-D", str(self.folder / "data"), "-w", *args],
                       check=True, capture_output=True, timeout=60)

    extra: str = ""  # more server options (TLS)

    def start(self) -> None:
        self.ctl("-o", f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off "
                       f"-c max_connections=100 {self.extra}", "-l", str(self.folder / "log"), "start")

    def stop(self, mode: str = "fast") -> None:
        self.ctl("-m", mode, "stop")


def start_server(tls: tuple[bytes, bytes] | None = None) -> Server | None:
    """A new server; `tls`: (certificate PEM, key PEM) it then offers (ssl = on)."""
    bin_ = binaries()
    if bin_ is None:
        return None
    folder = Path(tempfile.mkdtemp(prefix="ce-pg-"))
    as_user: list[str] = []
    if os.geteuid() == 0:
        as_user = ["runuser", "-u", "postgres", "--"]
        shutil.chown(folder, "postgres", "postgres")
    password = secrets.token_hex(12)
    pwfile = folder / "pw"
    pwfile.write_text(password)
    if as_user:
        shutil.chown(pwfile, "postgres", "postgres")
    subprocess.run([*as_user, str(bin_ / "initdb"), "-D", str(folder / "data"), "-U", ADMIN,
                    "--auth=scram-sha-256", f"--pwfile={pwfile}", "-E", "UTF8", "--locale=C.UTF-8"],
                   check=True, capture_output=True, timeout=120)
    server = Server(folder, free_port(), password, bin_, as_user)
    if tls is not None:
        for name, data in (("server.crt", tls[0]), ("server.key", tls[1])):
            (folder / name).write_bytes(data)
            (folder / name).chmod(0o600)
            if as_user:
                shutil.chown(folder / name, "postgres", "postgres")
        server.extra = f"-c ssl=on -c ssl_cert_file={folder / 'server.crt'} -c ssl_key_file={folder / 'server.key'}"
    server.start()
    return server
