"""The blank document Penholder starts with (issue 13, point 5): nothing to undo, nothing to
save, and replaced by the first file opened, as Word does."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.gui import start_window

RES_67_193 = Path(__file__).resolve().parents[1] / "corpus" / "ga-res-67-193-en.txt"


def _start(qtbot, tmp_path, monkeypatch, files=()):
    monkeypatch.setenv("PENHOLDER_DATA_DIR", str(tmp_path / "data"))
    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Discard
    )
    window = start_window([str(f) for f in files], ask_recovery=False)
    qtbot.addWidget(window)
    window.show()
    return window, asked


def test_the_blank_start_document_has_nothing_to_undo_and_nothing_to_save(qtbot, tmp_path, monkeypatch):
    window, asked = _start(qtbot, tmp_path, monkeypatch)
    assert window.tabs.count() == 1
    assert window.tabs.tabText(0) == "Untitled"
    session = window.current_session()
    assert not window.undo_action.isEnabled()
    qtbot.keyClick(session.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not session.modified
    assert window.close_all()
    assert asked == []  # quitting asks nothing


def test_opening_a_file_replaces_the_unchanged_blank_document(qtbot, tmp_path, monkeypatch):
    window, _ = _start(qtbot, tmp_path, monkeypatch)
    window.files.open_path(RES_67_193)
    assert window.tabs.count() == 1
    assert "67-193" in window.tabs.tabText(0)


def test_a_blank_document_with_typing_is_kept(qtbot, tmp_path, monkeypatch):
    window, _ = _start(qtbot, tmp_path, monkeypatch)
    qtbot.keyClicks(window.current_session().editor, "Recalling")
    window.files.open_path(RES_67_193)
    assert window.tabs.count() == 2


def test_files_given_at_start_open_without_a_blank_document(qtbot, tmp_path, monkeypatch):
    window, _ = _start(qtbot, tmp_path, monkeypatch, [RES_67_193])
    assert window.tabs.count() == 1


def test_several_files_given_at_start_each_open_in_a_tab(qtbot, tmp_path, monkeypatch):
    cica = next(RES_67_193.parent.glob("cica-*"))
    window, _ = _start(qtbot, tmp_path, monkeypatch, [RES_67_193, cica])
    assert window.tabs.count() == 2
    assert [window.tabs.tabText(i) for i in range(2)] == ["ga-res-67-193-en", cica.stem]
