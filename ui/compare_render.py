"""Text documents showing a comparison: an inline redline and a pair of side-by-side texts.

Qt text documents only (no widgets), built from a :class:`drafting.compare.Comparison`, which
holds both compared documents. The conventions follow :mod:`drafting.compare.report`: deleted
words struck through in red, inserted words underlined in blue, a moved paragraph noted "moved
from OP 3", footnote changes shown on the footnote, formatting-only changes hidden unless asked.
Labels ("12.", "(a)", "PP 3") are derived, so renumbering is never shown as a change.

This module is where the view and the tests take the rendering from; the work is split by job:

* :mod:`ui.compare_entries` — the list of changes and its titles (plain data);
* :mod:`ui.compare_writer` — colours, character formats, writing one paragraph;
* :mod:`ui.compare_inline` — what the inline redline says, paragraph by paragraph;
* :mod:`ui.compare_side` — what the two side-by-side texts say, and their paired paragraphs;
* :mod:`ui.compare_build` — writing long texts in pieces between events (the view's job).
"""

from __future__ import annotations

from ui.compare_entries import (
    KINDS,
    SHOWN,
    ChangeEntry,
    change_entries,
    change_title,
    field_name,
    footnote_title,
    summary_text,
)
from ui.compare_inline import ChangeAnchor, InlineRedline, inline_document
from ui.compare_side import RowPair, SideBySide, side_by_side_documents
from ui.compare_writer import (
    DELETED_COLOUR,
    DELETED_TINT,
    FORMATTING_TINT,
    INSERTED_COLOUR,
    INSERTED_TINT,
    NOTE_COLOUR,
    TEXT_COLOUR,
    UNCHANGED_COLOUR,
)

__all__ = [
    "DELETED_COLOUR",
    "DELETED_TINT",
    "FORMATTING_TINT",
    "INSERTED_COLOUR",
    "INSERTED_TINT",
    "KINDS",
    "NOTE_COLOUR",
    "SHOWN",
    "TEXT_COLOUR",
    "UNCHANGED_COLOUR",
    "ChangeAnchor",
    "ChangeEntry",
    "InlineRedline",
    "RowPair",
    "SideBySide",
    "change_entries",
    "change_title",
    "field_name",
    "footnote_title",
    "inline_document",
    "side_by_side_documents",
    "summary_text",
]
