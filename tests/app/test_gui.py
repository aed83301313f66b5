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
        f"the details are in {tmp_path / 'penholder.log'}."
    ]
    log = (tmp_path / "penholder.log").read_text(encoding="utf-8")
    assert "Traceback" in log
    assert "a slot failed" in log


def test_warnings_go_to_the_log_file_in_the_log_folder(tmp_path, monkeypatch):
    import logging

    from app.gui import log_to_file

    monkeypatch.setenv("PENHOLDER_DATA_DIR", str(tmp_path))
    handler = log_to_file()
    try:
        logging.getLogger("penholder.test").warning("a file was refused")
        logging.getLogger("penholder.test").info("not worth a line")
        handler.flush()
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
    lines = (tmp_path / "penholder.log").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1
    assert lines[0].endswith("WARNING penholder.test: a file was refused")
