"""Square brackets in a negotiation text: words not yet agreed ("[and its Optional Protocol]"),
alternatives all bracketed, brackets taken away once agreed (conventions §5.3).

A bracket pair is an object here (found, listed, counted, added, removed) but it is *held* as
the two characters it is. Brackets are characters in every form a negotiation text travels in
(Word, PDF, e-mail, each delegation's return) and a pair read from a return must count the same
as one added here; a separate markup would be lost or doubled on the first round trip. So a pair
is a matched "[" … "]" in one paragraph's (or footnote's) text as the editor shows it, found again
whenever asked (:func:`bracket_pairs`), and the operations change the characters through the
core edit operations of :mod:`drafting.edits`: applied, or recorded as a delegation's proposals.

Pairs nest ("[a [b] c]" is two pairs, depth 0 and 1). A bracket with no partner in its paragraph
is a :class:`StrayBracket`: brackets never span paragraphs in a negotiation text, and one left
open is a drafting slip the checks report.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from drafting.edits import Change, DeleteText, InsertText, Recording
from drafting.model import Document, Inline, NoteRef, Text

OPEN, CLOSE = "[", "]"
MARKER = "\ufffc"
"""What a footnote reference is in the shown text: one character, never a bracket."""


@dataclass(frozen=True)
class BracketPair:
    """One pair: ``target`` is the paragraph's (block) or footnote's id; ``start`` and ``end``
    are the offsets of "[" and "]" in its shown text (:mod:`drafting.edit_positions`)."""

    target: str
    start: int
    end: int
    text: str
    """The words between the brackets (footnote references left out)."""
    depth: int
    """0 for a pair inside no other, 1 inside one, and so on."""
    in_footnote: bool = False
    index: int = 0
    """Its place among the pairs of its paragraph, in the order of their "[": the editor, whose
    text also holds a joiner before each footnote marker, finds the same pair by it."""


@dataclass(frozen=True)
class StrayBracket:
    target: str
    offset: int
    char: str
    in_footnote: bool = False


def shown(content: list[Inline]) -> str:
    """The text as the editor shows it: deleted text before inserted text, a footnote reference
    one character (:data:`MARKER`); the offsets of :mod:`drafting.edit_positions`."""
    parts: list[str] = []
    for node in content:
        if isinstance(node, Text):
            parts.append(node.text)
        elif isinstance(node, NoteRef):
            parts.append(MARKER)
        else:
            parts.append(shown(node.deleted))
            parts.append(shown(node.inserted))
    return "".join(parts)


def pairs_in(text: str) -> tuple[list[tuple[int, int, int]], list[int]]:
    """(start, end, depth) of every matched pair in ``text`` in order of their "[", and the
    offsets of the brackets left without a partner."""
    pairs: list[tuple[int, int, int]] = []
    open_at: list[int] = []
    stray: list[int] = []
    for offset, char in enumerate(text):
        if char == OPEN:
            open_at.append(offset)
        elif char == CLOSE:
            if open_at:
                start = open_at.pop()
                pairs.append((start, offset, len(open_at)))
            else:
                stray.append(offset)
    stray.extend(open_at)
    pairs.sort()
    return pairs, sorted(stray)


def _holders(document: Document) -> Iterator[tuple[str, list[Inline], bool]]:
    for block in document.iter_blocks():
        yield block.id, block.content, False
    for footnote_id, footnote in document.footnotes.items():
        yield footnote_id, footnote.content, True


def bracket_pairs(document: Document) -> list[BracketPair]:
    """Every pair of the document: paragraphs in reading order, then footnotes."""
    found: list[BracketPair] = []
    for target, content, in_footnote in _holders(document):
        text = shown(content)
        if OPEN not in text:
            continue
        for index, (start, end, depth) in enumerate(pairs_in(text)[0]):
            words = " ".join(text[start + 1 : end].replace(MARKER, "").split())
            found.append(BracketPair(target, start, end, words, depth, in_footnote, index))
    return found


def stray_brackets(document: Document) -> list[StrayBracket]:
    """Every bracket without a partner in its paragraph or footnote."""
    found: list[StrayBracket] = []
    for target, content, in_footnote in _holders(document):
        text = shown(content)
        if OPEN in text or CLOSE in text:
            found.extend(StrayBracket(target, i, text[i], in_footnote) for i in pairs_in(text)[1])
    return found


def count_brackets(document: Document) -> int:
    """How many pairs the document holds (nested pairs counted each)."""
    return len(bracket_pairs(document))


def add_brackets(
    document: Document, target: str, start: int, end: int, recording: Recording | None = None
) -> list[Change]:
    """Put ``start``…``end`` of paragraph (or footnote) ``target`` in brackets; with a
    ``recording``, as that delegation's proposal."""
    if not 0 <= start < end:
        raise ValueError("brackets go around some text")
    return [
        InsertText(target, end, CLOSE).run(document, recording),
        InsertText(target, start, OPEN).run(document, recording),
    ]


def remove_brackets(
    document: Document, pair: BracketPair, recording: Recording | None = None
) -> list[Change]:
    """Take the brackets away and keep the words: the text is agreed."""
    _check(document, pair)
    return [
        DeleteText(pair.target, pair.end, pair.end + 1).run(document, recording),
        DeleteText(pair.target, pair.start, pair.start + 1).run(document, recording),
    ]


def delete_bracketed(
    document: Document, pair: BracketPair, recording: Recording | None = None
) -> list[Change]:
    """Delete the bracketed words with their brackets: the text is dropped."""
    _check(document, pair)
    return [DeleteText(pair.target, pair.start, pair.end + 1).run(document, recording)]


def _check(document: Document, pair: BracketPair) -> None:
    """The pair must still be where it was found: an offset from an older text is refused."""
    for target, content, _in_footnote in _holders(document):
        if target == pair.target:
            text = shown(content)
            if (pair.start, pair.end) in {(s, e) for s, e, _d in pairs_in(text)[0]}:
                return
            break
    raise ValueError(f"no bracket pair at {pair.start}–{pair.end} of {pair.target}: the text has changed")
