"""The comparison view: a list of changes beside an inline redline or the two texts side by side.

The view shows a :class:`drafting.compare.Comparison` it is given (:meth:`CompareView.set_comparison`)
and says what the user asked for through signals (export, print, accept or reject a change);
file dialogs and editing are the owner's job. Going through changes: pick a row, or F8 / Shift+F8.
In the side-by-side view the two texts scroll together, paragraph by paragraph.

The texts of a long comparison are written in pieces between events (:mod:`ui.compare_build`):
the list of changes is complete at once, the first screen of text too, and the rest follows
within a second or so for 1 MB while the window keeps answering. A change chosen before its
paragraph is written is shown as soon as it is (:meth:`CompareView.is_building`,
:attr:`CompareView.built`). A comparison of some 40 KB is complete when ``set_comparison``
returns.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QTextDocument
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
    QVBoxLayout,
    QWidget,
)

from drafting.compare import Comparison
from drafting.model import Document
from ui.compare_browsers import KIND_COLOURS, ChangeBrowser, ScrollSync
from ui.compare_build import FIRST_SCREEN, SHORT_TEXT, Job, PieceBuilder
from ui.compare_entries import ChangeEntry, change_entries, summary_text
from ui.compare_inline import ChangeAnchor, InlineRedline
from ui.compare_list import INDEX_ROLE, ChangeList
from ui.compare_side import SideBySide
from ui.compare_writer import Side, text_within

__all__ = ["BUSY_TEXT", "INDEX_ROLE", "WRITING_TEXT", "CompareView"]

BUSY_TEXT = "Comparing…"
WRITING_TEXT = "Writing out the changes…"
"""Shown while a long comparison's texts are being written."""


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
    built = Signal()
    """The texts being written are complete (see :meth:`is_building`)."""

    INLINE, SIDE_BY_SIDE = 0, 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._comparison: Comparison | None = None
        self._documents: tuple[Document | None, Document | None] = (None, None)
        self._entries: list[ChangeEntry] = []
        self._titles = ("Old text", "New text")
        self._inline: InlineRedline | None = None
        self._side: SideBySide | None = None
        self._sides: tuple[Side, Side] | None = None
        self._builders: list[PieceBuilder] = []
        """The builders writing the current texts (the inline one, then the side-by-side one)."""
        self._comparing = False
        self._waiting = False
        """The selected change's paragraph is not written yet: show it once it is."""
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

        self.change_list = ChangeList(self)
        self.change_list.itemSelectionChanged.connect(self._selection_changed)

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
        self._stop_building()
        self._comparison = None
        self._documents = (None, None)
        self._entries = []
        self._inline = self._side = self._sides = None
        self.sync.set_pairs([])
        for browser in (self.inline_browser, self.old_browser, self.new_browser):
            browser.show_document(QTextDocument())
            browser.set_mark(None)
        self.change_list.clear()
        self.change_list.setHeaderLabels(["Changes"])
        self.summary_label.clear()
        self._set_enabled_state()
        self._show_busy()

    def comparison(self) -> Comparison | None:
        return self._comparison

    def documents(self) -> tuple[Document | None, Document | None]:
        """The old and new documents given to :meth:`set_comparison`."""
        return self._documents

    def set_busy(self, busy: bool) -> None:
        """Show that a comparison is being made (the current one stays until the new one comes)."""
        self._comparing = busy
        self._show_busy()

    def is_busy(self) -> bool:
        """Whether the bar says a comparison is being made or its texts are being written."""
        return self.progress.isVisibleTo(self)

    def is_building(self) -> bool:
        """Whether the texts shown are still being written (:attr:`built` follows)."""
        return any(builder.is_running() for builder in self._builders)

    def finish_building(self) -> None:
        """Write the rest of the texts now (printing needs the whole text)."""
        for builder in list(self._builders):
            builder.finish()

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
        self.stack.setCurrentIndex(mode)  # first: hidden browsers are narrow, and text laid out
        if mode == self.SIDE_BY_SIDE:  # for them would be laid out again when they are shown
            self._build_side()
        self._show_current()

    def changes(self) -> list[ChangeEntry]:
        """The listed changes, in list order."""
        return list(self._entries)

    def current_change_index(self) -> int:
        """The selected change's index in :meth:`changes`, or -1."""
        return self.change_list.selected_index()

    def current_change(self) -> ChangeEntry | None:
        index = self.current_change_index()
        return self._entries[index] if index >= 0 else None

    def anchors(self) -> list[ChangeAnchor]:
        """Where each change starts in the inline document (those written so far)."""
        anchors = self._inline.anchors if self._inline is not None else {}
        return [anchors[i] for i in sorted(anchors)]

    def select_change(self, index: int) -> None:
        self.change_list.select_index(index)

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
        self._stop_building()
        show = self.show_formatting()
        self._entries = change_entries(comparison, show_formatting=show)
        self.change_list.show_entries(self._entries)
        summary = summary_text(self._entries)
        words = comparison.summary()
        if words["words_inserted"] or words["words_deleted"]:
            inserted = words["words_inserted"]
            summary += f"  —  {inserted} word{'' if inserted == 1 else 's'} inserted, {words['words_deleted']} deleted"
        self.summary_label.setText(summary)
        self.summary_label.setToolTip(summary)
        self.change_list.headerItem().setToolTip(0, summary_text(self._entries))
        self._set_enabled_state()

        self._sides = Side.pair(comparison)
        self._inline = InlineRedline(
            comparison, show_formatting=show, sides=self._sides, entries=self._entries
        )
        self._side = None
        self.sync.set_pairs([])
        self.inline_browser.set_mark(None)
        self.inline_browser.show_document(self._inline.document)
        self._start_building([Job(self._inline.out.cursor, self._inline.steps())])
        if self.mode() == self.SIDE_BY_SIDE:
            self._build_side()
        for index, entry in enumerate(self._entries):
            if (keep is not None and entry.change is keep) or (
                keep_title is not None and entry.title == keep_title
            ):
                self.select_change(index)
                break

    def _build_side(self) -> None:
        """Write the side-by-side texts (only when first shown: most readers stay inline)."""
        if self._side is not None or self._comparison is None:
            return
        self._side = SideBySide(
            self._comparison, show_formatting=self.show_formatting(), sides=self._sides, entries=self._entries
        )
        for browser, writer in ((self.old_browser, self._side.left), (self.new_browser, self._side.right)):
            browser.set_mark(None)
            browser.show_document(writer.doc)
        self.sync.set_pairs([])
        jobs = [Job(writer.cursor, writer.steps()) for writer in (self._side.left, self._side.right)]
        self._start_building(jobs)

    def _start_building(self, jobs: list[Job]) -> None:
        """Write a short comparison whole, now; of a long one the first screen now, the rest in
        pieces (the choice is by size, never by time, so a short one is always complete)."""
        builder = PieceBuilder(jobs, self)
        self._builders.append(builder)  # before start(): a short text is finished within it
        builder.progressed.connect(self._piece_written)
        builder.finished.connect(lambda: self._builder_finished(builder))
        comparison = self._comparison
        assert comparison is not None
        short = text_within(comparison.old, SHORT_TEXT) and text_within(comparison.new, SHORT_TEXT)
        builder.start(None if short else FIRST_SCREEN)
        self._show_busy()

    def _stop_building(self) -> None:
        for builder in self._builders:
            builder.cancel()
            builder.deleteLater()
        self._builders = []
        self._waiting = False

    def _piece_written(self) -> None:
        if self._waiting:
            self._show_current()

    def _builder_finished(self, builder: PieceBuilder) -> None:
        if builder not in self._builders:
            return
        if self._side is not None and self._side.left.done and self._side.right.done:
            self.sync.set_pairs(self._side.pairs())
        self._show_busy()
        if not self.is_building():
            self.built.emit()

    def _show_busy(self) -> None:
        writing = self.is_building()
        self.busy_label.setText(BUSY_TEXT if self._comparing or not writing else WRITING_TEXT)
        for widget in (self.busy_label, self.progress):
            widget.setVisible(self._comparing or writing)

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
        self._waiting = False
        if index < 0:
            for browser in (self.inline_browser, self.old_browser, self.new_browser):
                browser.set_mark(None)
            return
        colour = KIND_COLOURS.get(self._entries[index].kind, KIND_COLOURS["modified"])
        if self.mode() == self.INLINE:
            anchor = self._inline.anchors.get(index) if self._inline is not None else None
            if anchor is None:
                self._waiting = self.is_building()
                return
            block = self.inline_browser.document().findBlock(anchor.position).blockNumber()
            self.inline_browser.set_mark(block, colour)
            self.inline_browser.scroll_to_block(block)
            return
        pair = self._side.pair(index) if self._side is not None else None
        if pair is None:
            self._waiting = self.is_building()
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
