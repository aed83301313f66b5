"""The real main window for window tests, with its own user data folder."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from app.settings import Settings


@pytest.fixture
def make_window(qtbot, tmp_path, monkeypatch):
    """``make_window(settings)``: a shown MainWindow; closed without prompts afterwards."""
    from app.gui import make_window as make_main_window
    from ui.main_window import MainWindow

    monkeypatch.setenv("PENHOLDER_DATA_DIR", str(tmp_path / "data"))
    windows = []

    def make(settings: Settings | None = None) -> MainWindow:
        window = make_main_window(settings or Settings(), settings_path=tmp_path / "data" / "settings.json")
        window.show()
        windows.append(window)
        return window

    yield make
    for window in windows:
        for session in list(window.sessions()):
            session.mark_saved()
        window.close()
        window.deleteLater()


@pytest.fixture
def window(make_window):
    return make_window()


@pytest.fixture(autouse=True)
def _clipboard_handed_over(qapp):
    """After each test, what a test or the window put on the clipboard is handed to Qt as the
    window does when it quits (``app.gui.release_clipboard``): mime data made in Python left on
    the clipboard is deleted twice at the end of the process, which then dies with SIGSEGV after
    every test has passed (seen with the paste and cut tests of suggesting mode)."""
    yield
    from app.gui import release_clipboard

    release_clipboard()
