"""Every setting the editor remembers, in one place (QSettings underneath).

    settings = Settings()            # the user's settings (the platform's place for them)
    settings.language = "en"
    settings.recent                  # [record ids], newest first

Tests and a portable install pass an .ini path instead.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

LANGUAGES = ("ar", "en")
RECENT_KEPT = 10


class _Setting:
    """One key with its type and default; read and written through the owner's QSettings."""

    def __init__(self, key: str, default, kind=None):
        self.key, self.default, self.kind = key, default, kind or type(default)

    def __get__(self, owner, _type=None):
        if owner is None:
            return self
        value = owner.qsettings.value(self.key, self.default)
        return _convert(value, self.kind, self.default)

    def __set__(self, owner, value) -> None:
        owner.qsettings.setValue(self.key, value)


def _convert(value, kind, default):
    """QSettings' ini files give strings back (and a one-item list as a string): bring them to `kind`."""
    try:
        if kind is bool:
            return value if isinstance(value, bool) else str(value).lower() in ("true", "1")
        if kind is int:
            return int(value)
        if kind is list:
            items = value if isinstance(value, list) else ([] if value in (None, "") else [value])
            return [int(v) for v in items]
        if kind is QByteArray:
            return value if isinstance(value, QByteArray) else QByteArray()
        return str(value) if value is not None else default
    except (TypeError, ValueError):
        return default


class Settings:
    geometry = _Setting("window/geometry", QByteArray())
    window_state = _Setting("window/state", QByteArray())
    splitter = _Setting("window/splitter", QByteArray())
    language = _Setting("interface/language", "ar")
    last_open = _Setting("session/last_open", 0)  # record id; 0: none
    recent = _Setting("session/recent", [], list)
    template_folder = _Setting("templates/folder", "")
    autosave_seconds = _Setting("editing/autosave_seconds", 3)
    export_folder = _Setting("export/folder", "")  # where the last PDF was exported
    import_folder = _Setting("import/folder", "")  # where circulars were last imported from
    certificate_folder = _Setting("signing/certificate_folder", "")  # where the last .p12 was chosen
    trust_roots = _Setting("signing/trust_roots", "")  # a PEM/DER file of trusted certificates
    preview_zoom = _Setting("preview/zoom", "width")  # "width", "page", or a percentage

    def __init__(self, path: str | Path | None = None):
        if path is None:
            self.qsettings = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                                       "CircularEditor", "CircularEditor")
        else:
            self.qsettings = QSettings(str(path), QSettings.Format.IniFormat)

    def remember_open(self, record_id: int) -> None:
        """The circular now open: the last one to reopen next time, first of the recent ones."""
        self.last_open = record_id
        self.recent = ([record_id] + [r for r in self.recent if r != record_id])[:RECENT_KEPT]

    def forget(self, record_id: int) -> None:
        self.recent = [r for r in self.recent if r != record_id]
        if self.last_open == record_id:
            self.last_open = 0

    def sync(self) -> None:
        self.qsettings.sync()
