"""Document templates: a new resolution, draft, concept paper or empty document to start from.

A template fills the masthead the way the importers read a real document (conventions §1.1):
``session`` is the whole session line ("Eighty-first session"), ``agenda_item`` only the item
number ("104", "18 (b)"), ``designation`` what the sponsors line calls the text ("draft
resolution"). What the drafter still has to supply is a square-bracketed placeholder
("[Title]", "A/81/L.__"), so it stands out and the checker can point at it.

A resolution template holds exactly one preambular and one operative paragraph, with the
opening phrase in italics; the single operative paragraph ends with a full stop because it is
the last one.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from drafting import masthead_words as words
from drafting.ids import new_id
from drafting.languages import LANGUAGE_NAMES, OFFICIAL_LANGUAGES
from drafting.model import Block, BlockKind, Document, DocumentKind, Inline, Mark, Masthead, Text
from drafting.phrases import phrase_list
from drafting.sessions import (
    CND,
    ECOSOC,
    GENERAL_ASSEMBLY,
    SECURITY_COUNCIL,
    cnd_session_number,
    ga_session_number,
    session_name,
)

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
LANGUAGES = OFFICIAL_LANGUAGES
"""Languages the templates are written in: the masthead words of each language version
(:mod:`drafting.masthead_words`, with their sources), the organ line, and the two paragraphs'
opening phrases from the language's phrase list (the rest of each paragraph is Penholder's own
wording around bracketed placeholders)."""
TITLE_PLACEHOLDER = "[Title]"
SPONSOR_PLACEHOLDER = "[Member State]"


@dataclass(frozen=True)
class TemplateInfo:
    key: str
    name: str
    description: str
    organ: str = ""
    """The organ the masthead names ("" for documents without one); decides the session line."""
    takes_sponsors: bool = False
    """Whether the document has a sponsors line (L-documents)."""


TEMPLATES: tuple[TemplateInfo, ...] = (
    TemplateInfo(
        "ga-resolution",
        "General Assembly resolution",
        "An adopted resolution (A/RES/…): masthead with session and agenda item, the organ line,"
        " one preambular and one operative paragraph.",
        GENERAL_ASSEMBLY,
    ),
    TemplateInfo(
        "ga-draft",
        "General Assembly draft resolution",
        "An L-document (A/…/L.__, Distr.: Limited) with the sponsors line"
        ' ("…: draft resolution"), one preambular and one operative paragraph.',
        GENERAL_ASSEMBLY,
        takes_sponsors=True,
    ),
    TemplateInfo(
        "ecosoc-resolution",
        "Economic and Social Council resolution",
        "An Economic and Social Council resolution (E/RES/year/…), session named by year,"
        " one preambular and one operative paragraph.",
        ECOSOC,
    ),
    TemplateInfo(
        "sc-resolution",
        "Security Council resolution",
        "A Security Council resolution (S/RES/____ (year)): no session and no title,"
        " one preambular and one operative paragraph.",
        SECURITY_COUNCIL,
    ),
    TemplateInfo(
        "cnd-resolution",
        "Commission on Narcotic Drugs resolution",
        "A commission draft resolution in the style of the Commission on Narcotic Drugs"
        " (E/CN.7/year/L.__), with the sponsors line, one preambular and one operative paragraph.",
        CND,
        takes_sponsors=True,
    ),
    TemplateInfo(
        "concept-paper",
        "Concept paper",
        "A concept paper: title, date, one section heading and one paragraph.",
    ),
    TemplateInfo("empty", "Empty document", "A plain document with one empty paragraph."),
)

_BY_KEY = {info.key: info for info in TEMPLATES}


@dataclass(frozen=True)
class _Resolution:
    """How one resolution template differs from the others."""

    kind: DocumentKind
    symbol: str
    """Placeholder symbol; ``{session}`` and ``{year}`` are filled from the date."""
    organ_line: str
    preambular: tuple[str, str]
    """Opening phrase (italic), rest of the paragraph."""
    operative: tuple[str, str]
    adoption_heading: str | None = None
    """``{date}`` is filled in."""
    has_title: bool = True
    has_agenda_item: bool = True


_RECALLING = ("Recalling", " its resolution [number] of [date],")
_DECIDES = ("Decides", " to [action].")

_RESOLUTIONS = {
    "ga-resolution": _Resolution(
        DocumentKind.RESOLUTION,
        "A/RES/{session}/__",
        "The General Assembly,",
        _RECALLING,
        _DECIDES,
        adoption_heading="Resolution adopted by the General Assembly on {date}",
    ),
    "ga-draft": _Resolution(
        DocumentKind.DRAFT_RESOLUTION, "A/{session}/L.__", "The General Assembly,", _RECALLING, _DECIDES
    ),
    "ecosoc-resolution": _Resolution(
        DocumentKind.RESOLUTION,
        "E/RES/{year}/__",
        "The Economic and Social Council,",
        _RECALLING,
        _DECIDES,
        adoption_heading="Resolution adopted by the Economic and Social Council on {date}",
    ),
    "sc-resolution": _Resolution(
        DocumentKind.RESOLUTION,
        "S/RES/____ ({year})",
        "The Security Council,",
        ("Recalling", " its resolution [number] ([year]),"),
        ("Decides", " to remain seized of the matter."),
        has_title=False,
        has_agenda_item=False,
    ),
    "cnd-resolution": _Resolution(
        DocumentKind.DRAFT_RESOLUTION,
        "E/CN.7/{year}/L.__",
        "The Commission on Narcotic Drugs,",
        _RECALLING,
        _DECIDES,
    ),
}


def template_info(key: str) -> TemplateInfo:
    """The template called ``key``; ValueError names the known keys."""
    try:
        return _BY_KEY[key]
    except KeyError:
        known = ", ".join(info.key for info in TEMPLATES)
        raise ValueError(f"unknown template {key!r}; choose one of: {known}") from None


def un_date(date: datetime.date) -> str:
    """A date as UN documents write it: "23 November 2026" (no leading zero, no comma)."""
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"


def template_session(key: str, on: datetime.date, language: str = "en") -> str:
    """The session line a document from template ``key`` dated ``on`` carries ("" if none), in
    ``language``."""
    info = template_info(key)
    return _session_line(info.organ, on, language) if info.organ else ""


def _session_line(organ: str, on: datetime.date, language: str) -> str:
    """A numbered session in the words of ``language``; the Economic and Social Council's
    sessions, named by year, in English (their form in the other languages is not verified)."""
    if language != "en" and organ == GENERAL_ASSEMBLY:
        return words.session_line(ga_session_number(on), language)
    if language != "en" and organ == CND:
        return words.session_line(cnd_session_number(on), language)
    return session_name(organ, on)


_OPENINGS = {
    # (preambular phrase, rest), (operative phrase, rest); the phrases are in the phrase lists
    "en": (("Recalling", " its resolution [number] of [date],"), ("Decides", " to [action].")),
    "fr": (("Rappelant", " sa résolution [numéro] du [date],"), ("Décide", " de [action].")),
    "es": (("Recordando", " su resolución [número], de [fecha],"), ("Decide", " [acción].")),
    "ru": (("ссылаясь на", " свою резолюцию [номер] от [дата],"), ("постановляет", " [действие].")),
    "zh": (("回顾", "其[日期]第[编号]号决议，"), ("决定", "[行动]。")),
    "ar": (("إذ تشير إلى", " قرارها [الرقم] المؤرخ [التاريخ]،"), ("تقرر", " [الإجراء].")),
}
"""The template's two paragraphs in each language (Penholder's own wording)."""


def new_document(
    key: str,
    *,
    on: datetime.date,
    agenda_item: str = "",
    symbol: str = "",
    sponsors: list[str] | tuple[str, ...] = (),
    language: str = "en",
) -> Document:
    """A new document from template ``key`` (see :data:`TEMPLATES`) dated ``on``.

    ``agenda_item`` is the item number ("104"; a leading "Agenda item" is dropped), ``symbol``
    replaces the placeholder symbol, ``sponsors`` fill the sponsors line of templates that have
    one (a placeholder delegation when empty). Raises ValueError for an unknown key or
    language, or sponsors for a template without a sponsors line.
    """
    info = template_info(key)
    if language not in LANGUAGES:
        raise ValueError(f"templates are available in {', '.join(LANGUAGES)} only, not {language!r}")
    names = _clean_sponsors(sponsors)
    if names and not info.takes_sponsors:
        raise ValueError(f"the {info.name} template has no sponsors line")
    if key == "concept-paper":
        return _concept_paper(on, language)
    if key == "empty":
        return Document(DocumentKind.PLAIN, language, blocks=[_block(BlockKind.PARAGRAPH, [])])
    return _resolution(info, _RESOLUTIONS[key], on, agenda_item, symbol.strip(), names, language)


def _paragraphs(spec: _Resolution, language: str) -> tuple[tuple[str, str], tuple[str, str]]:
    """The template's preambular and operative paragraph in ``language`` (the Security
    Council's own English wording kept for English)."""
    if language == "en":
        return spec.preambular, spec.operative
    return _OPENINGS[language]


def _resolution(
    info: TemplateInfo,
    spec: _Resolution,
    on: datetime.date,
    agenda_item: str,
    symbol: str,
    sponsors: list[str],
    language: str,
) -> Document:
    draft = spec.kind is DocumentKind.DRAFT_RESOLUTION
    placeholder = spec.symbol.format(
        session=ga_session_number(on) if info.organ == GENERAL_ASSEMBLY else "", year=on.year
    )
    english = language == "en"
    adoption = None
    if spec.adoption_heading:
        adoption = (
            spec.adoption_heading.format(date=un_date(on))
            if english
            else words.adoption_heading(info.organ, on, language)
        )
    head = Masthead(
        organization=words.organization_name(language),
        organ=words.organ_name(info.organ, language),
        symbol=symbol or placeholder,
        distribution="Limited" if draft else "General",
        date=words.masthead_date(on, language),
        original_language=LANGUAGE_NAMES[language] if draft else None,
        session=_session_line(info.organ, on, language) or None,
        agenda_item=_agenda_number(agenda_item) if spec.has_agenda_item else None,
        adoption_heading=adoption,
        sponsors=(sponsors or [SPONSOR_PLACEHOLDER]) if info.takes_sponsors else [],
        designation=words.draft_designation(language) if info.takes_sponsors else None,
        title=TITLE_PLACEHOLDER if spec.has_title else None,
        organ_line=spec.organ_line if english else words.organ_line(info.organ, language),
    )
    preambular, operative = _paragraphs(spec, language)
    italic = (phrase_list(language) or phrase_list("en")).opener_mark == "italic"
    blocks = [
        _block(BlockKind.PREAMBULAR, _opening(*preambular, italic=italic)),
        _block(BlockKind.OPERATIVE, _opening(*operative, italic=italic)),
    ]
    return Document(spec.kind, language, head, blocks=blocks)


_CONCEPT_PAPER = {
    # title, first heading, placeholder paragraph (Penholder's own wording in each language)
    "en": ("Concept paper on [subject]", "Background", "[Purpose and background of the proposal.]"),
    "fr": ("Note conceptuelle sur [sujet]", "Contexte", "[Objet et contexte de la proposition.]"),
    "es": ("Nota conceptual sobre [tema]", "Antecedentes", "[Objeto y antecedentes de la propuesta.]"),
    "ru": ("Концептуальная записка о [тема]", "Справочная информация", "[Цель и история предложения.]"),
    "zh": ("关于[主题]的概念说明", "背景", "[提案的目的和背景。]"),
    "ar": ("مذكرة مفاهيمية بشأن [الموضوع]", "معلومات أساسية", "[الغرض من الاقتراح وخلفيته.]"),
}


def _concept_paper(on: datetime.date, language: str) -> Document:
    title, heading, paragraph = _CONCEPT_PAPER[language]
    head = Masthead(title=title)
    date = un_date(on) if language == "en" else words.date_in_text(on, language)
    front = [_block(BlockKind.PARAGRAPH, [Text(date)])]
    blocks = [
        _block(BlockKind.HEADING, [Text(heading)]),
        _block(BlockKind.PARAGRAPH, [Text(paragraph)]),
    ]
    return Document(DocumentKind.CONCEPT_PAPER, language, head, front=front, blocks=blocks)


def _opening(phrase: str, rest: str, *, italic: bool = True) -> list[Inline]:
    """An opening phrase (in italics where the language prints it so) and the rest."""
    return [Text(phrase, frozenset({Mark.ITALIC}) if italic else frozenset()), Text(rest)]


def _block(kind: BlockKind, content: list[Inline]) -> Block:
    return Block(new_id("b"), kind, content)


_AGENDA_PREFIX = re.compile(r"^\s*agenda\s+items?\s*", re.IGNORECASE)


def _agenda_number(text: str) -> str | None:
    """ "Agenda item 104" or "104" -> "104"; "" -> None."""
    return _AGENDA_PREFIX.sub("", text).strip() or None


def _clean_sponsors(sponsors: list[str] | tuple[str, ...]) -> list[str]:
    """Trimmed names, empty ones and repeats dropped, order kept."""
    seen: list[str] = []
    for name in sponsors:
        name = name.strip()
        if name and name not in seen:
            seen.append(name)
    return seen
