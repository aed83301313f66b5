"""Text edits inside inline content, applied or recorded as proposals, and spans that settle exactly.

Where text goes (:func:`insert_nodes`). At a position several places may touch: the end of a
span's inserted text, between two nodes, the start of the next span's deleted text (see
:func:`drafting.edit_positions.slots`). Recorded text goes into the inserted text of the
author's own pending proposal when one touches the position, so that consecutive typing is one
proposal, and typing right after one's own deletion turns it into a replacement. Otherwise, as
applied text too, it goes to the shallowest place: between nodes at a boundary, inside another
delegation's insertion only when strictly inside it (recorded: a proposal nested in theirs, which
goes if theirs is rejected), and never into struck text: the deletion is cut in two around it.

What a deletion does to each character (:func:`delete_range`) depends on the spans it sits in,
as ``decide`` says: applied, it goes; recorded, struck text (in a deleted side at any depth)
stays as it is, text of one's own pending insertion goes (the insertion shrinks), and anything
else is wrapped in a deletion span of the recording proposal, at the depth where it is: so
deleting another delegation's pending insertion nests the deletion in their inserted text.

Settling exactly. :mod:`drafting.proposal_ops` closes a "seam" when a span settles to nothing:
"arena ~~words~~;" accepts to "arena;", because compilation texts leave the space before a
struck phrase outside it. A recorded edit means exactly its characters, so :func:`make_exact`
gives every touched list a form that settles to exactly its characters, both ways: where a seam
would close, the character that triggers it (the ";" above, a space or a footnote reference) is
put on both sides of a one-character span of the proposal that emptied the seam, which settles
to that character either way and so keeps the space (a "keeper"). :func:`dissolve` undoes those
spans (and any span that replaces text by the same text) around every edit; each edit adds back
only the ones still needed. Before an edit, :func:`make_explicit`
turns the seams a text already relies on (imported proposals) into spans that hold their space,
as the Word export does, so that they keep meaning what they meant.

What stays inexact: a seam whose space ends another span's text rather than plain text (a
deletion "~~x ~~" right before another delegation's insertion "++y++;": rejecting both closes
it to "x;"). No span can hold that space without inventing a proposal, so it is left implicit
(``skip``); an edit that cuts between those two spans (typing there, or a split or move of
text that contains them) can change whether that one space goes when settling.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from typing import Literal

from drafting.edit_positions import Path, length, put, size, slots
from drafting.inline_ops import normalize
from drafting.model import Inline, NoteRef, ProposalSpan, Text
from drafting.proposal_ops import leaves_stray_space, resolve_content

Action = Literal["keep", "drop", "wrap"]


def insert_nodes(
    content: list[Inline],
    offset: int,
    nodes: list[Inline],
    own: Callable[[str], bool] | None = None,
    new_span: Callable[[], str] | None = None,
) -> str | None:
    """Put ``nodes`` at ``offset`` in ``content`` (changed in place).

    Recording passes ``own`` (whether a proposal is the recording author's own, still open to
    typing) and ``new_span`` (the id of the recording proposal, made on first call). Returns the
    id of the proposal the nodes went into, or None when applied. Own text inside struck text
    (a deletion of theirs around an insertion of one's own) is not extended: it is struck.
    """
    places = slots(content, offset)
    if own is not None:
        for slot in places:
            shown = slot.path and all(side == "inserted" for _span, side in slot.path)
            if shown and own(slot.path[-1][0].proposal_id):
                target, at = slot.places[-1]
                target[:] = put(target, at, nodes)
                return slot.path[-1][0].proposal_id
    slot = min(places, key=lambda s: len(s.path))
    depth = next((k for k, (_span, side) in enumerate(slot.path) if side == "deleted"), len(slot.path))
    target, at = slot.places[depth]  # out of struck text: the deletion is cut around the new text
    proposal_id = None
    if new_span is not None:
        proposal_id = new_span()
        nodes = [ProposalSpan(proposal_id, [], nodes)]
    target[:] = put(target, at, nodes)
    return proposal_id


def delete_range(
    content: list[Inline],
    start: int,
    end: int,
    decide: Callable[[Path], Action],
    wrap_id: Callable[[], str],
    path: Path = (),
) -> tuple[list[Inline], int]:
    """``content`` with the characters in ``[start, end)`` kept, dropped or wrapped in a deletion
    span of proposal ``wrap_id()`` as ``decide`` says for the spans each sits in. Returns the new
    content and how many characters were dropped."""
    out: list[Inline] = []
    run: list[Inline] = []
    dropped = 0

    def flush() -> None:
        if run:
            out.append(ProposalSpan(wrap_id(), normalize(run[:]), []))
            run.clear()

    position = 0
    for node in content:
        n = size(node)
        lo, hi = max(start - position, 0), min(end - position, n)
        position += n
        if lo >= hi:
            flush()
            out.append(node)
            continue
        if isinstance(node, ProposalSpan):
            flush()
            d = length(node.deleted)
            node.deleted, gone = delete_range(
                node.deleted, lo, hi, decide, wrap_id, (*path, (node, "deleted"))
            )
            node.inserted, more = delete_range(
                node.inserted, lo - d, hi - d, decide, wrap_id, (*path, (node, "inserted"))
            )
            dropped += gone + more
            out.append(node)
            continue
        before: Inline | None = None
        after: Inline | None = None
        middle: Inline = node
        if isinstance(node, Text):
            before = Text(node.text[:lo], node.marks) if lo else None
            middle = Text(node.text[lo:hi], node.marks)
            after = Text(node.text[hi:], node.marks) if hi < n else None
        if before is not None:
            flush()
            out.append(before)
        action = decide(path)
        if action == "wrap":
            run.append(middle)
        elif action == "keep":
            flush()
            out.append(middle)
        else:
            dropped += hi - lo
        if after is not None:
            flush()
            out.append(after)
    flush()
    return normalize(out), dropped


def own_deletions_touching(
    content: list[Inline], own: Callable[[str], bool], new: Callable[[str], bool]
) -> tuple[str, str] | None:
    """Two neighbouring spans of different proposals, both the author's own and one of them
    ``new``, that can be one deletion: the first deletes without inserting, the second deletes
    too. Searched at every depth."""
    previous: Inline | None = None
    for node in content:
        if isinstance(node, ProposalSpan):
            if (
                isinstance(previous, ProposalSpan)
                and previous.proposal_id != node.proposal_id
                and own(previous.proposal_id)
                and own(node.proposal_id)
                and (new(previous.proposal_id) or new(node.proposal_id))
                and length(previous.deleted)
                and not length(previous.inserted)
                and length(node.deleted)
            ):
                return previous.proposal_id, node.proposal_id
            found = own_deletions_touching(node.deleted, own, new) or own_deletions_touching(
                node.inserted, own, new
            )
            if found:
                return found
        previous = node
    return None


def rename(content: list[Inline], old: str, new: str) -> None:
    """Give the spans of proposal ``old`` in ``content`` the id ``new`` (in place)."""
    for node in content:
        if isinstance(node, ProposalSpan):
            if node.proposal_id == old:
                node.proposal_id = new
            rename(node.deleted, old, new)
            rename(node.inserted, old, new)


# --- settling exactly --------------------------------------------------------------------------


def is_keeper(node: Inline) -> bool:
    """A span that settles to the same text either way: what :func:`make_exact` adds, or a
    replacement of text by the same text. It changes nothing, and is dissolved."""
    return (
        isinstance(node, ProposalSpan)
        and bool(node.deleted)
        and node.deleted == node.inserted
        and not any(isinstance(n, ProposalSpan) for n in node.deleted)
    )


def dissolve(content: list[Inline]) -> list[Inline]:
    """``content`` with every :func:`is_keeper` span replaced by its character."""
    out: list[Inline] = []
    for node in content:
        if is_keeper(node):
            out.extend(node.deleted)
            continue
        if isinstance(node, ProposalSpan):
            node.deleted, node.inserted = dissolve(node.deleted), dissolve(node.inserted)
        out.append(node)
    return normalize(out)


Signature = tuple[bool, tuple[str, ...]]


def make_exact(content: list[Inline], ways: tuple[bool, ...], skip: set[Signature]) -> list[Inline]:
    """``content`` in a form whose settling (accepting for True in ``ways``, rejecting for False)
    closes no seam, except those listed in ``skip``. A span's deleted text is only ever
    settled by rejecting, its inserted text by accepting."""
    _each_side(content, ways, lambda side, w: make_exact(side, w, skip))
    for accept in ways:
        while (hit := _seam(content, accept, skip)) is not None:
            trigger, run = hit
            content = _keep(content, trigger, content[run[-1]].proposal_id)
    return content


def make_explicit(content: list[Inline], ways: tuple[bool, ...], skip: set[Signature]) -> list[Inline]:
    """``content`` with the seams it relies on made explicit where that means the same: the
    space before a run of spans that settles to nothing moves to the start of the first span, on
    the side that goes (as the Word export does), or deeper in it when the span goes both ways (an
    insertion holding only a nested deletion). Seams that cannot be moved so go to ``skip``."""
    _each_side(content, ways, lambda side, w: make_explicit(side, w, skip))
    for accept in ways:
        while (hit := _seam(content, accept, skip)) is not None:
            _trigger, run = hit
            same = (
                trial
                for trial in _spaces_into(content, run[0])
                if all(resolve_content(trial, accept=w) == resolve_content(content, accept=w) for w in ways)
            )
            found = next(same, None)
            if found is None:
                skip.add(_signature(content, run, accept))
            else:
                content = found
    return content


def _each_side(content: list[Inline], ways: tuple[bool, ...], fix: Callable) -> None:
    for node in content:
        if isinstance(node, ProposalSpan):
            node.deleted = fix(node.deleted, tuple(w for w in ways if not w))
            node.inserted = fix(node.inserted, tuple(w for w in ways if w))


def _seam(content: list[Inline], accept: bool, skip: set[Signature]) -> tuple[int, list[int]] | None:
    """Where settling ``content`` would close a seam (not in ``skip``): the index of the node that
    triggers it and the indices of the run of spans that settle to nothing before it. Follows
    ``proposal_ops._content`` step by step."""
    last: Inline | None = None
    run: list[int] = []
    for index, node in enumerate(content):
        if isinstance(node, ProposalSpan):
            kept = resolve_content(node.inserted if accept else node.deleted, accept=accept)
            if kept:
                last, run = kept[-1], []
            else:
                run.append(index)
            continue
        if isinstance(node, Text) and not node.text:
            continue
        if run and leaves_stray_space(last, node) and _signature(content, run, accept) not in skip:
            return index, run
        last, run = node, []
    return None


def _signature(content: list[Inline], run: list[int], accept: bool) -> Signature:
    return accept, tuple(content[i].proposal_id for i in run)  # type: ignore[union-attr]


def _keep(content: list[Inline], index: int, proposal_id: str) -> list[Inline]:
    """Put the first character of ``content[index]`` on both sides of a span of ``proposal_id``."""
    node = content[index]
    if isinstance(node, NoteRef):
        kept: list[Inline] = [ProposalSpan(proposal_id, [node], [NoteRef(node.footnote_id)])]
    else:
        assert isinstance(node, Text)
        first = node.text[0]
        kept = [ProposalSpan(proposal_id, [Text(first, node.marks)], [Text(first, node.marks)])]
        if node.text[1:]:
            kept.append(Text(node.text[1:], node.marks))
    return [*content[:index], *kept, *content[index + 1 :]]


def _spaces_into(content: list[Inline], first: int) -> Iterator[list[Inline]]:
    """``content`` with the trailing spaces of the plain text before span ``content[first]``
    moved to each place at the start of that span in turn (its deleted text, a span nested
    there, its inserted text ...). Nothing if that text is not plain text ending in spaces."""
    before = content[first - 1] if first else None
    if not (isinstance(before, Text) and before.text.endswith(" ")):
        return
    stem = before.text.rstrip(" ")
    spaces = Text(before.text[len(stem) :], before.marks)
    for index in range(1, len(slots([content[first]], 0))):
        span = copy.deepcopy(content[first])
        target, at = slots([span], 0)[index].places[-1]
        target[:] = put(target, at, [spaces])
        yield normalize([*content[: first - 1], Text(stem, before.marks), span, *content[first + 1 :]])
