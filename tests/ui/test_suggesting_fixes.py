"""A check's fix in suggesting mode is proposed by the delegation, as Word tracks every change made
while Track Changes is on; a fix that only changes formatting cannot be a proposal and is refused
with a message, the text untouched. Driven through the Checks panel's Fix button."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt

from app.settings import Settings
from drafting.model import Mark, ProposalKind, ProposalSpan, Text, plain_text
from drafting.proposal_ops import accept_all, reject_all
from tests.ui.test_suggesting import CTRL, place, start_suggesting, state, undo
from tests.ui.window_helpers import RES_67_193, open_corpus, settle


@pytest.fixture
def window(make_window):
    return make_window(Settings(delegation="Mexico"))


def click_fix_of(qtbot, window, finding) -> None:
    tree = window.checks.tree
    row = window.checks.visible_findings().index(finding)
    tree.setCurrentItem(tree.topLevelItem(row))
    qtbot.mouseClick(window.checks.fix_button, Qt.MouseButton.LeftButton)


def test_a_fix_clicked_while_suggesting_is_the_delegations_replacement(qtbot, window):
    session = open_corpus(window, RES_67_193)
    qtbot.waitUntil(lambda: bool(window.checks.visible_findings()), timeout=5000)
    [finding] = window.checks.visible_findings()
    assert finding.fix.operation == "replace"
    target = finding.target
    original = plain_text(session.document().block(target).content)
    assert "of 1954 as amended" in original
    before = state(session)
    start_suggesting(qtbot, window, session)
    click_fix_of(qtbot, window, finding)
    document = session.document()
    [span] = [n for n in document.block(target).content if isinstance(n, ProposalSpan)]
    proposal = document.proposals[span.proposal_id]
    assert (proposal.kind, proposal.author) == (ProposalKind.REPLACE, "Mexico")
    assert plain_text(span.deleted) + "→" + plain_text(span.inserted) in ("1954→1961", "54→61", "4→1", "5→6")
    assert plain_text(accept_all(document).block(target).content) == original.replace("1954", "1961")
    assert plain_text(reject_all(document).block(target).content) == original
    assert session.undo.stack.undoText() == f"Suggest fix: {finding.fix.description}"
    settle(qtbot, session)
    # The checks read the text as it stands: the year is wrong until the proposal is accepted,
    # and the words cannot be fixed twice.
    [again] = window.checks.visible_findings()
    proposed = state(session)
    click_fix_of(qtbot, window, again)
    assert state(session) == proposed
    assert "already changes these words" in window.statusBar().currentMessage()
    undo(qtbot, session)
    assert state(session) == before


def test_a_formatting_fix_while_suggesting_is_refused_with_a_message(qtbot, window):
    session = open_corpus(window, RES_67_193)
    pp1 = session.document().preambular[0]
    opener = next(n for n in pp1.content if isinstance(n, Text) and Mark.ITALIC in n.marks).text
    place(session, pp1.id, 0, len(opener))
    qtbot.keyClick(session.editor, Qt.Key.Key_I, CTRL)  # the opening phrase made roman
    settle(qtbot, session)
    [finding] = [f for f in window.checks.visible_findings() if f.fix and f.fix.operation == "italic"]
    before = state(session)
    start_suggesting(qtbot, window, session)
    click_fix_of(qtbot, window, finding)
    assert state(session) == before
    message = window.statusBar().currentMessage()
    assert "cannot be proposed" in message
    assert "Ctrl+Shift+E" in message
    qtbot.keyClick(session.editor, Qt.Key.Key_E, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert not session.suggesting.active
    click_fix_of(qtbot, window, finding)  # suggesting off: applied
    assert session.document().preambular[0].content[0] == Text(opener, frozenset({Mark.ITALIC}))
