"""One name for a document everywhere (issue 13, point 10): an imported file is named after
its file in the tab, in Save As and in crash recovery; error messages name files by name."""

from __future__ import annotations

import json
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.gui import make_window, offer_recovery
from app.recovery import SnapshotStore
from app.settings import Settings
from ui.main_window import MainWindow
from ui.recovery_dialog import RecoveryDialog

RES_67_193 = Path(__file__).resolve().parents[1] / "corpus" / "ga-res-67-193-en.txt"


def _window(qtbot, tmp_path, monkeypatch) -> MainWindow:
    monkeypatch.setenv("PENHOLDER_DATA_DIR", str(tmp_path / "data"))
    window = make_window(Settings(), settings_path=tmp_path / "data" / "settings.json")
    qtbot.addWidget(window)
    window.show()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    return window


def _menu_action(window, menu_title: str, text: str):
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == menu_title)
    return next(a for a in menu.actions() if a.text() == text)


def test_an_imported_file_is_named_after_its_file_in_the_tab_and_in_save_as(qtbot, tmp_path, monkeypatch):
    window = _window(qtbot, tmp_path, monkeypatch)
    window.files.open_path(RES_67_193)
    assert window.tabs.tabText(window.tabs.currentIndex()) == "ga-res-67-193-en"
    assert "Imported from" in window.tabs.tabToolTip(window.tabs.currentIndex())
    suggested = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: suggested.append(a[2]) or ("", ""))
    _menu_action(window, "&File", "Save &As…").trigger()
    assert Path(suggested[0]).name == "ga-res-67-193-en.penholder"


def test_crash_recovery_names_an_imported_file_after_it(qtbot, tmp_path, monkeypatch):
    window = _window(qtbot, tmp_path, monkeypatch)
    session = window.files.open_path(RES_67_193)
    qtbot.keyClicks(session.editor, "x")
    assert window.autosaver.save_now() == 1
    window.autosaver.wait()  # the snapshot is written on a worker thread
    store = window.autosaver.store
    (record,) = store.folder.glob("*.json")
    data = json.loads(record.read_text(encoding="utf-8"))
    assert data["source"] == str(RES_67_193)
    data["pid"] = 2**22 + 4321  # as if the process had been killed
    record.write_text(json.dumps(data), encoding="utf-8")
    shown = []

    def recover_all(dialog: RecoveryDialog):
        shown.append(dialog.table.item(0, 0).text())
        dialog.recover_button.click()
        return True

    monkeypatch.setattr(RecoveryDialog, "exec", recover_all)
    other = _window(qtbot, tmp_path, monkeypatch)
    assert offer_recovery(other, SnapshotStore(store.folder)) == 1
    assert shown == ["ga-res-67-193-en.txt"]
    assert other.tabs.tabText(other.tabs.currentIndex()).endswith("ga-res-67-193-en (recovered)")


def test_error_messages_name_files_alike(qtbot, tmp_path, monkeypatch):
    window = _window(qtbot, tmp_path, monkeypatch)
    messages = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: messages.append(a[2]))
    for name in ("broken.docx", "broken.penholder"):
        (tmp_path / name).write_text("junk", encoding="utf-8")
        window.files.open_path(tmp_path / name)
    assert len(messages) == 2
    for message, name in zip(messages, ("broken.docx", "broken.penholder"), strict=True):
        assert name in message
        assert str(tmp_path) not in message
    assert Qt  # the window stayed up
