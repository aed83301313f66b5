"""The reader's first conversions, made from the model the surface was just written from.

Opening a document writes every paragraph onto the surface and then reads every paragraph
back (the session's model is what the surface holds). For a paragraph of plain runs and
footnote references the reading is known in advance: the same runs, each a segment of the
checker's text, each marker two surface characters (joiner and object) and none of the
checker's. Making those conversions from the model spares a 1 MB document tens of thousands of
calls into Qt at opening (``bench/editor.py``).

Only what is certain is made so: paragraphs with proposals, two neighbouring runs of the same
marks (the surface joins them), characters the surface treats specially, or a surface text
that is not exactly the expected one are left to the reader, which converts them as usual.
``tests/ui/test_first_read.py`` holds every made conversion to the reader's own.
"""

from __future__ import annotations

from PySide6.QtGui import QTextBlock, QTextDocument

from drafting.model import Inline, NoteRef, Text
from ui.editor import formats
from ui.editor.reader import Converted, Segment, block_fields
from ui.editor.writer import FlatBlock

_SPECIAL = frozenset("\n\r\v\f\u2028\u2029\x1c\x1d\x1e\x85" + formats.OBJECT_CHAR + formats.JOINER)
"""Characters the surface turns into something else (paragraph and line breaks, its own
marker characters): a run holding one is read by the reader."""
_MARKER = formats.JOINER + formats.OBJECT_CHAR


def conversions(qdoc: QTextDocument, paragraphs: list[FlatBlock]) -> list[tuple[QTextBlock, Converted]]:
    """(surface block, its conversion) for the paragraphs just written by
    :func:`ui.editor.writer.load_into` whose reading is certain; none if the surface does not
    hold exactly those paragraphs, one block each."""
    if qdoc.blockCount() != len(paragraphs):
        return []
    made: list[tuple[QTextBlock, Converted]] = []
    block = qdoc.firstBlock()
    for para in paragraphs:
        converted = _converted(block, para.content)
        if converted is not None:
            made.append((block, converted))
        block = block.next()
    return made


def _converted(block: QTextBlock, model: list[Inline]) -> Converted | None:
    content: list[Inline] = []
    segments: list[Segment] = []
    surface: list[str] = []
    position = offset = 0
    previous_marks = None
    for node in model:
        if isinstance(node, Text):
            if not node.text:
                continue
            if node.marks == previous_marks or not _SPECIAL.isdisjoint(node.text):
                return None
            content.append(Text(node.text, node.marks))
            segments.append(Segment(offset, position, len(node.text)))
            surface.append(node.text)
            offset += len(node.text)
            position += len(node.text)
            previous_marks = node.marks
        elif isinstance(node, NoteRef) and node.footnote_id:
            content.append(NoteRef(node.footnote_id))
            surface.append(_MARKER)
            position += len(_MARKER)
            previous_marks = None
        else:
            return None  # a proposal, or a reference without a footnote
    text = block.text()
    if text != "".join(surface):
        return None
    return Converted(text=text, content=content, segments=tuple(segments), **block_fields(block))
