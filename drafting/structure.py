"""The structure classifier shared by every importer.

An importer turns its input into a flat list of :class:`RawParagraph` (inline content with
the printed labels still in the text) plus footnotes. This module decides what each
paragraph is — masthead, title, organ line, preambular or operative paragraph,
subparagraph, heading, list item, adoption line — and builds the :class:`Document`.
Printed numbers and labels are read to decide structure and then dropped: the model
derives them from order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from drafting import markup
from drafting import masthead as mh
from drafting.ids import IdMaker
from drafting.importers.report import ImportReport
from drafting.inline_ops import drop_prefix, leading_text, mark_prefix, split_content, starts_marked, strip
from drafting.model import (
    Block,
    BlockKind,
    Document,
    DocumentKind,
    Footnote,
    Inline,
    Mark,
    Masthead,
    Proposal,
    Text,
    plain_text,
)
from drafting.numbering import from_roman, letters, roman
from drafting.phrases import opening_phrase, phrase_list
from drafting.proposals import recognise_proposals

ORGAN_LINES = [
    re.compile(
        r"^The (General Assembly|Security Council|Economic and Social Council|Human Rights Council|"
        r"Trusteeship Council|Commission on [A-Z][\w ,-]+|Conference of the Parties[\w ,-]*|"
        r"[A-Z][\w-]+(?: [A-Z][\w-]+)* (?:Commission|Council|Committee|Board))\s*,?$"
    ),
    re.compile(r"^(大会|安全理事会|经济及社会理事会|人权理事会|麻醉药品委员会)[，,]$"),
    re.compile(r"^(L['’]Assemblée générale|Le Conseil de sécurité|Le Conseil économique et social),?$"),
    re.compile(r"^(La Asamblea General|El Consejo de Seguridad|El Consejo Económico y Social),?$"),
    re.compile(r"^(Генеральная Ассамблея|Совет Безопасности|Экономический и Социальный Совет),?$"),
    re.compile(r"^إن (الجمعية العامة|مجلس الأمن)،?$"),
]
OPERATIVE_LABEL = re.compile(r"^\s*(\d{1,3})(?:\.\s*|\s+-\s+)(?=\S|$)")
SUBPARAGRAPH_LABEL = re.compile(r"^\s*(?:\(([a-z]{1,4}|[ivxlc]{1,6})\)|([a-z])\))\s*(?=\S|$)")
HEADING_LABEL = re.compile(r"^\s*([IVXLC]{1,6})\.\s+(?=\S|$)")
TERMINAL = tuple(".,;:!?。，；：！？")
CONCEPT_TITLE = re.compile(r"\bconcept (?:paper|note)\b", re.IGNORECASE)
ANNEX_WORD = (
    r"(?:Annex|ANNEX|Annexe|ANNEXE|Anexo|ANEXO|Приложение|ПРИЛОЖЕНИЕ|附件|المرفق)"
    r"(?:\s+[IVXLC]{1,5}|\s+\d{1,2})?"
)
ANNEX_WITH_TITLE = re.compile(rf"^({ANNEX_WORD})\s+(?=[A-Z0-9«“\"])")
ANNEX_LINE = re.compile(rf"^{ANNEX_WORD}\.?$")


@dataclass
class RawParagraph:
    content: list[Inline]
    lines: list[int] = field(default_factory=list)
    """Where it came from: line numbers of a text file, paragraph numbers of a DOCX."""
    hint: str | None = None
    """What the source's styling says it is ("heading"), when the text alone cannot."""

    @property
    def text(self) -> str:
        return plain_text(self.content).strip()


@dataclass
class RawInput:
    paragraphs: list[RawParagraph]
    footnotes: dict[str, Footnote]
    symbol_hint: str | None = None
    star_notes: list[str] = field(default_factory=list)
    """Notes marked with an asterisk (the sponsors-line note of a draft)."""
    proposals: dict[str, Proposal] = field(default_factory=dict)
    """Proposals the importer already found (tracked changes), keyed by id."""
    language: str | None = None
    """The language, when the importer has already detected it from the same text."""


def label_length(text: str) -> int:
    """Length of a printed paragraph label ("12.\t", "(a) ", "IV. ") at the start of ``text``."""
    for pattern in (OPERATIVE_LABEL, SUBPARAGRAPH_LABEL, HEADING_LABEL):
        if m := pattern.match(text):
            return m.end()
    return 0


_SCRIPTS = {
    "zh": re.compile(r"[\u4e00-\u9fff]"),
    "ru": re.compile(r"[\u0400-\u04ff]"),
    "ar": re.compile(r"[\u0600-\u06ff]"),
    "latin": re.compile(r"[A-Za-z\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]"),
}


def detect_language(texts: list[str]) -> str:
    joined_all = "\n".join(texts)
    # Counting with the regex engine: a per-character Python loop took 0.35 s on a 1 MB text.
    counts = {script: len(pattern.findall(joined_all)) for script, pattern in _SCRIPTS.items()}
    # A CJK character carries about as much as three Latin letters.
    weighted = {**counts, "zh": counts["zh"] * 3}
    best = max(weighted, key=lambda k: weighted[k])
    if best == "latin":
        joined = " ".join(texts[:50]).lower()
        if re.search(r"\b(l['’]assemblée|rappelant|décide)\b", joined):
            return "fr"
        if re.search(r"\b(la asamblea|recordando|decide)\b", joined) and " the " not in joined:
            return "es"
        return "en"
    return best


def is_organ_line(text: str) -> bool:
    return any(p.match(text) for p in ORGAN_LINES)


def ends_terminated(text: str) -> bool:
    return text.rstrip().endswith(TERMINAL)


def build_document(raw: RawInput, report: ImportReport) -> Document:
    """Classify ``raw`` paragraphs and build the document."""
    kept = []
    for paragraph in raw.paragraphs:
        if paragraph.content and (paragraph.text or any(not isinstance(n, Text) for n in paragraph.content)):
            kept.append(paragraph)
        else:
            for line in paragraph.lines:
                report.discard(line, "", "emphasis markup around no text")
    raw = RawInput(kept, raw.footnotes, raw.symbol_hint, raw.star_notes, raw.proposals, raw.language)
    texts = [p.text for p in raw.paragraphs]
    document = Document(
        language=raw.language or detect_language(texts),
        footnotes=raw.footnotes,
        proposals=dict(raw.proposals),
    )
    organ_index = next((i for i, t in enumerate(texts) if is_organ_line(t)), None)
    if organ_index is not None:
        _build_resolution(document, raw, organ_index, report)
    else:
        concept = next(
            (
                i
                for i, t in enumerate(texts[:60])
                if CONCEPT_TITLE.search(t) and len(t) < 250 and not ends_terminated(t)
            ),
            None,
        )
        if concept is not None:
            _build_concept_paper(document, raw, concept)
        else:
            document.kind = DocumentKind.PLAIN
            document.blocks = [_block(BlockKind.PARAGRAPH, p.content) for p in raw.paragraphs]
            report.notes.append(
                "not a resolution: no organ line (such as 'The General Assembly,') and no concept-paper"
                f" title found; all {len(document.blocks)} paragraphs kept as plain paragraphs"
            )
    notes = raw.star_notes[1:] if document.masthead.sponsors_note else raw.star_notes
    for note in notes:  # "*" notes that belong to no sponsors line: kept as text
        document.blocks.append(_block(BlockKind.PARAGRAPH, markup.parse("\\* " + note)))
    _finish(document, report)
    return document


def _build_resolution(document: Document, raw: RawInput, organ_index: int, report: ImportReport) -> None:
    head = document.masthead
    paragraphs = raw.paragraphs
    unrecognised: list[tuple[int, RawParagraph]] = []
    title_number: str | None = None
    sponsors_at: int | None = None
    agenda_at: int | None = None
    for i, paragraph in enumerate(paragraphs[:organ_index]):
        text = paragraph.text
        if m := mh.SYMBOL_LINE.match(text):
            head.symbol = head.symbol or m.group(1)
        elif m := mh.TITLE_WITH_NUMBER.match(text):
            title_number, head.title = m.group(1), m.group(2).strip()
        elif (m := mh.SPONSORS_LINE.match(text)) or (m := mh.SPONSORS_LINE_ZH.match(text)):
            head.sponsors = mh.split_sponsors(m.group(1), document.language)
            head.designation = m.group(2)
            if (m.group(3) or re.search(r":\*\s", text)) and raw.star_notes:
                head.sponsors_note = raw.star_notes[0]
            sponsors_at = i
        elif mh.parse_masthead_text(text, head):
            if head.agenda_item and agenda_at is None:
                agenda_at = i
        elif (m := _SESSION_AGENDA_TITLE.match(text)) and mh.parse_masthead_text(m.group(1), head):
            # "Eightieth session Agenda item 91 Implementation of …": a flattened masthead
            head.agenda_title = m.group(2)
            agenda_at = i
        else:
            unrecognised.append((i, paragraph))
    for i, paragraph in unrecognised:
        if head.title is None and (sponsors_at is not None and i > sponsors_at):
            head.title = paragraph.text
        elif agenda_at is not None and (
            (sponsors_at is not None and agenda_at < i < sponsors_at)
            or (sponsors_at is None and i == agenda_at + 1 and head.agenda_title is None)
        ):
            head.agenda_title = (
                f"{head.agenda_title} {paragraph.text}" if head.agenda_title else paragraph.text
            )
        elif head.title is None and sponsors_at is None and i == unrecognised[-1][0]:
            head.title = paragraph.text
        else:
            document.front.append(_block(BlockKind.PARAGRAPH, paragraph.content))
    head.organ_line = paragraphs[organ_index].text
    # "The General Assembly" with no comma: the resolution is one unnumbered operative
    # paragraph ("Adopts the … declaration … annexed …").
    unnumbered = not head.organ_line.rstrip().endswith(TERMINAL)
    _build_body(document, paragraphs[organ_index + 1 :], report, unnumbered=unnumbered)
    if head.symbol is None:
        _recover_symbol(document, raw, title_number, report)
    draft = bool(head.sponsors) or "/L." in (head.symbol or "") or head.distribution == "Limited"
    document.kind = DocumentKind.DRAFT_RESOLUTION if draft else DocumentKind.RESOLUTION


_SESSION_AGENDA_TITLE = re.compile(
    r"^(.*?\bAgenda items? \d+(?: ?\([a-z]{1,3}\))?(?:(?:,| and) \d+(?: ?\([a-z]{1,3}\))?)*)\s+([A-Z].+)$"
)


def _recover_symbol(document: Document, raw: RawInput, number: str | None, report: ImportReport) -> None:
    head = document.masthead
    if raw.symbol_hint:
        head.symbol = raw.symbol_hint
        report.notes.append(f"symbol {head.symbol} recovered from the running header or ODS tag")
    elif number:
        head.symbol = f"A/RES/{number}"
        report.notes.append(f"symbol {head.symbol} recovered from the title number '{number}.'")


def _build_body(
    document: Document, paragraphs: list[RawParagraph], report: ImportReport, *, unnumbered: bool = False
) -> None:
    head = document.masthead
    blocks = document.blocks
    operative_seen = 0
    stack: list[Block] = []  # current operative / subparagraph chain
    list_parent: Block | None = None  # a preambular paragraph ending with ":" and its items
    language = document.language
    for index, paragraph in enumerate(paragraphs):
        text = paragraph.text
        bare = _without_markup(text)
        if (m := mh.ADOPTION_LINE.match(bare)) or (m := mh.ADOPTION_LINE_ZH.match(bare)):
            head.adoption_meeting, head.adoption_date = m.group(1), m.group(2)
            continue
        if m := _MEETING_ONLY.match(bare):
            head.adoption_meeting = m.group(1)  # its date on the next line, or lost
            continue
        if head.adoption_meeting and not head.adoption_date and (m := _DATE_ONLY.match(bare)):
            head.adoption_date = m.group(1)
            continue
        if m := mh.SYMBOL_LINE.match(text):
            for line in paragraph.lines or [0]:
                report.discard(line, text, "running header (document symbol)")
            continue
        if blocks and (ANNEX_LINE.match(bare) or _annex_with_title(bare)):
            _build_annex(document, paragraphs[index:], report)
            return
        if unnumbered and any(b.kind is BlockKind.OPERATIVE for b in blocks):
            # "Adopts the following declaration:" and the declaration itself, inline
            _build_annex(document, paragraphs[index:], report)
            return
        if operative_seen and mh.parse_masthead_text(text, head):
            continue
        lead = leading_text(paragraph.content)
        if m := OPERATIVE_LABEL.match(lead):
            number = int(m.group(1))
            if operative_seen and number != operative_seen + 1:
                report.warnings.append(
                    f"{_where(paragraph)}operative paragraph printed as {number}. follows "
                    f"{operative_seen}.; renumbered"
                )
            operative_seen = number
            block = _block(BlockKind.OPERATIVE, drop_prefix(paragraph.content, m.end()))
            blocks.append(block)
            stack = [block]
            list_parent = block if _announces_list(text) else None
        elif (m := SUBPARAGRAPH_LABEL.match(lead)) and blocks:
            label = m.group(1) or m.group(2)
            parent_chain = stack or [blocks[-1]]
            depth = _subparagraph_depth(label, parent_chain)
            parent = parent_chain[min(depth, len(parent_chain)) - 1]
            block = _block(BlockKind.SUBPARAGRAPH, drop_prefix(paragraph.content, m.end()))
            parent.children.append(block)
            derived = _derived_label(depth, len(parent.children))
            if derived is not None and derived != label:
                report.warnings.append(
                    f"{_where(paragraph)}subparagraph printed as ({label}) is numbered ({derived}) "
                    "by its place"
                )
            stack = [*parent_chain[: parent_chain.index(parent) + 1], block]
            list_parent = None  # its items carry labels
        elif (m := HEADING_LABEL.match(lead)) and not ends_terminated(text):
            blocks.append(_block(BlockKind.HEADING, drop_prefix(paragraph.content, m.end())))
            stack = []
            list_parent = None
        elif paragraph.hint == "heading" or _looks_like_heading(
            text, paragraphs[index + 1 : index + 2], language
        ):
            blocks.append(_heading_without_numeral(paragraph.content))
            stack = []
            list_parent = None
        elif list_parent is not None and not _opens(text, language):
            # An item of a list the paragraph before announced with ":" whose labels the
            # extraction lost: it belongs inside that paragraph.
            list_parent.children.append(_block(BlockKind.SUBPARAGRAPH, paragraph.content))
            report.warnings.append(
                f"{_where(paragraph)}an unlabelled item after a paragraph ending with ':' is kept as "
                f"its subparagraph ({letters(len(list_parent.children))})"
            )
        elif operative_seen and opening_phrase(_without_markup(text), "operative", language):
            # An operative paragraph whose printed number the extraction lost
            operative_seen += 1
            block = _block(BlockKind.OPERATIVE, paragraph.content)
            blocks.append(block)
            stack = [block]
            list_parent = block if _announces_list(text) else None
            report.warnings.append(
                f"{_where(paragraph)}a paragraph opening with an operative phrase has no number; "
                f"read as operative paragraph {operative_seen}"
            )
        else:
            if operative_seen:
                kind = BlockKind.PARAGRAPH
            else:
                kind = BlockKind.OPERATIVE if unnumbered else BlockKind.PREAMBULAR
            block = _block(kind, paragraph.content)
            block.numbered = kind is not BlockKind.OPERATIVE
            blocks.append(block)
            stack = [block] if kind is BlockKind.OPERATIVE else []
            list_parent = block if kind is not BlockKind.PARAGRAPH and _announces_list(text) else None


_MEETING_ONLY = re.compile(r"^(\d+(?:st|nd|rd|th) plenary meeting)$")
_DATE_ONLY = re.compile(rf"^({mh.DATE})$")


def _announces_list(text: str) -> bool:
    return text.rstrip("*_ \t").endswith((":", "："))


def _build_annex(document: Document, paragraphs: list[RawParagraph], report: ImportReport) -> None:
    """An annex: "Annex", its title, then its own numbered paragraphs, headings and items.

    Its numbered paragraphs are list items, not operative paragraphs of the resolution, and
    are numbered straight through. An extraction that lost a line break may glue the next
    number into a paragraph ("…facility for 15. We emphasize…", "Partnerships 17. We
    invite…"): a glued number that is the next one in sequence starts a new paragraph.
    """
    blocks = document.blocks
    title_open = True
    items = 0
    queue = list(paragraphs)
    while queue:
        paragraph = queue.pop(0)
        text = paragraph.text
        bare = _without_markup(text)
        lead = leading_text(paragraph.content)
        if ANNEX_LINE.match(bare):
            blocks.append(_heading_without_numeral(paragraph.content))
            title_open = True
            items = 0
            continue
        if title_open and (m := _annex_with_title(bare)):
            # "Annex" and the annex's title run together in one extracted paragraph
            word = m.group(1)
            blocks.append(_heading_without_numeral([Text(word)]))
            cut = len(lead) - len(lead.lstrip()) + m.end()
            blocks.append(_heading_without_numeral(drop_prefix(paragraph.content, cut)))
            title_open = False
            items = 0
            continue
        if (m := mh.ADOPTION_LINE.match(bare)) or mh.SYMBOL_LINE.match(text):
            continue
        own = OPERATIVE_LABEL.match(lead)
        glued = _glued_number(paragraph, (int(own.group(1)) if own else items) + 1, own.end() if own else 0)
        if glued is not None:
            paragraph, rest = glued
            queue.insert(0, rest)
            text, lead = paragraph.text, leading_text(paragraph.content)
            report.warnings.append(
                f"{_where(paragraph)}paragraph {leading_text(rest.content).split('.')[0]}. was glued to the "
                "text before it; read as a paragraph of its own"
            )
        if title_open and not ends_terminated(text) and not own:
            blocks.append(_heading_without_numeral(paragraph.content))
            title_open = False
            continue
        title_open = False
        if m := OPERATIVE_LABEL.match(lead):
            blocks.append(_block(BlockKind.LIST_ITEM, drop_prefix(paragraph.content, m.end())))
            items = int(m.group(1))
        elif (m := SUBPARAGRAPH_LABEL.match(lead)) and blocks:
            blocks[-1].children.append(
                _block(BlockKind.SUBPARAGRAPH, drop_prefix(paragraph.content, m.end()))
            )
        elif (m := HEADING_LABEL.match(lead)) and not ends_terminated(text):
            blocks.append(_block(BlockKind.HEADING, drop_prefix(paragraph.content, m.end())))
        elif paragraph.hint == "heading" or (len(text) < 150 and not ends_terminated(text)):
            blocks.append(_heading_without_numeral(paragraph.content))
        elif blocks and blocks[-1].kind is BlockKind.LIST_ITEM and _list_continues(blocks[-1], text):
            # an item of the list the numbered paragraph opens ("… we commit to:"), its label lost
            blocks[-1].children.append(_block(BlockKind.SUBPARAGRAPH, paragraph.content))
            report.warnings.append(
                f"{_where(paragraph)}an unlabelled item is kept as subparagraph "
                f"({letters(len(blocks[-1].children))}) of the numbered paragraph before it"
            )
        elif blocks and blocks[-1].kind is BlockKind.LIST_ITEM and not _ends_sentence(blocks[-1]):
            # the rest of a numbered paragraph that a page break cut after a comma
            blocks[-1].content = [*blocks[-1].content, Text(" "), *paragraph.content]
            report.warnings.append(f"{_where(paragraph)}joined to the numbered paragraph it continues")
        else:
            blocks.append(_block(BlockKind.PARAGRAPH, paragraph.content))
    report.notes.append(
        "an annex follows the resolution; its numbered paragraphs are kept as the annex's own"
    )


def _list_continues(item: Block, text: str) -> bool:
    """An unlabelled paragraph shaped like a list item (ending ";" or closing a list with
    ".") after a numbered paragraph that announces a list (":") or already holds items, or
    whose announcing words an extraction lost (it stops without punctuation)."""
    item_like = text.rstrip().endswith((";", "；")) or (bool(item.children) and text.rstrip().endswith("."))
    if not item_like:
        return False
    chapeau = re.sub(r"\[\^\d+\]|[\s*”’\"'\d]+$", "", plain_text(item.content)).rstrip()
    return bool(item.children) or chapeau.endswith((":", "：")) or not chapeau.endswith((".", ";", ","))


def _ends_sentence(block: Block) -> bool:
    text = re.sub(r"\[\^\d+\]|[\s*”’\"'\d]+$", "", plain_text(block.content)).rstrip()
    return text.endswith((".", ":", "!", "?", "。", "：")) or bool(block.children)


_GLUED_NUMBER = re.compile(r"(?<=\S)\s+(\d{1,3})\.\s+(?=[A-Z“\"])")


def _glued_number(
    paragraph: RawParagraph, expected: int, after: int
) -> tuple[RawParagraph, RawParagraph] | None:
    """Split ``paragraph`` before a glued paragraph number ``expected`` (past offset ``after``)."""
    text = plain_text(paragraph.content)
    for m in _GLUED_NUMBER.finditer(text, after):
        number = int(m.group(1))
        # the next number, or the one after it behind a heading ("I. Context 3. We …") when
        # the extraction lost a number on the way
        heading_before = not after and not ends_terminated(text[: m.start()])
        if number == expected or (heading_before and number == expected + 1):
            head, tail = split_content(paragraph.content, m.start(1))
            return (
                RawParagraph(strip(head), paragraph.lines, paragraph.hint),
                RawParagraph(strip(tail), paragraph.lines),
            )
    return None


def _annex_with_title(text: str) -> re.Match[str] | None:
    """ "Annex 2025 Political Declaration on …": the annex heading glued to its title."""
    if len(text) > 300 or ends_terminated(text):
        return None
    return ANNEX_WITH_TITLE.match(text)


def _where(paragraph: RawParagraph) -> str:
    return f"line {paragraph.lines[0]}: " if paragraph.lines else ""


def _derived_label(depth: int, index: int) -> str | None:
    if depth == 1:
        return letters(index)
    if depth == 2:
        return roman(index)
    return None


def _opens(text: str, language: str) -> bool:
    """Does ``text`` open a paragraph: a printed label or a standard opening phrase?"""
    bare = _without_markup(text)
    if label_length(bare):
        return True
    return bool(opening_phrase(bare, "preambular", language) or opening_phrase(bare, "operative", language))


def _looks_like_heading(text: str, after: list[RawParagraph], language: str) -> bool:
    """A short line with no closing punctuation, not itself opening a paragraph, before one
    that does ("Peacebuilding Commission" centred above operative paragraph 1)."""
    if len(text) > 140 or ends_terminated(text) or not after:
        return False
    following = after[0].text
    bare = _without_markup(text)
    return (
        0 < len(bare) <= 100
        and not ends_terminated(bare)
        and not bare.endswith(")")
        and bare[:1].isupper()
        and not _opens(bare, language)
        and bool(following)
        and _opens(following, language)
    )


def _subparagraph_depth(label: str, chain: list[Block]) -> int:
    """1 for (a)-level, 2 for (i)-level: "(i)" after "(h)" is a letter, after "(a)" a numeral."""
    parent = chain[0]
    expected_letter = letters(len(parent.children) + 1)
    if label == expected_letter:
        return 1
    if from_roman(label) is not None and len(chain) >= 2:
        return 2
    return 1


def _build_concept_paper(document: Document, raw: RawInput, title_index: int) -> None:
    document.kind = DocumentKind.CONCEPT_PAPER
    paragraphs = raw.paragraphs
    document.front = [_block(BlockKind.PARAGRAPH, p.content) for p in paragraphs[:title_index]]
    document.masthead.title = paragraphs[title_index].text
    for paragraph in paragraphs[title_index + 1 :]:
        lead = leading_text(paragraph.content)
        if (m := HEADING_LABEL.match(lead)) and not ends_terminated(paragraph.text):
            document.blocks.append(_block(BlockKind.HEADING, drop_prefix(paragraph.content, m.end())))
        elif paragraph.hint == "heading":
            document.blocks.append(_heading_without_numeral(paragraph.content))
        elif m := OPERATIVE_LABEL.match(lead):
            document.blocks.append(_block(BlockKind.LIST_ITEM, drop_prefix(paragraph.content, m.end())))
        elif (m := SUBPARAGRAPH_LABEL.match(lead)) and document.blocks:
            child = _block(BlockKind.SUBPARAGRAPH, drop_prefix(paragraph.content, m.end()))
            document.blocks[-1].children.append(child)
        else:
            document.blocks.append(_block(BlockKind.PARAGRAPH, paragraph.content))


def _heading_without_numeral(content: list[Inline]) -> Block:
    block = _block(BlockKind.HEADING, content)
    block.numbered = False
    return block


def _block(kind: BlockKind, content: list[Inline]) -> Block:
    return Block(id="", kind=kind, content=strip(content))


def _without_markup(text: str) -> str:
    return plain_text(list(markup.parse(text))).strip()


def _finish(document: Document, report: ImportReport) -> None:
    """Opening phrases, proposals and ids, once every block has its kind."""
    ids = IdMaker()
    phrases = phrase_list(document.language)
    mark_openers = phrases is not None and phrases.opener_mark == "italic"
    attribution_notes: set[str] = set()
    for block in document.iter_blocks():
        if (
            mark_openers
            and block.kind in (BlockKind.PREAMBULAR, BlockKind.OPERATIVE)
            and not starts_marked(block.content)
        ):
            part = "preambular" if block.kind is BlockKind.PREAMBULAR else "operative"
            phrase = opening_phrase(leading_text(block.content), part, document.language)
            if phrase:
                block.content = mark_prefix(block.content, len(phrase), Mark.ITALIC)
        block.content = recognise_proposals(
            block.content, document.footnotes, document.proposals, attribution_notes
        )
        block.id = ids.from_content("b", plain_text(block.content, proposals="both"))
    for footnote in document.footnotes.values():
        footnote.content = recognise_proposals(footnote.content, document.footnotes, document.proposals)
    for footnote_id in attribution_notes:  # "Proposed by …" notes became authors
        document.footnotes.pop(footnote_id, None)
        for proposal in document.proposals.values():
            if proposal.rationale_footnote_id == footnote_id:
                proposal.rationale_footnote_id = None


__all__ = ["Masthead", "RawInput", "RawParagraph", "build_document"]
