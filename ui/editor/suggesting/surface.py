"""The surface as suggesting mode reads it, character by character: where a paragraph ends, the
format of one character, a footnote marker and its joiner as one unit, the masthead lines no
proposal can live in."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtGui import QTextBlock, QTextCharFormat, QTextCursor, QTextDocument, QTextFragment

from ui.editor import footnote_marker, formats

_Move = QTextCursor.MoveOperation


def block_end(block: QTextBlock) -> int:
    """The position of the paragraph's end (after its last character)."""
    return block.position() + block.length() - 1


def fragments(block: QTextBlock) -> Iterator[QTextFragment]:
    """The runs of one format in the paragraph, in order."""
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        it += 1
        if fragment.isValid():
            yield fragment


def format_at(qdoc: QTextDocument, position: int) -> QTextCharFormat:
    """The format of the character at ``position`` (a cursor reports the one before it)."""
    cursor = QTextCursor(qdoc)
    cursor.setPosition(position + 1)
    return cursor.charFormat()


def text_format(fmt: QTextCharFormat) -> QTextCharFormat:
    """``fmt`` for typed text: not a footnote marker, not the joiner before one."""
    if fmt.objectType() == 0 and not formats.is_joiner(fmt):
        return fmt
    clean = QTextCharFormat(fmt)
    clean.clearProperty(formats.NOTE_ID)
    clean.clearProperty(formats.MARKER_JOINER)
    clean.setObjectType(0)
    return clean


def marks_base(qdoc: QTextDocument, position: int) -> QTextCharFormat:
    """The marks new text at ``position`` takes: those of the character before it (after it at
    the start of a paragraph), as Qt's own typing does."""
    block = qdoc.findBlock(position)
    if position > block.position():
        fmt = format_at(qdoc, position - 1)
    elif block.length() > 1:
        fmt = format_at(qdoc, position)
    else:
        fmt = QTextCharFormat()
    marks = formats.marks_of(fmt) if fmt.objectType() != formats.FOOTNOTE_OBJECT else frozenset()
    return formats.marks_format(marks)


def unit_before(qdoc: QTextDocument, position: int) -> int:
    """Where the character before ``position`` starts (a footnote marker with its joiner is one)."""
    if footnote_marker.pair_ends_at(qdoc, position):
        return position - 2
    return _moved(qdoc, position, _Move.PreviousCharacter)


def unit_after(qdoc: QTextDocument, position: int) -> int:
    """Where the character at ``position`` ends (a footnote marker with its joiner is one)."""
    if footnote_marker.pair_starts_at(qdoc, position):
        return position + 2
    return _moved(qdoc, position, _Move.NextCharacter)


def _moved(qdoc: QTextDocument, position: int, move: QTextCursor.MoveOperation) -> int:
    cursor = QTextCursor(qdoc)
    cursor.setPosition(position)
    cursor.movePosition(move)
    return cursor.position()


def is_masthead_line(block: QTextBlock) -> bool:
    """The title or the organ line: plain strings of the masthead in the model, where no
    proposal can live."""
    return formats.kind_of(block.blockFormat()) in (formats.TITLE, formats.ORGAN_LINE)


def enclosure(qdoc: QTextDocument, position: int) -> tuple[tuple[str, str], ...]:
    """The pending insertions text typed at ``position`` is nested in (outermost first): those
    the characters on both sides belong to, so that words typed strictly inside another
    delegation's insertion only count if theirs is accepted; () elsewhere."""
    block = qdoc.findBlock(position)
    if not block.position() < position < block_end(block):
        return ()
    before = formats.proposal_path(format_at(qdoc, position - 1))
    after = formats.proposal_path(format_at(qdoc, position))
    common: list[tuple[str, str]] = []
    for one, other in zip(before, after, strict=False):
        if one != other or one[1] != "inserted":
            break
        common.append(one)
    return tuple(common)
