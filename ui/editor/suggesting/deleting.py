"""Deleting in suggesting mode (each key press one undo step, "Suggest deletion"): Backspace,
Delete, a word, to the paragraph's end, a selection. Ordinary text is struck, one's own pending
insertion really removed, text already struck skipped (see :mod:`.deletion_plan`); paragraphs
are never joined (the model has no proposed paragraph join): an empty one goes instead."""

from __future__ import annotations

from PySide6.QtGui import QTextBlock, QTextCursor

from drafting.model import Proposal, ProposalKind
from ui.editor import footnote_marker, formats, structure_ops
from ui.editor.suggesting.deletion_plan import Plan, apply_plan, plan_deletion, settle_shrunk
from ui.editor.suggesting.recorder import STRUCK, Recorder
from ui.editor.suggesting.steps import gesture, place_cursor
from ui.editor.suggesting.surface import block_end, format_at, unit_after, unit_before

_Move = QTextCursor.MoveOperation
_Keep = QTextCursor.MoveMode.KeepAnchor


def backspace(recorder: Recorder) -> None:
    """The character before the cursor struck (or removed), struck text skipped; at the start
    of a paragraph an empty paragraph goes, otherwise the cursor moves to the one before."""
    if delete_selection(recorder):
        return
    session, qdoc = recorder.session, recorder.qdoc
    cursor = session.text_cursor()
    block = cursor.block()
    position = start = cursor.position()
    while position > block.position():
        before = unit_before(qdoc, position)
        if recorder.category(format_at(qdoc, before))[0] != STRUCK:
            erase(recorder, before, position, cursor_at="start")
            return
        position = before  # already struck: skipped, as Word does
    if position != start:
        place_cursor(session, position)
    elif block.length() == 1 and block.previous().isValid():
        _remove_empty_block(recorder, block, cursor_to=block.previous())
    elif block.previous().isValid():
        place_cursor(session, block_end(block.previous()))


def delete_forward(recorder: Recorder) -> None:
    """Backspace's mirror: the character after the cursor; at the end of a paragraph an empty
    paragraph after it goes, otherwise the cursor moves to the next one."""
    if delete_selection(recorder):
        return
    session, qdoc = recorder.session, recorder.qdoc
    cursor = session.text_cursor()
    block = cursor.block()
    end = block_end(block)
    position = start = cursor.position()
    while position < end:
        after = unit_after(qdoc, position)
        if recorder.category(format_at(qdoc, position))[0] != STRUCK:
            erase(recorder, position, after, cursor_at="end")
            return
        position = after
    following = block.next()
    if position != start:
        place_cursor(session, position)
    elif following.isValid() and following.length() == 1:
        _remove_empty_block(recorder, following, cursor_to=block)
    elif following.isValid():
        place_cursor(session, following.position())


def delete_word(recorder: Recorder, *, backward: bool) -> None:
    """Ctrl+Backspace / Ctrl+Delete: to the start or end of the word, within the paragraph."""
    if delete_selection(recorder):
        return
    cursor = recorder.session.text_cursor()
    probe = QTextCursor(cursor)
    probe.movePosition(_Move.PreviousWord if backward else _Move.NextWord, _Keep)
    if probe.block() != cursor.block():
        probe.setPosition(cursor.block().position() if backward else block_end(cursor.block()), _Keep)
    if footnote_marker.inside_pair(recorder.qdoc, probe.position()):
        probe.setPosition(probe.position() + (-1 if backward else 1), _Keep)
    start, end = sorted((probe.anchor(), probe.position()))
    if start == end:
        (backspace if backward else delete_forward)(recorder)
        return
    erase(recorder, start, end, cursor_at="start" if backward else "end")


def delete_to_paragraph_end(recorder: Recorder, *, whole: bool) -> None:
    """Delete End of Line and Delete Complete Line: from the cursor (or, ``whole``, from the
    paragraph's start) to the paragraph's end."""
    cursor = recorder.session.text_cursor()
    block = cursor.block()
    start = block.position() if whole else cursor.position()
    if start < block_end(block):
        erase(recorder, start, block_end(block), cursor_at="end")


def delete_selection(recorder: Recorder) -> bool:
    """The selection deleted (Delete, Backspace or Cut with a selection); False without one."""
    cursor = recorder.session.text_cursor()
    if not cursor.hasSelection():
        return False
    start, end = sorted((cursor.anchor(), cursor.position()))
    erase(recorder, start, end, cursor_at="end")
    return True


def erase(recorder: Recorder, start: int, end: int, *, cursor_at: str) -> None:
    """Delete ``start``…``end`` as a suggestion: one undo step "Suggest deletion"."""
    session = recorder.session
    plan = plan_deletion(recorder, start, end)
    if not plan.strikes and not plan.removals:
        place_cursor(session, start if cursor_at == "start" else end)
        return
    records: dict[str, Proposal | None] = {}
    deletion = _adjacent_deletion(recorder, plan) if plan.strikes else None
    if plan.strikes and deletion is None:
        deletion = recorder.new_proposal(ProposalKind.DELETE)
        records[deletion.id] = deletion
    with gesture(session, "Suggest deletion"):
        apply_plan(recorder.qdoc, plan, deletion)
        records.update(settle_shrunk(recorder, plan, start, end))
        recorder.set_records(records)
    place_cursor(session, plan.new_position(start if cursor_at == "start" else end))


def _adjacent_deletion(recorder: Recorder, plan: Plan) -> Proposal | None:
    """One's own pending deletion right before or right after what is struck now: the new
    strikes join it (adjacent deletions are one proposal)."""
    first, last = plan.strikes[0], plan.strikes[-1]
    places = []
    if first.start > first.block.position():
        places.append(first.start - 1)
    if last.end < block_end(last.block):
        places.append(last.end)
    for at in places:
        category, proposal_id = recorder.category(format_at(recorder.qdoc, at))
        if category == STRUCK and recorder.is_own(proposal_id):
            return recorder.session.base.proposals[proposal_id or ""]
    return None


def _remove_empty_block(recorder: Recorder, block: QTextBlock, *, cursor_to: QTextBlock) -> None:
    """An empty paragraph holds nothing to propose: it goes (one undo step)."""
    session, qdoc = recorder.session, recorder.qdoc
    target_id = formats.id_of(cursor_to.blockFormat())
    at_end = cursor_to.blockNumber() < block.blockNumber()
    with gesture(session, "Delete empty paragraph"):
        edit = QTextCursor(qdoc)
        edit.beginEditBlock()
        structure_ops._remove_blocks(edit, block, block)
        edit.endEditBlock()
    target = structure_ops.find_block(qdoc, target_id) if target_id else None
    if target is not None:
        place_cursor(session, block_end(target) if at_end else target.position())
    session.structure_changed()
