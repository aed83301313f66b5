"""Editing surface → model: reads a ``QTextDocument`` back into a :class:`Document`.

Reading is incremental. Every change to the surface marks the paragraphs it touched (their
``userState`` is reset to -1); a paragraph not touched since the last read reuses its last
conversion, so reading a 1 MB document after a keystroke converts one paragraph, not 5,000.

Each read also returns, per paragraph, how model text offsets map to positions in the
surface (footnote markers and proposed insertions are characters on the surface but not in
the checker's text), so findings can be underlined and jumped to.
"""

from __future__ import annotations

import copy
import itertools
from dataclasses import dataclass, field
from typing import NamedTuple

from PySide6.QtGui import QTextBlock, QTextDocument

from drafting.ids import new_id
from drafting.model import Block, BlockKind, Document, Inline, NoteRef, ProposalSpan, Text
from ui.editor import formats


@dataclass(frozen=True)
class Segment:
    """Model text ``model_start``… maps to block-relative surface positions ``surface_start``…"""

    model_start: int
    surface_start: int
    length: int


@dataclass
class Converted:
    text: str
    kind: str
    depth: int
    block_id: str | None
    numbered: bool
    content: list[Inline]
    segments: tuple[Segment, ...]
    alternative_to: str | None = None
    agreed_ad_ref: bool = False


@dataclass
class Snapshot:
    """What one read produced: the model, plus where each paragraph sits on the surface."""

    document: Document
    revision: int
    order: list[str] = field(default_factory=list)
    """Block ids in surface order (including "title" and "organ-line")."""
    segments: dict[str, tuple[Segment, ...]] = field(default_factory=dict)


class _RunFormat(NamedTuple):
    """What the reader needs of a run's character format."""

    joiner: bool
    path: tuple[tuple[str, str], ...]
    counted: bool
    """Its text is in the checker's text (not inside a proposed insertion)."""
    note_id: str | None
    """The footnote of a marker; None for text."""
    marks: frozenset


FormatCache = dict[int, _RunFormat]
"""A document's character formats by their index in it (``QTextFragment.charFormatIndex``):
runs of the same format share one index, so a read of a whole document looks at each format
once rather than at every run. Valid while the document is not changed, so for one read."""


def _run_format(fragment, cache: FormatCache | None) -> _RunFormat:
    index = fragment.charFormatIndex()
    found = cache.get(index) if cache is not None else None
    if found is None:
        fmt = fragment.charFormat()
        path = formats.proposal_path(fmt)
        note_id = None
        if fmt.objectType() == formats.FOOTNOTE_OBJECT:
            value = fmt.property(formats.NOTE_ID)
            note_id = value if isinstance(value, str) else ""
        found = _RunFormat(
            formats.is_joiner(fmt),
            path,
            all(role != "inserted" for _id, role in path),
            note_id,
            formats.marks_of(fmt) if note_id is None else frozenset(),
        )
        if cache is not None:
            cache[index] = found
    return found


def convert_block(block: QTextBlock, cache: FormatCache | None = None) -> Converted:
    """The model content of one surface paragraph, with its offset segments. ``cache``: the
    formats already looked at in this read (see :data:`FormatCache`)."""
    content: list[Inline] = []
    segments: list[Segment] = []
    model_offset = 0
    nesting = _Nesting(content)
    block_position = block.position()
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        it += 1
        if not fragment.isValid():
            continue
        run = _run_format(fragment, cache)
        text = fragment.text()
        if run.joiner and not text.strip(formats.JOINER):
            continue  # the joiner the surface keeps before a marker: not in the model
        target = nesting.target(run.path)
        if run.note_id is not None:
            if run.note_id:
                target.extend(NoteRef(run.note_id) for _ in text)
            continue
        position = fragment.position() - block_position
        runs = _model_runs(text, run.joiner)
        text = "".join(part for _start, part in runs)
        if not text:
            continue
        marks = run.marks
        if target and isinstance(target[-1], Text) and target[-1].marks == marks:
            target[-1] = Text(target[-1].text + text, marks)
        else:
            target.append(Text(text, marks))
        if run.counted:
            for start, part in runs:
                segments.append(Segment(model_offset, position + start, len(part)))
                model_offset += len(part)
    return Converted(text=block.text(), content=content, segments=tuple(segments), **block_fields(block))


def block_fields(block: QTextBlock) -> dict[str, object]:
    """What a conversion takes from the paragraph's own format: kind, depth, id and the rest."""
    bfmt = block.blockFormat()
    return {
        "kind": formats.kind_of(bfmt),
        "depth": formats.depth_of(bfmt),
        "block_id": formats.id_of(bfmt),
        "numbered": bool(
            bfmt.property(formats.BLOCK_NUMBERED) if bfmt.hasProperty(formats.BLOCK_NUMBERED) else True
        ),
        "alternative_to": formats.alternative_to_of(bfmt),
        "agreed_ad_ref": formats.agreed_of(bfmt),
    }


class _Nesting:
    """Proposal spans built from the runs' proposal paths (:func:`formats.proposal_path`), in
    order: a run continues the spans it shares with the run before it, down to where its path
    differs (a span's inserted text may follow its deleted text), and opens new ones below."""

    def __init__(self, content: list[Inline]) -> None:
        self.content = content
        self.open: list[tuple[str, str, ProposalSpan]] = []

    def target(self, path: tuple[tuple[str, str], ...]) -> list[Inline]:
        """The list a run with ``path`` goes into, opening the spans it needs."""
        keep = 0
        while keep < min(len(path), len(self.open)) and path[keep] == self.open[keep][:2]:
            keep += 1
        switch = (
            keep < min(len(path), len(self.open))
            and path[keep][0] == self.open[keep][0]
            and (self.open[keep][1], path[keep][1]) == ("deleted", "inserted")
        )
        del self.open[keep + 1 if switch else keep :]
        if switch:
            proposal_id, _role, span = self.open.pop()
            self.open.append((proposal_id, "inserted", span))
            keep += 1
        for proposal_id, role in path[keep:]:
            span = ProposalSpan(proposal_id)
            self._list_at(len(self.open)).append(span)
            self.open.append((proposal_id, role, span))
        return self._list_at(len(self.open))

    def _list_at(self, depth: int) -> list[Inline]:
        if depth == 0:
            return self.content
        _id, role, span = self.open[depth - 1]
        return span.deleted if role == "deleted" else span.inserted


def _model_runs(text: str, joiner: bool) -> list[tuple[int, str]]:
    """The model text of a text fragment as (offset in the fragment, text) runs: stray object
    characters dropped, and word joiners when the fragment is the surface's own joiner (text
    typed after a joiner left alone takes its format); a line separator reads as a space."""
    if formats.OBJECT_CHAR not in text and not (joiner and formats.JOINER in text):
        return [(0, text.replace("\u2028", " "))] if text else []
    runs: list[tuple[int, str]] = []
    start = 0
    for index, char in enumerate(text):
        if char == formats.OBJECT_CHAR or (joiner and char == formats.JOINER):
            if index > start:
                runs.append((start, text[start:index]))
            start = index + 1
    if len(text) > start:
        runs.append((start, text[start:]))
    return [(offset, run.replace("\u2028", " ")) for offset, run in runs]


class SurfaceReader:
    """Reads one surface repeatedly, converting only the paragraphs changed since last time."""

    def __init__(self, qdoc: QTextDocument) -> None:
        self.qdoc = qdoc
        self._cache: dict[int, Converted] = {}
        self._keys = itertools.count(1)
        self.conversions = 0
        """How many paragraphs the reads so far have converted (for tests and benchmarks)."""
        qdoc.contentsChange.connect(self._mark_changed)

    def _mark_changed(self, position: int, removed: int, added: int) -> None:
        block = self.qdoc.findBlock(position)
        end = position + max(added, removed)
        while block.isValid():
            block.setUserState(-1)
            if block.position() > end:
                break
            block = block.next()

    def seed(self, conversions: list[tuple[QTextBlock, Converted]]) -> None:
        """Take conversions made without reading (:mod:`ui.editor.first_read`) as if read: the
        next read reuses them like any unchanged paragraph's (and converts a paragraph anew if
        its text is not the conversion's)."""
        for block, converted in conversions:
            key = next(self._keys)
            block.setUserState(key)
            self._cache[key] = converted

    def paragraphs(self) -> list[Converted]:
        """Every surface paragraph, converted (reusing unchanged ones)."""
        result: list[Converted] = []
        live: dict[int, Converted] = {}
        formats_seen: FormatCache = {}
        block = self.qdoc.firstBlock()
        while block.isValid():
            key = block.userState()
            converted = self._cache.get(key) if key > 0 else None
            if converted is None or converted.text != block.text():
                converted = convert_block(block, formats_seen)
                self.conversions += 1
                key = next(self._keys)
                block.setUserState(key)
            live[key] = converted
            result.append(converted)
            block = block.next()
        self._cache = live
        return result

    def read(self, base: Document) -> Snapshot:
        """The surface as a model. ``base`` supplies what the surface does not hold (masthead
        fields, footnote texts, proposals); the result shares no mutable state with ``base``."""
        paragraphs = self.paragraphs()
        masthead = copy.copy(base.masthead)
        masthead.sponsors = list(base.masthead.sponsors)
        document = Document(
            kind=base.kind,
            language=base.language,
            masthead=masthead,
            footnotes=dict(base.footnotes),
            proposals=dict(base.proposals),
        )
        snapshot = Snapshot(document, self.qdoc.revision())
        seen: dict[str, int] = {}
        title_seen = organ_seen = False
        parents: list[Block] = []  # parents[d] = the latest block at depth d
        for para in paragraphs:
            block_id = para.block_id or "p-unnamed"
            if block_id in seen:
                seen[block_id] += 1
                block_id = f"{block_id}~{seen[block_id]}"
            else:
                seen[block_id] = 0
            snapshot.order.append(block_id)
            snapshot.segments[block_id] = para.segments
            if para.kind == formats.TITLE and not title_seen:
                title_seen = True
                masthead.title = _flat_text(para.content)
                continue
            if para.kind == formats.ORGAN_LINE and not organ_seen:
                organ_seen = True
                masthead.organ_line = _flat_text(para.content)
                continue
            if para.kind == formats.FRONT:
                document.front.append(Block(block_id, BlockKind.PARAGRAPH, para.content))
                continue
            if para.kind == BlockKind.SUBPARAGRAPH.value and parents:
                depth = min(max(para.depth, 1), len(parents))
                block = Block(
                    block_id, BlockKind.SUBPARAGRAPH, para.content, agreed_ad_ref=para.agreed_ad_ref
                )
                parents[depth - 1].children.append(block)
                del parents[depth:]
                parents.append(block)
                continue
            kind = para.kind if para.kind in BlockKind._value2member_map_ else BlockKind.PARAGRAPH.value
            if kind == BlockKind.SUBPARAGRAPH.value:
                kind = BlockKind.PARAGRAPH.value
            block = Block(
                block_id,
                BlockKind(kind),
                para.content,
                numbered=para.numbered,
                alternative_to=para.alternative_to,
                agreed_ad_ref=para.agreed_ad_ref,
            )
            document.blocks.append(block)
            parents = [block]
        if not title_seen:
            masthead.title = None
        if not organ_seen:
            masthead.organ_line = None
        return snapshot


def _flat_text(content: list[Inline]) -> str:
    return "".join(node.text for node in content if isinstance(node, Text))


def fresh_block_id() -> str:
    return new_id("p")
