"""The footnotes dock: every footnote with its number, and an editor for the selected one.

The panel never changes the document. An edit is committed when the user pauses typing,
presses Ctrl+Enter (or Enter: a footnote is one paragraph) or leaves the editor, and only
if the text really changed; committing emits ``edited(footnote_id, content)`` and the
owner applies it (as an undoable command) and calls :meth:`FootnotesPanel.set_footnotes`.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QFocusEvent,
    QFont,
    QKeyEvent,
    QKeySequence,
    QPalette,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from drafting.model import Document, Inline, plain_text
from drafting.numbering import footnote_numbers, footnote_reference_counts
from ui.inline_text import content_to_qtextdocument, qtextdocument_to_content

COMMIT_DELAY_MS = 600
"""How long a pause in typing commits the footnote being edited."""

_ID_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class FootnoteEntry:
    """One footnote as the panel shows it: its derived number and how often it is cited."""

    footnote_id: str
    number: int
    content: list
    references: int


def footnote_entries(
    document: Document,
    numbers: dict[str, int] | None = None,
    references: dict[str, int] | None = None,
) -> list[FootnoteEntry]:
    """Entries for every footnote of ``document``, in number order.

    ``numbers`` and ``references`` are the session's (already derived at the last refresh);
    when absent they are derived from ``document`` by the core.
    """
    numbers = footnote_numbers(document) if numbers is None else numbers
    references = footnote_reference_counts(document) if references is None else references
    entries = [
        FootnoteEntry(fid, numbers.get(fid, 0), list(note.content), references.get(fid, 0))
        for fid, note in document.footnotes.items()
    ]
    return sorted(entries, key=lambda e: e.number)


def entry_caption(entry: FootnoteEntry) -> str:
    """What the list shows: "11  Ibid., vol. 976, No. 14152." (plus "(not referenced)")."""
    text = " ".join(plain_text(entry.content).split())
    caption = f"{entry.number}  {text}"
    return caption if entry.references else f"{caption}  (not referenced)"


class _FootnoteList(QListWidget):
    """The list; Enter on a footnote goes to its reference, like a double-click."""

    def __init__(self, panel: FootnotesPanel) -> None:
        super().__init__(panel)
        self._panel = panel

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem() is not None:
            self._panel.activated.emit(self.currentItem().data(_ID_ROLE))
            return
        super().keyPressEvent(event)


class _FootnoteEditor(QTextEdit):
    """A one-paragraph rich text editor: Ctrl+I / Ctrl+B / Ctrl+U format, Enter commits,
    leaving it commits."""

    _FORMAT_KEYS = (
        QKeySequence.StandardKey.Italic,
        QKeySequence.StandardKey.Bold,
        QKeySequence.StandardKey.Underline,
    )

    def __init__(self, panel: FootnotesPanel) -> None:
        super().__init__(panel)
        self._panel = panel
        self.setAcceptRichText(True)
        self.setTabChangesFocus(True)
        self.setPlaceholderText("Select a footnote to edit its text.")

    def event(self, event: QEvent) -> bool:
        # Keep our keys from window-wide shortcuts (the main window's own Italic action).
        if event.type() == QEvent.Type.ShortcutOverride and (
            self._format_key(event) is not None or _is_enter(event)
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = self._format_key(event)
        if key is not None:
            self.toggle(key)
            return
        if _is_enter(event):
            self._panel.commit()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        # A context menu of the editor itself takes focus without leaving the edit.
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self._panel.commit()

    def toggle(self, key: QKeySequence.StandardKey) -> None:
        """Switch italic, bold or underline on the selection or for what is typed next."""
        fmt = QTextCharFormat()
        if key == QKeySequence.StandardKey.Italic:
            fmt.setFontItalic(not self.fontItalic())
        elif key == QKeySequence.StandardKey.Bold:
            bold = self.fontWeight() >= QFont.Weight.DemiBold
            fmt.setFontWeight(QFont.Weight.Normal if bold else QFont.Weight.Bold)
        else:
            fmt.setFontUnderline(not self.fontUnderline())
        self.mergeCurrentCharFormat(fmt)

    def _format_key(self, event: QKeyEvent) -> QKeySequence.StandardKey | None:
        for key in self._FORMAT_KEYS:
            if event.matches(key):
                return key
        return None


def _is_enter(event: QKeyEvent) -> bool:
    """Enter with or without Ctrl or Shift: a footnote has no second paragraph or line."""
    return event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class FootnotesPanel(QWidget):
    """The list of footnotes and an editor for the selected one."""

    activated = Signal(str)
    """Go to the first reference of this footnote (double-click or Enter in the list)."""
    edited = Signal(str, object)
    """The user changed a footnote's text: footnote id, new content (``list[Inline]``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entries: dict[str, FootnoteEntry] = {}
        self._order: list[str] = []
        self._current: str | None = None
        self._source: list[Inline] = []
        """The content the owner last gave for the footnote in the editor."""
        self._baseline: list[Inline] = []
        """What the editor held when loaded or last committed: the test for "changed"."""
        self._loading = False

        self.list = _FootnoteList(self)
        self.list.setAccessibleName("Footnotes")
        self.list.setUniformItemSizes(True)
        self.heading = QLabel("No footnote selected", self)
        self.editor = _FootnoteEditor(self)
        self.editor.setAccessibleName("Footnote text")
        self.editor.setEnabled(False)

        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.heading)
        lower_layout.addWidget(self.editor)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.list)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COMMIT_DELAY_MS)
        self._timer.timeout.connect(self.commit)

        self.editor.textChanged.connect(self._on_text_changed)
        self.list.currentItemChanged.connect(self._on_current_changed)
        self.list.itemDoubleClicked.connect(lambda item: self.activated.emit(item.data(_ID_ROLE)))

    # -- input -------------------------------------------------------------------------

    def set_footnotes(self, entries: list[FootnoteEntry]) -> None:
        """Show ``entries``. An edit in progress on a footnote that is still there is kept
        as it is; if the editor holds no uncommitted change and the footnote's text changed
        elsewhere (undo), the editor shows the new text."""
        entries = sorted(entries, key=lambda e: e.number)
        self._entries = {e.footnote_id: e for e in entries}
        order = [e.footnote_id for e in entries]
        self.list.blockSignals(True)
        try:
            if order == self._order:
                for row, entry in enumerate(entries):
                    self._fill_item(self.list.item(row), entry)
            else:
                self._order = order
                self.list.clear()
                for entry in entries:
                    item = QListWidgetItem()
                    self._fill_item(item, entry)
                    self.list.addItem(item)
            row = order.index(self._current) if self._current in self._entries else -1
            self.list.setCurrentRow(row)
        finally:
            self.list.blockSignals(False)
        if self._current is None:
            return
        entry = self._entries.get(self._current)
        if entry is None:
            self._load(None)
        elif entry.content != self._source:
            if self._editor_content() == self._baseline:
                self._load(entry)
            else:
                self._source = list(entry.content)
        self._update_heading()

    def select(self, footnote_id: str) -> None:
        """Select a footnote and show it in the editor (committing the previous one)."""
        if footnote_id not in self._entries:
            return
        self.list.setCurrentRow(self._order.index(footnote_id))
        self.list.scrollToItem(self.list.currentItem())

    # -- output ------------------------------------------------------------------------

    def current_footnote_id(self) -> str | None:
        return self._current

    def commit(self) -> None:
        """Emit ``edited`` for the footnote in the editor if its text changed."""
        self._timer.stop()
        if self._current is None or self._loading:
            return
        content = self._editor_content()
        if content == self._baseline:
            return
        self._baseline = content
        self._source = list(content)
        self.edited.emit(self._current, content)

    # -- internals ---------------------------------------------------------------------

    def _fill_item(self, item: QListWidgetItem, entry: FootnoteEntry) -> None:
        item.setText(entry_caption(entry))
        item.setData(_ID_ROLE, entry.footnote_id)
        text = html.escape(plain_text(entry.content))
        if entry.references:
            times = "once" if entry.references == 1 else f"{entry.references} times"
            item.setToolTip(f"<p><b>Footnote {entry.number}</b> (cited {times})<br>{text}</p>")
            item.setForeground(QBrush())
        else:
            item.setToolTip(f"<p><b>Footnote {entry.number}</b> (not referenced)<br>{text}</p>")
            item.setForeground(self.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))

    def _on_current_changed(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        self.commit()
        footnote_id = current.data(_ID_ROLE) if current is not None else None
        self._load(self._entries.get(footnote_id) if footnote_id else None)

    def _load(self, entry: FootnoteEntry | None) -> None:
        self._timer.stop()
        self._loading = True
        try:
            if entry is None:
                self._current = None
                self._source = []
                self.editor.clear()
                self.editor.setEnabled(False)
            else:
                self._current = entry.footnote_id
                self._source = list(entry.content)
                content_to_qtextdocument(entry.content, self.editor.document())
                self.editor.setEnabled(True)
                self.editor.moveCursor(QTextCursor.MoveOperation.End)
            self.editor.document().clearUndoRedoStacks()
            self._baseline = self._editor_content()
        finally:
            self._loading = False
        self._update_heading()

    def _update_heading(self) -> None:
        entry = self._entries.get(self._current) if self._current else None
        if entry is None:
            self.heading.setText("No footnote selected")
        elif entry.references:
            self.heading.setText(f"Footnote {entry.number}")
        else:
            self.heading.setText(f"Footnote {entry.number} (not referenced)")

    def _editor_content(self) -> list[Inline]:
        return qtextdocument_to_content(self.editor.document())

    def _on_text_changed(self) -> None:
        if not self._loading and self._current is not None:
            self._timer.start()
