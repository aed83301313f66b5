"""The read-only texts of the comparison view: a browser that marks one paragraph, and the
scroll synchronisation of the two side-by-side texts by paired paragraphs."""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QPoint, QRectF
from PySide6.QtGui import QColor, QPainter, QTextCursor, QTextDocument
from PySide6.QtWidgets import QFrame, QTextBrowser, QWidget

from ui.compare_side import RowPair
from ui.compare_writer import DELETED_COLOUR, INSERTED_COLOUR

EMPTY_TEXT = "Nothing to compare yet."
SCROLL_MARGIN = 24
"""Pixels left above a change scrolled to, so the reader sees where it starts."""

KIND_COLOURS = {
    "modified": QColor("#5b6b82"),
    "inserted": INSERTED_COLOUR,
    "deleted": DELETED_COLOUR,
    "moved": QColor("#c88400"),
    "formatting": QColor("#d4b000"),
    "footnote": QColor("#7a4fa0"),
    "masthead": QColor("#2e7d5b"),
}
MARK_FILL = QColor("#eef2f8")
"""Behind the paragraph of the current change."""


class ChangeBrowser(QTextBrowser):
    """A read-only text that can mark one paragraph: a faint fill behind it and a bar in the
    margin in the colour of the change's kind (a selection would hide the change colours)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setPlaceholderText(EMPTY_TEXT)
        self._mark: tuple[int, QColor] | None = None
        self._owned: QTextDocument | None = None

    def show_document(self, document: QTextDocument) -> None:
        """Show ``document``, which the browser then owns (the one it showed before is deleted)."""
        previous, self._owned = self._owned, document
        document.setParent(self)
        self.setDocument(document)
        if previous is not None:
            previous.deleteLater()

    @property
    def marked_block(self) -> int | None:
        return self._mark[0] if self._mark else None

    def set_mark(self, block_number: int | None, colour: QColor | None = None) -> None:
        self._mark = None if block_number is None else (block_number, colour or KIND_COLOURS["modified"])
        self.viewport().update()

    def block_top(self, block_number: int) -> float:
        document = self.document()
        block = document.findBlockByNumber(block_number)
        return document.documentLayout().blockBoundingRect(block).top()

    def scroll_to_block(self, block_number: int) -> None:
        """Bring a paragraph near the top and put the cursor at its start."""
        block = self.document().findBlockByNumber(block_number)
        if not block.isValid():
            return
        self.setTextCursor(QTextCursor(block))
        self.verticalScrollBar().setValue(max(0, int(self.block_top(block_number)) - SCROLL_MARGIN))

    def top_block(self) -> int:
        """The number of the paragraph at the top of the viewport."""
        return self.cursorForPosition(QPoint(self.viewport().width() // 2, 1)).block().blockNumber()

    def paintEvent(self, event) -> None:
        if self._mark is not None:
            block = self.document().findBlockByNumber(self._mark[0])
            if block.isValid():
                rect = self.document().documentLayout().blockBoundingRect(block)
                offset = self.verticalScrollBar().value()
                top = rect.top() - offset - 3
                height = rect.height() - block.blockFormat().bottomMargin() + 6
                painter = QPainter(self.viewport())
                painter.fillRect(QRectF(0, top, self.viewport().width(), height), MARK_FILL)
                painter.fillRect(QRectF(4, top, 4, height), self._mark[1])
                painter.end()
        super().paintEvent(event)


class ScrollSync:
    """Keeps two browsers showing corresponding paragraphs: scroll positions are mapped through
    the paired paragraphs (piecewise linear between their tops and bottoms), so while one side
    scrolls over text the other lacks, the other side waits at the gap. Moved paragraphs are
    left out of the mapping; they would make the other side jump back and forth."""

    def __init__(self, left: ChangeBrowser, right: ChangeBrowser) -> None:
        self.left, self.right = left, right
        self._pairs: list[tuple[int, int]] = []
        self._points: tuple[list[float], list[float]] | None = None
        self._following = False
        left.verticalScrollBar().valueChanged.connect(lambda value: self._follow(left, value))
        right.verticalScrollBar().valueChanged.connect(lambda value: self._follow(right, value))

    def set_pairs(self, pairs: list[RowPair]) -> None:
        self._pairs = [
            (p.old_block_number, p.new_block_number)
            for p in pairs
            if p.old_block_number is not None and p.new_block_number is not None and not p.moved
        ]
        self.invalidate()
        for browser in (self.left, self.right):
            browser.document().documentLayout().documentSizeChanged.connect(self.invalidate)

    def invalidate(self, *_args) -> None:
        self._points = None

    def map(self, from_left: bool, value: float) -> float:
        """The other side's scroll position for ``value`` on one side."""
        left_points, right_points = self._control_points()
        source, target = (left_points, right_points) if from_left else (right_points, left_points)
        index = bisect.bisect_right(source, value) - 1
        if index < 0:
            return target[0] + value - source[0]
        if index + 1 >= len(source):
            return target[-1] + value - source[-1]
        span = source[index + 1] - source[index]
        share = (value - source[index]) / span if span else 0.0
        return target[index] + share * (target[index + 1] - target[index])

    @contextmanager
    def hold(self) -> Iterator[None]:
        """A context in which scrolling one side does not move the other."""
        self._following = True
        try:
            yield
        finally:
            self._following = False

    def _follow(self, source: ChangeBrowser, value: int) -> None:
        if self._following or not self._pairs:
            return
        other = self.right if source is self.left else self.left
        target = self.map(source is self.left, value)
        with self.hold():
            other.verticalScrollBar().setValue(round(target))

    def _control_points(self) -> tuple[list[float], list[float]]:
        if self._points is None:
            left_layout = self.left.document().documentLayout()
            right_layout = self.right.document().documentLayout()
            xs, ys = [0.0], [0.0]
            for old, new in self._pairs:
                a = left_layout.blockBoundingRect(self.left.document().findBlockByNumber(old))
                b = right_layout.blockBoundingRect(self.right.document().findBlockByNumber(new))
                for x, y in ((a.top(), b.top()), (a.bottom(), b.bottom())):
                    if x >= xs[-1] and y >= ys[-1]:  # keep the map monotonic on both sides
                        xs.append(x)
                        ys.append(y)
            self._points = (xs, ys)
        return self._points
