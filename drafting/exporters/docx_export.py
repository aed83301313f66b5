"""DOCX export for circulation: UN layout, real Word footnotes, proposals as negotiation
markup or as real tracked changes.

The export is written by these modules, one job each:

* ``docx_export`` (this module): the options, and the package of parts (:func:`export_docx`);
* ``docx_body``: ``word/document.xml``, the text with its masthead, styles, numbering and
  proposals (markup or tracked changes);
* ``docx_footnotes``: footnote references in the text and ``word/footnotes.xml``;
* ``docx_runs``: runs (run properties, text, tabs, characters XML cannot hold);
* ``docx_numbering``, ``docx_revisions``, ``docx_headers``, ``docx_parts``: automatic
  numbering, tracked-change details, headers and footers, the fixed parts.

Rules from ``conventions/ooxml.md`` that these modules keep:

* footnote ids ascend in document order, one ``w:footnoteReference`` per footnote; a repeat
  is a ``NOTEREF`` field to a bookmark around the first reference, with the correct number
  cached (LibreOffice shows the cache and never recomputes it), or plain superscript;
* deleted text is ``w:delText`` (and ``w:delInstrText``) inside ``w:del``;
* spaces are preserved with ``xml:space``; tabs are ``w:tab``;
* no rsids, no comments, no author or dates unless asked; fixed zip timestamps.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from drafting.exporters import docx_headers
from drafting.exporters import docx_parts as parts
from drafting.exporters.docx_body import BodyWriter
from drafting.exporters.docx_revisions import has_revisions
from drafting.gc_pause import cyclic_gc_paused
from drafting.model import Document, ProposalSpan
from drafting.numbering import BlockLabel, block_labels
from drafting.ooxml.package import write_package


@dataclass(frozen=True)
class DocxOptions:
    proposals: Literal["markup", "tracked"] = "markup"
    """markup: deletions struck through, insertions underlined (or bold), attribution in a
    footnote; tracked: real Word tracked changes authored by the delegation."""
    insertion: Literal["underline", "bold"] = "underline"
    repeats: Literal["noteref", "superscript"] = "noteref"
    """How a footnote cited again is written: a NOTEREF cross-reference or plain superscript."""
    numbering: Literal["automatic", "typed"] = "automatic"
    """automatic: operative numbers, subparagraph labels, section numerals and list numbers are
    Word automatic numbering (``numbering.xml``), so that Word and LibreOffice number the text
    again after changes are accepted or rejected and after the reader's own edits; typed: the
    numbers are typed text, for a file that goes on to tools that drop automatic numbering
    (pasting into e-mail, some document management and translation systems)."""
    timestamp: str | None = None
    """ISO 8601 time for the document properties, and the date of a tracked change whose
    proposal has none; None writes no dates in the properties."""
    author: str | None = None
    """Creator in the document properties; None writes none."""


@dataclass
class DocxResult:
    data: bytes
    warnings: list[str] = field(default_factory=list)


def wholly_deleted(
    document: Document, known_labels: dict[bool, dict[str, BlockLabel]] | None = None
) -> dict[str, str | None]:
    """Paragraphs proposed for deletion in full, with their printed labels: deleted with their
    paragraph marks, so that accepting leaves no empty numbered paragraph behind.
    ``known_labels``: ``block_labels`` by ``provisional``, shared with the caller (the labels are
    worked out only when some paragraph is deleted in full, and then once)."""
    deleted = [
        block
        for block in document.iter_blocks()
        if len(block.content) == 1
        and isinstance(block.content[0], ProposalSpan)
        and block.content[0].deleted
        and not block.content[0].inserted
    ]
    if not deleted:
        return {}
    known_labels = {} if known_labels is None else known_labels
    if True not in known_labels:
        known_labels[True] = block_labels(document)
    return {block.id: known_labels[True][block.id].label for block in deleted}


def linked_moves(document: Document) -> dict[str, str]:
    """Proposal id -> move name for both halves of every move (:attr:`Proposal.move_of`)."""
    moves: dict[str, str] = {}
    for proposal in document.proposals.values():
        if proposal.move_of and proposal.move_of in document.proposals:
            name = f"move{len(moves) // 2 + 1}"
            moves[proposal.id] = moves[proposal.move_of] = name
    return moves


@cyclic_gc_paused()  # a long document makes many objects and few cycles
def export_docx(
    document: Document,
    options: DocxOptions | None = None,
    deleted_labels: dict[str, str | None] | None = None,
    moves: dict[str, str] | None = None,
) -> DocxResult:
    """``deleted_labels``: paragraphs deleted in full (a redline) with their old printed labels;
    they take no number in the new text (with typed numbers, the old label is typed inside the
    deletion). ``moves``: proposal id -> move name, pairing the deletion and the insertion of
    a moved paragraph, written as Word move markup when tracked (:class:`~drafting.compare.redline.Redline`).
    Not given, both are read from the document itself: a paragraph whose whole text is one
    proposed deletion, and proposals linked by :attr:`~drafting.model.Proposal.move_of` (what
    suggesting mode and a compilation make)."""
    options = options or DocxOptions()
    labels: dict[bool, dict[str, BlockLabel]] = {}  # block_labels by ``provisional``, each made once
    if deleted_labels is None:
        deleted_labels = wholly_deleted(document, labels)
    if moves is None:
        moves = linked_moves(document)
    writer = BodyWriter(document, options, deleted_labels, moves, labels)
    body_xml = writer.document_xml()
    footnotes_xml = writer.footnotes_xml()
    title = document.masthead.title
    package = {
        "[Content_Types].xml": parts.content_types(),
        "_rels/.rels": parts.package_relationships(),
        "word/document.xml": body_xml,
        "word/_rels/document.xml.rels": parts.document_relationships(),
        "word/styles.xml": parts.styles(document.language),
        "word/settings.xml": parts.settings(track_revisions=has_revisions(body_xml, footnotes_xml)),
        "word/footnotes.xml": footnotes_xml,
        "word/numbering.xml": writer.numbering_xml(),
        **docx_headers.header_footer_parts(document, document.masthead.job_number),
        "word/fontTable.xml": parts.font_table(),
        "word/theme/theme1.xml": parts.theme(),
        "docProps/core.xml": parts.core_properties(
            title, document.masthead.symbol, options.author, options.timestamp
        ),
        "docProps/app.xml": parts.app_properties(),
    }
    return DocxResult(write_package(package), writer.warnings)
