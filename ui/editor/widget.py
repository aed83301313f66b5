"""The drafting surface widget: a ``QTextEdit`` that knows paragraph kinds.

It paints live labels in the margin, turns Enter / Ctrl+Enter / Tab / Shift+Tab into
structural edits, italicizes a known opening phrase as it is typed, shows proposal
tooltips, and treats a footnote marker and the word joiner before it as one character
(the cursor, deleting keys, copying). It emits requests (undo, redo, completion, context actions) and leaves the
decisions that need the model to the document session.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QInputMethodEvent,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QTextCursor,
    QTextDocument,
    QTextDocumentFragment,
)
from PySide6.QtWidgets import QTextEdit, QToolTip, QWidget

from drafting.model import Text
from ui.editor import clipboard, footnote_marker, formats, margin_marks
from ui.editor.labels import surface_labels
from ui.fonts import body_font


class DraftEditor(QTextEdit):
    """Signals carry intentions; :class:`ui.document_session.DocumentSession` carries them out."""

    undoRequested = Signal()
    redoRequested = Signal()
    newParagraphRequested = Signal(str)
    """Enter (""): split, same kind; Ctrl+Enter ("operative"): the next operative paragraph."""
    indentRequested = Signal(int)
    """+1: down to (a) / (i) (Tab); -1: back up (Shift+Tab)."""
    clipPasted = Signal(object)
    """Content copied from a Penholder surface is to be pasted at the cursor (a ``Clip``)."""
    typedAtParagraphStart = Signal()
    """A printable character was typed (openers and completion look at it)."""

    def __init__(self, qdoc: QTextDocument, language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        qdoc.setIndentWidth(formats.INDENT)  # a paragraph's indent levels (formats.apply_layout)
        self.setDocument(qdoc)
        self.language = language
        self.setAcceptRichText(False)
        self.setTabChangesFocus(False)
        self.setUndoRedoEnabled(True)
        self._labels: list[str | None] = []
        self._references: list[str] = []
        self._labels_dirty = True
        self.completion_popup = None  # set by the session: a widget with handle_key(event) -> bool
        self.clip_source = None  # set by the session: () -> (footnotes, proposals) for copying
        self.clipboard_notes: set[str] = set()
        """Footnotes cited by what was last copied or cut (not orphaned while on the clipboard)."""
        self.suggesting = None
        """Set by the session: its ``ui.editor.suggesting.Suggester``. While it is active, every
        key, input method commit, paste and drop that would change the text goes to it."""
        qdoc.setDefaultFont(body_font(language))
        qdoc.setDocumentMargin(24)
        qdoc.blockCountChanged.connect(self.mark_structure_changed)
        self._key_from: int | None = None
        """Where the cursor was when the key being handled was pressed (None outside keys)."""
        self._adjusting = False
        self.cursorPositionChanged.connect(self._keep_markers_whole)
        self.setViewportMargins(0, 0, 0, 0)
        self.set_language(language)

    # -- labels -------------------------------------------------------------------------------------

    def set_language(self, language: str) -> None:
        self.language = language
        rtl = language == "ar"
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
        option = self.document().defaultTextOption()
        option.setTextDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
        self.document().setDefaultTextOption(option)
        self.document().setDefaultFont(body_font(language))
        self.mark_structure_changed()

    def mark_structure_changed(self, *_args: object) -> None:
        self._labels_dirty = True
        self.viewport().update()

    def labels(self) -> tuple[list[str | None], list[str]]:
        if self._labels_dirty or len(self._labels) != self.document().blockCount():
            self._labels, self._references = surface_labels(self.document(), self.language)
            self._labels_dirty = False
        return self._labels, self._references

    def reference_at_cursor(self) -> str:
        _labels, references = self.labels()
        number = self.textCursor().blockNumber()
        return references[number] if 0 <= number < len(references) else ""

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        labels, _refs = self.labels()
        painter = QPainter(self.viewport())
        painter.setFont(self.document().defaultFont())
        painter.setPen(QColor("#202020"))
        metrics = QFontMetricsF(painter.font())
        layout = self.document().documentLayout()
        offset = QPointF(-self.horizontalScrollBar().value(), -self.verticalScrollBar().value())
        visible = QRectF(self.viewport().rect())
        block = self.cursorForPosition(visible.topLeft().toPoint()).block()
        rtl = self.language == "ar"
        doc = self.document()
        while block.isValid():
            rect = layout.blockBoundingRect(block).translated(offset)
            if rect.top() > visible.bottom():
                break
            # A short paragraph's bounding rectangle ends where its text ends; the text column's
            # right-hand edge is where a right-to-left line starts.
            rect.setRight(offset.x() + doc.textWidth() - doc.documentMargin())
            number = block.blockNumber()
            label = labels[number] if number < len(labels) else None
            if label and block.layout().lineCount() > 0:
                line = block.layout().lineAt(0)
                fmt = block.blockFormat()
                baseline = rect.top() + line.y() + line.ascent()
                width = metrics.horizontalAdvance(label)
                space = metrics.horizontalAdvance(" ")
                start = formats.start_margin(fmt)
                text_from = start + fmt.textIndent()  # where the first line's text starts
                label_from = text_from - formats.INDENT  # the label's place in the indent
                if formats.kind_of(fmt) == "subparagraph":
                    label_from = start - formats.INDENT
                if rtl:  # mirrored: the label in the indent on the right-hand side
                    x = rect.right() - label_from - width
                    # a label wider than the indent ("17 alt -") keeps a space before the text
                    x = min(max(x, rect.right() - text_from + space), rect.right() - width)
                else:
                    x = rect.left() + label_from
                    x = max(min(x, rect.left() + line.x() - width - space), rect.left())
                painter.drawText(QPointF(x, baseline), label)
            margin_marks.paint_agreed(painter, block, rect, label, rtl)
            block = block.next()
        painter.end()

    # -- keys ---------------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        popup = self.completion_popup
        if popup is not None and popup.isVisible() and popup.handle_key(event):
            return
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undoRequested.emit()
            return
        if event.matches(QKeySequence.StandardKey.Redo) or (
            event.key() == Qt.Key.Key_Y and event.modifiers() == Qt.KeyboardModifier.ControlModifier
        ):
            self.redoRequested.emit()
            return
        key, mods = event.key(), event.modifiers()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if mods & Qt.KeyboardModifier.ControlModifier:
                self.newParagraphRequested.emit("operative")
            else:
                self.newParagraphRequested.emit("")
            return
        if key == Qt.Key.Key_Tab and not mods & Qt.KeyboardModifier.ControlModifier:
            self.indentRequested.emit(+1)
            return
        if key == Qt.Key.Key_Backtab:
            self.indentRequested.emit(-1)
            return
        if self._suggesting() and self.suggesting.handle_key(event):
            if event.text() and event.text().isprintable():
                self.typedAtParagraphStart.emit()
            self.ensureCursorVisible()
            return
        if self._delete_marker_whole(event):
            return
        self._key_from = self.textCursor().position()
        try:
            super().keyPressEvent(event)
        finally:
            self._key_from = None
        if event.text() and event.text().isprintable():
            self.typedAtParagraphStart.emit()

    def _suggesting(self) -> bool:
        return self.suggesting is not None and not self.isReadOnly() and self.suggesting.applies()

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        """In suggesting mode what an input method commits is typed text like any other (the
        text being composed is shown by Qt as usual)."""
        if not self._suggesting() or not event.commitString() or event.replacementLength():
            super().inputMethodEvent(event)
            return
        commit = event.commitString()
        super().inputMethodEvent(QInputMethodEvent(event.preeditString(), event.attributes()))
        self.suggesting.type_text(commit)
        self.typedAtParagraphStart.emit()

    def cut(self) -> None:
        """Edit ▸ Cut: in suggesting mode the selection is copied and struck, not removed."""
        if self._suggesting():
            self.copy()
            self.suggesting.delete_selection()
            return
        super().cut()

    def dropEvent(self, event) -> None:
        """A drop in suggesting mode is an insertion where it lands (the dragged text stays
        where it was: moving text is a deletion and an insertion, made as two gestures)."""
        if not self._suggesting():
            super().dropEvent(event)
            return
        self.setTextCursor(self.cursorForPosition(event.position().toPoint()))
        self.insertFromMimeData(event.mimeData())
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()

    # -- footnote markers: the joiner and the marker are one thing to the user ------------------------

    def _keep_markers_whole(self) -> None:
        """Never leave the cursor (or a selection's end) between a marker and the word joiner
        before it (see :data:`formats.JOINER`): Qt stops there, as the joiner is a character.
        A key that moved one step forward from before the joiner goes on past the marker;
        anything else (a step back, a click, a position set by code) lands before the joiner,
        which is where the marker's left edge is drawn."""
        if self._adjusting:
            return
        qdoc = self.document()
        cursor = self.textCursor()
        position, anchor = cursor.position(), cursor.anchor()
        new_position, new_anchor = position, anchor
        if footnote_marker.inside_pair(qdoc, position):
            forward = self._key_from == position - 1
            new_position = position + 1 if forward else position - 1
        if anchor == position:
            new_anchor = new_position
        elif footnote_marker.inside_pair(qdoc, anchor):
            new_anchor = anchor - 1
        if (new_position, new_anchor) == (position, anchor):
            return
        cursor.setPosition(new_anchor)
        cursor.setPosition(new_position, QTextCursor.MoveMode.KeepAnchor)
        self._adjusting = True
        try:
            self.setTextCursor(cursor)
        finally:
            self._adjusting = False

    def _delete_marker_whole(self, event: QKeyEvent) -> bool:
        """Deleting keys remove a marker with its joiner, in one press and one undo step (Qt
        would remove one character of the two: the marker, or the invisible joiner). True when
        the key was handled here."""
        cursor = self.textCursor()
        if self.isReadOnly() or cursor.hasSelection():
            return False
        qdoc, position = self.document(), cursor.position()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.key() == Qt.Key.Key_Backspace and not mods & ~Qt.KeyboardModifier.ShiftModifier:
            if not footnote_marker.pair_ends_at(qdoc, position):
                return False
            cursor.setPosition(position - 2, QTextCursor.MoveMode.KeepAnchor)
        elif event.matches(QKeySequence.StandardKey.Delete):
            if not footnote_marker.pair_starts_at(qdoc, position):
                return False
            cursor.setPosition(position + 2, QTextCursor.MoveMode.KeepAnchor)
        elif event.matches(QKeySequence.StandardKey.DeleteStartOfWord) or event.matches(
            QKeySequence.StandardKey.DeleteEndOfWord
        ):
            backward = event.matches(QKeySequence.StandardKey.DeleteStartOfWord)
            word = QTextCursor.MoveOperation.PreviousWord if backward else QTextCursor.MoveOperation.NextWord
            cursor.movePosition(word, QTextCursor.MoveMode.KeepAnchor)
            if not footnote_marker.inside_pair(qdoc, cursor.position()):
                return False  # Qt deletes the same characters
            cursor.setPosition(cursor.position() - 1, QTextCursor.MoveMode.KeepAnchor)
        else:
            return False
        cursor.removeSelectedText()
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        return True

    def createMimeDataFromSelection(self):
        """Copy puts the selection on the clipboard as text and as inline content (with its
        footnote references and the footnote texts), see :mod:`ui.editor.clipboard`."""
        standard = self._standard_mime_data()
        # Qt's own object lists a fixed set of formats and ignores setData: copy it into a plain one.
        data = QMimeData()
        for name in standard.formats():
            data.setData(name, standard.data(name))
        if self.clip_source is not None:
            clip = clipboard.selection_clip(self.textCursor(), *self.clip_source())
            data.setData(clipboard.MIME, clipboard.to_bytes(clip))
            self.clipboard_notes = clip.footnote_ids()
        return data

    def _standard_mime_data(self) -> QMimeData:
        """Qt's own formats for the selection (plain text, HTML, Markdown, ODF), made without
        the joiners before footnote markers: they belong to this surface, not to the text."""
        cursor = self.textCursor()
        if formats.JOINER not in cursor.selectedText():
            return super().createMimeDataFromSelection()
        # A scratch document without a widget (a temporary QTextEdit's mime data crashed the
        # interpreter at exit): its text and HTML are what Qt's copy would give, less the joiners.
        scratch = QTextDocument()
        scratch.setDefaultFont(self.document().defaultFont())
        edit = QTextCursor(scratch)
        edit.insertFragment(cursor.selection())
        raw = scratch.toRawText()  # one character per position
        for position in reversed([i for i, char in enumerate(raw) if char == formats.JOINER]):
            if footnote_marker.is_joiner_at(scratch, position):
                edit.setPosition(position)
                edit.deleteChar()
        whole = QTextDocumentFragment(scratch)
        data = QMimeData()
        data.setText(whole.toPlainText())
        data.setHtml(whole.toHtml())
        data.setData("text/markdown", whole.toMarkdown().encode("utf-8"))
        return data

    def canInsertFromMimeData(self, source) -> bool:
        return source.hasFormat(clipboard.MIME) or source.hasText()

    def insertFromMimeData(self, source) -> None:
        """Content copied from a Penholder surface is pasted whole (footnote references kept);
        anything else as plain text: paragraph identity and numbers come from the structure."""
        clip = clipboard.from_mime(source)
        if clip is not None and self.clip_source is not None:
            self.clipPasted.emit(clip)
            return
        if source.hasText() and self._suggesting():
            text = source.text().replace("\r\n", "\n").replace("\r", "\n")
            self.suggesting.paste([[Text(line)] if line else [] for line in text.split("\n")])
            return
        if source.hasText():
            text = source.text().replace("\r\n", "\n").replace("\r", "\n")
            cursor = self.textCursor()
            cursor.beginEditBlock()
            lines = text.split("\n")
            fmt = formats.plain_format(cursor.charFormat())
            for index, line in enumerate(lines):
                if index:
                    from ui.editor.reader import fresh_block_id

                    block_fmt = cursor.blockFormat()
                    block_fmt.setProperty(formats.BLOCK_ID, fresh_block_id())
                    cursor.insertBlock(block_fmt, fmt)
                cursor.insertText(line, fmt)
            cursor.endEditBlock()
            self.setTextCursor(cursor)

    # -- tooltips -----------------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            cursor = self.cursorForPosition(event.pos())
            tip = cursor.charFormat().toolTip()
            if not tip:
                probe = QTextCursor(cursor)
                probe.movePosition(QTextCursor.MoveOperation.NextCharacter)
                tip = probe.charFormat().toolTip()
            if tip:
                QToolTip.showText(event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def current_kind(self) -> str:
        return formats.kind_of(self.textCursor().blockFormat())
