"""The editor window driven as a user drives it: templates, typing, numbering, footnotes,
outline moves, checks and fixes, undo, files. Offscreen Qt, real widgets, real files."""

from __future__ import annotations

import datetime
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from drafting.exporters.pdf_export import find_soffice
from drafting.importers import load_document
from drafting.model import BlockKind, NoteRef, Text, iter_inlines, plain_text
from drafting.numbering import footnote_numbers
from tests.helpers import structure
from tests.ui.window_helpers import (
    CICA,
    RES_67_193,
    new_draft,
    open_corpus,
    operative_texts,
    put_cursor_at_end_of,
    settle,
    wait_checked,
)
from ui.editor import formats

# -- opening and checks -------------------------------------------------------------------------------


def test_checks_dock_shows_the_1954_error_within_a_second_of_opening(qtbot, window):
    session = open_corpus(window, RES_67_193)
    qtbot.waitUntil(lambda: bool(window.checks.visible_findings()), timeout=1000)
    finding = window.checks.visible_findings()[0]
    assert finding.rule == "treaty.wrong-year"
    assert finding.label == "PP 7"
    assert "1954" in finding.message
    assert session.editor.toPlainText().startswith("International cooperation against the world drug problem")


def test_an_imported_text_reads_back_as_it_was_imported(qtbot, window):
    session = open_corpus(window, RES_67_193)
    original = load_document(RES_67_193).document
    assert structure(session.document()) == structure(original)
    assert footnote_numbers(session.document()) == footnote_numbers(original)


def test_the_window_shows_outline_labels_and_the_status_bar(qtbot, window):
    session = open_corpus(window, RES_67_193)
    window._refresh_panels()
    entries = window.outline.entries()
    references = [e.reference for e in entries]
    assert "PP 27" in references
    assert "OP 47" in references
    assert "OP 17 (c)" in references
    put_cursor_at_end_of(session, session.document().operative[11].id)
    assert window.place_label.text() == "OP 12"
    assert window.words_label.text().endswith("words")
    labels, _refs = session.editor.labels()
    assert "47." in labels
    assert "(c)" in labels


# -- templates, typing, numbering --------------------------------------------------------------------


def test_new_from_template_fills_the_masthead_and_has_nothing_to_undo(qtbot, window):
    session = new_draft(window)
    document = session.document()
    assert document.masthead.session == "Eighty-first session"
    assert document.masthead.sponsors == ["Mexico", "Kazakhstan"]
    assert [b.kind for b in document.blocks] == [BlockKind.PREAMBULAR, BlockKind.OPERATIVE]
    assert document.masthead.organ_line == "The General Assembly,"
    assert not session.modified
    # A new document starts with nothing to undo, as in Word (issue 13, point 5).
    assert not window.undo_action.isEnabled()
    qtbot.keyClick(session.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not session.modified
    assert len(session.document().blocks) == 2


def test_new_from_template_through_the_dialog(qtbot, window, monkeypatch):
    from ui import template_dialog

    def accept_draft(dialog):
        dialog.select_template("ga-draft")
        dialog.date.setDate(datetime.date(2026, 11, 23))
        dialog.accept()
        return True

    monkeypatch.setattr(template_dialog.TemplateDialog, "exec", accept_draft)
    session = window.files.new_from_template()
    assert session is not None
    assert session.document().masthead.session == "Eighty-first session"
    assert window.tabs.count() == 1


def test_insert_footnote_renumbers_later_ones_and_re_cite_reuses_the_number(qtbot, window):
    session = open_corpus(window, RES_67_193)
    before = footnote_numbers(session.document())
    op1 = session.document().operative[0]
    put_cursor_at_end_of(session, op1.id)
    qtbot.keyClick(
        session.editor, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    )
    after = footnote_numbers(session.document())
    new_ids = set(after) - set(before)
    assert len(new_ids) == 1
    new_id = new_ids.pop()
    # Footnotes 1-17 are first cited in the preamble: the new one in OP 1 becomes 18 and every later
    # one moves up by one.
    assert after[new_id] == 18
    assert all(after[i] == (n if n < 18 else n + 1) for i, n in before.items())
    assert session.markers.numbers[new_id] == 18
    assert session.undo.stack.undoText() == "Insert footnote"
    assert window.footnotes.current_footnote_id() == new_id
    # Its text is edited in the footnote dock.
    session.set_footnote_content(new_id, [Text("See A/81/100.")])
    assert plain_text(session.document().footnotes[new_id].content) == "See A/81/100."
    # Re-cite footnote 10 (the Single Convention) at the end of OP 2.
    single_convention = next(i for i, n in before.items() if n == 10)
    put_cursor_at_end_of(session, session.document().operative[1].id)
    session.recite_footnote(single_convention)
    refs = [
        n.footnote_id for n in iter_inlines(session.document().operative[1].content) if isinstance(n, NoteRef)
    ]
    assert refs[-1] == single_convention
    assert len(session.document().footnotes) == 26
    # Undo removes the re-citation, the footnote text edit, then the footnote.
    session.undo.stack.undo()
    session.undo.stack.undo()
    session.undo.stack.undo()
    assert footnote_numbers(session.document()) == before


def test_deleting_the_last_reference_offers_to_delete_the_footnote(qtbot, window, monkeypatch):
    session = open_corpus(window, RES_67_193)
    numbers = footnote_numbers(session.document())
    ibid = next(i for i, n in numbers.items() if n == 25)  # cited once, in OP 47
    asked = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda *args, **kwargs: asked.append(args[2]) or QMessageBox.StandardButton.Yes,
    )
    session.goto_footnote_reference(ibid)
    qtbot.keyClick(session.editor, Qt.Key.Key_Backspace)
    session.refresh()
    assert asked
    assert "Footnote 25" in asked[0]
    assert ibid not in session.document().footnotes
    session.undo.stack.undo()
    session.undo.stack.undo()
    assert ibid in session.document().footnotes
    assert footnote_numbers(session.document())[ibid] == 25


# -- outline moves, checks, fixes --------------------------------------------------------------------


def test_dragging_op_12_to_the_top_renumbers_and_the_ibid_chain_is_rechecked(qtbot, window):
    session = open_corpus(window, RES_67_193)
    wait_checked(qtbot, session)
    window._refresh_panels()
    texts = operative_texts(session)
    op1, op12 = (session.document().operative[i].id for i in (0, 11))
    assert window.outline.request_move(op12, "top")
    assert operative_texts(session)[0] == texts[11]
    assert operative_texts(session)[1:12] == texts[:11]
    assert session.undo.stack.undoText() == "Move OP 12"
    window._refresh_panels()
    first_op = next(e for e in window.outline.entries() if e.reference == "OP 1")
    assert first_op.block_id == op12
    # The preambular paragraph that first cites footnote 15 ("Ibid., 2010, Supplement No. 8 …", after
    # footnote 14) dragged to the top: its footnotes come first and that Ibid. no longer follows the
    # footnote it repeats; the checker says so.
    numbers = footnote_numbers(session.document())
    ibid = next(i for i, n in numbers.items() if n == 15)
    carrier = next(
        b for b in session.document().preambular
        if ibid in [n.footnote_id for n in iter_inlines(b.content) if isinstance(n, NoteRef)]
    )  # fmt: skip
    pp1 = session.document().preambular[0].id
    assert window.outline.drop_target(carrier.id, window.outline.item_for(pp1), "above") == pp1
    window.outline.moveRequested.emit(carrier.id, pp1)
    moved = footnote_numbers(session.document())
    assert moved[ibid] < 15
    assert session.markers.numbers == moved
    settle(qtbot, session)
    ibid_findings = [f for f in session.findings if f.target == ibid]
    assert ibid_findings, session.findings
    assert "ibid" in ibid_findings[0].rule.lower()
    assert any(f.rule == "treaty.wrong-year" for f in session.findings)
    # Undo twice: the text, numbers and checks are as they were.
    session.undo.stack.undo()
    session.undo.stack.undo()
    assert footnote_numbers(session.document()) == numbers
    assert operative_texts(session) == texts
    settle(qtbot, session)
    assert [f.rule for f in session.findings] == ["treaty.wrong-year"]
    assert op1 == session.document().operative[0].id


def test_apply_fix_from_the_checks_dock_and_undo_it(qtbot, window):
    session = open_corpus(window, RES_67_193)
    qtbot.waitUntil(lambda: bool(window.checks.visible_findings()), timeout=2000)
    finding = window.checks.visible_findings()[0]
    pp7 = session.document().block(finding.target)
    assert "1954" in plain_text(pp7.content)
    window.checks.tree.setCurrentItem(window.checks.tree.topLevelItem(0))
    qtbot.mouseClick(window.checks.fix_button, Qt.MouseButton.LeftButton)
    fixed = plain_text(session.document().block(finding.target).content)
    assert "1954" not in fixed
    assert "1961" in fixed
    assert session.undo.stack.undoText() == f"Fix: {finding.fix.description}"
    settle(qtbot, session)
    assert session.findings == []
    assert window.checks.visible_findings() == []
    qtbot.keyClick(session.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "1954" in plain_text(session.document().block(finding.target).content)
    settle(qtbot, session)
    assert [f.rule for f in session.findings] == ["treaty.wrong-year"]


def test_proposals_show_struck_in_the_delegation_colour_with_a_tooltip(qtbot, window):
    session = open_corpus(window, CICA)
    found = []
    block = session.qdoc.firstBlock()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            it += 1
            fmt = fragment.charFormat()
            if fmt.property(formats.PROPOSAL_ROLE) == "deleted":
                found.append((fragment.text(), fmt))
        block = block.next()
    text = "".join(t for t, _ in found)
    assert "through regular intelligence sharing" in text
    fmt = found[0][1]
    assert fmt.fontStrikeOut()
    assert fmt.foreground().color() == formats.delegation_colour("a Member State")
    assert "Deletion proposed by a Member State" in fmt.toolTip()
    assert "Rationale" in fmt.toolTip()
    # Hovering shows it wrapped, not as one line across the screen (issue 13, point 8).
    tip = _hover_tooltip(qtbot, session, "through regular intelligence sharing")
    assert "Deletion proposed by a Member State" in tip.text()
    # a column of readable width, whatever the screen (plain text ran as wide as the screen)
    assert tip.width() <= 50 * tip.fontMetrics().averageCharWidth()
    assert tip.height() > 2 * tip.fontMetrics().height()
    # The proposal survives the round trip through the surface.
    assert structure(session.document()) == structure(load_document(CICA).document)


# -- files -------------------------------------------------------------------------------------------


def test_save_reopen_and_export_docx(qtbot, window, tmp_path, monkeypatch):
    session = open_corpus(window, RES_67_193)
    put_cursor_at_end_of(session, session.document().operative[46].id)
    qtbot.keyClick(session.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(session.editor, "Decides to remain seized of the matter.")
    assert session.modified
    target = tmp_path / "draft.penholder"
    assert window.files._write(session, target)
    assert not session.modified
    assert target.exists()
    expected = structure(session.document())
    window.close_tab(window.tabs.currentIndex())
    reopened = window.files.open_path(target)
    assert structure(reopened.document()) == expected
    assert len(reopened.document().operative) == 48
    docx = tmp_path / "draft.docx"
    assert window.files.export_to(reopened, docx, "docx")
    assert structure(load_document(docx).document)["operative"] == expected["operative"]
    # Without LibreOffice the PDF is Penholder's own print layout, said in a message box
    # (recorded here: a modal box would wait for a click that never comes).
    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: said.append(a[2]))
    pdf = tmp_path / "draft.pdf"
    assert window.files.export_to(reopened, pdf, "pdf")
    qtbot.waitUntil(lambda: not window.files.pdf_jobs.is_busy, timeout=120_000)
    qtbot.waitUntil(pdf.exists, timeout=10_000)
    assert pdf.read_bytes().startswith(b"%PDF")
    assert bool(said) == (find_soffice() is None)


def test_saving_over_a_file_changed_on_disk_asks_first(qtbot, window, tmp_path, monkeypatch):
    session = open_corpus(window, RES_67_193)
    target = tmp_path / "shared.penholder"
    assert window.files._write(session, target)
    qtbot.keyClicks(session.editor, "x")
    colleague = target.read_bytes().replace(b"International cooperation", b"Cooperation of colleagues")
    target.write_bytes(colleague)
    os.utime(target, ns=(1, 1))
    asked = []
    monkeypatch.setattr(
        QMessageBox,
        "warning",
        lambda *args, **kwargs: asked.append(args[2]) or QMessageBox.StandardButton.Cancel,
    )
    assert not window.files.save(session)
    assert asked
    assert "changed on disk" in asked[0]
    assert target.read_bytes() == colleague


def test_closing_with_unsaved_changes_asks(qtbot, window, monkeypatch):
    session = new_draft(window)
    qtbot.keyClicks(session.editor, "text")
    asked = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda *args, **kwargs: asked.append(args[2]) or QMessageBox.StandardButton.Cancel,
    )
    assert not window.close_tab(0)
    assert window.tabs.count() == 1
    assert asked


def test_opening_a_hostile_file_gives_a_message_not_a_traceback(qtbot, window, tmp_path, monkeypatch):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04 this is not a zip")
    messages = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args, **kwargs: messages.append(args[2]))
    assert window.files.open_path(bad) is None
    assert messages
    assert "bad.docx" in messages[0]
    assert window.tabs.count() == 0


def test_autosave_writes_a_snapshot_of_changed_documents(qtbot, window, tmp_path):
    from drafting import storage

    session = new_draft(window)
    assert window.autosaver.save_now() == 0
    qtbot.keyClicks(session.editor, " typed")
    assert window.autosaver.save_now() == 1
    window.autosaver.wait()  # the snapshot is written on a worker thread
    snapshot = window.autosaver.store.folder / f"{session.autosave_key}.penholder"
    saved = storage.load(snapshot).document
    assert "typed" in plain_text(saved.operative[0].content)
    assert window.autosaver.save_now() == 0  # nothing new since
    assert window.autosave_label.text().startswith("Autosaved")


def test_undo_names_every_step(qtbot, window):
    session = new_draft(window)
    op = session.document().operative[0]
    put_cursor_at_end_of(session, op.id)
    session.new_paragraph(BlockKind.OPERATIVE.value)
    session.set_kind(BlockKind.PREAMBULAR.value)
    session.insert_footnote()
    names = [session.undo.stack.text(i) for i in range(session.undo.stack.count())]
    assert names[-3:] == ["New operative paragraph", "Make preambular paragraph", "Insert footnote"]
    assert window.undo_action.text() == "&Undo Insert footnote"


def test_preferences_are_applied_and_saved_and_leave_the_open_documents_language(qtbot, window, tmp_path):
    from dataclasses import replace

    session = new_draft(window)
    window.apply_settings(replace(window.settings, language="ar", autosave_seconds=45))
    assert session.language == "en"  # the default for new documents (Document ▸ Language for this one)
    assert session.editor.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert window.language_label.text() == "English"
    assert window.autosaver._timer.interval() == 45_000
    saved = (tmp_path / "data" / "settings.json").read_text(encoding="utf-8")
    assert '"language": "ar"' in saved
    settle(qtbot, session)  # the checks run in Arabic without failing


def test_a_file_open_in_another_penholder_is_noticed(qtbot, window, tmp_path, monkeypatch):
    import subprocess
    import sys

    from app.recovery import FileLock

    target = tmp_path / "shared.penholder"
    storage_doc = load_document(RES_67_193).document
    from drafting import storage

    storage.save(storage.PenholderFile(storage_doc, []), target)
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        lock = FileLock(str(target.resolve()))
        lock.folder.mkdir(parents=True, exist_ok=True)
        lock.path.write_text(str(other.pid), encoding="ascii")
        asked = []
        monkeypatch.setattr(
            QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No
        )
        assert window.files.open_path(target) is None
        assert asked
        assert f"process {other.pid}" in asked[0]
        # Once that Penholder has gone, the file opens and the lock is ours.
        other.kill()
        other.wait()
        session = window.files.open_path(target)
        assert session is not None
        assert lock.path.read_text(encoding="ascii").strip() == str(os.getpid())
    finally:
        if other.poll() is None:
            other.kill()


def test_recent_files_are_remembered(qtbot, window, tmp_path):
    window.files.open_path(RES_67_193)
    window.files.open_path(CICA)
    assert window.settings.recent_files[:2] == (str(CICA.resolve()), str(RES_67_193.resolve()))
    window._fill_recent()
    assert [a.text() for a in window.recent_menu.actions()][:2] == [
        str(CICA.resolve()),
        str(RES_67_193.resolve()),
    ]
    saved = (tmp_path / "data" / "settings.json").read_text(encoding="utf-8")
    assert CICA.name in saved


# -- moving paragraphs (issue 13, point 2) --------------------------------------------------------


def _menu_action(window, menu_title: str, text: str):
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == menu_title)
    return next(a for a in menu.actions() if a.text() == text)


def test_alt_shift_up_and_down_move_the_paragraph_at_the_cursor_with_its_subparagraphs(qtbot, window):
    session = open_corpus(window, RES_67_193)
    ops = session.document().operative
    listing = next(i for i, b in enumerate(ops) if b.children)  # "Recognizes that:" (a)-(c)
    moving, above = ops[listing], ops[listing - 1]
    put_cursor_at_end_of(session, moving.id)
    qtbot.keyClick(
        session.editor, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
    )
    after = session.document().operative
    assert after[listing - 1].id == moving.id
    assert [c.id for c in after[listing - 1].children] == [c.id for c in moving.children]
    assert after[listing].id == above.id
    assert session.current_block_id() == moving.id  # the cursor went with it
    assert session.undo.stack.undoText()
    qtbot.keyClick(
        session.editor, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert [b.id for b in session.document().operative] == [b.id for b in ops]
    # The same from the Edit menu.
    _menu_action(window, "&Edit", "Move paragraph do&wn").trigger()
    assert session.document().operative[listing + 1].id == moving.id
    _menu_action(window, "&Edit", "Move paragraph &up").trigger()
    assert [b.id for b in session.document().operative] == [b.id for b in ops]


def test_the_outline_keeps_the_keyboard_after_a_click(qtbot, window):
    session = open_corpus(window, RES_67_193)
    ops = session.document().operative
    tree = window.outline.tree
    item = window.outline.item_for(ops[4].id)
    tree.scrollToItem(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(item).center())
    assert session.current_block_id() == ops[4].id  # the text shows the paragraph
    assert tree.hasFocus() or window.focusWidget() is tree
    qtbot.keyClick(tree, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert session.document().operative[3].id == ops[4].id
    qtbot.keyClick(tree, Qt.Key.Key_Down)  # arrows still walk the Outline
    assert window.outline.current_block_id() != ops[4].id


def _hover_tooltip(qtbot, session, text: str):
    """The tooltip label Qt shows when the mouse rests on ``text`` in the editor."""
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication

    at = session.qdoc.toPlainText().index(text) + 3
    cursor = session.editor.textCursor()
    cursor.setPosition(at)
    session.editor.setTextCursor(cursor)
    session.editor.ensureCursorVisible()
    point = session.editor.cursorRect(cursor).center() + QPoint(2, 0)
    viewport = session.editor.viewport()
    event = QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point))
    QApplication.sendEvent(viewport, event)
    labels = []
    qtbot.waitUntil(
        lambda: bool(
            labels.extend(
                w
                for w in QApplication.topLevelWidgets()
                if w.metaObject().className() == "QTipLabel" and w.isVisible()
            )
            or labels
        ),
        timeout=3000,
    )
    return labels[0]


def test_checks_name_list_items_with_their_section_where_numbering_restarts(qtbot, window):
    """Issue 13, point 9: CICA's sections I and II both have an item 5."""
    session = open_corpus(window, CICA)
    wait_checked(qtbot, session)
    tree = window.checks.tree
    shown = [
        tree.topLevelItem(i).text(0) + " " + tree.topLevelItem(i).text(1)
        for i in range(tree.topLevelItemCount())
    ]
    assert any(row.startswith("section I, item 5 ") for row in shown), shown[:10]
    assert any(row.startswith("section II, item 5 ") for row in shown), shown[:10]
    assert not any(row.startswith("item ") for row in shown)


# -- small windows (issue 13, point 3) -------------------------------------------------------------


def test_small_windows_keep_the_text_and_the_find_fields_usable(qtbot, window):
    from PySide6.QtWidgets import QApplication

    session = open_corpus(window, RES_67_193)
    screen = window.screen().availableGeometry()
    assert window.width() <= screen.width()
    assert window.height() <= screen.height()
    qtbot.keyClick(session.editor, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)  # Find and replace
    bar = session.editor.parentWidget().find_bar
    for size in ((800, 600), (1024, 700)):
        window.resize(*size)
        QApplication.processEvents()
        assert window.width() == size[0], "the panels must not hold the window wider than asked"
        assert session.editor.viewport().width() >= 400, size
        assert bar.find_field.width() >= 150, size
        assert bar.replace_field.width() >= 150, size
        if size[0] < window.NARROW:  # the panels gathered in one column
            assert window.dockWidgetArea(window.outline_dock) == Qt.DockWidgetArea.RightDockWidgetArea
    window.resize(1320, 860)
    QApplication.processEvents()
    assert window.dockWidgetArea(window.outline_dock) == Qt.DockWidgetArea.LeftDockWidgetArea  # back
