"""A long comparison is written into the view in pieces between events: the list of changes
and the first screen at once, the rest while the user may scroll, click and choose changes.
When it is done, the texts are exactly those written at once and every command works."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import copy
import threading
from dataclasses import fields

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, Qt

from drafting.compare import Comparison, compare
from drafting.model import Block, Document, Footnote, NoteRef
from tests.helpers import load
from tests.ui.test_compare_view import revise
from ui import compare_build
from ui.compare_build import FIRST_SCREEN, SHORT_TEXT
from ui.compare_render import change_entries, inline_document, side_by_side_documents
from ui.compare_runner import CompareRunner
from ui.compare_view import WRITING_TEXT, CompareView

RES_67_193 = "ga-res-67-193-en.txt"
COPIES = 6
"""Six copies of A/RES/67/193: an inline redline of some 225,000 characters, several pieces."""


def copies(document: Document, count: int) -> Document:
    """``count`` copies of a document's body one after the other (ids and footnotes apart)."""
    result = copy.deepcopy(document)
    result.blocks, result.footnotes = [], {}
    for index in range(count):
        prefix = f"c{index}-"
        result.blocks += [_renamed(block, prefix) for block in document.blocks]
        for footnote_id, footnote in document.footnotes.items():
            result.footnotes[prefix + footnote_id] = Footnote(
                prefix + footnote_id, copy.deepcopy(footnote.content)
            )
    return result


def _renamed(block: Block, prefix: str) -> Block:
    content = [
        NoteRef(prefix + node.footnote_id) if isinstance(node, NoteRef) else copy.deepcopy(node)
        for node in block.content
    ]
    children = [_renamed(child, prefix) for child in block.children]
    return Block(prefix + block.id, block.kind, content, children, block.numbered)


@pytest.fixture(autouse=True)
def one_commit_per_piece(monkeypatch):
    """Each piece written is one commit, however fast the machine: the tests count pieces, and
    with the real time budget a fast machine writes the whole text in a turn or two."""
    monkeypatch.setattr(compare_build, "PIECE_SECONDS", 0.0)


@pytest.fixture(scope="module")
def pair() -> tuple[Document, Document]:
    old = load(RES_67_193).document
    return copies(old, COPIES), copies(revise(old), COPIES)


@pytest.fixture(scope="module")
def long_comparison(pair) -> Comparison:
    return compare(*pair).prepare()


@pytest.fixture
def view(qtbot):
    widget = CompareView()
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def write_while(view: CompareView, act) -> int:
    """Let the event loop write the texts, calling ``act(round)`` between its turns, as a user
    would act between pieces; returns how many turns it took."""
    built: list[bool] = []
    view.built.connect(lambda: built.append(True))
    turns = 0
    while not built and turns < 5000:
        act(turns)
        QCoreApplication.processEvents()
        turns += 1
    assert built, "the texts were never complete"
    return turns


def test_the_comparison_is_long_enough_to_be_written_in_pieces(long_comparison):
    document, _anchors = inline_document(long_comparison)
    assert document.characterCount() > 3 * SHORT_TEXT
    assert len(change_entries(long_comparison)) == 5 * COPIES


def test_a_long_comparison_is_listed_at_once_and_written_while_the_user_reads(qtbot, view, long_comparison):
    view.set_comparison(long_comparison, "Old", "New")
    entries = change_entries(long_comparison)
    assert [e.title for e in view.changes()] == [e.title for e in entries]  # the list is whole at once
    assert view.change_list.topLevelItemCount() == len(entries)
    written = view.inline_browser.document().characterCount()
    whole, anchors = inline_document(long_comparison)
    assert FIRST_SCREEN <= written < whole.characterCount() / 2  # the first screen, not the text
    assert view.is_building()
    assert view.is_busy()
    assert view.busy_label.text() == WRITING_TEXT
    last = len(entries) - 1
    view.select_change(last)  # chosen before its paragraph is written
    assert last not in [a.index for a in view.anchors()]
    assert view.inline_browser.marked_block is None
    browser = view.inline_browser
    bar = browser.verticalScrollBar()

    def read(turn: int) -> None:
        bar.setValue(bar.maximum() * (turn % 5) // 5)
        qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(300, 120 + turn % 300))
        qtbot.keyClick(browser, Qt.Key.Key_PageDown)

    assert write_while(view, read) > 2
    assert not view.is_building()
    assert not view.is_busy()
    # Everything is there, exactly as written at once (formats included).
    assert browser.document().toHtml() == whole.toHtml()
    assert view.anchors() == anchors
    # The change chosen while it was not written yet is shown now it is.
    assert browser.textCursor().position() == anchors[last].position
    assert browser.marked_block == browser.document().findBlock(anchors[last].position).blockNumber()
    # And navigation goes on as usual.
    qtbot.keyClick(view.change_list, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert view.current_change_index() == last - 1
    assert browser.textCursor().position() == anchors[last - 1].position
    view.select_change(0)
    assert browser.textCursor().position() == anchors[0].position


def test_side_by_side_chosen_while_the_inline_text_is_written(qtbot, view, long_comparison):
    view.set_comparison(long_comparison, "Old", "New")
    assert view.is_building()
    qtbot.mouseClick(view.side_button, Qt.MouseButton.LeftButton)
    assert view.mode() == CompareView.SIDE_BY_SIDE
    moved = max(i for i, e in enumerate(view.changes()) if e.kind == "moved")  # in the last copy
    view.select_change(moved)
    left, right = view.old_browser, view.new_browser

    def scroll(turn: int) -> None:
        left.verticalScrollBar().setValue(left.verticalScrollBar().maximum() * (turn % 7) // 7)

    write_while(view, scroll)
    whole_left, whole_right, pairs = side_by_side_documents(long_comparison)
    assert left.document().toHtml() == whole_left.toHtml()
    assert right.document().toHtml() == whole_right.toHtml()
    pair = next(p for p in pairs if p.change_index == moved)
    assert left.marked_block == pair.old_block_number  # each side at its own place
    assert right.marked_block == pair.new_block_number
    assert left.textCursor().block().blockNumber() == pair.old_block_number
    entry = view.changes()[moved].change
    old_text, new_text = left.textCursor().block().text(), right.textCursor().block().text()
    assert old_text.startswith(f"{entry.old_label[3:]}.\tExpresses its concern")  # "OP 247" -> "247."
    assert old_text.endswith(f"moved to {entry.new_label}")
    assert new_text.startswith(f"{entry.new_label[3:]}.\tExpresses its concern")
    # The two sides scroll together again, by paragraph.
    middle = pairs[len(pairs) // 2 :]  # far from either end, where scrolling is not cut short
    target = next(p for p in middle if p.change_index is None and p.old_block_number and not p.moved)
    left.verticalScrollBar().setValue(int(left.block_top(target.old_block_number)))
    assert right.top_block() == target.new_block_number
    # Back to inline: that text was finished meanwhile.
    view.set_mode(CompareView.INLINE)
    assert view.inline_browser.document().toHtml() == inline_document(long_comparison)[0].toHtml()


def test_a_new_comparison_while_writing_replaces_the_text_being_written(qtbot, view, long_comparison):
    old = load(RES_67_193).document
    short = compare(old, revise(old))
    view.set_comparison(long_comparison, "Old", "New")
    assert view.is_building()
    view.set_comparison(short, "Old", "New")  # a short one is written whole at once
    assert not view.is_building()
    expected = inline_document(short)[0].toPlainText()
    assert view.inline_browser.document().toPlainText() == expected
    for _ in range(20):  # nothing of the long one is written on afterwards
        QCoreApplication.processEvents()
    assert view.inline_browser.document().toPlainText() == expected
    assert [e.title for e in view.changes()] == [e.title for e in change_entries(short)]


def test_clearing_while_writing_stops_the_writing(qtbot, view, long_comparison):
    built: list[bool] = []
    view.built.connect(lambda: built.append(True))
    view.set_comparison(long_comparison, "Old", "New")
    view.clear()
    for _ in range(20):
        QCoreApplication.processEvents()
    assert not view.is_building()
    assert not view.is_busy()
    assert view.inline_browser.document().isEmpty()
    assert built == []


def test_finish_building_writes_the_rest_at_once(view, long_comparison):
    view.set_comparison(long_comparison, "Old", "New")
    view.finish_building()  # as printing does
    assert not view.is_building()
    assert view.inline_browser.document().toHtml() == inline_document(long_comparison)[0].toHtml()


def test_a_long_comparison_in_the_window_while_the_user_goes_through_the_changes(qtbot, window, pair):
    tab = window.open_comparison(*pair, "6 × A/RES/67/193", "6 revisions")
    qtbot.waitUntil(lambda: tab.comparison() is not None, timeout=30000)
    view = tab.view
    assert view.is_building()
    count = len(view.changes())
    assert count == 5 * COPIES

    def go_through(turn: int) -> None:
        item = view.change_list.topLevelItem(turn % count)
        rect = view.change_list.visualItemRect(item)
        if rect.isValid():
            qtbot.mouseClick(view.change_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        else:
            qtbot.keyClick(view.change_list, Qt.Key.Key_F8)

    write_while(view, go_through)
    assert [a.index for a in view.anchors()] == list(range(count))
    current = view.current_change_index()
    anchor = view.anchors()[current]
    assert view.inline_browser.textCursor().position() == anchor.position
    qtbot.keyClick(view.change_list, Qt.Key.Key_F8)
    assert view.current_change_index() == min(current + 1, count - 1)
    assert view.inline_browser.textCursor().position() == view.anchors()[view.current_change_index()].position


class MeetingDocument(Document):
    """A document whose comparison waits, when it first reads it, until the other comparison
    reads its own: the two can only meet if they run at the same time."""

    meeting: threading.Barrier

    def iter_blocks(self):
        if not getattr(self, "met", False):
            self.met = True
            self.meeting.wait()
        return super().iter_blocks()


def meeting(document: Document, barrier: threading.Barrier) -> MeetingDocument:
    out = MeetingDocument(**{f.name: getattr(document, f.name) for f in fields(Document)})
    out.meeting = barrier
    return out


def test_two_comparison_runners_at_once_give_the_results_of_one_after_the_other(qtbot, pair):
    """Two comparison tabs compare at the same time, each on its own thread (with one lane
    for all comparisons, the first would wait for the second in vain and fail)."""
    old = load(RES_67_193).document
    jobs = [pair, (old, revise(old))]
    expected = [compare(*job).to_json(include_formatting=True) for job in jobs]
    barrier = threading.Barrier(2, timeout=20)
    runners = [CompareRunner(), CompareRunner()]
    results: dict[int, object] = {}
    try:
        for index, runner in enumerate(runners):
            runner.finished.connect(lambda c, index=index: results.__setitem__(index, c))
            runner.failed.connect(lambda message, index=index: results.__setitem__(index, message))
        for runner, (old_doc, new_doc) in zip(runners, jobs, strict=True):
            runner.start(old_doc, meeting(new_doc, barrier))
        qtbot.waitUntil(lambda: len(results) == 2, timeout=60000)
    finally:
        for runner in runners:
            runner.shutdown()
    assert all(isinstance(results[i], Comparison) for i in (0, 1)), results
    assert [results[i].to_json(include_formatting=True) for i in (0, 1)] == expected
