"""Paragraphs as importers hand them over, before the structure classifier decides what they
are, and the small helpers that read their printed labels and build blocks from them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from drafting import markup
from drafting.inline_ops import strip
from drafting.model import Block, BlockKind, Footnote, Inline, Proposal, plain_text
from drafting.numbering import LATIN_ORDINALS

OPERATIVE_LABEL = re.compile(r"^\s*(\d{1,3})(?:\.\s*|\s+-\s+)(?=\S|$)")
ALTERNATIVE_LABEL = re.compile(r"^\s*(?:OP\s*)?(\d{1,3}) ?[Aa]lt(?:\.?\s?(\d{1,2}))?\.?\s+(?=\S)")
"""An alternative version of operative paragraph N, as compilation texts label it: "5 alt.",
"5 alt 2.", "OP6alt" (conventions §5.2-5.3)."""
PROVISIONAL_LABEL = re.compile(r"^\s*(?:OP\s*)?(\d{1,3}) ?(" + "|".join(LATIN_ORDINALS) + r")\b\.?\s+(?=\S)")
"""A paragraph proposed after operative paragraph N, as compilation texts label it until it is
adopted into the numbering: "4 bis.", "4 ter.", "OP4bis" (conventions §5.2-5.3)."""
SUBPARAGRAPH_LABEL = re.compile(r"^\s*(?:\(([a-z]{1,4}|[ivxlc]{1,6})\)|([a-z])\))\s*(?=\S|$)")
HEADING_LABEL = re.compile(r"^\s*([IVXLC]{1,6})\.\s+(?=\S|$)")
TERMINAL = tuple(".,;:!?。，；：！？،؛")


@dataclass
class RawParagraph:
    content: list[Inline]
    lines: list[int] = field(default_factory=list)
    """Where it came from: line numbers of a text file, paragraph numbers of a DOCX."""
    hint: str | None = None
    """What the source's styling says it is ("heading"), when the text alone cannot."""

    @property
    def text(self) -> str:
        return plain_text(self.content).strip()


@dataclass
class RawInput:
    paragraphs: list[RawParagraph]
    footnotes: dict[str, Footnote]
    symbol_hint: str | None = None
    star_notes: list[str] = field(default_factory=list)
    """Notes marked with an asterisk (the sponsors-line note of a draft)."""
    proposals: dict[str, Proposal] = field(default_factory=dict)
    """Proposals the importer already found (tracked changes), keyed by id."""
    language: str | None = None
    """The language, when the importer has already detected it from the same text."""


def label_length(text: str) -> int:
    """Length of a printed paragraph label ("12.\t", "(a) ", "IV. ") at the start of ``text``."""
    for pattern in (OPERATIVE_LABEL, SUBPARAGRAPH_LABEL, HEADING_LABEL):
        if m := pattern.match(text):
            return m.end()
    return 0


def ends_terminated(text: str) -> bool:
    return text.rstrip().endswith(TERMINAL)


def where(paragraph: RawParagraph) -> str:
    return f"line {paragraph.lines[0]}: " if paragraph.lines else ""


def heading_without_numeral(content: list[Inline]) -> Block:
    block = new_block(BlockKind.HEADING, content)
    block.numbered = False
    return block


def new_block(kind: BlockKind, content: list[Inline]) -> Block:
    return Block(id="", kind=kind, content=strip(content))


def without_markup(text: str) -> str:
    return plain_text(list(markup.parse(text))).strip()
