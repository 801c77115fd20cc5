"""What changed in a PDF after a signature, said the way a person reads it. No Qt here.

pyHanko's difference analysis gives the verdict (verify.py); this module says what it saw:
"page 1's text was changed", "an annotation was added to page 2", "the document's title
was changed". It compares the document as a signature covered it (a revision of the file)
with the document as it is now (the last revision), object by object where a reader would
see a difference.
"""
from __future__ import annotations

from typing import Any

# pyHanko's PDF values and its historical resolvers, as these functions take them (read dynamically)
PdfValue = Any
Resolver = Any

# /Info entries a later signature may rewrite (pyHanko stamps the producer and the date of the update)
INFO_REWRITTEN = {"/ModDate", "/Producer"}
INFO_NAMES = {"/Title": "title", "/Author": "author", "/Subject": "subject", "/Keywords": "keywords",
              "/Creator": "creator", "/CreationDate": "creation date"}
# Catalog entries a later signature touches (the form gains a field; the metadata its date)
CATALOG_SIGNING = {"/AcroForm", "/Metadata", "/Perms", "/DSS", "/Extensions"}
# links back up or across a tree (a structure element's page, parent, the annotation an OBJR names: a link,
# or a signature field a later signature fills): compared where they are owned, not here
BACK_LINKS = {"/Parent", "/P", "/Pg", "/Obj"}


def describe(reader: Any, signed_revision: int) -> list[str]:
    """Sentences naming what differs between revision `signed_revision` and the last one; [] if nothing."""
    last = reader.xrefs.total_revisions - 1
    if signed_revision >= last:
        return []
    try:
        old = reader.get_historical_resolver(signed_revision)
        new = reader.get_historical_resolver(last)
        return _pages(old, new) + _info(old, new) + _catalog(old, new)
    except Exception:  # a file damaged past reading: the verdict stands without the details
        return []


def _resolved(value: PdfValue, resolver: Resolver) -> PdfValue:
    """`value`, an indirect reference followed as of `resolver`'s revision (pyHanko's references follow the
    newest revision by themselves)."""
    from pyhanko.pdf_utils import generic

    seen = 0
    while isinstance(value, generic.IndirectObject) and seen < 32:
        value = resolver.get_object(value.reference)
        seen += 1
    return value


def _get(container: PdfValue, key: str, resolver: Resolver) -> PdfValue:
    return _resolved(container.raw_get(key), resolver) if key in container else None


def _plain(value: PdfValue, resolver: Resolver, depth: int = 0) -> object:
    """A PDF value as plain Python values (streams as their bytes), to compare two revisions' objects."""
    from pyhanko.pdf_utils import generic

    reference = value.idnum if isinstance(value, generic.IndirectObject) else None
    value = _resolved(value, resolver)
    if depth > 12:
        return "…"
    if reference is not None and isinstance(value, generic.DictionaryObject) and value.get("/Type") == "/Page":
        return ("page", reference)  # (a bookmark's destination): the page itself is compared page by page
    if isinstance(value, generic.StreamObject):
        return ("stream", value.data, {str(k): _plain(value.raw_get(k), resolver, depth + 1) for k in value
                                       if k not in ("/Length", "/Filter", "/DecodeParms")})
    if isinstance(value, generic.DictionaryObject):
        return {str(k): _plain(value.raw_get(k), resolver, depth + 1) for k in value if k not in BACK_LINKS}
    if isinstance(value, generic.ArrayObject):
        return [_plain(value.raw_get(n), resolver, depth + 1) for n in range(len(value))]
    return str(value) if not isinstance(value, (int, float, bytes)) else value


def _page_list(resolver: Resolver) -> list[PdfValue]:
    pages: list[PdfValue] = []

    def walk(node: PdfValue, depth: int = 0) -> None:
        if depth > 50:
            return
        if node.get("/Type") == "/Pages" or "/Kids" in node:
            kids: PdfValue = _get(node, "/Kids", resolver) or []
            for n in range(len(kids)):
                walk(_resolved(kids.raw_get(n), resolver), depth + 1)
        else:
            pages.append(node)
    walk(_get(_root(resolver), "/Pages", resolver), 0)
    return pages


def _root(resolver: Resolver) -> PdfValue:
    return _resolved(resolver.trailer_view.raw_get("/Root"), resolver)


def _annotations(page: PdfValue, resolver: Resolver) -> list[object]:
    """A page's annotations other than signature widgets (which later signatures add), as plain values."""
    annots: PdfValue = _get(page, "/Annots", resolver) or []
    out = []
    for n in range(len(annots)):
        annot = _resolved(annots.raw_get(n), resolver)
        if not (annot.get("/Subtype") == "/Widget" and annot.get("/FT") == "/Sig"):
            out.append(_plain(annot, resolver))
    return out


def _pages(old: Resolver, new: Resolver) -> list[str]:
    before, after = _page_list(old), _page_list(new)
    found = []
    if len(before) != len(after):
        found.append(f"the number of pages changed from {len(before)} to {len(after)}")
    for number, (a, b) in enumerate(zip(before, after), 1):
        def differs(key: str) -> bool:
            return _plain(_get(a, key, old), old) != _plain(_get(b, key, new), new)
        if differs("/Contents"):
            found.append(f"page {number}'s text was changed")
        if differs("/Resources"):
            found.append(f"page {number}'s fonts or images were changed")
        kept, now = _annotations(a, old), _annotations(b, new)
        if len(now) > len(kept):
            found.append(f"an annotation was added to page {number}")
        elif now != kept:
            found.append(f"page {number}'s links or annotations were changed")
        rest = {k for k in set(a) | set(b) if k not in ("/Contents", "/Resources", "/Annots", "/Parent")}
        if any(differs(k) for k in rest):
            found.append(f"page {number}'s size or properties were changed")
    return found


def _info(old: Resolver, new: Resolver) -> list[str]:
    a = _get(old.trailer_view, "/Info", old) or {}
    b = _get(new.trailer_view, "/Info", new) or {}
    changed = sorted(k for k in set(a) | set(b) if k not in INFO_REWRITTEN
                     and _plain(_get(a, k, old), old) != _plain(_get(b, k, new), new))
    if not changed:
        return []
    names = ", ".join(INFO_NAMES.get(k, k.lstrip("/")) for k in changed)
    return [f"the document information was changed ({names})"]


def _catalog(old: Resolver, new: Resolver) -> list[str]:
    a, b = _root(old), _root(new)
    changed = sorted(k for k in set(a) | set(b) if k not in CATALOG_SIGNING | {"/Pages"}
                     and _plain(_get(a, k, old), old) != _plain(_get(b, k, new), new))
    return [f"the document's {', '.join(k.lstrip('/') for k in changed)} entries were changed"] if changed else []


def info_changed(reader: Any, signed_revision: int) -> bool:
    """Whether the document information (title, author, ...) differs from the signed revision's."""
    last = reader.xrefs.total_revisions - 1
    if signed_revision >= last:
        return False
    try:
        return bool(_info(reader.get_historical_resolver(signed_revision), reader.get_historical_resolver(last)))
    except Exception:
        return True
