"""Negotiation proposals recognised from formatting, shared by every importer.

Compilation texts mark a proposed deletion by striking it through and a proposed insertion
in bold (conventions §5.3). Penholder turns such spans into proposals:

* struck text -> a deletion; struck text followed by bold text -> a replacement;
* bold text is an insertion only when an attribution follows it, ``**text** (EU)``, because
  bold is also ordinary formatting (Chinese operative verbs are bold);
* an attribution tag ``(Author)`` or ``(Author; agreed ad ref)`` right after the span names
  the delegation; otherwise a footnote right after the span is the rationale, and its text
  may name the author ("… in regard to the proposal from a Member State").
"""

from __future__ import annotations

import hashlib
import re

from drafting.inline_ops import normalize
from drafting.model import (
    Footnote,
    Inline,
    Mark,
    NoteRef,
    Proposal,
    ProposalKind,
    ProposalSpan,
    ProposalStatus,
    Text,
    plain_text,
)

STATUS_WORDS = {
    "proposed": ProposalStatus.PROPOSED,
    "agreed ad ref": ProposalStatus.AGREED_AD_REF,
    "ad ref": ProposalStatus.AGREED_AD_REF,
    "accepted": ProposalStatus.ACCEPTED,
    "rejected": ProposalStatus.REJECTED,
    "withdrawn": ProposalStatus.WITHDRAWN,
}
STATUS_LABELS = {
    ProposalStatus.AGREED_AD_REF: "agreed ad ref",
    ProposalStatus.ACCEPTED: "accepted",
    ProposalStatus.REJECTED: "rejected",
    ProposalStatus.WITHDRAWN: "withdrawn",
}
_ATTRIBUTION = re.compile(r"^ ?\(([^()\d;:,.]{2,60}?)(?:;\s*([a-z ]+))?\)")
_AUTHOR_IN_RATIONALE = re.compile(
    r"(?:proposal|proposed|amendment)\s+(?:from|by|of)\s+(?:the\s+delegation\s+of\s+)?"
    r"(.+?)[\s.*]*$",
    re.IGNORECASE,
)


def author_from_rationale(footnote: Footnote | None) -> str | None:
    """The proposer named at the end of a rationale footnote, if any."""
    if footnote is None:
        return None
    match = _AUTHOR_IN_RATIONALE.search(plain_text(footnote.content).strip())
    return match.group(1).strip() if match else None


def attribution_tag(proposal: Proposal, footnotes: dict[str, Footnote]) -> str:
    """The ``(Author; status)`` tag an exporter writes after a proposal, or "" if not needed."""
    rationale = footnotes.get(proposal.rationale_footnote_id or "")
    author = proposal.author if proposal.author != author_from_rationale(rationale) else None
    status = STATUS_LABELS.get(proposal.status)
    if not author and not status:
        return ""
    if not author:
        author = "unattributed"
    return f" ({author}; {status})" if status else f" ({author})"


def recognise_proposals(
    content: list[Inline],
    footnotes: dict[str, Footnote],
    proposals: dict[str, Proposal],
) -> list[Inline]:
    """Turn struck / bold-and-attributed spans of ``content`` into proposal spans.

    New :class:`Proposal` records are added to ``proposals``.
    """
    if not any(isinstance(n, Text) and (Mark.STRIKE in n.marks or Mark.BOLD in n.marks) for n in content):
        return content
    nodes = list(content)
    out: list[Inline] = []
    i = 0
    while i < len(nodes):
        deleted, j = _take(nodes, i, Mark.STRIKE)
        inserted: list[Inline] = []
        if deleted:
            k = j + 1 if _is_space(nodes, j) else j
            more, k2 = _take(nodes, k, Mark.BOLD)
            if more:
                inserted, j = more, k2
        else:
            inserted, j = _take(nodes, i, Mark.BOLD)
        if not deleted and not inserted:
            out.append(nodes[i])
            i += 1
            continue
        author = status = None
        if j < len(nodes) and isinstance(nodes[j], Text) and (m := _ATTRIBUTION.match(nodes[j].text)):
            author, status = m.group(1).strip(), (m.group(2) or "").strip()
            rest = nodes[j].text[m.end() :]
            nodes[j] = Text(rest, nodes[j].marks)
        elif not deleted:  # bold without attribution is just bold
            out.extend(nodes[i:j])
            i = j
            continue
        rationale_id = None
        nxt = j
        while nxt < len(nodes) and isinstance(nodes[nxt], Text) and not nodes[nxt].text:
            nxt += 1
        if nxt < len(nodes) and isinstance(nodes[nxt], NoteRef):
            rationale_id = nodes[nxt].footnote_id
        if author == "unattributed":
            author = None
        if author is None:
            author = author_from_rationale(footnotes.get(rationale_id or ""))
        kind = (
            ProposalKind.REPLACE
            if deleted and inserted
            else ProposalKind.DELETE
            if deleted
            else ProposalKind.INSERT
        )
        proposal_id = _proposal_id(deleted, inserted, proposals)
        proposals[proposal_id] = Proposal(
            id=proposal_id,
            kind=kind,
            author=author,
            rationale_footnote_id=rationale_id,
            status=STATUS_WORDS.get(status or "", ProposalStatus.PROPOSED),
        )
        out.append(ProposalSpan(proposal_id, deleted, inserted))
        i = j
    return normalize(out)


def _take(nodes: list[Inline], start: int, mark: Mark) -> tuple[list[Inline], int]:
    """Consecutive runs carrying ``mark`` from ``start``, with the mark removed."""
    taken: list[Inline] = []
    j = start
    while j < len(nodes) and isinstance(nodes[j], Text) and mark in nodes[j].marks:
        node = nodes[j]
        taken.append(Text(node.text, node.marks - {mark}))
        j += 1
    if taken and not "".join(t.text for t in taken if isinstance(t, Text)).strip():
        return [], start
    return taken, j


def _is_space(nodes: list[Inline], j: int) -> bool:
    return j < len(nodes) and isinstance(nodes[j], Text) and nodes[j].text in (" ", "\u00a0")


def _proposal_id(deleted: list[Inline], inserted: list[Inline], existing: dict[str, Proposal]) -> str:
    seed = plain_text(deleted) + "\x00" + plain_text(inserted)
    base = "pr-" + hashlib.sha1(seed.encode("utf-8")).hexdigest()[:10]
    candidate, n = base, 1
    while candidate in existing:
        n += 1
        candidate = f"{base}-{n}"
    return candidate
