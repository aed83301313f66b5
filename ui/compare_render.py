"""Text documents showing a comparison: an inline redline and a pair of side-by-side texts.

Qt text documents only (no widgets), built from a :class:`drafting.compare.Comparison`, which
holds both compared documents. The conventions follow :mod:`drafting.compare.report`: deleted
words struck through in red, inserted words underlined in blue, a moved paragraph noted "moved
from OP 3", footnote changes shown on the footnote, formatting-only changes hidden unless asked.
Labels ("12.", "(a)", "PP 3") are derived, so renumbering is never shown as a change; they hang
in a gutter to the left of the text so that the texts line up.

Unchanged paragraphs are written from the model's inline content, never tokenised, so that a
comparison of two long texts with few changes stays quick to show.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
)

from drafting.compare import BlockChange, Comparison, FootnoteChange, MetadataChange
from drafting.compare.tokens import Token
from drafting.exporters.layout import organ_line_parts, title_line
from drafting.model import Block, BlockKind, Document, Inline, Mark, NoteRef, ProposalSpan, Text
from drafting.numbering import BlockLabel, block_labels
from drafting.proposals import attribution_tag
from ui.compare_entries import (  # noqa: F401 (re-exported: the view and tests use them from here)
    KINDS,
    SHOWN,
    ChangeEntry,
    change_entries,
    change_title,
    field_name,
    footnote_title,
    summary_text,
)
from ui.editor.formats import delegation_colour
from ui.fonts import text_document

DELETED_COLOUR = QColor("#bb0000")
INSERTED_COLOUR = QColor("#0645ad")
DELETED_TINT = QColor("#fbe1e1")
INSERTED_TINT = QColor("#dfeafb")
FORMATTING_TINT = QColor("#fff0bf")
TEXT_COLOUR = QColor("#1a1a1a")
UNCHANGED_COLOUR = QColor("#4d4d4d")
NOTE_COLOUR = QColor("#6b6b6b")

POINT_SIZE = 12
FOOTNOTE_POINT_SIZE = 11
NOTE_POINT_SIZE = 9
GUTTER = 60.0
"""Pixels to the left of the text column, where labels hang."""
INDENT = 36.0
"""Extra indent per subparagraph level, in pixels."""
SPACING = 9.0


@dataclass(frozen=True)
class ChangeAnchor:
    """Where change number ``index`` (in :func:`change_entries` order) starts in a document."""

    index: int
    kind: str
    title: str
    position: int


@dataclass(frozen=True)
class RowPair:
    """A paragraph of the old text and the paragraph of the new text it corresponds to (block
    numbers in the two documents; None where a side has none), and the change it shows."""

    old_block_number: int | None
    new_block_number: int | None
    change_index: int | None
    moved: bool = False
    """The two paragraphs are at different places in the two texts (not for scroll sync)."""


# --- building text documents ---------------------------------------------------------------------


@dataclass
class _Side:
    """One compared document with what rendering needs to know about it."""

    document: Document
    numbers: dict[str, int]
    labels: dict[str, BlockLabel]
    blocks: dict[str, tuple[Block, int]]
    """Block id -> (block, subparagraph depth)."""

    @classmethod
    def of(cls, document: Document, numbers: dict[str, int]) -> _Side:
        blocks: dict[str, tuple[Block, int]] = {}

        def walk(items: list[Block], depth: int) -> None:
            for block in items:
                blocks[block.id] = (block, depth)
                walk(block.children, depth + 1)

        walk(document.front, 0)
        walk(document.blocks, 0)
        return cls(document, numbers, block_labels(document), blocks)


class _Builder:
    """A QTextDocument being written paragraph by paragraph, with cached character formats."""

    def __init__(self, language: str, *, tints: bool) -> None:
        self.rtl = language == "ar"
        self.tints = tints
        self.doc = text_document(language, POINT_SIZE, 18)
        self.sans = QGuiApplication.font().family()
        self.cursor = QTextCursor(self.doc)
        self.fresh = True
        self._formats: dict[tuple, QTextCharFormat] = {}

    # paragraphs

    def paragraph(
        self,
        *,
        left: float = GUTTER,
        hanging: float = 0.0,
        top: float = 0.0,
        bottom: float = SPACING,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
    ) -> int:
        """Start a paragraph; returns its block number. With ``hanging``, what comes before the
        first tab sits that far before ``left``, where the text lines up."""
        fmt = QTextBlockFormat()
        fmt.setAlignment(align)
        (fmt.setRightMargin if self.rtl else fmt.setLeftMargin)(left)
        fmt.setTextIndent(-hanging)
        fmt.setTopMargin(top)
        fmt.setBottomMargin(bottom)
        if hanging:
            # Tab positions count from the start of the first line (mirrored right to left).
            kind = QTextOption.TabType.RightTab if self.rtl else QTextOption.TabType.LeftTab
            fmt.setTabPositions([QTextOption.Tab(hanging, kind)])
        if self.rtl:
            fmt.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        if self.fresh:
            self.cursor.setBlockFormat(fmt)
            self.fresh = False
        else:
            self.cursor.insertBlock(fmt, QTextCharFormat())
        return self.cursor.block().blockNumber()

    def block_start(self) -> int:
        return self.cursor.block().position()

    def write(self, text: str, fmt: QTextCharFormat) -> None:
        if text:
            self.cursor.insertText(text.replace("\n", "\u2028"), fmt)

    # character formats

    def char(
        self, marks: frozenset[Mark] = frozenset(), role: str = "equal", colour: QColor = TEXT_COLOUR
    ) -> QTextCharFormat:
        """Text with ``marks`` in a comparison ``role``: "equal", "delete", "insert" or "format"."""
        key = ("text", marks, role, colour.rgba())
        fmt = self._formats.get(key)
        if fmt is None:
            fmt = self._formats[key] = QTextCharFormat()
            fmt.setFontItalic(Mark.ITALIC in marks)
            fmt.setFontWeight(QFont.Weight.Bold if Mark.BOLD in marks else QFont.Weight.Normal)
            fmt.setFontUnderline(Mark.UNDERLINE in marks or role == "insert")
            fmt.setFontStrikeOut(Mark.STRIKE in marks or role == "delete")
            if Mark.SUPERSCRIPT in marks:
                fmt.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignSuperScript)
            fmt.setForeground(
                DELETED_COLOUR if role == "delete" else INSERTED_COLOUR if role == "insert" else colour
            )
            tint = self._tint(role)
            if tint is not None:
                fmt.setBackground(tint)
        return fmt

    def _tint(self, role: str) -> QColor | None:
        if role == "format":
            return FORMATTING_TINT
        if self.tints and role == "delete":
            return DELETED_TINT
        if self.tints and role == "insert":
            return INSERTED_TINT
        return None

    def note_format(self, *, italic: bool = True, bold: bool = False, size: float = NOTE_POINT_SIZE):
        """Small sans-serif grey text: notes, preambular references, section headings."""
        key = ("note", italic, bold, size)
        fmt = self._formats.get(key)
        if fmt is None:
            fmt = self._formats[key] = QTextCharFormat()
            fmt.setFontFamilies([self.sans])
            fmt.setFontPointSize(size)
            fmt.setFontItalic(italic)
            fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
            fmt.setForeground(NOTE_COLOUR)
        return fmt

    def note(self, text: str) -> None:
        """A note at the end of a paragraph ("moved from OP 3"), after a little space."""
        self.write("\u2003" + text, self.note_format())

    def heading(self, text: str) -> int:
        number = self.paragraph(top=14, bottom=6, left=0)
        self.write(text, self.note_format(italic=False, bold=True, size=11))
        return number

    # content

    def content(
        self,
        content: list[Inline],
        side: _Side,
        role: str = "equal",
        colour: QColor = TEXT_COLOUR,
        extra: frozenset[Mark] = frozenset(),
    ) -> None:
        for node in content:
            if isinstance(node, Text):
                self.write(node.text, self.char(node.marks | extra, role, colour))
            else:
                self.reference(node, side, role, colour, extra)

    def tokens(
        self,
        items: Iterable[tuple[Token, str, _Side]],
        colour: QColor = TEXT_COLOUR,
        extra: frozenset[Mark] = frozenset(),
    ) -> None:
        """Write (token, role, side) items, joining neighbouring text tokens of one format."""
        pieces: list[str] = []
        key: tuple[frozenset[Mark], str] | None = None
        for token, role, side in items:
            if token.ref is None:
                if key != (token.marks, role) and pieces:
                    self.write("".join(pieces), self.char(key[0] | extra, key[1], colour))
                    pieces = []
                key = (token.marks, role)
                pieces.append(token.text)
                continue
            if pieces:
                self.write("".join(pieces), self.char(key[0] | extra, key[1], colour))
                pieces = []
            self.reference(token.ref, side, role, colour, extra)
        if pieces:
            self.write("".join(pieces), self.char(key[0] | extra, key[1], colour))

    def reference(
        self, node: NoteRef | ProposalSpan, side: _Side, role: str, colour: QColor, extra: frozenset[Mark]
    ) -> None:
        if isinstance(node, NoteRef):
            number = side.numbers.get(node.footnote_id)
            self.write(str(number) if number else "?", self.char(extra | {Mark.SUPERSCRIPT}, role, colour))
        elif isinstance(node, ProposalSpan):
            self.proposal(node, side, role, extra)

    def proposal(self, span: ProposalSpan, side: _Side, role: str, extra: frozenset[Mark]) -> None:
        """A proposal in its delegation's colour: deleted text struck, inserted text underlined,
        then who proposed it. The comparison role shows as a tint (the colour is taken)."""
        proposal = side.document.proposals.get(span.proposal_id)
        author = proposal.author if proposal is not None else None
        colour = delegation_colour(author)
        tag = ""
        if proposal is not None:
            tag = attribution_tag(proposal, side.document.footnotes) or (f" ({author})" if author else "")
        tint = DELETED_TINT if role == "delete" else INSERTED_TINT if role == "insert" else None
        tooltip = f"Proposal by {author}" if author else "Proposal"

        def fmt(marks: frozenset[Mark], struck: bool, underlined: bool) -> QTextCharFormat:
            out = QTextCharFormat(self.char(marks | extra))
            out.setForeground(colour)
            out.setFontStrikeOut(struck)
            out.setFontUnderline(underlined)
            if tint is not None:
                out.setBackground(tint)
            out.setToolTip(tooltip)
            return out

        for part, struck in ((span.deleted, True), (span.inserted, False)):
            if part is span.inserted and span.deleted and span.inserted:
                self.write(" ", fmt(frozenset(), False, False))
            for node in part:
                if isinstance(node, Text):
                    self.write(node.text, fmt(node.marks, struck, not struck))
                elif isinstance(node, NoteRef):
                    number = side.numbers.get(node.footnote_id)
                    self.write(
                        str(number) if number else "?", fmt(frozenset({Mark.SUPERSCRIPT}), False, False)
                    )
        if tag:
            note = QTextCharFormat(self.note_format(italic=False))
            note.setForeground(colour)
            if tint is not None:
                note.setBackground(tint)
            self.write(tag, note)

    # structure

    def block_paragraph(self, side: _Side, block_id: str, label_role: str = "equal") -> int:
        """Start the paragraph of a model block: its label hangs in the gutter (a preambular
        paragraph's reference as a small note), its text lines up at the text column."""
        block, depth = side.blocks[block_id]
        label = side.labels[block_id]
        if depth:
            number = self.paragraph(left=GUTTER + INDENT * depth, hanging=INDENT)
        else:
            top = 6.0 if block.kind is BlockKind.HEADING else 0.0
            number = self.paragraph(left=GUTTER, hanging=GUTTER, top=top)
        if label.label:
            bold = frozenset({Mark.BOLD}) if block.kind is BlockKind.HEADING else frozenset()
            self.write(label.label, self.char(bold, "equal", _LABEL_COLOURS.get(label_role, TEXT_COLOUR)))
        elif block.kind is BlockKind.PREAMBULAR:
            self.write(label.reference, self.note_format(italic=False))
        self.write("\t", self.char())
        return number

    def masthead_lines(self, document: Document) -> tuple[int | None, int | None]:
        """The title and the organ line above the paragraphs, for context."""
        title = organ = None
        text = title_line(document)
        if text:
            title = self.paragraph(left=0, align=Qt.AlignmentFlag.AlignHCenter, bottom=12)
            self.write(text, self.char(frozenset({Mark.BOLD})))
        before, italic, after = organ_line_parts(document)
        if before or italic or after:
            organ = self.paragraph(left=GUTTER, bottom=12)
            self.write(before, self.char())
            self.write(italic, self.char(frozenset({Mark.ITALIC})))
            self.write(after, self.char())
        return title, organ


_LABEL_COLOURS = {"delete": DELETED_COLOUR, "insert": INSERTED_COLOUR}


def _heading_marks(side: _Side, block_id: str) -> frozenset[Mark]:
    block = side.blocks[block_id][0]
    return frozenset({Mark.BOLD}) if block.kind is BlockKind.HEADING else frozenset()


def _formatting_roles(old: Iterable[Token], new: Iterable[Token]) -> Iterator[tuple[Token, str]]:
    for a, b in zip(old, new, strict=False):
        yield b, ("format" if a.text != b.text or a.marks != b.marks else "equal")


def _words_shown(change: BlockChange, show_formatting: bool) -> bool:
    """Whether a paragraph is drawn from its word diff (else from its model content)."""
    if change.change == "formatting":
        return show_formatting
    return change.change == "modified" or (change.change == "moved" and change.edited)


# --- inline ------------------------------------------------------------------------------------


def inline_document(
    comparison: Comparison, *, show_formatting: bool = False
) -> tuple[QTextDocument, list[ChangeAnchor]]:
    """The new text in reading order with deleted paragraphs where they were (under their old
    labels), word changes marked, a note where a paragraph moved from and to, then the changed
    footnotes and masthead fields. Anchors follow :func:`change_entries` order."""
    entries = change_entries(comparison, show_formatting=show_formatting)
    index_of = {id(entry.change): index for index, entry in enumerate(entries)}
    old = _Side.of(comparison.old, comparison.old_numbers)
    new = _Side.of(comparison.new, comparison.new_numbers)
    out = _Builder(comparison.new.language, tints=False)
    out.masthead_lines(comparison.new)
    anchors: list[ChangeAnchor] = []

    def anchor(change: object) -> None:
        index = index_of.get(id(change))
        if index is not None:
            entry = entries[index]
            anchors.append(ChangeAnchor(index, entry.kind, entry.title, out.block_start()))

    placeholders = _moved_placeholders(comparison)

    def placeholder(after: int) -> None:
        for change in placeholders.get(after, ()):
            out.paragraph(left=GUTTER)
            out.write(f"{change.old_label} moved to {change.new_label}", out.note_format())

    placeholder(-1)
    for position, change in enumerate(comparison.blocks):
        kind = change.change
        if kind == "deleted":
            out.block_paragraph(old, change.old_id, "delete")
            anchor(change)
            out.content(
                old.blocks[change.old_id][0].content, old, "delete", extra=_heading_marks(old, change.old_id)
            )
        else:
            extra = _heading_marks(new, change.new_id)
            out.block_paragraph(new, change.new_id, "insert" if kind == "inserted" else "equal")
            anchor(change)
            if kind == "inserted":
                out.content(new.blocks[change.new_id][0].content, new, "insert", extra=extra)
            elif _words_shown(change, show_formatting):
                out.tokens(_inline_items(change, old, new, show_formatting), extra=extra)
            else:
                quiet = kind in ("unchanged", "formatting")
                colour = UNCHANGED_COLOUR if quiet else TEXT_COLOUR
                out.content(new.blocks[change.new_id][0].content, new, colour=colour, extra=extra)
            if kind == "moved":
                out.note(f"moved from {change.old_label}")
            elif kind == "formatting" and show_formatting:
                out.note("formatting changed")
        placeholder(position)
    _inline_footnotes(out, comparison, old, new, anchor)
    _inline_masthead(out, comparison, anchor)
    return out.doc, anchors


def _inline_items(
    change: BlockChange, old: _Side, new: _Side, show_formatting: bool
) -> Iterator[tuple[Token, str, _Side]]:
    for segment in change.segments:
        if segment.op == "delete":
            for token in segment.old:
                yield token, "delete", old
        elif segment.op == "insert":
            for token in segment.new:
                yield token, "insert", new
        elif show_formatting:
            for token, role in _formatting_roles(segment.old, segment.new):
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


def _footnote_items(note: FootnoteChange, old: _Side, new: _Side, side: str | None):
    """(token, role, side) of a footnote's word diff; ``side`` "old"/"new" keeps one side only."""
    for segment in note.segments:
        if segment.op == "delete" and side != "new":
            for token in segment.old:
                yield token, "delete", old
        elif segment.op == "insert" and side != "old":
            for token in segment.new:
                yield token, "insert", new
        elif segment.op == "equal":
            for token in segment.old if side == "old" else segment.new:
                yield token, "equal", old if side == "old" else new


def _footnote_paragraph(out: _Builder, number: int | None, role: str) -> int:
    block = out.paragraph(left=GUTTER, hanging=GUTTER, bottom=6)
    fmt = QTextCharFormat(out.char(frozenset(), "equal", _LABEL_COLOURS.get(role, TEXT_COLOUR)))
    fmt.setFontPointSize(FOOTNOTE_POINT_SIZE)
    out.write(f"{number}\t" if number else "\t", fmt)
    return block


def _inline_footnotes(out: _Builder, comparison: Comparison, old: _Side, new: _Side, anchor) -> None:
    notes = [note for note in comparison.footnotes if note.change != "unchanged"]
    if not notes:
        return
    out.heading("Footnotes")
    for note in notes:
        role = {"inserted": "insert", "deleted": "delete"}.get(note.change, "equal")
        _footnote_paragraph(out, note.new_number or note.old_number, role)
        anchor(note)
        out.tokens(_footnote_items(note, old, new, None))
        if note.change in ("inserted", "deleted"):
            out.note(f"footnote {note.change}")
        elif note.old_number != note.new_number:
            out.note(f"was footnote {note.old_number}")


def _value(value: object) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return "" if value is None else str(value)


def _masthead_row(out: _Builder, item: MetadataChange, side: str | None) -> int:
    block = out.paragraph(left=GUTTER, bottom=6)
    out.write(f"{field_name(item.field).capitalize()}: ", out.note_format(italic=False))
    old, new = _value(item.old), _value(item.new)
    if side != "new" and old:
        out.write(old, out.char(frozenset(), "delete"))
    if side is None and old and new:
        out.write(" ", out.char())
    if side != "old" and new:
        out.write(new, out.char(frozenset(), "insert"))
    return block


def _inline_masthead(out: _Builder, comparison: Comparison, anchor) -> None:
    if not comparison.metadata:
        return
    out.heading("Masthead")
    for item in comparison.metadata:
        _masthead_row(out, item, None)
        anchor(item)


# --- side by side ------------------------------------------------------------------------------


def side_by_side_documents(
    comparison: Comparison, *, show_formatting: bool = False
) -> tuple[QTextDocument, QTextDocument, list[RowPair]]:
    """The old text (deletions tinted red) and the new text (insertions tinted blue), each in its
    own order, and the pairs of corresponding paragraphs: blocks first (in the new text's
    order, deleted ones where they were), then footnotes and masthead fields. A pair's
    ``change_index`` is in :func:`change_entries` order."""
    entries = change_entries(comparison, show_formatting=show_formatting)
    index_of = {id(entry.change): index for index, entry in enumerate(entries)}
    old = _Side.of(comparison.old, comparison.old_numbers)
    new = _Side.of(comparison.new, comparison.new_numbers)
    left = _SideWriter(comparison, old, new, "old", show_formatting).render()
    right = _SideWriter(comparison, old, new, "new", show_formatting).render()
    pairs = [RowPair(left.rows.get(key), right.rows.get(key), None) for key in ("title", "organ")]
    for change in comparison.blocks:
        key = id(change)
        pairs.append(
            RowPair(left.rows.get(key), right.rows.get(key), index_of.get(key), change.change == "moved")
        )
    for key in (
        "footnotes",
        *(id(n) for n in comparison.footnotes),
        "masthead",
        *map(id, comparison.metadata),
    ):
        if key in left.rows or key in right.rows:
            pairs.append(RowPair(left.rows.get(key), right.rows.get(key), index_of.get(key)))
    pairs = [p for p in pairs if p.old_block_number is not None or p.new_block_number is not None]
    return left.doc, right.doc, pairs


class _SideWriter(_Builder):
    """One side of the side-by-side view, in that document's own order."""

    def __init__(self, comparison: Comparison, old: _Side, new: _Side, which: str, show_formatting: bool):
        document = comparison.old if which == "old" else comparison.new
        super().__init__(document.language, tints=True)
        self.comparison = comparison
        self.old, self.new = old, new
        self.which = which
        self.side = old if which == "old" else new
        self.show_formatting = show_formatting
        self.rows: dict[object, int] = {}
        """id(change) or "title"/"organ"/"footnotes"/"masthead" -> block number."""

    def render(self) -> _SideWriter:
        comparison = self.comparison
        title, organ = self.masthead_lines(self.side.document)
        if title is not None:
            self.rows["title"] = title
        if organ is not None:
            self.rows["organ"] = organ
        own = "old_id" if self.which == "old" else "new_id"
        by_id = {getattr(c, own): c for c in comparison.blocks if getattr(c, own)}
        for block in self.side.document.iter_blocks():
            change = by_id[block.id]
            self.rows[id(change)] = self._block(block, change)
        self._footnotes()
        self._masthead()
        return self

    def _block(self, block: Block, change: BlockChange) -> int:
        side, kind = self.side, change.change
        role = {"deleted": "delete", "inserted": "insert"}.get(kind, "equal")
        number = self.block_paragraph(side, block.id, role)
        extra = _heading_marks(side, block.id)
        if kind in ("deleted", "inserted"):
            self.content(block.content, side, role, extra=extra)
        elif _words_shown(change, self.show_formatting):
            self.tokens(self._items(change), extra=extra)
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

    def _items(self, change: BlockChange) -> Iterator[tuple[Token, str, _Side]]:
        old_side = self.which == "old"
        for segment in change.segments:
            if segment.op == "delete" and old_side:
                for token in segment.old:
                    yield token, "delete", self.side
            elif segment.op == "insert" and not old_side:
                for token in segment.new:
                    yield token, "insert", self.side
            elif segment.op == "equal":
                own = segment.old if old_side else segment.new
                if self.show_formatting:
                    roles = (role for _token, role in _formatting_roles(segment.old, segment.new))
                    for token, role in zip(own, roles, strict=False):
                        yield token, role, self.side
                else:
                    for token in own:
                        yield token, "equal", self.side

    def _footnotes(self) -> None:
        notes = [note for note in self.comparison.footnotes if note.change != "unchanged"]
        if not notes:
            return
        self.rows["footnotes"] = self.heading("Footnotes")
        for note in notes:
            number = note.old_number if self.which == "old" else note.new_number
            if (note.old_id if self.which == "old" else note.new_id) is None:
                continue
            role = {"inserted": "insert", "deleted": "delete"}.get(note.change, "equal")
            self.rows[id(note)] = _footnote_paragraph(self, number, role)
            self.tokens(_footnote_items(note, self.old, self.new, self.which))

    def _masthead(self) -> None:
        if not self.comparison.metadata:
            return
        self.rows["masthead"] = self.heading("Masthead")
        for item in self.comparison.metadata:
            self.rows[id(item)] = _masthead_row(self, item, self.which)
