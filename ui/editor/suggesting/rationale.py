"""The rationale of a proposal ("Add rationale…" in the context menu): why the delegation
proposes the change, kept in the proposal's record and shown in its tooltip."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QInputDialog, QWidget

from ui.editor.suggesting.recorder import restyle, with_proposals

if TYPE_CHECKING:
    from ui.document_session import DocumentSession


def set_rationale(session: DocumentSession, proposal_id: str, rationale: str) -> bool:
    """Give a proposal its rationale (an empty one removes it): one undo step; the proposal's
    tooltip shows it. False for a proposal the document does not have."""
    proposal = session.base.proposals.get(proposal_id)
    if proposal is None:
        return False
    text = rationale.strip() or None
    if text == proposal.rationale:
        return True
    record = dataclasses.replace(proposal, rationale=text)
    document = with_proposals(session.base, {proposal_id: record})
    with session.edit_step("Add rationale" if text else "Remove rationale"):
        session.set_outside_text(None, document)
        restyle(session.qdoc, proposal_id, record)
    session.refresh()
    return True


def ask_rationale(parent: QWidget, session: DocumentSession, proposal_id: str) -> bool:
    """ "Add rationale…": ask for the proposal's rationale and set it; False if cancelled."""
    proposal = session.base.proposals.get(proposal_id)
    if proposal is None:
        return False
    who = proposal.author or "an unnamed delegation"
    text, ok = QInputDialog.getMultiLineText(
        parent, "Rationale", f"Why {who} proposes this change:", proposal.rationale or ""
    )
    return bool(ok) and set_rationale(session, proposal_id, text)
