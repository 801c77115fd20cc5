"""Link addresses as a PDF holds them: a URI is ASCII (ISO 32000: /URI is an ASCII string), so an address
typed with other characters (an Arabic path, an accented host) is written as the URI a browser would send."""
from __future__ import annotations

from urllib.parse import quote, urlsplit, urlunsplit

LINK_SCHEMES = ("http://", "https://", "mailto:")  # the only links a circular holds (drawn, validated, typed)
# What stays as it is in a URI (RFC 3986 reserved and unreserved characters, and % of an existing escape)
_URI_SAFE = "/:@!$&'()*+,;=-._~%?#[]"


def ascii_uri(target: str) -> str:
    """`target` as a URI a PDF may hold (ASCII only): the host in IDNA, everything else percent-encoded as UTF-8."""
    if target.isascii():
        return target
    if target.lower().startswith("mailto:"):
        local, _, host = target[len("mailto:"):].partition("@")
        return "mailto:" + quote(local, safe=_URI_SAFE) + ("@" + _idna(host) if host else "")
    parts = urlsplit(target)
    netloc = parts.netloc
    if parts.hostname:
        user, _, hostport = netloc.rpartition("@")
        host, colon, port = hostport.partition(":") if not hostport.startswith("[") else (hostport, "", "")
        netloc = (quote(user, safe=_URI_SAFE) + "@" if user else "") + _idna(host) + colon + port
    return urlunsplit((parts.scheme, netloc, quote(parts.path, safe=_URI_SAFE), quote(parts.query, safe=_URI_SAFE),
                       quote(parts.fragment, safe=_URI_SAFE)))


def _idna(host: str) -> str:
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:  # a label too long for IDNA: percent-encoded instead (still ASCII)
        return quote(host, safe=".-")
