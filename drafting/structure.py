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

from drafting import markup
from drafting import masthead as mh
from drafting.annex import ANNEX_LINE, annex_with_title, build_annex
from drafting.ids import IdMaker
from drafting.importers.report import ImportReport
from drafting.importers.script_counts import script_counts
from drafting.inline_ops import drop_prefix, leading_text, mark_prefix, starts_marked
from drafting.model import (
    Block,
    BlockKind,
    Document,
    DocumentKind,
    Mark,
    Masthead,
    Proposal,
    ProposalKind,
    ProposalSpan,
    Text,
    plain_text,
)
from drafting.numbering import from_roman, letters, proposed_in_full, roman
from drafting.phrases import opening_phrase, phrase_list
from drafting.proposals import AGREED_TAG, new_proposal_id, recognise_proposals
from drafting.raw import (
    ALTERNATIVE_LABEL,
    HEADING_LABEL,
    OPERATIVE_LABEL,
    PROVISIONAL_LABEL,
    SUBPARAGRAPH_LABEL,
    TERMINAL,
    RawInput,
    RawParagraph,
    ends_terminated,
    heading_without_numeral,
    label_length,
    new_block,
    where,
    without_markup,
)

ORGAN_LINES = [
    re.compile(
        r"^The (General Assembly|Security Council|Economic and Social Council|Human Rights Council|"
        r"Trusteeship Council|Commission on [A-Z][\w ,-]++|Conference of the Parties[\w ,-]*+|"
        r"[A-Z][\w-]+(?: [A-Z][\w-]+)* (?:Commission|Council|Committee|Board))\s*,?$"
    ),
    re.compile(r"^(大会|安全理事会|经济及社会理事会|人权理事会|麻醉药品委员会)[，,]$"),
    re.compile(r"^(L['’]Assemblée générale|Le Conseil de sécurité|Le Conseil économique et social),?$"),
    re.compile(r"^(La Asamblea General|El Consejo de Seguridad|El Consejo Económico y Social),?$"),
    re.compile(r"^(Генеральная Ассамблея|Совет Безопасности|Экономический и Социальный Совет),?$"),
    re.compile(r"^إن (الجمعية العامة|مجلس الأمن)،?$"),
]
r"""Organ lines. The names that may run on (``[\w ,-]++``) are possessive: giving back their spaces one
by one to the ``\s*`` after them could never make a line match that the whole run did not (what
may follow is spaces and a comma), but cost the square of a long run of spaces (issue 14)."""
CONCEPT_TITLE = re.compile(r"\bconcept (?:paper|note)\b", re.IGNORECASE)


def detect_language(texts: list[str]) -> str:
    # Counted on the UTF-8 bytes (:mod:`~drafting.importers.script_counts`): a per-character Python
    # loop took 0.35 s on a 1 MB text, a regular-expression pass per script 55 ms, this 2 ms.
    counts = script_counts("\n".join(texts))
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


def _organ_line_index(texts: list[str]) -> int | None:
    """The organ line: the first line that reads as one, except a bare organ name without its
    comma when an organ line with one follows soon (in French, Spanish and Russian the masthead's
    organ name, "Генеральная Ассамблея", is also the organ line's wording, "Генеральная
    Ассамблея,")."""
    found = [i for i, t in enumerate(texts) if is_organ_line(t)]
    for n, i in enumerate(found):
        later = found[n + 1] if n + 1 < len(found) else None
        if texts[i].rstrip().endswith((",", "，", "،")) or later is None or later - i > 20:
            return i
    return None


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
    organ_index = _organ_line_index(texts)
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
            document.blocks = [new_block(BlockKind.PARAGRAPH, p.content) for p in raw.paragraphs]
            report.notes.append(
                "not a resolution: no organ line (such as 'The General Assembly,') and no concept-paper"
                f" title found; all {len(document.blocks)} paragraphs kept as plain paragraphs"
            )
    notes = raw.star_notes[1:] if document.masthead.sponsors_note else raw.star_notes
    for note in notes:  # "*" notes that belong to no sponsors line: kept as text
        document.blocks.append(new_block(BlockKind.PARAGRAPH, markup.parse("\\* " + note)))
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
            document.front.append(new_block(BlockKind.PARAGRAPH, paragraph.content))
    head.organ_line = paragraphs[organ_index].text
    # "The General Assembly" with no comma: the resolution is one unnumbered operative
    # paragraph ("Adopts the … declaration … annexed …").
    unnumbered = not head.organ_line.rstrip().endswith(TERMINAL)
    _build_body(document, paragraphs[organ_index + 1 :], report, unnumbered=unnumbered)
    read_agreed_tags(document)
    if head.symbol is None:
        _recover_symbol(document, raw, title_number, report)
    draft = bool(head.sponsors) or "/L." in (head.symbol or "") or head.distribution == "Limited"
    document.kind = DocumentKind.DRAFT_RESOLUTION if draft else DocumentKind.RESOLUTION


_PENDING = "\0position "
"""While blocks are read they have no ids yet: an alternative names its paragraph's position in
``document.blocks`` until :func:`_finish` gives every block its id."""


_PROPOSED = "\0proposed"
"""The id of the span a paragraph labelled "4 bis" is wrapped in while blocks are read: it is a
paragraph proposed in full, made a proposal in :func:`_finish` once the markup in it is read."""


def _operative(blocks: list[Block], number: int) -> Block | None:
    """Operative paragraph ``number`` among ``blocks`` (alternatives and "bis" paragraphs take
    no number)."""
    numbered = [
        b for b in blocks if b.kind is BlockKind.OPERATIVE and b.alternative_to is None and not _proposed(b)
    ]
    return numbered[number - 1] if 0 < number <= len(numbered) else None


def _proposed(block: Block) -> bool:
    content = block.content
    return len(content) == 1 and isinstance(content[0], ProposalSpan) and content[0].proposal_id == _PROPOSED


def _propose_in_full(block: Block, document: Document, suffixes: dict[str, int]) -> None:
    """A paragraph printed "4 bis." is proposed in full: kept as it is when its text is already
    one proposed insertion (with its delegation), else its text made one, by an unnamed delegation."""
    if proposed_in_full(block) or not block.content:
        return
    proposal_id = new_proposal_id([], block.content, document.proposals, suffixes=suffixes)
    document.proposals[proposal_id] = Proposal(proposal_id, ProposalKind.INSERT)
    block.content = [ProposalSpan(proposal_id, [], block.content)]


def read_agreed_tags(document: Document) -> None:
    """A paragraph that ends with the tag Penholder's exports write for a paragraph agreed ad
    referendum ("… of 1961; (agreed ad ref)") is marked agreed, and the tag taken off."""
    for block in document.iter_blocks():
        last = block.content[-1] if block.content else None
        if isinstance(last, Text) and last.text.endswith(AGREED_TAG.strip()):
            kept = last.text[: -len(AGREED_TAG.strip())].rstrip()
            block.content = [*block.content[:-1], *([Text(kept, last.marks)] if kept else [])]
            block.agreed_ad_ref = True


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
        bare = without_markup(text)
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
        if blocks and (ANNEX_LINE.match(bare) or annex_with_title(bare)):
            build_annex(document, paragraphs[index:], report)
            return
        if unnumbered and any(b.kind is BlockKind.OPERATIVE for b in blocks):
            # "Adopts the following declaration:" and the declaration itself, inline
            build_annex(document, paragraphs[index:], report)
            return
        if operative_seen and mh.parse_masthead_text(text, head):
            continue
        lead = leading_text(paragraph.content)
        if (m := ALTERNATIVE_LABEL.match(lead)) and (target := _operative(blocks, int(m.group(1)))):
            block = new_block(BlockKind.OPERATIVE, drop_prefix(paragraph.content, m.end()))
            block.alternative_to = f"{_PENDING}{blocks.index(target)}"  # ids come in _finish
            blocks.append(block)
            stack = [block]
            list_parent = block if _announces_list(text) else None
        elif m := PROVISIONAL_LABEL.match(lead):
            block = new_block(
                BlockKind.OPERATIVE, [ProposalSpan(_PROPOSED, [], drop_prefix(paragraph.content, m.end()))]
            )
            blocks.append(block)
            stack = [block]
            list_parent = block if _announces_list(text) else None
        elif m := OPERATIVE_LABEL.match(lead):
            number = int(m.group(1))
            if operative_seen and number != operative_seen + 1:
                report.warnings.append(
                    f"{where(paragraph)}operative paragraph printed as {number}. follows "
                    f"{operative_seen}.; renumbered"
                )
            operative_seen = number
            block = new_block(BlockKind.OPERATIVE, drop_prefix(paragraph.content, m.end()))
            blocks.append(block)
            stack = [block]
            list_parent = block if _announces_list(text) else None
        elif (m := SUBPARAGRAPH_LABEL.match(lead)) and blocks:
            label = m.group(1) or m.group(2)
            parent_chain = stack or [blocks[-1]]
            depth = _subparagraph_depth(label, parent_chain)
            parent = parent_chain[min(depth, len(parent_chain)) - 1]
            block = new_block(BlockKind.SUBPARAGRAPH, drop_prefix(paragraph.content, m.end()))
            parent.children.append(block)
            derived = _derived_label(depth, len(parent.children))
            if derived is not None and derived != label:
                report.warnings.append(
                    f"{where(paragraph)}subparagraph printed as ({label}) is numbered ({derived}) "
                    "by its place"
                )
            stack = [*parent_chain[: parent_chain.index(parent) + 1], block]
            list_parent = None  # its items carry labels
        elif (m := HEADING_LABEL.match(lead)) and not ends_terminated(text):
            blocks.append(new_block(BlockKind.HEADING, drop_prefix(paragraph.content, m.end())))
            stack = []
            list_parent = None
        elif paragraph.hint == "heading" or _looks_like_heading(
            text, paragraphs[index + 1 : index + 2], language
        ):
            blocks.append(heading_without_numeral(paragraph.content))
            stack = []
            list_parent = None
        elif list_parent is not None and not _opens(text, language):
            # An item of a list the paragraph before announced with ":" whose labels the
            # extraction lost: it belongs inside that paragraph.
            list_parent.children.append(new_block(BlockKind.SUBPARAGRAPH, paragraph.content))
            report.warnings.append(
                f"{where(paragraph)}an unlabelled item after a paragraph ending with ':' is kept as "
                f"its subparagraph ({letters(len(list_parent.children))})"
            )
        elif operative_seen and opening_phrase(without_markup(text), "operative", language):
            # An operative paragraph whose printed number the extraction lost
            operative_seen += 1
            block = new_block(BlockKind.OPERATIVE, paragraph.content)
            blocks.append(block)
            stack = [block]
            list_parent = block if _announces_list(text) else None
            report.warnings.append(
                f"{where(paragraph)}a paragraph opening with an operative phrase has no number; "
                f"read as operative paragraph {operative_seen}"
            )
        else:
            if operative_seen:
                kind = BlockKind.PARAGRAPH
            else:
                kind = BlockKind.OPERATIVE if unnumbered else BlockKind.PREAMBULAR
            block = new_block(kind, paragraph.content)
            block.numbered = kind is not BlockKind.OPERATIVE
            blocks.append(block)
            stack = [block] if kind is BlockKind.OPERATIVE else []
            list_parent = block if kind is not BlockKind.PARAGRAPH and _announces_list(text) else None


_MEETING_ONLY = re.compile(r"^(\d+(?:st|nd|rd|th) plenary meeting)$")
_DATE_ONLY = re.compile(rf"^({mh.DATE})$")


def _announces_list(text: str) -> bool:
    return text.rstrip("*_ \t").endswith((":", "："))


def _derived_label(depth: int, index: int) -> str | None:
    if depth == 1:
        return letters(index)
    if depth == 2:
        return roman(index)
    return None


def _opens(text: str, language: str) -> bool:
    """Does ``text`` open a paragraph: a printed label or a standard opening phrase?"""
    bare = without_markup(text)
    if label_length(bare):
        return True
    return bool(opening_phrase(bare, "preambular", language) or opening_phrase(bare, "operative", language))


def _looks_like_heading(text: str, after: list[RawParagraph], language: str) -> bool:
    """A short line with no closing punctuation, not itself opening a paragraph, before one
    that does ("Peacebuilding Commission" centred above operative paragraph 1)."""
    if len(text) > 140 or ends_terminated(text) or not after:
        return False
    following = after[0].text
    bare = without_markup(text)
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
    document.front = [new_block(BlockKind.PARAGRAPH, p.content) for p in paragraphs[:title_index]]
    document.masthead.title = paragraphs[title_index].text
    for paragraph in paragraphs[title_index + 1 :]:
        lead = leading_text(paragraph.content)
        if (m := HEADING_LABEL.match(lead)) and not ends_terminated(paragraph.text):
            document.blocks.append(new_block(BlockKind.HEADING, drop_prefix(paragraph.content, m.end())))
        elif paragraph.hint == "heading":
            document.blocks.append(heading_without_numeral(paragraph.content))
        elif m := OPERATIVE_LABEL.match(lead):
            document.blocks.append(new_block(BlockKind.LIST_ITEM, drop_prefix(paragraph.content, m.end())))
        elif (m := SUBPARAGRAPH_LABEL.match(lead)) and document.blocks:
            child = new_block(BlockKind.SUBPARAGRAPH, drop_prefix(paragraph.content, m.end()))
            document.blocks[-1].children.append(child)
        else:
            document.blocks.append(new_block(BlockKind.PARAGRAPH, paragraph.content))


def _finish(document: Document, report: ImportReport) -> None:
    """Opening phrases, proposals and ids, once every block has its kind."""
    ids = IdMaker()
    phrases = phrase_list(document.language)
    mark_openers = phrases is not None and phrases.opener_mark == "italic"
    attribution_notes: set[str] = set()
    suffixes: dict[str, int] = {}  # proposal ids: document.proposals only grows here
    for block in document.iter_blocks():
        provisional = _proposed(block)
        if provisional:
            block.content = block.content[0].inserted  # type: ignore[union-attr]
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
            block.content, document.footnotes, document.proposals, attribution_notes, suffixes
        )
        if provisional:
            _propose_in_full(block, document, suffixes)
        block.id = ids.from_content("b", plain_text(block.content, proposals="both"))
    for block in document.blocks:
        if block.alternative_to is not None and block.alternative_to.startswith(_PENDING):
            block.alternative_to = document.blocks[int(block.alternative_to.removeprefix(_PENDING))].id
    for footnote in document.footnotes.values():
        footnote.content = recognise_proposals(
            footnote.content, document.footnotes, document.proposals, suffixes=suffixes
        )
    for footnote_id in attribution_notes:  # "Proposed by …" notes became authors
        document.footnotes.pop(footnote_id, None)
        for proposal in document.proposals.values():
            if proposal.rationale_footnote_id == footnote_id:
                proposal.rationale_footnote_id = None


__all__ = [
    "Masthead",
    "RawInput",
    "RawParagraph",
    "build_document",
    "ends_terminated",
    "is_organ_line",
    "label_length",
]
