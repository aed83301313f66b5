"""The list of changes a reader goes through, with the titles negotiators use ("OP 12 moved from
OP 3", "footnote 11 changed") and the summary counts. Plain data; no Qt."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from drafting.compare import BlockChange, Comparison, FootnoteChange, MetadataChange

SHOWN = ("modified", "inserted", "deleted", "moved")
"""Block changes always listed; "formatting" only when asked."""
KINDS = (*SHOWN, "formatting", "footnote", "masthead")
"""Every kind of :class:`ChangeEntry`, in the order the summary counts them."""


@dataclass
class ChangeEntry:
    """One listed change: its kind (one of :data:`KINDS`), its title ("OP 12 moved from OP 3",
    "footnote 11 changed") and the engine's change object."""

    kind: str
    title: str
    change: BlockChange | FootnoteChange | MetadataChange


def change_title(change: BlockChange) -> str:
    """ "OP 5 modified", "PP 4 inserted", "OP 7 deleted", "OP 12 moved from OP 3"."""
    if change.change == "deleted":
        return f"{change.old_label} deleted"
    if change.change == "moved":
        edits = ", with edits" if change.edited else ""
        return f"{change.new_label} moved from {change.old_label}{edits}"
    if change.change == "formatting":
        return f"{change.new_label} formatting changed"
    return f"{change.new_label} {change.change}"


def footnote_title(note: FootnoteChange) -> str:
    verb = "changed" if note.change == "modified" else note.change
    return f"footnote {note.new_number or note.old_number} {verb}"


def field_name(name: str) -> str:
    return name.replace("_", " ")


def change_entries(comparison: Comparison, *, show_formatting: bool = False) -> list[ChangeEntry]:
    """The changes a reader goes through: paragraphs in reading order (deleted ones where they
    were), then footnotes, then the masthead. Unchanged paragraphs and renumbering never appear."""
    shown = SHOWN + (("formatting",) if show_formatting else ())
    entries = [ChangeEntry(c.change, change_title(c), c) for c in comparison.blocks if c.change in shown]
    entries += [
        ChangeEntry("footnote", footnote_title(n), n) for n in comparison.footnotes if n.change != "unchanged"
    ]
    entries += [
        ChangeEntry("masthead", f"masthead: {field_name(m.field)} changed", m) for m in comparison.metadata
    ]
    return entries


def summary_text(entries: list[ChangeEntry]) -> str:
    """ "3 modified · 1 inserted · 1 moved · 1 footnote changed", or "No changes"."""
    counts = Counter(entry.kind for entry in entries)
    parts = [f"{counts[kind]} {kind}" for kind in SHOWN if counts[kind]]
    if counts["formatting"]:
        parts.append(f"{counts['formatting']} formatting only")
    if counts["footnote"]:
        parts.append(f"{counts['footnote']} footnote{'s' if counts['footnote'] > 1 else ''} changed")
    if counts["masthead"]:
        parts.append(f"{counts['masthead']} masthead change{'s' if counts['masthead'] > 1 else ''}")
    return " · ".join(parts) or "No changes"
