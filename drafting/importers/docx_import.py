"""DOCX import: paragraphs, formatting, real footnotes, cross-reference repeats and tracked
changes, handed to the same structure classifier as the text importer.

python-docx's ``Paragraph.text`` skips everything inside ``w:ins``/``w:del``, so this module
walks the XML itself (``conventions/ooxml.md`` §7). Tracked changes become proposals with
their author and date: ``w:del`` a deletion, ``w:ins`` an insertion, a deletion followed by
an insertion of the same author a replacement, ``w:moveFrom``/``w:moveTo`` a deletion and
an insertion, ``w:rPrChange`` a replacement of the text by itself with new formatting. A change
inside another author's insertion (``w:del`` in ``w:ins``) is a proposal nested in theirs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from drafting.errors import ImportFailed
from drafting.gc_pause import cyclic_gc_paused
from drafting.ids import IdMaker
from drafting.importers.docx_styles import (
    Numbering,
    Styles,
    child_named,
    grandchild_named,
    localname,
    read_marks,
)
from drafting.importers.report import ImportReport, ImportResult
from drafting.inline_ops import normalize
from drafting.model import (
    Document,
    DocumentKind,
    Footnote,
    Inline,
    Mark,
    NoteRef,
    Proposal,
    ProposalKind,
    ProposalSpan,
    Text,
    iter_inlines,
    plain_text,
)
from drafting.ooxml import RT_FOOTNOTES, RT_NUMBERING, RT_OFFICE_DOCUMENT, RT_STYLES, w
from drafting.ooxml.package import Package, open_package
from drafting.proposals import new_proposal_id, proposal_kind, release_proposal_id
from drafting.structure import RawInput, RawParagraph, build_document, label_length

_NOTEREF = re.compile(r"^\s*NOTEREF\s+(\S+)", re.IGNORECASE)
_REVISION_TAGS = {"ins": "ins", "del": "del", "moveFrom": "del", "moveTo": "ins"}
_CONTAINERS = {"hyperlink", "smartTag", "customXml", "fldSimple", "sdtContent", "dir", "bdo"}
# Clark names of the elements and attributes looked up for every paragraph and run, made once.
_P, _T, _DEL_TEXT, _PPR, _RPR = w("p"), w("t"), w("delText"), w("pPr"), w("rPr")
_PSTYLE, _NUMPR, _NUMID, _ILVL = w("pStyle"), w("numPr"), w("numId"), w("ilvl")
_RSTYLE, _RPR_CHANGE, _INS, _DEL = w("rStyle"), w("rPrChange"), w("ins"), w("del")
_VAL, _ID, _NAME, _AUTHOR, _DATE, _INSTR = w("val"), w("id"), w("name"), w("author"), w("date"), w("instr")
_FLD_CHAR_TYPE = w("fldCharType")


@dataclass(frozen=True)
class _Revision:
    kind: str  # "ins" or "del"
    author: str | None
    date: str | None
    key: int  # identity of the revision element
    outer: _Revision | None = None
    """The insertion this change is nested in (a ``w:del`` inside another author's ``w:ins``:
    a deletion that only counts if that insertion is accepted)."""

    def chain(self) -> tuple[_Revision, ...]:
        """This change and those it is nested in, outermost first."""
        return (*self.outer.chain(), self) if self.outer is not None else (self,)


@dataclass
class _Segment:
    node: Inline
    revision: _Revision | None = None


@dataclass
class _Context:
    """State carried through one story (the body, or the footnotes)."""

    styles: Styles
    footnote_ids: dict[str, str]  # Word footnote id -> model footnote id
    star_ids: set[str]
    display: dict[str, int] = field(default_factory=dict)  # model footnote id -> printed number
    open_bookmarks: dict[str, str] = field(default_factory=dict)  # bookmark id -> name
    bookmark_note: dict[str, str] = field(default_factory=dict)  # bookmark name -> model footnote id
    star_notes: list[str] = field(default_factory=list)
    proposals: dict[str, Proposal] = field(default_factory=dict)
    proposal_suffixes: dict[str, int] = field(default_factory=dict)  # see new_proposal_id
    revision_elements: int = 0
    adjacent: list[tuple[tuple[str, str | None, str | None], str]] = field(default_factory=list)
    """The changes that end right where the text being assembled now begins, as ((kind, author,
    date), proposal id): a change of the same kind, author and date that follows one of them
    continues its proposal (one proposal that Word split around another author's insertion)."""


@cyclic_gc_paused()  # a long document makes many objects and few cycles
def import_docx_file(data: bytes, name: str = "input.docx") -> ImportResult:
    package = open_package(data, name)
    report = ImportReport(source=name)
    try:
        result = _import(package, report)
    except (KeyError, ValueError, IndexError, TypeError, RecursionError) as exc:
        raise ImportFailed(f"{name}: damaged Word document ({type(exc).__name__}: {exc})") from None
    report.notes.extend(package.notes)
    return result


def _main_part(package: Package) -> str:
    for rel in package.relationships(""):
        if rel.type == RT_OFFICE_DOCUMENT and not rel.external:
            return rel.target
    if package.has("word/document.xml"):
        return "word/document.xml"
    raise ImportFailed(f"{package.name}: no main document part; not a Word document")


def _import(package: Package, report: ImportReport) -> ImportResult:
    main = _main_part(package)
    if not package.has(main):
        raise ImportFailed(f"{package.name}: the main document part is missing")
    related = {rel.type: rel.target for rel in package.relationships(main) if not rel.external}

    def optional(rtype: str) -> etree._Element | None:
        target = related.get(rtype)
        return package.xml(target) if target and package.has(target) else None

    styles = Styles.read(optional(RT_STYLES))
    numbering = Numbering.read(optional(RT_NUMBERING))
    footnotes_root = optional(RT_FOOTNOTES)
    ctx = _Context(styles, {}, set())
    raw_notes = _collect_footnotes(footnotes_root)
    body = package.xml(main).find(w("body"))
    if body is None:
        raise ImportFailed(f"{package.name}: the document has no body")
    ids = IdMaker()
    for word_id, element in raw_notes.items():
        ctx.footnote_ids[word_id] = ids.from_content("fn", _plain(element))
    paragraphs: list[RawParagraph] = []
    mark_changes = 0
    for index, p in enumerate(_paragraphs(body), start=1):
        segments = _walk_paragraph(p, ctx)
        content = _hoist_label(_assemble(segments, ctx))
        label = _numbering_label(p, styles, numbering)
        if label:
            content = [Text(f"{label}\t"), *content]
        mark_changes += _paragraph_mark_changed(p)
        if content:
            hint = "heading" if "heading" in styles.name(_pstyle(p)) else None
            paragraphs.append(RawParagraph(content, [index], hint))
    _resolve_noterefs(paragraphs, ctx)
    footnotes: dict[str, Footnote] = {}
    for word_id, element in raw_notes.items():
        model_id = ctx.footnote_ids[word_id]
        parts: list[Inline] = []
        for p in element.iter(w("p")):
            piece = _assemble(_walk_paragraph(p, ctx, in_footnote=True), ctx)
            if parts and piece:
                parts.append(Text(" "))
            parts.extend(piece)
        content = _strip_leading_space(parts)
        if word_id in ctx.star_ids:  # the note repeats its own mark ("*") before the text
            note = plain_text(content).strip().removeprefix("*").strip()
            ctx.star_notes.append(note)
            changes = [n.proposal_id for n in iter_inlines(content) if isinstance(n, ProposalSpan)]
            if changes:  # the sponsors' note is plain text in the model: it cannot hold a proposal
                for proposal_id in changes:
                    if ctx.proposals.pop(proposal_id, None) is not None:
                        release_proposal_id(proposal_id, ctx.proposal_suffixes)
                report.warnings.append(
                    f"the sponsors' note (*) carries {_count(len(changes), 'tracked change')}, which Penholder"
                    f" cannot keep there: it was read as it stood before them (“{note}”)"
                )
        else:
            footnotes[model_id] = Footnote(model_id, content)
    _bind_bare_repeats(paragraphs, ctx)
    if mark_changes:
        report.notes.append(
            f"{mark_changes} paragraph marks carry tracked changes (paragraphs split or joined);"
            " their text changes are read as proposals"
        )
    raw = RawInput(paragraphs, footnotes, None, ctx.star_notes, ctx.proposals)
    document = build_document(raw, report)
    _drop_unplaced_proposals(document, report)
    if document.kind is not DocumentKind.PLAIN:
        document.masthead.job_number = _job_number(package)
    return ImportResult(document, report)


_JOB_NUMBER = re.compile(r"(?<![\w/-])(\d{2}-\d{5})(?![\w/-])")


def _job_number(package: Package) -> str | None:
    """The job number a UN document prints at the foot of its first page ("25-18947 (E)")."""
    for name in sorted(n for n in package.archive.namelist() if re.fullmatch(r"word/footer\d+\.xml", n)):
        if m := _JOB_NUMBER.search("".join(package.xml(name).itertext())):
            return m.group(1)
    return None


def _drop_unplaced_proposals(document: Document, report: ImportReport) -> None:
    """A tracked change in text that the document keeps as plain fields (masthead, title) has
    no place for a proposal: its text is kept as it stood, and the report says so, rather than
    listing a proposal with no text and no place."""
    placed = {
        node.proposal_id
        for content in [
            *(b.content for b in document.iter_blocks()),
            *(f.content for f in document.footnotes.values()),
        ]
        for node in iter_inlines(content)
        if isinstance(node, ProposalSpan)
    }
    unplaced = [proposal_id for proposal_id in document.proposals if proposal_id not in placed]
    for proposal_id in unplaced:
        del document.proposals[proposal_id]
    if unplaced:
        report.warnings.append(
            f"{_count(len(unplaced), 'tracked change')} in the masthead or title kept as the text stood"
            " before them: Penholder keeps proposals only in paragraphs and footnotes"
        )


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _collect_footnotes(root: etree._Element | None) -> dict[str, etree._Element]:
    """Normal footnotes by Word id. Separators are skipped by type, never by id."""
    notes: dict[str, etree._Element] = {}
    if root is None:
        return notes
    for element in root.iter(w("footnote")):
        if element.get(w("type"), "normal") == "normal":
            notes[element.get(w("id"), "")] = element
    return notes


def _plain(element: etree._Element) -> str:
    return "".join(t.text or "" for t in element.iter(_T, _DEL_TEXT))


def _paragraphs(container: etree._Element):
    """Body paragraphs in reading order, including those inside tables and content controls."""
    for child in container:
        tag = localname(child.tag)
        if tag == "p":
            yield child
        elif tag in ("tbl", "tr", "tc", "sdt", "sdtContent", "customXml"):
            yield from _paragraphs(child)


def _pstyle(p: etree._Element) -> str | None:
    style = grandchild_named(p, _PPR, _PSTYLE)
    return style.get(_VAL) if style is not None else None


def _numbering_label(p: etree._Element, styles: Styles, numbering: Numbering) -> str | None:
    num_pr = grandchild_named(p, _PPR, _NUMPR)
    num: tuple[str, int] | None = None
    if num_pr is not None:
        num_id = child_named(num_pr, _NUMID)
        ilvl = child_named(num_pr, _ILVL)
        if num_id is not None:
            level = ilvl.get(_VAL, "0") if ilvl is not None else "0"
            num = (num_id.get(_VAL, "0"), int(level) if level.isdigit() else 0)
    if num is None:
        num = styles.paragraph_numbering(_pstyle(p))
    return numbering.label(*num) if num else None


def _paragraph_mark_changed(p: etree._Element) -> int:
    rpr = grandchild_named(p, _PPR, _RPR)
    if rpr is None:
        return 0
    return int(child_named(rpr, _INS) is not None or child_named(rpr, _DEL) is not None)


# --- walking runs ---------------------------------------------------------------------------


@dataclass
class _Field:
    """A complex field (``w:fldChar`` begin … separate … end). Its instruction and result text
    arrive in pieces, one per run: they are kept as lists and joined once, since adding to a
    string held by an object copies it every time (quadratic in a field of many runs)."""

    instruction_parts: list[str] = field(default_factory=list)
    in_result: bool = False
    noteref: str | None = None
    cached_parts: list[str] = field(default_factory=list)

    @property
    def instruction(self) -> str:
        return "".join(self.instruction_parts)

    @property
    def cached(self) -> str:
        return "".join(self.cached_parts)


def _walk_paragraph(p: etree._Element, ctx: _Context, in_footnote: bool = False) -> list[_Segment]:
    walker = _Walker(ctx, in_footnote)
    walker.walk(p, None)
    return walker.out


class _Walker:
    """Walks one paragraph's XML into segments of inline content, each with its revision."""

    def __init__(self, ctx: _Context, in_footnote: bool) -> None:
        self.ctx = ctx
        self.in_footnote = in_footnote
        self.fields: list[_Field] = []
        self.noterefs: list[_Field] = []
        """The fields of ``fields`` showing their result that are NOTEREFs, innermost last: looked
        up for every piece of text, where searching ``fields`` cost its depth (a paragraph of many
        unclosed fields, issue 14)."""
        self.out: list[_Segment] = []

    def walk(self, element: etree._Element, revision: _Revision | None) -> None:
        ctx = self.ctx
        for child in element:
            tag = child.tag
            tag = localname(tag) if isinstance(tag, str) else ""
            if tag == "r":
                self.run(child, revision)
            elif tag in _REVISION_TAGS:
                ctx.revision_elements += 1
                author, date = child.get(_AUTHOR), child.get(_DATE)
                kind = _REVISION_TAGS[tag]
                if revision is not None and revision.kind == kind == "ins" and revision.author == author:
                    self.walk(child, revision)  # an insertion inside one's own insertion adds nothing
                    continue
                outer = revision if revision is not None and revision.kind == "ins" else None
                self.walk(child, _Revision(kind, author, date, ctx.revision_elements, outer))
            elif tag == "fldSimple" and (match := _NOTEREF.match(child.get(_INSTR, ""))):
                cached = "".join(t.text or "" for t in child.iter(_T)).strip()
                self.out.append(_Segment(NoteRef(f"bookmark:{match.group(1)}|{cached}"), revision))
            elif tag in _CONTAINERS or tag == "sdt":
                self.walk(child, revision)
            elif tag == "bookmarkStart":
                ctx.open_bookmarks[child.get(_ID, "")] = child.get(_NAME, "")
            elif tag == "bookmarkEnd":
                ctx.open_bookmarks.pop(child.get(_ID, ""), None)

    def run(self, run: etree._Element, revision: _Revision | None) -> None:
        ctx, out, fields = self.ctx, self.out, self.fields
        rpr = child_named(run, _RPR)
        rstyle_el = child_named(rpr, _RSTYLE) if rpr is not None else None
        rstyle = rstyle_el.get(_VAL) if rstyle_el is not None else None
        marks = ctx.styles.marks(rstyle, read_marks(rpr))
        change = child_named(rpr, _RPR_CHANGE) if rpr is not None else None
        old_marks = None
        if change is not None and revision is None:
            old_marks = ctx.styles.marks(rstyle, read_marks(child_named(change, _RPR)))

        def emit(text: str) -> None:
            _emit_text(text, marks, old_marks, change, revision, out)

        noterefs = self.noterefs
        for child in run:
            tag = child.tag
            tag = localname(tag) if isinstance(tag, str) else ""
            if tag == "fldChar":
                _field_char(child, fields, self.noterefs, revision, out)
                continue
            if tag in ("instrText", "delInstrText"):
                if fields and not fields[-1].in_result:
                    fields[-1].instruction_parts.append(child.text or "")
                continue
            noteref = noterefs[-1] if noterefs else None
            if tag in ("t", "delText"):
                text = child.text or ""
                if noteref is not None:
                    noteref.cached_parts.append(text)  # the number Word printed; the reference replaces it
                elif text:
                    if old_marks is None:  # what _emit_text does then, without the calls
                        out.append(_Segment(Text(text, marks), revision))
                    else:
                        emit(text)
            elif tag in ("tab", "ptab") and noteref is None:
                emit("\t")
            elif tag in ("br", "cr") and noteref is None:
                emit(" ")
            elif tag == "noBreakHyphen":
                emit("\u2011")
            elif tag == "sym":
                code = child.get(w("char"), "")
                if re.fullmatch(r"[0-9A-Fa-f]{2,4}", code) and 0x20 <= int(code, 16) < 0xF000:
                    emit(chr(int(code, 16)))
            elif tag == "footnoteReference" and not self.in_footnote:
                self.footnote_reference(child, revision)

    def footnote_reference(self, child: etree._Element, revision: _Revision | None) -> None:
        ctx = self.ctx
        word_id = child.get(w("id"), "")
        if child.get(w("customMarkFollows")) in ("1", "true", "on"):
            ctx.star_ids.add(word_id)  # its mark ("*") follows as ordinary text
            return
        model_id = ctx.footnote_ids.get(word_id)
        if model_id is None:
            return
        ctx.display.setdefault(model_id, len(ctx.display) + 1)
        for name in ctx.open_bookmarks.values():
            ctx.bookmark_note.setdefault(name, model_id)
        self.out.append(_Segment(NoteRef(model_id), revision))


def _field_char(
    child: etree._Element,
    fields: list[_Field],
    noterefs: list[_Field],
    revision: _Revision | None,
    out: list[_Segment],
) -> None:
    kind = child.get(_FLD_CHAR_TYPE)
    if kind == "begin":
        fields.append(_Field())
    elif kind == "separate" and fields:
        field_ = fields[-1]
        field_.in_result = True
        match = _NOTEREF.match(field_.instruction)
        field_.noteref = match.group(1) if match else None
        if noterefs and noterefs[-1] is field_:
            noterefs.pop()
        if field_.noteref:
            noterefs.append(field_)
    elif kind == "end" and fields:
        field_ = fields.pop()
        if noterefs and noterefs[-1] is field_:
            noterefs.pop()
        match = _NOTEREF.match(field_.instruction)
        if match:
            out.append(_Segment(NoteRef(f"bookmark:{match.group(1)}|{field_.cached.strip()}"), revision))


def _emit_text(
    text: str,
    marks: frozenset[Mark],
    old_marks: frozenset[Mark] | None,
    change: etree._Element | None,
    revision: _Revision | None,
    out: list[_Segment],
) -> None:
    if old_marks is not None and old_marks != marks and change is not None:
        # A formatting change: the same text, proposed with new formatting.
        key = id(change)
        before = _Revision("del", change.get(w("author")), change.get(w("date")), key)
        after = _Revision("ins", change.get(w("author")), change.get(w("date")), key)
        out.append(_Segment(Text(text, old_marks), before))
        out.append(_Segment(Text(text, marks), after))
        return
    out.append(_Segment(Text(text, marks), revision))


# --- from segments to inline content ---------------------------------------------------------


def _assemble(segments: list[_Segment], ctx: _Context, depth: int = 0) -> list[Inline]:
    """Group segments of one tracked change into proposal spans; changes nested in a change
    (``depth`` deep) become spans nested in its span."""
    out: list[Inline] = []
    if depth == 0:
        ctx.adjacent = []
    i = 0
    while i < len(segments):
        first = _revision_at(segments[i], depth)
        if first is None:
            out.append(segments[i].node)
            ctx.adjacent = []
            i += 1
            continue
        before = ctx.adjacent
        deleted: list[_Segment] = []
        inserted: list[_Segment] = []
        j = i
        while j < len(segments) and _continues(_revision_at(segments[j], depth), first):
            (deleted if first.kind == "del" else inserted).append(segments[j])
            j += 1
        if first.kind == "del" and j < len(segments):
            follower = _revision_at(segments[j], depth)
            if follower is not None and follower.kind == "ins" and follower.author == first.author:
                while j < len(segments) and _continues(_revision_at(segments[j], depth), follower):
                    inserted.append(segments[j])
                    j += 1
        removed = normalize(_assemble(deleted, ctx, depth + 1))
        added = normalize(_assemble(inserted, ctx, depth + 1))
        span = _proposal(removed, added, first, ctx, before)
        ctx.adjacent = [*ctx.adjacent, ((first.kind, first.author, first.date), span.proposal_id)]
        out.append(span)
        i = j
    return normalize(out)


def _continues(revision: _Revision | None, first: _Revision) -> bool:
    """Whether ``revision`` is part of the change ``first`` opens: the same element, or one of
    the same kind, author and date right after it (Word and Penholder split one change into
    several elements around a footnote reference, a formatting change or a space)."""
    if revision is None:
        return False
    if revision == first:
        return True
    return (revision.kind, revision.author, revision.date, revision.outer) == (
        first.kind,
        first.author,
        first.date,
        first.outer,
    )


def _revision_at(segment: _Segment, depth: int) -> _Revision | None:
    """The change ``depth`` levels deep that the segment is in (0: the outermost), if any."""
    if segment.revision is None:
        return None
    chain = segment.revision.chain() if segment.revision.outer is not None else (segment.revision,)
    return chain[depth] if depth < len(chain) else None


def _proposal(
    deleted: list[Inline],
    inserted: list[Inline],
    revision: _Revision,
    ctx: _Context,
    adjacent: list[tuple[tuple[str, str | None, str | None], str]],
) -> ProposalSpan:
    kind = proposal_kind(deleted, inserted)
    signature = (revision.kind, revision.author, revision.date)
    for before, proposal_id in adjacent:
        if before == signature and proposal_id in ctx.proposals:
            proposal = ctx.proposals[proposal_id]
            if proposal.kind is not kind:
                proposal.kind = ProposalKind.REPLACE
            return ProposalSpan(proposal_id, deleted, inserted)
    proposal_id = new_proposal_id(
        deleted, inserted, ctx.proposals, revision.author or "", ctx.proposal_suffixes
    )
    ctx.proposals[proposal_id] = Proposal(proposal_id, kind, author=revision.author, date=revision.date)
    return ProposalSpan(proposal_id, deleted, inserted)


def _hoist_label(content: list[Inline]) -> list[Inline]:
    """A paragraph inserted or deleted in full carries its typed number inside the change; the
    number is derived, so it goes back in front of the proposal."""
    if not content or not isinstance(content[0], ProposalSpan):
        return content
    span = content[0]
    if bool(span.deleted) == bool(span.inserted):
        return content
    side = span.inserted or span.deleted
    first = side[0]
    if not isinstance(first, Text):
        return content
    size = label_length(first.text)
    if not size:
        return content
    rest = normalize([Text(first.text[size:], first.marks), *side[1:]])
    hoisted = (
        ProposalSpan(span.proposal_id, [], rest)
        if span.inserted
        else ProposalSpan(span.proposal_id, rest, [])
    )
    return [Text(first.text[:size]), hoisted, *content[1:]]


def _strip_leading_space(content: list[Inline]) -> list[Inline]:
    while content and isinstance(content[0], Text) and not content[0].text.strip():
        content = content[1:]
    if content and isinstance(content[0], Text):
        content = [Text(content[0].text.lstrip(), content[0].marks), *content[1:]]
    return content


def _map_content(content: list[Inline], fn) -> list[Inline]:
    out: list[Inline] = []
    for node in content:
        if isinstance(node, ProposalSpan):
            out.append(
                ProposalSpan(
                    node.proposal_id, _map_content(node.deleted, fn), _map_content(node.inserted, fn)
                )
            )
        else:
            out.extend(fn(node))
    return normalize(out)


def _resolve_noterefs(paragraphs: list[RawParagraph], ctx: _Context) -> None:
    """Point NOTEREF repeats at the footnote whose reference their bookmark surrounds."""
    by_number = {number: model_id for model_id, number in ctx.display.items()}

    def resolve(node: Inline) -> list[Inline]:
        if isinstance(node, NoteRef) and node.footnote_id.startswith("bookmark:"):
            name, _, cached = node.footnote_id.removeprefix("bookmark:").rpartition("|")
            target = ctx.bookmark_note.get(name)
            if target is None and cached.isdigit():
                target = by_number.get(int(cached))
            if target is not None:
                return [NoteRef(target)]
            return [Text(cached, frozenset({Mark.SUPERSCRIPT}))] if cached else []
        return [node]

    for paragraph in paragraphs:
        paragraph.content = _map_content(paragraph.content, resolve)


def _bind_bare_repeats(paragraphs: list[RawParagraph], ctx: _Context) -> None:
    """A bare superscript number equal to a footnote already cited is a repeat of it."""
    by_number = {number: model_id for model_id, number in ctx.display.items()}
    seen: set[str] = set()

    def bind(node: Inline) -> list[Inline]:
        if isinstance(node, NoteRef):
            seen.add(node.footnote_id)
            return [node]
        if isinstance(node, Text) and Mark.SUPERSCRIPT in node.marks and node.text.strip().isdigit():
            target = by_number.get(int(node.text.strip()))
            if target in seen:
                return [NoteRef(target)]
        return [node]

    for paragraph in paragraphs:
        paragraph.content = _map_content(paragraph.content, bind)
