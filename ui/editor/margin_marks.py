"""Marks painted in the margin beside a paragraph's number: "ad ref" on a paragraph agreed ad
referendum. Painted, not text: like the numbers, they cannot be typed over or copied."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from ui.editor import formats

AGREED_TEXT = "ad ref"
AGREED_INK = QColor("#1b6e2d")
AGREED_PAPER = QColor("#e3f2e6")
GAP = 4.0


def paint_agreed(painter: QPainter, block, rect: QRectF, label: str | None, rtl: bool) -> None:
    """A small "ad ref" box in the margin of ``block`` (drawn at ``rect``, its bounding rectangle
    on the viewport) if it is agreed ad ref: before the number (``label``), or before the text
    where it has none; where the indent leaves no room, a green bar in the page margin."""
    fmt = block.blockFormat()
    if not formats.agreed_of(fmt) or block.layout().lineCount() == 0:
        return
    line = block.layout().lineAt(0)
    margin = block.document().documentMargin()
    text_edge = formats.start_margin(fmt) + fmt.textIndent()
    if label:
        if formats.kind_of(fmt) == "subparagraph":
            text_edge = formats.start_margin(fmt)
        text_edge -= formats.INDENT
    painter.save()
    font = QFont(painter.font())
    font.setPointSizeF(max(font.pointSizeF() * 0.62, 6.0))
    font.setBold(True)
    metrics = QFontMetricsF(font)
    width = metrics.horizontalAdvance(AGREED_TEXT) + 6
    height = min(metrics.height() + 2, line.height())
    top = rect.top() + line.y() + (line.height() - height) / 2
    if rtl:
        left = rect.right() - max(text_edge, 0.0) + GAP
        fits = left + width <= rect.right() + margin - 2
    else:
        left = rect.left() + max(text_edge, 0.0) - GAP - width
        fits = left >= rect.left() - margin + 2
    if fits:
        box = QRectF(left, top, width, height)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(AGREED_INK, 0.8))
        painter.setBrush(AGREED_PAPER)
        painter.drawRoundedRect(box, 3, 3)
        painter.setFont(font)
        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), AGREED_TEXT)
    else:
        x = rect.right() + margin / 2 if rtl else rect.left() - margin / 2
        painter.fillRect(QRectF(x - 1.5, rect.top() + line.y(), 3, line.height()), AGREED_INK)
    painter.restore()
