"""DOCX export for circulation: UN layout, real Word footnotes, proposals as negotiation
markup or as real tracked changes.

Rules from ``conventions/ooxml.md`` that this module keeps:

* footnote ids ascend in document order, one ``w:footnoteReference`` per footnote; a repeat
  is a ``NOTEREF`` field to a bookmark around the first reference, with the correct number
  cached (LibreOffice shows the cache and never recomputes it), or plain superscript;
* deleted text is ``w:delText`` (and ``w:delInstrText``) inside ``w:del``;
* spaces are preserved with ``xml:space``; tabs are ``w:tab``;
* no rsids, no comments, no author or dates unless asked; fixed zip timestamps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from lxml import etree

from drafting.exporters import docx_headers
from drafting.exporters import docx_parts as parts
from drafting.exporters.docx_numbering import NumberingPlan, plan_numbering, printed_labels
from drafting.exporters.docx_revisions import (
    document_date,
    has_revisions,
    revision_date,
    settle_paragraph_marks,
    spaces_into_changes,
)
from drafting.exporters.layout import masthead_lines, organ_line_parts
from drafting.model import (
    Block,
    BlockKind,
    Document,
    DocumentKind,
    Inline,
    Mark,
    NoteRef,
    ProposalSpan,
    ProposalStatus,
    Text,
)
from drafting.numbering import BlockLabel, block_labels
from drafting.ooxml import XML_NS, w, word_root
from drafting.ooxml.package import write_package
from drafting.proposal_ops import resolve_content
from drafting.proposals import STATUS_LABELS, UNNAMED, author_from_rationale

MASTHEAD_STYLES = {
    "distribution": "PHMastheadRight",
    "date": "PHMastheadRight",
    "original_language": "PHMastheadRight",
    "session": "PHMasthead",
    "agenda_item": "PHMasthead",
    "agenda_title": "PHAgendaTitle",
    "adoption_heading": "PHAdoptionHeading",
    "provenance": "PHProvenance",
    "sponsors": "PHSponsors",
    "title": "PHTitle",
}
BLOCK_STYLES = {
    BlockKind.PREAMBULAR: "PHPreambular",
    BlockKind.OPERATIVE: "PHOperative",
    BlockKind.HEADING: "PHSectionHeading",
    BlockKind.LIST_ITEM: "PHListItem",
    BlockKind.PARAGRAPH: "PHParagraph",
}


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


def export_docx(
    document: Document,
    options: DocxOptions | None = None,
    deleted_labels: dict[str, str | None] | None = None,
    moves: dict[str, str] | None = None,
) -> DocxResult:
    """``deleted_labels``: paragraphs deleted in full (a redline) with their old printed labels;
    they take no number in the new text (with typed numbers, the old label is typed inside the
    deletion). ``moves``: proposal id -> move name, pairing the deletion and the insertion of
    a moved paragraph, written as Word move markup when tracked (:class:`~drafting.compare.redline.Redline`)."""
    options = options or DocxOptions()
    writer = _Writer(document, options, deleted_labels or {}, moves or {})
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


def _el(parent: etree._Element, tag: str, **attrs: str) -> etree._Element:
    element = etree.SubElement(parent, w(tag))
    for key, value in attrs.items():
        element.set(w(key), value)
    return element


class _Writer:
    def __init__(
        self,
        document: Document,
        options: DocxOptions,
        deleted_labels: dict[str, str | None],
        moves: dict[str, str] | None = None,
    ) -> None:
        self.document = document
        self.moves = moves or {}
        self.options = options
        self.deleted_labels = deleted_labels
        self.labels = _labels_without(document, set(deleted_labels))
        self.warnings: list[str] = []
        self.next_footnote_id = 1
        self.numbering = self._numbering_plan()
        self.views: tuple[str, ...] = ("accept", "reject") if options.proposals == "tracked" else ("shown",)
        """The texts a reader can get: after accepting and after rejecting every change (tracked),
        or the one text shown (markup). Footnote numbers and repeats are worked out for each."""
        self.next_display = dict.fromkeys(self.views, 1)
        self.first_reference: dict[str, dict[str, tuple[str | None, int]]] = {v: {} for v in self.views}
        """View -> model footnote id -> (bookmark around its real reference, printed number)."""
        self.fallback_date = revision_date(options.timestamp) or document_date(document)
        self.next_annotation_id = 1
        self.footnote_ids: dict[str, int] = {}
        self.footnote_bodies: list[tuple[int, list[Inline], bool]] = []  # (id, content, star?)
        self.reference_counts = self._count_references()

    # --- document ----------------------------------------------------------------------------

    def document_xml(self) -> bytes:
        root = word_root("document")
        body = _el(root, "body")
        document = self.document
        for block in document.front:
            self._paragraph(body, "PHFront", block.content)
        self._masthead(body)
        before, italic, after = organ_line_parts(document)
        if before or italic or after:
            content: list[Inline] = [Text(before), Text(italic, frozenset({Mark.ITALIC})), Text(after)]
            self._paragraph(body, "PHOrganLine", [n for n in content if isinstance(n, Text) and n.text])
        for block in document.blocks:
            self._block(body, block, 0)
        self._adoption_line(body)
        # The short rule that ends every UN document; being never changed, it also holds the
        # document's last paragraph mark, which no tracked change can remove.
        self._paragraph(body, "PHEndRule", [Text("\u00a0")])
        settle_paragraph_marks(body)
        self._section(body)
        for footnote_id in document.footnotes:
            if footnote_id not in self.footnote_ids:
                self.warnings.append(f"footnote {footnote_id} is not referenced in the text and was left out")
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    def _masthead(self, body: etree._Element) -> None:
        """The UN masthead: organ (and organization) on the left of the symbol, a rule below,
        then distribution and dates on the right and session and agenda item on the left."""
        lines = masthead_lines(self.document)
        top = {line.role: line.text for line in lines if line.role in ("organization", "organ", "symbol")}
        if top:
            first = top.get("organization") or top.get("organ") or ""
            p = self._paragraph(body, "PHMastheadTop", [])
            self._run(p, first, frozenset(), "PHOrganChar" if first == top.get("organ") else None)
            if "symbol" in top:
                self._run(p, "\t", frozenset())
                self._run(p, top["symbol"], frozenset(), "PHSymbolChar")
            if top.get("organization") and top.get("organ"):
                p = self._paragraph(body, "PHOrgan", [])
                self._run(p, top["organ"], frozenset(), "PHOrganChar")
            else:
                _el(p[0], "pBdr").append(_rule())
        for line in lines:
            if line.role not in top:
                self._masthead_line(body, line.role, line.text)

    def _masthead_line(self, body: etree._Element, role: str, text: str) -> None:
        style = MASTHEAD_STYLES[role]
        if role == "title" and self.document.kind is DocumentKind.CONCEPT_PAPER:
            style = "PHDocumentTitle"
        if (
            role == "title"
            and ". " in text
            and text.split(". ", 1)[0].replace("/", "").replace("-", "").isalnum()
        ):
            number, title = text.split(". ", 1)
            if number[:1].isdigit() or number[:2] in ("S-", "ES"):
                text = f"{number}.\t{title}"
        p = self._paragraph(body, style, [])
        if role == "sponsors" and text.endswith("*") and self.document.masthead.sponsors_note:
            self._inline(p, [Text(text[:-1])])
            self._star_reference(p, self.document.masthead.sponsors_note)
        else:
            self._inline(p, [Text(text)])

    def _block(self, body: etree._Element, block: Block, depth: int) -> None:
        if block.kind is BlockKind.SUBPARAGRAPH:
            style = "PHSubparagraph1" if depth <= 1 else "PHSubparagraph2"
        else:
            style = BLOCK_STYLES[block.kind]
        if block.id in self.deleted_labels:
            self._deleted_block(body, style, block, self.deleted_labels[block.id])
            for child in block.children:
                self._block(body, child, depth + 1)
            return
        label = None if self.numbering else self.labels[block.id].label
        content = [Text(f"{label}\t"), *block.content] if label else block.content
        inserted = self._wholly_inserted(block)
        if inserted is not None:
            # A paragraph proposed in full: its number and its paragraph mark are inserted too,
            # so that rejecting the change in Word leaves no empty numbered paragraph.
            span = ProposalSpan(
                inserted.proposal_id, [], [*content[:1], *inserted.inserted] if label else content
            )
            p = self._paragraph(body, style, [span], block)
            self._paragraph_mark(p, span, "ins")
        else:
            self._paragraph(body, style, content, block)
        for child in block.children:
            self._block(body, child, depth + 1)

    def _deleted_block(self, body: etree._Element, style: str, block: Block, label: str | None) -> None:
        """A paragraph deleted in full: its text and its paragraph mark deleted, so that it
        takes no number once accepted and its old number again when rejected (with typed
        numbers, its old number is typed inside the deletion)."""
        span = next((n for n in block.content if isinstance(n, ProposalSpan)), None)
        if span is None:
            self._paragraph(body, style, block.content, block)
            return
        label = None if self.numbering else label
        deleted = [Text(f"{label}\t"), *span.deleted] if label else span.deleted
        whole = ProposalSpan(span.proposal_id, deleted, [])
        p = self._paragraph(body, style, [whole], block)
        if self.options.proposals == "tracked":
            self._paragraph_mark(p, whole, "del")

    def _paragraph_mark(self, p: etree._Element, span: ProposalSpan, kind: str) -> None:
        """The paragraph mark of a paragraph inserted or deleted in full is inserted or deleted
        too; for a moved paragraph, moved (``moveTo``/``moveFrom``), its text between the
        move's range marks. LibreOffice joins a deleted paragraph to the next one keeping the
        deleted one's style unless the deletion of text and mark are one change, which it
        does not make them when it takes the pair for a move on its own."""
        attrs = self._revision_attrs(span)
        name = self.moves.get(span.proposal_id)
        if name is None:
            _el(_el(p[0], "rPr"), kind, id=str(self._annotation_id()), **attrs)
            return
        move = "moveFrom" if kind == "del" else "moveTo"
        _el(_el(p[0], "rPr"), move, id=str(self._annotation_id()), **attrs)
        range_id = str(self._annotation_id())
        start = etree.Element(w(f"{move}RangeStart"))
        for key, value in {"id": range_id, "name": name, **attrs}.items():
            start.set(w(key), value)
        p.insert(1, start)
        _el(p, f"{move}RangeEnd", id=range_id)

    def _wholly_inserted(self, block: Block) -> ProposalSpan | None:
        content = block.content
        if self.options.proposals == "tracked" and len(content) == 1 and isinstance(content[0], ProposalSpan):
            span = content[0]
            if not span.deleted and span.inserted:
                return span
        return None

    def _revision_attrs(self, span: ProposalSpan | None) -> dict[str, str]:
        """Author and date of a tracked change: the proposal's, else the export's timestamp,
        else the document's own date (a revision without a date shows as 1970 in LibreOffice)."""
        proposal = self.document.proposals.get(span.proposal_id) if span else None
        if proposal is None:
            authors = {p.author for p in self.document.proposals.values() if p.author}
            author = authors.pop() if len(authors) == 1 else "Penholder"
        else:
            author = proposal.author or "Unattributed"
        attrs = {"author": author}
        date = revision_date(proposal.date if proposal else None) or self.fallback_date
        if date:
            attrs["date"] = date
        return attrs

    # --- automatic numbering -----------------------------------------------------------------

    def _numbering_plan(self) -> NumberingPlan | None:
        """The lists that number the blocks, or None for typed numbers (asked for, or when Word
        would not print what Penholder derives, as after 26 subparagraphs: "aa", then "bb")."""
        if self.options.numbering != "automatic":
            return None
        plan = plan_numbering(self.document)
        labels = block_labels(self.document)
        order = [b.id for b in self.document.iter_blocks()]
        printed = printed_labels(plan, order)
        if any(printed.get(i) != labels[i].label for i in order):
            self.warnings.append("numbers written as text: Word's automatic numbering cannot print them")
            return None
        return plan

    def numbering_xml(self) -> bytes:
        return (self.numbering or NumberingPlan()).xml()

    def _adoption_line(self, body: etree._Element) -> None:
        head = self.document.masthead
        pieces = [part for part in (head.adoption_meeting, head.adoption_date) if part]
        if not pieces:
            return
        p = self._paragraph(body, "PHAdoptionLine", [])
        for index, piece in enumerate(pieces):
            if index:
                _el(_el(p, "r"), "br")
            self._run(p, piece, frozenset())

    def _section(self, body: etree._Element) -> None:
        """A4 page; the UN header and footer on pages 2+ (even and odd differ), the title page's own."""
        sect = _el(body, "sectPr")
        docx_headers.add_references(sect)
        page = parts.PAGE
        _el(sect, "pgSz", w=str(page["w"]), h=str(page["h"]))
        _el(
            sect,
            "pgMar",
            top=str(page["top"]),
            right=str(page["right"]),
            bottom=str(page["bottom"]),
            left=str(page["left"]),
            header="709",
            footer="709",
            gutter="0",
        )
        _el(sect, "titlePg")

    def _paragraph(
        self, parent: etree._Element, style: str, content: list[Inline], block: Block | None = None
    ) -> etree._Element:
        p = _el(parent, "p")
        ppr = _el(p, "pPr")
        _el(ppr, "pStyle", val=style)
        num = self.numbering.num_pr(block.id) if self.numbering and block is not None else None
        if num is not None:
            num_pr = _el(ppr, "numPr")
            _el(num_pr, "ilvl", val=str(num[1]))
            _el(num_pr, "numId", val=str(num[0]))
        self._inline(p, content)
        return p

    # --- inline ------------------------------------------------------------------------------

    def _inline(
        self,
        parent: etree._Element,
        content: list[Inline],
        extra: frozenset[Mark] = frozenset(),
        deleted: bool = False,
        inserted: bool = False,
    ) -> None:
        if self.options.proposals == "tracked" and not (deleted or inserted):
            content = spaces_into_changes(content)
        for node in content:
            if isinstance(node, Text):
                self._run(parent, node.text, node.marks | extra, deleted=deleted)
            elif isinstance(node, NoteRef):
                self._note_reference(parent, node.footnote_id, deleted, inserted)
            elif isinstance(node, ProposalSpan):
                self._proposal(parent, node)

    def _run(
        self,
        parent: etree._Element,
        text: str,
        marks: frozenset[Mark],
        style: str | None = None,
        deleted: bool = False,
    ) -> None:
        if not text:
            return
        r = _el(parent, "r")
        self._rpr(r, marks, style)
        text_tag = "delText" if deleted else "t"
        for index, piece in enumerate(re.split(r"[\t\n]", text)):
            if index:
                _el(r, "tab")
            if piece:
                t = _el(r, text_tag)
                t.text = _xml_safe(piece)
                if piece != piece.strip() or "  " in piece:
                    t.set(f"{{{XML_NS}}}space", "preserve")

    @staticmethod
    def _rpr(run: etree._Element, marks: frozenset[Mark], style: str | None = None) -> None:
        if not marks and not style:
            return
        rpr = _el(run, "rPr")
        if style:
            _el(rpr, "rStyle", val=style)
        if Mark.BOLD in marks:
            _el(rpr, "b")
        if Mark.ITALIC in marks:
            _el(rpr, "i")
        if Mark.STRIKE in marks:
            _el(rpr, "strike")
        if Mark.UNDERLINE in marks:
            _el(rpr, "u", val="single")
        if Mark.SUPERSCRIPT in marks:
            _el(rpr, "vertAlign", val="superscript")

    # --- footnotes ---------------------------------------------------------------------------

    def _count_references(self) -> dict[str, int]:
        from drafting.model import iter_inlines

        counts: dict[str, int] = {}
        for block in self.document.iter_blocks():
            for node in iter_inlines(block.content):
                if isinstance(node, NoteRef):
                    counts[node.footnote_id] = counts.get(node.footnote_id, 0) + 1
        return counts

    def _new_footnote(self, content: list[Inline], *, star: bool = False) -> int:
        footnote_id = self.next_footnote_id
        self.next_footnote_id += 1
        self.footnote_bodies.append((footnote_id, content, star))
        return footnote_id

    def _reference_run(self, parent: etree._Element, footnote_id: int, *, star: bool = False) -> None:
        r = _el(parent, "r")
        self._rpr(r, frozenset(), "FootnoteReference")
        ref = _el(r, "footnoteReference", id=str(footnote_id))
        if star:
            ref.set(w("customMarkFollows"), "1")
            _el(r, "t").text = "*"

    def _star_reference(self, parent: etree._Element, note: str) -> None:
        self._reference_run(parent, self._new_footnote([Text(note)], star=True), star=True)

    def _note_reference(
        self, parent: etree._Element, model_id: str, deleted: bool, inserted: bool = False
    ) -> None:
        """A footnote reference, worked out for each text it is part of (see ``views``): the
        first reference in that text is a real one, owning a footnote; a later one repeats its
        number. Inside a deletion it is part of the rejected text only, inside an insertion of
        the accepted text only, so a moved paragraph owns real footnotes where it now stands
        and its deleted old place others, with the same text, that go when it is accepted.
        Text common to both whose reference is real in one and a repeat in the other, or
        repeats a different number, is written as a deletion and an insertion."""
        footnote = self.document.footnotes.get(model_id)
        if footnote is None:
            return
        present = (
            ("reject",) if deleted and "reject" in self.views else ("accept",) if inserted else self.views
        )
        forms = {self.first_reference[view].get(model_id) for view in present}
        if len(forms) > 1:
            attrs = self._revision_attrs(None)
            removed = _el(parent, "del", id=str(self._annotation_id()), **attrs)
            self._note_reference(removed, model_id, deleted=True)
            added = _el(parent, "ins", id=str(self._annotation_id()), **attrs)
            self._note_reference(added, model_id, deleted=False, inserted=True)
            return
        form = forms.pop()
        if form is None:
            content = footnote.content
            if present != self.views:  # a footnote of one text only: its text as there
                content = resolve_content(content, accept=present == ("accept",))
            footnote_id = self._new_footnote(content)
            self.footnote_ids.setdefault(model_id, footnote_id)
            bookmark = None
            if self.reference_counts.get(model_id, 0) > 1 and self.options.repeats == "noteref":
                bookmark = _bookmark(footnote_id)
            for view in present:
                self.first_reference[view][model_id] = (bookmark, self.next_display[view])
                self.next_display[view] += 1
            if bookmark:
                mark_id = str(self._annotation_id())
                _el(parent, "bookmarkStart", id=mark_id, name=bookmark)
            self._reference_run(parent, footnote_id)
            if bookmark:
                _el(parent, "bookmarkEnd", id=mark_id)
            return
        bookmark, display = form
        number = str(display)
        if self.options.repeats == "superscript" or bookmark is None or present != self.views:
            # Inside a tracked change a repeat is plain superscript: LibreOffice leaves a
            # field's empty shell behind when it accepts a deletion or rejects an insertion.
            self._styled_text(parent, number, deleted)
            return
        instruction = f" NOTEREF {bookmark} \\f \\h "
        _el(_el(parent, "r"), "fldChar", fldCharType="begin")
        instr = _el(_el(parent, "r"), "delInstrText" if deleted else "instrText")
        instr.text = instruction
        instr.set(f"{{{XML_NS}}}space", "preserve")
        _el(_el(parent, "r"), "fldChar", fldCharType="separate")
        self._styled_text(parent, number, deleted)
        _el(_el(parent, "r"), "fldChar", fldCharType="end")

    def _styled_text(self, parent: etree._Element, text: str, deleted: bool) -> None:
        r = _el(parent, "r")
        # superscript in its own right too, for readers that do not resolve character styles
        self._rpr(r, frozenset({Mark.SUPERSCRIPT}), "FootnoteReference")
        _el(r, "delText" if deleted else "t").text = text

    def footnotes_xml(self) -> bytes:
        root = word_root("footnotes")
        for footnote_id, kind, mark in ((-1, "separator", "separator"), (0, "continuationSeparator", None)):
            note = _el(root, "footnote", type=kind, id=str(footnote_id))
            _el(_el(_el(note, "p"), "r"), mark or "continuationSeparator")
        for footnote_id, content, star in self.footnote_bodies:
            note = _el(root, "footnote", id=str(footnote_id))
            p = _el(note, "p")
            _el(_el(p, "pPr"), "pStyle", val="FootnoteText")
            r = _el(p, "r")
            self._rpr(r, frozenset(), "FootnoteReference")
            if star:
                _el(r, "t").text = "*"
            else:
                _el(r, "footnoteRef")
            _el(_el(p, "r"), "tab")
            self._inline(p, [n for n in content if not isinstance(n, NoteRef)])
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    # --- proposals ---------------------------------------------------------------------------

    def _annotation_id(self) -> int:
        value = self.next_annotation_id
        self.next_annotation_id += 1
        return value

    def _proposal(self, parent: etree._Element, span: ProposalSpan) -> None:
        proposal = self.document.proposals.get(span.proposal_id)
        if self.options.proposals == "tracked":
            attrs = self._revision_attrs(span)
            moved = span.proposal_id in self.moves
            if span.deleted:
                removed = _el(parent, "moveFrom" if moved else "del", id=str(self._annotation_id()), **attrs)
                self._inline(removed, span.deleted, deleted=True)
            if span.inserted:
                added = _el(parent, "moveTo" if moved else "ins", id=str(self._annotation_id()), **attrs)
                self._inline(added, span.inserted, inserted=True)
            return
        inserted_mark = Mark.UNDERLINE if self.options.insertion == "underline" else Mark.BOLD
        self._inline(parent, span.deleted, frozenset({Mark.STRIKE}))
        if span.deleted and span.inserted:
            self._run(parent, " ", frozenset())
        self._inline(parent, span.inserted, frozenset({inserted_mark}))
        if proposal is None:
            return
        rationale = self.document.footnotes.get(proposal.rationale_footnote_id or "")
        if proposal.author and proposal.author == author_from_rationale(rationale):
            return
        if proposal.author is None and rationale is not None:
            return
        status = (
            STATUS_LABELS.get(proposal.status) if proposal.status is not ProposalStatus.PROPOSED else None
        )
        who = proposal.author or UNNAMED
        text = f"Proposed by {who} ({status})." if status else f"Proposed by {who}."
        self._reference_run(parent, self._new_footnote([Text(text)]))
        for view in self.views:
            self.next_display[view] += 1


def _labels_without(document: Document, excluded: set[str]) -> dict[str, BlockLabel]:
    """Labels as if the ``excluded`` blocks were not there (paragraphs deleted in a redline)."""
    if not excluded:
        return block_labels(document)

    def keep(blocks: list[Block]) -> list[Block]:
        return [
            Block(b.id, b.kind, b.content, keep(b.children), b.numbered)
            for b in blocks
            if b.id not in excluded
        ]

    view = Document(
        document.kind, document.language, document.masthead, keep(document.front), keep(document.blocks)
    )
    return block_labels(view)


def _rule() -> etree._Element:
    bottom = etree.Element(w("bottom"))
    for key, value in (("val", "single"), ("sz", "12"), ("space", "4"), ("color", "auto")):
        bottom.set(w(key), value)
    return bottom


def _bookmark(footnote_id: int) -> str:
    return f"_RefPenholderFootnote{footnote_id}"


_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_safe(text: str) -> str:
    """XML 1.0 cannot hold control characters or lone surrogates; they become U+FFFD."""
    return _XML_ILLEGAL.sub("\ufffd", text)
