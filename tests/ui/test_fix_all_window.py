"""Fix all in the Checks panel: every listed fix of the selected finding's kind in one undo step,
applied, or proposed by the delegation in suggesting mode. Driven through the panel's button and
Ctrl+Z."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt

from app.settings import Settings
from drafting.model import plain_text
from drafting.proposal_ops import accept_all, reject_all
from tests.helpers import CORPUS
from tests.ui.test_suggesting import CTRL, start_suggesting, state, undo
from tests.ui.window_helpers import open_corpus, settle

CHINESE = CORPUS / "ga-draft-central-asia-drugs-zh.txt"
RULE = "style.zh-fullwidth"


@pytest.fixture
def window(make_window):
    return make_window(Settings(delegation="China"))


def select_first_of(qtbot, window, rule):
    qtbot.waitUntil(lambda: any(f.rule == rule for f in window.checks.visible_findings()), timeout=5000)
    listed = window.checks.visible_findings()
    row = next(i for i, f in enumerate(listed) if f.rule == rule)
    window.checks.tree.setCurrentItem(window.checks.tree.topLevelItem(row))
    return [f for f in listed if f.rule == rule]


def texts(document) -> list[str]:
    return [plain_text(b.content) for b in document.iter_blocks()]


def test_fix_all_applies_every_fix_of_the_kind_as_one_step(qtbot, window):
    session = open_corpus(window, CHINESE)
    settle(qtbot, session)
    alike = select_first_of(qtbot, window, RULE)
    button = window.checks.fix_all_button
    assert button.isEnabled()
    assert button.text() == f"Fix all ({len(alike)})"
    before = state(session)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert session.undo.stack.undoText() == f"Fix all: {len(alike)} × {RULE}"
    assert window.statusBar().currentMessage() == f"Fixed {len(alike)} of {len(alike)}"
    settle(qtbot, session)
    assert [f for f in session.findings if f.rule == RULE] == []
    assert sorted(f.label for f in session.findings if f.severity.value == "error") == [
        "PP 10",
        "PP 16",
        "PP 8",
    ]
    session.editor.setFocus()
    qtbot.keyClick(session.editor, Qt.Key.Key_Z, CTRL)
    assert state(session) == before
    settle(qtbot, session)
    assert len([f for f in session.findings if f.rule == RULE]) == len(alike)


def test_fix_all_while_suggesting_proposes_each_fix_in_one_step(qtbot, window):
    session = open_corpus(window, CHINESE)
    settle(qtbot, session)
    original = texts(session.document())
    before = state(session)
    start_suggesting(qtbot, window, session)
    alike = select_first_of(qtbot, window, RULE)
    qtbot.mouseClick(window.checks.fix_all_button, Qt.MouseButton.LeftButton)
    document = session.document()
    proposals = list(document.proposals.values())
    assert len(proposals) == len(alike)
    assert {p.author for p in proposals} == {"China"}
    assert window.statusBar().currentMessage() == f"Proposed {len(alike)} of {len(alike)}"
    assert texts(reject_all(document)) == original
    accepted = texts(accept_all(document))
    assert [len(t) for t in accepted] == [len(t) for t in original]  # one character for one
    assert sum(
        a != b for new, old in zip(accepted, original, strict=True) for a, b in zip(new, old, strict=True)
    ) == len(alike)
    undo(qtbot, session)
    assert state(session) == before
