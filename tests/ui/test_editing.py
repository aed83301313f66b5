"""Typing in the window: openers and completion, numbering keys, spelling, find and replace,
copy and paste. Offscreen Qt, real widgets."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMessageBox

from drafting.model import Mark, NoteRef, Text, iter_inlines, plain_text
from drafting.numbering import footnote_numbers
from tests.ui.window_helpers import RES_67_193, new_draft, open_corpus, put_cursor_at_end_of, settle


def test_find_and_replace_all_is_one_undo_step(qtbot, window):
    session = open_corpus(window, RES_67_193)
    qtbot.keyClick(session.editor, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    bar = window.tabs.currentWidget().find_bar
    assert bar.isVisible()
    bar.find_field.setText("Member States")
    assert bar.find_next()
    assert session.editor.textCursor().selectedText() == "Member States"
    count = session.qdoc.toPlainText().count("Member States")
    bar.replace_field.setText("States Members of the United Nations")
    bar.replace_all_button.click()
    assert "Member States" not in session.qdoc.toPlainText()
    assert session.qdoc.toPlainText().count("States Members of the United Nations") >= count
    assert session.undo.stack.undoText() == "Replace all “Member States”"
    session.undo.stack.undo()
    assert session.qdoc.toPlainText().count("Member States") == count


def test_cut_and_paste_keeps_footnote_references_and_their_footnotes(qtbot, window, monkeypatch):
    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes
    )
    session = open_corpus(window, RES_67_193)
    numbers = footnote_numbers(session.document())
    note = next(i for i, n in numbers.items() if n == 25)  # cited once, in OP 47
    op47 = session.document().operative[46]
    session.goto_footnote_reference(note)
    cursor = session.editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock, QTextCursor.MoveMode.KeepAnchor)
    session.editor.setTextCursor(cursor)
    qtbot.keyClick(session.editor, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier)
    session.refresh()
    assert asked == []  # the footnote is on the clipboard: not offered for deletion
    assert note not in [
        n.footnote_id
        for n in iter_inlines(session.document().block(op47.id).content)
        if isinstance(n, NoteRef)
    ]
    put_cursor_at_end_of(session, session.document().operative[0].id)
    qtbot.keyClick(session.editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    op1 = session.document().operative[0]
    assert note in [n.footnote_id for n in iter_inlines(op1.content) if isinstance(n, NoteRef)]
    assert session.undo.stack.undoText() == "Paste"
    # Pasted into another document, the footnote comes along with its text.
    other = new_draft(window)
    put_cursor_at_end_of(other, other.document().operative[0].id)
    qtbot.keyClick(other.editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    pasted = other.document()
    assert note in pasted.footnotes
    assert plain_text(pasted.footnotes[note].content) == plain_text(
        session.document().footnotes[note].content
    )


def test_text_pasted_from_elsewhere_becomes_paragraphs_of_the_same_kind(qtbot, window):
    from PySide6.QtWidgets import QApplication

    session = new_draft(window)
    put_cursor_at_end_of(session, session.document().operative[0].id)
    qtbot.keyClick(session.editor, Qt.Key.Key_Return)
    QApplication.clipboard().setText(
        "Requests the Secretary-General to report;\nDecides to remain seized of the matter."
    )
    qtbot.keyClick(session.editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    texts = [plain_text(b.content) for b in session.document().operative]
    assert texts[-2:] == [
        "Requests the Secretary-General to report;",
        "Decides to remain seized of the matter.",
    ]
    ids = [b.id for b in session.document().operative]
    assert len(set(ids)) == len(ids)


def test_spelling_underlines_suggestions_and_add_to_dictionary(qtbot, window):
    from ui.context_menu import build_menu

    session = new_draft(window)
    op = session.document().operative[0]
    put_cursor_at_end_of(session, op.id)
    qtbot.keyClicks(session.editor, " The comittee agrees.")
    settle(qtbot, session)
    words = [f.extra.get("word") for f in session.findings if f.rule == "spelling.unknown-word"]
    assert "comittee" in words
    underlined = [s.cursor.selectedText() for s in session.editor.extraSelections()]
    assert "comittee" in underlined
    selection = next(s for s in session.editor.extraSelections() if s.cursor.selectedText() == "comittee")
    point = session.editor.cursorRect(selection.cursor).center()
    menu = build_menu(window, point)
    texts = [a.text() for a in menu.actions()]
    assert "committee" in texts
    assert "Add “comittee” to the dictionary" in texts
    next(a for a in menu.actions() if a.text() == "Add “comittee” to the dictionary").trigger()
    settle(qtbot, session)
    assert "comittee" not in [f.extra.get("word") for f in session.findings]


# -- proposals ---------------------------------------------------------------------------------------


def test_typing_an_opener_italicizes_it_and_completion_offers_also(qtbot, window):
    session = new_draft(window)
    pp = session.document().preambular[0]
    put_cursor_at_end_of(session, pp.id)
    qtbot.keyClick(session.editor, Qt.Key.Key_Return)
    qtbot.keyClicks(session.editor, "Rec")
    popup = session.completer.popup()
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    assert session.completer.suggestions[0] == "Recalling also"
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    session.refresh()
    new_pp = session.document().preambular[1]
    assert new_pp.content[0] == Text("Recalling also", frozenset({Mark.ITALIC}))
    qtbot.keyClicks(session.editor, "the outcome,")
    assert plain_text(session.document().preambular[1].content) == "Recalling also the outcome,"
    # Typed by hand: the phrase turns italic once it is complete.
    qtbot.keyClick(session.editor, Qt.Key.Key_Return)
    session.completer.popup().hide()
    for key in "Noting with appreciation ":
        qtbot.keyClick(session.editor, key)
        session.completer.popup().hide()
    session.refresh()
    third = session.document().preambular[2]
    assert third.content[0] == Text("Noting with appreciation", frozenset({Mark.ITALIC}))
    assert session.undo.stack.undoText() == "Italicize opening phrase"


def test_ctrl_enter_numbers_and_tab_makes_subparagraphs(qtbot, window):
    session = new_draft(window)
    op = session.document().operative[0]
    put_cursor_at_end_of(session, op.id)
    qtbot.keyClick(session.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(session.editor, "Requests the Secretary-General to report;")
    assert session.editor.reference_at_cursor() == "OP 2"
    assert session.undo.stack.undoText() == "Typing"
    qtbot.keyClick(session.editor, Qt.Key.Key_Return)
    qtbot.keyClicks(session.editor, "the first point;")
    qtbot.keyClick(session.editor, Qt.Key.Key_Tab)
    assert session.editor.reference_at_cursor() == "OP 2 (a)"
    qtbot.keyClick(session.editor, Qt.Key.Key_Return)
    qtbot.keyClicks(session.editor, "the second point;")
    assert session.editor.reference_at_cursor() == "OP 2 (b)"
    qtbot.keyClick(session.editor, Qt.Key.Key_Tab)
    assert session.editor.reference_at_cursor() == "OP 2 (a) (i)"
    qtbot.keyClick(session.editor, Qt.Key.Key_Backtab)
    qtbot.keyClick(session.editor, Qt.Key.Key_Backtab)
    assert session.editor.reference_at_cursor() == "OP 3"
    labels, _ = session.editor.labels()
    assert [label for label in labels if label] == ["1.", "2.", "(a)", "3."]
    # A new operative paragraph at the top renumbers everything below it, live.
    put_cursor_at_end_of(session, op.id)
    cursor = session.editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
    session.editor.setTextCursor(cursor)
    qtbot.keyClick(session.editor, Qt.Key.Key_Return)
    labels, _ = session.editor.labels()
    assert [label for label in labels if label] == ["1.", "2.", "3.", "(a)", "4."]
    session.refresh()
    model = session.document()
    assert len(model.operative) == 4
    assert len(model.operative[2].children) == 1
    assert model.operative[1].id == op.id  # the paragraph kept its identity


# -- footnotes ---------------------------------------------------------------------------------------
