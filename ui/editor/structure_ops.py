"""Structural edits on the surface: new paragraphs, levels, kinds, moves, content replacement.

Each function is one ``QTextCursor`` edit block, so it is one undo level; the caller names it
(see :mod:`ui.undo_bridge`). They work on the surface directly and never rebuild it, so the
undo history and the cursor survive.
"""

from __future__ import annotations

from PySide6.QtGui import QTextBlock, QTextCharFormat, QTextCursor, QTextDocument

from drafting.model import BlockKind, Inline
from ui.editor import formats
from ui.editor.reader import convert_block, fresh_block_id
from ui.editor.writer import FlatBlock, SurfaceWriter

OP = BlockKind.OPERATIVE.value
PP = BlockKind.PREAMBULAR.value
SUB = BlockKind.SUBPARAGRAPH.value
MAX_DEPTH = 4


def find_block(qdoc: QTextDocument, block_id: str) -> QTextBlock | None:
    block = qdoc.firstBlock()
    while block.isValid():
        if formats.id_of(block.blockFormat()) == block_id:
            return block
        block = block.next()
    return None


def _kind(block: QTextBlock) -> str:
    return formats.kind_of(block.blockFormat())


def _depth(block: QTextBlock) -> int:
    return formats.depth_of(block.blockFormat()) if _kind(block) == SUB else 0


def family_end(block: QTextBlock) -> QTextBlock:
    """The last block of ``block`` with its subparagraphs (itself if it has none)."""
    depth = _depth(block)
    last = block
    following = block.next()
    while following.isValid() and _kind(following) == SUB and _depth(following) > depth:
        last = following
        following = following.next()
    if _kind(block) not in (OP, SUB):
        return block
    return last


def _next_kind(kind: str, resolution: bool) -> str:
    if kind in (formats.TITLE, formats.ORGAN_LINE):
        return PP if resolution else BlockKind.PARAGRAPH.value
    return kind


def new_paragraph(cursor: QTextCursor, kind: str = "", *, resolution: bool = True) -> QTextCursor:
    """Enter (``kind`` = "") splits the paragraph, the new one of the same kind; Ctrl+Enter
    (``kind`` = "operative") starts a new operative paragraph after the current one and its
    subparagraphs. Returns the cursor placed in the new paragraph."""
    cursor = QTextCursor(cursor)
    current = cursor.block()
    current_fmt = current.blockFormat()
    cursor.beginEditBlock()
    if kind:
        anchor = family_end(current) if _kind(current) in (OP, SUB) else current
        cursor.setPosition(anchor.position() + anchor.length() - 1)
        cursor.insertBlock(formats.block_format(kind, block_id=fresh_block_id()), QTextCharFormat())
    else:
        new_kind = _next_kind(formats.kind_of(current_fmt), resolution)
        fmt = formats.block_format(new_kind, block_id=fresh_block_id(), depth=formats.depth_of(current_fmt))
        at_start = cursor.position() == current.position() and current.length() > 1
        char_fmt = formats.plain_format(cursor.charFormat())
        char_fmt.setFontItalic(False)
        if at_start:
            # An empty paragraph opens above; the text keeps its identity.
            cursor.insertBlock(current_fmt, char_fmt)
            above = QTextCursor(cursor.block().previous())
            above.setBlockFormat(
                formats.block_format(
                    formats.kind_of(current_fmt),
                    block_id=fresh_block_id(),
                    depth=formats.depth_of(current_fmt),
                )
            )
            cursor.setPosition(cursor.block().previous().position())
        else:
            cursor.insertBlock(fmt, char_fmt)
    cursor.endEditBlock()
    return cursor


def change_level(cursor: QTextCursor, delta: int) -> bool:
    """Tab (+1): operative paragraph → subparagraph (a) → (i) …; Shift+Tab (-1) back up.
    Returns False when the paragraph cannot go that way (nothing is changed)."""
    block = cursor.block()
    kind, depth = _kind(block), _depth(block)
    previous = block.previous()
    if delta > 0:
        if kind == OP:
            if not previous.isValid() or _kind(previous) not in (OP, SUB):
                return False
            new_kind, new_depth = SUB, 1
        elif kind == SUB:
            limit = _depth(previous) + 1 if previous.isValid() and _kind(previous) in (OP, SUB) else 1
            if depth + 1 > min(limit, MAX_DEPTH):
                return False
            new_kind, new_depth = SUB, depth + 1
        else:
            return False
    else:
        if kind != SUB:
            return False
        new_kind, new_depth = (OP, 0) if depth <= 1 else (SUB, depth - 1)
    set_kind(cursor, new_kind, depth=new_depth)
    return True


def set_kind(cursor: QTextCursor, kind: str, *, depth: int = 0) -> None:
    """Make the paragraph(s) under ``cursor`` of ``kind`` (identity kept)."""
    cursor = QTextCursor(cursor)
    start, end = sorted((cursor.position(), cursor.anchor()))
    doc = cursor.document()
    block = doc.findBlock(start)
    last = doc.findBlock(end)
    cursor.beginEditBlock()
    while block.isValid():
        fmt = block.blockFormat()
        fmt.setProperty(formats.BLOCK_KIND, kind)
        fmt.setProperty(formats.BLOCK_DEPTH, depth if kind == SUB else 0)
        formats.apply_layout(fmt, kind, depth)
        edit = QTextCursor(block)
        edit.setBlockFormat(fmt)
        if block == last:
            break
        block = block.next()
    cursor.endEditBlock()


def family(qdoc: QTextDocument, block_id: str) -> list[QTextBlock]:
    block = find_block(qdoc, block_id)
    if block is None:
        return []
    blocks = [block]
    end = family_end(block)
    while blocks[-1] != end:
        blocks.append(blocks[-1].next())
    return blocks


def move_family(qdoc: QTextDocument, writer: SurfaceWriter, block_id: str, before_id: str) -> bool:
    """Move a paragraph with its subparagraphs before ``before_id`` ("" = after the last paragraph
    of the same kind). Identity, formatting, footnotes and proposals travel with it."""
    moving = family(qdoc, block_id)
    if not moving:
        return False
    kind = _kind(moving[0])
    paragraphs = flat_family(moving)
    moving_ids = {p.block_id for p in paragraphs}
    if before_id in moving_ids:
        return False
    parent_id = family_parent_id(moving) if not before_id else None
    cursor = QTextCursor(qdoc)
    cursor.beginEditBlock()
    _remove_blocks(cursor, moving[0], moving[-1])
    if before_id and find_block(qdoc, before_id) is None:
        cursor.endEditBlock()
        qdoc.undo()  # put the paragraph back; nothing must be lost
        return False
    place_paragraphs(cursor, writer, paragraphs, kind, before_id, parent_id)
    cursor.endEditBlock()
    return True


def flat_family(blocks: list[QTextBlock]) -> list[FlatBlock]:
    """The paragraphs of ``blocks`` as the writer takes them (identity, kind, content)."""
    paragraphs = []
    for block in blocks:
        converted = convert_block(block)
        fmt = block.blockFormat()
        paragraphs.append(
            FlatBlock(
                converted.kind,
                converted.block_id or fresh_block_id(),
                converted.depth,
                converted.content,
                fmt.property(formats.BLOCK_NUMBERED) is not False,
                converted.alternative_to,
                converted.agreed_ad_ref,
            )
        )
    return paragraphs


def family_parent_id(moving: list[QTextBlock]) -> str | None:
    """For a subparagraph: the id of the paragraph it belongs to (where a move "to the end" of
    its part puts it); None for any other paragraph."""
    if _kind(moving[0]) != SUB:
        return None
    parent = moving[0].previous()
    while parent.isValid() and _kind(parent) == SUB and _depth(parent) >= _depth(moving[0]):
        parent = parent.previous()
    return formats.id_of(parent.blockFormat()) if parent.isValid() else None


def place_paragraphs(
    cursor: QTextCursor,
    writer: SurfaceWriter,
    paragraphs: list[FlatBlock],
    kind: str,
    before_id: str,
    parent_id: str | None,
) -> bool:
    """Write ``paragraphs`` before the paragraph ``before_id``, or ("") after the last paragraph
    of ``kind`` (a subparagraph: after the subparagraphs of ``parent_id``). Part of the caller's
    edit block; False (nothing written) when ``before_id`` is not on the surface."""
    qdoc = cursor.document()
    if before_id:
        target = find_block(qdoc, before_id)
        if target is None:
            return False
        cursor.setPosition(target.position())
        cursor.insertBlock(target.blockFormat(), QTextCharFormat())
        cursor.setPosition(cursor.block().previous().position())
        writer.write_paragraphs(cursor, paragraphs, first_in_place=True)
        return True
    parent = find_block(qdoc, parent_id) if parent_id else None
    last = parent if parent is not None else _last_of_kind(qdoc, kind)
    if last is None:
        cursor.movePosition(QTextCursor.MoveOperation.End)
    else:
        end = family_end(last) if _kind(last) in (OP, SUB) else last
        cursor.setPosition(end.position() + end.length() - 1)
    writer.write_paragraphs(cursor, paragraphs, first_in_place=False)
    return True


def _last_of_kind(qdoc: QTextDocument, kind: str) -> QTextBlock | None:
    block = qdoc.lastBlock()
    while block.isValid():
        if _kind(block) == kind:
            return block
        block = block.previous()
    return None


def _remove_blocks(cursor: QTextCursor, first: QTextBlock, last: QTextBlock) -> None:
    after = last.next()
    if after.isValid():
        cursor.setPosition(first.position())
        cursor.setPosition(after.position(), QTextCursor.MoveMode.KeepAnchor)
    elif first.previous().isValid():
        before = first.previous()
        cursor.setPosition(before.position() + before.length() - 1)
        cursor.setPosition(last.position() + last.length() - 1, QTextCursor.MoveMode.KeepAnchor)
    else:
        cursor.setPosition(first.position())
        cursor.setPosition(last.position() + last.length() - 1, QTextCursor.MoveMode.KeepAnchor)
    cursor.removeSelectedText()


def replace_content(qdoc: QTextDocument, writer: SurfaceWriter, block_id: str, content: list[Inline]) -> bool:
    """Replace the text of one paragraph (keeping its identity and kind): how fixes are applied."""
    block = find_block(qdoc, block_id)
    if block is None:
        return False
    cursor = QTextCursor(qdoc)
    cursor.beginEditBlock()
    cursor.setPosition(block.position())
    cursor.setPosition(block.position() + block.length() - 1, QTextCursor.MoveMode.KeepAnchor)
    cursor.removeSelectedText()
    writer.write_inlines(cursor, content)
    cursor.endEditBlock()
    return True


def insert_paragraphs_after(
    cursor: QTextCursor, writer: SurfaceWriter, paragraphs: list[FlatBlock]
) -> QTextCursor:
    """Insert whole paragraphs after the paragraph (family) at ``cursor``; if that paragraph is
    empty, the first one takes its place."""
    cursor = QTextCursor(cursor)
    block = cursor.block()
    cursor.beginEditBlock()
    if block.length() <= 1 and _kind(block) not in (formats.TITLE, formats.ORGAN_LINE):
        cursor.setPosition(block.position())
        writer.write_paragraphs(cursor, paragraphs, first_in_place=True)
    else:
        end = family_end(block)
        cursor.setPosition(end.position() + end.length() - 1)
        writer.write_paragraphs(cursor, paragraphs, first_in_place=False)
    cursor.endEditBlock()
    return cursor


def delete_family(qdoc: QTextDocument, block_id: str) -> bool:
    """Remove a paragraph with its subparagraphs (one edit block)."""
    blocks = family(qdoc, block_id)
    if not blocks:
        return False
    cursor = QTextCursor(qdoc)
    cursor.beginEditBlock()
    if qdoc.blockCount() == len(blocks):
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.removeSelectedText()
    else:
        _remove_blocks(cursor, blocks[0], blocks[-1])
    cursor.endEditBlock()
    return True


def insert_after_block(
    qdoc: QTextDocument, writer: SurfaceWriter, anchor_id: str | None, paragraphs: list[FlatBlock]
) -> bool:
    """Insert paragraphs after the paragraph ``anchor_id`` and its subparagraphs (None: at the start
    of the body, after the title and organ line)."""
    cursor = QTextCursor(qdoc)
    if anchor_id is not None:
        anchor = find_block(qdoc, anchor_id)
        if anchor is None:
            return False
        end = family_end(anchor)
        cursor.beginEditBlock()
        cursor.setPosition(end.position() + end.length() - 1)
        writer.write_paragraphs(cursor, paragraphs, first_in_place=False)
        cursor.endEditBlock()
        return True
    block = qdoc.firstBlock()
    while block.isValid() and _kind(block) in (formats.TITLE, formats.ORGAN_LINE, formats.FRONT):
        block = block.next()
    cursor.beginEditBlock()
    if block.isValid():
        cursor.setPosition(block.position())
        cursor.insertBlock(block.blockFormat(), QTextCharFormat())
        cursor.setPosition(cursor.block().previous().position())
        writer.write_paragraphs(cursor, paragraphs, first_in_place=True)
    else:
        cursor.movePosition(QTextCursor.MoveOperation.End)
        writer.write_paragraphs(cursor, paragraphs, first_in_place=False)
    cursor.endEditBlock()
    return True


def replace_all(qdoc: QTextDocument, writer: SurfaceWriter, paragraphs: list[FlatBlock]) -> None:
    """Replace the whole surface (restoring a revision) as one edit block."""
    cursor = QTextCursor(qdoc)
    cursor.beginEditBlock()
    cursor.select(QTextCursor.SelectionType.Document)
    cursor.removeSelectedText()
    writer.write_paragraphs(cursor, paragraphs, first_in_place=True)
    cursor.endEditBlock()
