"""The side-by-side texts: the old text (deletions tinted red) and the new text (insertions
tinted blue), each in its own order, and the pairs of corresponding paragraphs that the view
scrolls together and marks.

:class:`SideBySide` writes both texts one paragraph per step, so that the view can write them
in pieces between events (:mod:`ui.compare_build`); :func:`side_by_side_documents` writes them
at once. The material before the title is metadata, listed under "Masthead", not a paragraph.
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
class RowPair:
    """A paragraph of the old text and the paragraph of the new text it corresponds to (block
    numbers in the two documents; None where a side has none), and the change it shows."""

    old_block_number: int | None
    new_block_number: int | None
    change_index: int | None
    moved: bool = False
    """The two paragraphs are at different places in the two texts (not for scroll sync)."""


class SideBySide:
    """The two texts of one comparison, being written into :attr:`left` and :attr:`right`.
    ``sides`` (:meth:`Side.pair`) and ``entries`` (:func:`change_entries`) may be given when
    already made."""

    def __init__(
        self,
        comparison: Comparison,
        *,
        show_formatting: bool = False,
        sides: tuple[Side, Side] | None = None,
        entries: list[ChangeEntry] | None = None,
    ) -> None:
        self.comparison = comparison
        sides = sides or Side.pair(comparison)
        self.entries = (
            entries if entries is not None else change_entries(comparison, show_formatting=show_formatting)
        )
        self._index_of = {id(entry.change): index for index, entry in enumerate(self.entries)}
        self.left = SideWriter(comparison, sides, "old", show_formatting)
        self.right = SideWriter(comparison, sides, "new", show_formatting)

    def pair(self, index: int) -> RowPair | None:
        """The paragraphs of change ``index``, once each side that shows it has written it."""
        change = self.entries[index].change
        rows = []
        for writer in (self.left, self.right):
            row = writer.rows.get(id(change))
            if row is None and writer.shows(change) and not writer.done:
                return None
            rows.append(row)
        moved = isinstance(change, BlockChange) and change.change == "moved"
        return RowPair(rows[0], rows[1], index, moved)

    def pairs(self) -> list[RowPair]:
        """Every pair of corresponding paragraphs (once both texts are written): blocks first
        (in the new text's order, deleted ones where they were), then footnotes and masthead
        fields. A pair's ``change_index`` is in :func:`change_entries` order."""
        left, right = self.left.rows, self.right.rows
        comparison = self.comparison
        pairs = [RowPair(left.get(key), right.get(key), None) for key in ("title", "organ")]
        for change in comparison.blocks:
            key = id(change)
            pairs.append(
                RowPair(left.get(key), right.get(key), self._index_of.get(key), change.change == "moved")
            )
        for key in (
            "footnotes",
            *(id(n) for n in comparison.footnotes),
            "masthead",
            *map(id, comparison.metadata),
        ):
            if key in left or key in right:
                pairs.append(RowPair(left.get(key), right.get(key), self._index_of.get(key)))
        return [p for p in pairs if p.old_block_number is not None or p.new_block_number is not None]


def side_by_side_documents(
    comparison: Comparison, *, show_formatting: bool = False
) -> tuple[QTextDocument, QTextDocument, list[RowPair]]:
    """The two texts written at once, and the pairs of corresponding paragraphs."""
    texts = SideBySide(comparison, show_formatting=show_formatting)
    for writer in (texts.left, texts.right):
        for _ in writer.steps():
            pass
    return texts.left.doc, texts.right.doc, texts.pairs()


class SideWriter(DocumentWriter):
    """One side of the side-by-side view, in that document's own order."""

    def __init__(
        self, comparison: Comparison, sides: tuple[Side, Side], which: str, show_formatting: bool
    ) -> None:
        document = comparison.old if which == "old" else comparison.new
        super().__init__(document.language, tints=True)
        self.comparison = comparison
        self.sides = sides
        self.which = which
        self.show_formatting = show_formatting
        self.rows: dict[object, int] = {}
        """id(change) or "title"/"organ"/"footnotes"/"masthead" -> block number, as written."""
        self.done = False

    def shows(self, change: BlockChange | FootnoteChange | MetadataChange) -> bool:
        """Whether this side has a paragraph for ``change`` (a masthead change shows on both)."""
        if isinstance(change, MetadataChange):
            return True
        return (change.old_id if self.which == "old" else change.new_id) is not None

    def steps(self) -> Iterator[None]:
        """Write this side, pausing after each paragraph."""
        comparison = self.comparison
        old, new = self.sides
        side = old if self.which == "old" else new
        title, organ = self.masthead_lines(side.document)
        if title is not None:
            self.rows["title"] = title
        if organ is not None:
            self.rows["organ"] = organ
        yield
        own = "old_id" if self.which == "old" else "new_id"
        by_id = {getattr(c, own): c for c in comparison.blocks if getattr(c, own)}
        for block in _body(side.document.blocks):  # the front matter is metadata: no paragraphs
            change = by_id[block.id]
            self.rows[id(change)] = self._block(side, block, change)
            yield
        yield from self._footnotes(old, new)
        yield from self._masthead()
        self.done = True

    def _block(self, side: Side, block: Block, change: BlockChange) -> int:
        kind = change.change
        role = {"deleted": "delete", "inserted": "insert"}.get(kind, "equal")
        number = self.block_paragraph(side, block.id, role)
        extra = heading_marks(side, block.id)
        if kind in ("deleted", "inserted"):
            self.content(block.content, side, role, extra=extra)
        elif words_shown(change, self.show_formatting):
            self.tokens(self._items(side, change), extra=extra)
        else:
            colour = UNCHANGED_COLOUR if kind in ("unchanged", "formatting") else TEXT_COLOUR
            self.content(block.content, side, colour=colour, extra=extra)
        if kind == "moved":
            self.note(
                f"moved to {change.new_label}" if self.which == "old" else f"moved from {change.old_label}"
            )
        elif kind == "formatting" and self.show_formatting:
            self.note("formatting changed")
        return number

    def _items(self, side: Side, change: BlockChange) -> Iterator[tuple[Token, str, Side]]:
        old_side = self.which == "old"
        for segment in change.segments:
            if segment.op == "delete" and old_side:
                for token in segment.old:
                    yield token, "delete", side
            elif segment.op == "insert" and not old_side:
                for token in segment.new:
                    yield token, "insert", side
            elif segment.op == "equal":
                own = segment.old if old_side else segment.new
                if self.show_formatting:
                    roles = (role for _token, role in formatting_roles(segment.old, segment.new))
                    for token, role in zip(own, roles, strict=False):
                        yield token, role, side
                else:
                    for token in own:
                        yield token, "equal", side

    def _footnotes(self, old: Side, new: Side) -> Iterator[None]:
        notes = [note for note in self.comparison.footnotes if note.change != "unchanged"]
        if not notes:
            return
        self.rows["footnotes"] = self.heading("Footnotes")
        for note in notes:
            if not self.shows(note):
                continue
            number = note.old_number if self.which == "old" else note.new_number
            role = {"inserted": "insert", "deleted": "delete"}.get(note.change, "equal")
            self.rows[id(note)] = self.footnote_paragraph(number, role)
            self.tokens(footnote_items(note, old, new, self.which))
            yield

    def _masthead(self) -> Iterator[None]:
        if not self.comparison.metadata:
            return
        self.rows["masthead"] = self.heading("Masthead")
        for item in self.comparison.metadata:
            self.rows[id(item)] = self.masthead_row(item, self.which)
            yield


def _body(blocks: list[Block]) -> Iterator[Block]:
    for block in blocks:
        yield block
        yield from _body(block.children)
