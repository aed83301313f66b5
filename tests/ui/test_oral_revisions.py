"""Oral revisions in the window, driven as a user drives them: Edit ▸ Record oral revisions…,
the meeting typed in its dialog, typing in the text, the Proposals panel, Ctrl+Shift+E, and
Document ▸ Text as orally revised. Offscreen Qt, the real window."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from app.settings import Settings
from drafting.model import ProposalKind, ProposalSpan, plain_text
from tests.ui.window_helpers import RES_67_193, open_corpus, put_cursor_at_end_of
from ui.proposals_panel import KIND

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
MEETING = "52nd plenary meeting"
RECORD = "Record &oral revisions…"
AS_ORALLY_REVISED = "&Text as orally revised"


@pytest.fixture
def window(make_window):
    return make_window(Settings(delegation="Mexico"))


def menu_action(window, menu_title: str, text: str):
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == menu_title)
    return next(a for a in menu.actions() if a.text() == text)


def answer_meeting(monkeypatch, answer: str, ok: bool = True) -> list[str]:
    """The meeting dialog (modal) answered with ``answer``; returns the texts it was prefilled with."""
    prefilled: list[str] = []

    def get_text(_parent, _title, _label, _echo=None, text="", *args, **kwargs):
        prefilled.append(text)
        return answer, ok

    monkeypatch.setattr(QInputDialog, "getText", get_text)
    return prefilled


def focus(qtbot, window, session):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    session.editor.setFocus()


def typed_into(session, block_id: str, words: str) -> list[ProposalSpan]:
    """The proposal spans of the paragraph whose inserted text is ``words``."""
    return [
        node
        for node in session.document().block(block_id).content
        if isinstance(node, ProposalSpan) and plain_text(node.inserted) == words
    ]


def test_recorded_oral_revisions_are_shown_and_give_the_text_as_orally_revised(qtbot, window, monkeypatch):
    session = open_corpus(window, RES_67_193)
    first, second = (block.id for block in session.document().operative[:2])
    record = menu_action(window, "&Edit", RECORD)
    assert record.isCheckable()
    edit_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit").actions()
    assert edit_menu.index(record) == edit_menu.index(window.actions["suggesting"]) + 1
    document_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Document").actions()
    as_revised = menu_action(window, "&Document", AS_ORALLY_REVISED)
    assert document_menu.index(as_revised) == document_menu.index(window.actions["make_revision"]) + 1
    focus(qtbot, window, session)

    # Edit ▸ Record oral revisions…: the meeting asked for, prefilled with the masthead's
    prefilled = answer_meeting(monkeypatch, MEETING)
    record.trigger()
    assert prefilled == ["60th plenary meeting"]
    assert session.suggesting.active
    assert session.suggesting.oral_meeting == MEETING
    assert record.isChecked()
    assert window.actions["suggesting"].isChecked()
    assert window.suggesting_indicator.text() == f"Recording oral revisions ({MEETING})"

    # what the sponsor reads out, typed: an oral revision by Mexico
    put_cursor_at_end_of(session, first)
    qtbot.keyClicks(session.editor, " as orally revisedd")
    qtbot.keyClick(session.editor, Qt.Key.Key_Backspace)  # one's own oral revision: really removed
    [span] = typed_into(session, first, " as orally revised")
    oral = session.document().proposals[span.proposal_id]
    assert (oral.kind, oral.author, oral.oral) == (ProposalKind.INSERT, "Mexico", MEETING)

    # recording stopped from the menu: suggesting goes on, the next proposal is a written one
    record.trigger()
    assert not record.isChecked()
    assert session.suggesting.active
    assert session.suggesting.oral_meeting is None
    assert window.suggesting_indicator.text() == "Suggesting"
    put_cursor_at_end_of(session, second)
    qtbot.keyClicks(session.editor, " in writing")
    [written_span] = typed_into(session, second, " in writing")
    assert session.document().proposals[written_span.proposal_id].oral is None

    # the Proposals panel names the oral revision as such, and its meeting
    session.refresh()
    window.actions["proposals"].trigger()
    panel = window.proposals
    oral_item = panel.item_for(span.proposal_id)
    assert oral_item.text(KIND) == "insertion (oral)"
    assert MEETING in oral_item.toolTip(KIND)
    assert panel.item_for(written_span.proposal_id).text(KIND) == "insertion"

    # Document ▸ Text as orally revised: a new tab, the oral revision applied, the other kept
    tabs = window.tabs.count()
    menu_action(window, "&Document", AS_ORALLY_REVISED).trigger()
    assert window.tabs.count() == tabs + 1
    revised = window.current_session()
    assert revised is not session
    assert revised.display_name == f"{session.display_name} as orally revised"
    text = revised.document()
    assert plain_text(text.block(first).content).endswith(" as orally revised")
    assert not any(isinstance(node, ProposalSpan) for node in text.block(first).content)
    assert set(text.proposals) == {written_span.proposal_id}
    assert typed_into(revised, second, " in writing")
    assert span.proposal_id in session.document().proposals  # the draft itself as it was


def test_suggesting_mode_off_ends_the_recording(qtbot, window, monkeypatch):
    session = open_corpus(window, RES_67_193)
    focus(qtbot, window, session)
    answer_meeting(monkeypatch, MEETING)
    record = menu_action(window, "&Edit", RECORD)
    record.trigger()
    assert session.suggesting.oral_meeting == MEETING
    qtbot.keyClick(session.editor, Qt.Key.Key_E, CTRL | SHIFT)  # Edit ▸ Suggest changes off
    assert not session.suggesting.active
    assert session.suggesting.oral_meeting is None
    assert not record.isChecked()
    assert window.suggesting_indicator.text() == "Editing"
    qtbot.keyClick(session.editor, Qt.Key.Key_E, CTRL | SHIFT)  # suggesting again: no oral revisions
    assert session.suggesting.active
    assert session.suggesting.oral_meeting is None
    assert window.suggesting_indicator.text() == "Suggesting"
    put_cursor_at_end_of(session, session.document().operative[0].id)
    qtbot.keyClicks(session.editor, " later")
    assert all(p.oral is None for p in session.document().proposals.values())


@pytest.mark.parametrize(("answer", "ok"), [("", True), (MEETING, False), ("   ", True)])
def test_cancelled_or_empty_the_recording_stays_off(qtbot, window, monkeypatch, answer, ok):
    session = open_corpus(window, RES_67_193)
    focus(qtbot, window, session)
    answer_meeting(monkeypatch, answer, ok)
    record = menu_action(window, "&Edit", RECORD)
    record.trigger()
    assert not record.isChecked()
    assert not session.suggesting.active
    assert session.suggesting.oral_meeting is None
    assert window.suggesting_indicator.text() == "Editing"


def test_the_last_meeting_is_offered_when_the_masthead_names_none(qtbot, window, monkeypatch):
    first = open_corpus(window, RES_67_193)
    focus(qtbot, window, first)
    answer_meeting(monkeypatch, "45th meeting")
    menu_action(window, "&Edit", RECORD).trigger()
    document = first.document()
    document.masthead.adoption_meeting = None
    document.proposals = {}
    second = window.open_document(document, title="No meeting")
    focus(qtbot, window, second)
    prefilled = answer_meeting(monkeypatch, MEETING)
    record = menu_action(window, "&Edit", RECORD)
    assert not record.isChecked()  # each document records its own
    record.trigger()
    assert prefilled == ["45th meeting"]
    assert second.suggesting.oral_meeting == MEETING
    assert first.suggesting.oral_meeting == "45th meeting"


def test_without_oral_revisions_the_text_as_orally_revised_is_a_message(qtbot, window, monkeypatch):
    session = open_corpus(window, RES_67_193)
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text, *a, **k: said.append(text))
    tabs = window.tabs.count()
    menu_action(window, "&Document", AS_ORALLY_REVISED).trigger()
    assert window.tabs.count() == tabs
    assert len(said) == 1
    assert "has no oral revisions" in said[0]
    assert session.display_name in said[0]
