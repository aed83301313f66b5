"""After a crash: which autosaved documents to recover (``app.recovery.Snapshot``, seen here as
:class:`AutosavedCopy`).

Each snapshot is opened once to show what it holds. One that cannot be read is listed with
"(cannot be read)" and is not offered for recovery; it is discarded with the others
the user does not recover, so that it is not offered again at every start.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from drafting import storage
from drafting.errors import StorageError
from drafting.model import Document, plain_text


class AutosavedCopy(Protocol):
    """An autosave snapshot as the dialog reads it."""

    path: Path
    source: str | None
    saved_at: float


UNREADABLE = "(cannot be read)"
UNTITLED = "Untitled document"
PREVIEW_WORDS = 12
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
COLUMNS = ("Document", "Autosaved at", "Contents", "Recover")
RECOVER_COLUMN = COLUMNS.index("Recover")


def autosave_time(timestamp: float) -> str:
    """Local time as "23 Nov 2026 18:40" (English month names whatever the system locale)."""
    moment = datetime.fromtimestamp(timestamp)
    return f"{moment.day} {_MONTHS[moment.month - 1]} {moment.year} {moment:%H:%M}"


def snapshot_preview(snapshot: AutosavedCopy) -> str | None:
    """The title or first words of the snapshot's document, "" if it is empty, None if unreadable."""
    try:
        document = storage.load(snapshot.path).document
    except (StorageError, OSError, ValueError, RecursionError):
        return None
    return document_preview(document)


def document_preview(document: Document) -> str:
    head = document.masthead
    if head.title:
        return " ".join(filter(None, (head.symbol, head.title)))
    for block in document.iter_blocks():
        words = plain_text(block.content).split()
        if words:
            text = " ".join(words[:PREVIEW_WORDS])
            return text + " …" if len(words) > PREVIEW_WORDS else text
    return ""


class RecoveryDialog(QDialog):
    def __init__(self, snapshots: list[AutosavedCopy], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Recover documents")
        self._snapshots = list(snapshots)
        self._choice = "later"

        intro = QLabel("Penholder did not close normally. These documents were saved automatically:")
        intro.setWordWrap(True)

        self.table = QTableWidget(len(self._snapshots), len(COLUMNS))
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COLUMNS.index("Contents"), QHeaderView.ResizeMode.Stretch)
        self.readable: list[bool] = []
        for row, snapshot in enumerate(self._snapshots):
            self._fill_row(row, snapshot)

        self.recover_button = QPushButton("Recover selected")
        self.discard_button = QPushButton("Discard all")
        self.later_button = QPushButton("Decide later")
        buttons = QDialogButtonBox()
        buttons.addButton(self.recover_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.discard_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.later_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.recover_button.setDefault(True)
        self.recover_button.clicked.connect(lambda: self._finish("recover"))
        self.discard_button.clicked.connect(lambda: self._finish("discard"))
        self.later_button.clicked.connect(lambda: self._finish("later"))

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(720, 140 + 30 * min(len(self._snapshots), 10))

    def _fill_row(self, row: int, snapshot: AutosavedCopy) -> None:
        preview = snapshot_preview(snapshot)
        readable = preview is not None
        self.readable.append(readable)
        name = Path(snapshot.source).name if snapshot.source else UNTITLED
        document = QTableWidgetItem(name)
        document.setToolTip(snapshot.source or "Never saved")
        contents = QTableWidgetItem(preview if readable else UNREADABLE)
        contents.setToolTip(str(snapshot.path))
        recover = QTableWidgetItem("Recover")
        if readable:
            recover.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            recover.setCheckState(Qt.CheckState.Checked)
        else:
            recover.setFlags(Qt.ItemFlag.NoItemFlags)
            recover.setCheckState(Qt.CheckState.Unchecked)
            recover.setToolTip("This snapshot is damaged and cannot be recovered.")
        items = (document, QTableWidgetItem(autosave_time(snapshot.saved_at)), contents, recover)
        for column, item in enumerate(items):
            if column != RECOVER_COLUMN:
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.table.setItem(row, column, item)

    def is_checked(self, row: int) -> bool:
        item = self.table.item(row, RECOVER_COLUMN)
        return self.readable[row] and item.checkState() == Qt.CheckState.Checked

    def _finish(self, choice: str) -> None:
        self._choice = choice
        if choice == "later":
            self.reject()
        else:
            self.accept()

    def reject(self) -> None:  # Escape and the window's close button mean "Decide later"
        self._choice = "later"
        super().reject()

    def choices(self) -> tuple[list[AutosavedCopy], list[AutosavedCopy]]:
        """(to recover, to discard). "Recover selected" recovers the ticked snapshots and
        discards the rest (damaged ones included); "Discard all" discards every snapshot;
        "Decide later" (or closing the dialog) touches nothing."""
        if self._choice == "later":
            return [], []
        if self._choice == "discard":
            return [], list(self._snapshots)
        recover = [s for row, s in enumerate(self._snapshots) if self.is_checked(row)]
        discard = [s for row, s in enumerate(self._snapshots) if not self.is_checked(row)]
        return recover, discard
