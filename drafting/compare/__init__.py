"""Comparing two revisions the way negotiators read them.

``compare(old, new)`` aligns paragraphs (:mod:`align`), diffs words inside aligned
paragraphs (:mod:`diff`), aligns and diffs footnotes, and lists masthead changes. The result
is plain data; renumbering is never a change, because numbers and labels are derived.

Typography is never substantive (:mod:`tokens` normalises hyphens, quotes, spaces and a stray
space inside a hyphenated word): a paragraph that differs only so is a "formatting"
(typographic) change, and inside a modified paragraph such differences are not word changes.
The masthead and the material before the title (``Document.front``: symbol lines, job numbers,
sponsor lines) are metadata, listed as :class:`MetadataChange`, never as changed paragraphs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from drafting.compare.align import Unit, align
from drafting.compare.clauses import written_alike
from drafting.compare.diff import (
    Alphabet,
    Segment,
    diff_contents,
    diff_tokens,
    opcodes,
    similarity,
    word_bag,
)
from drafting.compare.tokens import Token, content_key, tokenize, words
from drafting.gc_pause import cyclic_gc_paused
from drafting.model import Block, Document, Masthead, NoteRef, ProposalSpan, plain_text
from drafting.numbering import BlockLabel, block_labels, footnote_numbers

_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


@dataclass
class BlockChange:
    change: str
    """"unchanged", "modified", "formatting" (typographic only), "inserted", "deleted" or "moved"."""
    old_id: str | None
    new_id: str | None
    old_label: str | None
    new_label: str | None
    _segments: list[Segment] | Callable[[], list[Segment]] = field(default_factory=list)
    edited: bool = False
    """For a moved paragraph: whether its words changed too."""

    @property
    def segments(self) -> list[Segment]:
        """The word operations (computed on first use for unchanged paragraphs)."""
        if callable(self._segments):
            self._segments = self._segments()
        return self._segments

    def opcodes(self) -> list[tuple[str, int, int, int, int]]:
        return opcodes(self.segments)

    def ops(self, numbers: tuple[dict[str, int], dict[str, int]] | None = None) -> list[list[str]]:
        """``[[op, text], …]`` with markers shown as superscript numbers."""
        out: list[list[str]] = []
        for segment in self.segments:
            tokens = segment.old if segment.op == "delete" else segment.new
            side = numbers[0] if numbers and segment.op == "delete" else numbers[1] if numbers else {}
            text = "".join(_display(token, side) for token in tokens)
            if out and out[-1][0] == segment.op:
                out[-1][1] += text
            else:
                out.append([segment.op, text])
        return out


@dataclass
class FootnoteChange:
    change: str
    old_id: str | None
    new_id: str | None
    old_number: int | None
    new_number: int | None
    segments: list[Segment] = field(default_factory=list)


@dataclass
class MetadataChange:
    field: str
    old: Any
    new: Any


@dataclass
class Comparison:
    old: Document
    new: Document
    blocks: list[BlockChange]
    footnotes: list[FootnoteChange]
    metadata: list[MetadataChange]
    old_numbers: dict[str, int]
    new_numbers: dict[str, int]
    old_labels: dict[str, BlockLabel] = field(default_factory=dict, repr=False)
    """Block id -> label ("5.", "OP 5") in the old text, as the comparison derived them."""
    new_labels: dict[str, BlockLabel] = field(default_factory=dict, repr=False)
    _summary: dict[str, int] | None = field(default=None, repr=False, compare=False)

    def summary(self) -> dict[str, int]:
        """Paragraph counts by kind; ``substantive`` (modified, inserted, deleted and moved
        paragraphs) and ``formatting`` (typographic only) are apart; ``metadata_changed``
        counts masthead and front-matter changes. Counted once (a comparison never changes)."""
        if self._summary is None:
            self._summary = self._count()
        return dict(self._summary)

    def prepare(self) -> Comparison:
        """Make now what is otherwise made on first use (the words of changed paragraphs, the
        summary), so that a comparison made on a worker thread costs the thread that shows it
        little, and two threads never make the same part. Unchanged paragraphs stay lazy: no
        view shows their words. Returns the comparison."""
        for change in self.blocks:
            if change.change != "unchanged":
                for segment in change.segments:
                    _ = segment.old, segment.new
        self.summary()
        return self

    def _count(self) -> dict[str, int]:
        counts = dict.fromkeys(("modified", "inserted", "deleted", "moved", "unchanged", "formatting"), 0)
        inserted = deleted = 0
        for change in self.blocks:
            counts[change.change] += 1
            if change.change in ("unchanged", "formatting") or (
                change.change == "moved" and not change.edited
            ):
                continue  # no word changed; do not make their tokens just to count nothing
            for segment in change.segments:
                if segment.op == "insert":
                    inserted += words(list(segment.new))
                elif segment.op == "delete":
                    deleted += words(list(segment.old))
        counts["words_inserted"] = inserted
        counts["words_deleted"] = deleted
        counts["footnotes_changed"] = sum(1 for f in self.footnotes if f.change != "unchanged")
        counts["substantive"] = counts["modified"] + counts["inserted"] + counts["deleted"] + counts["moved"]
        counts["metadata_changed"] = len(self.metadata)
        return counts

    def to_json(self, *, include_formatting: bool = False) -> dict[str, Any]:
        numbers = (self.old_numbers, self.new_numbers)
        shown = {"modified", "inserted", "deleted", "moved"} | (
            {"formatting"} if include_formatting else set()
        )
        return {
            "summary": self.summary(),
            "blocks": [
                {
                    "change": b.change,
                    "old_label": b.old_label,
                    "new_label": b.new_label,
                    "old_id": b.old_id,
                    "new_id": b.new_id,
                    "edited": b.edited,
                    "ops": b.ops(numbers),
                }
                for b in self.blocks
                if b.change in shown
            ],
            "footnotes": [
                {
                    "change": f.change,
                    "old_number": f.old_number,
                    "new_number": f.new_number,
                    "ops": BlockChange("", None, None, None, None, f.segments).ops(numbers),
                }
                for f in self.footnotes
                if f.change != "unchanged"
            ],
            "metadata": [asdict(m) for m in self.metadata],
        }


def _display(token: Token, numbers: dict[str, int]) -> str:
    node = token.ref
    if isinstance(node, NoteRef):
        number = numbers.get(node.footnote_id)
        return str(number).translate(_SUPERSCRIPT) if number else "⁽?⁾"
    if isinstance(node, ProposalSpan):
        parts = []
        if node.deleted:
            parts.append(f"~~{plain_text(node.deleted)}~~")
        if node.inserted:
            parts.append(f"**{plain_text(node.inserted)}**")
        return " ".join(parts)
    return token.raw


def compare(old: Document, new: Document) -> Comparison:
    """Compare two documents (any sources: text, DOCX, Penholder files, revisions)."""
    with cyclic_gc_paused():  # a comparison makes many small objects and no cycles
        return _compare(old, new)


def _compare(old: Document, new: Document) -> Comparison:
    alphabet = Alphabet()  # this comparison's own: comparisons may run at once on other threads
    old_numbers, new_numbers = footnote_numbers(old), footnote_numbers(new)
    footnote_changes, footnote_key = _compare_footnotes(old, new, alphabet, old_numbers, new_numbers)
    old_labels, new_labels = block_labels(old), block_labels(new)
    old_units = _units(old, old_labels, footnote_key[0])
    new_units = _units(new, new_labels, footnote_key[1])
    pairs, moved = align(old_units, new_units)
    for unit in old_units:  # a paragraph moves with its subparagraphs
        if unit.parent in moved and unit.index in pairs:
            moved.add(unit.index)
    reverse = {j: i for i, j in pairs.items()}
    changes: list[BlockChange] = []
    unpaired_old = [u for u in old_units if u.index not in pairs]
    next_deleted = 0

    def emit_deleted(up_to: int) -> None:
        nonlocal next_deleted
        while next_deleted < len(unpaired_old) and unpaired_old[next_deleted].index < up_to:
            unit = unpaired_old[next_deleted]
            next_deleted += 1
            changes.append(
                BlockChange(
                    "deleted", unit.id, None, unit.label, None, [Segment("delete", tuple(unit.tokens), ())]
                )
            )

    for unit in new_units:
        i = reverse.get(unit.index)
        if i is None:
            changes.append(
                BlockChange(
                    "inserted", None, unit.id, None, unit.label, [Segment("insert", (), tuple(unit.tokens))]
                )
            )
            continue
        if i not in moved:
            emit_deleted(i)
        source = old_units[i]
        if source.key == unit.key:
            if i in moved:
                kind = "moved"
            elif written_alike(source.content, unit.content, footnote_key[0], footnote_key[1]):
                kind = "unchanged"
            else:
                kind = "formatting"
            changes.append(
                BlockChange(kind, source.id, unit.id, source.label, unit.label, _Equal(source, unit))
            )
            continue
        segments = diff_contents(source.content, unit.content, footnote_key[0], footnote_key[1], alphabet)
        substantive = any(s.op != "equal" for s in segments)
        if i in moved:
            change = BlockChange("moved", source.id, unit.id, source.label, unit.label, segments, substantive)
        elif substantive:
            change = BlockChange("modified", source.id, unit.id, source.label, unit.label, segments)
        elif _formatting_differs(segments):
            change = BlockChange("formatting", source.id, unit.id, source.label, unit.label, segments)
        else:
            change = BlockChange("unchanged", source.id, unit.id, source.label, unit.label, segments)
        changes.append(change)
    emit_deleted(len(old_units))
    return Comparison(
        old,
        new,
        changes,
        footnote_changes,
        _metadata(old, new),
        old_numbers,
        new_numbers,
        old_labels,
        new_labels,
    )


def _units(document: Document, labels: dict[str, BlockLabel], footnote_key: dict[str, str]) -> list[Unit]:
    """The paragraphs and subparagraphs in reading order (the front matter is metadata, see
    ``_front_change``). A loop with a stack, not a nested recursive function: such a function
    refers to itself, and the cycle would keep every unit alive until the next collection."""
    units: list[Unit] = []
    stack: list[tuple[Block, int | None]] = [(block, None) for block in reversed(document.blocks)]
    while stack:
        block, parent = stack.pop()
        index = len(units)
        units.append(
            Unit(
                index,
                block.id,
                labels[block.id].reference,
                block.kind.value,
                content_key(block.content, footnote_key),
                parent,
                block.content,
                footnote_key,
            )
        )
        stack.extend((child, index) for child in reversed(block.children))
    return units


class _Equal:
    """The one equal segment of an unchanged paragraph, made when first read (no view shows
    the words of unchanged paragraphs). One small object, and the paragraph's alignment unit
    is not kept alive by it: a comparison makes thousands."""

    __slots__ = ("new", "new_keys", "old", "old_keys")

    def __init__(self, old: Unit, new: Unit) -> None:
        self.old, self.old_keys = old.content, old.footnote_key
        self.new, self.new_keys = new.content, new.footnote_key

    def __call__(self) -> list[Segment]:
        return [
            Segment(
                "equal", tuple(tokenize(self.old, self.old_keys)), tuple(tokenize(self.new, self.new_keys))
            )
        ]


def _formatting_differs(segments: list[Segment]) -> bool:
    for segment in segments:
        for a, b in zip(segment.old, segment.new, strict=False):
            if a.text != b.text or a.marks != b.marks:
                return True
    return False


def _compare_footnotes(
    old: Document, new: Document, alphabet: Alphabet, old_numbers: dict[str, int], new_numbers: dict[str, int]
) -> tuple[list[FootnoteChange], tuple[dict[str, str], dict[str, str]]]:
    """Align footnotes (same id, same text, then similar text) and diff their texts."""
    old_keys = {fid: content_key(f.content, {}) for fid, f in old.footnotes.items()}
    new_keys = {fid: content_key(f.content, {}) for fid, f in new.footnotes.items()}
    old_tokens = _LazyTokens(old)
    new_tokens = _LazyTokens(new)
    pairs: dict[str, str] = {fid: fid for fid in old.footnotes if fid in new.footnotes}
    paired_new = set(pairs.values())
    by_text: dict[str, list[str]] = {}
    for fid, key in new_keys.items():
        if fid not in paired_new:
            by_text.setdefault(key, []).append(fid)
    for fid, key in old_keys.items():
        if fid not in pairs and by_text.get(key):
            pairs[fid] = by_text[key].pop(0)
            paired_new.add(pairs[fid])
    left_new = [fid for fid in new.footnotes if fid not in paired_new]
    for fid in [f for f in old.footnotes if f not in pairs]:
        bag = word_bag(old_tokens[fid])
        best = max(left_new, key=lambda n: similarity(bag, word_bag(new_tokens[n])), default=None)
        if best is not None and similarity(bag, word_bag(new_tokens[best])) >= 0.5:
            pairs[fid] = best
            left_new.remove(best)
    old_key = {fid: f"#{index}" for index, fid in enumerate(pairs)}
    new_key = {pairs[fid]: key for fid, key in old_key.items()}
    changes: list[FootnoteChange] = []
    for fid, nid in pairs.items():
        # unchanged: nothing to show, and no need to tokenise it
        same = old_keys[fid] == new_keys[nid]
        segments = [] if same else diff_tokens(old_tokens[fid], new_tokens[nid], alphabet)
        change = "modified" if any(s.op != "equal" for s in segments) else "unchanged"
        changes.append(FootnoteChange(change, fid, nid, old_numbers.get(fid), new_numbers.get(nid), segments))
    for fid in old.footnotes:
        if fid not in pairs:
            changes.append(
                FootnoteChange(
                    "deleted",
                    fid,
                    None,
                    old_numbers.get(fid),
                    None,
                    [Segment("delete", tuple(old_tokens[fid]), ())],
                )
            )
    for nid in left_new:
        changes.append(
            FootnoteChange(
                "inserted",
                None,
                nid,
                None,
                new_numbers.get(nid),
                [Segment("insert", (), tuple(new_tokens[nid]))],
            )
        )
    changes.sort(key=lambda c: c.new_number or c.old_number or 0)
    return changes, (old_key, new_key)


class _LazyTokens(dict):
    """Footnote id -> tokens, made on first look-up."""

    def __init__(self, document: Document) -> None:
        super().__init__()
        self.document = document

    def __missing__(self, footnote_id: str) -> list[Token]:
        tokens = self[footnote_id] = tokenize(self.document.footnotes[footnote_id].content, {})
        return tokens


def _metadata(old: Document, new: Document) -> list[MetadataChange]:
    changes = [
        MetadataChange(f.name, getattr(old.masthead, f.name), getattr(new.masthead, f.name))
        for f in fields(Masthead)
        if getattr(old.masthead, f.name) != getattr(new.masthead, f.name)
    ]
    front = _front_change(old.front, new.front)
    if front is not None:
        changes.append(front)
    return changes


def _front_change(old: list[Block], new: list[Block]) -> MetadataChange | None:
    """The material before the title (what the reader did not place in a masthead field:
    symbol and job-number lines, a sponsor line, a covering note) as one metadata item, its
    paragraphs one a line; typographic differences alone are no change."""
    if [content_key(b.content, {}) for b in old] == [content_key(b.content, {}) for b in new]:
        return None
    return MetadataChange(
        "front",
        "\n".join(plain_text(b.content) for b in old) or None,
        "\n".join(plain_text(b.content) for b in new) or None,
    )


__all__ = ["BlockChange", "Comparison", "FootnoteChange", "MetadataChange", "compare"]
