"""Merging the returns' changes: the same change from several delegations becomes one, and a
change that collides with one already in place goes to an alternative paragraph.

Two changes are the same when they give the same text over the words they touch, however each
return cut them. Changes collide when they touch the same words (or insert at the same point).
The first return's change stays in the paragraph; a footnote has no alternative version, so a
collision there is reported as not placed."""

from __future__ import annotations

from drafting.compare.tokens import content_key
from drafting.compilation.atoms import atom_slice
from drafting.compilation.edits import Alternative, Edit, NewBlock, Placed
from drafting.compilation.report import Unplaced, describe_change
from drafting.compilation.returns import Return
from drafting.compilation.state import CompileState
from drafting.model import plain_text


def merge_edit(state: CompileState, edit: Edit, ret: Return) -> None:
    """Put ``edit`` (of ``ret``) with the same change in place, or in place, or in an alternative."""
    placed = state.placed.setdefault(edit.target, [])
    for other in placed:
        if edit.ret not in other.rets and _same(state, other.edit, edit):
            other.add(edit)
            return
    if not any(collide(other.edit, edit) for other in placed):
        placed.append(Placed(edit, [], []))
        placed[-1].add(edit)
        return
    first = next(other for other in placed if collide(other.edit, edit))
    if edit.target.startswith("fn:"):
        number = state.footnote_numbers.get(edit.target[3:])
        state.report.unplaced.append(
            Unplaced(
                ret.source_name,
                edit.author,
                f"footnote {number}" if number else "a footnote",
                _describe(state, edit),
                f"it collides with {', '.join(first.authors)}'s change to the same words"
                f" ({_describe(state, first.edit)}), and a footnote has no alternative version",
            )
        )
        return
    _merge_alternative(state, edit)


def _merge_alternative(state: CompileState, edit: Edit) -> None:
    """A colliding change: with the same change in an alternative already made, else in its
    return's alternative of the paragraph where it collides with nothing, else in a new one."""
    top = state.top[edit.target]
    alternatives = state.alternatives.setdefault(top, [])
    for alternative in alternatives:
        for other in alternative.edits.get(edit.target, []):
            if edit.ret not in other.rets and _same(state, other.edit, edit):
                other.add(edit)
                return
    for alternative in alternatives:
        if alternative.ret == edit.ret and not any(
            collide(other.edit, edit) for other in alternative.edits.get(edit.target, [])
        ):
            break
    else:
        alternative = Alternative(top, edit.ret)
        alternatives.append(alternative)
        state.report.collisions += 1
    item = Placed(edit, [], [])
    item.add(edit)
    alternative.edits.setdefault(edit.target, []).append(item)


def merge_new_block(state: CompileState, item: NewBlock) -> None:
    """A paragraph added at the same place with the same text by an earlier return is the same
    proposal; otherwise it follows the paragraphs added there before it."""
    added = state.new_blocks.setdefault(item.anchor, [])
    for other in added:
        if other.key == item.key and other.ret != item.ret:
            for author in item.authors:
                if author not in other.authors:
                    other.authors.append(author)
            other.dates.extend(item.dates)
            other.move_from = other.move_from or item.move_from
            return
    added.append(item)


def collide(a: Edit, b: Edit) -> bool:
    """Whether two different changes touch the same words (or insert at the same point)."""
    if a.start == a.end and b.start == b.end:
        return a.start == b.start
    if a.start == a.end:
        return b.start < a.start < b.end
    if b.start == b.end:
        return a.start < b.start < a.end
    return a.start < b.end and b.start < a.end


def _same(state: CompileState, a: Edit, b: Edit) -> bool:
    """Whether ``a`` and ``b`` give the same text over the atoms either touches."""
    reach = max(a.size, b.size) + 1
    if a.start > b.end + reach or b.start > a.end + reach:
        return False
    start, end = min(a.start, b.start), max(a.end, b.end)
    return _effect(state, a, start, end) == _effect(state, b, start, end)


def _effect(state: CompileState, edit: Edit, start: int, end: int) -> str:
    content = state.text[edit.target]
    return content_key(
        atom_slice(content, start, edit.start) + edit.inserted + atom_slice(content, edit.end, end), {}
    )


def _describe(state: CompileState, edit: Edit) -> str:
    deleted = plain_text(atom_slice(state.text[edit.target], edit.start, edit.end))
    return describe_change(deleted, plain_text(edit.inserted))
