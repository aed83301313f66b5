"""The drafting surface widget: a ``QTextEdit`` that knows paragraph kinds.

It paints live labels in the margin, turns Enter / Ctrl+Enter / Tab / Shift+Tab into
structural edits, italicizes a known opening phrase as it is typed, and shows proposal
tooltips. It emits requests (undo, redo, completion, context actions) and leaves the
decisions that need the model to the document session.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QTextEdit, QToolTip, QWidget

from ui.editor import clipboard, formats
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
        qdoc.setDefaultFont(body_font(language))
        qdoc.setDocumentMargin(24)
        qdoc.blockCountChanged.connect(self.mark_structure_changed)
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
        while block.isValid():
            rect = layout.blockBoundingRect(block).translated(offset)
            if rect.top() > visible.bottom():
                break
            number = block.blockNumber()
            label = labels[number] if number < len(labels) else None
            if label and block.layout().lineCount() > 0:
                line = block.layout().lineAt(0)
                fmt = block.blockFormat()
                baseline = rect.top() + line.y() + line.ascent()
                width = metrics.horizontalAdvance(label)
                if rtl:  # the label sits in the indent on the right-hand side
                    x = rect.right() - fmt.leftMargin() - fmt.textIndent() + formats.INDENT - width
                    x = min(x, rect.right() - width)
                else:
                    x = rect.left() + fmt.leftMargin() + fmt.textIndent() - formats.INDENT
                    if formats.kind_of(fmt) == "subparagraph":
                        x = rect.left() + fmt.leftMargin() - formats.INDENT
                    x = max(x, rect.left())
                painter.drawText(QPointF(x, baseline), label)
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
        super().keyPressEvent(event)
        if event.text() and event.text().isprintable():
            self.typedAtParagraphStart.emit()

    def createMimeDataFromSelection(self):
        """Copy puts the selection on the clipboard as text and as inline content (with its
        footnote references and the footnote texts), see :mod:`ui.editor.clipboard`."""
        standard = super().createMimeDataFromSelection()
        # Qt's own object lists a fixed set of formats and ignores setData: copy it into a plain one.
        data = QMimeData()
        for name in standard.formats():
            data.setData(name, standard.data(name))
        if self.clip_source is not None:
            clip = clipboard.selection_clip(self.textCursor(), *self.clip_source())
            data.setData(clipboard.MIME, clipboard.to_bytes(clip))
            self.clipboard_notes = clip.footnote_ids()
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
