"""File ▸ Compile returns… and Document ▸ Make next revision…, driven through the menus and the
dialogs' own widgets."""

from __future__ import annotations

import copy

import docx
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog

from drafting.exporters import DocxOptions, export_docx
from drafting.exporters.text_export import export_text
from drafting.importers import load_document
from drafting.model import ProposalStatus, plain_text
from tests.helpers import CORPUS
from tests.test_next_revision import negotiated, operative_texts, propose
from tests.ui.window_helpers import open_corpus

BASE = CORPUS / "ga-res-62-172-en.txt"


def menu_action(window, menu_title: str, text: str):
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == menu_title)
    return next(a for a in menu.actions() if a.text() == text)


def in_modal(qtbot, act) -> list[str]:
    """Run ``act(dialog)`` on the next modal dialog that appears; returns what failed, if anything."""
    failures: list[str] = []

    def attempt() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, attempt)
            return
        try:
            act(dialog)
        except Exception as exc:  # noqa: BLE001 - reported by the test, never lost in the event loop
            failures.append(repr(exc))
            dialog.reject()

    QTimer.singleShot(0, attempt)
    return failures


def test_compile_returns_from_the_file_menu_opens_the_attributed_compilation(
    qtbot, window, tmp_path, monkeypatch
):
    open_corpus(window, BASE)
    eu = load_document(BASE).document
    propose(eu, eu.operative[0], "Commends", "Strongly commends", "European Union", ProposalStatus.PROPOSED)
    eu_path = tmp_path / "eu.docx"
    eu_path.write_bytes(export_docx(eu, DocxOptions(proposals="tracked")).data)
    clean = load_document(BASE).document
    clean_text = export_text(clean).replace(
        "*Urges* Member States to strengthen", "*Urges* all States to strengthen"
    )
    clean_path = tmp_path / "return-b.txt"
    clean_path.write_text(clean_text, encoding="utf-8")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(eu_path), str(clean_path)], "")
    )
    report: list[str] = []

    def name_and_compile(dialog) -> None:
        assert dialog.table.item(1, 0).text() == "return-b.txt"
        assert dialog.table.item(1, 1).text() == "return-b"  # the file name, until a name is typed
        dialog.table.item(1, 1).setText("Japan")
        failures.extend(in_modal(qtbot, read_report))
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    def read_report(box) -> None:
        report.append(box.text())
        box.accept()

    failures = in_modal(qtbot, name_and_compile)
    tabs = window.tabs.count()
    menu_action(window, "&File", "Co&mpile returns…").trigger()
    qtbot.waitUntil(lambda: window.tabs.count() == tabs + 1 and bool(report), timeout=20_000)
    assert not failures, failures
    assert report == ["2 proposals from 2 delegations, 0 collisions (kept as alternatives)"]
    compiled = window.current_session().document()
    found = sorted(
        (p.author, plain_text(span.inserted))
        for b in compiled.iter_blocks()
        for span in b.content
        if hasattr(span, "proposal_id")
        for p in [compiled.proposals[span.proposal_id]]
    )
    assert found == [("European Union", "Strongly commends"), ("Japan", "all")]


def test_make_next_revision_from_the_document_menu(qtbot, window, tmp_path, monkeypatch):
    document = negotiated()
    session = window.open_document(copy.deepcopy(document), title="Negotiated")
    before = operative_texts(session.document())
    redline = tmp_path / "rev1 redline.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(redline), ""))

    def choose_brackets(dialog) -> None:
        assert dialog.name.text() == "Rev.1"
        qtbot.mouseClick(dialog.brackets, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    failures = in_modal(qtbot, choose_brackets)
    menu_action(window, "&Document", "&Make next revision (Rev.N)…").trigger()
    assert not failures, failures
    after = operative_texts(session.document())
    assert after[0].startswith("Strongly commends")
    assert "[Urges] [Calls upon]" in after[2]
    assert session.document().proposals == {}
    assert [r.name for r in session.revisions] == ["Rev.1 (as negotiated)", "Rev.1"]
    assert session.modified
    body = docx.Document(str(redline)).element.body
    assert body.findall(".//" + docx.oxml.ns.qn("w:ins"))
    window.undo_action.trigger()  # Edit ▸ Undo brings the negotiated text back
    assert operative_texts(session.document()) == before


def test_cancelling_the_revision_dialog_changes_nothing(qtbot, window, monkeypatch):
    session = window.open_document(negotiated(), title="Negotiated")
    before = copy.deepcopy(session.document())
    failures = in_modal(qtbot, lambda dialog: dialog.reject())
    menu_action(window, "&Document", "&Make next revision (Rev.N)…").trigger()
    assert not failures
    assert session.document() == before
    assert session.revisions == []
