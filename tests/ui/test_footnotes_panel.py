"""The footnotes dock: the numbered list, and editing a footnote's text."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from dataclasses import replace

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QFocusEvent, QKeySequence, QTextDocument
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from drafting.model import Mark, NoteRef, ProposalSpan, Text, plain_text
from drafting.numbering import footnote_numbers
from tests.helpers import load
from ui.footnotes_panel import FootnoteEntry, FootnotesPanel, footnote_entries
from ui.inline_text import content_to_qtextdocument, qtextdocument_to_content

ITALIC = frozenset({Mark.ITALIC})


@pytest.fixture(scope="module")
def document():
    return load("ga-res-67-193-en.txt").document


@pytest.fixture(scope="module")
def entries(document):
    return footnote_entries(document)


@pytest.fixture
def panel(qtbot, entries):
    widget = FootnotesPanel()
    qtbot.addWidget(widget)
    widget.set_footnotes(entries)
    return widget


def by_number(entries, number):
    return next(e for e in entries if e.number == number)


def test_entries_of_resolution_67_193(document, entries):
    numbers = footnote_numbers(document)
    assert len(entries) == 25
    assert [e.number for e in entries] == list(range(1, 26))
    assert all(numbers[e.footnote_id] == e.number for e in entries)
    assert all(e.references >= 1 for e in entries)
    assert plain_text(by_number(entries, 11).content) == "Ibid., vol. 1019, No. 14956."


def test_list_shows_numbers_and_unreferenced_footnotes(panel, entries):
    assert panel.list.count() == 25
    assert panel.list.item(10).text() == "11  Ibid., vol. 1019, No. 14956."
    orphan = replace(by_number(entries, 25), references=0)
    panel.set_footnotes([*entries[:24], orphan])
    item = panel.list.item(24)
    assert item.text() == "25  A/67/157.  (not referenced)"
    assert item.foreground().color() != panel.list.item(0).foreground().color()


def test_select_loads_the_editor(panel, entries):
    assert not panel.editor.isEnabled()
    eleven = by_number(entries, 11)
    panel.select(eleven.footnote_id)
    assert panel.current_footnote_id() == eleven.footnote_id
    assert panel.list.currentRow() == 10
    assert panel.editor.isEnabled()
    assert panel.editor.toPlainText() == "Ibid., vol. 1019, No. 14956."
    assert panel.heading.text() == "Footnote 11"


def test_typing_then_ctrl_enter_emits_the_new_content(qtbot, panel, entries):
    eleven = by_number(entries, 11)
    panel.select(eleven.footnote_id)
    qtbot.keyClicks(panel.editor, " See also A/67/157.")
    with qtbot.waitSignal(panel.edited) as blocker:
        qtbot.keyClick(panel.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    footnote_id, content = blocker.args
    assert footnote_id == eleven.footnote_id
    assert plain_text(content) == "Ibid., vol. 1019, No. 14956. See also A/67/157."
    assert content[0] == Text("Ibid.", ITALIC)  # the existing italics survive the edit
    assert panel.editor.toPlainText() == plain_text(content)  # Enter added no line
    # Committing again without a change emits nothing.
    with qtbot.assertNotEmitted(panel.edited):
        panel.commit()


def test_a_pause_in_typing_commits(qtbot, panel, entries):
    panel.select(by_number(entries, 3).footnote_id)
    with qtbot.waitSignal(panel.edited) as blocker:
        qtbot.keyClicks(panel.editor, " Amended")
    assert plain_text(blocker.args[1]) == "Resolution S-20/4 E. Amended"


def test_leaving_the_editor_commits(qtbot, panel, entries):
    panel.select(by_number(entries, 4).footnote_id)
    qtbot.keyClicks(panel.editor, "!")
    with qtbot.waitSignal(panel.edited) as blocker:
        QApplication.sendEvent(panel.editor, QFocusEvent(QEvent.Type.FocusOut, Qt.FocusReason.TabFocusReason))
    assert plain_text(blocker.args[1]) == "Resolution 54/132, annex.!"


def test_selecting_another_footnote_commits_the_previous_one(qtbot, panel, entries):
    four, five = by_number(entries, 4), by_number(entries, 5)
    panel.select(four.footnote_id)
    qtbot.keyClicks(panel.editor, " Rev.1")
    with qtbot.waitSignal(panel.edited) as blocker:
        panel.select(five.footnote_id)
    assert blocker.args[0] == four.footnote_id
    assert panel.current_footnote_id() == five.footnote_id
    assert panel.editor.toPlainText().startswith("See Official Records")


def test_unchanged_text_emits_nothing(qtbot, panel, entries):
    panel.select(by_number(entries, 11).footnote_id)
    with qtbot.assertNotEmitted(panel.edited):
        panel.commit()
        qtbot.keyClick(panel.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        # Typed and taken back: the same text, so no edit.
        qtbot.keyClicks(panel.editor, "xy")
        qtbot.keyClick(panel.editor, Qt.Key.Key_Backspace)
        qtbot.keyClick(panel.editor, Qt.Key.Key_Backspace)
        panel.commit()


def test_ctrl_i_types_italic(qtbot, panel, entries):
    panel.select(by_number(entries, 11).footnote_id)
    qtbot.keyClicks(panel.editor, " see ")
    qtbot.keyClick(panel.editor, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(panel.editor, "Treaty Series")
    qtbot.keyClick(panel.editor, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(panel.editor, ".")
    with qtbot.waitSignal(panel.edited) as blocker:
        panel.commit()
    assert blocker.args[1] == [
        Text("Ibid.", ITALIC),
        Text(", vol. 1019, No. 14956. see "),
        Text("Treaty Series", ITALIC),
        Text("."),
    ]


def test_ctrl_i_on_a_selection(qtbot, panel, entries):
    panel.select(by_number(entries, 25).footnote_id)
    panel.editor.selectAll()
    qtbot.keyClick(panel.editor, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(panel.edited) as blocker:
        panel.commit()
    assert blocker.args[1] == [Text("A/67/157.", ITALIC)]


def test_refresh_keeps_an_edit_in_progress(qtbot, panel, entries):
    eleven = by_number(entries, 11)
    panel.select(eleven.footnote_id)
    qtbot.keyClicks(panel.editor, " (draft)")
    panel.set_footnotes(entries)  # e.g. another footnote changed meanwhile
    assert panel.editor.toPlainText().endswith(" (draft)")
    assert panel.current_footnote_id() == eleven.footnote_id
    with qtbot.waitSignal(panel.edited) as blocker:
        panel.commit()
    assert plain_text(blocker.args[1]).endswith("14956. (draft)")


def test_refresh_shows_a_change_made_elsewhere(panel, entries):
    eleven = by_number(entries, 11)
    panel.select(eleven.footnote_id)
    changed = replace(eleven, content=[Text("Ibid.", ITALIC), Text(", vol. 1020.")])
    panel.set_footnotes([changed if e is eleven else e for e in entries])
    assert panel.editor.toPlainText() == "Ibid., vol. 1020."
    assert panel.list.item(10).text() == "11  Ibid., vol. 1020."


def test_refresh_without_the_selected_footnote_clears_the_editor(panel, entries):
    panel.select(by_number(entries, 11).footnote_id)
    panel.set_footnotes([e for e in entries if e.number != 11])
    assert panel.current_footnote_id() is None
    assert not panel.editor.isEnabled()
    assert panel.list.count() == 24


def test_double_click_activates(qtbot, panel, entries):
    panel.resize(400, 500)
    panel.show()
    qtbot.waitExposed(panel)
    item = panel.list.item(2)
    rect = panel.list.visualItemRect(item)
    with qtbot.waitSignal(panel.activated) as blocker:
        # A real double-click is press, release, then the double-click event, which is all
        # QTest's mouseDClick sends to a widget.
        qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [by_number(entries, 3).footnote_id]


@pytest.mark.parametrize(
    "content",
    [
        [Text("See "), Text("Official Records", ITALIC), Text(", chap. I.")],
        [Text("bold", frozenset({Mark.BOLD})), Text("under", frozenset({Mark.UNDERLINE}))],
        [Text("x", frozenset({Mark.STRIKE, Mark.SUPERSCRIPT})), Text("y")],
        [Text("Ibid. "), NoteRef("fn-2"), Text(" and more.")],
        [Text("Resolution "), ProposalSpan("p1", [Text("54/132")], [Text("55/2", ITALIC)]), Text(".")],
        [Text("A"), ProposalSpan("p2"), Text("B")],
    ],
)
def test_inline_content_round_trip(qapp, content):
    document = QTextDocument()
    content_to_qtextdocument(content, document)
    assert qtextdocument_to_content(document) == content


def test_adjacent_runs_with_equal_marks_merge(qapp):
    document = QTextDocument()
    content_to_qtextdocument([Text("a", ITALIC), Text("b", ITALIC), Text(""), Text("c")], document)
    assert qtextdocument_to_content(document) == [Text("ab", ITALIC), Text("c")]


def test_entry_type_is_plain_data():
    entry = FootnoteEntry("fn-1", 1, [Text("x")], 2)
    assert replace(entry, number=2).number == 2


def test_ctrl_i_reaches_the_editor_before_a_window_shortcut(qtbot, entries):
    """The main window has its own Italic action on Ctrl+I; in the footnote editor the key is ours."""
    window = QWidget()
    qtbot.addWidget(window)
    window_italic = QAction("Italic", window)
    window_italic.setShortcut(QKeySequence.StandardKey.Italic)
    window.addAction(window_italic)
    panel = FootnotesPanel(window)
    QVBoxLayout(window).addWidget(panel)
    panel.set_footnotes(entries)
    panel.select(by_number(entries, 25).footnote_id)
    window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    panel.editor.setFocus()
    assert panel.editor.hasFocus()
    panel.editor.selectAll()
    with qtbot.assertNotEmitted(window_italic.triggered):
        qtbot.keyClick(panel.editor, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(panel.edited) as blocker:
        panel.commit()
    assert blocker.args[1] == [Text("A/67/157.", ITALIC)]
