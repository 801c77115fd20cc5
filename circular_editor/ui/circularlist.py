"""The list of circulars: the store's own search and filters, newest first, model/view.

The search runs on the store's thread (it folds harakat, alef forms, ى/ي and ة/ه,
as `circular-editor list --search`); typing in the search box waits 150 ms and
only the newest search's results are shown. One model row per summary: a view
of 10,000 circulars costs what the visible rows cost.
"""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLineEdit, QTableView,
                               QVBoxLayout, QWidget)

from circular_editor.store import Summary
from circular_editor.store.records import Status
from circular_editor.ui.fields import is_undo_key
from circular_editor.ui.storeclient import StoreClient

SEARCH_DELAY_MS = 150


class CircularsModel(QAbstractTableModel):
    COLUMNS = ("reference", "subject", "date", "status")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.summaries: list[Summary] = []
        self._headers = [self.tr("Reference"), self.tr("Subject"), self.tr("Date"), self.tr("Status")]
        self._status = {Status.DRAFT: self.tr("draft"), Status.FINAL: self.tr("final"), Status.SENT: self.tr("sent")}

    def set_summaries(self, summaries: list[Summary]) -> None:
        self.beginResetModel()
        self.summaries = summaries
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # Qt's names
        return 0 if parent.isValid() else len(self.summaries)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        summary = self.summaries[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "reference":
                return summary.reference or self.tr("draft")
            if column == "subject":
                return " ".join(summary.subject.split())
            if column == "date":
                return summary.date
            return self._status.get(summary.status, summary.status)
        if role == Qt.ItemDataRole.ToolTipRole and column == "subject":
            return summary.subject
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("reference", "date"):
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return summary.id
        return None

    def row_of(self, record_id: int) -> int | None:
        return next((i for i, s in enumerate(self.summaries) if s.id == record_id), None)


class SearchBox(QLineEdit):
    """The list's search: Ctrl+Z and Ctrl+Shift+Z here still undo and redo the circular (the window's actions),
    never the few letters typed into the search."""

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and is_undo_key(event):
            event.ignore()
            return False
        return super().event(event)


class CircularList(QWidget):
    """Search box, filters (style, status, year) and the table; `open_requested(id)` on Enter or a double click."""

    open_requested = Signal(int)

    def __init__(self, client: StoreClient, style_names: tuple[str, ...], parent=None):
        super().__init__(parent)
        self.client = client
        self._generation = 0
        self.only: list[int] | None = None  # only these circulars (what waits for me), or all
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.search_box = SearchBox()
        self.search_box.setPlaceholderText(self.tr("Search (Ctrl+F)"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setObjectName("search")
        self.search_box.setAccessibleName(self.tr("Search the circulars"))
        layout.addWidget(self.search_box)
        filters = QHBoxLayout()
        self.style_filter = QComboBox()
        self.style_filter.addItem(self.tr("All styles"), None)
        for name in style_names:
            self.style_filter.addItem(name.upper(), name)
        self.status_filter = QComboBox()
        for text, value in ((self.tr("All statuses"), None), (self.tr("Drafts"), Status.DRAFT.value),
                            (self.tr("Final"), Status.FINAL.value), (self.tr("Sent"), Status.SENT.value),
                            (self.tr("Deleted"), "deleted")):  # (plain text as the items' data: Qt keeps it so)
            self.status_filter.addItem(text, value)
        self.year_filter = QComboBox()
        self.year_filter.addItem(self.tr("All years"), None)
        for combo in (self.style_filter, self.status_filter, self.year_filter):
            filters.addWidget(combo)
            combo.currentIndexChanged.connect(self.refresh)
        layout.addLayout(filters)
        self.model = CircularsModel(self)
        self.view = QTableView()
        self.view.setAccessibleName(self.tr("Circulars"))
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        header = self.view.horizontalHeader()
        for column in range(len(CircularsModel.COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.view.activated.connect(self._activated)
        self.view.doubleClicked.connect(self._activated)
        layout.addWidget(self.view, 1)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS, timeout=self.refresh)
        self.search_box.textChanged.connect(lambda _text: self._timer.start())
        self.search_box.returnPressed.connect(self._open_first)

    def refresh(self, *_args, select: int | None = None) -> None:
        """Search again with the box and the filters; only the newest search's results are shown."""
        self._generation += 1
        generation = self._generation
        text = self.search_box.text()
        style, status, year = (self.style_filter.currentData(), self.status_filter.currentData(),
                               self.year_filter.currentData())
        deleted = status == "deleted"

        only = self.only

        def search(repo):
            found = repo.search(text, style=style, status=None if deleted else status, year=year, deleted=deleted)
            if only is not None:
                found = [s for s in found if s.id in only]
            return found, repo.years()
        self.client.call(search, done=lambda result: self._show(generation, result, select))

    def _show(self, generation: int, result, select: int | None) -> None:
        if generation != self._generation:
            return  # a newer search is on its way
        summaries, years = result
        current = select if select is not None else self.selected_id()
        self.model.set_summaries(summaries)
        self._update_years(years)
        row = self.model.row_of(current) if current is not None else None
        if row is not None:
            self.view.selectRow(row)

    def _update_years(self, years: list[int]) -> None:
        shown = [self.year_filter.itemData(i) for i in range(1, self.year_filter.count())]
        if shown == years:
            return
        chosen = self.year_filter.currentData()
        self.year_filter.blockSignals(True)
        while self.year_filter.count() > 1:
            self.year_filter.removeItem(1)
        for year in years:
            self.year_filter.addItem(str(year), year)
        self.year_filter.setCurrentIndex(max(0, self.year_filter.findData(chosen)) if chosen else 0)
        self.year_filter.blockSignals(False)

    def selected_id(self) -> int | None:
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        return self.model.summaries[rows[0].row()].id if rows else None

    def select(self, record_id: int) -> None:
        row = self.model.row_of(record_id)
        if row is not None:
            self.view.selectRow(row)

    def _activated(self, index: QModelIndex) -> None:
        self.open_requested.emit(self.model.summaries[index.row()].id)

    def _open_first(self) -> None:
        if self.model.summaries:
            self.view.selectRow(0)
            self.open_requested.emit(self.model.summaries[0].id)
