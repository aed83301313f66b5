"""Whole paragraphs in suggesting mode: Enter and Ctrl+Enter (an empty paragraph, or inside a
paragraph the proposed split: the rest struck, and a new paragraph holding it inserted in full,
the two linked as a move), paragraphs proposed in full after another, and the text of a
paragraph as it reads now, which a split or a move carries along."""

from __future__ import annotations

import dataclasses

from PySide6.QtGui import QTextBlock, QTextCharFormat, QTextCursor

from drafting.inline_ops import normalize
from drafting.model import BlockKind, Inline, NoteRef, Proposal, ProposalKind, ProposalSpan, Text
from ui.editor import formats, structure_ops
from ui.editor.reader import fresh_block_id
from ui.editor.suggesting.deletion_plan import apply_plan, pieces, plan_deletion, settle_shrunk
from ui.editor.suggesting.recorder import INSERTED, STRUCK, Recorder
from ui.editor.suggesting.steps import gesture, place_cursor
from ui.editor.suggesting.surface import block_end
from ui.editor.writer import FlatBlock, SurfaceWriter


def new_paragraph(recorder: Recorder, kind: str = "") -> None:
    """Enter / Ctrl+Enter. An empty paragraph holds nothing to propose yet: what is typed into
    it is a paragraph proposed in full. Enter inside a paragraph proposes the split."""
    session = recorder.session
    cursor = session.text_cursor()
    if cursor.hasSelection():
        cursor.setPosition(max(cursor.anchor(), cursor.position()))
        session.set_text_cursor(cursor)
    block = cursor.block()
    position = cursor.position()
    rest = [p for p in pieces(recorder, position, block_end(block)) if p.category != STRUCK]
    if not kind and not rest and position != block_end(block):
        # Only struck text follows: the new paragraph goes after it, never through it (a real
        # split would move struck words into another paragraph with nothing to undo it by).
        cursor.setPosition(block_end(block))
    if kind or position in (block.position(), block_end(block)) or not rest:
        name = "New operative paragraph" if kind == BlockKind.OPERATIVE.value else "New paragraph"
        with gesture(session, name):
            cursor = structure_ops.new_paragraph(cursor, kind, resolution=session.is_resolution)
        session.set_text_cursor(cursor)
        session.structure_changed()
        return
    _split(recorder, block, position)


def _split(recorder: Recorder, block: QTextBlock, position: int) -> None:
    """Enter inside a paragraph: the rest struck here (removed where it is one's own) and
    inserted in full as a new paragraph after it, the two linked as a move."""
    end = block_end(block)
    content = current_content(recorder, position, end)
    plan = plan_deletion(recorder, position, end)
    records: dict[str, Proposal | None] = {}
    deletion = None
    if plan.strikes:
        deletion = recorder.new_proposal(ProposalKind.DELETE)
        records[deletion.id] = deletion
    insertion = recorder.new_proposal(ProposalKind.INSERT, move_of=deletion.id if deletion else None)
    records[insertion.id] = insertion
    writer = recorder.writer_with(records)
    with gesture(recorder.session, "Suggest new paragraph"):
        apply_plan(recorder.qdoc, plan, deletion)
        block = recorder.qdoc.findBlock(position)
        write_paragraphs_after(recorder, block, writer, [content], insertion.id)
        records.update(settle_shrunk(recorder, plan, position, end))
        recorder.set_records(records)
    place_cursor(recorder.session, block.next().position())
    recorder.session.structure_changed()


def current_content(recorder: Recorder, start: int, end: int) -> list[Inline]:
    """The text of ``start``…``end`` (one paragraph) as it reads now, without what is struck:
    marks and footnote references kept, proposals left out."""
    out: list[Inline] = []
    for piece in pieces(recorder, start, end):
        if piece.category == STRUCK:
            continue
        fmt = piece.fmt
        text = piece.block.text()[piece.start - piece.block.position() : piece.end - piece.block.position()]
        if fmt.objectType() == formats.FOOTNOTE_OBJECT:
            note = fmt.property(formats.NOTE_ID)
            if isinstance(note, str) and note:
                out.extend(NoteRef(note) for _ in text)
            continue
        if formats.is_joiner(fmt):
            text = text.replace(formats.JOINER, "")
        text = text.replace(formats.OBJECT_CHAR, "").replace("\u2028", " ")
        out.append(Text(text, formats.marks_of(fmt)))
    return normalize(out)


def write_paragraphs_after(
    recorder: Recorder,
    block: QTextBlock,
    writer: SurfaceWriter,
    paragraphs: list[list[Inline]],
    proposal_id: str,
) -> int:
    """Paragraphs proposed in full after ``block`` (of its kind); the position at the end of
    the last one."""
    fmt = block.blockFormat()
    kind = formats.kind_of(fmt)
    if kind in (formats.TITLE, formats.ORGAN_LINE):
        kind = BlockKind.PREAMBULAR.value if recorder.session.is_resolution else BlockKind.PARAGRAPH.value
    edit = QTextCursor(recorder.qdoc)
    edit.beginEditBlock()
    edit.setPosition(block_end(block))
    for content in paragraphs:
        edit.insertBlock(
            formats.block_format(kind, block_id=fresh_block_id(), depth=formats.depth_of(fmt)),
            QTextCharFormat(),
        )
        if content:
            writer.write_inlines(edit, content, (proposal_id, INSERTED))
    edit.endEditBlock()
    return edit.position()


def insert_paragraphs(recorder: Recorder, paragraphs: list[FlatBlock], name: str) -> None:
    """Whole paragraphs inserted after the current one (a standard paragraph from the palette):
    proposed in full, one proposal."""
    session = recorder.session
    proposal = recorder.new_proposal(ProposalKind.INSERT)
    wrapped = [
        dataclasses.replace(p, content=[ProposalSpan(proposal.id, [], list(p.content))] if p.content else [])
        for p in paragraphs
    ]
    writer = recorder.writer_with({proposal.id: proposal})
    with gesture(session, name):
        cursor = structure_ops.insert_paragraphs_after(session.text_cursor(), writer, wrapped)
        if any(p.content for p in paragraphs):
            recorder.set_records({proposal.id: proposal})
    session.set_text_cursor(cursor)
    session.structure_changed()
