"""Shared steps for the window tests: open a corpus text, start a draft, wait for the checks."""

from __future__ import annotations

import datetime
from pathlib import Path

from PySide6.QtGui import QTextCursor

from drafting.model import plain_text
from drafting.templates import new_document
from ui.editor import structure_ops

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
RES_67_193 = CORPUS / "ga-res-67-193-en.txt"
CICA = next(CORPUS.glob("cica-*"))


def wait_checked(qtbot, session, timeout=5000):
    qtbot.waitUntil(lambda: session.checks_current, timeout=timeout)


def settle(qtbot, session):
    """Let the pause-in-typing timers fire, then wait for the checks of the current text."""
    session.refresh()
    session.request_checks()
    wait_checked(qtbot, session)


def open_corpus(window, path):
    session = window.files.open_path(path)
    assert session is not None
    return session


def operative_texts(session):
    return [plain_text(b.content) for b in session.document().operative]


def put_cursor_at_end_of(session, block_id):
    block = structure_ops.find_block(session.qdoc, block_id)
    cursor = QTextCursor(block)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    session.editor.setTextCursor(cursor)
    session.editor.setFocus()


def new_draft(window):
    document = new_document("ga-draft", on=datetime.date(2026, 11, 23), sponsors=["Mexico", "Kazakhstan"])
    return window.files.new_document(document, "General Assembly draft resolution")
