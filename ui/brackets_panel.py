"""The Brackets dock: every pair of square brackets in the document (text not yet agreed), with
where it is and the words in it, and the two ways a bracket is settled: the words agreed
(brackets removed) or dropped (deleted with their brackets).

The panel only shows what it is given (:meth:`BracketsPanel.set_rows`) and says what the user
asked for through signals; the document is changed by :class:`ui.bracket_commands.BracketCommands`.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from drafting.brackets import BracketPair

ROW_ROLE = Qt.ItemDataRole.UserRole
COLUMNS = ("Place", "Bracketed text")
PLACE, WORDS = range(len(COLUMNS))
EMPTY_TEXT = "No square brackets in this document"


@dataclass(frozen=True)
class BracketRow:
    pair: BracketPair
    place: str
    """ "OP 3", "footnote 2"; a nested pair adds "(inside another)"."""


class BracketsPanel(QWidget):
    shown = Signal(object)
    """A row was clicked or chosen with the arrow keys (a :class:`BracketRow`)."""
    activated = Signal(object)
    """A row was double-clicked or Enter pressed: into the text."""
    removeRequested = Signal(object)
    deleteRequested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(len(COLUMNS))
        self.tree.setHeaderLabels(list(COLUMNS))
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.header().setSectionResizeMode(PLACE, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(True)
        self.tree.setAccessibleName("Bracketed text")
        self.empty_label = QLabel(EMPTY_TEXT)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.count_label = QLabel()
        self.remove_button = QPushButton("&Remove brackets")
        self.remove_button.setToolTip("The words are agreed: keep them, take the brackets away")
        self.delete_button = QPushButton("&Delete text")
        self.delete_button.setToolTip("The words are dropped: delete them with their brackets")
        buttons = QHBoxLayout()
        buttons.addWidget(self.count_label, 1)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty_label, 1)
        layout.addLayout(buttons)
        self._rows: list[BracketRow] = []
        self.tree.currentItemChanged.connect(self._current_changed)
        self.tree.itemActivated.connect(lambda item, _column: self._emit(self.activated, item))
        self.tree.itemClicked.connect(lambda item, _column: self._emit(self.shown, item))
        self.remove_button.clicked.connect(lambda: self._emit(self.removeRequested, self.tree.currentItem()))
        self.delete_button.clicked.connect(lambda: self._emit(self.deleteRequested, self.tree.currentItem()))
        self.set_rows([])

    def rows(self) -> list[BracketRow]:
        return list(self._rows)

    def set_rows(self, rows: list[BracketRow]) -> None:
        """Show ``rows``; the row chosen stays chosen when it is still there (same place and words)."""
        if rows == self._rows and self.tree.topLevelItemCount() == len(rows):
            return
        current = self.current_row()
        keep = (current.place, current.pair.text, current.pair.index) if current else None
        self._rows = list(rows)
        self.tree.clear()
        chosen = None
        for row in rows:
            item = QTreeWidgetItem([row.place, row.pair.text])
            item.setData(PLACE, ROW_ROLE, row)
            item.setToolTip(WORDS, row.pair.text)
            self.tree.addTopLevelItem(item)
            if keep == (row.place, row.pair.text, row.pair.index):
                chosen = item
        if chosen is not None:
            self.tree.blockSignals(True)
            self.tree.setCurrentItem(chosen)
            self.tree.blockSignals(False)
        self.tree.setVisible(bool(rows))
        self.empty_label.setVisible(not rows)
        pairs = len(rows)
        self.count_label.setText(f"{pairs} bracket pair{'s' if pairs != 1 else ''}" if pairs else "")
        self._current_changed()

    def current_row(self) -> BracketRow | None:
        item = self.tree.currentItem()
        return item.data(PLACE, ROW_ROLE) if item is not None else None

    def _current_changed(self, *_args: object) -> None:
        has = self.current_row() is not None
        self.remove_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    def _emit(self, signal: Signal, item: QTreeWidgetItem | None) -> None:
        if item is not None:
            signal.emit(item.data(PLACE, ROW_ROLE))  # type: ignore[attr-defined]
