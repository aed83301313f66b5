"""Accepting or rejecting one proposal in the text: the resolved model (from
:mod:`drafting.proposal_ops`) lands on the surface as one named undo step, editing only the
paragraphs that differ."""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafting.model import Document
from drafting.proposal_ops import accept_proposal, reject_proposal
from ui.editor import structure_ops
from ui.editor.writer import SurfaceWriter

if TYPE_CHECKING:
    from ui.document_session import DocumentSession


def apply_document(session: DocumentSession, document: Document, name: str) -> None:
    """Make the text ``document`` by editing only the paragraphs that differ (by id), as one
    step: how accepting or rejecting a proposal lands. Falls back to replacing everything when
    paragraphs were added."""
    current = session.document()
    old_blocks = {b.id: b for b in current.iter_blocks()}
    new_blocks = {b.id: b for b in document.iter_blocks()}
    if set(new_blocks) - set(old_blocks):
        session.replace_document(document, name)
        return
    writer = SurfaceWriter(document)
    with session.edit_step(name):
        session.set_outside_text(None, document)
        for block_id, block in old_blocks.items():
            if block_id not in new_blocks:
                structure_ops.delete_family(session.qdoc, block_id)
            elif new_blocks[block_id].content != block.content:
                structure_ops.replace_content(session.qdoc, writer, block_id, new_blocks[block_id].content)
    session.structure_changed()
    session.refresh()
    session.request_checks()


def resolve_proposal(session: DocumentSession, proposal_id: str, *, accept: bool) -> bool:
    """Accept or reject one proposal as one step ("Accept proposal by Mexico"); False if unknown."""
    document = session.document()
    proposal = document.proposals.get(proposal_id)
    if proposal is None:
        return False
    who = proposal.author or "an unnamed delegation"
    resolved = (accept_proposal if accept else reject_proposal)(document, proposal_id)
    apply_document(session, resolved, f"{'Accept' if accept else 'Reject'} proposal by {who}")
    return True
