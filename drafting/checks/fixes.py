"""Applying a finding's fix through the model: runs are split and edited, footnote references
moved or re-pointed; nothing is done to exported text."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from drafting.checks.finding import Fix
from drafting.errors import DraftingError
from drafting.ids import new_id
from drafting.inline_ops import normalize
from drafting.model import Document, Footnote, Inline, Mark, NoteRef, ProposalSpan, Text, plain_text


class FixNotApplicable(DraftingError):
    """The text changed since the check ran, or the fix would cut through a proposal."""


@dataclass
class Fixed:
    """What a fix changes: the new content of its target, and the footnotes it adds."""

    content: list[Inline]
    new_footnotes: dict[str, Footnote] = field(default_factory=dict)


def apply_fix(document: Document, fix: Fix) -> None:
    """Apply ``fix`` to ``document`` in place."""
    fixed = fixed_content(document, fix, list(_owner(document, fix.target).content))
    _owner(document, fix.target).content = fixed.content
    document.footnotes.update(fixed.new_footnotes)


def fixed_content(document: Document, fix: Fix, content: list[Inline] | None = None) -> Fixed:
    """What ``fix`` makes of its target's content (or of ``content``, the target's content after
    other fixes), without changing ``document``."""
    if content is None:
        content = list(_owner(document, fix.target).content)
    added: dict[str, Footnote] = {}
    if fix.operation == "replace":
        content = _replace(content, fix.start, fix.end, fix.text)
    elif fix.operation == "italic":
        content = _mark(content, fix.start, fix.end, Mark.ITALIC)
    elif fix.operation == "marker-after-punctuation":
        content = _move_punctuation(content, fix.start, before_marker=True)
    elif fix.operation == "marker-before-punctuation":
        content = _move_punctuation(content, fix.end, before_marker=False)
    elif fix.operation == "new-footnote":
        content = _new_footnote(document, content, fix.start, added)
    else:
        raise FixNotApplicable(f"unknown fix operation '{fix.operation}'")
    return Fixed(normalize(content), added)


def fix_all(document: Document, fixes: list[Fix]) -> tuple[dict[str, Fixed], int]:
    """Every fix of ``fixes`` that still applies, target by target from the end of its text
    backwards (so that each fix's offsets still hold), without changing ``document``: the new
    content of each changed target, and how many fixes could not be applied (stale, or
    overlapping one applied before)."""
    results: dict[str, Fixed] = {}
    skipped = 0
    by_target: dict[str, list[Fix]] = {}
    for fix in fixes:
        by_target.setdefault(fix.target, []).append(fix)
    for target, group in by_target.items():
        try:
            content = list(_owner(document, target).content)
        except FixNotApplicable:
            skipped += len(group)
            continue
        added: dict[str, Footnote] = {}
        limit: int | None = None  # where the last fix applied begins: later ones must end before
        for fix in sorted(group, key=lambda f: (f.start, f.end), reverse=True):
            if limit is not None and max(fix.end, fix.start + 1) > limit:
                skipped += 1
                continue
            try:
                fixed = fixed_content(document, fix, content)
            except FixNotApplicable:
                skipped += 1
                continue
            content, limit = fixed.content, fix.start
            added.update(fixed.new_footnotes)
        results[target] = Fixed(content, added)
    return results, skipped


def _owner(document: Document, target: str):
    if target in document.footnotes:
        return document.footnotes[target]
    try:
        return document.block(target)
    except KeyError:
        raise FixNotApplicable(f"'{target}' is no longer in the document") from None


def _split(content: list[Inline], offset: int) -> tuple[list[Inline], int]:
    """Content with a run boundary at ``offset``, and the index of the first node after it.

    Footnote markers at the offset stay after the boundary, so inserted text lands before them.
    """
    out: list[Inline] = []
    position = 0
    boundary: int | None = None
    for node in content:
        if boundary is None:
            if isinstance(node, Text):
                if position + len(node.text) <= offset:
                    out.append(node)
                    position += len(node.text)
                    if position == offset:
                        boundary = len(out)
                    continue
                cut = offset - position
                out.extend([Text(node.text[:cut], node.marks), Text(node.text[cut:], node.marks)])
                boundary = len(out) - 1
                position += len(node.text)
                continue
            if isinstance(node, ProposalSpan):
                size = len(plain_text(node.deleted))
                if position < offset < position + size:
                    raise FixNotApplicable("the fix would cut through a proposal")
                position += size
                out.append(node)
                if position == offset:
                    boundary = len(out)
                continue
            if position == offset:
                boundary = len(out)
        out.append(node)
    if boundary is None:
        if position != offset and offset != 0:
            raise FixNotApplicable("the text changed since it was checked")
        boundary = len(out) if position == offset else 0
    return out, boundary


def _replace(content: list[Inline], start: int, end: int, text: str) -> list[Inline]:
    content, first = _split(content, start)
    content, last = _split(content, end)
    first = min(first, last)
    middle = content[first:last]
    if any(isinstance(node, ProposalSpan) for node in middle):
        raise FixNotApplicable("the fix would change text inside a proposal")
    kept = [node for node in middle if isinstance(node, NoteRef)]
    removed = [node for node in middle if isinstance(node, Text) and node.text]
    template = (
        removed[0]
        if removed
        else next((node for node in reversed(content[:first]) if isinstance(node, Text)), Text(""))
    )
    replacement = [Text(text, template.marks)] if text else []
    return [*content[:first], *replacement, *kept, *content[last:]]


def _mark(content: list[Inline], start: int, end: int, mark: Mark) -> list[Inline]:
    content, first = _split(content, start)
    content, last = _split(content, end)
    return [
        Text(node.text, node.marks | {mark}) if first <= index < last and isinstance(node, Text) else node
        for index, node in enumerate(content)
    ]


def _move_punctuation(content: list[Inline], marker_offset: int, *, before_marker: bool) -> list[Inline]:
    content, index = _split(content, marker_offset)
    refs = [i for i in range(index, len(content)) if isinstance(content[i], NoteRef)]
    if not refs or refs[0] != index:
        raise FixNotApplicable("no footnote marker at that place any more")
    if before_marker:  # "word¹," -> "word,¹"
        after = index + 1
        while after < len(content) and isinstance(content[after], NoteRef):
            after += 1
        node = content[after] if after < len(content) else None
        if not isinstance(node, Text) or not node.text:
            raise FixNotApplicable("no punctuation after the marker")
        mark = Text(node.text[0], node.marks)
        return [
            *content[:index],
            mark,
            *content[index:after],
            Text(node.text[1:], node.marks),
            *content[after + 1 :],
        ]
    node = content[index - 1] if index else None  # "word,¹" -> "word¹,"
    if not isinstance(node, Text) or not node.text:
        raise FixNotApplicable("no punctuation before the marker")
    end = index
    while end < len(content) and isinstance(content[end], NoteRef):
        end += 1
    return [
        *content[: index - 1],
        Text(node.text[:-1], node.marks),
        *content[index:end],
        Text(node.text[-1], node.marks),
        *content[end:],
    ]


def _new_footnote(
    document: Document, content: list[Inline], offset: int, added: dict[str, Footnote]
) -> list[Inline]:
    content, index = _split(content, offset)
    if index >= len(content) or not isinstance(content[index], NoteRef):
        raise FixNotApplicable("no footnote marker at that place any more")
    source = document.footnotes.get(content[index].footnote_id)
    if source is None:
        raise FixNotApplicable("the footnote no longer exists")
    footnote = Footnote(new_id("fn"), copy.deepcopy(source.content))
    added[footnote.id] = footnote
    content[index] = NoteRef(footnote.id)
    return content
