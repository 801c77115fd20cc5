"""Connecting to the bureau server: the address, TLS, the password, and what a failure says.

A desk remembers the server's address (a libpq URL or `key=value` string) without its password. The
password comes, in this order, from the address itself when a person types it for one command, from
`$PGPASSWORD` / libpq's password file (the administrator's way), or from the `password` callback: the
command line looks in the OS keyring (`keyring`, when a backend is there), then asks on the terminal;
the editor looks in the keyring on its GUI thread, then asks in a dialog. It is never written to the
store.

TLS: a server that is not on this machine (a host other than localhost, 127.0.0.1, ::1 or a Unix
socket folder) is reached only with `sslmode=verify-full` (the server's certificate checked against
`sslrootcert`, the bureau's CA, and its name against the host); an address that asks for less is
refused before connecting.
"""
from __future__ import annotations

import os
from typing import Callable

from circular_editor.errors import UserError, one_line

LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", ""}
KEYRING_SERVICE = "circular-editor-bureau"
CONNECT_TIMEOUT = 5  # seconds: an unreachable server is said quickly, and the desk works on offline


class BureauError(UserError):
    """The bureau server refused or could not be reached; the text says what and what to do."""


class Offline(BureauError):
    """The server cannot be reached now (stopped, network cut): local work goes on, the next sync catches up."""


class Conflict(BureauError):
    """A push based on a version that is no longer the server's newest."""


def parse(dsn: str) -> dict[str, str]:
    import psycopg.conninfo
    try:
        return psycopg.conninfo.conninfo_to_dict(dsn)
    except psycopg.ProgrammingError as exc:
        raise BureauError(f"server address: {one_line(exc)}") from None


def without_password(dsn: str) -> str:
    """The address as a desk keeps it: no password in it."""
    import psycopg.conninfo
    params = {k: v for k, v in parse(dsn).items() if k != "password"}
    return psycopg.conninfo.make_conninfo(**params)


def check_tls(params: dict[str, str]) -> None:
    hosts = [h.strip() for h in params.get("host", "").split(",")]
    remote = [h for h in hosts if h not in LOCAL_HOSTS and not h.startswith("/")]
    if remote and params.get("sslmode") != "verify-full":
        raise BureauError(f"server address: {remote[0]} is not on this machine, so the connection must check the "
                          "server's certificate: add sslmode=verify-full and sslrootcert=<the bureau's CA file>")


def address(params: dict[str, str]) -> str:
    """host:port, as the keyring's entries name a server."""
    return params.get("host", "") + ":" + params.get("port", "")


def keyring_password(user: str, address: str) -> str | None:
    try:
        import keyring
        return keyring.get_password(KEYRING_SERVICE, f"{user}@{address}")
    except Exception:  # no backend on this machine (a server, a container): the password is asked instead
        return None


def connect(dsn: str, password: Callable[[str, str], str | None] | None = None, autocommit: bool = False):
    """A psycopg connection; BureauError (Offline when unreachable) with one sentence otherwise. `password(user,
    host:port)` gives the password when the address, $PGPASSWORD (or libpq's password file) do not."""
    import psycopg

    params = parse(dsn)
    check_tls(params)
    params.setdefault("connect_timeout", str(CONNECT_TIMEOUT))
    params.setdefault("application_name", "circular-editor")
    if "password" not in params and not os.environ.get("PGPASSWORD") and password is not None:
        found = password(params.get("user") or os.environ.get("PGUSER") or "", address(params))
        if found is not None:
            params["password"] = found
    try:
        return psycopg.connect(autocommit=autocommit, **params)
    except psycopg.OperationalError as exc:
        raise _explain(exc, params) from None


def _explain(exc, params: dict[str, str]) -> BureauError:
    text = one_line(exc)
    where = params.get("host") or "the local socket"
    if "no password supplied" in text:
        return BureauError(f"the bureau server at {where} needs the password of {params.get('user', 'this user')} "
                           "(asked on a terminal, or kept in the OS keyring)")
    if "password authentication failed" in text:
        return BureauError(f"the bureau server at {where} refused the password of {params.get('user', 'this user')}")
    if "certificate" in text and ("expired" in text or "verify failed" in text):
        return BureauError(f"the bureau server at {where} showed a certificate that cannot be trusted ({text[:160]})")
    if "does not exist" in text:
        return BureauError(f"the bureau server at {where}: {text[:200]}")
    return Offline(f"the bureau server at {where} cannot be reached ({text[:160]})")
