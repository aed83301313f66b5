"""Positions inside a paragraph or footnote, counted in *atoms*.

An atom is one character of text, or one footnote reference, or one proposal span: the content
as a string (:func:`atoms`) in which a change is a range of positions, whatever the runs and
marks that carry the text."""

from __future__ import annotations

import copy

import fast_diff_match_patch

from drafting.model import Inline, NoteRef, Text

NOTE_ATOM = "\ufffc"
SPAN_ATOM = "\ufffb"


def atoms(content: list[Inline]) -> str:
    parts = []
    for node in content:
        if isinstance(node, Text):
            parts.append(node.text)
        elif isinstance(node, NoteRef):
            parts.append(NOTE_ATOM)
        else:
            parts.append(SPAN_ATOM)
    return "".join(parts)


def atom_slice(content: list[Inline], start: int, end: int) -> list[Inline]:
    """The inline content between atoms ``start`` and ``end``."""
    out: list[Inline] = []
    position = 0
    for node in content:
        size = len(node.text) if isinstance(node, Text) else 1
        if position >= end:
            break
        if position + size > start:
            if isinstance(node, Text):
                piece = node.text[max(0, start - position) : end - position]
                if piece:
                    out.append(Text(piece, node.marks))
            else:
                out.append(copy.deepcopy(node))
        position += size
    return out


def position_map(source: str, target: str) -> list[int]:
    """For each position of ``source`` (and its end), the matching position of ``target``:
    the two are the same text up to typography (a rejected return and the base)."""
    if source == target:
        return list(range(len(source) + 1))
    mapping: list[int] = []
    j = 0
    for op, length in fast_diff_match_patch.diff(
        source, target, timelimit=0, checklines=False, cleanup="No", counts_only=True
    ):
        if op == "=":
            mapping.extend(range(j, j + length))
            j += length
        elif op == "-":
            mapping.extend([j] * length)
        else:
            j += length
    mapping.append(len(target))
    return mapping
