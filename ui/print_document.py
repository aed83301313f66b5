"""The print rendering: a document as it would circulate, for printing and PDF export.

The editor paints operative numbers, subparagraph labels and footnote numbers in the margin;
here they become ordinary text ("12.\\t", "(a)\\t", superscript "3"), so that what prints or
goes into the PDF is the whole text. Everything is computed by ``drafting`` (labels,
footnote numbers, masthead lines); this module only lays it out.

Lengths are given in points and converted to the units of an unpaginated ``QTextDocument``
(pixels at Qt's default resolution), because a paginated document is printed by scaling
those units to the device.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextLength,
    QTextOption,
    QTextTableFormat,
)
from PySide6.QtPrintSupport import QPrinter

from drafting.atomic import atomic_write_bytes
from drafting.exporters.layout import masthead_lines, organ_line_parts
from drafting.model import Block, BlockKind, Document, Inline, Mark, NoteRef, ProposalSpan, Text
from drafting.numbering import block_labels, footnote_numbers
from drafting.proposals import attribution_tag
from ui.fonts import text_document

POINT_SIZE = 12
NOTE_POINT_SIZE = 10
MASTHEAD_POINT_SIZE = 14
INDENT = 36.0
"""Paragraph indent in points (half an inch); labels hang in it."""
NOTE_HANGING = 14.0
"""Footnote texts hang this far (points) to the right of their numbers."""
PARAGRAPH_SPACING = 8.0
PDF_MARGIN_MM = 25.0
_PAGE_A4 = QPageSize(QPageSize.PageSizeId.A4)
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
"""Arabic script, which is never set in italics (and most fonts have no slanted Arabic glyphs)."""


def print_document(document: Document, *, language: str | None = None) -> QTextDocument:
    """The document laid out for circulation, paginated for A4 with 2.5 cm margins.

    Masthead (symbol on the right), title, organ line, paragraphs with their numbers and
    labels, marks, footnote references as superscript numbers (a footnote cited again shows
    its number again), proposals as struck deleted text and underlined inserted text, and
    the adoption line. Qt's text layout has no page footnotes, so the footnote texts are
    printed together at the end, under a short rule, each after its number.
    ``language`` (default: the document's) picks the fonts and, for Arabic, right to left.
    """
    return _Renderer(document, language or document.language).render()


def export_pdf(document: Document, path: str | os.PathLike[str], *, language: str | None = None) -> None:
    """Write ``document`` as a PDF (A4, 2.5 cm margins) to ``path``, atomically, with Qt.

    The window's Export as PDF uses this only when LibreOffice is not installed or fails: the
    PDF made from the DOCX (``drafting.exporters.pdf_export``) has real page footnotes.
    Raises OSError, with a message naming the file, if it cannot be written.
    """
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setCreator("Penholder")
    writer.setTitle(document.masthead.symbol or document.masthead.title or Path(path).stem)
    writer.setPageLayout(
        QPageLayout(
            _PAGE_A4,
            QPageLayout.Orientation.Portrait,
            QMarginsF(PDF_MARGIN_MM, PDF_MARGIN_MM, PDF_MARGIN_MM, PDF_MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    _print(print_document(document, language=language), writer)
    del writer
    buffer.close()
    try:
        atomic_write_bytes(path, bytes(buffer.data().data()), follow_links=True)  # chosen in a dialog
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise OSError(exc.errno, f"The PDF could not be saved as {os.fspath(path)}: {reason}") from exc


def print_to(printer: QPrinter, document: Document, *, language: str | None = None) -> None:
    """Print ``document`` on ``printer`` (as set up by the Print dialog: its paper and margins)."""
    _print(print_document(document, language=language), printer)


def _print(text: QTextDocument, device: QPagedPaintDevice) -> None:
    """Fit the pages of ``text`` to the device's printable area and print."""
    area = device.pageLayout().paintRect(QPageLayout.Unit.Point)
    scale = _units_per_point()
    text.setPageSize(QSizeF(area.width() * scale, area.height() * scale))
    text.print_(device)


def _units_per_point() -> float:
    """Layout units per point. A text document without a paint device is laid out at the
    primary screen's resolution (96 dpi if the application asks for it, 100 without a screen);
    printing scales from there to the device."""
    if QGuiApplication.testAttribute(Qt.ApplicationAttribute.AA_Use96Dpi):
        return 96 / 72
    screen = QGuiApplication.primaryScreen()
    return (round(screen.logicalDotsPerInchX()) if screen else 100) / 72


class _Renderer:
    def __init__(self, document: Document, language: str) -> None:
        self.document = document
        self.rtl = language == "ar"
        self.pt = _units_per_point()
        self.labels = block_labels(document)
        self.numbers = footnote_numbers(document)
        self.text = text_document(language, POINT_SIZE, 0)
        width_mm = _PAGE_A4.size(QPageSize.Unit.Millimeter).width() - 2 * PDF_MARGIN_MM
        height_mm = _PAGE_A4.size(QPageSize.Unit.Millimeter).height() - 2 * PDF_MARGIN_MM
        self.text.setPageSize(QSizeF(width_mm / 25.4 * 72 * self.pt, height_mm / 25.4 * 72 * self.pt))
        self.cursor = QTextCursor(self.text)
        self.fresh = True
        """Whether the cursor's block is still empty and unformatted (to be used, not split)."""

    # --- structure ---------------------------------------------------------------------------

    def render(self) -> QTextDocument:
        document = self.document
        for block in document.front:
            self._block(block, 0)
        self._masthead()
        self._organ_line()
        for block in document.blocks:
            self._block(block, 0)
        self._adoption_line()
        self._footnotes()
        return self.text

    def _paragraph(
        self,
        *,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignJustify,
        first_line: float = 0.0,
        left: float = 0.0,
        hanging: float = 0.0,
        top: float = 0.0,
        bottom: float = PARAGRAPH_SPACING,
        cursor: QTextCursor | None = None,
    ) -> QTextCursor:
        """Start a paragraph (lengths in points). ``hanging``: the label before the first tab sits
        that far left of ``left``, where the text lines up."""
        fmt = QTextBlockFormat()
        fmt.setAlignment(align)
        # Margins are physical and the first-line indent applies where the line starts, so right
        # to left the paragraph is indented from the right.
        (fmt.setRightMargin if self.rtl else fmt.setLeftMargin)(left * self.pt)
        fmt.setTextIndent((-hanging if hanging else first_line) * self.pt)
        fmt.setTopMargin(top * self.pt)
        fmt.setBottomMargin(bottom * self.pt)
        if hanging:
            # Tab positions count from the start of the first line; right to left, only a RightTab
            # (mirrored: counted from the right) has any width.
            kind = QTextOption.TabType.RightTab if self.rtl else QTextOption.TabType.LeftTab
            fmt.setTabPositions([QTextOption.Tab(hanging * self.pt, kind)])
        if self.rtl:
            fmt.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        if cursor is not None:
            cursor.setBlockFormat(fmt)
            return cursor
        if self.fresh:
            self.cursor.setBlockFormat(fmt)
            self.fresh = False
        else:
            self.cursor.insertBlock(fmt, QTextCharFormat())
        return self.cursor

    def _masthead(self) -> None:
        """Organ and symbol side by side above a rule; session and agenda item on the left,
        distribution and dates on the right; then the centred lines and the title."""
        lines = {line.role: line.text for line in masthead_lines(self.document)}
        top_left = [lines[r] for r in ("organization", "organ") if r in lines]
        top_right = [lines["symbol"]] if "symbol" in lines else []
        left = [lines[r] for r in ("session", "agenda_item", "agenda_title") if r in lines]
        right = [lines[r] for r in ("distribution", "date", "original_language") if r in lines]
        if top_left or top_right or left or right:
            self._masthead_table((top_left, top_right), (left, right))
        for role in ("adoption_heading", "provenance", "sponsors", "title"):
            if role not in lines:
                continue
            bold = role in ("adoption_heading", "title")
            cursor = self._paragraph(align=Qt.AlignmentFlag.AlignHCenter, top=6 if role == "title" else 0)
            self._inline(cursor, [Text(lines[role], frozenset({Mark.BOLD}) if bold else frozenset())])

    def _masthead_table(self, top: tuple[list[str], list[str]], rest: tuple[list[str], list[str]]) -> None:
        """Two columns, left and right; the top row (organ, symbol) large, with a rule below it."""
        rows = [(row, row is top) for row in (top, rest) if row[0] or row[1]]
        fmt = QTextTableFormat()
        fmt.setBorder(0)
        fmt.setCellPadding(0)
        fmt.setCellSpacing(0)
        fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
        fmt.setColumnWidthConstraints([QTextLength(QTextLength.Type.PercentageLength, 50)] * 2)
        fmt.setBottomMargin(PARAGRAPH_SPACING * self.pt)
        if self.rtl:
            fmt.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        if not self.fresh:
            self.cursor.insertBlock()
        # Qt keeps an empty paragraph before a table; make it take no room.
        collapsed = QTextBlockFormat()
        collapsed.setLineHeight(0, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
        self.cursor.setBlockFormat(collapsed)
        table = self.cursor.insertTable(len(rows), 2, fmt)
        for row, ((left, right), heading) in enumerate(rows):
            ruled = heading and len(rows) > 1
            # Table columns are not mirrored right to left: place the mirrored masthead by hand.
            for column, texts in enumerate((right, left) if self.rtl else (left, right)):
                cursor = table.cellAt(row, column).firstCursorPosition()
                side = Qt.AlignmentFlag.AlignLeft if column == 0 else Qt.AlignmentFlag.AlignRight
                align = side | Qt.AlignmentFlag.AlignAbsolute
                for index, line in enumerate(texts or [""]):
                    if index:
                        cursor.insertBlock()
                    self._paragraph(align=align, bottom=0, cursor=cursor)
                    char = QTextCharFormat()
                    if heading:
                        char.setFontPointSize(MASTHEAD_POINT_SIZE)
                        char.setFontWeight(QFont.Weight.Bold)
                    cursor.insertText(line, char)
                if ruled:
                    block = cursor.blockFormat()
                    block.setProperty(
                        QTextFormat.Property.BlockTrailingHorizontalRulerWidth,
                        QTextLength(QTextLength.Type.PercentageLength, 100),
                    )
                    block.setBottomMargin(6 * self.pt)
                    cursor.setBlockFormat(block)
        self.cursor.setPosition(table.lastPosition() + 1)
        self.fresh = True

    def _organ_line(self) -> None:
        before, italic, after = organ_line_parts(self.document)
        if before or italic or after:
            cursor = self._paragraph(first_line=INDENT, top=6)
            self._inline(cursor, [Text(before), Text(italic, frozenset({Mark.ITALIC})), Text(after)])

    def _block(self, block: Block, depth: int) -> None:
        label = self.labels[block.id].label
        kind = block.kind
        if kind is BlockKind.PREAMBULAR:
            cursor = self._paragraph(first_line=INDENT)
        elif kind is BlockKind.HEADING:
            cursor = self._paragraph(
                align=Qt.AlignmentFlag.AlignLeft,
                left=INDENT if label else 0,
                hanging=INDENT if label else 0,
                top=6,
            )
        elif label:  # operative paragraphs, subparagraphs, list items
            cursor = self._paragraph(left=INDENT * (depth + 1), hanging=INDENT)
        else:
            cursor = self._paragraph()
        marks = frozenset({Mark.BOLD}) if kind is BlockKind.HEADING else frozenset()
        if label:
            self._inline(cursor, [Text(f"{label}\t", marks)])
        self._inline(cursor, block.content, marks)
        for child in block.children:
            self._block(child, depth + 1)

    def _adoption_line(self) -> None:
        head = self.document.masthead
        pieces = [piece for piece in (head.adoption_meeting, head.adoption_date) if piece]
        for index, piece in enumerate(pieces):
            cursor = self._paragraph(align=Qt.AlignmentFlag.AlignRight, top=12 if index == 0 else 0, bottom=0)
            self._inline(cursor, [Text(piece, frozenset({Mark.ITALIC}))])

    def _footnotes(self) -> None:
        document = self.document
        order = sorted(document.footnotes, key=lambda footnote_id: self.numbers[footnote_id])
        note = document.masthead.sponsors_note
        if not order and not note:
            return
        cursor = self._paragraph(align=Qt.AlignmentFlag.AlignLeft, top=18, bottom=4)
        rule = QTextCharFormat()
        rule.setFontPointSize(NOTE_POINT_SIZE)
        cursor.insertText("_" * 16, rule)
        entries = [(str(self.numbers[fid]), document.footnotes[fid].content) for fid in order]
        if note:
            entries.append(("*", [Text(note)]))
        for number, content in entries:
            cursor = self._paragraph(left=NOTE_HANGING, hanging=NOTE_HANGING, bottom=3)
            self._inline(
                cursor, [Text(number, frozenset({Mark.SUPERSCRIPT})), Text("\t")], size=NOTE_POINT_SIZE
            )
            self._inline(cursor, [n for n in content if not isinstance(n, NoteRef)], size=NOTE_POINT_SIZE)

    # --- inline ------------------------------------------------------------------------------

    def _inline(
        self,
        cursor: QTextCursor,
        content: list[Inline],
        extra: frozenset[Mark] = frozenset(),
        *,
        size: float | None = None,
    ) -> None:
        for node in content:
            if isinstance(node, Text):
                if node.text:
                    marks = node.marks | extra
                    if Mark.ITALIC in marks and _ARABIC.search(node.text):
                        marks -= {Mark.ITALIC}
                    cursor.insertText(node.text.replace("\n", "\u2028"), _char(marks, size))
            elif isinstance(node, NoteRef):
                number = self.numbers.get(node.footnote_id)
                if number is not None and node.footnote_id in self.document.footnotes:
                    cursor.insertText(str(number), _char(extra | {Mark.SUPERSCRIPT}, size))
            elif isinstance(node, ProposalSpan):
                self._inline(cursor, node.deleted, extra | {Mark.STRIKE}, size=size)
                if node.deleted and node.inserted:
                    cursor.insertText(" ", _char(extra, size))
                self._inline(cursor, node.inserted, extra | {Mark.UNDERLINE}, size=size)
                proposal = self.document.proposals.get(node.proposal_id)
                if proposal is not None:
                    tag = attribution_tag(proposal, self.document.footnotes)
                    if tag:
                        cursor.insertText(tag, _char(extra, size))


def _char(marks: frozenset[Mark], size: float | None = None) -> QTextCharFormat:
    fmt = QTextCharFormat()
    if size:
        fmt.setFontPointSize(size)
    fmt.setFontItalic(Mark.ITALIC in marks)
    fmt.setFontWeight(QFont.Weight.Bold if Mark.BOLD in marks else QFont.Weight.Normal)
    fmt.setFontUnderline(Mark.UNDERLINE in marks)
    fmt.setFontStrikeOut(Mark.STRIKE in marks)
    if Mark.SUPERSCRIPT in marks:
        fmt.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignSuperScript)
    return fmt
