"""Model → editing surface: writes paragraphs of a :class:`Document` into a ``QTextDocument``.

Used for opening a document and for every structural edit (new paragraph, move, fix), so a
paragraph is drawn the same way whichever path created it.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument

from drafting.ids import new_id
from drafting.model import Block, BlockKind, Document, Inline, Mark, NoteRef, Proposal, ProposalSpan, Text
from ui.editor import formats


@dataclass(frozen=True)
class FlatBlock:
    """One editor paragraph: a model block (or the title / organ line) with its depth."""

    kind: str
    block_id: str
    depth: int
    content: list[Inline]
    numbered: bool = True
    alternative_to: str | None = None
    agreed_ad_ref: bool = False


def flatten(document: Document) -> Iterator[FlatBlock]:
    """The document's paragraphs in editor order: front matter, title, organ line, body."""
    for block in document.front:
        yield FlatBlock(formats.FRONT, block.id, 0, block.content)
    if document.masthead.title is not None:
        yield FlatBlock(formats.TITLE, "title", 0, [Text(document.masthead.title, frozenset({Mark.BOLD}))])
    if document.masthead.organ_line is not None:
        italic = frozenset({Mark.ITALIC}) if document.language != "zh" else frozenset()
        yield FlatBlock(formats.ORGAN_LINE, "organ-line", 0, [Text(document.masthead.organ_line, italic)])
    yield from flatten_blocks(document.blocks)


def flatten_blocks(blocks: list[Block], depth: int = 0) -> Iterator[FlatBlock]:
    for block in blocks:
        kind = block.kind.value if depth == 0 else BlockKind.SUBPARAGRAPH.value
        yield FlatBlock(
            kind, block.id, depth, block.content, block.numbered, block.alternative_to, block.agreed_ad_ref
        )
        yield from flatten_blocks(block.children, depth + 1)


def proposal_tooltip(proposal: Proposal | None, footnote_text: str | None = None) -> str:
    if proposal is None:
        return "Proposal"
    kind = {"insert": "Insertion", "delete": "Deletion", "replace": "Replacement"}[proposal.kind.value]
    lines = [f"{kind} proposed by {proposal.author or 'an unnamed delegation'}"]
    lines.append(f"Status: {proposal.status.value.replace('_', ' ')}")
    if proposal.oral:
        lines.append(f"Oral revision, {proposal.oral}")
    if proposal.date:
        lines.append(f"Date: {proposal.date}")
    rationale = proposal.rationale or footnote_text
    if rationale:
        lines.append(f"Rationale: {rationale}")
    # Rich text, so that Qt wraps a long rationale instead of showing one line across the screen.
    return f"<p style='max-width: 36em'>{'<br>'.join(html.escape(line) for line in lines)}</p>"


def insert_marker(cursor: QTextCursor, fmt: QTextCharFormat) -> None:
    """Insert a footnote marker of format ``fmt`` at ``cursor``: the word joiner that keeps it
    on the line of the word before it (:data:`formats.JOINER`), then the object character.
    Every path that puts a marker on the surface goes through here. One edit: undone whole."""
    cursor.beginEditBlock()
    cursor.insertText(formats.JOINER, formats.joiner_format(fmt))
    cursor.insertText(formats.OBJECT_CHAR, fmt)
    cursor.endEditBlock()


class SurfaceWriter:
    """Writes inline content and paragraphs at a cursor, with the document's proposals at hand."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self._marks_formats: dict[frozenset, QTextCharFormat] = {}
        """One format per set of marks, shared by the runs written (never changed after)."""

    def _marks_format(self, marks: frozenset) -> QTextCharFormat:
        fmt = self._marks_formats.get(marks)
        if fmt is None:
            fmt = self._marks_formats[marks] = formats.marks_format(marks)
        return fmt

    def _tooltip(self, proposal_id: str) -> tuple[str, str]:
        from drafting.model import plain_text

        proposal = self.document.proposals.get(proposal_id)
        note = None
        if proposal and proposal.rationale_footnote_id in self.document.footnotes:
            note = plain_text(self.document.footnotes[proposal.rationale_footnote_id].content)
        return proposal_tooltip(proposal, note), (proposal.author if proposal else None) or ""

    def write_inlines(
        self,
        cursor: QTextCursor,
        content: list[Inline],
        proposal: tuple[str, str] | None = None,
        outer: tuple[tuple[str, str], ...] = (),
    ) -> None:
        """Insert ``content`` at ``cursor``; ``proposal`` = (id, role) for runs inside a proposal,
        ``outer`` the proposals that one is nested in (outermost first)."""
        for node in content:
            if isinstance(node, Text):
                if not node.text:
                    continue
                fmt = self._marks_format(node.marks)
                if proposal is not None:  # a copy: _proposal_format never changes its base
                    fmt = self._proposal_format(fmt, proposal, outer)
                cursor.insertText(node.text, fmt)
            elif isinstance(node, NoteRef):
                fmt = formats.footnote_format(node.footnote_id)
                if proposal is not None:
                    fmt = self._proposal_format(fmt, proposal, outer)
                insert_marker(cursor, fmt)
            elif isinstance(node, ProposalSpan):
                nested = (*outer, proposal) if proposal is not None else ()
                self.write_inlines(cursor, node.deleted, (node.proposal_id, "deleted"), nested)
                self.write_inlines(cursor, node.inserted, (node.proposal_id, "inserted"), nested)

    def _proposal_format(
        self, base: QTextCharFormat, proposal: tuple[str, str], outer: tuple[tuple[str, str], ...]
    ) -> QTextCharFormat:
        """``base`` as a run of ``proposal`` nested in ``outer``: the roles of the proposals it
        is nested in show too (a deletion inside an insertion is underlined and struck), the
        colour and tooltip are those of the innermost."""
        for outer_id, outer_role in outer:
            base = formats.proposal_format(base, outer_id, outer_role, QColor(), "")
        proposal_id, role = proposal
        tooltip, author = self._tooltip(proposal_id)
        colour = formats.delegation_colour(author)
        return formats.set_outer(formats.proposal_format(base, proposal_id, role, colour, tooltip), outer)

    def write_paragraphs(
        self, cursor: QTextCursor, paragraphs: list[FlatBlock], *, first_in_place: bool
    ) -> None:
        """Write ``paragraphs`` at ``cursor``. With ``first_in_place`` the first one goes into the
        (empty) block the cursor is in; otherwise each starts a new block."""
        for index, para in enumerate(paragraphs):
            fmt = formats.block_format(
                para.kind,
                block_id=para.block_id,
                depth=para.depth,
                numbered=para.numbered,
                alternative_to=para.alternative_to,
                agreed_ad_ref=para.agreed_ad_ref,
            )
            if index == 0 and first_in_place:
                cursor.setBlockFormat(fmt)
                cursor.setBlockCharFormat(QTextCharFormat())
            else:
                cursor.insertBlock(fmt, QTextCharFormat())
            self.write_inlines(cursor, para.content)


def load_into(qdoc: QTextDocument, document: Document) -> list[FlatBlock]:
    """Replace ``qdoc``'s content with ``document`` (not undoable: used when opening); returns
    the paragraphs written, one surface block each."""
    qdoc.setUndoRedoEnabled(False)
    qdoc.clear()
    cursor = QTextCursor(qdoc)
    paragraphs = list(flatten(document))
    if not paragraphs:
        paragraphs = [FlatBlock(BlockKind.PARAGRAPH.value, new_id("p"), 0, [])]
    SurfaceWriter(document).write_paragraphs(cursor, paragraphs, first_in_place=True)
    qdoc.setUndoRedoEnabled(True)
    return paragraphs
