"""Positions in a paragraph's text as the editor shows it, and cutting inline content there.

The editor shows inline content as its text runs in reading order, a proposal span as its
deleted text (struck) followed by its inserted text, and a footnote reference as one character
(its marker). A *position* is an offset into that shown text: 0 is before the first character,
``length(content)`` after the last. Spans nested in a side of a span (as imported documents
and :mod:`drafting.edits` make them) count the same way, at any depth.

Unlike :func:`drafting.inline_ops.split_content`, which cuts plain text and lets references
ride along, everything here counts a reference as one character and cuts inside spans: the two
halves of a span keep its proposal id, so a proposal may have several spans.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from drafting.inline_ops import normalize
from drafting.model import Inline, NoteRef, ProposalSpan, Text

Side = Literal["deleted", "inserted"]
Path = tuple[tuple[ProposalSpan, Side], ...]
"""The spans (and which of their sides) leading from the content down to a character or slot."""


def size(node: Inline) -> int:
    """How many characters ``node`` takes in the shown text."""
    if isinstance(node, Text):
        return len(node.text)
    if isinstance(node, NoteRef):
        return 1
    return length(node.deleted) + length(node.inserted)


def length(content: list[Inline]) -> int:
    return sum(size(node) for node in content)


def atoms(content: list[Inline], path: Path = ()) -> Iterator[tuple[Text | NoteRef, Path]]:
    """The shown characters in order, each a one-character :class:`Text` or a :class:`NoteRef`,
    with the spans it sits in (outermost first)."""
    for node in content:
        if isinstance(node, Text):
            for char in node.text:
                yield Text(char, node.marks), path
        elif isinstance(node, NoteRef):
            yield node, path
        else:
            yield from atoms(node.deleted, (*path, (node, "deleted")))
            yield from atoms(node.inserted, (*path, (node, "inserted")))


def settles_to(path: Path, *, accept: bool) -> bool:
    """Whether a character at ``path`` stays when every proposal is accepted (rejected)."""
    wanted = "inserted" if accept else "deleted"
    return all(side == wanted for _span, side in path)


def visible(content: list[Inline]) -> bool:
    """Whether any character of ``content`` stays when every proposal is accepted."""
    return any(settles_to(path, accept=True) for _atom, path in atoms(content))


def split_at(content: list[Inline], offset: int) -> tuple[list[Inline], list[Inline]]:
    """Cut ``content`` at a position. Nodes ending at or before it (so also a node of no length
    there) go to the head; a text run or a span the cut falls inside is cut in two."""
    head: list[Inline] = []
    tail: list[Inline] = []
    position = 0
    for node in content:
        n = size(node)
        if position + n <= offset:
            head.append(node)
        elif position >= offset:
            tail.append(node)
        elif isinstance(node, Text):
            cut = offset - position
            head.append(Text(node.text[:cut], node.marks))
            tail.append(Text(node.text[cut:], node.marks))
        else:
            assert isinstance(node, ProposalSpan)  # a reference has length 1: never cut
            cut, deleted = offset - position, length(node.deleted)
            if cut <= deleted:
                d_head, d_tail = split_at(node.deleted, cut)
                head.append(ProposalSpan(node.proposal_id, d_head, []))
                tail.append(ProposalSpan(node.proposal_id, d_tail, node.inserted))
            else:
                i_head, i_tail = split_at(node.inserted, cut - deleted)
                head.append(ProposalSpan(node.proposal_id, node.deleted, i_head))
                tail.append(ProposalSpan(node.proposal_id, [], i_tail))
        position += n
    return head, tail


def put(content: list[Inline], offset: int, nodes: list[Inline]) -> list[Inline]:
    """``content`` with ``nodes`` at ``offset`` (cutting what the position falls inside)."""
    head, tail = split_at(content, offset)
    return normalize([*head, *nodes, *tail])


@dataclass(frozen=True, eq=False)
class Slot:
    """One place a node can go at a position: in the content itself, or in a side of a span
    (of a span ...) that the position touches."""

    path: Path
    places: tuple[tuple[list[Inline], int], ...]
    """The list at each depth (the content first) and the position within it; one more than ``path``."""

    @property
    def side(self) -> Side | None:
        """The side of the innermost span the slot is in, or None at the top."""
        return self.path[-1][1] if self.path else None


def slots(content: list[Inline], offset: int) -> list[Slot]:
    """Every place at ``offset``, in reading order: at the end of a span's inserted text, then
    between nodes, then at the start of the next span's deleted text, and so on."""
    if not 0 <= offset <= length(content):
        raise ValueError(f"position {offset} is outside text of length {length(content)}")
    return list(_slots(content, offset, (), ()))


def _slots(content: list[Inline], offset: int, path: Path, places: tuple) -> Iterator[Slot]:
    here = Slot(path, (*places, (content, offset)))
    given = False
    position = 0
    for node in content:
        n = size(node)
        if position == offset and not given:
            given = True
            yield here
        if isinstance(node, ProposalSpan) and position <= offset <= position + n:
            outer = (*places, (content, offset))
            deleted = length(node.deleted)
            if offset - position <= deleted:
                yield from _slots(node.deleted, offset - position, (*path, (node, "deleted")), outer)
            if offset - position >= deleted:
                yield from _slots(
                    node.inserted, offset - position - deleted, (*path, (node, "inserted")), outer
                )
        elif isinstance(node, Text) and position < offset < position + n:
            given = True
            yield here
        position += n
    if position == offset and not given:
        yield here


def tidy(content: list[Inline]) -> list[Inline]:
    """Drop spans left with no text, join neighbouring spans of one proposal where that keeps
    the reading order (the first inserts nothing, or the second deletes nothing), join runs."""
    out: list[Inline] = []
    for node in content:
        if isinstance(node, ProposalSpan):
            node.deleted, node.inserted = tidy(node.deleted), tidy(node.inserted)
            if not node.deleted and not node.inserted:
                continue
            last = out[-1] if out else None
            if (
                isinstance(last, ProposalSpan)
                and last.proposal_id == node.proposal_id
                and (not last.inserted or not node.deleted)
            ):
                last.deleted = tidy(last.deleted + node.deleted)
                last.inserted = tidy(last.inserted + node.inserted)
                continue
        out.append(node)
    return normalize(out)
