"""Footnote references on the surface: one object character drawn as its live number.

The number is not stored in the text: the handler looks it up in a table the session keeps
up to date, so inserting a footnote renumbers every later one by repainting, not by editing.

Each marker is preceded by a word joiner (:data:`formats.JOINER`, written by
:func:`ui.editor.writer.insert_marker`) so that it never wraps to a line on its own. The two
characters are one thing to the user; the helpers here tell where such a pair is, so that the
editor never leaves the cursor between them or deletes one without the other.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRectF, QSizeF
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPyTextObject,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from ui.editor import formats


class FootnoteMarkers(QPyTextObject):
    """Draws footnote reference objects as superscript numbers."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.numbers: dict[str, int] = {}

    def install(self, qdoc: QTextDocument) -> None:
        qdoc.documentLayout().registerHandler(formats.FOOTNOTE_OBJECT, self)

    def _text(self, fmt: QTextFormat) -> str:
        note_id = fmt.property(formats.NOTE_ID)
        number = self.numbers.get(note_id) if isinstance(note_id, str) else None
        return str(number) if number is not None else "?"

    def _font(self, fmt: QTextFormat) -> QFont:
        font = QFont(fmt.toCharFormat().font())
        size = font.pointSizeF()
        if size > 0:
            font.setPointSizeF(size * 0.65)
        return font

    def intrinsicSize(self, doc: QTextDocument, pos: int, fmt: QTextFormat) -> QSizeF:
        metrics = QFontMetricsF(self._font(fmt))
        return QSizeF(metrics.horizontalAdvance(self._text(fmt)) + 1.0, metrics.height())

    def drawObject(
        self, painter: QPainter, rect: QRectF, doc: QTextDocument, pos: int, fmt: QTextFormat
    ) -> None:
        painter.save()
        font = self._font(fmt)
        painter.setFont(font)
        text = self._text(fmt)
        char = fmt.toCharFormat()
        colour = char.foreground().color() if char.hasProperty(QTextFormat.Property.ForegroundBrush) else None
        painter.setPen(colour if colour is not None else QColor("#0b3d91"))
        metrics = QFontMetricsF(font)
        # Raise the number to superscript height: its baseline a third of a line above the text's.
        baseline = rect.bottom() - metrics.descent() - rect.height() * 0.35
        painter.drawText(rect.left(), baseline, text)
        painter.restore()


# -- marker pairs (joiner + marker) on the surface ----------------------------------------------------


def _format_at(qdoc: QTextDocument, position: int) -> QTextCharFormat:
    """The format of the character at ``position`` (a cursor reports the one before it)."""
    cursor = QTextCursor(qdoc)
    cursor.setPosition(position + 1)
    return cursor.charFormat()


def is_marker_at(qdoc: QTextDocument, position: int) -> bool:
    return (
        0 <= position < qdoc.characterCount() - 1
        and qdoc.characterAt(position) == formats.OBJECT_CHAR
        and _format_at(qdoc, position).objectType() == formats.FOOTNOTE_OBJECT
    )


def is_joiner_at(qdoc: QTextDocument, position: int) -> bool:
    """The surface's own joiner is at ``position`` (not a word joiner of the model's text)."""
    return (
        0 <= position < qdoc.characterCount() - 1
        and qdoc.characterAt(position) == formats.JOINER
        and formats.is_joiner(_format_at(qdoc, position))
    )


def inside_pair(qdoc: QTextDocument, position: int) -> bool:
    """``position`` lies between a marker and its joiner: no place for the cursor."""
    return is_marker_at(qdoc, position) and is_joiner_at(qdoc, position - 1)


def pair_starts_at(qdoc: QTextDocument, position: int) -> bool:
    return is_joiner_at(qdoc, position) and is_marker_at(qdoc, position + 1)


def pair_ends_at(qdoc: QTextDocument, position: int) -> bool:
    return pair_starts_at(qdoc, position - 2)
