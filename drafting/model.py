"""The document model: what a resolution, draft or concept paper *is*, independent of any file.

Design rules (SPEC §2):

* Operative numbers, subparagraph labels, list numbers and footnote numbers are never stored;
  they are derived from order by :mod:`drafting.numbering`.
* A footnote reference points at a :class:`Footnote` object by id, so a footnote can be cited
  several times and survives reordering.
* A proposal is data: an inline :class:`ProposalSpan` holds the text it would delete and the
  text it would insert, and :class:`Proposal` holds who, why and its status.
* Every block, footnote and proposal has a stable id that survives edits, moves and saves.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum


class Mark(StrEnum):
    """Character formatting carried by a text run."""

    ITALIC = "italic"
    BOLD = "bold"
    UNDERLINE = "underline"
    STRIKE = "strike"
    SUPERSCRIPT = "superscript"


class DocumentKind(StrEnum):
    RESOLUTION = "resolution"
    DRAFT_RESOLUTION = "draft_resolution"
    CONCEPT_PAPER = "concept_paper"
    PLAIN = "plain"


class BlockKind(StrEnum):
    HEADING = "heading"
    PREAMBULAR = "preambular"
    OPERATIVE = "operative"
    SUBPARAGRAPH = "subparagraph"
    LIST_ITEM = "list_item"
    PARAGRAPH = "paragraph"


class ProposalKind(StrEnum):
    INSERT = "insert"
    DELETE = "delete"
    REPLACE = "replace"


class ProposalStatus(StrEnum):
    PROPOSED = "proposed"
    AGREED_AD_REF = "agreed_ad_ref"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    BRACKETED = "bracketed"
    """Disputed: kept in square brackets in the text until the negotiators settle it."""


@dataclass
class Text:
    """A run of text with its marks."""

    text: str
    marks: frozenset[Mark] = frozenset()


@dataclass
class NoteRef:
    """A footnote reference: points at a footnote by id, never by number."""

    footnote_id: str


@dataclass
class ProposalSpan:
    """Where a proposal sits in the text: what it would delete and what it would insert."""

    proposal_id: str
    deleted: list[Inline] = field(default_factory=list)
    inserted: list[Inline] = field(default_factory=list)


Inline = Text | NoteRef | ProposalSpan


@dataclass
class Footnote:
    id: str
    content: list[Inline] = field(default_factory=list)


@dataclass
class Proposal:
    id: str
    kind: ProposalKind
    author: str | None = None
    rationale: str | None = None
    rationale_footnote_id: str | None = None
    status: ProposalStatus = ProposalStatus.PROPOSED
    date: str | None = None
    move_of: str | None = None
    """A paragraph moved is two proposals: deleted where it was, inserted where it goes. The
    insertion names the deletion here, so that both are shown, accepted and rejected together."""
    oral: str | None = None
    """An oral revision: read out by the sponsor at this meeting ("77th plenary meeting") when
    the draft was introduced or before action (:func:`drafting.next_revision.as_orally_revised`)."""


@dataclass
class Block:
    """A paragraph-level unit. Operative paragraphs hold their subparagraphs as children."""

    id: str
    kind: BlockKind
    content: list[Inline] = field(default_factory=list)
    children: list[Block] = field(default_factory=list)
    numbered: bool = True
    """Headings: whether the heading carries a section numeral (I., II., ...)."""
    alternative_to: str | None = None
    """An alternative version of the paragraph with this id, proposed in its place ("OP 5 alt"):
    it follows that paragraph (or its other alternatives) and takes no number of its own."""
    agreed_ad_ref: bool = False
    """The negotiators agreed this paragraph ad referendum (subject to the whole text)."""


@dataclass
class Masthead:
    """Everything above and below the body that identifies the document."""

    organization: str | None = None
    organ: str | None = None
    symbol: str | None = None
    distribution: str | None = None
    date: str | None = None
    original_language: str | None = None
    session: str | None = None
    agenda_item: str | None = None
    agenda_title: str | None = None
    adoption_heading: str | None = None
    provenance: str | None = None
    sponsors: list[str] = field(default_factory=list)
    designation: str | None = None
    """What the sponsors line calls the text: "draft resolution", "revised draft resolution"."""
    sponsors_note: str | None = None
    title: str | None = None
    organ_line: str | None = None
    adoption_meeting: str | None = None
    adoption_date: str | None = None
    job_number: str | None = None
    """The printed document's job number ("25-18947"), read from its first page; the Word
    export prints it with the barcode line at the foot of page 1."""


@dataclass
class Document:
    kind: DocumentKind = DocumentKind.PLAIN
    language: str = "en"
    masthead: Masthead = field(default_factory=Masthead)
    front: list[Block] = field(default_factory=list)
    """Covering material before the title (a note verbale, a letter), kept as text."""
    blocks: list[Block] = field(default_factory=list)
    footnotes: dict[str, Footnote] = field(default_factory=dict)
    proposals: dict[str, Proposal] = field(default_factory=dict)

    def iter_blocks(self) -> Iterator[Block]:
        """All blocks in reading order, front matter first, children after their parent."""
        yield from _walk(self.front)
        yield from _walk(self.blocks)

    def block(self, block_id: str) -> Block:
        for block in self.iter_blocks():
            if block.id == block_id:
                return block
        raise KeyError(block_id)

    @property
    def preambular(self) -> list[Block]:
        return [b for b in self.blocks if b.kind is BlockKind.PREAMBULAR]

    @property
    def operative(self) -> list[Block]:
        return [b for b in self.blocks if b.kind is BlockKind.OPERATIVE]


def _walk(blocks: list[Block]) -> Iterator[Block]:
    for block in blocks:
        yield block
        yield from _walk(block.children)


def iter_inlines(content: list[Inline]) -> Iterator[Inline]:
    """Inline nodes in order, descending into proposal spans (deleted text first)."""
    for node in content:
        yield node
        if isinstance(node, ProposalSpan):
            yield from iter_inlines(node.deleted)
            yield from iter_inlines(node.inserted)


def plain_text(content: list[Inline], *, proposals: str = "current") -> str:
    """The text of inline content without marks or footnote markers.

    ``proposals`` chooses what a proposal span contributes: ``"current"`` the text as it
    stands (deleted text kept, insertions left out), ``"accepted"`` the text with the
    proposal applied, ``"both"`` deleted then inserted text.
    """
    parts: list[str] = []
    for node in content:
        if isinstance(node, Text):
            parts.append(node.text)
        elif isinstance(node, ProposalSpan):
            if proposals in ("current", "both"):
                parts.append(plain_text(node.deleted, proposals=proposals))
            if proposals in ("accepted", "both"):
                parts.append(plain_text(node.inserted, proposals=proposals))
    return "".join(parts)
