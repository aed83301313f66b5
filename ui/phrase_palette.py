"""The phrase palette dock: opening phrases and standard paragraphs to insert.

It shows what :mod:`drafting.completion` computes for the current document, so the openers
already carry "also"/"further" where the document has used them, and the standard paragraphs
name the next session. The group of the paragraph at the cursor comes first. Typing in the
search field filters all groups (substring, case-insensitive); a double-click or Enter emits
``chosen(text, kind)``, kind being "preambular" or "operative".
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHeaderView, QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from drafting.completion import boilerplate_paragraphs, opener_suggestions
from drafting.model import Document

PREAMBULAR_GROUP = "Preambular openers"
OPERATIVE_GROUP = "Operative openers"
STANDARD_GROUP = "Standard paragraphs"

_ENTRY = Qt.ItemDataRole.UserRole
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


@dataclass(frozen=True)
class _Entry:
    text: str
    kind: str
    note: str
    """Shown beside the text: the opener's detail, or the standard paragraph's title."""


class PhrasePalette(QWidget):
    chosen = Signal(str, str)
    """(text, kind): the phrase or paragraph to insert and its kind, "preambular" or "operative"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search_field = QLineEdit(self)
        self.search_field.setPlaceholderText("Search phrases")
        self.search_field.setClearButtonEnabled(True)
        self.search_field.setAccessibleName("Search phrases")
        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName("Phrases")
        self.tree.setColumnCount(2)
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setExpandsOnDoubleClick(False)
        self.tree.setItemsExpandable(False)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search_field)
        layout.addWidget(self.tree)

        self._shown: tuple[tuple[str, tuple[_Entry, ...]], ...] = ()
        self.search_field.textChanged.connect(self._apply_filter)
        self.search_field.returnPressed.connect(self._choose_first_visible)
        self.search_field.installEventFilter(self)
        self.tree.installEventFilter(self)
        self._viewport = self.tree.viewport()
        self._viewport.installEventFilter(self)
        self.tree.itemDoubleClicked.connect(self._emit_item)
        self.set_context(Document(), "")

    def _fit_columns(self) -> None:
        """The notes column takes what it needs, but at most a third of the width: the phrase
        itself matters more (a long standard paragraph is elided; its tooltip shows it whole)."""
        available = self.tree.viewport().width()
        self.tree.setColumnWidth(1, min(self.tree.sizeHintForColumn(1) + 8, available // 3))

    # --- input ---------------------------------------------------------------------------------

    def set_context(self, document: Document, kind: str, *, block_id: str | None = None) -> None:
        """Show the suggestions for ``document``; ``kind`` is that of the paragraph at the cursor
        ("preambular", "operative", "subparagraph" …) and puts its group first. ``block_id``, the
        paragraph at the cursor, does not count as a use of its opener."""
        language = document.language
        groups = {
            PREAMBULAR_GROUP: self._openers(document, "preambular", language, block_id),
            OPERATIVE_GROUP: self._openers(document, "operative", language, block_id),
            STANDARD_GROUP: self._boilerplate(document, language, kind),
        }
        order = [PREAMBULAR_GROUP, OPERATIVE_GROUP]
        if kind in ("operative", "subparagraph"):
            order.reverse()
        shown = tuple((title, groups[title]) for title in [*order, STANDARD_GROUP])
        if shown != self._shown:
            self._shown = shown
            self._rebuild()

    @staticmethod
    def _openers(document: Document, part: str, language: str, block_id: str | None) -> tuple[_Entry, ...]:
        suggestions = opener_suggestions(
            document, part, "", language=language, exclude_block=block_id, limit=None
        )
        return tuple(_Entry(s.text, part, s.detail) for s in suggestions)

    @staticmethod
    def _boilerplate(document: Document, language: str, kind: str) -> tuple[_Entry, ...]:
        paragraphs = boilerplate_paragraphs(document, language)
        part = "operative" if kind == "subparagraph" else kind
        paragraphs.sort(key=lambda p: p.kind != part)  # the cursor's kind first, order kept
        return tuple(_Entry(p.text, p.kind, p.title) for p in paragraphs)

    # --- display -------------------------------------------------------------------------------

    def _rebuild(self) -> None:
        current = self.current_text()
        self.tree.clear()
        for title, entries in self._shown:
            group = QTreeWidgetItem([title])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            self.tree.addTopLevelItem(group)
            group.setFirstColumnSpanned(True)
            for entry in entries:
                item = QTreeWidgetItem(group, [entry.text, entry.note])
                item.setData(0, _ENTRY, entry)
                item.setToolTip(0, f"{entry.text}\n{entry.note}" if entry.note else entry.text)
                item.setForeground(1, self.palette().placeholderText())
                if entry.text == current:
                    self.tree.setCurrentItem(item)
        self.tree.expandAll()
        self._apply_filter(self.search_field.text())
        self._fit_columns()

    def _apply_filter(self, needle: str) -> None:
        needle = needle.strip().casefold()
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            visible = 0
            for i in range(group.childCount()):
                item = group.child(i)
                entry: _Entry = item.data(0, _ENTRY)
                match = not needle or needle in entry.text.casefold() or needle in entry.note.casefold()
                item.setHidden(not match)
                visible += match
            group.setHidden(visible == 0)
        if needle and not _choosable(self.tree.currentItem()):
            self.tree.setCurrentItem(self._first_visible_item())  # what Enter will insert

    # --- output --------------------------------------------------------------------------------

    def current_text(self) -> str | None:
        """The text of the selected phrase or paragraph, if any."""
        item = self.tree.currentItem()
        entry = item.data(0, _ENTRY) if item is not None else None
        return entry.text if entry else None

    def visible_entries(self) -> list[tuple[str, str, str]]:
        """(group, text, kind) of every phrase the palette shows now, in display order."""
        shown = []
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            for i in range(group.childCount()):
                item = group.child(i)
                if not group.isHidden() and not item.isHidden():
                    entry: _Entry = item.data(0, _ENTRY)
                    shown.append((group.text(0), entry.text, entry.kind))
        return shown

    def _first_visible_item(self) -> QTreeWidgetItem | None:
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            for i in range(group.childCount()):
                if not group.isHidden() and not group.child(i).isHidden():
                    return group.child(i)
        return None

    def _emit_item(self, item: QTreeWidgetItem | None) -> None:
        entry = item.data(0, _ENTRY) if item is not None else None
        if isinstance(entry, _Entry):
            self.chosen.emit(entry.text, entry.kind)

    def _choose_first_visible(self) -> None:
        item = self.tree.currentItem()
        self._emit_item(item if _choosable(item) else self._first_visible_item())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if watched is self._viewport and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        elif event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if watched is self.tree and event.key() in _ENTER:
                self._emit_item(self.tree.currentItem())
                return True
            if watched is self.search_field and event.key() == Qt.Key.Key_Down:
                item = self.tree.currentItem()
                if not _choosable(item):
                    item = self._first_visible_item()
                if item is not None:
                    self.tree.setCurrentItem(item)
                    self.tree.setFocus()
                return True
        return super().eventFilter(watched, event)


def _choosable(item: QTreeWidgetItem | None) -> bool:
    """A phrase (not a group header) that the filter leaves visible."""
    return (
        item is not None
        and item.parent() is not None
        and not item.isHidden()
        and not item.parent().isHidden()
    )
