"""The list of changes beside the compared texts: one row per change, a swatch in the colour
of its kind, the old label in the tooltip where a paragraph was renumbered."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from drafting.compare import BlockChange
from ui.compare_browsers import KIND_COLOURS
from ui.compare_entries import ChangeEntry

INDEX_ROLE = Qt.ItemDataRole.UserRole
"""Item data: the row's index in the list of changes."""


def _swatch(colour: QColor) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawRoundedRect(QRectF(1, 1, 10, 10), 2, 2)
    painter.end()
    return QIcon(pixmap)


def _tooltip(entry: ChangeEntry) -> str:
    """The row's title, and the old label where the paragraph was renumbered."""
    change = entry.change
    if isinstance(change, BlockChange) and change.change in ("modified", "formatting"):
        if change.old_label and change.old_label != change.new_label:
            return f"{entry.title} ({change.old_label} in the old text)"
    return entry.title


class ChangeList(QTreeWidget):
    """One row per change; the selection, not the current item, is the change being read (a list
    given focus makes its first row current unselected, and that must not move the text)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(1)
        self.setHeaderLabels(["Changes"])
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QTreeWidget.SelectionMode.SingleSelection)
        self.setMinimumWidth(200)
        self._icons: dict[str, QIcon] = {}
        """Kind -> swatch: painting one per row cost 20 ms for 800 changes."""

    def show_entries(self, entries: list[ChangeEntry]) -> None:
        """Replace the rows (no selection signal is emitted)."""
        self.blockSignals(True)
        self.clear()
        items = []
        for index, entry in enumerate(entries):
            item = QTreeWidgetItem([entry.title])
            item.setData(0, INDEX_ROLE, index)
            item.setIcon(0, self._icon(entry.kind))
            item.setToolTip(0, _tooltip(entry))
            items.append(item)
        self.addTopLevelItems(items)
        self.blockSignals(False)
        count = len(entries)
        self.setHeaderLabels([f"{count} change{'s' if count != 1 else ''}" if count else "No changes"])

    def selected_index(self) -> int:
        """The selected row's index, or -1."""
        items = self.selectedItems()
        return items[0].data(0, INDEX_ROLE) if items else -1

    def select_index(self, index: int) -> None:
        if 0 <= index < self.topLevelItemCount():
            self.setCurrentItem(self.topLevelItem(index))

    def _icon(self, kind: str) -> QIcon:
        icon = self._icons.get(kind)
        if icon is None:
            icon = self._icons[kind] = _swatch(KIND_COLOURS.get(kind, KIND_COLOURS["modified"]))
        return icon
