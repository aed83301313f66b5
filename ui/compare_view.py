"""The comparison view: a list of changes beside an inline redline or the two texts side by side.

The view shows a :class:`drafting.compare.Comparison` it is given (:meth:`CompareView.set_comparison`)
and says what the user asked for through signals (export, print, accept or reject a change);
file dialogs and editing are the owner's job. Going through changes: pick a row, or F8 / Shift+F8.
In the side-by-side view the two texts scroll together, paragraph by paragraph.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QIcon,
    QKeySequence,
    QPainter,
    QPixmap,
    QShortcut,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from drafting.compare import BlockChange, Comparison
from drafting.model import Document
from ui.compare_browsers import KIND_COLOURS, ChangeBrowser, ScrollSync
from ui.compare_render import (
    ChangeAnchor,
    ChangeEntry,
    RowPair,
    change_entries,
    inline_document,
    side_by_side_documents,
    summary_text,
)

INDEX_ROLE = Qt.ItemDataRole.UserRole
BUSY_TEXT = "Comparing…"


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


class CompareView(QWidget):
    """Changes on the left, the compared texts in the centre, commands on top."""

    exportDocxRequested = Signal()
    exportHtmlRequested = Signal()
    printRequested = Signal()
    acceptRequested = Signal(object)
    """The engine's change object (BlockChange, FootnoteChange or MetadataChange) to accept."""
    rejectRequested = Signal(object)
    currentChangeChanged = Signal(int)
    """The index of the selected change (-1: none)."""

    INLINE, SIDE_BY_SIDE = 0, 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._comparison: Comparison | None = None
        self._documents: tuple[Document | None, Document | None] = (None, None)
        self._entries: list[ChangeEntry] = []
        self._anchors: dict[int, ChangeAnchor] = {}
        self._pairs: dict[int, RowPair] = {}
        self._titles = ("Old text", "New text")
        self._side_built = False
        self._build()
        self._set_enabled_state()

    # --- construction ------------------------------------------------------------------------

    def _build(self) -> None:
        self.title_label = QLabel(self)
        self.title_label.setTextFormat(Qt.TextFormat.RichText)
        self.title_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        title_font = self.title_label.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.15)
        self.title_label.setFont(title_font)
        self.summary_label = QLabel(self)
        self.summary_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.busy_label = QLabel(BUSY_TEXT, self)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setFormat(BUSY_TEXT)
        self.progress.setMaximumWidth(140)
        self.progress.setMaximumHeight(14)
        for widget in (self.busy_label, self.progress):
            widget.setVisible(False)

        self.export_docx_button = QPushButton("Export as Word…", self)
        self.export_html_button = QPushButton("Export as HTML…", self)
        self.print_button = QPushButton("Print…", self)
        self.export_docx_button.setToolTip("Save the comparison as a Word file with tracked changes")
        self.export_html_button.setToolTip("Save the comparison as a web page")
        self.export_docx_button.clicked.connect(self.exportDocxRequested)
        self.export_html_button.clicked.connect(self.exportHtmlRequested)
        self.print_button.clicked.connect(self.printRequested)

        self.inline_button = QPushButton("Inline", self)
        self.side_button = QPushButton("Side by side", self)
        self.mode_group = QButtonGroup(self)
        for mode, button in ((self.INLINE, self.inline_button), (self.SIDE_BY_SIDE, self.side_button)):
            button.setCheckable(True)
            self.mode_group.addButton(button, mode)
        self.inline_button.setChecked(True)
        self.mode_group.idClicked.connect(self.set_mode)
        self.formatting_box = QCheckBox("Show formatting changes", self)
        self.formatting_box.setToolTip("List changes of spacing, hyphens and italics too")
        self.formatting_box.toggled.connect(self._formatting_toggled)
        self.previous_button = QPushButton("Previous change", self)
        self.next_button = QPushButton("Next change", self)
        self.previous_button.setToolTip("Go to the previous change (Shift+F8)")
        self.next_button.setToolTip("Go to the next change (F8)")
        self.previous_button.clicked.connect(self.previous_change)
        self.next_button.clicked.connect(self.next_change)
        self.accept_button = QPushButton("Accept change", self)
        self.reject_button = QPushButton("Reject change", self)
        self.accept_button.clicked.connect(lambda: self._emit_for_current(self.acceptRequested))
        self.reject_button.clicked.connect(lambda: self._emit_for_current(self.rejectRequested))
        for button in (self.accept_button, self.reject_button):
            button.setVisible(False)
        self._accept_reject = False

        heading = QHBoxLayout()
        heading.addWidget(self.title_label, 1)
        heading.addWidget(self.export_docx_button)
        heading.addWidget(self.export_html_button)
        heading.addWidget(self.print_button)
        status = QHBoxLayout()
        status.addWidget(self.summary_label, 1)
        status.addWidget(self.busy_label)
        status.addWidget(self.progress)
        commands = QHBoxLayout()
        commands.setSpacing(6)
        commands.addWidget(self.inline_button)
        commands.addWidget(self.side_button)
        commands.addSpacing(12)
        commands.addWidget(self.formatting_box)
        commands.addStretch(1)
        commands.addWidget(self.accept_button)
        commands.addWidget(self.reject_button)
        commands.addSpacing(12)
        commands.addWidget(self.previous_button)
        commands.addWidget(self.next_button)

        self.change_list = QTreeWidget(self)
        self.change_list.setColumnCount(1)
        self.change_list.setHeaderLabels(["Changes"])
        self.change_list.setRootIsDecorated(False)
        self.change_list.setUniformRowHeights(True)
        self.change_list.setSelectionMode(QTreeWidget.SelectionMode.SingleSelection)
        # Selection, not the current item: a list given focus makes its first row current unselected,
        # and that must not move the text.
        self.change_list.itemSelectionChanged.connect(self._selection_changed)
        self.change_list.setMinimumWidth(200)

        self.inline_browser = ChangeBrowser(self)
        self.old_browser = ChangeBrowser(self)
        self.new_browser = ChangeBrowser(self)
        self.old_caption = QLabel(self)
        self.new_caption = QLabel(self)
        side = QSplitter(Qt.Orientation.Horizontal, self)
        for caption, browser in ((self.old_caption, self.old_browser), (self.new_caption, self.new_browser)):
            caption.setContentsMargins(8, 4, 8, 4)
            caption.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            pane = QWidget(side)
            column = QVBoxLayout(pane)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(0)
            column.addWidget(caption)
            column.addWidget(browser, 1)
            side.addWidget(pane)
        side.setChildrenCollapsible(False)
        self.sync = ScrollSync(self.old_browser, self.new_browser)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.inline_browser)
        self.stack.addWidget(side)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.change_list)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([270, 930])
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addLayout(heading)
        layout.addLayout(status)
        layout.addLayout(commands)
        layout.addWidget(splitter, 1)

        for keys, slot in (("F8", self.next_change), ("Shift+F8", self.previous_change)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self._show_titles()

    # --- public API ----------------------------------------------------------------------------

    def set_comparison(
        self,
        comparison: Comparison,
        old_title: str = "Old text",
        new_title: str = "New text",
        old_doc: Document | None = None,
        new_doc: Document | None = None,
    ) -> None:
        """Show ``comparison``. ``old_doc``/``new_doc`` default to the documents it compared
        (:attr:`Comparison.old`/``new``), which are the ones rendered."""
        self._comparison = comparison
        self._documents = (old_doc or comparison.old, new_doc or comparison.new)
        self._titles = (old_title, new_title)
        self._show_titles()
        current = self.current_change()
        self._rebuild(keep=None, keep_title=current.title if current else None)

    def clear(self) -> None:
        self._comparison = None
        self._documents = (None, None)
        self._entries = []
        self._anchors, self._pairs = {}, {}
        self._side_built = False
        self.sync.set_pairs([])
        for browser in (self.inline_browser, self.old_browser, self.new_browser):
            browser.show_document(QTextDocument())
            browser.set_mark(None)
        self.change_list.clear()
        self.change_list.setHeaderLabels(["Changes"])
        self.summary_label.clear()
        self._set_enabled_state()

    def comparison(self) -> Comparison | None:
        return self._comparison

    def documents(self) -> tuple[Document | None, Document | None]:
        """The old and new documents given to :meth:`set_comparison`."""
        return self._documents

    def set_busy(self, busy: bool) -> None:
        """Show that a comparison is being made (the current one stays until the new one comes)."""
        self.busy_label.setVisible(busy)
        self.progress.setVisible(busy)

    def is_busy(self) -> bool:
        return self.progress.isVisibleTo(self)

    def set_accept_reject_enabled(self, enabled: bool) -> None:
        self._accept_reject = enabled
        self.accept_button.setVisible(enabled)
        self.reject_button.setVisible(enabled)
        self._set_enabled_state()

    def set_show_formatting(self, show: bool) -> None:
        self.formatting_box.setChecked(show)

    def show_formatting(self) -> bool:
        return self.formatting_box.isChecked()

    def mode(self) -> int:
        return self.stack.currentIndex()

    def set_mode(self, mode: int) -> None:
        """:attr:`INLINE` or :attr:`SIDE_BY_SIDE`; the current change stays in view."""
        self.mode_group.button(mode).setChecked(True)
        if mode == self.SIDE_BY_SIDE:
            self._build_side()
        self.stack.setCurrentIndex(mode)
        self._show_current()

    def changes(self) -> list[ChangeEntry]:
        """The listed changes, in list order."""
        return list(self._entries)

    def current_change_index(self) -> int:
        """The selected change's index in :meth:`changes`, or -1."""
        items = self.change_list.selectedItems()
        return items[0].data(0, INDEX_ROLE) if items else -1

    def current_change(self) -> ChangeEntry | None:
        index = self.current_change_index()
        return self._entries[index] if index >= 0 else None

    def anchors(self) -> list[ChangeAnchor]:
        """Where each change starts in the inline document."""
        return [self._anchors[i] for i in sorted(self._anchors)]

    def select_change(self, index: int) -> None:
        if 0 <= index < self.change_list.topLevelItemCount():
            self.change_list.setCurrentItem(self.change_list.topLevelItem(index))

    def next_change(self) -> None:
        current = self.current_change_index()
        self.select_change(0 if current < 0 else min(current + 1, len(self._entries) - 1))

    def previous_change(self) -> None:
        current = self.current_change_index()
        self.select_change(len(self._entries) - 1 if current < 0 else max(current - 1, 0))

    # --- building ------------------------------------------------------------------------------

    def _show_titles(self) -> None:
        old, new = (t.replace("&", "&amp;").replace("<", "&lt;") for t in self._titles)
        self.title_label.setText(f"<b>{old}</b> &nbsp;→&nbsp; <b>{new}</b>")
        self.title_label.setToolTip(f"{self._titles[0]} → {self._titles[1]}")
        self.old_caption.setText(f"<b>{old}</b>")
        self.new_caption.setText(f"<b>{new}</b>")

    def _formatting_toggled(self, _checked: bool) -> None:
        if self._comparison is not None:
            current = self.current_change()
            self._rebuild(keep=current.change if current else None)

    def _rebuild(self, keep: object | None, keep_title: str | None = None) -> None:
        """Remake the list and the texts; select again the change ``keep`` (same object) or, for a
        new comparison of the same texts, the change titled ``keep_title``."""
        comparison = self._comparison
        assert comparison is not None
        show = self.show_formatting()
        self._entries = change_entries(comparison, show_formatting=show)
        inline, anchors = inline_document(comparison, show_formatting=show)
        self._anchors = {anchor.index: anchor for anchor in anchors}
        self.inline_browser.set_mark(None)
        self.inline_browser.show_document(inline)
        self._side_built = False
        if self.mode() == self.SIDE_BY_SIDE:
            self._build_side()

        self.change_list.blockSignals(True)
        self.change_list.clear()
        items = []
        for index, entry in enumerate(self._entries):
            item = QTreeWidgetItem([entry.title])
            item.setData(0, INDEX_ROLE, index)
            item.setIcon(0, _swatch(KIND_COLOURS.get(entry.kind, KIND_COLOURS["modified"])))
            item.setToolTip(0, _tooltip(entry))
            items.append(item)
        self.change_list.addTopLevelItems(items)
        self.change_list.blockSignals(False)
        count = len(self._entries)
        self.change_list.setHeaderLabels(
            [f"{count} change{'s' if count != 1 else ''}" if count else "No changes"]
        )
        summary = summary_text(self._entries)
        words = comparison.summary()
        if words["words_inserted"] or words["words_deleted"]:
            summary += f"  —  {words['words_inserted']} words inserted, {words['words_deleted']} deleted"
        self.summary_label.setText(summary)
        self.summary_label.setToolTip(summary)
        self.change_list.headerItem().setToolTip(0, summary_text(self._entries))
        self._set_enabled_state()
        for index, entry in enumerate(self._entries):
            if (keep is not None and entry.change is keep) or (
                keep_title is not None and entry.title == keep_title
            ):
                self.select_change(index)
                break

    def _build_side(self) -> None:
        """Make the side-by-side texts (only when first shown: most readers stay inline)."""
        if self._side_built or self._comparison is None:
            return
        old, new, pairs = side_by_side_documents(self._comparison, show_formatting=self.show_formatting())
        self._pairs = {pair.change_index: pair for pair in pairs if pair.change_index is not None}
        for browser, document in ((self.old_browser, old), (self.new_browser, new)):
            browser.set_mark(None)
            browser.show_document(document)
        self.sync.set_pairs(pairs)
        self._side_built = True

    def _set_enabled_state(self) -> None:
        has = self._comparison is not None
        for button in (self.export_docx_button, self.export_html_button, self.print_button):
            button.setEnabled(has)
        for button in (self.previous_button, self.next_button):
            button.setEnabled(bool(self._entries))
        selected = self.current_change_index() >= 0
        self.accept_button.setEnabled(self._accept_reject and selected)
        self.reject_button.setEnabled(self._accept_reject and selected)

    # --- navigation ----------------------------------------------------------------------------

    def _selection_changed(self) -> None:
        self._set_enabled_state()
        self._show_current()
        self.currentChangeChanged.emit(self.current_change_index())

    def _show_current(self) -> None:
        index = self.current_change_index()
        if index < 0:
            for browser in (self.inline_browser, self.old_browser, self.new_browser):
                browser.set_mark(None)
            return
        colour = KIND_COLOURS.get(self._entries[index].kind, KIND_COLOURS["modified"])
        if self.mode() == self.INLINE:
            anchor = self._anchors.get(index)
            if anchor is not None:
                block = self.inline_browser.document().findBlock(anchor.position).blockNumber()
                self.inline_browser.set_mark(block, colour)
                self.inline_browser.scroll_to_block(block)
            return
        pair = self._pairs.get(index)
        if pair is None:
            return
        self.old_browser.set_mark(pair.old_block_number, colour)
        self.new_browser.set_mark(pair.new_block_number, colour)
        if pair.old_block_number is not None and pair.new_block_number is not None:
            with self.sync.hold():  # a moved paragraph: each side goes to its own place
                self.old_browser.scroll_to_block(pair.old_block_number)
                self.new_browser.scroll_to_block(pair.new_block_number)
        elif pair.new_block_number is not None:
            self.new_browser.scroll_to_block(pair.new_block_number)  # the old side follows to the gap
        elif pair.old_block_number is not None:
            self.old_browser.scroll_to_block(pair.old_block_number)

    def _emit_for_current(self, signal) -> None:
        entry = self.current_change()
        if entry is not None and self._accept_reject:
            signal.emit(entry.change)
