"""Issue 14, item 9: a damaged settings file never stops Penholder, however it is damaged."""

from __future__ import annotations

import logging
import os
import threading

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtWidgets import QMessageBox

from app.settings import Settings, load_settings, save_settings, with_recent

DAMAGED = {
    "huge integer": '{"autosave_seconds": 1' + "0" * 5000 + "}",
    "deep nesting": "[" * 100_000,
    "deep nesting in a value": '{"recent_files": ' + "[" * 100_000,
    "huge float": '{"autosave_seconds": 1e999999}',
    "lone surrogate": '{"recent_files": ["a\\ud800.penholder"], "delegation": "\\udfff"}',
    "bytes": b"\xff\xfe\x00\x01\x02".decode("latin-1"),
}


@pytest.mark.parametrize("content", DAMAGED.values(), ids=DAMAGED.keys())
def test_a_damaged_settings_file_gives_the_defaults_and_a_logged_warning(tmp_path, caplog, content):
    path = tmp_path / "settings.json"
    path.write_text(content, encoding="utf-8", errors="surrogatepass")
    with caplog.at_level(logging.WARNING):
        settings, notices = load_settings(path)
    assert settings == Settings()
    assert notices
    assert all("\n" not in n for n in notices)
    assert any(r.levelno == logging.WARNING and "settings" in r.getMessage() for r in caplog.records)
    save_settings(with_recent(settings, "next.penholder"), path)  # and they can be saved again
    assert load_settings(path) == (Settings(recent_files=("next.penholder",)), [])


def test_a_settings_path_that_is_a_pipe_does_not_hang(tmp_path):
    path = tmp_path / "settings.json"
    os.mkfifo(path)
    result = []
    reader = threading.Thread(target=lambda: result.append(load_settings(path)), daemon=True)
    reader.start()
    reader.join(5)
    if reader.is_alive():  # blocked opening the pipe: give it a writer so that it ends
        os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
        reader.join(5)
        pytest.fail("reading the settings hung on a named pipe")
    settings, notices = result[0]
    assert settings == Settings()
    assert "could not be read" in notices[0]


def test_a_settings_path_that_is_a_folder(tmp_path):
    path = tmp_path / "settings.json"
    path.mkdir()
    settings, notices = load_settings(path)
    assert settings == Settings()
    assert notices


@pytest.mark.parametrize(
    "content", [DAMAGED["huge integer"], DAMAGED["deep nesting"]], ids=["int", "nesting"]
)
def test_the_window_starts_with_a_damaged_settings_file(qtbot, tmp_path, monkeypatch, content):
    from app.gui import start_window

    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(content, encoding="utf-8")
    monkeypatch.setenv("PENHOLDER_DATA_DIR", str(data))
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append(a[2]))
    window = start_window([], ask_recovery=False)
    qtbot.addWidget(window)
    assert window.tabs.count() == 1
    assert len(shown) == 1
    assert "could not be read" in shown[0]
    for session in list(window.sessions()):
        session.mark_saved()
    window.close()
