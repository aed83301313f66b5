"""A short Arabic resolution for tests of right-to-left output. The Arabic paragraphs are the
project's own rendering of typical resolution language (not an official UN text); the numbers,
symbols and years are those of A/RES/67/193, so that mixed Latin symbols and digits inside Arabic
text are exercised."""

from __future__ import annotations

import copy

from drafting.model import Block, BlockKind, Document, Footnote, Mark, NoteRef, Text
from tests.helpers import load

ITALIC = frozenset({Mark.ITALIC})

PREAMBULAR = [
    ("إذ تشير", " إلى قرارها 67/193 المؤرخ 20 كانون الأول/ديسمبر 2012،"),
    ("وإذ تؤكد من جديد", " التزامها بالاتفاقية الوحيدة للمخدرات لسنة 1961"),
]
OPERATIVE = [
    ("تقرر", " ما يلي:"),
    ("تطلب", " إلى الأمين العام أن يقدم إليها في دورتها الثامنة والستين تقريرا عن تنفيذ هذا القرار."),
]
SUBPARAGRAPHS = ["تعزيز التعاون الدولي في هذا المجال؛", "تبادل المعلومات والخبرات؛"]
FOOTNOTE = "الأمم المتحدة، مجموعة المعاهدات، المجلد 976، الرقم 14152."


def arabic_resolution() -> Document:
    """A/RES/67/193's masthead over two preambular and two operative paragraphs in Arabic, the
    second preambular paragraph citing a footnote, the first operative one with two
    subparagraphs."""
    base = copy.deepcopy(load("ga-res-67-193-en.txt").document)
    note = Footnote("fn-ar-1", [Text(FOOTNOTE)])
    blocks = [
        Block(f"b-ar-pp{i}", BlockKind.PREAMBULAR, [Text(opener, ITALIC), Text(rest)])
        for i, (opener, rest) in enumerate(PREAMBULAR, start=1)
    ]
    blocks[1].content += [NoteRef(note.id), Text("،")]
    blocks += [
        Block(f"b-ar-op{i}", BlockKind.OPERATIVE, [Text(opener, ITALIC), Text(rest)])
        for i, (opener, rest) in enumerate(OPERATIVE, start=1)
    ]
    blocks[2].children = [
        Block(f"b-ar-sub{i}", BlockKind.SUBPARAGRAPH, [Text(text)]) for i, text in enumerate(SUBPARAGRAPHS, 1)
    ]
    return Document(
        base.kind,
        "ar",
        base.masthead,
        front=[],
        blocks=blocks,
        footnotes={note.id: note},
    )
