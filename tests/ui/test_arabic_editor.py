"""An Arabic document in the editor runs right to left (issue 17): paragraphs are indented from
the right, and the operative numbers and subparagraph letters are painted in the indent on the
right of their text, not over its words. Checked on the pixels the editor paints."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor

from app.settings import Settings
from tests.arabic_fixture import arabic_resolution
from tests.helpers import load
from ui.editor import formats, structure_ops


@pytest.fixture
def window(make_window):
    window = make_window(Settings())
    window.resize(1300, 800)
    return window


def first_line_geometry(session, block_id: str) -> tuple[QRectF, float, float]:
    """The first line's rectangle on the viewport, where its text starts and ends (x)."""
    editor = session.editor
    block = structure_ops.find_block(session.qdoc, block_id)
    offset = QPointF(-editor.horizontalScrollBar().value(), -editor.verticalScrollBar().value())
    rect = editor.document().documentLayout().blockBoundingRect(block).translated(offset)
    line = block.layout().lineAt(0)
    top = rect.top() + line.y()
    xs = [rect.left() + line.cursorToX(i)[0] for i in (0, max(block.length() - 1, 0))]
    return QRectF(0, top, editor.viewport().width(), line.height()), min(xs), max(xs)


def ink(image, left: float, right: float, band: QRectF) -> int:
    """Dark pixels in the band between ``left`` and ``right``."""
    count = 0
    for y in range(int(band.top()) + 1, int(band.bottom()) - 1):
        for x in range(max(int(left), 0), min(int(right), image.width())):
            if QColor(image.pixel(x, y)).lightness() < 128:
                count += 1
    return count


def painted(session, labels: bool):
    editor = session.editor
    if not labels:
        blank = [None] * editor.document().blockCount()
        editor.labels = lambda: (blank, [""] * len(blank))
    editor.viewport().repaint()
    return editor.viewport().grab().toImage()


def test_arabic_numbers_and_letters_are_painted_right_of_the_text(qtbot, window):
    document = arabic_resolution()
    session = window.open_document(document, title="Arabic")
    qtbot.waitExposed(session.editor)
    assert session.editor.layoutDirection().name == "RightToLeft"
    op1, op2 = document.operative
    places = {}
    for block in (op1, op1.children[0], op2):
        places[block.id] = first_line_geometry(session, block.id)
    column_right = session.qdoc.textWidth() - session.qdoc.documentMargin()
    with_labels = painted(session, labels=True)
    without = painted(session, labels=False)
    for block_id, (band, _text_left, text_right) in places.items():
        assert text_right < column_right - formats.INDENT / 2  # indented from the right
        margin = (text_right + 2, column_right + 2)
        assert ink(without, *margin, band) == 0, block_id  # nothing there but the label
        assert ink(with_labels, *margin, band) > 5, block_id  # the label is there
    # the subparagraph is indented further from the right than its paragraph's first line
    assert places[op1.children[0].id][2] < places[op1.id][2] + formats.INDENT


def test_english_subparagraphs_stay_indented_from_the_left(qtbot, window):
    document = load("ga-res-67-193-en.txt").document
    session = window.open_document(document, title="English")
    qtbot.waitExposed(session.editor)
    parent = next(b for b in document.operative if b.children)
    _band, sub_left, _ = first_line_geometry(session, parent.children[0].id)
    _band, op_left, _ = first_line_geometry(session, parent.id)
    assert sub_left >= session.qdoc.documentMargin() + 2 * formats.INDENT - 1
    assert op_left >= session.qdoc.documentMargin() + 2 * formats.INDENT - 1  # the first-line indent


def test_the_panels_follow_the_document_s_direction(qtbot, window):
    from PySide6.QtCore import Qt

    arabic = window.open_document(arabic_resolution(), title="Arabic")
    assert window.outline.tree.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.footnotes.editor.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.checks.tree.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.proposals.tree.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.brackets.tree.layoutDirection() == Qt.LayoutDirection.RightToLeft
    window.open_document(load("ga-res-67-193-en.txt").document, title="English")
    assert window.outline.tree.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert window.footnotes.list.layoutDirection() == Qt.LayoutDirection.LeftToRight
    window.tabs.setCurrentIndex(window.tabs.indexOf(window.tabs.widget(0)))
    assert window.current_session() is arabic
    assert window.outline.tree.layoutDirection() == Qt.LayoutDirection.RightToLeft


def test_italic_arabic_is_drawn_upright_and_keeps_its_italics(qtbot, window):
    """Few fonts have slanted Arabic glyphs (here none: Qt would draw nothing); the opener is
    drawn upright, and the text keeps its italics for the Word export (w:iCs)."""
    from drafting.model import Mark

    document = arabic_resolution()
    session = window.open_document(document, title="Arabic")
    qtbot.waitExposed(session.editor)
    pp1 = document.preambular[0]
    opener = pp1.content[0].text
    assert Mark.ITALIC in session.document().preambular[0].content[0].marks
    block = structure_ops.find_block(session.qdoc, pp1.id)
    line = block.layout().lineAt(0)
    band, _left, _right = first_line_geometry(session, pp1.id)
    rect_left = session.editor.document().documentLayout().blockBoundingRect(block).left()
    rect_left -= session.editor.horizontalScrollBar().value()
    xs = sorted(rect_left + line.cursorToX(i)[0] for i in (0, len(opener)))
    image = painted(session, labels=False)
    assert ink(image, xs[0] + 1, xs[1] - 1, band) > 20  # the opener's glyphs are there
