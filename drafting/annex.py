"""An annex, or the text a resolution adopts inline ("Adopts the following declaration:"):
its heading and title, then its own numbered paragraphs, headings and items.

Its numbered paragraphs are list items, not operative paragraphs of the resolution, and are
numbered straight through (:mod:`drafting.numbering`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from drafting import masthead as mh
from drafting.inline_ops import drop_prefix, leading_text, split_content, strip
from drafting.model import Block, BlockKind, Document, Text, plain_text
from drafting.numbering import letters
from drafting.raw import (
    HEADING_LABEL,
    OPERATIVE_LABEL,
    SUBPARAGRAPH_LABEL,
    RawParagraph,
    ends_terminated,
    heading_without_numeral,
    new_block,
    where,
    without_markup,
)

if TYPE_CHECKING:
    from drafting.importers.report import ImportReport

ANNEX_WORD = (
    r"(?:Annex|ANNEX|Annexe|ANNEXE|Anexo|ANEXO|Приложение|ПРИЛОЖЕНИЕ|附件|المرفق)"
    r"(?:\s+[IVXLC]{1,5}|\s+\d{1,2})?"
)
ANNEX_WITH_TITLE = re.compile(rf"^({ANNEX_WORD})\s+(?=[A-Z0-9«“\"])")
ANNEX_LINE = re.compile(rf"^{ANNEX_WORD}\.?$")


def build_annex(document: Document, paragraphs: list[RawParagraph], report: ImportReport) -> None:
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
        bare = without_markup(text)
        lead = leading_text(paragraph.content)
        if ANNEX_LINE.match(bare):
            blocks.append(heading_without_numeral(paragraph.content))
            title_open = True
            items = 0
            continue
        if title_open and (m := annex_with_title(bare)):
            # "Annex" and the annex's title run together in one extracted paragraph
            word = m.group(1)
            blocks.append(heading_without_numeral([Text(word)]))
            cut = len(lead) - len(lead.lstrip()) + m.end()
            blocks.append(heading_without_numeral(drop_prefix(paragraph.content, cut)))
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
                f"{where(paragraph)}paragraph {leading_text(rest.content).split('.')[0]}. was glued to the "
                "text before it; read as a paragraph of its own"
            )
        if title_open and not ends_terminated(text) and not own:
            blocks.append(heading_without_numeral(paragraph.content))
            title_open = False
            continue
        title_open = False
        if m := OPERATIVE_LABEL.match(lead):
            blocks.append(new_block(BlockKind.LIST_ITEM, drop_prefix(paragraph.content, m.end())))
            items = int(m.group(1))
        elif (m := SUBPARAGRAPH_LABEL.match(lead)) and blocks:
            blocks[-1].children.append(
                new_block(BlockKind.SUBPARAGRAPH, drop_prefix(paragraph.content, m.end()))
            )
        elif (m := HEADING_LABEL.match(lead)) and not ends_terminated(text):
            blocks.append(new_block(BlockKind.HEADING, drop_prefix(paragraph.content, m.end())))
        elif paragraph.hint == "heading" or (len(text) < 150 and not ends_terminated(text)):
            blocks.append(heading_without_numeral(paragraph.content))
        elif blocks and blocks[-1].kind is BlockKind.LIST_ITEM and _list_continues(blocks[-1], text):
            # an item of the list the numbered paragraph opens ("… we commit to:"), its label lost
            blocks[-1].children.append(new_block(BlockKind.SUBPARAGRAPH, paragraph.content))
            report.warnings.append(
                f"{where(paragraph)}an unlabelled item is kept as subparagraph "
                f"({letters(len(blocks[-1].children))}) of the numbered paragraph before it"
            )
        elif blocks and blocks[-1].kind is BlockKind.LIST_ITEM and not _ends_sentence(blocks[-1]):
            # the rest of a numbered paragraph that a page break cut after a comma
            blocks[-1].content = [*blocks[-1].content, Text(" "), *paragraph.content]
            report.warnings.append(f"{where(paragraph)}joined to the numbered paragraph it continues")
        else:
            blocks.append(new_block(BlockKind.PARAGRAPH, paragraph.content))
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
    chapeau = _bare(plain_text(item.content))
    return bool(item.children) or chapeau.endswith((":", "：")) or not chapeau.endswith((".", ";", ","))


_MARKER = re.compile(r"\[\^\d+\]")
_TRAILING = frozenset("*”’\"'")


def _bare(text: str) -> str:
    r"""``text`` without footnote markers and without the spaces, stars, quotes and digits it
    ends with: what ``re.sub(r"\[\^\d+\]|[\s*”’\"'\d]+$", "", text).rstrip()`` gave, but linear
    (that pattern scanned a long run of such characters again from each of its positions)."""
    end = len(text)
    while end and (text[end - 1].isspace() or text[end - 1].isdecimal() or text[end - 1] in _TRAILING):
        end -= 1
    return _MARKER.sub("", text[:end]).rstrip()


def _ends_sentence(block: Block) -> bool:
    text = _bare(plain_text(block.content))
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


def annex_with_title(text: str) -> re.Match[str] | None:
    """ "Annex 2025 Political Declaration on …": the annex heading glued to its title."""
    if len(text) > 300 or ends_terminated(text):
        return None
    return ANNEX_WITH_TITLE.match(text)
