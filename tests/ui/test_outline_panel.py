"""The outline dock: entries from a real resolution, the tree, and reordering requests."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from drafting.model import Block, BlockKind, Document, DocumentKind, Text
from tests.helpers import load
from ui.outline_panel import MIME_BLOCK_ID, OutlinePanel, outline_entries

CORPUS_FILE = "ga-res-67-193-en.txt"


@pytest.fixture(scope="module")
def document():
    return load(CORPUS_FILE).document


@pytest.fixture
def panel(qtbot, document):
    widget = OutlinePanel()
    qtbot.addWidget(widget)
    widget.resize(420, 600)
    widget.set_entries(outline_entries(document))
    return widget


def op(document, number):
    return document.operative[number - 1].id


def pp(document, number):
    return document.preambular[number - 1].id


def test_entries_of_resolution_67_193(document):
    entries = outline_entries(document)
    operative = [e for e in entries if e.kind == BlockKind.OPERATIVE]
    preambular = [e for e in entries if e.kind == BlockKind.PREAMBULAR]
    assert len(operative) == 47
    assert len(preambular) == 27
    op12 = next(e for e in entries if e.block_id == op(document, 12))
    assert (op12.reference, op12.label, op12.depth) == ("OP 12", "12.", 0)
    assert op12.text.startswith("Expresses its concern that, despite the efforts")
    subs = [e for e in entries if e.reference.startswith("OP 17 (")]
    assert [(e.reference, e.label, e.depth) for e in subs] == [
        ("OP 17 (a)", "(a)", 1),
        ("OP 17 (b)", "(b)", 1),
        ("OP 17 (c)", "(c)", 1),
    ]
    # Reading order: each subparagraph right after its paragraph.
    index = [e.block_id for e in entries].index(op(document, 17))
    assert [e.reference for e in entries[index + 1 : index + 4]] == ["OP 17 (a)", "OP 17 (b)", "OP 17 (c)"]


def test_tree_groups_and_captions(panel, document):
    tree = panel.tree
    groups = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert groups == ["Preamble (27)", "Operative part (47)"]
    item = panel.item_for(op(document, 12))
    assert item.text(0) == "OP 12  Expresses its concern that, despite the efforts of…"
    assert item.parent() is tree.topLevelItem(1)
    assert "Expresses its concern" in item.toolTip(0)
    assert item.toolTip(0).count(" ") > 20  # the full text, not the summary
    sub = panel.item_for(document.operative[16].children[1].id)
    assert sub.text(0).startswith("OP 17 (b)  ")
    assert sub.parent() is panel.item_for(op(document, 17))


def test_plain_document_lists_blocks_at_top_level(qtbot):
    blocks = [
        Block("h1", BlockKind.HEADING, [Text("Background")]),
        Block("p1", BlockKind.PARAGRAPH, [Text("The Conference recalls its earlier work.")]),
        Block("p2", BlockKind.PARAGRAPH, [Text("Cooperation may include the following.")]),
    ]
    panel = OutlinePanel()
    qtbot.addWidget(panel)
    panel.set_entries(outline_entries(Document(kind=DocumentKind.CONCEPT_PAPER, blocks=blocks)))
    tree = panel.tree
    assert [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())] == [
        "section I  Background",
        "paragraph 1  The Conference recalls its earlier work.",
        "paragraph 2  Cooperation may include the following.",
    ]
    assert panel.drop_target("p2", panel.item_for("h1"), "above") == "h1"
    assert panel.drop_target("h1", panel.item_for("p2"), "below") == ""


def test_click_shows_enter_activates_and_select_block_does_neither(qtbot, panel, document):
    panel.show()
    qtbot.waitExposed(panel)
    item = panel.item_for(op(document, 3))
    panel.tree.scrollToItem(item)
    rect = panel.tree.visualItemRect(item)
    with qtbot.waitSignal(panel.shown) as blocker, qtbot.assertNotEmitted(panel.activated):
        qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [op(document, 3)]
    with qtbot.waitSignal(panel.activated) as blocker:
        qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    assert blocker.args == [op(document, 3)]

    with qtbot.assertNotEmitted(panel.activated), qtbot.assertNotEmitted(panel.shown):
        panel.select_block(op(document, 40))
    assert panel.tree.currentItem() is panel.item_for(op(document, 40))
    assert panel.current_block_id() == op(document, 40)


def test_drop_decisions(panel, document):
    op12 = op(document, 12)
    item = panel.item_for
    # OP 12 dropped above OP 1: it goes before OP 1.
    assert panel.drop_target(op12, item(op(document, 1)), "above") == op(document, 1)
    # Below OP 1: before OP 2.
    assert panel.drop_target(op12, item(op(document, 1)), "below") == op(document, 2)
    # Below the last paragraph: the end of the operative part.
    assert panel.drop_target(op12, item(op(document, 47)), "below") == ""
    # On the group itself: to the end of the group.
    assert panel.drop_target(op12, panel.tree.topLevelItem(1), "on") == ""
    # On a sibling: takes its place (before it moving up, after it moving down).
    assert panel.drop_target(op12, item(op(document, 5)), "on") == op(document, 5)
    assert panel.drop_target(op12, item(op(document, 20)), "on") == op(document, 21)
    # Where it already is: no move.
    assert panel.drop_target(op12, item(op(document, 13)), "above") is None
    assert panel.drop_target(op12, item(op(document, 11)), "below") is None
    assert panel.drop_target(op12, item(op12), "on") is None


def test_drops_outside_the_siblings_are_refused(panel, document):
    op12 = op(document, 12)
    item = panel.item_for
    assert panel.drop_target(op12, item(pp(document, 3)), "above") is None
    assert panel.drop_target(op12, item(pp(document, 27)), "below") is None
    assert panel.drop_target(op12, panel.tree.topLevelItem(0), "on") is None
    assert panel.drop_target(pp(document, 2), item(op(document, 1)), "above") is None
    # A subparagraph stays within its paragraph, and a paragraph does not go into one.
    op17 = document.operative[16]
    sub_a, sub_b, sub_c = (child.id for child in op17.children)
    assert panel.drop_target(sub_c, item(sub_a), "above") == sub_a
    assert panel.drop_target(sub_a, item(op17.id), "on") == ""
    assert panel.drop_target(sub_a, item(op(document, 12)), "above") is None
    assert panel.drop_target(op12, item(sub_b), "above") is None


def _drag_and_drop(panel, dragged_id, target_item, where):
    """Deliver what a drag delivers to the view: enter, move, then drop (offscreen, no real drag).

    Returns the move and drop events, to see whether the view took them."""
    tree = panel.tree
    tree.scrollToItem(target_item)
    rect = tree.visualItemRect(target_item)
    y = rect.top() + 1 if where == "above" else rect.center().y()
    point = QPoint(rect.center().x(), y)
    assert tree.drop_position(target_item, point) == where
    data = QMimeData()
    data.setData(MIME_BLOCK_ID, dragged_id.encode("utf-8"))
    args = (Qt.DropAction.MoveAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    enter = QDragEnterEvent(point, *args)
    QApplication.sendEvent(tree.viewport(), enter)
    assert enter.isAccepted()
    move = QDragMoveEvent(point, *args)
    QApplication.sendEvent(tree.viewport(), move)
    drop = QDropEvent(QPointF(point), *args)
    QApplication.sendEvent(tree.viewport(), drop)
    return move, drop


def _captions(panel):
    tree = panel.tree
    return [
        tree.topLevelItem(g).child(i).text(0)
        for g in range(tree.topLevelItemCount())
        for i in range(tree.topLevelItem(g).childCount())
    ]


def test_drop_event_requests_the_move_and_moves_nothing(qtbot, panel, document):
    panel.show()
    qtbot.waitExposed(panel)
    before = _captions(panel)
    op12, op1 = op(document, 12), op(document, 1)
    with qtbot.waitSignal(panel.moveRequested) as blocker:
        move, drop = _drag_and_drop(panel, op12, panel.item_for(op1), "above")
    assert blocker.args == [op12, op1]
    assert move.isAccepted()
    assert drop.isAccepted()
    assert _captions(panel) == before  # the owner rebuilds; the tree moved nothing itself


def test_drop_event_into_the_preamble_is_refused(qtbot, panel, document):
    panel.show()
    qtbot.waitExposed(panel)
    before = _captions(panel)
    with qtbot.assertNotEmitted(panel.moveRequested):
        move, drop = _drag_and_drop(panel, op(document, 12), panel.item_for(pp(document, 3)), "above")
    assert not move.isAccepted()
    assert not drop.isAccepted()
    assert _captions(panel) == before


def test_move_to_top_from_the_menu_actions(qtbot, panel, document):
    op12 = op(document, 12)
    panel.select_block(op12)
    assert panel.move_to_top_action.isEnabled()
    with qtbot.waitSignal(panel.moveRequested) as blocker:
        panel.move_to_top_action.trigger()
    assert blocker.args == [op12, op(document, 1)]
    with qtbot.waitSignal(panel.moveRequested) as blocker:
        panel.move_up_action.trigger()
    assert blocker.args == [op12, op(document, 11)]
    with qtbot.waitSignal(panel.moveRequested) as blocker:
        panel.move_down_action.trigger()
    assert blocker.args == [op12, op(document, 14)]


def test_first_and_last_cannot_move_further(qtbot, panel, document):
    panel.select_block(op(document, 1))
    assert not panel.move_up_action.isEnabled()
    assert not panel.move_to_top_action.isEnabled()
    with qtbot.assertNotEmitted(panel.moveRequested):
        panel.move_up_action.trigger()
    panel.select_block(op(document, 47))
    assert not panel.move_down_action.isEnabled()
    panel.select_block(op(document, 46))
    with qtbot.waitSignal(panel.moveRequested) as blocker:
        panel.move_down_action.trigger()
    assert blocker.args == [op(document, 46), ""]


def test_keyboard_shortcut_moves(qtbot, panel, document):
    panel.show()
    qtbot.waitExposed(panel)
    with qtbot.waitActive(panel):
        panel.activateWindow()
    panel.tree.setFocus()
    assert panel.tree.hasFocus()
    panel.select_block(pp(document, 5))
    with qtbot.waitSignal(panel.moveRequested) as blocker:
        qtbot.keyClick(panel.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert blocker.args == [pp(document, 5), pp(document, 4)]


def test_rebuild_keeps_selection_expansion_and_scroll(qtbot, panel, document):
    panel.resize(420, 300)
    panel.show()
    qtbot.waitExposed(panel)
    op17 = panel.item_for(op(document, 17))
    assert op17.isExpanded()
    op17.setExpanded(False)
    panel.tree.topLevelItem(0).setExpanded(False)  # the preamble
    panel.select_block(op(document, 30))
    scroll = panel.tree.verticalScrollBar().value()
    assert scroll > 0

    # The owner moved OP 12 to the top and rebuilds.
    blocks = list(document.blocks)
    moved = blocks.pop(blocks.index(document.operative[11]))
    blocks.insert(blocks.index(document.operative[0]), moved)
    panel.set_entries(outline_entries(Document(kind=document.kind, blocks=blocks)))

    assert panel.current_block_id() == op(document, 30)
    assert not panel.item_for(op(document, 17)).isExpanded()
    assert not panel.tree.topLevelItem(0).isExpanded()
    assert panel.tree.verticalScrollBar().value() == scroll
    assert panel.item_for(op(document, 12)).text(0).startswith("OP 1  Expresses its concern")


def test_an_annexed_declaration_has_its_own_group(qtbot):
    from drafting.importers import import_text

    text = (
        "United Nations\nA/RES/99/2\n\n99/2. Political declaration\n\nThe General Assembly\n\n"
        "Adopts the political declaration annexed to the present resolution.\n\n"
        "20th plenary meeting\n4 November 2025\n\nAnnex\n\nPolitical declaration on the matter\n\n"
        "1. We commit ourselves.\n\nPartnerships\n\n2. We also commit ourselves.\n"
    )
    widget = OutlinePanel()
    qtbot.addWidget(widget)
    widget.set_entries(outline_entries(import_text(text).document))
    root = widget.tree.invisibleRootItem()
    titles = [root.child(i).text(0) for i in range(root.childCount())]
    assert titles == ["Preamble (0)", "Operative part (1)", "Annex (5)"]
    annex = root.child(2)
    captions = [annex.child(i).text(0) for i in range(annex.childCount())]
    assert captions[2].startswith("annex para 1")
    assert captions[4].startswith("annex para 2")  # numbered through the heading


def test_a_paragraph_proposed_in_full_is_captioned_with_its_proposed_words(qtbot, document):
    import copy

    from drafting.model import Block, BlockKind, Proposal, ProposalKind, ProposalSpan, Text

    proposed = copy.deepcopy(document)
    words = "Decides to remain seized of the matter."
    proposed.blocks.append(Block("new-op", BlockKind.OPERATIVE, [ProposalSpan("p1", [], [Text(words)])]))
    proposed.proposals["p1"] = Proposal("p1", ProposalKind.INSERT, author="Mexico")
    widget = OutlinePanel()
    qtbot.addWidget(widget)
    widget.set_entries(outline_entries(proposed))
    assert widget.item_for("new-op").text(0).startswith("OP 47 bis  Decides to remain seized")
