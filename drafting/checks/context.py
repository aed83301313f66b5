"""Everything the rules read, computed once per document."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

from drafting.checks.finding import Finding, Fix, Severity
from drafting.model import Block, BlockKind, Document, DocumentKind, Inline, NoteRef, ProposalSpan, Text
from drafting.numbering import BlockLabel, block_labels, footnote_numbers


@dataclass(frozen=True)
class Marker:
    offset: int
    """Position in the text: the marker sits before the character at this offset."""
    footnote_id: str


@dataclass
class CheckSettings:
    footnote_regime: str = "legacy"
    """"legacy": a re-used indicator is fine (older Editorial Manual, A/RES/67/193);
    "current": each reference once, a repeat is a new footnote."""
    literal_footnote_numbers: dict[str, int] = field(default_factory=dict)
    """Numbers the imported text printed, by footnote id (from the import report)."""
    user_words: frozenset[str] = frozenset()
    spelling: bool = True


def text_and_markers(content: list[Inline]) -> tuple[str, list[Marker]]:
    """The text as it stands (proposed deletions included) and where its markers sit."""
    parts: list[str] = []
    markers: list[Marker] = []
    length = 0

    def walk(nodes: list[Inline]) -> None:
        nonlocal length
        for node in nodes:
            if isinstance(node, Text):
                parts.append(node.text)
                length += len(node.text)
            elif isinstance(node, NoteRef):
                markers.append(Marker(length, node.footnote_id))
            elif isinstance(node, ProposalSpan):
                walk(node.deleted)

    walk(content)
    return "".join(parts), markers


def current_runs(content: list[Inline]) -> Iterator[tuple[int, Text]]:
    """Text runs of the text as it stands, with their offsets (as in :func:`text_and_markers`)."""
    offset = 0
    stack = [iter(content)]
    while stack:
        node = next(stack[-1], None)
        if node is None:
            stack.pop()
        elif isinstance(node, Text):
            yield offset, node
            offset += len(node.text)
        elif isinstance(node, ProposalSpan):
            stack.append(iter(node.deleted))


class CheckContext:
    def __init__(self, document: Document, settings: CheckSettings | None = None) -> None:
        self.document = document
        self.settings = settings or CheckSettings()
        self.language = document.language
        self.labels: dict[str, BlockLabel] = block_labels(document)
        self.numbers: dict[str, int] = footnote_numbers(document)
        self._texts: dict[str, tuple[str, list[Marker]]] = {}

    @property
    def is_resolution(self) -> bool:
        return self.document.kind in (DocumentKind.RESOLUTION, DocumentKind.DRAFT_RESOLUTION)

    def text(self, block: Block) -> str:
        return self.analysed(block)[0]

    def markers(self, block: Block) -> list[Marker]:
        return self.analysed(block)[1]

    def analysed(self, block: Block) -> tuple[str, list[Marker]]:
        cached = self._texts.get(block.id)
        if cached is None:
            cached = self._texts[block.id] = text_and_markers(block.content)
        return cached

    def footnote_text(self, footnote_id: str) -> str:
        key = "footnote:" + footnote_id
        cached = self._texts.get(key)
        if cached is None:
            footnote = self.document.footnotes[footnote_id]
            cached = self._texts[key] = text_and_markers(footnote.content)
        return cached[0]

    def finding(
        self,
        block: Block,
        rule: str,
        severity: Severity,
        start: int,
        end: int,
        message: str,
        fix: Fix | None = None,
        *,
        excerpt_from: tuple[int, int] | None = None,
    ) -> Finding:
        """A finding at ``start``..``end`` of ``block``'s text (a block or a footnote dressed as one),
        with its label and an excerpt around ``excerpt_from`` (default: the range itself)."""
        text = self.text(block)
        around = excerpt_from or (start, end)
        return Finding(
            rule, severity, block.id, self.label(block), start, end, message, excerpt(text, *around), fix
        )

    def label(self, block: Block) -> str:
        return self.labels[block.id].reference

    def footnote_label(self, footnote_id: str) -> str:
        return f"footnote {self.numbers.get(footnote_id, '?')}"

    @cached_property
    def blocks(self) -> list[Block]:
        """Every block in reading order (front matter, body, subparagraphs)."""
        return list(self.document.iter_blocks())

    @cached_property
    def footnotes_in_order(self) -> list[str]:
        return sorted(self.document.footnotes, key=lambda fid: self.numbers[fid])

    @cached_property
    def footnote_blocks(self) -> list[Block]:
        """Footnotes dressed as blocks (id = footnote id) for the rules that read any text."""
        blocks = []
        for footnote_id in self.footnotes_in_order:
            footnote = self.document.footnotes[footnote_id]
            self.labels[footnote_id] = BlockLabel(None, self.footnote_label(footnote_id))
            blocks.append(Block(footnote_id, BlockKind.PARAGRAPH, footnote.content))
        return blocks

    def is_footnote(self, block: Block) -> bool:
        return block.id in self.document.footnotes

    def part_of(self, block: Block) -> str:
        """ "preamble", "operative" or "other" (subparagraphs belong to their operative part)."""
        if block.kind is BlockKind.PREAMBULAR:
            return "preamble"
        if block.kind in (BlockKind.OPERATIVE, BlockKind.SUBPARAGRAPH):
            return "operative"
        return "other"


def excerpt(text: str, start: int, end: int, width: int = 30) -> str:
    """The flagged text with a little context on each side."""
    left = max(0, start - width)
    right = min(len(text), end + width)
    return ("…" if left else "") + text[left:right] + ("…" if right < len(text) else "")
