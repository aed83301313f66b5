"""Undo steps and the cursor for suggesting mode's gestures."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtGui import QTextCursor

if TYPE_CHECKING:
    from ui.document_session import DocumentSession


@contextmanager
def gesture(session: DocumentSession, name: str) -> Iterator[None]:
    """One named undo step for a gesture. A macro of the undo history rather than
    ``session.edit_step``: that one seals the text's last undo level, and a typing run must
    stay open for the next keys to join it (see :mod:`ui.editor.suggesting`)."""
    stack = session.history
    stack.beginMacro(name)
    try:
        yield
    finally:
        stack.endMacro()
        top = stack.command(stack.index() - 1) if stack.index() else None
        if top is not None and top.childCount() == 0 and top.text() == name:
            top.setObsolete(True)  # nothing recorded (typing joined the previous level)
            stack.undo()


def place_cursor(session: DocumentSession, position: int) -> None:
    """The cursor at ``position`` (kept inside the document), scrolled into view."""
    qdoc = session.qdoc
    cursor = QTextCursor(qdoc)
    cursor.setPosition(max(0, min(position, qdoc.characterCount() - 1)))
    session.set_text_cursor(cursor)
    session.editor.ensureCursorVisible()
