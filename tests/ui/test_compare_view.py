"""The comparison view: change list, F8 navigation, the inline redline, side-by-side scrolling,
the formatting toggle, and the background runner."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import copy
import threading
from dataclasses import fields

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QTextDocument
from PySide6.QtWidgets import QPushButton

from drafting.compare import BlockChange, Comparison, FootnoteChange, compare
from drafting.model import (
    Block,
    BlockKind,
    Document,
    Proposal,
    ProposalKind,
    ProposalSpan,
    Text,
)
from tests.helpers import load
from ui.compare_render import (
    DELETED_COLOUR,
    INSERTED_COLOUR,
    change_entries,
    inline_document,
    side_by_side_documents,
)
from ui.compare_runner import CompareRunner
from ui.compare_view import CompareView
from ui.editor.formats import delegation_colour

RES_67_193 = "ga-res-67-193-en.txt"
INSERTED_OP = "Calls upon Member States to share data on new psychoactive substances;"
OP_30_START = "Urges all Governments to provide the fullest possible"


@pytest.fixture(scope="module")
def old() -> Document:
    return load(RES_67_193).document


def _replace(block: Block, before: str, after: str) -> None:
    for node in block.content:
        if isinstance(node, Text) and before in node.text:
            node.text = node.text.replace(before, after, 1)
            return
    raise AssertionError(f"{before!r} not in {block.id}")


def revise(old: Document) -> Document:
    """67/193 with an OP inserted after OP 4, OP 12 moved after OP 2, two word edits (OP 3,
    OP 8) and footnote 5 edited."""
    new = copy.deepcopy(old)
    ops = new.operative
    new.blocks.insert(new.blocks.index(ops[3]) + 1, Block("b-new", BlockKind.OPERATIVE, [Text(INSERTED_OP)]))
    moved = ops[11]
    new.blocks.remove(moved)
    new.blocks.insert(new.blocks.index(ops[1]) + 1, moved)
    _replace(ops[2], "effective", "efficient")
    _replace(ops[7], "best practices", "good practices")
    footnote = new.footnotes[list(new.footnotes)[4]]
    _replace_note = footnote.content[-1]
    _replace_note.text = _replace_note.text.replace("sect. C", "sect. D")
    return new


@pytest.fixture(scope="module")
def comparison(old) -> Comparison:
    return compare(old, revise(old))


@pytest.fixture
def view(qtbot, comparison):
    widget = CompareView()
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.set_comparison(comparison, "Rev.1 (12 Nov 2026)", "Current text")
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    widget.change_list.setFocus()
    return widget


def fragments(document: QTextDocument):
    """(block text, fragment) for every run of text."""
    block = document.begin()
    while block.isValid():
        for piece in block:
            yield block.text(), piece.fragment()
        block = block.next()


def fragment_with(document: QTextDocument, text: str):
    """The first run of exactly ``text``."""
    found = [f for _b, f in fragments(document) if f.text() == text]
    assert found, f"{text!r} not in the document"
    return found[0]


def block_starting(document: QTextDocument, text: str):
    block = document.begin()
    while block.isValid():
        if block.text().split("\t", 1)[-1].startswith(text):
            return block
        block = block.next()
    raise AssertionError(f"no paragraph starts with {text!r}")


# --- the change list ---------------------------------------------------------------------------


def test_the_change_list_has_one_row_per_change_and_no_renumbering(view):
    titles = [view.change_list.topLevelItem(i).text(0) for i in range(view.change_list.topLevelItemCount())]
    assert titles == [
        "OP 3 moved from OP 12",
        "OP 4 modified",
        "OP 6 inserted",
        "OP 10 modified",
        "footnote 5 changed",
    ]
    assert [entry.kind for entry in view.changes()] == [
        "moved",
        "modified",
        "inserted",
        "modified",
        "footnote",
    ]
    assert isinstance(view.changes()[0].change, BlockChange)
    assert isinstance(view.changes()[4].change, FootnoteChange)
    assert view.summary_label.text().startswith("2 modified · 1 inserted · 1 moved · 1 footnote changed")
    assert view.change_list.headerItem().text(0) == "5 changes"
    assert "Rev.1 (12 Nov 2026)" in view.title_label.text()
    assert "Current text" in view.title_label.text()
    assert view.current_change_index() == -1


def test_f8_three_times_goes_to_the_third_change_in_the_inline_view(qtbot, view):
    for _ in range(3):
        qtbot.keyClick(view.change_list, Qt.Key.Key_F8)
    assert view.current_change_index() == 2
    assert view.change_list.currentItem().text(0) == "OP 6 inserted"
    anchor = view.anchors()[2]
    browser = view.inline_browser
    assert browser.textCursor().position() == anchor.position
    block = browser.document().findBlock(anchor.position)
    assert block.text() == f"6.\t{INSERTED_OP}"
    assert browser.marked_block == block.blockNumber()
    rect = browser.cursorRect()
    assert 0 <= rect.top() < browser.viewport().height() // 3  # near the top, not merely visible
    assert browser.verticalScrollBar().value() > 0


def test_shift_f8_and_the_buttons_go_back_and_forth(qtbot, view):
    qtbot.keyClick(view.change_list, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert view.current_change_index() == 4  # from nothing, back to the last change
    qtbot.mouseClick(view.previous_button, Qt.MouseButton.LeftButton)
    assert view.current_change_index() == 3
    qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    assert view.current_change_index() == 4  # stays on the last one


def test_choosing_a_row_scrolls_to_the_footnote(qtbot, view):
    item = view.change_list.topLevelItem(4)
    rect = view.change_list.visualItemRect(item)
    qtbot.mouseClick(view.change_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.current_change_index() == 4
    block = view.inline_browser.textCursor().block()
    assert block.text().startswith("5\tSee Official Records")
    assert block.text().endswith("sect. CD.")


# --- the inline redline ----------------------------------------------------------------------


def test_inline_text_strikes_the_deleted_word_in_red_and_underlines_the_inserted_one(view):
    document = view.inline_browser.document()
    deleted = fragment_with(document, "effective").charFormat()
    assert deleted.fontStrikeOut()
    assert deleted.foreground().color() == DELETED_COLOUR == QColor("#bb0000")
    inserted = fragment_with(document, "efficient").charFormat()
    assert inserted.fontUnderline()
    assert not inserted.fontStrikeOut()
    assert inserted.foreground().color() == INSERTED_COLOUR == QColor("#0645ad")
    assert "Times New Roman" in document.defaultFont().families()
    assert document.defaultFont().pointSize() == 12


def test_inline_text_notes_the_move_in_grey_italics_and_keeps_the_new_labels(view):
    document = view.inline_browser.document()
    note = fragment_with(document, "\u2003moved from OP 12")  # after an em space
    assert note.charFormat().fontItalic()
    assert block_starting(document, "Expresses its concern").text().startswith("3.\t")
    assert document.toPlainText().count("OP 12 moved to OP 3") == 1  # where it was
    assert block_starting(document, OP_30_START).text().startswith("31.\t")
    preambular = block_starting(document, "Reaffirming the Political Declaration adopted")
    assert preambular.text().startswith("PP 1\t")


def test_a_deleted_paragraph_stays_where_it_was_under_its_old_label(old):
    new = copy.deepcopy(old)
    removed = new.operative[6]
    new.blocks.remove(removed)
    comparison = compare(old, new)
    document, anchors = inline_document(comparison)
    assert [a.title for a in anchors] == ["OP 7 deleted"]
    block = document.findBlock(anchors[0].position)
    assert block.text().startswith("7.\tNotes with great concern")
    assert block.previous().text().startswith("6.\tReiterates the commitment")
    assert block.next().text().startswith("7.\tUrges Member States, where appropriate")
    texts = [f for f in block if f.fragment().text().strip()]
    for piece in texts[1:]:  # the text (the label is only coloured)
        assert piece.fragment().charFormat().fontStrikeOut()
        assert piece.fragment().charFormat().foreground().color() == DELETED_COLOUR


def test_a_proposal_is_shown_in_its_delegations_colour_with_its_attribution(old):
    new = copy.deepcopy(old)
    new.proposals["p-mx"] = Proposal("p-mx", ProposalKind.INSERT, author="Mexico")
    new.operative[15].content.append(ProposalSpan("p-mx", inserted=[Text(" and its Office")]))
    document, _anchors = inline_document(compare(old, new))
    colour = delegation_colour("Mexico")
    inserted = fragment_with(document, " and its Office").charFormat()
    assert inserted.foreground().color() == colour
    assert inserted.fontUnderline()
    assert fragment_with(document, " (Mexico)").charFormat().foreground().color() == colour


def test_a_renumbered_paragraph_says_its_old_label_in_the_tooltip(view):
    assert view.change_list.topLevelItem(1).toolTip(0) == "OP 4 modified (OP 3 in the old text)"
    assert view.change_list.topLevelItem(2).toolTip(0) == "OP 6 inserted"


def test_a_new_comparison_of_the_same_texts_keeps_the_reader_in_place(view, old):
    view.select_change(3)
    view.set_comparison(compare(old, revise(old)), "Rev.1 (12 Nov 2026)", "Current text")
    assert view.current_change_index() == 3
    block = view.inline_browser.textCursor().block()
    assert block.text().startswith("10.\tUrges Member States, where appropriate")
    assert view.inline_browser.marked_block == block.blockNumber()


# --- formatting changes --------------------------------------------------------------------


def test_the_formatting_toggle_lists_formatting_only_changes(qtbot, old):
    new = copy.deepcopy(old)
    _replace(new.operative[19], "international community", "international\u00a0community")
    _replace(new.operative[2], "effective", "efficient")
    widget = CompareView()
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.set_comparison(compare(old, new), "Old", "New")
    assert [entry.title for entry in widget.changes()] == ["OP 3 modified"]
    widget.show()
    qtbot.mouseClick(widget.formatting_box, Qt.MouseButton.LeftButton)
    assert widget.show_formatting()
    assert [entry.title for entry in widget.changes()] == ["OP 3 modified", "OP 20 formatting changed"]
    assert "1 formatting only" in widget.summary_label.text()
    document = widget.inline_browser.document()
    block = block_starting(document, "Requests the international")
    assert "international\u00a0community" in block.text()
    marked = next(f.fragment() for f in block if f.fragment().text() == "\u00a0").charFormat()
    assert marked.background().color().isValid()
    assert marked.background().style() != Qt.BrushStyle.NoBrush
    qtbot.mouseClick(widget.formatting_box, Qt.MouseButton.LeftButton)
    assert [entry.title for entry in widget.changes()] == ["OP 3 modified"]


def test_the_toggle_keeps_the_selected_change(qtbot, view):
    view.select_change(3)
    view.set_show_formatting(True)
    assert view.current_change().title == "OP 10 modified"


# --- side by side ----------------------------------------------------------------------------


def test_side_by_side_tints_deletions_on_the_left_and_insertions_on_the_right(comparison):
    left, right, pairs = side_by_side_documents(comparison)
    deleted = fragment_with(left, "effective").charFormat()
    assert deleted.fontStrikeOut()
    assert deleted.background().style() != Qt.BrushStyle.NoBrush
    assert "engage in efficient" not in left.toPlainText()
    inserted = fragment_with(right, "efficient").charFormat()
    assert inserted.fontUnderline()
    assert inserted.background().style() != Qt.BrushStyle.NoBrush
    assert "engage in effective" not in right.toPlainText()
    entries = change_entries(comparison)
    by_change = {p.change_index: p for p in pairs if p.change_index is not None}
    assert sorted(by_change) == list(range(len(entries)))
    inserted_pair = by_change[2]
    assert inserted_pair.old_block_number is None
    assert right.findBlockByNumber(inserted_pair.new_block_number).text() == f"6.\t{INSERTED_OP}"
    moved_pair = by_change[0]
    assert moved_pair.moved
    assert left.findBlockByNumber(moved_pair.old_block_number).text().startswith("12.\tExpresses its concern")
    assert right.findBlockByNumber(moved_pair.new_block_number).text().startswith("3.\tExpresses its concern")


def test_scrolling_one_side_brings_the_other_to_the_paired_paragraph(qtbot, view):
    qtbot.mouseClick(view.side_button, Qt.MouseButton.LeftButton)
    assert view.mode() == CompareView.SIDE_BY_SIDE
    left, right = view.old_browser, view.new_browser
    old_block = block_starting(left.document(), OP_30_START)
    assert old_block.text().startswith("30.\t")
    left.verticalScrollBar().setValue(int(left.block_top(old_block.blockNumber())))
    top = right.document().findBlockByNumber(right.top_block())
    assert top.text().startswith("31.\t" + OP_30_START)

    new_block = block_starting(right.document(), "Stresses that it is absolutely imperative")
    right.verticalScrollBar().setValue(int(right.block_top(new_block.blockNumber())))
    top = left.document().findBlockByNumber(left.top_block())
    assert top.text().startswith("13.\tStresses that it is absolutely imperative")


def test_in_side_by_side_a_moved_paragraph_is_shown_at_both_places(qtbot, view):
    view.set_mode(CompareView.SIDE_BY_SIDE)
    qtbot.keyClick(view.change_list, Qt.Key.Key_F8)
    left, right = view.old_browser, view.new_browser
    assert left.textCursor().block().text().startswith("12.\tExpresses its concern")
    assert right.textCursor().block().text().startswith("3.\tExpresses its concern")
    assert left.marked_block == left.textCursor().block().blockNumber()
    assert right.marked_block == right.textCursor().block().blockNumber()


# --- commands ----------------------------------------------------------------------------------


def test_export_and_print_buttons_ask_the_owner(qtbot, view):
    for button, signal in (
        (view.export_docx_button, view.exportDocxRequested),
        (view.export_html_button, view.exportHtmlRequested),
        (view.print_button, view.printRequested),
    ):
        with qtbot.waitSignal(signal, timeout=1000):
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_accept_and_reject_appear_only_when_enabled_and_carry_the_change(qtbot, view):
    assert not view.accept_button.isVisible()
    assert not view.reject_button.isVisible()
    view.set_accept_reject_enabled(True)
    assert view.accept_button.isVisible()
    assert not view.accept_button.isEnabled()
    view.select_change(1)
    with qtbot.waitSignal(view.acceptRequested, timeout=1000) as accepted:
        qtbot.mouseClick(view.accept_button, Qt.MouseButton.LeftButton)
    assert accepted.args[0] is view.changes()[1].change
    with qtbot.waitSignal(view.rejectRequested, timeout=1000) as rejected:
        qtbot.mouseClick(view.reject_button, Qt.MouseButton.LeftButton)
    assert rejected.args[0] is view.changes()[1].change


def test_a_running_comparison_shows_an_indeterminate_bar(qtbot, view, old):
    """Wired as the comparison tab wires it: the runner's busy signal drives the bar."""
    runner = CompareRunner()
    runner.busy.connect(view.set_busy)
    try:
        assert not view.progress.isVisible()
        with qtbot.waitSignal(runner.finished, timeout=10000):
            runner.start(old, revise(old))
            assert view.progress.isVisible()  # shown at once, before the result
            assert view.busy_label.text() == "Comparing…"
            assert view.progress.minimum() == view.progress.maximum() == 0
        qtbot.waitUntil(lambda: not view.progress.isVisible(), timeout=5000)
    finally:
        runner.shutdown()


def test_nothing_is_clipped_at_1200_by_800(qtbot, view):
    view.set_accept_reject_enabled(True)
    view.set_busy(True)
    QCoreApplication.processEvents()
    for button in view.findChildren(QPushButton):
        assert button.isVisible()
        assert button.width() >= button.sizeHint().width(), button.text()
        assert view.rect().contains(QRect(button.mapTo(view, QPoint(0, 0)), button.size())), button.text()
    for widget in (view.formatting_box, view.summary_label, view.title_label, view.busy_label):
        assert widget.width() >= widget.sizeHint().width()


# --- the runner --------------------------------------------------------------------------------


class ProbeDocument(Document):
    """A document that notes which thread reads it."""

    readers: list[int]

    def iter_blocks(self):
        self.readers.append(threading.get_ident())
        return super().iter_blocks()


def probe(document: Document) -> ProbeDocument:
    out = ProbeDocument(**{f.name: getattr(document, f.name) for f in fields(Document)})
    out.readers = []
    return out


@pytest.fixture
def runner(qtbot):
    runner = CompareRunner()
    yield runner
    runner.shutdown()


def test_the_runner_compares_off_the_gui_thread_and_delivers_on_it(qtbot, runner, old):
    new = probe(revise(old))
    delivered: list[int] = []
    runner.finished.connect(lambda _c: delivered.append(threading.get_ident()))
    with qtbot.waitSignal(runner.finished, timeout=10000) as signal:
        runner.start(old, new)
    comparison = signal.args[0]
    assert isinstance(comparison, Comparison)
    assert [e.title for e in change_entries(comparison)][:3] == [
        "OP 3 moved from OP 12",
        "OP 4 modified",
        "OP 6 inserted",
    ]
    gui = threading.get_ident()
    assert new.readers
    assert all(thread != gui for thread in new.readers)
    assert delivered == [gui]


def test_a_newer_start_drops_the_older_result(qtbot, runner, old):
    first, second = revise(old), revise(old)
    second.blocks.pop()
    emitted: list[Comparison] = []
    states: list[bool] = []
    runner.finished.connect(emitted.append)
    runner.busy.connect(states.append)
    runner.start(old, first)
    runner.start(old, second)
    qtbot.waitUntil(lambda: states == [True, False], timeout=10000)
    assert len(emitted) == 1
    assert emitted[0].new is second


def test_a_failing_comparison_is_reported_and_the_runner_keeps_working(qtbot, runner, old):
    broken = copy.deepcopy(old)
    broken.blocks[0].content = None
    with qtbot.waitSignal(runner.failed, timeout=10000) as signal:
        runner.start(old, broken)
    assert "Error" in signal.args[0]
    assert "\n" not in signal.args[0]
    with qtbot.waitSignal(runner.finished, timeout=10000):
        runner.start(old, revise(old))


def test_the_view_feeds_on_the_runner(qtbot, runner, old):
    widget = CompareView()
    qtbot.addWidget(widget)
    runner.busy.connect(widget.set_busy)
    runner.finished.connect(lambda c: widget.set_comparison(c, "Old", "New"))
    widget.show()
    with qtbot.waitSignal(runner.finished, timeout=10000):
        runner.start(old, revise(old))
    qtbot.waitUntil(lambda: not widget.progress.isVisible(), timeout=10000)
    assert len(widget.changes()) == 5


def test_side_by_side_of_a_text_with_front_matter(qtbot):
    """The material before the title is metadata (listed under "Masthead"), not a paragraph of
    either text: the side-by-side texts skip it (they used to stop on it with a KeyError)."""
    old = load("cica-concept-paper-rev1-en-ru-kk.txt").document
    assert old.front
    new = copy.deepcopy(old)
    new.front[2].content = [Text("No. NCT/CID/697")]
    new.blocks.pop(3)
    comparison = compare(old, new)
    left, right, pairs = side_by_side_documents(comparison)
    assert "NCT/CID/696" not in left.toPlainText().split("Masthead")[0]
    assert "NCT/CID/697" in right.toPlainText().split("Masthead")[1]
    titles = [entry.title for entry in change_entries(comparison)]
    assert titles[-1] == "masthead: front changed"
    deleted = next(
        p for p in pairs if p.change_index == titles.index(next(t for t in titles if "deleted" in t))
    )
    assert deleted.new_block_number is None
    widget = CompareView()
    qtbot.addWidget(widget)
    widget.set_comparison(comparison)
    widget.set_mode(CompareView.SIDE_BY_SIDE)
    widget.select_change(len(titles) - 1)
    assert widget.new_browser.textCursor().block().text().startswith("Front: ")
