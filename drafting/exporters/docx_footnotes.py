"""Footnotes in a DOCX export: the references in the text and the ``word/footnotes.xml`` part.

Rules from ``conventions/ooxml.md`` kept here: footnote ids ascend in document order, one
``w:footnoteReference`` per footnote; a repeat is a ``NOTEREF`` field to a bookmark around the
first reference, with the correct number cached (LibreOffice shows the cache and never
recomputes it), or plain superscript; a deleted field instruction is ``w:delInstrText``.

With tracked changes the numbers are worked out for each text a reader can get (after accepting
and after rejecting every change), so that both number their footnotes right.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from drafting.exporters.docx_runs import el, run_properties
from drafting.exporters.xml_tree import Element, to_bytes, word_root
from drafting.model import Document, Inline, Mark, NoteRef, ProposalSpan, Text
from drafting.numbering import footnote_reference_counts
from drafting.ooxml import XML_NS, w
from drafting.proposal_ops import resolve_content

if TYPE_CHECKING:
    from drafting.exporters.docx_export import DocxOptions


class BodyWriter(Protocol):
    """What footnotes need from the writer of the text (``docx_body.BodyWriter``)."""

    def annotation_id(self) -> int: ...

    def revision_attrs(self, span: ProposalSpan | None) -> dict[str, str]: ...

    def inline(self, parent: Element, content: list[Inline]) -> None: ...


class Footnotes:
    """The footnotes of one export: references written into the text as it is written, and
    the footnote texts collected for ``word/footnotes.xml``."""

    def __init__(self, document: Document, options: DocxOptions, body: BodyWriter) -> None:
        self.document = document
        self.options = options
        self.body = body
        self.next_footnote_id = 1
        self.views: tuple[str, ...] = ("accept", "reject") if options.proposals == "tracked" else ("shown",)
        """The texts a reader can get: after accepting and after rejecting every change (tracked),
        or the one text shown (markup). Footnote numbers and repeats are worked out for each."""
        self.next_display = dict.fromkeys(self.views, 1)
        self.first_reference: dict[str, dict[str, tuple[str | None, int]]] = {v: {} for v in self.views}
        """View -> model footnote id -> (bookmark around its real reference, printed number)."""
        self.footnote_ids: dict[str, int] = {}
        self.footnote_bodies: list[tuple[int, list[Inline], bool]] = []  # (id, content, star?)
        self.reference_counts = footnote_reference_counts(document)

    def unreferenced(self) -> list[str]:
        """Model footnotes that no reference in the text brought into the export."""
        return [fid for fid in self.document.footnotes if fid not in self.footnote_ids]

    def _new_footnote(self, content: list[Inline], *, star: bool = False) -> int:
        footnote_id = self.next_footnote_id
        self.next_footnote_id += 1
        self.footnote_bodies.append((footnote_id, content, star))
        return footnote_id

    def _reference_run(self, parent: Element, footnote_id: int, *, star: bool = False) -> None:
        r = el(parent, "r")
        run_properties(r, frozenset(), "FootnoteReference")
        ref = el(r, "footnoteReference", id=str(footnote_id))
        if star:
            ref.set(w("customMarkFollows"), "1")
            el(r, "t").text = "*"

    def star_reference(self, parent: Element, note: str) -> None:
        """A footnote marked with an asterisk (the sponsors' note of the masthead)."""
        self._reference_run(parent, self._new_footnote([Text(note)], star=True), star=True)

    def attribution(self, parent: Element, text: str) -> None:
        """A footnote of the export's own (who proposed a change), numbered in every text."""
        self._reference_run(parent, self._new_footnote([Text(text)]))
        for view in self.views:
            self.next_display[view] += 1

    def note_reference(self, parent: Element, model_id: str, deleted: bool, inserted: bool = False) -> None:
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
            attrs = self.body.revision_attrs(None)
            removed = el(parent, "del", id=str(self.body.annotation_id()), **attrs)
            self.note_reference(removed, model_id, deleted=True)
            added = el(parent, "ins", id=str(self.body.annotation_id()), **attrs)
            self.note_reference(added, model_id, deleted=False, inserted=True)
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
                mark_id = str(self.body.annotation_id())
                el(parent, "bookmarkStart", id=mark_id, name=bookmark)
            self._reference_run(parent, footnote_id)
            if bookmark:
                el(parent, "bookmarkEnd", id=mark_id)
            return
        bookmark, display = form
        number = str(display)
        if self.options.repeats == "superscript" or bookmark is None or present != self.views:
            # Inside a tracked change a repeat is plain superscript: LibreOffice leaves a
            # field's empty shell behind when it accepts a deletion or rejects an insertion.
            self._styled_text(parent, number, deleted)
            return
        instruction = f" NOTEREF {bookmark} \\f \\h "
        el(el(parent, "r"), "fldChar", fldCharType="begin")
        instr = el(el(parent, "r"), "delInstrText" if deleted else "instrText")
        instr.text = instruction
        instr.set(f"{{{XML_NS}}}space", "preserve")
        el(el(parent, "r"), "fldChar", fldCharType="separate")
        self._styled_text(parent, number, deleted)
        el(el(parent, "r"), "fldChar", fldCharType="end")

    def _styled_text(self, parent: Element, text: str, deleted: bool) -> None:
        r = el(parent, "r")
        # superscript in its own right too, for readers that do not resolve character styles
        run_properties(r, frozenset({Mark.SUPERSCRIPT}), "FootnoteReference")
        el(r, "delText" if deleted else "t").text = text

    def xml(self) -> bytes:
        """``word/footnotes.xml``: the separators, then every footnote referenced in the text
        (so to be written after the text)."""
        root = word_root("footnotes")
        for footnote_id, kind, mark in ((-1, "separator", "separator"), (0, "continuationSeparator", None)):
            note = el(root, "footnote", type=kind, id=str(footnote_id))
            el(el(el(note, "p"), "r"), mark or "continuationSeparator")
        for footnote_id, content, star in self.footnote_bodies:
            note = el(root, "footnote", id=str(footnote_id))
            p = el(note, "p")
            el(el(p, "pPr"), "pStyle", val="FootnoteText")
            r = el(p, "r")
            run_properties(r, frozenset(), "FootnoteReference")
            if star:
                el(r, "t").text = "*"
            else:
                el(r, "footnoteRef")
            el(el(p, "r"), "tab")
            self.body.in_footnote = (
                True  # no footnote references in a footnote: Word and LibreOffice refuse them
            )
            try:
                self.body.inline(p, [n for n in content if not isinstance(n, NoteRef)])
            finally:
                self.body.in_footnote = False
        return to_bytes(root)


def _bookmark(footnote_id: int) -> str:
    return f"_RefPenholderFootnote{footnote_id}"
