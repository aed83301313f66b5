"""Document ▸ Compare language versions… (issue 17): the open document against another language
version, the discrepancies listed, a row taking the cursor to its paragraph. Driven through the
menu action, the file dialog's answer and the keyboard."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from app.settings import Settings
from drafting.numbering import block_labels
from tests.test_parity import EN, FR, PLANTS, planted_french
from tests.ui.test_negotiation_commands import menu_action
from tests.ui.window_helpers import open_corpus


@pytest.fixture
def window(make_window):
    return make_window(Settings())


def compare_with(window, monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *_a, **_k: ([str(path)], ""))
    menu_action(window, "&Document", "Compare &language versions…").trigger()
    return window.parity_commands.dialog


def test_a_clean_french_version_has_no_discrepancy(qtbot, window, monkeypatch):
    open_corpus(window, EN)
    dialog = compare_with(window, monkeypatch, FR)
    assert dialog.isVisible()
    assert dialog.tree.topLevelItemCount() == 0
    assert dialog.summary.text().startswith("No discrepancy between en (this document) and fr")


def test_planted_discrepancies_are_listed_and_a_row_goes_to_its_paragraph(
    qtbot, window, monkeypatch, tmp_path
):
    session = open_corpus(window, EN)
    planted = tmp_path / "planted-fr.txt"
    planted.write_text(planted_french(), encoding="utf-8")
    dialog = compare_with(window, monkeypatch, planted)
    rows = [dialog.tree.topLevelItem(i) for i in range(dialog.tree.topLevelItemCount())]
    assert len(rows) == len(PLANTS)
    assert {row.data(0, Qt.ItemDataRole.UserRole) for row in rows} == {place for *_w, place in PLANTS}
    assert dialog.summary.text().startswith(f"{len(PLANTS)} discrepancies")
    row = next(r for r in rows if r.data(0, Qt.ItemDataRole.UserRole) == "PP 2")
    dialog.tree.setCurrentItem(row)
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Return)
    labels = block_labels(session.document())
    assert labels[session.current_block_id()].reference == "PP 2"


def test_an_unreadable_version_is_refused_with_a_message(qtbot, window, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    open_corpus(window, EN)
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip")
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **_k: said.append(a[2]))
    assert compare_with(window, monkeypatch, broken) is None
    assert said
    assert said[0].startswith("broken.docx could not be read")
