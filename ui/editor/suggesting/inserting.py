"""Typing and inserting in suggesting mode. Typed text is an insertion; typing next to one's
own pending insertion extends it, so a typing run is one proposal and, as ordinary typing, one
undo step. Typing over a selection, a paste, a spelling correction or an opening phrase is one
proposal: a replacement when something is struck, an insertion otherwise."""

from __future__ import annotations

from PySide6.QtGui import QTextCharFormat, QTextCursor

from drafting.model import Footnote, Inline, Proposal, ProposalKind
from ui.editor import formats
from ui.editor.suggesting.deletion_plan import Plan, apply_plan, plan_deletion, settle_shrunk
from ui.editor.suggesting.recorder import INSERTED, OWN, Recorder, proposal_format
from ui.editor.suggesting.steps import gesture, place_cursor
from ui.editor.suggesting.surface import block_end, enclosure, format_at, marks_base, text_format
from ui.editor.suggesting.whole_paragraphs import write_paragraphs_after


def type_text(recorder: Recorder, text: str) -> None:
    """Typed text as an insertion (extending one's own insertion at the cursor), or with a
    selection, a replacement."""
    if not text:
        return
    cursor = recorder.session.text_cursor()
    if cursor.hasSelection():
        start, end = sorted((cursor.anchor(), cursor.position()))
        replace(recorder, start, end, typed=text)
        return
    position = cursor.position()
    extension = _extension_at(recorder, position)
    if extension is not None:
        _proposal_id, fmt = extension
        with gesture(recorder.session, "Suggest insertion"):
            edit = QTextCursor(recorder.qdoc)
            edit.setPosition(position)
            edit.insertText(text, fmt)
    else:
        proposal = recorder.new_proposal(ProposalKind.INSERT)
        fmt = _inserted_format(recorder, position, proposal)
        with gesture(recorder.session, "Suggest insertion"):
            edit = QTextCursor(recorder.qdoc)
            edit.setPosition(position)
            edit.insertText(text, fmt)  # first, so that the record's refresh reads it
            recorder.set_records({proposal.id: proposal})
    place_cursor(recorder.session, position + len(text))


def _inserted_format(recorder: Recorder, position: int, proposal: Proposal) -> QTextCharFormat:
    """The format of text newly proposed at ``position``: nested in the insertion around it."""
    fmt = proposal_format(marks_base(recorder.qdoc, position), proposal, INSERTED)
    return formats.set_outer(fmt, enclosure(recorder.qdoc, position))


def _extension_at(recorder: Recorder, position: int) -> tuple[str, QTextCharFormat] | None:
    """The own pending insertion typing at ``position`` extends (it is in it, right after it or
    right before it), with the format to type in."""
    block = recorder.qdoc.findBlock(position)
    candidates = []
    if position > block.position():
        candidates.append(position - 1)
    if position < block_end(block):
        candidates.append(position)
    for at in candidates:
        fmt = format_at(recorder.qdoc, at)
        category, proposal_id = recorder.category(fmt)
        if category == OWN and proposal_id is not None:
            return proposal_id, text_format(fmt)
    return None


def replace(
    recorder: Recorder,
    start: int,
    end: int,
    *,
    typed: str | None = None,
    content: list[Inline] | None = None,
    paragraphs: list[list[Inline]] | None = None,
    footnotes: dict[str, Footnote] | None = None,
    name: str | None = None,
) -> None:
    """``start``…``end`` struck (or removed) and new text inserted after it, as one proposal (a
    replacement when something was struck) and one undo step. ``typed`` text takes the marks of
    the text it replaces; ``content`` is written as it is; ``paragraphs`` follow as paragraphs
    proposed in full after the paragraph of the insertion."""
    session, qdoc = recorder.session, recorder.qdoc
    plan = plan_deletion(recorder, start, end) if end > start else Plan()
    base = marks_base(qdoc, start + 1 if end > start else start)
    at = plan.new_position(end)
    if name is None:
        name = "Suggest replacement" if plan.strikes else "Suggest insertion"
    records: dict[str, Proposal | None] = {}
    with gesture(session, name):
        proposal: Proposal | None = None
        if plan.strikes:
            proposal = recorder.new_proposal(ProposalKind.REPLACE)
            apply_plan(qdoc, plan, proposal)
        elif plan.removals:
            apply_plan(qdoc, plan, None)
        extension = _extension_at(recorder, at) if typed is not None and proposal is None else None
        if extension is not None:
            proposal_id, fmt = extension
            proposal = session.base.proposals[proposal_id]
        else:
            proposal = proposal or recorder.new_proposal(ProposalKind.INSERT)
            fmt = formats.set_outer(proposal_format(base, proposal, INSERTED), enclosure(qdoc, at))
            records[proposal.id] = proposal
        writer = recorder.writer_with({proposal.id: proposal})
        edit = QTextCursor(qdoc)
        edit.setPosition(at)
        if typed is not None:
            edit.insertText(typed, fmt)
        elif content:
            edit.beginEditBlock()
            writer.write_inlines(edit, content, (proposal.id, INSERTED), formats.outer_of(fmt))
            edit.endEditBlock()
        position = edit.position()
        if paragraphs:
            position = write_paragraphs_after(recorder, edit.block(), writer, paragraphs, proposal.id)
        shrunk = settle_shrunk(recorder, plan, start, end)
        shrunk.pop(proposal.id, None)  # typing goes on in it: it is not emptied
        records.update(shrunk)
        recorder.set_records(records, footnotes)
    place_cursor(session, position)
    if paragraphs:
        session.structure_changed()
        session.refresh()
