"""Schema versions of the store, and the steps from each to the next.

The schema number lives in meta.json. A store with a higher number than
SCHEMA_VERSION was written by a newer release and is refused untouched; a
lower one is brought forward by MIGRATIONS[n] (n -> n + 1), one step at a
time, after the backup that every open makes. A step receives the open
Repository and changes records through its TinyDB tables.

Schema 1 is the first released layout: nothing to migrate from yet. A change
to the record layout adds its step here and bumps SCHEMA_VERSION.
"""
from __future__ import annotations

from typing import Callable

SCHEMA_VERSION = 1
MIGRATIONS: dict[int, Callable] = {}
