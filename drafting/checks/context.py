"""Everything the rules read, computed once per document.

Block rules read their own block, the language, the settings and the document kind freely. Anything
else they need from the rest of the document goes through :meth:`CheckContext.fact`: a named,
registered value computed once per run (whether a footnote exists, the document's names). While the
incremental checker (:mod:`drafting.checks.incremental`) runs a block rule it records the facts read,
so a cached result is reused only while those facts keep their values; a block rule that reads the
document directly (``ctx.document``, ``ctx.blocks``, another footnote's text …) is recorded as
depending on everything and is re-run every time.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, TypeVar

from drafting.checks.finding import Finding, Fix, Severity
from drafting.model import Block, BlockKind, Document, DocumentKind, Inline, NoteRef, ProposalSpan, Text
from drafting.numbering import BlockLabel, block_labels, footnote_numbers


class Spans:
    """Half-open spans (start, end) asked whether they cover a position, in log time: the rules
    that skip matches inside protected spans asked every span for every match, quadratic in a
    paragraph of many of both (issue 14)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(s for s in spans if s[0] < s[1]):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self._starts = [start for start, _ in merged]
        self._ends = [end for _, end in merged]

    def covers(self, position: int) -> bool:
        """Whether some span has ``start <= position < end``."""
        index = bisect_right(self._starts, position) - 1
        return index >= 0 and position < self._ends[index]


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


FACTS: dict[str, Callable[..., Hashable]] = {}
"""Fact name -> function(ctx, *args) computing it (see :func:`fact`)."""

VOLATILE = "volatile"
"""The read recorded when a block rule reads the document directly: nothing it could be keyed on."""

_T = TypeVar("_T")
_MISSING = object()


def fact(name: str) -> Callable[[Callable[..., _T]], Callable[..., _T]]:
    """Register ``function(ctx, *args)`` as the fact ``name``: a document-wide value a block rule may
    read through ``ctx.fact(name, *args)``. It must be computed from the context alone, and its value
    must be immutable and comparable with ``==`` (it is kept to validate cached results)."""

    def register(function: Callable[..., _T]) -> Callable[..., _T]:
        FACTS[name] = function
        return function

    return register


class TextMemo:
    """Results of pure functions of one text (a paragraph's or a footnote's), by name and text.

    A check run shares one memo among its rules (the treaty rules find the mentions of a paragraph
    once, not three times). The incremental checker chains the memo of each run to the previous
    run's (``previous``), so unchanged paragraphs are not analysed again; what a run did not ask for
    is dropped with the older memo. A value must depend on nothing but the text, the language and
    the settings (the incremental checker starts afresh when either changes), and must not be
    mutated by whoever reads it.
    """

    def __init__(self, previous: TextMemo | None = None) -> None:
        self.values: dict[tuple[Hashable, str], Any] = {}
        self._previous = previous.values if previous is not None else {}

    def get(self, name: Hashable, text: str, compute: Callable[[str], _T]) -> _T:
        key = (name, text)
        value = self.values.get(key, _MISSING)
        if value is _MISSING:
            value = self._previous.get(key, _MISSING)
            if value is _MISSING:
                value = compute(text)
            self.values[key] = value
        return value


@dataclass(frozen=True)
class Trigger:
    """A cheap test a text must pass for a rule to find anything in it: a rule registered with a
    trigger is only run on the paragraphs and footnotes that pass (a date rule on texts naming a
    month). The test must be a necessary condition of every finding the rule can give, whatever the
    document and settings, so that skipping the rule elsewhere changes nothing; it is computed once
    per text and run (``name`` keys it in the :class:`TextMemo`), and rules may share one."""

    name: str
    test: Callable[[str], bool]


PREFILTER = True
"""Whether rules are skipped on texts that fail their trigger. Tests turn it off to check that the
triggers change no finding."""


class CheckContext:
    def __init__(
        self, document: Document, settings: CheckSettings | None = None, *, memo: TextMemo | None = None
    ) -> None:
        self._document = document
        self.settings = settings or CheckSettings()
        self.language = document.language
        self._labels: dict[str, BlockLabel] = block_labels(document)
        self._numbers: dict[str, int] = footnote_numbers(document)
        self._texts: dict[str, tuple[str, list[Marker]]] = {}
        self._facts: dict[tuple[Hashable, ...], Hashable] = {}
        self.memo = memo if memo is not None else TextMemo()
        self.reads: dict[tuple[Hashable, ...], Hashable] | None = None
        """Set by the incremental checker while a block rule runs: the facts it reads are added here."""

    def _volatile(self) -> None:
        if self.reads is not None:
            self.reads[(VOLATILE,)] = None

    @property
    def document(self) -> Document:
        self._volatile()
        return self._document

    @property
    def labels(self) -> dict[str, BlockLabel]:
        self._volatile()
        return self._labels

    @property
    def numbers(self) -> dict[str, int]:
        self._volatile()
        return self._numbers

    @property
    def is_resolution(self) -> bool:
        return self._document.kind in (DocumentKind.RESOLUTION, DocumentKind.DRAFT_RESOLUTION)

    def fact(self, name: str, *args: Hashable) -> Any:
        """The registered fact ``name`` for ``args``, computed once per run (reads made while
        computing it are not the calling rule's: the fact's value stands for them)."""
        key = (name, *args)
        value = self._facts.get(key, _MISSING)
        if value is _MISSING:
            reads, self.reads = self.reads, None
            try:
                value = self._facts[key] = FACTS[name](self, *args)
            finally:
                self.reads = reads
        if self.reads is not None:
            self.reads[key] = value
        return value

    def per_text(self, name: str, text: str, compute: Callable[[str], _T]) -> _T:
        """``compute(text)``, remembered by name and text (see :class:`TextMemo` for what it may read)."""
        return self.memo.get(name, text, compute)

    def matches(
        self, pattern: re.Pattern[str], text: str, screen: re.Pattern[str] | None = None
    ) -> tuple[re.Match[str], ...]:
        """``pattern.finditer(text)``, found once per text (a compilation repeats paragraphs).

        ``screen``, if given, is a regex that finds something in every text ``pattern`` finds something
        in, and finds it faster (it starts with a plain character where ``pattern`` starts with ``\\b``
        or a lookbehind, so the regex engine skips ahead): ``pattern`` only scans the texts it passes."""

        def find(text: str) -> tuple[re.Match[str], ...]:
            if screen is not None and PREFILTER and screen.search(text) is None:
                return ()
            return tuple(pattern.finditer(text))

        # keyed on the regexes' texts and flags: hashing a compiled regex hashes its program every time
        key = (pattern.pattern, pattern.flags, screen and (screen.pattern, screen.flags))
        return self.memo.get(key, text, find)

    def triggered(self, trigger: Trigger | None, block: Block) -> bool:
        """Whether ``block``'s text passes ``trigger`` (always, without one or with prefiltering off)."""
        if trigger is None or not PREFILTER:
            return True
        return self.memo.get(trigger.name, self.text(block), trigger.test)

    def has_footnote(self, footnote_id: str) -> bool:
        return self.fact("footnote-exists", footnote_id)

    def remember_text(self, key: str, analysed: tuple[str, list[Marker]]) -> None:
        """Give the context a block's (or, with key "footnote:<id>", a footnote's) text and markers,
        known from an earlier run of the same content."""
        self._texts[key] = analysed

    def text(self, block: Block) -> str:
        cached = self._texts.get(block.id)  # inlined analysed(): document rules ask for every block
        return (cached or self.analysed(block))[0]

    def markers(self, block: Block) -> list[Marker]:
        cached = self._texts.get(block.id)
        return (cached or self.analysed(block))[1]

    def analysed(self, block: Block) -> tuple[str, list[Marker]]:
        cached = self._texts.get(block.id)
        if cached is None:
            cached = self._texts[block.id] = text_and_markers(block.content)
        return cached

    def footnote_text(self, footnote_id: str) -> str:
        """The text of a footnote (a block rule reading it depends on more than its own block)."""
        self._volatile()
        key = "footnote:" + footnote_id
        cached = self._texts.get(key)
        if cached is None:
            footnote = self._document.footnotes[footnote_id]
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
        """How an editor names ``block``. A block rule may only pass it on as its findings' label:
        the incremental checker relabels cached findings when paragraphs are renumbered."""
        return self._labels[block.id].reference

    def footnote_label(self, footnote_id: str) -> str:
        return f"footnote {self.fact('footnote-number', footnote_id)}"

    @property
    def blocks(self) -> list[Block]:
        """Every block in reading order (front matter, body, subparagraphs)."""
        self._volatile()
        return self._blocks

    @cached_property
    def _blocks(self) -> list[Block]:
        return list(self._document.iter_blocks())

    @property
    def footnotes_in_order(self) -> list[str]:
        self._volatile()
        return self._footnotes_in_order

    @cached_property
    def _footnotes_in_order(self) -> list[str]:
        return sorted(self._document.footnotes, key=lambda fid: self._numbers[fid])

    @property
    def footnote_blocks(self) -> list[Block]:
        """Footnotes dressed as blocks (id = footnote id) for the rules that read any text."""
        self._volatile()
        return self._footnote_blocks

    @cached_property
    def _footnote_blocks(self) -> list[Block]:
        blocks = []
        for footnote_id in self._footnotes_in_order:
            footnote = self._document.footnotes[footnote_id]
            self._labels[footnote_id] = BlockLabel(None, self.footnote_label(footnote_id))
            blocks.append(Block(footnote_id, BlockKind.PARAGRAPH, footnote.content))
        return blocks

    def is_footnote(self, block: Block) -> bool:
        return self.fact("footnote-exists", block.id)

    def part_of(self, block: Block) -> str:
        """ "preamble", "operative" or "other" (subparagraphs belong to their operative part)."""
        if block.kind is BlockKind.PREAMBULAR:
            return "preamble"
        if block.kind in (BlockKind.OPERATIVE, BlockKind.SUBPARAGRAPH):
            return "operative"
        return "other"


@fact("footnote-exists")
def _footnote_exists(ctx: CheckContext, footnote_id: str) -> bool:
    return footnote_id in ctx.document.footnotes


@fact("footnote-number")
def _footnote_number(ctx: CheckContext, footnote_id: str) -> int | str:
    return ctx.numbers.get(footnote_id, "?")


def excerpt(text: str, start: int, end: int, width: int = 30) -> str:
    """The flagged text with a little context on each side."""
    left = max(0, start - width)
    right = min(len(text), end + width)
    return ("…" if left else "") + text[left:right] + ("…" if right < len(text) else "")
