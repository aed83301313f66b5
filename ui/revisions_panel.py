"""The revisions of the current document ("zero draft", "Rev.1", …) kept inside its Penholder
file: save one, view one read-only, restore one as the current text, rename, delete, compare."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from drafting.storage import Revision

STANDARD_NAMES = ("zero draft", "Rev.1", "Rev.2", "Rev.3", "final draft", "as adopted")


class SaveRevisionDialog(QDialog):
    """Name and date of a revision, the next name suggested."""

    def __init__(self, suggested: str, today: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Save revision")
        layout = QFormLayout(self)
        self.name = QComboBox()
        self.name.setEditable(True)
        self.name.addItems([suggested, *[n for n in STANDARD_NAMES if n != suggested]])
        self.name.setCurrentText(suggested)
        self.date = QLineEdit(today)
        self.date.setPlaceholderText("YYYY-MM-DD")
        layout.addRow("Name:", self.name)
        layout.addRow("Date:", self.date)
        layout.addRow(QLabel("The current text is kept in the file under this name."))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)
        self.setMinimumWidth(380)

    def _accept(self) -> None:
        if self.name.currentText().strip():
            self.accept()

    def values(self) -> tuple[str, str]:
        return self.name.currentText().strip(), self.date.text().strip()


class RevisionsPanel(QWidget):
    saveRequested = Signal()
    viewRequested = Signal(int)
    restoreRequested = Signal(int)
    renameRequested = Signal(int)
    deleteRequested = Signal(int)
    compareRequested = Signal(int, int)
    """Indices of the older and newer side; -1 is the current text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        self.list = QTreeWidget()
        self.list.setHeaderLabels(["Revision", "Date"])
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QTreeWidget.SelectionMode.ExtendedSelection)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.list.itemDoubleClicked.connect(lambda *_: self._emit_compare())
        layout.addWidget(self.list)
        self.save_button = QPushButton("Save revision…")
        self.compare_button = QPushButton("Compare")
        self.compare_button.setToolTip(
            "One revision selected: compare it with the current text; two selected: compare them"
        )
        self.view_button = QPushButton("View")
        self.restore_button = QPushButton("Restore")
        self.rename_button = QPushButton("Rename…")
        self.delete_button = QPushButton("Delete")
        first, second = QHBoxLayout(), QHBoxLayout()
        for button in (self.save_button, self.compare_button, self.view_button):
            first.addWidget(button)
        for button in (self.restore_button, self.rename_button, self.delete_button):
            second.addWidget(button)
        layout.addLayout(first)
        layout.addLayout(second)
        self.save_button.clicked.connect(self.saveRequested)
        self.compare_button.clicked.connect(self._emit_compare)
        self.view_button.clicked.connect(lambda: self._emit_one(self.viewRequested))
        self.restore_button.clicked.connect(lambda: self._emit_one(self.restoreRequested))
        self.rename_button.clicked.connect(lambda: self._emit_one(self.renameRequested))
        self.delete_button.clicked.connect(lambda: self._emit_one(self.deleteRequested))
        self._update_buttons()

    def set_revisions(self, revisions: list[Revision]) -> None:
        selected = self.selected_indices()
        self.list.clear()
        for index, revision in enumerate(revisions):
            item = QTreeWidgetItem([revision.name, revision.date or ""])
            item.setData(0, Qt.ItemDataRole.UserRole, index)
            self.list.addTopLevelItem(item)
            item.setSelected(index in selected)
        current = QTreeWidgetItem(["Current text", ""])
        current.setData(0, Qt.ItemDataRole.UserRole, -1)
        current.setForeground(0, self.palette().placeholderText())
        self.list.addTopLevelItem(current)
        self.list.resizeColumnToContents(0)
        self._update_buttons()

    def selected_indices(self) -> list[int]:
        return sorted(
            item.data(0, Qt.ItemDataRole.UserRole)
            for item in self.list.selectedItems()
            if item.data(0, Qt.ItemDataRole.UserRole) is not None
        )

    def select(self, *indices: int) -> None:
        for row in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(row)
            item.setSelected(item.data(0, Qt.ItemDataRole.UserRole) in indices)

    def _revision_selection(self) -> list[int]:
        return [i for i in self.selected_indices() if i >= 0]

    def _update_buttons(self) -> None:
        chosen = self.selected_indices()
        one = len(self._revision_selection()) == 1 and len(chosen) == 1
        for button in (self.view_button, self.restore_button, self.rename_button, self.delete_button):
            button.setEnabled(one)
        self.compare_button.setEnabled(len(chosen) in (1, 2) and chosen != [-1])

    def _emit_one(self, signal) -> None:
        chosen = self._revision_selection()
        if len(chosen) == 1:
            signal.emit(chosen[0])

    def _emit_compare(self) -> None:
        chosen = self.selected_indices()
        if len(chosen) == 1 and chosen[0] >= 0:
            self.compareRequested.emit(chosen[0], -1)
        elif len(chosen) == 2:
            older, newer = sorted(chosen, key=lambda i: (i < 0, i))
            self.compareRequested.emit(older, newer)
