"""What the panels need from each paragraph — plain text, word count, footnotes cited —
recomputed only for the paragraphs that changed.

After each pause in typing the outline, the status bar and the footnote numbers need every
paragraph; at 1 MB walking all of them again took 40-70 ms of the GUI thread. The surface
reader reuses the content list of a paragraph that did not change (``ui.editor.reader``), so
what is computed from a content list stays right while that very list is in use: the cache is
keyed by the list's identity and holds the list, so the identity cannot pass to another object.
"""

from __future__ import annotations

from dataclasses import dataclass

from drafting.languages import count_text
from drafting.model import Document, Inline, NoteRef, iter_inlines, plain_text


@dataclass(frozen=True)
class ParagraphFacts:
    text: str
    """The plain text, stripped."""
    words: int
    """Its length as its language counts it (words; characters for Chinese)."""
    notes: tuple[str, ...]
    """The footnotes it cites, in order (repeats included)."""


class ParagraphTexts:
    def __init__(self) -> None:
        self._cache: dict[int, tuple[list[Inline], ParagraphFacts]] = {}
        self._language: str | None = None

    def read(self, document: Document) -> dict[str, ParagraphFacts]:
        """Block id -> its facts, for every paragraph of ``document`` in reading order
        (covering material first). Forgets the paragraphs no longer there."""
        if document.language != self._language:  # counted another way now
            self._cache, self._language = {}, document.language
        live: dict[int, tuple[list[Inline], ParagraphFacts]] = {}
        result: dict[str, ParagraphFacts] = {}
        for block in document.iter_blocks():
            key = id(block.content)
            entry = self._cache.get(key)
            if entry is None or entry[0] is not block.content:
                text = plain_text(block.content)
                notes = tuple(n.footnote_id for n in iter_inlines(block.content) if isinstance(n, NoteRef))
                entry = (
                    block.content,
                    ParagraphFacts(text.strip(), count_text(text, document.language), notes),
                )
            live[key] = entry
            result[block.id] = entry[1]
        self._cache = live
        return result


def cited_in_order(facts: dict[str, ParagraphFacts]) -> list[str]:
    """Every footnote reference of the text in reading order (for ``drafting.numbering``)."""
    return [note for fact in facts.values() if fact.notes for note in fact.notes]
