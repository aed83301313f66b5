"""Opening phrases while typing: italics applied as a known opener is completed, and the
completion list offered in the first words of a preambular or operative paragraph."""

from __future__ import annotations

from PySide6.QtGui import QTextCharFormat, QTextCursor

from drafting.model import BlockKind
from drafting.phrases import opening_phrase, phrase_list
from ui.editor import formats

PARTS = {BlockKind.PREAMBULAR.value: "preambular", BlockKind.OPERATIVE.value: "operative"}
OPENING_WINDOW = 48
"""Characters from the start of a paragraph in which completion is offered."""


def opener_to_italicize(cursor: QTextCursor, language: str) -> tuple[int, int] | None:
    """The (start, end) surface range of the paragraph's opening phrase if it is known, not yet
    wholly italic, and finished (the character just typed ends a word)."""
    block = cursor.block()
    part = PARTS.get(formats.kind_of(block.blockFormat()))
    phrases = phrase_list(language)
    if part is None or phrases is None or phrases.opener_mark != "italic":
        return None
    offset = cursor.position() - block.position()
    text = block.text()
    if offset == 0 or offset > OPENING_WINDOW + 20 or text[offset - 1 : offset] not in (" ", ",", "\u00a0"):
        return None
    phrase = opening_phrase(text, part, language)
    if not phrase or offset <= len(phrase) - 1:
        return None
    probe = QTextCursor(block)
    for position in range(1, len(phrase) + 1):
        probe.setPosition(block.position() + position)
        if not probe.charFormat().fontItalic():
            return block.position(), block.position() + len(phrase)
    return None


def italicize(cursor: QTextCursor, start: int, end: int) -> None:
    edit = QTextCursor(cursor.document())
    edit.setPosition(start)
    edit.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    fmt = QTextCharFormat()
    fmt.setFontItalic(True)
    edit.mergeCharFormat(fmt)


def completion_prefix(cursor: QTextCursor) -> tuple[str, str] | None:
    """(part, typed prefix) when the cursor is in the opening words of a PP or OP, else None."""
    block = cursor.block()
    part = PARTS.get(formats.kind_of(block.blockFormat()))
    if part is None:
        return None
    offset = cursor.position() - block.position()
    prefix = block.text()[:offset]
    if not prefix.strip() or offset > OPENING_WINDOW or any(c in prefix for c in ",;:.\ufffc"):
        return None
    if len(prefix.strip()) < 2:
        return None
    return part, prefix.lstrip()


def replace_opening(cursor: QTextCursor, phrase: str, *, italic: bool) -> QTextCursor:
    """Replace the typed opening words with ``phrase`` followed by a space."""
    block = cursor.block()
    edit = QTextCursor(cursor)
    edit.beginEditBlock()
    edit.setPosition(block.position())
    edit.setPosition(cursor.position(), QTextCursor.MoveMode.KeepAnchor)
    fmt = QTextCharFormat()
    fmt.setFontItalic(italic)
    edit.insertText(phrase, fmt)
    plain = QTextCharFormat()
    plain.setFontItalic(False)
    edit.insertText(" ", plain)
    edit.endEditBlock()
    return edit
