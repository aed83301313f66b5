"""Repairs across page breaks: a paragraph cut mid-sentence, a footnote carried on to the
foot of the next page.

Extracted text cuts a paragraph wherever the page ended and puts the page's footnotes (and
its running header) in between. A paragraph that stops without closing punctuation goes on
in the next one unless that one opens a paragraph of its own (a label, an opening phrase such
as "Recalling"); a footnote that stops on a word no citation ends with goes on in the text
printed just above the next page's footnotes.
"""

from __future__ import annotations

import re

from drafting import masthead as mh
from drafting.importers.pieces import NEW_PARAGRAPH, Note, Para
from drafting.importers.text_lines import SUPERSCRIPT_DIGITS
from drafting.model import Masthead
from drafting.phrases import opening_phrase
from drafting.structure import ends_terminated, is_organ_line

_TRAILING_MARK_CHARS = frozenset(SUPERSCRIPT_DIGITS + "*~ \t”’\"']")
_TRAILING_NOTE_REF = re.compile(r"\[\^[^\]\s]{1,20}\]$")
_TRAILING_SPACED_MARKER = re.compile(r"(?<=[,;.:”’\"')])\s+\d{1,3}$")


def continue_footnotes(items: list[Para | Note]) -> list[Para | Note]:
    """Attach a footnote's continuation printed at the foot of the next page.

    A footnote cut by a page break ends without a full stop; its rest is printed just above
    the next page's footnotes, after that page's body text. So the last paragraph before a
    footnote block belongs to the last unfinished footnote of the previous block when it
    cannot start a paragraph of its own (lower-case start) or when that footnote stops on a
    word no citation ends with ("Supplement", "of", a comma).
    """
    out: list[Para | Note] = []
    open_note: Note | None = None
    for index, item in enumerate(items):
        if isinstance(item, Note):
            if item.style != "star":
                open_note = None if _finished(item.tail()) else item
            out.append(item)
            continue
        nxt = items[index + 1] if index + 1 < len(items) else None
        before_notes = isinstance(nxt, Note)
        previous = out[-1] if out else None
        if (
            open_note is not None
            and before_notes
            and isinstance(previous, Para)
            and (item.text[:1].islower() or dangles(open_note.tail()))
            and not NEW_PARAGRAPH.match(item.lines[0].text)
        ):
            open_note.add(item.lines)
            open_note = None
            continue
        out.append(item)
    return out


_DANGLING = re.compile(
    r"(?:[,(\[‐-]|\b(?:the|of|and|in|on|to|for|by|with|from|since|until|a|an|"
    r"Supplement|vol\.|vols\.|No\.|p\.|chap\.|sect\.))$"
)


def dangles(text: str) -> bool:
    """A footnote that stops on a word no citation ends with: it runs on to the next page."""
    return bool(_DANGLING.search(text.rstrip("* ")))


def strip_trailing_markers(text: str) -> str:
    """``text`` without the footnote markers, emphasis and quotes that close it."""
    end = len(text)
    while end:
        m = _TRAILING_NOTE_REF.search(text, max(0, end - 24), end) or _TRAILING_SPACED_MARKER.search(
            text, max(0, end - 8), end
        )
        if m:
            end = m.start()
        elif text[end - 1] in _TRAILING_MARK_CHARS:
            end -= 1
        elif text[end - 1].isdigit():  # a plain-digit marker after punctuation: "Strategy;12"
            start = end
            while start and text[start - 1].isdigit() and end - start < 3:
                start -= 1
            if start and text[start - 1] in ";,.:":
                end = start
            else:
                break
        else:
            break
    return text[:end]


def _finished(text: str) -> bool:
    stripped = strip_trailing_markers(text)
    return stripped.endswith((".", "。", ")", "»"))


def rejoin(paragraphs: list[Para], language: str) -> list[Para]:
    """Rejoin paragraphs that a page break or footnote block cut in the middle.

    A paragraph that stops without closing punctuation goes on in the next one unless that
    one opens a paragraph of its own (a label, an opening phrase such as "Recalling"). A
    continuation may start with a capital or a digit ("Games, as…", "8 and 9 December…").
    """
    out: list[Para] = []
    # Without page-break marks (a markdown extraction), a long unfinished paragraph is taken
    # to go on only in a resolution, whose paragraphs all end with punctuation.
    resolution = any(is_organ_line(p.text.strip("*_ ")) for p in paragraphs[:200])
    in_body = False  # the masthead above the organ line is never run together this way
    for paragraph in paragraphs:
        if not in_body and is_organ_line(paragraph.text.strip("*_ ")):
            in_body = True
        if out:
            previous = out[-1]
            text = paragraph.text
            cut_short = not ends_terminated(strip_trailing_markers(previous.tail()))
            lower = text[:1].islower()
            # A paragraph never starts in lower case: after a page break that is the rest of one.
            broken_mid_clause = lower and (paragraph.break_before or (resolution and in_body))
            continues = paragraph.break_before or lower or (resolution and in_body and len(previous) >= 120)
            if (
                (cut_short or broken_mid_clause)
                and continues
                and not NEW_PARAGRAPH.match(paragraph.lines[0].text)
                and not opens_paragraph(text, language)
                and not (len(previous) < 400 and _standalone(previous.text))
                and not (len(paragraph) < 400 and _standalone(text))
            ):
                previous.add(paragraph.lines)
                continue
        out.append(paragraph)
    return out


def opens_paragraph(text: str, language: str) -> bool:
    bare = text.lstrip("*_ ")
    return bool(
        is_organ_line(bare.rstrip("*_ "))
        or opening_phrase(bare, "preambular", language)
        or opening_phrase(bare, "operative", language)
    )


def _standalone(text: str) -> bool:
    """Masthead material, a symbol or an adoption line: never part of a running paragraph."""
    bare = text.replace("*", "").strip()
    return bool(
        mh.SYMBOL_LINE.match(bare)
        or mh.ADOPTION_LINE.match(bare)
        or mh.ADOPTION_LINE_ZH.match(bare)
        or mh.parse_masthead_text(bare, Masthead())
    )
