"""What the list and search read without loading circulars: a summary and the folded text of each, the
references in use, and the summaries' cache on disk.

`index.json` keeps, per shard, the SHA-256 of the shard it was made from and the summaries of its
circulars. Opening a store reads it and the first bytes of each shard (where its digest is): a shard
whose digest is the cached one is not parsed until a circular of it is read or a search needs its
text; any other (changed, damaged, or not in the cache) is read in full and checked then. The cache
is derived data: a damaged or stale one is only made again, never reported as damage.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from circular_editor.atomic import write_atomic
from circular_editor.store import numbering
from circular_editor.store.records import Summary
from circular_editor.store.search import matches, searchable_text
from circular_editor.store.storage import UnreadableFile, read_store_file, seal

CACHE_FORMAT = 2
log = logging.getLogger(__name__)


def summary_of(record_id: int, doc: dict[str, Any]) -> Summary:
    content = doc["content"]
    return Summary(record_id, doc["status"], content["style"], content["reference"], content["subject"],
                   content["date"], doc["modified"], "deleted" in doc, doc.get("gid", ""))


class Index:
    def __init__(self) -> None:
        self.summaries: dict[int, Summary] = {}
        self.references: dict[str, int] = {}  # normalised reference -> id
        self.gids: dict[str, int] = {}  # bureau id -> id
        self._folded: dict[int, str] = {}  # filled when a search first needs it (Repository.load_texts)
        self.all_texts = False  # every circular's text is folded: keep it so as circulars change

    def remember(self, record_id: int, doc: dict[str, Any]) -> None:
        had_text = record_id in self._folded
        self.add(summary_of(record_id, doc))
        if had_text or self.all_texts:
            self._folded[record_id] = searchable_text(doc["content"])

    def add(self, summary: Summary) -> None:
        self.forget(summary.id)
        self.summaries[summary.id] = summary
        if summary.gid:
            self.gids[summary.gid] = summary.id
        if summary.reference.strip():
            self.references[numbering.normalise(summary.reference)] = summary.id

    def forget(self, record_id: int) -> None:
        old = self.summaries.pop(record_id, None)
        self._folded.pop(record_id, None)
        if old and self.references.get(numbering.normalise(old.reference)) == record_id:
            del self.references[numbering.normalise(old.reference)]
        if old and self.gids.get(old.gid) == record_id:
            del self.gids[old.gid]

    def has_text(self, record_id: int) -> bool:
        return record_id in self._folded

    def add_text(self, record_id: int, doc: dict[str, Any]) -> None:
        self._folded[record_id] = searchable_text(doc["content"])

    def found(self, words: list[str], keep: Callable[[Summary], bool]) -> list[Summary]:
        """The summaries `keep` accepts whose text holds every folded word (texts must be there for words)."""
        return [s for i, s in self.summaries.items() if keep(s) and (not words or matches(self._folded[i], words))]


def read_cache(path: Path) -> dict[int, tuple[str, list[Summary]]]:
    """shard -> (the digest of the shard the summaries were made from, its summaries); {} when unusable."""
    try:
        data, _ = read_store_file(path)
        if data.get("format") != CACHE_FORMAT:
            return {}
        return {int(n): (entry["sha256"], [Summary(int(i), *row) for i, row in entry["records"].items()])
                for n, entry in data["shards"].items()}
    except (UnreadableFile, AttributeError, KeyError, TypeError, ValueError):
        return {}


def write_cache(path: Path, index: Index, digests: dict[int, str], shards: int) -> None:
    """The summaries of each shard whose digest is known; a failure (a full disk) only costs the next open time."""
    parts: dict[str, dict[str, Any]] = {str(n): {"sha256": digest, "records": {}} for n, digest in digests.items()}
    for i, s in index.summaries.items():
        part = parts.get(str(i % shards))
        if part is not None:
            part["records"][str(i)] = [s.status, s.style, s.reference, s.subject, s.date, s.modified, s.deleted,
                                       s.gid]
    try:
        write_atomic(path, seal({"format": CACHE_FORMAT, "shards": parts})[0])
    except OSError as exc:
        log.warning("%s: the list's cache was not written (%s); the next open reads every shard", path,
                    exc.strerror or exc)
