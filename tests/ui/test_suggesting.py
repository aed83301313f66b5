"""Suggesting mode (Word's Track Changes), driven as a user drives it: Ctrl+Shift+E, typing,
Backspace and Delete, typing over a selection, pasting, Enter and Ctrl+Enter, moving paragraphs
with Alt+Shift+Up and the outline's drag, Ctrl+Z; the proposals read back from the surface; the
Word export's tracked changes accepted and rejected by LibreOffice. Offscreen Qt, real widgets."""

from __future__ import annotations

import datetime
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QInputDialog

from app.settings import Settings, load_settings
from drafting.exporters import DocxOptions, export_docx
from drafting.model import (
    Document,
    Mark,
    NoteRef,
    ProposalKind,
    ProposalSpan,
    ProposalStatus,
    Text,
    iter_inlines,
    plain_text,
)
from drafting.proposal_ops import accept_all, reject_all
from tests.ui.test_outline_panel import _drag_and_drop
from tests.ui.window_helpers import RES_67_193, open_corpus
from ui.editor import formats, structure_ops

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
TODAY = datetime.date.today().isoformat()


@pytest.fixture
def window(make_window):
    return make_window(Settings(delegation="Mexico"))


# -- helpers ---------------------------------------------------------------------------------------


def focus(qtbot, window, session):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    session.editor.setFocus()


def start_suggesting(qtbot, window, session):
    focus(qtbot, window, session)
    qtbot.keyClick(session.editor, Qt.Key.Key_E, CTRL | SHIFT)
    assert session.suggesting.active


def place(session, block_id, offset, length=0):
    """The cursor ``offset`` characters into the paragraph (selecting ``length`` more)."""
    block = structure_ops.find_block(session.qdoc, block_id)
    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + offset)
    if length:
        cursor.setPosition(block.position() + offset + length, QTextCursor.MoveMode.KeepAnchor)
    session.editor.setTextCursor(cursor)
    session.editor.setFocus()


def offset_of(session, block_id, text):
    block = structure_ops.find_block(session.qdoc, block_id)
    index = block.text().find(text)
    assert index >= 0, text
    return index


def content(session, block_id):
    return session.document().block(block_id).content


def spans(session, block_id):
    return [n for n in content(session, block_id) if isinstance(n, ProposalSpan)]


def state(session):
    """Everything undo must give back: each paragraph (id, kind, content) and the proposals."""
    document = session.document()
    return [(b.id, b.kind, b.content) for b in document.iter_blocks()], dict(document.proposals)


def undo(qtbot, session):
    qtbot.keyClick(session.editor, Qt.Key.Key_Z, CTRL)


def text_of(nodes):
    return "".join(n.text for n in nodes if isinstance(n, Text))


def count_proposals(document: Document) -> int:
    """Proposals as the user counts them: a move's two halves are one."""
    return sum(
        1
        for p in document.proposals.values()
        if not any(q.move_of == p.id for q in document.proposals.values())
    )


# -- the toggle and the delegation ------------------------------------------------------------------


def test_the_toggle_by_shortcut_menu_action_and_status_bar_indicator(qtbot, window):
    session = open_corpus(window, RES_67_193)
    action = window.actions["suggesting"]
    indicator = window.suggesting_indicator
    assert action.isCheckable()
    assert action in window.menuBar().actions()[1].menu().actions()  # Edit
    assert not session.suggesting.active
    assert indicator.text() == "Editing"
    focus(qtbot, window, session)
    qtbot.keyClick(session.editor, Qt.Key.Key_E, CTRL | SHIFT)
    assert session.suggesting.active
    assert action.isChecked()
    assert indicator.text() == "Suggesting"
    action.trigger()  # Edit ▸ Suggest changes (and the toolbar button)
    assert not session.suggesting.active
    assert not action.isChecked()
    assert indicator.text() == "Editing"
    qtbot.mouseClick(indicator, Qt.MouseButton.LeftButton)
    assert session.suggesting.active
    assert indicator.text() == "Suggesting"
    assert action.isChecked()
    # Per document: another document opens in editing mode, and the indicator follows the tab.
    other = open_corpus(window, RES_67_193)
    assert other is not session
    assert not other.suggesting.active
    assert indicator.text() == "Editing"
    assert not action.isChecked()
    window.show_session(session)
    assert indicator.text() == "Suggesting"
    assert action.isChecked()


def test_the_delegation_is_asked_once_at_the_first_use_and_kept(qtbot, make_window, monkeypatch, tmp_path):
    window = make_window(Settings())
    asked = []
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: asked.append(a[1]) or ("Peru", True))
    session = open_corpus(window, RES_67_193)
    start_suggesting(qtbot, window, session)
    assert len(asked) == 1
    assert window.settings.delegation == "Peru"
    assert load_settings(tmp_path / "data" / "settings.json")[0].delegation == "Peru"
    op3 = session.document().operative[2].id
    place(session, op3, offset_of(session, op3, " to engage"))
    qtbot.keyClicks(session.editor, " and observers")
    (proposal,) = session.document().proposals.values()
    assert proposal.author == "Peru"
    qtbot.keyClick(session.editor, Qt.Key.Key_E, CTRL | SHIFT)  # off
    qtbot.keyClick(session.editor, Qt.Key.Key_E, CTRL | SHIFT)  # on again: not asked again
    assert session.suggesting.active
    assert len(asked) == 1


def test_with_suggesting_off_editing_changes_the_text(qtbot, window):
    session = open_corpus(window, RES_67_193)
    focus(qtbot, window, session)
    op3 = session.document().operative[2].id
    place(session, op3, offset_of(session, op3, " to engage"))
    qtbot.keyClicks(session.editor, " and observers")
    qtbot.keyClick(session.editor, Qt.Key.Key_Backspace)
    assert "Member States and observer to engage" in plain_text(content(session, op3))
    assert session.document().proposals == {}
    assert not spans(session, op3)


# -- typing and deleting ----------------------------------------------------------------------------


def test_consecutive_typing_is_one_insertion_and_one_undo_step(qtbot, window):
    session = open_corpus(window, RES_67_193)
    start_suggesting(qtbot, window, session)
    op3 = session.document().operative[2].id
    before = state(session)
    place(session, op3, offset_of(session, op3, " to engage"))
    qtbot.keyClicks(session.editor, " and observers")
    qtbot.keyClicks(session.editor, " of the Commission")  # more key presses, the same run
    (span,) = spans(session, op3)
    assert span.deleted == []
    assert text_of(span.inserted) == " and observers of the Commission"
    (proposal,) = session.document().proposals.values()
    assert (proposal.id, proposal.kind, proposal.author, proposal.date, proposal.status) == (
        span.proposal_id,
        ProposalKind.INSERT,
        "Mexico",
        TODAY,
        ProposalStatus.PROPOSED,
    )
    # Drawn underlined in the delegation's colour.
    block = structure_ops.find_block(session.qdoc, op3)
    probe = QTextCursor(block)
    probe.setPosition(block.position() + offset_of(session, op3, "observers") + 1)
    fmt = probe.charFormat()
    assert fmt.fontUnderline()
    assert fmt.property(formats.PROPOSAL_ROLE) == "inserted"
    assert fmt.foreground().color() == formats.delegation_colour("Mexico")
    assert session.history.undoText() == "Suggest insertion"
    undo(qtbot, session)
    assert state(session) == before


def test_typing_after_moving_away_and_back_extends_the_same_insertion(qtbot, window):
    session = open_corpus(window, RES_67_193)
    start_suggesting(qtbot, window, session)
    op3 = session.document().operative[2].id
    place(session, op3, offset_of(session, op3, " to engage"))
    qtbot.keyClicks(session.editor, " and observers")
    qtbot.keyClick(session.editor, Qt.Key.Key_Left)
    qtbot.keyClick(session.editor, Qt.Key.Key_Left)
    qtbot.keyClicks(session.editor, "X")  # inside one's own insertion
    qtbot.keyClick(session.editor, Qt.Key.Key_End)
    place(session, op3, offset_of(session, op3, " and obse"))  # right before it
    qtbot.keyClicks(session.editor, "Y")
    (span,) = spans(session, op3)
    assert text_of(span.inserted) == "Y and observeXrs"
    assert len(session.document().proposals) == 1


def test_backspace_inside_ones_own_insertion_shrinks_it_and_emptied_it_is_gone(qtbot, window):
    session = open_corpus(window, RES_67_193)
    start_suggesting(qtbot, window, session)
    op3 = session.document().operative[2].id
    original = content(session, op3)
    place(session, op3, offset_of(session, op3, " to engage"))
    qtbot.keyClicks(session.editor, " and observers")
    qtbot.keyClick(session.editor, Qt.Key.Key_Backspace)
    (span,) = spans(session, op3)
    assert text_of(span.inserted) == " and observer"
    assert session.history.undoText() == "Suggest deletion"
    for _ in range(len(" and observer")):
        qtbot.keyClick(session.editor, Qt.Key.Key_Backspace)
    assert content(session, op3) == original  # really removed, not struck
    assert session.document().proposals == {}


def test_backspace_over_ordinary_text_strikes_it_and_moves_left(qtbot, window):
    session = open_corpus(window, RES_67_193)
    start_suggesting(qtbot, window, session)
    op3 = session.document().operative[2].id
    at = offset_of(session, op3, " to engage")
    place(session, op3, at)
    for _ in range(len(" States")):
        qtbot.keyClick(session.editor, Qt.Key.Key_Backspace)
    block = structure_ops.find_block(session.qdoc, op3)
    assert session.editor.textCursor().position() - block.position() == at - len(" States")
    assert block.text() == structure_ops.find_block(session.qdoc, op3).text()  # nothing removed
    assert "Member States to engage" in block.text()
    (span,) = spans(session, op3)  # adjacent deletions are one
    assert text_of(span.deleted) == " States"
    assert span.inserted == []
    (proposal,) = session.document().proposals.values()
    assert (proposal.kind, proposal.author, proposal.date) == (ProposalKind.DELETE, "Mexico", TODAY)
    probe = QTextCursor(block)
    probe.setPosition(block.position() + at)  # the format of the character before
    assert probe.charFormat().fontStrikeOut()
    assert "Member to engage" in plain_text(accept_all(session.document()).block(op3).content)


def test_delete_over_struck_text_skips_it_and_strikes_the_next_character(qtbot, window):
    session = open_corpus(window, RES_67_193)
    start_suggesting(qtbot, window, session)
    op3 = session.document().operative[2].id
    at = offset_of(session, op3, " States")
    place(session, op3, at, len(" States"))
    qtbot.keyClick(session.editor, Qt.Key.Key_Delete)
    (span,) = spans(session, op3)
    assert text_of(span.deleted) == " States"
    place(session, op3, at)  # before the struck text
    qtbot.keyClick(session.editor, Qt.Key.Key_Delete)
    qtbot.keyClick(session.editor, Qt.Key.Key_Delete)
    block = structure_ops.find_block(session.qdoc, op3)
    assert session.editor.textCursor().position() - block.position() == at + len(" States t")
    (span,) = spans(session, op3)  # still one deletion: " States" and " t" are adjacent
    assert text_of(span.deleted) == " States t"
    assert len(session.document().proposals) == 1
    # Backspace from after it skips the struck text too.
    place(session, op3, at + len(" States t"))
    qtbot.keyClick(session.editor, Qt.Key.Key_Backspace)
    assert text_of(spans(session, op3)[0].deleted) == "r States t"
    assert session.editor.textCursor().position() - block.position() == at - 1


def test_typing_over_a_selection_is_one_replacement_and_one_undo_step(qtbot, window):
    session = open_corpus(window, RES_67_193)
    start_suggesting(qtbot, window, session)
    op3 = session.document().operative[2].id
    before = state(session)
    place(session, op3, offset_of(session, op3, "effective"), len("effective"))
    qtbot.keyClicks(session.editor, "close")
    (span,) = spans(session, op3)
    assert (text_of(span.deleted), text_of(span.inserted)) == ("effective", "close")
    (proposal,) = session.document().proposals.values()
    assert proposal.kind == ProposalKind.REPLACE
    assert "engage in close cooperation" in plain_text(accept_all(session.document()).block(op3).content)
    assert session.history.undoText() == "Suggest replacement"
    undo(qtbot, session)
    assert state(session) == before


def test_deleting_a_whole_paragraph_is_a_deletion_in_full(qtbot, window):
    session = open_corpus(window, RES_67_193)
    start_suggesting(qtbot, window, session)
    op4 = session.document().operative[3].id
    block = structure_ops.find_block(session.qdoc, op4)
    cursor = QTextCursor(block)
    cursor.setPosition(block.next().position(), QTextCursor.MoveMode.KeepAnchor)  # as triple-click and drag
    session.editor.setTextCursor(cursor)
    qtbot.keyClick(session.editor, Qt.Key.Key_Delete)
    (span,) = content(session, op4)
    assert isinstance(span, ProposalSpan)
    assert span.inserted == []
    assert plain_text(span.deleted).startswith("Encourages Member States")
    assert op4 not in {b.id for b in accept_all(session.document()).iter_blocks()}


def test_deleting_another_delegations_insertion_is_a_deletion_nested_in_it(qtbot, window):
    session = open_corpus(window, RES_67_193)
    op3 = session.document().operative[2].id
    before = plain_text(session.document().block(op3).content)
    window.settings = Settings(delegation="European Union")
    start_suggesting(qtbot, window, session)
    place(session, op3, offset_of(session, op3, " to engage"))
    qtbot.keyClicks(session.editor, " and all observers")
    (theirs,) = session.document().proposals
    window.settings = Settings(delegation="Mexico")
    at = offset_of(session, op3, " all")
    place(session, op3, at, len(" all"))
    qtbot.keyClick(session.editor, Qt.Key.Key_Delete)
    document = session.document()
    (outer,) = spans(session, op3)  # their insertion, one span, with our deletion inside it
    assert outer.proposal_id == theirs
    assert outer.deleted == []
    first, inner, last = outer.inserted
    assert (first, last) == (Text(" and"), Text(" observers"))
    assert isinstance(inner, ProposalSpan)
    assert (text_of(inner.deleted), inner.inserted) == (" all", [])
    mine = document.proposals[inner.proposal_id]
    assert (mine.kind, mine.author) == (ProposalKind.DELETE, "Mexico")
    assert document.proposals[theirs].author == "European Union"  # their insertion stays theirs
    assert "Member States and observers to engage" in plain_text(accept_all(document).block(op3).content)
    assert plain_text(reject_all(document).block(op3).content) == before  # our deletion went with theirs
    # Their words are not removed by a delete of ours: struck (joining our deletion next to
    # them), and a second delete skips the struck ones.
    place(session, op3, at)
    qtbot.keyClick(session.editor, Qt.Key.Key_Backspace)
    (outer,) = spans(session, op3)
    assert text_of(outer.inserted[:1]) == " an"
    # Typing strictly inside their insertion nests our words in it too.
    place(session, op3, offset_of(session, op3, "observers"))
    qtbot.keyClicks(session.editor, "other ")
    (outer,) = spans(session, op3)
    nested = [n for n in outer.inserted if isinstance(n, ProposalSpan)]
    assert [(text_of(n.deleted), text_of(n.inserted)) for n in nested] == [("d all", ""), ("", "other ")]
    typed = session.document().proposals[nested[1].proposal_id]
    assert (typed.kind, typed.author) == (ProposalKind.INSERT, "Mexico")
    assert "Member States an observers" not in plain_text(reject_all(session.document()).block(op3).content)
    assert plain_text(reject_all(session.document()).block(op3).content) == before
    # Undone: the typing goes, the nested deletion stays.
    undo(qtbot, session)
    assert [n for n in spans(session, op3)[0].inserted if isinstance(n, ProposalSpan)] == nested[:1]


# -- paste, new paragraphs -------------------------------------------------------------------------


def test_paste_is_an_insertion_with_the_footnote_references_it_carries(qtbot, window):
    session = open_corpus(window, RES_67_193)
    document = session.document()
    pp2 = document.preambular[1]
    (note,) = [n.footnote_id for n in pp2.content if isinstance(n, NoteRef)]
    focus(qtbot, window, session)
    block = structure_ops.find_block(session.qdoc, pp2.id)
    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + block.length() - 1, QTextCursor.MoveMode.KeepAnchor)
    session.editor.setTextCursor(cursor)
    qtbot.keyClick(session.editor, Qt.Key.Key_C, CTRL)
    start_suggesting(qtbot, window, session)
    op3 = document.operative[2].id
    before = state(session)
    place(session, op3, offset_of(session, op3, " to engage"))
    qtbot.keyClick(session.editor, Qt.Key.Key_V, CTRL)
    (span,) = spans(session, op3)
    assert span.deleted == []
    assert plain_text(span.inserted) == plain_text(pp2.content)
    assert NoteRef(note) in list(iter_inlines(span.inserted))
    assert plain_text(content(session, pp2.id)) == plain_text(pp2.content)  # copied, not moved
    (proposal,) = session.document().proposals.values()
    assert (proposal.kind, proposal.author) == (ProposalKind.INSERT, "Mexico")
    assert session.history.undoText() == "Suggest insertion"
    undo(qtbot, session)
    assert state(session) == before
    # Text from another program, two lines: the second a paragraph proposed in full.
    data = QMimeData()
    data.setText("of all regions\nDecides to remain seized of the matter;")
    QApplication.clipboard().setMimeData(data)
    place(session, op3, offset_of(session, op3, " to engage"))
    qtbot.keyClick(session.editor, Qt.Key.Key_V, CTRL)
    (span,) = spans(session, op3)
    assert text_of(span.inserted) == "of all regions"
    after = session.document().operative[3]
    assert [(type(n), text_of(n.inserted)) for n in after.content] == [
        (ProposalSpan, "Decides to remain seized of the matter;")
    ]
    assert after.content[0].proposal_id == span.proposal_id
    assert len(session.document().proposals) == 1


def test_enter_and_typing_propose_a_paragraph_in_full(qtbot, window):
    session = open_corpus(window, RES_67_193)
    start_suggesting(qtbot, window, session)
    op6 = session.document().operative[5].id
    place(session, op6, len(structure_ops.find_block(session.qdoc, op6).text()))
    qtbot.keyClick(session.editor, Qt.Key.Key_Return)
    qtbot.keyClicks(session.editor, "Also reiterates its commitment;")
    new = session.document().operative[6]
    (span,) = new.content
    assert isinstance(span, ProposalSpan)
    assert (span.deleted, text_of(span.inserted)) == ([], "Also reiterates its commitment;")


def test_enter_inside_a_paragraph_proposes_the_split_as_a_linked_pair(qtbot, window):
    session = open_corpus(window, RES_67_193)
    start_suggesting(qtbot, window, session)
    op3 = session.document().operative[2]
    text = plain_text(op3.content)
    before = state(session)
    at = offset_of(session, op3.id, " aimed at")
    place(session, op3.id, at)
    qtbot.keyClick(session.editor, Qt.Key.Key_Return)
    document = session.document()
    first, second = document.operative[2], document.operative[3]
    assert first.id == op3.id
    (deleted,) = [n for n in first.content if isinstance(n, ProposalSpan)]
    (inserted,) = second.content
    assert plain_text(deleted.deleted) == text[at:]
    assert text_of(inserted.inserted) == text[at:]
    assert document.proposals[inserted.proposal_id].move_of == deleted.proposal_id
    accepted = accept_all(document)
    assert [plain_text(b.content) for b in accepted.operative[2:4]] == [text[:at], text[at:]]
    assert plain_text(reject_all(document).operative[2].content) == text
    assert session.history.undoText() == "Suggest new paragraph"
    undo(qtbot, session)
    assert state(session) == before


# -- moves -----------------------------------------------------------------------------------------


def test_alt_shift_up_three_times_is_one_move_and_one_linked_pair(qtbot, window):
    session = open_corpus(window, RES_67_193)
    start_suggesting(qtbot, window, session)
    ops = session.document().operative
    op5, text = ops[4].id, plain_text(ops[4].content)
    before = state(session)
    place(session, op5, 3)
    qtbot.keyClick(session.editor, Qt.Key.Key_Up, ALT | SHIFT)
    assert session.history.undoText() == "Suggest moving OP 5"
    qtbot.keyClick(session.editor, Qt.Key.Key_Up, ALT | SHIFT)
    qtbot.keyClick(session.editor, Qt.Key.Key_Up, ALT | SHIFT)
    document = session.document()
    copy = document.operative[1]
    assert plain_text(copy.content, proposals="accepted") == text
    assert session.current_block_id() == copy.id
    assert document.operative[5].id == op5  # still where it was, struck in full
    (deletion,) = document.block(op5).content
    (insertion,) = copy.content
    assert (deletion.inserted, plain_text(deletion.deleted)) == ([], text)
    records = document.proposals
    assert len(records) == 2
    assert records[insertion.proposal_id].move_of == deletion.proposal_id
    assert {(p.kind, p.author) for p in records.values()} == {
        (ProposalKind.INSERT, "Mexico"),
        (ProposalKind.DELETE, "Mexico"),
    }
    assert [b.id for b in accept_all(document).operative[:2]] == [ops[0].id, copy.id]
    assert [b.id for b in reject_all(document).operative] == [b.id for b in ops]
    for _ in range(3):
        undo(qtbot, session)
    assert state(session) == before


# -- undo, gesture by gesture -----------------------------------------------------------------------


def test_each_gesture_is_one_undo_step(qtbot, window):
    session = open_corpus(window, RES_67_193)
    start_suggesting(qtbot, window, session)
    ops = session.document().operative
    pp2 = session.document().preambular[1].id
    states = [state(session)]
    names = []

    def done(name):
        assert session.history.undoText() == name
        names.append(name)
        states.append(state(session))

    place(session, ops[2].id, 5)
    qtbot.keyClicks(session.editor, " now")
    done("Suggest insertion")
    place(session, pp2, 10, 5)
    qtbot.keyClick(session.editor, Qt.Key.Key_Delete)
    done("Suggest deletion")
    qtbot.keyClick(session.editor, Qt.Key.Key_Backspace)  # skips what it struck, strikes one more
    done("Suggest deletion")
    place(session, ops[3].id, 0, 10)
    qtbot.keyClicks(session.editor, "Urges")
    done("Suggest replacement")
    place(session, ops[7].id, 0)
    qtbot.keyClick(session.editor, Qt.Key.Key_Up, ALT | SHIFT)
    done("Suggest moving OP 8")
    qtbot.keyClick(session.editor, Qt.Key.Key_Return, CTRL)
    done("New operative paragraph")
    # (Not an opening phrase: completing one italicizes it, a step of its own, as outside suggesting.)
    qtbot.keyClicks(session.editor, "The matter remains under review;")
    done("Suggest insertion")
    assert len({repr(s) for s in states}) == len(states)  # every gesture changed something
    for index, expected in reversed(list(enumerate(states[:-1]))):
        undo(qtbot, session)
        assert state(session) == expected, f"undoing {names[index]} (gesture {index + 1})"
    for expected in states[1:]:
        qtbot.keyClick(session.editor, Qt.Key.Key_Y, CTRL)
        assert state(session) == expected


# -- rationale --------------------------------------------------------------------------------------


def test_a_rationale_is_added_from_the_context_menu_as_an_undo_step(qtbot, window, monkeypatch):
    from ui.context_menu import build_menu

    session = open_corpus(window, RES_67_193)
    start_suggesting(qtbot, window, session)
    op3 = session.document().operative[2].id
    place(session, op3, offset_of(session, op3, " to engage"))
    qtbot.keyClicks(session.editor, " and observers")
    (proposal_id,) = session.document().proposals
    before = state(session)
    block = structure_ops.find_block(session.qdoc, op3)
    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + offset_of(session, op3, "observers") + 2)
    point = session.editor.cursorRect(cursor).center()
    menu = build_menu(window, point)
    (entry,) = [a for a in menu.actions() if a.text() == "Add rationale…"]
    monkeypatch.setattr(
        QInputDialog, "getMultiLineText", lambda *a, **k: ("Observers take part in the work.", True)
    )
    entry.trigger()
    assert session.document().proposals[proposal_id].rationale == "Observers take part in the work."
    probe = QTextCursor(block)
    probe.setPosition(block.position() + offset_of(session, op3, "observers") + 2)
    assert "Observers take part in the work." in probe.charFormat().toolTip()
    assert session.history.undoText() == "Add rationale"
    undo(qtbot, session)
    assert state(session) == before


# -- the done-when test ---------------------------------------------------------------------

NEW_OP = "Requests the Secretary-General to report on the implementation of the present resolution;"


def make_the_four_suggestions(qtbot, window):
    """Suggesting on; type into OP 3, delete words in PP 2, move OP 5 above OP 2 (the outline's
    drag), insert a new OP (Ctrl+Enter, then type). The document before and after."""
    session = open_corpus(window, RES_67_193)
    original = session.document()
    start_suggesting(qtbot, window, session)
    ops, pps = original.operative, original.preambular
    place(session, ops[2].id, offset_of(session, ops[2].id, " to engage"))
    qtbot.keyClicks(session.editor, " and observer States")
    place(session, pps[1].id, offset_of(session, pps[1].id, " also"), len(" also"))
    qtbot.keyClick(session.editor, Qt.Key.Key_Delete)
    window.outline_dock.show()
    window.outline_dock.raise_()
    window._refresh_panels()
    with qtbot.waitSignal(window.outline.moveRequested):
        _drag_and_drop(window.outline, ops[4].id, window.outline.item_for(ops[1].id), "above")
    place(session, ops[6].id, len(structure_ops.find_block(session.qdoc, ops[6].id).text()))
    qtbot.keyClick(session.editor, Qt.Key.Key_Return, CTRL)
    qtbot.keyClicks(session.editor, NEW_OP)
    return session, original


def test_done_when_four_suggestions_are_four_proposals_by_the_delegation(qtbot, window):
    session, original = make_the_four_suggestions(qtbot, window)
    document = session.document()
    records = document.proposals
    assert count_proposals(document) == 4
    assert len(records) == 5  # the move is two linked records
    assert all(
        (p.author, p.date, p.status) == ("Mexico", TODAY, ProposalStatus.PROPOSED) for p in records.values()
    )
    ops = original.operative
    op3 = document.block(ops[2].id)
    (typed,) = [n for n in op3.content if isinstance(n, ProposalSpan)]
    assert records[typed.proposal_id].kind == ProposalKind.INSERT
    assert text_of(typed.inserted) == " and observer States"
    pp2 = document.block(original.preambular[1].id)
    (struck,) = [n for n in pp2.content if isinstance(n, ProposalSpan)]
    assert records[struck.proposal_id].kind == ProposalKind.DELETE
    assert text_of(struck.deleted) == " also"
    (move,) = [p for p in records.values() if p.move_of]
    (copy,) = [
        b for b in document.operative if b.content and getattr(b.content[0], "proposal_id", None) == move.id
    ]
    assert document.operative.index(copy) == 1  # above OP 2
    assert plain_text(copy.content, proposals="accepted") == plain_text(ops[4].content)
    assert document.block(ops[4].id).content[0].proposal_id == move.move_of
    assert records[move.move_of].kind == ProposalKind.DELETE
    new = next(b for b in document.operative if NEW_OP in plain_text(b.content, proposals="accepted"))
    (whole,) = new.content
    assert isinstance(whole, ProposalSpan)
    assert whole.deleted == []
    assert records[whole.proposal_id].kind == ProposalKind.INSERT
    # Accepting all gives the edited text, rejecting all the original one.
    accepted = accept_all(document)
    assert [b.id for b in accepted.operative[:3]] == [ops[0].id, copy.id, ops[1].id]
    assert "Member States and observer States to engage" in plain_text(accepted.block(ops[2].id).content)
    assert plain_text(accepted.block(original.preambular[1].id).content).startswith("Reaffirming the")
    assert len(accepted.operative) == len(ops) + 1
    rejected = reject_all(document)
    assert [(b.id, b.content) for b in rejected.iter_blocks()] == [
        (b.id, b.content) for b in original.iter_blocks()
    ]


def tracked_docx(document: Document) -> bytes:
    """The Word export with the proposals as tracked changes, as File ▸ Export as Word makes it:
    the exporter itself deletes a paragraph deleted in full with its paragraph mark and writes a
    move's two halves as Word's move markup."""
    options = DocxOptions(proposals="tracked", timestamp="2026-11-23T10:00:00Z")
    return export_docx(document, options).data


def test_done_when_libreoffice_accepts_the_edited_text_and_rejects_to_the_original(qtbot, window, tmp_path):
    from tests.uno_redline_helpers import _uno_available, accept_reject, check_libreoffice

    if not _uno_available():
        if os.environ.get("CI"):
            raise RuntimeError("LibreOffice and python3-uno are required under CI (see .ci/run)")
        pytest.skip("LibreOffice or python3-uno (the system Python's uno module) not installed")
    session, original = make_the_four_suggestions(qtbot, window)
    document = session.document()
    seen = accept_reject({"suggestions": (tracked_docx(document), None, None)}, tmp_path)
    failures = check_libreoffice("suggestions", seen["suggestions"], accept_all(document), original)
    assert not failures, "\n\n".join(failures)
    accepted, rejected = seen["suggestions"]
    assert any(NEW_OP in text for _, text in accepted.paragraphs)
    assert not any(NEW_OP in text for _, text in rejected.paragraphs)
    assert accepted.paragraphs[len(original.preambular) + 1][1].startswith("Undertakes to promote")  # OP 2


def test_libreoffice_agrees_on_another_delegations_words_struck_and_on_a_split(qtbot, window, tmp_path):
    """Mexico strikes words of the EU's insertion, and splits OP 6 with Enter: Word's markup of
    both, accepted and rejected by LibreOffice, reads as the model's accept all / reject all:
    Mexico's deletion nested in the EU's insertion goes with it when all is rejected."""
    from tests.uno_redline_helpers import _uno_available, accept_reject, check_libreoffice

    if not _uno_available():
        if os.environ.get("CI"):
            raise RuntimeError("LibreOffice and python3-uno are required under CI (see .ci/run)")
        pytest.skip("LibreOffice or python3-uno (the system Python's uno module) not installed")
    session = open_corpus(window, RES_67_193)
    original = session.document()
    ops = original.operative
    window.settings = Settings(delegation="European Union")
    start_suggesting(qtbot, window, session)
    place(session, ops[2].id, offset_of(session, ops[2].id, " to engage"))
    qtbot.keyClicks(session.editor, " and all observers")
    window.settings = Settings(delegation="Mexico")
    place(session, ops[2].id, offset_of(session, ops[2].id, " all"), len(" all"))
    qtbot.keyClick(session.editor, Qt.Key.Key_Delete)
    place(session, ops[5].id, offset_of(session, ops[5].id, ", integrated"))
    qtbot.keyClick(session.editor, Qt.Key.Key_Return)
    document = session.document()
    assert "Member States and observers to engage" in plain_text(
        accept_all(document).block(ops[2].id).content
    )
    assert "Member States to engage" in plain_text(reject_all(document).block(ops[2].id).content)
    seen = accept_reject({"struck": (tracked_docx(document), None, None)}, tmp_path)
    failures = check_libreoffice("struck", seen["struck"], accept_all(document), reject_all(document))
    assert not failures, "\n\n".join(failures)


# -- the other ways text comes in and goes ---------------------------------------------------------


def test_input_method_commits_cut_and_word_deletion_are_suggestions(qtbot, window):
    from PySide6.QtGui import QInputMethodEvent

    session = open_corpus(window, RES_67_193)
    start_suggesting(qtbot, window, session)
    op3 = session.document().operative[2].id
    place(session, op3, offset_of(session, op3, " to engage"))
    event = QInputMethodEvent("", [])
    event.setCommitString(" and États observateurs")
    QApplication.sendEvent(session.editor, event)
    (span,) = spans(session, op3)
    assert text_of(span.inserted) == " and États observateurs"
    at = offset_of(session, op3, "effective")
    place(session, op3, at, len("effective"))
    qtbot.keyClick(session.editor, Qt.Key.Key_X, CTRL)  # cut: copied and struck
    assert QApplication.clipboard().text() == "effective"
    place(session, op3, offset_of(session, op3, " action"))
    qtbot.keyClick(session.editor, Qt.Key.Key_Backspace, CTRL)  # the word before: "practical"
    struck = [text_of(s.deleted) for s in spans(session, op3) if s.deleted]
    assert struck == ["effective", "practical"]
    assert "Member States and États observateurs to engage in cooperation and action" in plain_text(
        accept_all(session.document()).block(op3).content
    )


def test_backspace_at_the_start_of_a_paragraph_joins_nothing(qtbot, window):
    session = open_corpus(window, RES_67_193)
    start_suggesting(qtbot, window, session)
    ops = session.document().operative
    before = state(session)
    place(session, ops[3].id, 0)
    qtbot.keyClick(session.editor, Qt.Key.Key_Backspace)
    assert state(session) == before
    assert session.current_block_id() == ops[2].id  # the cursor went to the end of OP 3
    qtbot.keyClick(session.editor, Qt.Key.Key_Backspace)
    (span,) = spans(session, ops[2].id)
    assert text_of(span.deleted) == ";"


def test_phrases_from_the_palette_are_proposed_in_full(qtbot, window):
    session = open_corpus(window, RES_67_193)
    start_suggesting(qtbot, window, session)
    ops = session.document().operative
    place(session, ops[5].id, 0)
    window.phrases.chosen.emit("Decides to remain seized of the matter.", "operative")
    document = session.document()
    standard = document.operative[6]
    (span,) = standard.content
    assert plain_text(span.inserted) == "Decides to remain seized of the matter."
    assert document.proposals[span.proposal_id].kind == ProposalKind.INSERT
    qtbot.keyClick(session.editor, Qt.Key.Key_Return, CTRL)  # an empty OP, then an opener chosen
    window.phrases.chosen.emit("Requests", "operative")
    qtbot.keyClicks(session.editor, "the Secretary-General to report;")
    opener = session.document().operative[7]
    (span,) = opener.content
    assert plain_text(span.inserted) == "Requests the Secretary-General to report;"
    assert span.inserted[0] == Text("Requests", frozenset({Mark.ITALIC}))


def test_the_title_is_edited_as_outside_suggesting_and_never_struck(qtbot, window):
    """The title and the organ line are plain strings of the masthead: no proposal can live there."""
    session = open_corpus(window, RES_67_193)
    start_suggesting(qtbot, window, session)
    original = session.document()
    title = original.masthead.title
    session.editor.selectAll()
    qtbot.keyClick(session.editor, Qt.Key.Key_Delete)  # everything else struck
    document = session.document()
    assert document.masthead.title == title
    assert len(document.proposals) == 1
    assert all(not b.content or isinstance(b.content[0], ProposalSpan) for b in document.blocks)
    assert [(b.id, b.content) for b in reject_all(document).iter_blocks()] == [
        (b.id, b.content) for b in original.iter_blocks()
    ]
    place(session, "title", len(title))
    qtbot.keyClicks(session.editor, " (draft)")
    assert session.document().masthead.title == f"{title} (draft)"
    assert len(session.document().proposals) == 1


def test_enter_before_struck_text_opens_a_paragraph_after_it_not_through_it(qtbot, window):
    session = open_corpus(window, RES_67_193)
    original = reject_all(session.document())
    start_suggesting(qtbot, window, session)
    op3 = session.document().operative[2].id
    block = structure_ops.find_block(session.qdoc, op3)
    at = offset_of(session, op3, "effective cooperation")
    place(session, op3, at, len(block.text()) - at)
    qtbot.keyClick(session.editor, Qt.Key.Key_Delete)  # the end of OP 3 struck
    place(session, op3, at)
    qtbot.keyClick(session.editor, Qt.Key.Key_Return)
    qtbot.keyClicks(session.editor, "Decides to act.")
    rejected = reject_all(session.document())
    assert [plain_text(b.content) for b in rejected.operative] == [
        plain_text(b.content) for b in original.operative
    ]
    accepted = accept_all(session.document())
    texts = [plain_text(b.content) for b in accepted.operative]
    assert texts[2] == plain_text(original.operative[2].content)[:at]
    assert texts[3] == "Decides to act."
