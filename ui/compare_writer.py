"""Writing a comparison's text into a QTextDocument: the colours and sizes of the comparison view,
cached character formats, and paragraphs of model content or of compared words.

The conventions follow :mod:`drafting.compare.report`: deleted words struck through in red,
inserted words underlined in blue, a proposal in its delegation's colour. Labels ("12.",
"(a)", "PP 3") hang in a gutter to the left of the text so that the texts line up. What a
document says (inline redline, side by side) is decided by :mod:`ui.compare_inline` and
:mod:`ui.compare_side`; this module only knows how to write a paragraph.
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
    QTextOption,
)

from drafting.compare import BlockChange, Comparison, FootnoteChange, MetadataChange
from drafting.compare.tokens import Token
from drafting.exporters.layout import organ_line_parts, title_line
from drafting.model import Block, BlockKind, Document, Inline, Mark, NoteRef, ProposalSpan, Text
from drafting.numbering import BlockLabel, block_labels
from drafting.proposals import attribution_tag
from ui.compare_entries import field_name
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

LABEL_COLOURS = {"delete": DELETED_COLOUR, "insert": INSERTED_COLOUR}


@dataclass
class Side:
    """One compared document with what rendering needs to know about it."""

    document: Document
    numbers: dict[str, int]
    labels: dict[str, BlockLabel]
    blocks: dict[str, tuple[Block, int]]
    """Block id -> (block, subparagraph depth)."""

    @classmethod
    def of(cls, comparison: Comparison, which: str) -> Side:
        """The ``"old"`` or ``"new"`` side of a comparison (its labels as the comparison made them)."""
        document = comparison.old if which == "old" else comparison.new
        numbers = comparison.old_numbers if which == "old" else comparison.new_numbers
        labels = comparison.old_labels if which == "old" else comparison.new_labels
        blocks: dict[str, tuple[Block, int]] = {}

        def walk(items: list[Block], depth: int) -> None:
            for block in items:
                blocks[block.id] = (block, depth)
                walk(block.children, depth + 1)

        walk(document.front, 0)
        walk(document.blocks, 0)
        return cls(document, numbers, labels or block_labels(document), blocks)

    @classmethod
    def pair(cls, comparison: Comparison) -> tuple[Side, Side]:
        """The old and the new side."""
        return cls.of(comparison, "old"), cls.of(comparison, "new")


class DocumentWriter:
    """A QTextDocument being written paragraph by paragraph at its end, with cached character
    formats. Undo is off: the comparison texts are read-only, and recording every insertion
    of a 1 MB text would only cost time and memory."""

    def __init__(self, language: str, *, tints: bool) -> None:
        self.rtl = language == "ar"
        self.tints = tints
        self.doc = text_document(language, POINT_SIZE, 18)
        self.doc.setUndoRedoEnabled(False)
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
        side: Side,
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
        items: Iterable[tuple[Token, str, Side]],
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
        self, node: NoteRef | ProposalSpan, side: Side, role: str, colour: QColor, extra: frozenset[Mark]
    ) -> None:
        if isinstance(node, NoteRef):
            number = side.numbers.get(node.footnote_id)
            self.write(str(number) if number else "?", self.char(extra | {Mark.SUPERSCRIPT}, role, colour))
        elif isinstance(node, ProposalSpan):
            self.proposal(node, side, role, extra)

    def proposal(self, span: ProposalSpan, side: Side, role: str, extra: frozenset[Mark]) -> None:
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

    def block_paragraph(self, side: Side, block_id: str, label_role: str = "equal") -> int:
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
            self.write(label.label, self.char(bold, "equal", LABEL_COLOURS.get(label_role, TEXT_COLOUR)))
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

    def footnote_paragraph(self, number: int | None, role: str) -> int:
        block = self.paragraph(left=GUTTER, hanging=GUTTER, bottom=6)
        fmt = QTextCharFormat(self.char(frozenset(), "equal", LABEL_COLOURS.get(role, TEXT_COLOUR)))
        fmt.setFontPointSize(FOOTNOTE_POINT_SIZE)
        self.write(f"{number}\t" if number else "\t", fmt)
        return block

    def masthead_row(self, item: MetadataChange, side: str | None) -> int:
        """A changed masthead field; ``side`` "old"/"new" shows one value only."""
        block = self.paragraph(left=GUTTER, bottom=6)
        self.write(f"{field_name(item.field).capitalize()}: ", self.note_format(italic=False))
        old, new = _value(item.old), _value(item.new)
        if side != "new" and old:
            self.write(old, self.char(frozenset(), "delete"))
        if side is None and old and new:
            self.write(" ", self.char())
        if side != "old" and new:
            self.write(new, self.char(frozenset(), "insert"))
        return block


def _value(value: object) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return "" if value is None else str(value)


def text_within(document: Document, limit: int) -> bool:
    """Whether the paragraphs' text (about what a view of the document writes) has at most
    ``limit`` characters; counts no further than that."""
    total = 0
    for block in document.iter_blocks():
        for node in block.content:
            if isinstance(node, Text):
                total += len(node.text)
        if total > limit:
            return False
    return True


def heading_marks(side: Side, block_id: str) -> frozenset[Mark]:
    block = side.blocks[block_id][0]
    return frozenset({Mark.BOLD}) if block.kind is BlockKind.HEADING else frozenset()


def formatting_roles(old: Iterable[Token], new: Iterable[Token]) -> Iterator[tuple[Token, str]]:
    for a, b in zip(old, new, strict=False):
        yield b, ("format" if a.text != b.text or a.marks != b.marks else "equal")


def words_shown(change: BlockChange, show_formatting: bool) -> bool:
    """Whether a paragraph is drawn from its word diff (else from its model content)."""
    if change.change == "formatting":
        return show_formatting
    return change.change == "modified" or (change.change == "moved" and change.edited)


def footnote_items(note: FootnoteChange, old: Side, new: Side, side: str | None):
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
