"""Starting the window: unexpected errors become a message and a log line, never a traceback."""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QMessageBox

from app.gui import report_unexpected_errors


def test_an_unexpected_error_is_logged_and_shown_in_one_line(qapp, tmp_path, monkeypatch):
    monkeypatch.setenv("PENHOLDER_DATA_DIR", str(tmp_path))
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    report_unexpected_errors(None)
    try:
        raise ValueError("a slot failed")
    except ValueError:
        sys.excepthook(*sys.exc_info())
    assert shown == [
        "Something went wrong (ValueError: a slot failed). Your work is autosaved; "
        "the details are in penholder.log in Penholder's data folder."
    ]
    log = (tmp_path / "penholder.log").read_text(encoding="utf-8")
    assert "Traceback" in log
    assert "a slot failed" in log
