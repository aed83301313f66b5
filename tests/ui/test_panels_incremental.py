"""After a pause in typing the panels update only what changed, and what they show is what a
fresh reading of the whole text gives: the outline, the word count, footnote numbers, labels."""

from __future__ import annotations

import os
import random

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shiboken6
from PySide6.QtCore import Qt

from drafting.model import plain_text
from drafting.numbering import block_labels, footnote_numbers, footnote_reference_counts
from tests.ui.window_helpers import RES_67_193, open_corpus, put_cursor_at_end_of
from ui.editor.labels import surface_labels
from ui.outline_panel import outline_entries


def _after_pause(qtbot, session):
    qtbot.wait(1)
    session.refresh()


def _shown_as_fresh(window, session):
    """Everything the panels show equals what the whole text, read afresh, gives."""
    document = session.document()
    assert window.outline.entries() == outline_entries(document)
    words = sum(len(plain_text(b.content).split()) for b in document.iter_blocks())
    assert window.words_label.text() == f"{words:,} words"
    assert session.footnote_numbers == footnote_numbers(document)
    assert session.reference_counts == footnote_reference_counts(document)
    assert session.block_labels == block_labels(document)
    assert session.editor.labels() == surface_labels(session.qdoc, session.language)


def test_typing_updates_the_outline_item_in_place(qtbot, window):
    session = open_corpus(window, RES_67_193)
    target = session.document().operative[4]
    item = window.outline.item_for(target.id)
    put_cursor_at_end_of(session, target.id)
    qtbot.keyClicks(session.editor, " wholeheartedly")
    _after_pause(qtbot, session)
    assert shiboken6.isValid(item)  # not rebuilt: the tree keeps its items, scrolling, expansion
    assert window.outline.item_for(target.id) is item
    assert "wholeheartedly" in item.toolTip(0)
    _shown_as_fresh(window, session)


def test_random_edits_through_the_keyboard_leave_every_panel_as_a_fresh_reading(qtbot, window):
    session = open_corpus(window, RES_67_193)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    chance = random.Random(1954)
    actions = ["type", "enter", "tab", "backtab", "backspace", "undo", "move", "footnote"]
    for _ in range(40):
        blocks = list(session.document().iter_blocks())
        target = chance.choice(blocks)
        put_cursor_at_end_of(session, target.id)
        action = chance.choice(actions)
        if action == "type":
            qtbot.keyClicks(session.editor, chance.choice([" and", " Annex", " further", "x"]))
        elif action == "enter":
            qtbot.keyClick(session.editor, Qt.Key.Key_Return)
            qtbot.keyClicks(session.editor, "Annex")
        elif action == "tab":
            qtbot.keyClick(session.editor, Qt.Key.Key_Home)
            qtbot.keyClick(session.editor, Qt.Key.Key_Tab)
        elif action == "backtab":
            qtbot.keyClick(session.editor, Qt.Key.Key_Home)
            qtbot.keyClick(session.editor, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
        elif action == "backspace":
            qtbot.keyClick(session.editor, Qt.Key.Key_Home)
            qtbot.keyClick(session.editor, Qt.Key.Key_Backspace)
        elif action == "undo":
            qtbot.keyClick(session.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        elif action == "move":
            qtbot.keyClick(
                session.editor,
                Qt.Key.Key_Up,
                Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier,
            )
        else:
            both = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
            qtbot.keyClick(session.editor, Qt.Key.Key_F, both)  # insert a footnote
        _after_pause(qtbot, session)
        _shown_as_fresh(window, session)


def test_typing_in_an_unnumbered_heading_renames_the_items_under_it(qtbot, window):
    """List items are named by their section where numbering restarts ("Part B, item 1"): the
    heading's text is part of their references, so typing in it must update them."""
    from drafting.model import Block, BlockKind, Document, DocumentKind, Text

    def heading(name):
        return Block(f"h-{name}", BlockKind.HEADING, [Text(name)], numbered=False)

    def item(name, number):
        return Block(f"i-{name}-{number}", BlockKind.LIST_ITEM, [Text(f"Item {number} of {name}.")])

    blocks = [heading("Part A"), item("a", 1), item("a", 2), heading("Part B"), item("b", 1)]
    session = window.open_document(Document(kind=DocumentKind.CONCEPT_PAPER, blocks=blocks), title="parts")
    session.refresh()
    assert window.outline.item_for("i-b-1").text(0).startswith("Part B, item 1")
    put_cursor_at_end_of(session, "h-Part B")
    qtbot.keyClicks(session.editor, "ravo")
    _after_pause(qtbot, session)
    assert window.outline.item_for("i-b-1").text(0).startswith("Part Bravo, item 1")
    _shown_as_fresh(window, session)
