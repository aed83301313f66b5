"""The state of a negotiation: every proposal as one row (who, where, what, status), status
changes as new records, and how many paragraphs are agreed or still have proposals pending.

Pure data, for the Proposals panel and the status bar of the window (``ui.proposals_panel``,
``ui.proposal_commands``) and anything else that reports on a compilation text.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from drafting.model import (
    Document,
    Inline,
    Proposal,
    ProposalKind,
    ProposalSpan,
    ProposalStatus,
    iter_inlines,
)
from drafting.model import plain_text as _plain_text
from drafting.numbering import BlockLabel

STATUS_NAMES: dict[ProposalStatus, str] = {
    ProposalStatus.PROPOSED: "pending",
    ProposalStatus.AGREED_AD_REF: "agreed ad ref",
    ProposalStatus.BRACKETED: "bracketed",
    ProposalStatus.ACCEPTED: "accepted",
    ProposalStatus.REJECTED: "rejected",
    ProposalStatus.WITHDRAWN: "withdrawn",
}
"""What the window calls each status, in the order its menus list them."""
OPEN_STATUSES = frozenset({ProposalStatus.PROPOSED, ProposalStatus.BRACKETED})
"""Still to be settled: a paragraph with such a proposal "has pending proposals"."""
GREYED_STATUSES = frozenset({ProposalStatus.REJECTED, ProposalStatus.WITHDRAWN})
"""Off the table although still in the text: shown greyed rather than in the delegation's colour."""

KIND_NAMES = {
    ProposalKind.INSERT: "insertion",
    ProposalKind.DELETE: "deletion",
    ProposalKind.REPLACE: "replacement",
}
MOVE = "move"
UNNAMED = "an unnamed delegation"
NOT_IN_TEXT = "not in the text"


@dataclass(frozen=True)
class SpanText:
    """One proposal span of a paragraph or footnote, as words."""

    proposal_id: str
    deleted: str
    inserted: str


def spans_in(content: list[Inline]) -> tuple[SpanText, ...]:
    """The proposal spans of ``content`` in order (spans nested in a span's text included)."""
    return tuple(
        SpanText(node.proposal_id, _plain_text(node.deleted), _plain_text(node.inserted))
        for node in iter_inlines(content)
        if isinstance(node, ProposalSpan)
    )


@dataclass(frozen=True)
class ProposalRow:
    """One line of the Proposals panel. A paragraph moved (two proposals linked by ``move_of``)
    is one row whose ``ids`` name both, the insertion first."""

    ids: tuple[str, ...]
    author: str | None
    kind: str
    """"insertion", "deletion", "replacement" or "move"."""
    place: str
    """Where it is: "OP 3", "PP 2", "footnote 4", "PP 2 → OP 5" (a move), or "not in the text"."""
    places: tuple[str, ...]
    """Every paragraph or footnote it touches (what the paragraph filter matches)."""
    block_id: str | None
    """The paragraph to go to (the first with a span of it), None if it is only in footnotes."""
    footnote_id: str | None
    """The footnote holding it, when it is in a footnote's text rather than a paragraph's."""
    deleted: str
    inserted: str
    status: ProposalStatus
    rationale: str
    date: str | None = None
    oral: str | None = None
    """An oral revision: the meeting at which it was read out (:attr:`Proposal.oral`)."""

    @property
    def proposal_id(self) -> str:
        return self.ids[0]

    @property
    def kind_label(self) -> str:
        """The kind as the panel shows it: "insertion", or "insertion (oral)" for an oral revision."""
        return f"{self.kind} (oral)" if self.oral else self.kind

    @property
    def delegation(self) -> str:
        return self.author or UNNAMED

    @property
    def status_name(self) -> str:
        return STATUS_NAMES[self.status]


def status_name(status: ProposalStatus) -> str:
    return STATUS_NAMES[status]


def shorten(text: str, limit: int = 60) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis in the middle."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    head = (limit - 1) * 2 // 3
    tail = limit - 1 - head
    return text[:head].rstrip() + "…" + text[len(text) - tail :].lstrip()


@dataclass
class _Found:
    places: list[str] = dataclasses.field(default_factory=list)
    block_id: str | None = None
    footnote_id: str | None = None
    deleted: list[str] = dataclasses.field(default_factory=list)
    inserted: list[str] = dataclasses.field(default_factory=list)
    order: int = 0


def block_spans(document: Document) -> dict[str, tuple[SpanText, ...]]:
    """Block id -> its proposal spans, for every paragraph of ``document`` in reading order."""
    return {block.id: spans_in(block.content) for block in document.iter_blocks()}


def footnote_spans(document: Document) -> dict[str, tuple[SpanText, ...]]:
    """Footnote id -> the proposal spans of its text."""
    return {note_id: spans_in(note.content) for note_id, note in document.footnotes.items()}


def proposal_rows(
    document: Document,
    labels: Mapping[str, BlockLabel],
    footnote_numbers: Mapping[str, int],
    spans: Mapping[str, tuple[SpanText, ...]] | None = None,
    note_spans: Mapping[str, tuple[SpanText, ...]] | None = None,
) -> list[ProposalRow]:
    """Every proposal of ``document`` as a row, in reading order (paragraphs, then footnotes by
    number, then records whose text is gone). ``spans`` and ``note_spans`` are
    :func:`block_spans` and :func:`footnote_spans` (a caller that keeps them per paragraph
    passes them); ``labels`` names the paragraphs ("OP 3")."""
    spans = block_spans(document) if spans is None else spans
    note_spans = footnote_spans(document) if note_spans is None else note_spans
    found: dict[str, _Found] = {}
    counter = 0

    def note(span: SpanText, place: str, block_id: str | None, footnote_id: str | None) -> None:
        nonlocal counter
        entry = found.get(span.proposal_id)
        if entry is None:
            counter += 1
            entry = found[span.proposal_id] = _Found(order=counter)
        if place not in entry.places:
            entry.places.append(place)
        if entry.block_id is None and entry.footnote_id is None:
            entry.block_id, entry.footnote_id = block_id, footnote_id
        if span.deleted:
            entry.deleted.append(span.deleted)
        if span.inserted:
            entry.inserted.append(span.inserted)

    for block_id, in_block in spans.items():
        if in_block:
            label = labels.get(block_id)
            for span in in_block:
                note(span, label.reference if label else "paragraph", block_id, None)
    for footnote_id in sorted(document.footnotes, key=lambda f: footnote_numbers.get(f, 1 << 30)):
        number = footnote_numbers.get(footnote_id)
        place = f"footnote {number}" if number else "footnote (not cited)"
        for span in note_spans.get(footnote_id, ()):
            note(span, place, None, footnote_id)

    proposals = document.proposals
    moved = {
        p.move_of: p.id
        for p in proposals.values()
        if p.move_of is not None and p.move_of in proposals and p.move_of != p.id
    }
    rows: list[tuple[int, ProposalRow]] = []
    for proposal in proposals.values():
        if proposal.id in moved and moved[proposal.id] in proposals:
            continue  # the deletion of a move: on the insertion's row
        entry = found.get(proposal.id) or _Found(order=1 << 30)
        rationale = proposal.rationale or _footnote_text(document, proposal.rationale_footnote_id)
        partner = proposals.get(proposal.move_of) if proposal.move_of in moved else None
        if partner is not None:
            other = found.get(partner.id) or _Found(order=1 << 30)
            row = ProposalRow(
                ids=(proposal.id, partner.id),
                author=proposal.author or partner.author,
                kind=MOVE,
                place=f"{_place(other)} → {_place(entry)}",
                places=tuple(dict.fromkeys(other.places + entry.places)),
                block_id=entry.block_id or other.block_id,
                footnote_id=entry.footnote_id if entry.block_id else other.footnote_id,
                deleted=" … ".join(other.deleted + entry.deleted),
                inserted=" … ".join(entry.inserted + other.inserted),
                status=proposal.status,
                rationale=rationale or _footnote_text(document, partner.rationale_footnote_id) or "",
                date=proposal.date or partner.date,
                oral=proposal.oral or partner.oral,
            )
            rows.append((min(entry.order, other.order), row))
            continue
        row = ProposalRow(
            ids=(proposal.id,),
            author=proposal.author,
            kind=KIND_NAMES[proposal.kind],
            place=_place(entry),
            places=tuple(entry.places),
            block_id=entry.block_id,
            footnote_id=entry.footnote_id,
            deleted=" … ".join(entry.deleted),
            inserted=" … ".join(entry.inserted),
            status=proposal.status,
            rationale=rationale or "",
            date=proposal.date,
            oral=proposal.oral,
        )
        rows.append((entry.order, row))
    rows.sort(key=lambda pair: pair[0])
    return [row for _order, row in rows]


def _place(entry: _Found) -> str:
    return ", ".join(entry.places) if entry.places else NOT_IN_TEXT


def _footnote_text(document: Document, footnote_id: str | None) -> str | None:
    footnote = document.footnotes.get(footnote_id or "")
    return " ".join(_plain_text(footnote.content).split()) if footnote is not None else None


def paragraph_counts(
    document: Document, spans: Mapping[str, tuple[SpanText, ...]] | None = None
) -> tuple[int, int]:
    """(paragraphs agreed ad ref, paragraphs with a proposal still pending or bracketed)."""
    spans = block_spans(document) if spans is None else spans
    agreed = sum(1 for block in document.iter_blocks() if block.agreed_ad_ref)
    proposals = document.proposals
    pending = 0
    for in_block in spans.values():
        if any(
            (p := proposals.get(span.proposal_id)) is not None and p.status in OPEN_STATUSES
            for span in in_block
        ):
            pending += 1
    return agreed, pending


def counts_text(agreed: int, pending: int) -> str:
    """The status bar's summary: "3 agreed ad ref · 5 with pending proposals"."""
    return f"{agreed} agreed ad ref · {pending} with pending proposals"


def with_status(
    proposals: Mapping[str, Proposal], ids: Iterable[str], status: ProposalStatus
) -> dict[str, Proposal]:
    """A new proposals table in which the proposals ``ids`` have ``status``: the records are
    new objects, so a table kept for undo still holds the old ones."""
    result = dict(proposals)
    for proposal_id in ids:
        if proposal_id in result:
            result[proposal_id] = dataclasses.replace(result[proposal_id], status=status)
    return result


def status_step_name(status: ProposalStatus, author: str | None, *, move: bool = False) -> str:
    """The undo step of a status change: "Withdraw proposal by Mexico", "Mark proposal by Japan
    agreed ad ref"."""
    what = f"{'move' if move else 'proposal'} by {author or UNNAMED}"
    if status is ProposalStatus.WITHDRAWN:
        return f"Withdraw {what}"
    if status is ProposalStatus.BRACKETED:
        return f"Bracket {what}"
    return f"Mark {what} {STATUS_NAMES[status]}"


def delegations(rows: Iterable[ProposalRow]) -> list[str]:
    """The delegations of ``rows`` in order of first appearance."""
    return list(dict.fromkeys(row.delegation for row in rows))
