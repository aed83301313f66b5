"""Named revisions in the window and the comparison view, driven through the real window."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMessageBox

from app.settings import Settings
from drafting import storage
from drafting.importers import load_document
from drafting.model import Text, plain_text
from drafting.proposal_ops import accept_all, reject_all
from tests.helpers import structure
from tests.ui.window_helpers import put_cursor_at_end_of
from ui.compare_tab import CompareTab
from ui.editor import structure_ops
from ui.proposal_commands import resolve_proposal

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
RES_67_193 = CORPUS / "ga-res-67-193-en.txt"
CICA = next(CORPUS.glob("cica-*"))


@pytest.fixture
def window(make_window):
    return make_window(Settings(delegation="Mexico"))


def wait_comparison(qtbot, tab: CompareTab):
    qtbot.waitUntil(lambda: tab.comparison() is not None and not tab.view.is_busy(), timeout=10000)
    return tab.comparison()


def replace_word(session, block_id, old, new):
    block = structure_ops.find_block(session.qdoc, block_id)
    start = block.text().index(old)
    cursor = QTextCursor(session.qdoc)
    cursor.setPosition(block.position() + start)
    cursor.setPosition(block.position() + start + len(old), QTextCursor.MoveMode.KeepAnchor)
    session.editor.setTextCursor(cursor)
    cursor.insertText(new)


def negotiate(qtbot, window):
    """Rev.1 of A/RES/67/193, then the edits of a round of informals, then Rev.2."""
    session = window.files.open_path(RES_67_193)
    window.revision_commands.save_revision("Rev.1", "2026-11-02")
    ops = session.document().operative
    # a new operative paragraph after OP 4
    put_cursor_at_end_of(session, ops[3].id)
    qtbot.keyClick(session.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(session.editor, "Decides to convene a high-level meeting in 2027;")
    # OP 12 moved to the top of the operative part
    session.move_block(ops[11].id, ops[0].id)
    # word edits in two paragraphs
    replace_word(session, ops[2].id, "Calls upon", "Urges")
    replace_word(session, ops[7].id, "Urges", "Strongly urges")
    # a footnote edit (footnote 22, "Ibid., vol. 2349, No. 42146.")
    footnote = next(f for f in session.document().footnotes.values() if "42146" in plain_text(f.content))
    session.set_footnote_content(footnote.id, [Text("Ibid., vol. 2349, No. 42147.")])
    window.revision_commands.save_revision("Rev.2", "2026-11-16")
    return session


def test_revisions_compare_as_negotiators_read_them(qtbot, window, tmp_path):
    session = negotiate(qtbot, window)
    assert [r.name for r in session.revisions] == ["Rev.1", "Rev.2"]
    window.revisions.select(0, 1)
    window.revisions.compare_button.click()
    tab = window.tabs.currentWidget()
    assert isinstance(tab, CompareTab)
    comparison = wait_comparison(qtbot, tab)
    titles = [entry.title for entry in tab.view.changes()]
    kinds = sorted(entry.kind for entry in tab.view.changes())
    assert kinds == ["footnote", "inserted", "modified", "modified", "moved"], titles
    assert "OP 1 moved from OP 12" in titles
    assert "OP 6 inserted" in titles
    assert sum(1 for c in comparison.blocks if c.change not in ("unchanged",)) == 4  # no renumbering noise
    # F8 steps through the changes in order; Shift+F8 goes back.
    qtbot.keyClick(tab.view, Qt.Key.Key_F8)
    qtbot.keyClick(tab.view, Qt.Key.Key_F8)
    assert tab.view.current_change_index() == 1
    qtbot.keyClick(tab.view, Qt.Key.Key_F8)
    assert tab.view.current_change_index() == 2
    qtbot.keyClick(tab.view, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert tab.view.current_change_index() == 1
    # The Word redline: real tracked changes by the user's delegation; accept all = Rev.2, reject all = Rev.1.
    out = tmp_path / "rev1-rev2.docx"
    tab.export_docx(out)
    back = load_document(out).document
    assert {p.author for p in back.proposals.values()} == {"Mexico"}
    assert structure(accept_all(back)) == structure(session.revisions[1].document)
    assert structure(reject_all(back)) == structure(session.revisions[0].document)
    html = tmp_path / "rev1-rev2.html"
    tab.export_html(html)
    assert "Strongly urges" in html.read_text(encoding="utf-8")


def test_revisions_are_kept_in_the_file_and_restore_is_undoable(qtbot, window, tmp_path, monkeypatch):
    session = negotiate(qtbot, window)
    target = tmp_path / "negotiation.penholder"
    assert window.files._write(session, target)
    window.close_tab(window.tabs.currentIndex())
    reopened = window.files.open_path(target)
    assert [r.name for r in reopened.revisions] == ["Rev.1", "Rev.2"]
    assert structure(reopened.revisions[0].document) == structure(load_document(RES_67_193).document)
    assert len(storage.load(target).revisions) == 2
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.revision_commands.restore(0)
    assert structure(reopened.document()) == structure(reopened.revisions[0].document)
    assert reopened.undo.stack.undoText() == "Restore “Rev.1”"
    reopened.undo.stack.undo()
    assert structure(reopened.document()) == structure(reopened.revisions[1].document)
    # rename and delete mark the file as changed
    monkeypatch.setattr("PySide6.QtWidgets.QInputDialog.getText", lambda *a, **k: ("zero draft", True))
    reopened.mark_saved()
    window.revision_commands.rename(0)
    assert reopened.revisions[0].name == "zero draft"
    assert reopened.modified
    window.revision_commands.delete(1)
    assert [r.name for r in reopened.revisions] == ["zero draft"]


def press_for(qtbot, tab: CompareTab, matches, button) -> None:
    """Click the first listed change that ``matches`` in the change list, then ``button``."""
    entries = tab.view.changes()
    index = next(i for i, entry in enumerate(entries) if matches(entry))
    item = tab.view.change_list.topLevelItem(index)
    tab.view.change_list.scrollToItem(item)
    rect = tab.view.change_list.visualItemRect(item)
    qtbot.mouseClick(tab.view.change_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert tab.view.current_change_index() == index
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_accept_and_reject_buttons_in_a_comparison_against_the_current_text(qtbot, window):
    """Issue 13, point 1: Rev.1, two word edits, Ctrl+Alt+C, then the buttons the user presses.
    Accept change raised AttributeError and Reject change did nothing. (pytest-qt fails the
    test on an exception raised in a slot.)"""
    session = window.files.open_path(RES_67_193)
    window.revision_commands.save_revision("Rev.1", "2026-11-02")
    ops = session.document().operative
    replace_word(session, ops[7].id, "Urges", "Strongly urges")
    replace_word(session, ops[1].id, "common and ", "")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(
        session.editor, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    )
    tab = window.tabs.currentWidget()
    assert isinstance(tab, CompareTab)
    wait_comparison(qtbot, tab)
    assert tab.view.accept_button.isVisible()
    steps = session.undo.stack.count()
    press_for(qtbot, tab, lambda e: "common and" in str(e.change.ops()), tab.view.accept_button)
    first = tab.view.change_list.topLevelItem(0).text(0)
    assert first.startswith("✓"), first
    assert first.endswith("(accepted)"), first
    assert tab.view.current_change_index() == 1  # on to the next change
    assert "common and shared" not in plain_text(session.document().operative[1].content)  # text kept
    assert session.undo.stack.count() == steps
    press_for(qtbot, tab, lambda e: "Strongly" in str(e.change.ops()), tab.view.reject_button)
    assert "Strongly urges" not in session.qdoc.toPlainText()
    assert session.undo.stack.count() == steps + 1
    assert session.undo.stack.undoText().startswith("Reject the change to OP 8")
    qtbot.waitUntil(lambda: len(tab.view.changes()) == 1, timeout=10000)  # re-compared


def test_reject_a_change_into_the_current_text(qtbot, window):
    session = negotiate(qtbot, window)
    window.revision_commands.compare(0, -1)  # Rev.1 against the current text
    tab = window.tabs.currentWidget()
    wait_comparison(qtbot, tab)
    press_for(qtbot, tab, lambda e: e.kind == "inserted", tab.view.reject_button)
    assert "high-level meeting" not in session.qdoc.toPlainText()
    wait_comparison(qtbot, tab)
    qtbot.waitUntil(lambda: all(e.kind != "inserted" for e in tab.view.changes()), timeout=10000)
    press_for(
        qtbot,
        tab,
        lambda e: e.kind == "modified" and "Strongly" in str(e.change.ops()),
        tab.view.reject_button,
    )
    assert "Strongly urges" not in session.qdoc.toPlainText()
    qtbot.waitUntil(lambda: sum(e.kind == "modified" for e in tab.view.changes()) == 1, timeout=10000)
    press_for(qtbot, tab, lambda e: e.kind == "footnote", tab.view.reject_button)
    assert any("42146" in plain_text(f.content) for f in session.document().footnotes.values())
    # accepting only ticks a change off
    qtbot.waitUntil(lambda: all(e.kind != "footnote" for e in tab.view.changes()), timeout=10000)
    press_for(qtbot, tab, lambda e: e.kind == "moved", tab.view.accept_button)
    assert any(
        tab.view.change_list.topLevelItem(i).text(0).startswith("✓") for i in range(len(tab.view.changes()))
    )
    # every rejection is an undo step in the document
    session.undo.stack.undo()
    assert any("42147" in plain_text(f.content) for f in session.document().footnotes.values())


def test_cica_proposal_accepted_and_compared_with_the_previous_revision(qtbot, window):
    session = window.files.open_path(CICA)
    window.revision_commands.save_revision("Rev.1 as circulated", "2024-06-03")
    proposal_id = next(iter(session.document().proposals))
    assert resolve_proposal(session, proposal_id, accept=True)
    assert "through regular intelligence sharing" not in session.qdoc.toPlainText()
    assert session.undo.stack.undoText() == "Accept proposal by a Member State"
    window.revision_commands.save_revision("Rev.1 after informals", "2024-06-20")
    window.revision_commands.compare(0, 1)
    tab = window.tabs.currentWidget()
    comparison = wait_comparison(qtbot, tab)
    changes = tab.view.changes()
    blocks = [c for c in comparison.blocks if c.change != "unchanged"]
    assert len(blocks) == 1, [e.title for e in changes]
    assert "section II, item 5" in (blocks[0].old_label, blocks[0].new_label)
    deleted = " ".join(text for op, text in blocks[0].ops() if op == "delete")
    assert "through regular intelligence sharing" in deleted
    footnotes = [c for c in comparison.footnotes if c.change != "unchanged"]
    assert len(footnotes) == 1
    assert footnotes[0].change == "deleted"
    assert "intelligence sharing" in plain_text(
        session.revisions[0].document.footnotes[footnotes[0].old_id].content
    )
    assert sorted(e.kind for e in changes) == ["footnote", "modified"]
    assert comparison.metadata == []
    inline = tab.view.inline_browser.toPlainText()
    assert "through regular intelligence sharing" in inline


def test_compare_another_file_with_the_current_text_or_a_revision(qtbot, window, tmp_path):
    session = window.files.open_path(RES_67_193)
    window.revision_commands.save_revision("Rev.1", "2026-11-02")
    replace_word(session, session.document().operative[2].id, "Calls upon", "Urges")
    other = tmp_path / "delegation-copy.docx"
    assert window.files.export_to(session, other, "docx")
    window.tabs.setCurrentIndex(0)
    assert window.revision_commands.compare_with_path(other)  # against the current text: identical
    comparison = wait_comparison(qtbot, window.tabs.currentWidget())
    assert [c for c in comparison.blocks if c.change not in ("unchanged", "formatting")] == []
    window.tabs.setCurrentIndex(0)
    assert window.revision_commands.compare_with_path(other, 0)  # against Rev.1: the one edit
    tab = window.tabs.currentWidget()
    comparison = wait_comparison(qtbot, tab)
    assert [e.title for e in tab.view.changes()] == ["OP 3 modified"]
    assert tab.against is None  # a revision cannot take changes


def test_the_first_redline_export_asks_for_the_author_once(qtbot, make_window, tmp_path, monkeypatch):
    """Issue 13, point 12: without a delegation the redline's author was "Comparison"."""
    from PySide6.QtWidgets import QFileDialog, QInputDialog

    from app.settings import load_settings

    window = make_window(Settings())
    session = window.files.open_path(RES_67_193)
    window.revision_commands.save_revision("Rev.1", "2026-11-02")
    replace_word(session, session.document().operative[7].id, "Urges", "Strongly urges")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    session.editor.setFocus()
    qtbot.keyClick(
        session.editor, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    )
    tab = window.tabs.currentWidget()
    wait_comparison(qtbot, tab)
    asked = []
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: asked.append(a[1]) or ("Kazakhstan", True))
    targets = iter([tmp_path / "one.docx", tmp_path / "two.docx"])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(next(targets)), ""))
    qtbot.mouseClick(tab.view.export_docx_button, Qt.MouseButton.LeftButton)
    back = load_document(tmp_path / "one.docx").document
    assert {p.author for p in back.proposals.values()} == {"Kazakhstan"}
    assert window.settings.delegation == "Kazakhstan"
    assert (
        load_settings(tmp_path / "data" / "settings.json")[0].delegation == "Kazakhstan"
    )  # kept for next time
    qtbot.mouseClick(tab.view.export_docx_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1  # once only
    assert (tmp_path / "two.docx").exists()


def test_declining_to_give_an_author_is_not_asked_again(qtbot, make_window, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    window = make_window(Settings())
    asked = []
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: asked.append(1) or ("", False))
    window.files.ask_author_once()
    window.files.ask_author_once()
    assert asked == [1]
    assert window.settings.author_asked
    assert window.settings.delegation == ""


def test_the_panels_come_back_at_their_width_after_a_comparison_tab(qtbot, window):
    """Issue 13, point 4: the Outline came back half its width ("PP 1 Reaffirmi…")."""
    window.resize(1320, 860)
    session = window.files.open_path(RES_67_193)
    window.revision_commands.save_revision("Rev.1", "2026-11-02")
    qtbot.wait(50)
    before = {d.objectName(): d.width() for d in (window.outline_dock, window.checks_dock) if d.isVisible()}
    assert before
    window.revision_commands.compare(0, -1)
    tab = window.tabs.currentWidget()
    wait_comparison(qtbot, tab)
    assert not window.outline_dock.isVisible()  # the comparison has the width
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(0).center())
    assert window.current_session() is session

    def restored():
        after = {
            d.objectName(): d.width() for d in (window.outline_dock, window.checks_dock) if d.isVisible()
        }
        return after.keys() == before.keys() and all(abs(after[k] - before[k]) <= 8 for k in before)

    qtbot.waitUntil(restored, timeout=2000)
