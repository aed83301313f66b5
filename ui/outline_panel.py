"""The outline dock: the document's paragraphs as a tree, for going to one and reordering.

The panel never changes the document. A drop, or "Move up" / "Move down" / "Move to top" /
"Move to bottom", only emits ``moveRequested(block_id, before_id)``; the owner moves the
paragraph and calls :meth:`OutlinePanel.set_entries` with the new order. A paragraph only
ever moves among its siblings: a preambular paragraph within the preamble, an operative
paragraph (or a heading between operative paragraphs) within the operative part, a
subparagraph within its paragraph.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import QMimeData, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QDragEnterEvent, QDragMoveEvent, QDropEvent, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from drafting.model import Block, BlockKind, Document, plain_text
from drafting.numbering import BlockLabel, block_labels
from ui.paragraph_texts import ParagraphFacts

MIME_BLOCK_ID = "application/x-penholder-block-id"
"""Drag data naming the dragged block, added to what the tree itself puts in a drag."""

SUMMARY_WORDS = 8

_ID_ROLE = Qt.ItemDataRole.UserRole
_KEY_ROLE = Qt.ItemDataRole.UserRole + 1

_GROUP_FRONT = "group:front"
_GROUP_PREAMBLE = "group:preamble"
_GROUP_OPERATIVE = "group:operative"
_GROUP_ANNEX = "group:annex"


@dataclass(frozen=True)
class OutlineEntry:
    """One paragraph as the outline shows it.

    ``kind`` is a :class:`BlockKind` value or ``"front"``; ``depth`` is 0 for top-level
    blocks and 1, 2, … for subparagraphs, which follow their parent in reading order.
    """

    block_id: str
    kind: str
    reference: str
    label: str | None
    text: str
    depth: int


def outline_entries(
    document: Document,
    facts: dict[str, ParagraphFacts] | None = None,
    labels: dict[str, BlockLabel] | None = None,
) -> list[OutlineEntry]:
    """The entries for ``document`` in reading order: covering material, then the body.
    ``facts`` and ``labels``: the paragraphs' texts and labels when already at hand
    (``DocumentSession.paragraph_facts`` and ``.block_labels``)."""
    labels = block_labels(document) if labels is None else labels
    entries: list[OutlineEntry] = []

    def walk(blocks: list[Block], depth: int, front: bool) -> None:
        for block in blocks:
            label = labels[block.id]
            kind = "front" if front else block.kind.value
            text = facts[block.id].text if facts is not None else plain_text(block.content).strip()
            if not text and block.content:  # a paragraph proposed in full: its proposed words
                text = plain_text(block.content, proposals="accepted").strip()
            entries.append(OutlineEntry(block.id, kind, label.reference, label.label, text, depth))
            walk(block.children, depth + 1, front)

    walk(document.front, 0, True)
    walk(document.blocks, 0, False)
    return entries


def summary(text: str, words: int = SUMMARY_WORDS) -> str:
    """The first ``words`` words of ``text``, with an ellipsis when something is cut."""
    parts = text.split(maxsplit=words)  # a whole paragraph need not be cut into words
    if len(parts) <= words:
        return " ".join(parts)
    return " ".join(parts[:words]) + "…"


def entry_caption(entry: OutlineEntry) -> str:
    """What the tree shows for an entry: "OP 12  Expresses its concern that, …"."""
    text = summary(entry.text)
    if entry.kind == "front":
        return text or "(empty)"
    return f"{entry.reference}  {text}" if text else entry.reference


class _OutlineTree(QTreeWidget):
    """A tree that lets the user drag but decides drops itself and never moves items."""

    def __init__(self, panel: OutlinePanel) -> None:
        super().__init__(panel)
        self._panel = panel

    def mimeData(self, items: list[QTreeWidgetItem]) -> QMimeData:
        data = super().mimeData(items)
        ids = [item.data(0, _ID_ROLE) for item in items if item.data(0, _ID_ROLE)]
        if data is not None and len(ids) == 1:
            data.setData(MIME_BLOCK_ID, ids[0].encode("utf-8"))
        return data

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        super().dragEnterEvent(event)
        if event.mimeData().hasFormat(MIME_BLOCK_ID):
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        before = self._decide(event)
        # Qt draws the indicator; show it only where a drop would be taken.
        self.setDropIndicatorShown(before is not None)
        super().dragMoveEvent(event)
        if before is None:
            event.ignore()
        else:
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()

    def dropEvent(self, event: QDropEvent) -> None:
        # Not the base class: it would move the items. Reset what it would have reset.
        self.stopAutoScroll()
        self.setState(QAbstractItemView.State.NoState)
        self.setDropIndicatorShown(True)
        self.viewport().update()
        dragged = _dragged_id(event.mimeData())
        before = self._decide(event)
        if dragged is None or before is None:
            event.ignore()
            return
        # Accepted, but as "ignore": a move action would make the view delete the source item.
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        self._panel.moveRequested.emit(dragged, before)

    def _decide(self, event: QDropEvent) -> str | None:
        dragged = _dragged_id(event.mimeData())
        if dragged is None:
            return None
        point = event.position().toPoint()
        item = self.itemAt(point)
        if item is None:
            return None
        return self._panel.drop_target(dragged, item, self.drop_position(item, point))

    def drop_position(self, item: QTreeWidgetItem, point: QPoint) -> str:
        """Where ``point`` falls on ``item``: "above", "below" or "on".

        The same margins as Qt's own drop indicator, so the decision matches what is drawn.
        """
        rect = self.visualItemRect(item)
        margin = max(2, min(round(rect.height() / 5.5), 12))
        if point.y() - rect.top() < margin:
            return "above"
        if rect.bottom() - point.y() < margin:
            return "below"
        if item.flags() & Qt.ItemFlag.ItemIsDropEnabled:
            return "on"
        return "above" if point.y() < rect.center().y() else "below"


def _dragged_id(data: QMimeData | None) -> str | None:
    if data is None or not data.hasFormat(MIME_BLOCK_ID):
        return None
    return bytes(data.data(MIME_BLOCK_ID).data()).decode("utf-8") or None


def _annex_start(entries: list[OutlineEntry]) -> int | None:
    """Where the annex begins: the first top-level entry after the last operative paragraph,
    when numbered annex paragraphs (list items) follow it."""
    last_operative = max(
        (i for i, e in enumerate(entries) if e.depth == 0 and e.kind == BlockKind.OPERATIVE), default=None
    )
    if last_operative is None:
        return None
    rest = entries[last_operative + 1 :]
    if not any(e.depth == 0 and e.kind == BlockKind.LIST_ITEM for e in rest):
        return None
    return next((last_operative + 1 + i for i, e in enumerate(rest) if e.depth == 0), None)


class OutlinePanel(QWidget):
    """The document's paragraphs as a tree.

    Resolutions are grouped under "Preamble" and "Operative part" (and "Covering material"
    when there is any); other documents list their blocks at the top level. Subparagraphs
    are children of their paragraph.
    """

    activated = Signal(str)
    """Enter or a double click on a paragraph: go to it in the text (block id)."""
    shown = Signal(str)
    """A paragraph clicked: show it in the text, the focus staying in the Outline."""
    moveRequested = Signal(str, str)
    """Move a block before a sibling (block id, sibling id, or "" for the end of its group)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entries: list[OutlineEntry] = []
        self._items: dict[str, QTreeWidgetItem] = {}
        self._collapsed: set[str] = {_GROUP_FRONT}
        self._rebuilding = False

        self.tree = _OutlineTree(self)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setDragEnabled(True)
        self.tree.setAcceptDrops(True)
        self.tree.setDropIndicatorShown(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.setAccessibleName("Outline")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)

        self.move_up_action = self._move_action("Move up", "up", "Alt+Up")
        self.move_down_action = self._move_action("Move down", "down", "Alt+Down")
        self.move_to_top_action = self._move_action("Move to top", "top", "Alt+Home")
        self.move_to_bottom_action = self._move_action("Move to bottom", "bottom", "Alt+End")

        self.tree.itemClicked.connect(self._on_item_clicked)
        self.tree.itemActivated.connect(self._on_item_activated)
        self.tree.itemExpanded.connect(lambda item: self._remember_expansion(item, True))
        self.tree.itemCollapsed.connect(lambda item: self._remember_expansion(item, False))
        self.tree.currentItemChanged.connect(lambda *_: self._update_actions())
        self.tree.customContextMenuRequested.connect(self._show_context_menu)
        self._update_actions()

    # -- input -------------------------------------------------------------------------

    def set_entries(self, entries: list[OutlineEntry]) -> None:
        """Show ``entries``, keeping expansion, scrolling and selection by block id."""
        entries = list(entries)
        if entries == self._entries:
            return
        if self._same_shape(entries):
            self._update_items(entries)
            return
        self._entries = entries
        selected = self.current_block_id()
        scroll = self.tree.verticalScrollBar().value()
        self._rebuilding = True
        self.tree.setUpdatesEnabled(False)
        try:
            self.tree.clear()
            self._items = {}
            self._build(entries)
            for item in self._all_items():
                if item.childCount():
                    item.setExpanded(item.data(0, _KEY_ROLE) not in self._collapsed)
            if selected in self._items:
                self.tree.setCurrentItem(self._items[selected])
            self.tree.doItemsLayout()
            self.tree.verticalScrollBar().setValue(scroll)
        finally:
            self.tree.setUpdatesEnabled(True)
            self._rebuilding = False
        self._update_actions()

    def _same_shape(self, entries: list[OutlineEntry]) -> bool:
        """Whether ``entries`` has the same paragraphs, kinds and nesting as the tree shows (text
        typed in paragraphs changes no more than that): then only the captions are updated."""
        old = self._entries
        return len(old) == len(entries) and all(
            (a.block_id, a.kind, a.depth) == (b.block_id, b.kind, b.depth)
            for a, b in zip(old, entries, strict=True)
        )

    def _update_items(self, entries: list[OutlineEntry]) -> None:
        old, self._entries = self._entries, entries
        for before, entry in zip(old, entries, strict=True):
            if before != entry:
                self._describe(self._items[entry.block_id], entry)

    def entries(self) -> list[OutlineEntry]:
        return list(self._entries)

    def select_block(self, block_id: str) -> None:
        """Highlight the paragraph (as the editor's cursor moves); emits nothing."""
        item = self._items.get(block_id)
        if item is None:
            self.tree.clearSelection()
            return
        if self.tree.currentItem() is not item:
            self.tree.setCurrentItem(item)
        self.tree.scrollToItem(item)

    # -- queries -----------------------------------------------------------------------

    def item_for(self, block_id: str) -> QTreeWidgetItem | None:
        return self._items.get(block_id)

    def current_block_id(self) -> str | None:
        item = self.tree.currentItem()
        return (item.data(0, _ID_ROLE) or None) if item is not None else None

    def drop_target(self, dragged_id: str, target_item: QTreeWidgetItem | None, position: str) -> str | None:
        """Where dropping ``dragged_id`` at ``position`` ("above"/"below"/"on") of
        ``target_item`` puts it: the id of the sibling it goes before, "" for the end of its
        group, or None when the drop is refused (not among its siblings, or no move at all).

        Dropping on a sibling takes that sibling's place; dropping on the paragraph's own
        group (or parent paragraph) sends it to the end.
        """
        dragged = self._items.get(dragged_id)
        if dragged is None or target_item is None or target_item is dragged:
            return None
        parent = self._parent(dragged)
        siblings = self._sibling_ids(parent)
        if position == "on" and target_item is parent:
            before = ""
        elif self._parent(target_item) is parent and _block_id(target_item) in siblings:
            target = _block_id(target_item)
            index, own = siblings.index(target), siblings.index(dragged_id)
            if position == "on":
                position = "below" if own < index else "above"
            if position == "above":
                before = target
            elif position == "below":
                rest = [s for s in siblings[index + 1 :] if s != dragged_id]
                before = rest[0] if rest else ""
            else:
                return None
        else:
            return None
        return None if before == self._before_now(dragged_id, siblings) else before

    def move_target(self, block_id: str, how: str) -> str | None:
        """The ``before_id`` for moving a block "up", "down", to the "top" or "bottom" of its
        group, or None when it cannot move that way."""
        item = self._items.get(block_id)
        if item is None:
            return None
        if how not in ("up", "top", "down", "bottom"):
            raise ValueError(f"unknown move: {how!r}")
        # Only the neighbours are looked at: the operative part of a long text has a thousand
        # siblings and this runs each time the current item changes.
        parent = self._parent(item)
        index = parent.indexOfChild(item)
        if how in ("up", "top"):
            before = self._sibling_from(parent, index - 1, -1)
            if before is None:
                return None
            return before if how == "up" else self._sibling_from(parent, 0, +1)
        after = self._sibling_from(parent, index + 1, +1)
        if after is None:
            return None
        if how == "down":
            next_after = self._sibling_from(parent, parent.indexOfChild(self._items[after]) + 1, +1)
            return next_after or ""
        return ""

    @staticmethod
    def _sibling_from(parent: QTreeWidgetItem, index: int, step: int) -> str | None:
        """The first paragraph among ``parent``'s children from ``index`` on in direction ``step``."""
        while 0 <= index < parent.childCount():
            block_id = _block_id(parent.child(index))
            if block_id:
                return block_id
            index += step
        return None

    def request_move(self, block_id: str, how: str) -> bool:
        """Emit ``moveRequested`` for a keyboard or menu move; False if it cannot move."""
        before = self.move_target(block_id, how)
        if before is None:
            return False
        self.moveRequested.emit(block_id, before)
        return True

    # -- building ----------------------------------------------------------------------

    def _build(self, entries: list[OutlineEntry]) -> None:
        root = self.tree.invisibleRootItem()
        grouped = any(e.kind in (BlockKind.PREAMBULAR, BlockKind.OPERATIVE) for e in entries)
        groups: dict[str, QTreeWidgetItem] = {}

        def group(key: str, title: str) -> QTreeWidgetItem:
            if key not in groups:
                item = QTreeWidgetItem([title])
                item.setData(0, _KEY_ROLE, key)
                item.setFlags(
                    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDropEnabled
                )
                font = item.font(0)
                font.setBold(True)
                item.setFont(0, font)
                root.addChild(item)
                groups[key] = item
            return groups[key]

        # Create the groups in a fixed order so that the preamble always comes first.
        if any(e.kind == "front" for e in entries):
            group(_GROUP_FRONT, "Covering material")
        if grouped:
            group(_GROUP_PREAMBLE, "Preamble")
            group(_GROUP_OPERATIVE, "Operative part")
        annex_from = _annex_start(entries) if grouped else None
        if annex_from is not None:
            group(_GROUP_ANNEX, "Annex")

        parents: list[QTreeWidgetItem] = []
        for index, entry in enumerate(entries):
            item = self._make_item(entry)
            if entry.depth > 0 and parents:
                del parents[entry.depth :]
                parents[-1].addChild(item)
            else:
                if entry.kind == "front":
                    container = groups[_GROUP_FRONT]
                elif not grouped:
                    container = root
                elif annex_from is not None and index >= annex_from:
                    container = groups[_GROUP_ANNEX]
                elif entry.kind == BlockKind.PREAMBULAR:
                    container = groups[_GROUP_PREAMBLE]
                else:
                    container = groups[_GROUP_OPERATIVE]
                container.addChild(item)
                parents = []
            parents.append(item)

        counts = {key: g.childCount() for key, g in groups.items()}
        for key, title in (
            (_GROUP_PREAMBLE, "Preamble"),
            (_GROUP_OPERATIVE, "Operative part"),
            (_GROUP_ANNEX, "Annex"),
        ):
            if key in groups:
                groups[key].setText(0, f"{title} ({counts[key]})")

    def _make_item(self, entry: OutlineEntry) -> QTreeWidgetItem:
        item = QTreeWidgetItem()
        self._describe(item, entry)
        item.setData(0, _ID_ROLE, entry.block_id)
        item.setData(0, _KEY_ROLE, entry.block_id)
        item.setFlags(
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemIsDropEnabled
        )
        if entry.kind == BlockKind.HEADING:
            font = QFont(item.font(0))
            font.setBold(True)
            item.setFont(0, font)
        self._items[entry.block_id] = item
        return item

    @staticmethod
    def _describe(item: QTreeWidgetItem, entry: OutlineEntry) -> None:
        """The caption and tooltip (what changes as the paragraph is typed in)."""
        item.setText(0, entry_caption(entry))
        reference = "" if entry.kind == "front" else f"<b>{html.escape(entry.reference)}</b><br>"
        item.setToolTip(0, f"<p>{reference}{html.escape(entry.text) or '<i>(empty)</i>'}</p>")

    # -- helpers -----------------------------------------------------------------------

    def _parent(self, item: QTreeWidgetItem) -> QTreeWidgetItem:
        return item.parent() or self.tree.invisibleRootItem()

    def _sibling_ids(self, parent: QTreeWidgetItem) -> list[str]:
        children = (parent.child(i) for i in range(parent.childCount()))
        return [bid for bid in (_block_id(child) for child in children) if bid]

    @staticmethod
    def _before_now(block_id: str, siblings: list[str]) -> str:
        index = siblings.index(block_id)
        return siblings[index + 1] if index + 1 < len(siblings) else ""

    def _all_items(self) -> list[QTreeWidgetItem]:
        out: list[QTreeWidgetItem] = []
        stack = [self.tree.invisibleRootItem()]
        while stack:
            item = stack.pop()
            for i in range(item.childCount()):
                out.append(item.child(i))
                stack.append(item.child(i))
        return out

    def _remember_expansion(self, item: QTreeWidgetItem, expanded: bool) -> None:
        if self._rebuilding:
            return
        key = item.data(0, _KEY_ROLE)
        if not key:
            return
        if expanded:
            self._collapsed.discard(key)
        else:
            self._collapsed.add(key)

    def _on_item_clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        """A click shows the paragraph and leaves the keyboard in the Outline (Alt+Up, arrows)."""
        block_id = _block_id(item)
        if block_id:
            self.shown.emit(block_id)

    def _on_item_activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        block_id = _block_id(item)
        if block_id:
            self.activated.emit(block_id)

    # -- moving by keyboard and menu ---------------------------------------------------

    def _move_action(self, text: str, how: str, shortcut: str) -> QAction:
        action = QAction(text, self.tree)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.setData(how)
        action.triggered.connect(lambda: self._move_current(how))
        self.tree.addAction(action)
        return action

    def _move_current(self, how: str) -> None:
        block_id = self.current_block_id()
        if block_id:
            self.request_move(block_id, how)

    def _update_actions(self) -> None:
        block_id = self.current_block_id()
        for action in (
            self.move_up_action,
            self.move_down_action,
            self.move_to_top_action,
            self.move_to_bottom_action,
        ):
            action.setEnabled(bool(block_id) and self.move_target(block_id, action.data()) is not None)

    def _show_context_menu(self, point: QPoint) -> None:
        item = self.tree.itemAt(point)
        if item is None or not _block_id(item):
            return
        self.tree.setCurrentItem(item)
        self._update_actions()
        menu = QMenu(self.tree)
        for action in (
            self.move_up_action,
            self.move_down_action,
            self.move_to_top_action,
            self.move_to_bottom_action,
        ):
            menu.addAction(action)
        menu.exec(self.tree.viewport().mapToGlobal(point))


def _block_id(item: QTreeWidgetItem) -> str:
    return item.data(0, _ID_ROLE) or ""
