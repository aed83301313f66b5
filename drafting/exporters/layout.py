"""What the masthead says, line by line, for every exporter.

Each line is written so that the shared structure classifier reads it back into the same
field, whatever the output format (text, Markdown, DOCX).
"""

from __future__ import annotations

from dataclasses import dataclass

from drafting import masthead_words as words
from drafting.model import Document, DocumentKind


@dataclass(frozen=True)
class MastheadLine:
    role: str
    """organization, organ, symbol, distribution, date, original_language, session,
    agenda_item, agenda_title, adoption_heading, provenance, sponsors, title."""
    text: str


def masthead_lines(document: Document) -> list[MastheadLine]:
    """The masthead above the organ line, in print order."""
    head = document.masthead
    language = document.language
    candidates = [
        ("organization", head.organization),
        ("organ", head.organ),
        ("symbol", head.symbol),
        ("distribution", head.distribution and words.distribution_line(head.distribution, language)),
        ("date", head.date),
        (
            "original_language",
            head.original_language and words.original_language_line(head.original_language, language),
        ),
        ("session", head.session),
        ("agenda_item", head.agenda_item and words.agenda_item_line(head.agenda_item, language)),
        ("agenda_title", head.agenda_title),
        ("adoption_heading", head.adoption_heading),
        ("provenance", head.provenance),
        ("sponsors", sponsors_line(document) if head.sponsors else None),
        ("title", title_line(document)),
    ]
    return [MastheadLine(role, text) for role, text in candidates if text]


def sponsors_line(document: Document) -> str:
    """ "A, B and C: draft resolution*" (the star when the draft carries a sponsors note)."""
    head = document.masthead
    language = document.language
    star = "*" if head.sponsors_note else ""
    joined = words.join_names(list(head.sponsors), language)
    colon = "：" if language == "zh" else ": "
    return f"{joined}{colon}{head.designation or words.draft_designation(language)}{star}"


def title_number(document: Document) -> str | None:
    """ "67/193" for an adopted GA resolution, printed before its title."""
    symbol = document.masthead.symbol or ""
    if document.kind is DocumentKind.RESOLUTION and symbol.startswith("A/RES/"):
        return symbol.removeprefix("A/RES/")
    return None


def title_line(document: Document) -> str | None:
    title = document.masthead.title
    if not title:
        return None
    number = title_number(document)
    return f"{number}. {title}" if number else title


def organ_line_parts(document: Document) -> tuple[str, str, str]:
    """The organ line as (before, italic, after): "", "The General Assembly", ","."""
    text = document.masthead.organ_line or ""
    if document.language != "en" or not text.startswith("The "):
        return text, "", ""
    stripped = text.rstrip()
    if stripped.endswith(","):
        return "", stripped[:-1].rstrip(), ","
    return "", stripped, ""
