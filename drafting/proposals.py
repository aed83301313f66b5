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
    "bracketed": ProposalStatus.BRACKETED,
}
STATUS_LABELS = {
    ProposalStatus.AGREED_AD_REF: "agreed ad ref",
    ProposalStatus.ACCEPTED: "accepted",
    ProposalStatus.REJECTED: "rejected",
    ProposalStatus.WITHDRAWN: "withdrawn",
    ProposalStatus.BRACKETED: "bracketed",
}
_ATTRIBUTION = re.compile(r"^ ?\(([^()\d;:,.]{2,60}?)(?:;\s*([a-z ]+))?\)")
UNNAMED = "an unnamed delegation"
AGREED_TAG = " (agreed ad ref)"
"""Written after a paragraph agreed ad referendum (and read back by the importers), in the form
of the attribution tags that follow proposals ("(EU; agreed ad ref)"); square brackets would say
the opposite: not agreed."""
_ATTRIBUTION_NOTE = re.compile(
    r"^Proposed by (.+?)(?: \((agreed ad ref|accepted|rejected|withdrawn|bracketed)\))?\.$"
)
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
    attribution_notes: set[str] | None = None,
    suffixes: dict[str, int] | None = None,
) -> list[Inline]:
    """Turn struck / inserted-and-attributed spans of ``content`` into proposal spans.

    New :class:`Proposal` records are added to ``proposals``. A footnote that only says
    who proposed the span ("Proposed by the European Union.", as the DOCX export writes it)
    becomes the author and its reference is dropped; its id is added to
    ``attribution_notes`` so the caller can drop the footnote. Proposal spans already in
    the content (tracked changes) get the rationale footnote that follows them. An importer
    recognising the proposals of a whole document passes one ``suffixes`` dict to every call
    (see :func:`new_proposal_id`).
    """
    nodes = list(content)
    out: list[Inline] = []
    i = 0
    while i < len(nodes):
        node = nodes[i]
        if isinstance(node, ProposalSpan):
            out.append(node)
            i = _attach_rationale(nodes, i + 1, proposals.get(node.proposal_id), footnotes, attribution_notes)
            continue
        deleted, j = _take(nodes, i, (Mark.STRIKE,))
        inserted: list[Inline] = []
        if deleted:
            k = j + 1 if _is_space(nodes, j) else j
            more, k2 = _take(nodes, k, (Mark.UNDERLINE, Mark.BOLD))
            if more:
                inserted, j = more, k2
        else:
            inserted, j = _take(nodes, i, (Mark.UNDERLINE, Mark.BOLD))
        if not deleted and not inserted:
            out.append(node)
            i += 1
            continue
        author, status, j, attributed = _attribution(nodes, j, footnotes, attribution_notes)
        if not deleted and not attributed:  # bold or underline without attribution is formatting
            out.extend(nodes[i:j])
            i = j
            continue
        kind = proposal_kind(deleted, inserted)
        proposal_id = new_proposal_id(deleted, inserted, proposals, suffixes=suffixes)
        proposal = Proposal(
            proposal_id, kind, author=author, status=STATUS_WORDS.get(status or "", ProposalStatus.PROPOSED)
        )
        proposals[proposal_id] = proposal
        out.append(ProposalSpan(proposal_id, deleted, inserted))
        i = _attach_rationale(nodes, j, proposal, footnotes, attribution_notes)
    return normalize(out)


def _attribution(
    nodes: list[Inline], j: int, footnotes: dict[str, Footnote], attribution_notes: set[str] | None
) -> tuple[str | None, str | None, int, bool]:
    """An attribution right after a span: a ``(Author; status)`` tag or a "Proposed by" note.

    Returns author, status, the index after it, and whether there was one.
    """
    if j < len(nodes) and isinstance(nodes[j], Text) and (m := _ATTRIBUTION.match(nodes[j].text)):
        nodes[j] = Text(nodes[j].text[m.end() :], nodes[j].marks)
        author = m.group(1).strip()
        return (None if author == "unattributed" else author), (m.group(2) or "").strip(), j, True
    if j < len(nodes) and isinstance(nodes[j], NoteRef) and attribution_notes is not None:
        note = footnotes.get(nodes[j].footnote_id)
        match = _ATTRIBUTION_NOTE.match(plain_text(note.content).strip()) if note else None
        if match:
            attribution_notes.add(nodes[j].footnote_id)
            author = match.group(1)
            return (None if author == UNNAMED else author), match.group(2), j + 1, True
    return None, None, j, False


def _attach_rationale(
    nodes: list[Inline],
    j: int,
    proposal: Proposal | None,
    footnotes: dict[str, Footnote],
    attribution_notes: set[str] | None,
) -> int:
    """Give ``proposal`` the footnote that follows its span as rationale (and maybe author)."""
    if proposal is None:
        return j
    following = nodes[j] if j < len(nodes) else None
    author, status, after, attributed = _attribution(nodes, j, footnotes, attribution_notes)
    # A tracked change already names its author: a parenthesis after it that names someone else
    # is text ("… Police (INTERPOL)"), not an attribution tag.
    if attributed and proposal.author is not None and author not in (None, proposal.author):
        attributed = False
        if isinstance(following, Text):
            nodes[j] = following
    if attributed:
        proposal.author = proposal.author or author
        if status:
            proposal.status = STATUS_WORDS.get(status, proposal.status)
        j = after
    if j < len(nodes) and isinstance(nodes[j], NoteRef) and proposal.rationale_footnote_id is None:
        proposal.rationale_footnote_id = nodes[j].footnote_id
        if proposal.author is None:
            proposal.author = author_from_rationale(footnotes.get(nodes[j].footnote_id))
    return j


def _take(nodes: list[Inline], start: int, marks: tuple[Mark, ...]) -> tuple[list[Inline], int]:
    """Consecutive runs carrying one of ``marks`` (the first run's) from ``start``, mark removed.
    A space between two such runs is taken with them: markdown cannot close "**" after a space,
    so an insertion whose first word is italic is written "***Recalls*** **that …**"."""
    if start >= len(nodes) or not isinstance(nodes[start], Text):
        return [], start
    mark = next((m for m in marks if m in nodes[start].marks), None)
    if mark is None:
        return [], start
    taken: list[Inline] = []
    j = start
    while j < len(nodes) and isinstance(nodes[j], Text):
        node = nodes[j]
        if mark in node.marks:
            taken.append(Text(node.text, node.marks - {mark}))
        elif _is_space(nodes, j) and _marked(nodes, j + 1, mark):
            taken.append(node)
        else:
            break
        j += 1
    if not "".join(t.text for t in taken if isinstance(t, Text)).strip():
        return [], start
    return taken, j


def _marked(nodes: list[Inline], j: int, mark: Mark) -> bool:
    return j < len(nodes) and isinstance(nodes[j], Text) and mark in nodes[j].marks


def _is_space(nodes: list[Inline], j: int) -> bool:
    return j < len(nodes) and isinstance(nodes[j], Text) and nodes[j].text in (" ", "\u00a0")


def proposal_kind(deleted: list[Inline], inserted: list[Inline]) -> ProposalKind:
    if deleted and inserted:
        return ProposalKind.REPLACE
    return ProposalKind.DELETE if deleted else ProposalKind.INSERT


def new_proposal_id(
    deleted: list[Inline],
    inserted: list[Inline],
    existing: dict[str, Proposal],
    salt: str = "",
    suffixes: dict[str, int] | None = None,
) -> str:
    """An id derived from what the proposal changes (stable across imports), unique in ``existing``:
    the first of ``base``, ``base-2``, ``base-3`` … not in ``existing``.

    Ids are stored in files, so that rule stays; but probing from ``base`` every time made the
    *k*-th identical change cost *k* probes (20,000 identical tracked changes in a DOCX: 31 s,
    issue 14). An importer that adds many proposals to one dict passes ``suffixes``, where the
    next suffix to try for each base is remembered: the probe starts there, which gives the same
    id as long as ``existing`` only grows; a caller that removes a proposal from ``existing``
    calls :func:`release_proposal_id` with the same ``suffixes``.
    """
    seed = plain_text(deleted) + "\x00" + plain_text(inserted) + "\x00" + salt
    base = "pr-" + hashlib.sha1(seed.encode("utf-8")).hexdigest()[:10]
    n = suffixes.get(base, 1) if suffixes is not None else 1
    candidate = base if n == 1 else f"{base}-{n}"
    while candidate in existing:
        n += 1
        candidate = f"{base}-{n}"
    if suffixes is not None:
        suffixes[base] = n  # the id returned is not in ``existing`` yet: the caller adds it
    return candidate


def release_proposal_id(proposal_id: str, suffixes: dict[str, int]) -> None:
    """``proposal_id`` was removed from the dict ``suffixes`` belongs to: probe from it again."""
    base, _, number = proposal_id.rpartition("-")
    if base.startswith("pr-") and number.isdigit():  # pr-0123456789-3
        n = int(number)
    else:  # pr-0123456789
        base, n = proposal_id, 1
    if base in suffixes:
        suffixes[base] = min(suffixes[base], n)
