"""The text of a DOCX export, ``word/document.xml``: masthead, organ line, the paragraphs in the
UN styles with their numbering, the adoption line and the page setup; proposals as negotiation
markup or as tracked changes (``w:ins``/``w:del``, Word move markup for a moved paragraph, the
paragraph mark of a paragraph inserted or deleted in full changed too). Footnote references are
written by :mod:`~drafting.exporters.docx_footnotes`, runs by :mod:`~drafting.exporters.docx_runs`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from lxml import etree

from drafting.exporters import docx_headers
from drafting.exporters import docx_parts as parts
from drafting.exporters.docx_footnotes import Footnotes
from drafting.exporters.docx_numbering import NumberingPlan, plan_numbering, printed_labels
from drafting.exporters.docx_revisions import (
    document_date,
    revision_date,
    settle_paragraph_marks,
    spaces_into_changes,
)
from drafting.exporters.docx_runs import el, text_run
from drafting.exporters.layout import masthead_lines, organ_line_parts
from drafting.exporters.xml_tree import Element, Written, serialize, to_bytes, word_root, written
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
from drafting.numbering import PROVISIONAL_KINDS, BlockLabel, block_labels, proposed_in_full
from drafting.ooxml import w
from drafting.proposals import AGREED_TAG, STATUS_LABELS, UNNAMED, author_from_rationale

if TYPE_CHECKING:
    from drafting.exporters.docx_export import DocxOptions

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


class BodyWriter:
    """Writes ``word/document.xml`` (:meth:`document_xml`), then the parts that follow from it:
    :meth:`footnotes_xml` and :meth:`numbering_xml`. ``warnings`` collects what the export
    could not carry."""

    def __init__(
        self,
        document: Document,
        options: DocxOptions,
        deleted_labels: dict[str, str | None],
        moves: dict[str, str] | None = None,
        labels: dict[bool, dict[str, BlockLabel]] | None = None,
    ) -> None:
        """``labels``: ``block_labels(document, provisional=…)`` by ``provisional``, those the
        caller has worked out already (each is needed more than once)."""
        self.document = document
        self._block_labels = {} if labels is None else labels
        self._styles_written: dict[str, Written] = {}
        self._numbers_written: dict[tuple[int, int], Written] = {}
        """A paragraph's ``w:pStyle`` and ``w:numPr``, written once for each style and list level
        (nothing changes them once made: one serves every paragraph that has them)."""
        self.moves = moves or {}
        self.options = options
        self.provisional = options.proposals == "markup"
        """Labels as negotiators read a compilation text: a paragraph proposed in full is "4 bis"
        and one proposed for deletion keeps its number (struck), so that the numbers stay put
        until proposals are settled. With tracked changes, numbers are Word's: an inserted
        paragraph numbered, a deleted one not (it is deleted with its paragraph mark)."""
        self.deleted_labels = {} if self.provisional else deleted_labels
        if self.provisional or not deleted_labels:  # (_labels_without excludes none: the plain labels)
            self.labels = self.document_labels(self.provisional)
        else:
            self.labels = _labels_without(document, set(deleted_labels))
        self.warnings: list[str] = []
        self.numbering = self._numbering_plan()
        self.fallback_date = revision_date(options.timestamp) or document_date(document)
        if self.fallback_date is None:
            # A move's range marks must carry a date (ECMA-376): an undated move is written as
            # the deletion and insertion it also is.
            self.moves = {k: v for k, v in self.moves.items() if self._dated(k)}
        self.next_annotation_id = 1
        self.in_footnote = False
        """Set while a footnote's text is written: nothing in it may refer to a footnote."""
        self.footnotes = Footnotes(document, options, self)

    # --- document ----------------------------------------------------------------------------

    def document_xml(self) -> bytes:
        root = word_root("document")
        body = el(root, "body")
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
        settled = _settled(root) if _marks_changed(body) else None
        self._section(body)
        for footnote_id in self.footnotes.unreferenced():
            self.warnings.append(f"footnote {footnote_id} is not referenced in the text and was left out")
        if settled is None:
            return to_bytes(root)
        # the section properties after the settled paragraphs, as lxml would write them there
        end = b"</w:body></w:document>"
        assert settled.endswith(end)
        return settled[: -len(end)] + serialize(body.children[-1]).encode("utf-8") + end

    def footnotes_xml(self) -> bytes:
        """``word/footnotes.xml``, once :meth:`document_xml` has written the references."""
        return self.footnotes.xml()

    def _masthead(self, body: Element) -> None:
        """The UN masthead: organ (and organization) on the left of the symbol, a rule below,
        then distribution and dates on the right and session and agenda item on the left."""
        lines = masthead_lines(self.document)
        top = {line.role: line.text for line in lines if line.role in ("organization", "organ", "symbol")}
        if top:
            first = top.get("organization") or top.get("organ") or ""
            p = self._paragraph(body, "PHMastheadTop", [])
            text_run(p, first, frozenset(), "PHOrganChar" if first == top.get("organ") else None)
            if "symbol" in top:
                text_run(p, "\t", frozenset())
                text_run(p, top["symbol"], frozenset(), "PHSymbolChar")
            if top.get("organization") and top.get("organ"):
                p = self._paragraph(body, "PHOrgan", [])
                text_run(p, top["organ"], frozenset(), "PHOrganChar")
            else:
                el(p[0], "pBdr").append(_rule())
        for line in lines:
            if line.role not in top:
                self._masthead_line(body, line.role, line.text)

    def _masthead_line(self, body: Element, role: str, text: str) -> None:
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
            self.inline(p, [Text(text[:-1])])
            self.footnotes.star_reference(p, self.document.masthead.sponsors_note)
        else:
            self.inline(p, [Text(text)])

    def _block(self, body: Element, block: Block, depth: int) -> None:
        if block.kind is BlockKind.SUBPARAGRAPH:
            style = "PHSubparagraph1" if depth <= 1 else "PHSubparagraph2"
        else:
            style = BLOCK_STYLES[block.kind]
        if block.id in self.deleted_labels:
            self._deleted_block(body, style, block, self.deleted_labels[block.id])
            for child in block.children:
                self._block(body, child, depth + 1)
            return
        typed = not self.numbering or block.alternative_to is not None or self._provisional(block)
        label = self.labels[block.id].label if typed else None
        content = [Text(f"{label}\t"), *block.content] if label else block.content
        if block.agreed_ad_ref:
            content = [*content, Text(AGREED_TAG)]
        inserted = self._wholly_inserted(block)
        if inserted is not None:
            # A paragraph proposed in full: its number and its paragraph mark are inserted too,
            # so that rejecting the change in Word leaves no empty numbered paragraph.
            span = ProposalSpan(
                inserted.proposal_id,
                [],
                [*content[:1], *inserted.inserted, *content[2:]]
                if label
                else [*inserted.inserted, *content[1:]],
            )
            p = self._paragraph(body, style, [span], block)
            self._paragraph_mark(p, span, "ins")
        else:
            self._paragraph(body, style, content, block)
        for child in block.children:
            self._block(body, child, depth + 1)

    def _deleted_block(self, body: Element, style: str, block: Block, label: str | None) -> None:
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

    def _paragraph_mark(self, p: Element, span: ProposalSpan, kind: str) -> None:
        """The paragraph mark of a paragraph inserted or deleted in full is inserted or deleted
        too; for a moved paragraph, moved (``moveTo``/``moveFrom``), its text between the
        move's range marks. LibreOffice joins a deleted paragraph to the next one keeping the
        deleted one's style unless the deletion of text and mark are one change, which it
        does not make them when it takes the pair for a move on its own."""
        attrs = self.revision_attrs(span)
        name = self.moves.get(span.proposal_id)
        if name is None:
            el(el(p[0], "rPr"), kind, id=str(self.annotation_id()), **attrs)
            return
        move = "moveFrom" if kind == "del" else "moveTo"
        el(el(p[0], "rPr"), move, id=str(self.annotation_id()), **attrs)
        range_id = str(self.annotation_id())
        names = {"id": range_id, "name": name, **attrs}
        start = Element(f"w:{move}RangeStart", {f"w:{key}": value for key, value in names.items()})
        p.insert(1, start)
        el(p, f"{move}RangeEnd", id=range_id)

    def _provisional(self, block: Block) -> bool:
        """A paragraph labelled "4 bis": typed, since Word's lists cannot print it."""
        return self.provisional and block.kind in PROVISIONAL_KINDS and proposed_in_full(block)

    def _wholly_inserted(self, block: Block) -> ProposalSpan | None:
        content = block.content
        if self.options.proposals == "tracked" and len(content) == 1 and isinstance(content[0], ProposalSpan):
            span = content[0]
            if not span.deleted and span.inserted:
                return span
        return None

    def _dated(self, proposal_id: str) -> bool:
        proposal = self.document.proposals.get(proposal_id)
        return proposal is not None and revision_date(proposal.date) is not None

    def revision_attrs(self, span: ProposalSpan | None) -> dict[str, str]:
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

    def document_labels(self, provisional: bool) -> dict[str, BlockLabel]:
        """``block_labels(document, provisional=provisional)``, worked out once per export."""
        labels = self._block_labels.get(provisional)
        if labels is None:
            labels = self._block_labels[provisional] = block_labels(self.document, provisional=provisional)
        return labels

    def _numbering_plan(self) -> NumberingPlan | None:
        """The lists that number the blocks, or None for typed numbers (asked for, or when Word
        would not print what Penholder derives, as after 26 subparagraphs: "aa", then "bb")."""
        if self.options.numbering != "automatic":
            return None
        plan = plan_numbering(self.document, provisional=self.provisional)
        labels = self.document_labels(self.provisional)
        order = [b.id for b in self.document.iter_blocks()]
        printed = printed_labels(plan, order)
        typed = {b.id for b in self.document.blocks if b.alternative_to is not None or self._provisional(b)}
        if any(printed.get(i) != labels[i].label for i in order if i not in typed):
            self.warnings.append("numbers written as text: Word's automatic numbering cannot print them")
            return None
        return plan

    def numbering_xml(self) -> bytes:
        return (self.numbering or NumberingPlan()).xml()

    def _adoption_line(self, body: Element) -> None:
        head = self.document.masthead
        pieces = [part for part in (head.adoption_meeting, head.adoption_date) if part]
        if not pieces:
            return
        p = self._paragraph(body, "PHAdoptionLine", [])
        for index, piece in enumerate(pieces):
            if index:
                el(el(p, "r"), "br")
            text_run(p, piece, frozenset())

    def _section(self, body: Element) -> None:
        """A4 page; the UN header and footer on pages 2+ (even and odd differ), the title page's own."""
        sect = el(body, "sectPr")
        docx_headers.add_references(sect)
        page = parts.PAGE
        el(sect, "pgSz", w=str(page["w"]), h=str(page["h"]))
        el(
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
        el(sect, "titlePg")

    def _paragraph(
        self, parent: Element, style: str, content: list[Inline], block: Block | None = None
    ) -> Element:
        p = el(parent, "p")
        ppr = el(p, "pPr")  # an element: a rule or a changed mark may go in it later
        style_xml = self._styles_written.get(style)
        if style_xml is None:
            style_xml = self._styles_written[style] = written("w:pStyle", {"w:val": style})
        ppr.append(style_xml)
        num = self.numbering.num_pr(block.id) if self.numbering and block is not None else None
        if num is not None:
            num_xml = self._numbers_written.get(num)
            if num_xml is None:
                level = written("w:ilvl", {"w:val": str(num[1])})
                num_id = written("w:numId", {"w:val": str(num[0])})
                num_xml = Written("w:numPr", f"<w:numPr>{level.xml}{num_id.xml}</w:numPr>")
                self._numbers_written[num] = num_xml
            ppr.append(num_xml)
        self.inline(p, content)
        return p

    # --- inline ------------------------------------------------------------------------------

    def inline(
        self,
        parent: Element,
        content: list[Inline],
        extra: frozenset[Mark] = frozenset(),
        deleted: bool = False,
        inserted: bool = False,
    ) -> None:
        """Runs, footnote references and proposals of ``content`` into ``parent``."""
        if self.options.proposals == "tracked" and not (deleted or inserted):
            content = spaces_into_changes(content)
        for node in content:
            if isinstance(node, Text):
                text_run(parent, node.text, node.marks | extra, deleted=deleted)
            elif isinstance(node, NoteRef):
                if not self.in_footnote:
                    self.footnotes.note_reference(parent, node.footnote_id, deleted, inserted)
            elif isinstance(node, ProposalSpan):
                self._proposal(parent, node)

    # --- proposals ---------------------------------------------------------------------------

    def annotation_id(self) -> int:
        """The next id of a tracked change or bookmark (one sequence for both)."""
        value = self.next_annotation_id
        self.next_annotation_id += 1
        return value

    def _proposal(self, parent: Element, span: ProposalSpan) -> None:
        proposal = self.document.proposals.get(span.proposal_id)
        if self.options.proposals == "tracked":
            attrs = self.revision_attrs(span)
            moved = span.proposal_id in self.moves
            if span.deleted:
                removed = el(parent, "moveFrom" if moved else "del", id=str(self.annotation_id()), **attrs)
                self.inline(removed, span.deleted, deleted=True)
            if span.inserted:
                added = el(parent, "moveTo" if moved else "ins", id=str(self.annotation_id()), **attrs)
                self.inline(added, span.inserted, inserted=True)
            return
        inserted_mark = Mark.UNDERLINE if self.options.insertion == "underline" else Mark.BOLD
        self.inline(parent, span.deleted, frozenset({Mark.STRIKE}))
        if span.deleted and span.inserted:
            text_run(parent, " ", frozenset())
        self.inline(parent, span.inserted, frozenset({inserted_mark}))
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
        if self.in_footnote:  # a footnote cannot hold a footnote: the tag follows the change instead
            text_run(parent, f" ({who}; {status})" if status else f" ({who})", frozenset())
            return
        text = f"Proposed by {who} ({status})." if status else f"Proposed by {who}."
        self.footnotes.attribution(parent, text)


def _labels_without(document: Document, excluded: set[str]) -> dict[str, BlockLabel]:
    """Labels as if the ``excluded`` blocks were not there (paragraphs deleted in a redline),
    paragraphs proposed in full numbered as Word numbers tracked insertions."""
    if not excluded:
        return block_labels(document, provisional=False)

    def keep(blocks: list[Block]) -> list[Block]:
        return [replace(b, children=keep(b.children)) for b in blocks if b.id not in excluded]

    view = Document(
        document.kind, document.language, document.masthead, keep(document.front), keep(document.blocks)
    )
    return block_labels(view, provisional=False)


def _rule() -> Element:
    return Element("w:bottom", {"w:val": "single", "w:sz": "12", "w:space": "4", "w:color": "auto"})


def _marks_changed(body: Element) -> bool:
    """Whether a paragraph's mark is a tracked change: what ``settle_paragraph_marks`` looks
    for before it does anything (in a paragraph of the body, a ``w:pPr/w:rPr`` with a child)."""
    return any(
        len(mark) for p in body if p.tag == "w:p" and (mark := _paragraph_mark_properties(p)) is not None
    )


def _paragraph_mark_properties(p: Element) -> Element | None:
    """``p.find("w:pPr/w:rPr")``: the first ``w:rPr`` of a ``w:pPr`` of the paragraph."""
    for ppr in p:
        if ppr.tag == "w:pPr":
            for child in ppr:
                if child.tag == "w:rPr":
                    return child
    return None


def _settled(root: Element) -> bytes:
    """The document so far with its paragraph marks settled (``settle_paragraph_marks``, which
    moves paragraphs and marks about in an lxml tree): read into lxml, settled, written."""
    parser = etree.XMLParser(huge_tree=True, resolve_entities=False, no_network=True)
    document = etree.fromstring(to_bytes(root), parser)
    settle_paragraph_marks(document.find(w("body")))
    return etree.tostring(document, xml_declaration=True, encoding="UTF-8", standalone=True)
