"""Moving a paragraph in suggesting mode (Alt+Shift+Up/Down, the outline's drag): the paragraph
(with its subparagraphs) deleted in full where it was, a copy inserted in full where it goes,
the insertion's ``move_of`` naming the deletion. Moving one's own pending insertion (a copy just
moved, a paragraph just proposed) is no suggestion: it simply moves, so that pressing
Alt+Shift+Up three times is one move."""

from __future__ import annotations

import dataclasses

from PySide6.QtGui import QTextCursor

from drafting.model import Proposal, ProposalKind, ProposalSpan
from ui.editor import formats, structure_ops
from ui.editor.reader import fresh_block_id
from ui.editor.suggesting.deletion_plan import Plan, apply_plan, pieces, plan_deletion, settle_shrunk
from ui.editor.suggesting.recorder import OWN, Recorder
from ui.editor.suggesting.steps import gesture
from ui.editor.suggesting.surface import block_end
from ui.editor.suggesting.whole_paragraphs import current_content


def is_tracked_move(recorder: Recorder, block_id: str) -> bool:
    """Whether the paragraph (with its subparagraphs) holds anything but the user's own
    pending insertion, so that moving it is a suggestion."""
    blocks = structure_ops.family(recorder.qdoc, block_id)
    if not blocks:
        return False
    found = pieces(recorder, blocks[0].position(), block_end(blocks[-1]))
    return any(p.category != OWN for p in found)


def move(recorder: Recorder, block_id: str, before_id: str, offset: int = 0) -> bool:
    """Move a paragraph as a suggestion: deleted in full where it is, a copy inserted in full
    before ``before_id`` ("" = after the last of its kind), the insertion naming the deletion
    (``move_of``). One undo step, "Suggest moving OP 5"; the cursor goes to the copy, ``offset``
    into it. False when there is nothing to move."""
    session, qdoc = recorder.session, recorder.qdoc
    blocks = structure_ops.family(qdoc, block_id)
    if not blocks or before_id in {formats.id_of(b.blockFormat()) for b in blocks}:
        return False
    if before_id and structure_ops.find_block(qdoc, before_id) is None:
        return False
    _labels, references = session.editor.labels()
    name = references[blocks[0].blockNumber()] if blocks[0].blockNumber() < len(references) else "paragraph"
    deletion = recorder.new_proposal(ProposalKind.DELETE)
    insertion = recorder.new_proposal(ProposalKind.INSERT, move_of=deletion.id)
    copies = []
    for flat, block in zip(structure_ops.flat_family(blocks), blocks, strict=True):
        content = current_content(recorder, block.position(), block_end(block))
        if not content and block.length() > 1:
            continue  # struck in full already: nothing of it moves
        wrapped = [ProposalSpan(insertion.id, [], content)] if content else []
        copies.append(dataclasses.replace(flat, block_id=fresh_block_id(), content=wrapped))
    if not any(c.content for c in copies):
        return False  # nothing left to move: it is all struck
    kind = formats.kind_of(blocks[0].blockFormat())
    parent_id = structure_ops.family_parent_id(blocks) if not before_id else None
    old_ids = [formats.id_of(b.blockFormat()) or "" for b in blocks]
    writer = recorder.writer_with({deletion.id: deletion, insertion.id: insertion})
    with gesture(session, f"Suggest moving {name}"):
        edit = QTextCursor(qdoc)
        edit.beginEditBlock()
        structure_ops.place_paragraphs(edit, writer, copies, kind, before_id, parent_id)
        edit.endEditBlock()
        first = structure_ops.find_block(qdoc, old_ids[0])
        last = structure_ops.find_block(qdoc, old_ids[-1])
        old_start, old_end = (first.position(), block_end(last)) if first and last else (0, 0)
        plan = plan_deletion(recorder, old_start, old_end) if first and last else Plan()
        apply_plan(qdoc, plan, deletion)
        records: dict[str, Proposal | None] = {insertion.id: insertion}
        if plan.strikes:
            records[deletion.id] = deletion
        else:
            records[insertion.id] = dataclasses.replace(insertion, move_of=None)
        records.update(settle_shrunk(recorder, plan, old_start, old_end))
        recorder.set_records(records)
    session.structure_changed()
    session.refresh()
    session.request_checks()
    session.goto_block(copies[0].block_id, offset)
    return True
