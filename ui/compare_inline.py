"""The inline redline: the new text in reading order with deleted paragraphs where they were
(under their old labels), word changes marked, a note where a paragraph moved from and to,
then the changed footnotes and masthead fields.

:class:`InlineRedline` writes it one paragraph per step (:meth:`InlineRedline.steps`), so that
the view can write a long comparison in pieces between events (:mod:`ui.compare_build`);
:func:`inline_document` writes it all at once. Unchanged paragraphs are written from the
model's inline content, never tokenised, so that two long texts with few changes stay quick.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtGui import QTextDocument

from drafting.compare import BlockChange, Comparison, FootnoteChange, MetadataChange
from drafting.compare.tokens import Token
from drafting.model import Block
from ui.compare_entries import ChangeEntry, change_entries
from ui.compare_writer import (
    GUTTER,
    TEXT_COLOUR,
    UNCHANGED_COLOUR,
    DocumentWriter,
    Side,
    footnote_items,
    formatting_roles,
    heading_marks,
    words_shown,
)


@dataclass(frozen=True)
class ChangeAnchor:
    """Where change number ``index`` (in :func:`change_entries` order) starts in a document."""

    index: int
    kind: str
    title: str
    position: int


class InlineRedline:
    """The inline redline of one comparison, being written into :attr:`document`. ``sides``
    (:meth:`Side.pair`) and ``entries`` (:func:`change_entries`) may be given when already made."""

    def __init__(
        self,
        comparison: Comparison,
        *,
        show_formatting: bool = False,
        sides: tuple[Side, Side] | None = None,
        entries: list[ChangeEntry] | None = None,
    ) -> None:
        self.comparison = comparison
        self.show_formatting = show_formatting
        self.sides = sides or Side.pair(comparison)
        self.entries = (
            entries if entries is not None else change_entries(comparison, show_formatting=show_formatting)
        )
        self._index_of = {id(entry.change): index for index, entry in enumerate(self.entries)}
        self.out = DocumentWriter(comparison.new.language, tints=False)
        self.anchors: dict[int, ChangeAnchor] = {}
        """Change index -> where it starts, for the changes written so far."""

    @property
    def document(self) -> QTextDocument:
        return self.out.doc

    def steps(self) -> Iterator[None]:
        """Write the redline, pausing after each paragraph."""
        comparison, out = self.comparison, self.out
        old, new = self.sides
        out.masthead_lines(comparison.new)
        placeholders = _moved_placeholders(comparison)
        yield
        yield from self._placeholders(placeholders.get(-1, ()))
        for position, change in enumerate(comparison.blocks):
            self._block(change, old, new)
            yield
            yield from self._placeholders(placeholders.get(position, ()))
        yield from self._footnotes(old, new)
        yield from self._masthead()

    def _anchor(self, change: object) -> None:
        index = self._index_of.get(id(change))
        if index is not None:
            entry = self.entries[index]
            self.anchors[index] = ChangeAnchor(index, entry.kind, entry.title, self.out.block_start())

    def _placeholders(self, moved: list[BlockChange]) -> Iterator[None]:
        for change in moved:
            self.out.paragraph(left=GUTTER)
            self.out.write(f"{change.old_label} moved to {change.new_label}", self.out.note_format())
            yield

    def _block(self, change: BlockChange, old: Side, new: Side) -> None:
        out, kind = self.out, change.change
        if kind == "deleted":
            out.block_paragraph(old, change.old_id, "delete")
            self._anchor(change)
            block = old.blocks[change.old_id][0]
            out.content(block.content, old, "delete", extra=heading_marks(old, change.old_id))
            return
        extra = heading_marks(new, change.new_id)
        out.block_paragraph(new, change.new_id, "insert" if kind == "inserted" else "equal")
        self._anchor(change)
        if kind == "inserted":
            out.content(new.blocks[change.new_id][0].content, new, "insert", extra=extra)
        elif words_shown(change, self.show_formatting):
            out.tokens(_inline_items(change, old, new, self.show_formatting), extra=extra)
        else:
            colour = UNCHANGED_COLOUR if kind in ("unchanged", "formatting") else TEXT_COLOUR
            out.content(new.blocks[change.new_id][0].content, new, colour=colour, extra=extra)
        if kind == "moved":
            out.note(f"moved from {change.old_label}")
        elif kind == "formatting" and self.show_formatting:
            out.note("formatting changed")

    def _footnotes(self, old: Side, new: Side) -> Iterator[None]:
        notes: list[FootnoteChange] = [n for n in self.comparison.footnotes if n.change != "unchanged"]
        if not notes:
            return
        self.out.heading("Footnotes")
        for note in notes:
            role = {"inserted": "insert", "deleted": "delete"}.get(note.change, "equal")
            self.out.footnote_paragraph(note.new_number or note.old_number, role)
            self._anchor(note)
            self.out.tokens(footnote_items(note, old, new, None))
            if note.change in ("inserted", "deleted"):
                self.out.note(f"footnote {note.change}")
            elif note.old_number != note.new_number:
                self.out.note(f"was footnote {note.old_number}")
            yield

    def _masthead(self) -> Iterator[None]:
        items: list[MetadataChange] = self.comparison.metadata
        if not items:
            return
        self.out.heading("Masthead")
        for item in items:
            self.out.masthead_row(item, None)
            self._anchor(item)
            yield


def inline_document(
    comparison: Comparison, *, show_formatting: bool = False
) -> tuple[QTextDocument, list[ChangeAnchor]]:
    """The inline redline written at once, and where each change starts (anchors follow
    :func:`change_entries` order)."""
    redline = InlineRedline(comparison, show_formatting=show_formatting)
    for _ in redline.steps():
        pass
    return redline.document, [redline.anchors[i] for i in sorted(redline.anchors)]


def _inline_items(
    change: BlockChange, old: Side, new: Side, show_formatting: bool
) -> Iterator[tuple[Token, str, Side]]:
    for segment in change.segments:
        if segment.op == "delete":
            for token in segment.old:
                yield token, "delete", old
        elif segment.op == "insert":
            for token in segment.new:
                yield token, "insert", new
        elif show_formatting:
            for token, role in formatting_roles(segment.old, segment.new):
                yield token, role, new
        else:
            for token in segment.new:
                yield token, "equal", new


def _moved_placeholders(comparison: Comparison) -> dict[int, list[BlockChange]]:
    """Where each moved paragraph was: after which item of ``comparison.blocks`` (-1: before the
    first) a "moved to" line goes. Subparagraphs moving with their paragraph get no line."""
    by_old = {c.old_id: (p, c) for p, c in enumerate(comparison.blocks) if c.old_id}
    out: dict[int, list[BlockChange]] = {}
    last = -1

    def walk(blocks: list[Block], parent_moved: bool) -> None:
        nonlocal last
        for block in blocks:
            position, change = by_old.get(block.id, (None, None))
            moved = change is not None and change.change == "moved"
            if moved and not parent_moved:
                out.setdefault(last, []).append(change)
            elif not moved and position is not None:
                last = position
            walk(block.children, moved)

    walk(comparison.old.front, False)
    walk(comparison.old.blocks, False)
    return out
