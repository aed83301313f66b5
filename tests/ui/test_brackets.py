"""Square brackets from the window: Document ▸ Put in brackets (Ctrl+Alt+B), Remove brackets
(Ctrl+Alt+K), Delete bracketed text, the Brackets list and the status bar's count; in suggesting
mode, brackets added or removed are the delegation's proposals. Offscreen Qt, real widgets."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox

from app.settings import Settings
from drafting.model import Block, BlockKind, Document, Footnote, NoteRef, Text, plain_text
from drafting.proposal_ops import accept_all, reject_all
from tests.ui.test_suggesting import place, start_suggesting
from ui.brackets_panel import PLACE, WORDS

CTRL_ALT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


@pytest.fixture
def window(make_window):
    return make_window(Settings(delegation="Mexico"))


def negotiated() -> Document:
    return Document(
        blocks=[
            Block("pp1", BlockKind.PREAMBULAR, [Text("Recalling its resolution 66/1,")]),
            Block(
                "op1",
                BlockKind.OPERATIVE,
                [Text("Urges States [to ratify"), NoteRef("fn1"), Text(" [and implement]] the Convention;")],
            ),
            Block("op2", BlockKind.OPERATIVE, [Text("Decides to remain seized of the matter.")]),
        ],
        footnotes={"fn1": Footnote("fn1", [Text("[United Nations,] Treaty Series, vol. 1.")])},
    )


def open_negotiated(window):
    session = window.open_document(negotiated(), title="Brackets")
    window.actions["brackets"].trigger()  # Document ▸ Brackets list
    assert window.brackets.isVisible()
    return session


def rows(window) -> list[tuple[str, str]]:
    tree = window.brackets.tree
    return [
        (tree.topLevelItem(i).text(PLACE), tree.topLevelItem(i).text(WORDS))
        for i in range(tree.topLevelItemCount())
    ]


def click_row(qtbot, window, index: int) -> None:
    tree = window.brackets.tree
    item = tree.topLevelItem(index)
    rect = tree.visualItemRect(item)
    qtbot.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.left() + 10, rect.center().y())
    )
    assert tree.currentItem() is item


def text(session, block_id: str, proposals: str = "current") -> str:
    return plain_text(session.document().block(block_id).content, proposals=proposals)


def test_the_list_and_the_count_show_every_pair(qtbot, window):
    session = open_negotiated(window)
    assert rows(window) == [
        ("OP 1", "to ratify [and implement]"),
        ("OP 1 (inside)", "and implement"),
        ("footnote 1", "United Nations,"),
    ]
    assert window.bracket_commands.count_label.text() == "3 bracket pairs"
    click_row(qtbot, window, 1)  # a click shows the words in the text
    assert session.editor.textCursor().selectedText() == "[and implement]"


def test_put_in_brackets_is_one_undo_step(qtbot, window):
    session = open_negotiated(window)
    block = "op2"
    start = len("Decides to ")
    place(session, block, start, len("remain seized"))
    window.actions["bracket_text"].trigger()  # Document ▸ Put in brackets
    assert text(session, block) == "Decides to [remain seized] of the matter."
    assert session.history.undoText() == "Bracket text"
    assert ("OP 2", "remain seized") in rows(window)
    assert window.bracket_commands.count_label.text() == "4 bracket pairs"
    window.undo_action.trigger()
    session.refresh()
    assert text(session, block) == "Decides to remain seized of the matter."


def test_without_a_selection_nothing_is_bracketed_and_the_user_is_told(qtbot, window):
    session = open_negotiated(window)
    place(session, "op2", 3)
    window.actions["bracket_text"].trigger()
    assert text(session, "op2") == "Decides to remain seized of the matter."
    assert "Select the words" in window.statusBar().currentMessage()


def test_the_panel_buttons_keep_or_drop_the_words(qtbot, window, monkeypatch):
    asked = []

    def keep_the_footnote(_parent, _title, question, *_args):
        asked.append(question)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", keep_the_footnote)
    session = open_negotiated(window)
    click_row(qtbot, window, 1)  # [and implement]
    qtbot.mouseClick(window.brackets.remove_button, Qt.MouseButton.LeftButton)
    assert text(session, "op1") == "Urges States [to ratify and implement] the Convention;"
    assert session.history.undoText() == "Remove brackets"
    click_row(qtbot, window, 0)
    qtbot.mouseClick(window.brackets.delete_button, Qt.MouseButton.LeftButton)
    assert text(session, "op1") == "Urges States  the Convention;"
    assert session.history.undoText() == "Delete bracketed text"
    # the reference went with the words: the user is asked about the footnote's text (kept here)
    session.refresh()
    assert asked == ["Footnote 1 is no longer cited anywhere. Delete its text as well?"]
    assert [r[0] for r in rows(window)] == ["footnote 1"]
    click_row(qtbot, window, 0)  # a footnote's pair: its text is edited
    qtbot.mouseClick(window.brackets.remove_button, Qt.MouseButton.LeftButton)
    assert plain_text(session.document().footnotes["fn1"].content) == "United Nations, Treaty Series, vol. 1."
    assert rows(window) == []
    assert window.brackets.empty_label.isVisible()
    assert window.bracket_commands.count_label.text() == ""


def test_ctrl_alt_k_removes_the_innermost_pair_around_the_cursor(qtbot, window):
    session = open_negotiated(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    place(session, "op1", session.qdoc.toPlainText().split("\n")[1].index("implement"))
    qtbot.keyClick(session.editor, Qt.Key.Key_K, CTRL_ALT)
    session.refresh()
    assert text(session, "op1") == "Urges States [to ratify and implement] the Convention;"
    place(session, "op2", 3)
    qtbot.keyClick(session.editor, Qt.Key.Key_K, CTRL_ALT)
    assert "not inside square brackets" in window.statusBar().currentMessage()


def test_in_suggesting_mode_brackets_are_the_delegations_proposals(qtbot, window):
    session = open_negotiated(window)
    start_suggesting(qtbot, window, session)
    place(session, "op2", len("Decides to "), len("remain seized"))
    window.actions["bracket_text"].trigger()
    click_row(qtbot, window, 1)  # [and implement]: agreed, as a proposal
    qtbot.mouseClick(window.brackets.remove_button, Qt.MouseButton.LeftButton)
    session.refresh()
    document = session.document()
    assert {p.author for p in document.proposals.values()} == {"Mexico"}
    accepted, rejected = accept_all(document), reject_all(document)
    assert plain_text(accepted.block("op2").content) == "Decides to [remain seized] of the matter."
    assert plain_text(rejected.block("op2").content) == "Decides to remain seized of the matter."
    assert (
        plain_text(accepted.block("op1").content) == "Urges States [to ratify and implement] the Convention;"
    )
    assert plain_text(rejected.block("op1").content) == plain_text(negotiated().block("op1").content)
