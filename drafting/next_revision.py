"""Making the next revision of a negotiated text ("Rev.N") and its redline against the previous one.

After a round of negotiation the penholder issues Rev.N: what was agreed goes in, what was turned
down goes out, and what is still open either stays as proposals (an informal working text) or is
written into the text in square brackets (the form in which undecided text circulates: brackets
mark text not yet agreed, and alternative versions are all bracketed — conventions §5.3). The
GA's submission guidelines ask that a revision be shown against the previous draft with Word
Track Changes: :func:`redline_docx` makes that file.

Proposals by status:

* accepted and agreed ad ref: applied;
* rejected and withdrawn: dropped;
* pending ("proposed") and bracketed: kept as proposals, or — ``pending="brackets"`` — written
  into the text: a pending insertion as ``[inserted]``, a deletion as ``[deleted]``, a
  replacement as ``[deleted] [inserted]`` (both versions, bracketed), and their records dropped.

The two halves of a moved paragraph (:attr:`Proposal.move_of`) are settled together, by the
insertion's status.
"""

from __future__ import annotations

import copy
import datetime
from dataclasses import dataclass
from typing import Literal

from drafting.inline_ops import normalize
from drafting.model import Document, Inline, Proposal, ProposalSpan, ProposalStatus, Text
from drafting.proposal_ops import accept_proposal, reject_all, reject_proposal
from drafting.revisions import add_revision, suggest_next_name
from drafting.storage import PenholderFile

Pending = Literal["keep", "brackets"]
APPLIED = frozenset({ProposalStatus.ACCEPTED, ProposalStatus.AGREED_AD_REF})
DROPPED = frozenset({ProposalStatus.REJECTED, ProposalStatus.WITHDRAWN})


@dataclass
class NextRevision:
    name: str
    """"Rev.1", "Rev.2", …: after the highest "Rev.N" the file keeps."""
    previous: Document
    """The text it revises, clean: the newest revision kept in the file (or, in a file with none,
    the current text) with its proposals rejected."""
    document: Document
    """The new text."""
    applied: int
    dropped: int
    open: int
    """Proposals still open: kept as proposals, or written in brackets."""


def next_revision_text(document: Document, *, pending: Pending = "keep") -> tuple[Document, int, int, int]:
    """The text of the next revision, and how many proposals were applied, dropped and left open."""
    result = copy.deepcopy(document)
    applied = dropped = 0
    for proposal_id in document.proposals:
        status = _settling_status(document, proposal_id)
        if proposal_id not in result.proposals:
            continue  # settled with the other half of its move
        if status in APPLIED:
            result = accept_proposal(result, proposal_id)
            applied += 1
        elif status in DROPPED:
            result = reject_proposal(result, proposal_id)
            dropped += 1
        else:
            continue
        partner = _partner(document, proposal_id)
        if partner is not None and partner in result.proposals:
            result = (accept_proposal if status in APPLIED else reject_proposal)(result, partner)
    still_open = len(result.proposals)
    if pending == "brackets":
        _bracket_open_proposals(result)
    return result, applied, dropped, still_open


def make_next_revision(
    pf: PenholderFile, *, pending: Pending = "keep", date: str | None = None, name: str | None = None
) -> NextRevision:
    """Make the next revision of ``pf``'s text: it becomes the current text and is kept in the
    file under its name ("Rev.1"); the text as negotiated stays in the file too, kept before it
    under "<name> (as negotiated)" when it differs from the newest revision kept."""
    date = date or datetime.date.today().isoformat()
    previous = reject_all(pf.revisions[-1].document if pf.revisions else pf.document)
    document, applied, dropped, still_open = next_revision_text(pf.document, pending=pending)
    name = (name or "").strip() or suggest_next_name(pf)
    if name == "zero draft":
        name = "Rev.1"
    if not pf.revisions or pf.revisions[-1].document != pf.document:
        add_revision(pf, f"{name} (as negotiated)", pf.document, date)
    add_revision(pf, name, document, date)
    pf.document = copy.deepcopy(document)
    return NextRevision(name, previous, document, applied, dropped, still_open)


def as_orally_revised(document: Document) -> Document:
    """The text "as orally revised": the oral revisions (proposals read out at a meeting) applied,
    every other proposal left as it is; the adoption record then cites the draft "as orally
    revised"."""
    result = copy.deepcopy(document)
    for proposal_id, proposal in document.proposals.items():
        if _oral(proposal) and proposal_id in result.proposals:
            result = accept_proposal(result, proposal_id)
    return result


def _oral(proposal: Proposal) -> bool:
    """An oral revision still standing: one rejected or withdrawn (an objection from the floor,
    a sponsor taking it back) is not applied."""
    return proposal.oral is not None and proposal.status not in (
        ProposalStatus.REJECTED,
        ProposalStatus.WITHDRAWN,
    )


def oral_revisions(document: Document) -> list[Proposal]:
    """The oral revisions of ``document`` still standing, one per change read out: a moved paragraph (two
    records, the insertion naming the deletion) counts once, by its insertion."""
    proposals = document.proposals.values()
    moved = {p.move_of for p in proposals if p.move_of is not None and _oral(p)}
    return [p for p in proposals if _oral(p) and p.id not in moved]


def oral_summary(document: Document) -> str | None:
    """ "3 oral revisions applied (52nd plenary meeting)", or None when there are none."""
    revisions = oral_revisions(document)
    if not revisions:
        return None
    meetings = "; ".join(dict.fromkeys(p.oral or "" for p in revisions))
    noun = "oral revision" if len(revisions) == 1 else "oral revisions"
    return f"{len(revisions)} {noun} applied ({meetings})"


def redline_docx(old: Document, new: Document, author: str, timestamp: str) -> bytes:
    """A Word file of ``new`` with the changes from ``old`` as tracked changes by ``author``
    (the GA's required form for a revised draft), as ``penholder compare -o X.docx`` writes it."""
    from drafting.compare import compare
    from drafting.compare.redline import redline_document
    from drafting.exporters import DocxOptions, export_docx

    redline = redline_document(compare(reject_all(old), reject_all(new)), author, timestamp)
    options = DocxOptions(proposals="tracked", timestamp=timestamp)
    return export_docx(redline.document, options, redline.deleted_labels, redline.moves).data


def _partner(document: Document, proposal_id: str) -> str | None:
    """The other half of a moved paragraph, if ``proposal_id`` is one."""
    proposal = document.proposals[proposal_id]
    if proposal.move_of is not None:
        return proposal.move_of
    return next((p.id for p in document.proposals.values() if p.move_of == proposal_id), None)


def _settling_status(document: Document, proposal_id: str) -> ProposalStatus:
    """A move is settled by its insertion's status (the half the user sees at the new place)."""
    proposal = document.proposals[proposal_id]
    if proposal.move_of is None:
        partner = _partner(document, proposal_id)
        if partner is not None:
            return document.proposals[partner].status
    return proposal.status


def _bracket_open_proposals(document: Document) -> None:
    for block in document.iter_blocks():
        block.content = _bracketed(block.content)
    for footnote in document.footnotes.values():
        footnote.content = _bracketed(footnote.content)
    document.proposals = {}


def _bracketed(content: list[Inline]) -> list[Inline]:
    out: list[Inline] = []
    for node in content:
        if not isinstance(node, ProposalSpan):
            out.append(node)
            continue
        deleted, inserted = _bracketed(node.deleted), _bracketed(node.inserted)
        if deleted:
            out += [Text("["), *deleted, Text("]")]
        if deleted and inserted:
            out.append(Text(" "))
        if inserted:
            out += [Text("["), *inserted, Text("]")]
    return normalize(out)
