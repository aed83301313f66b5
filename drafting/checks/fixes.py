"""Applying a finding's fix through the model: runs are split and edited, footnote references
moved or re-pointed; nothing is done to exported text."""

from __future__ import annotations

import copy

from drafting.checks.finding import Fix
from drafting.errors import DraftingError
from drafting.ids import new_id
from drafting.inline_ops import normalize
from drafting.model import Document, Footnote, Inline, Mark, NoteRef, ProposalSpan, Text, plain_text


class FixNotApplicable(DraftingError):
    """The text changed since the check ran, or the fix would cut through a proposal."""


def apply_fix(document: Document, fix: Fix) -> None:
    """Apply ``fix`` to ``document`` in place."""
    owner = _owner(document, fix.target)
    content = list(owner.content)
    if fix.operation == "replace":
        content = _replace(content, fix.start, fix.end, fix.text)
    elif fix.operation == "italic":
        content = _mark(content, fix.start, fix.end, Mark.ITALIC)
    elif fix.operation == "marker-after-punctuation":
        content = _move_punctuation(content, fix.start, before_marker=True)
    elif fix.operation == "marker-before-punctuation":
        content = _move_punctuation(content, fix.end, before_marker=False)
    elif fix.operation == "new-footnote":
        content = _new_footnote(document, content, fix.start)
    else:
        raise FixNotApplicable(f"unknown fix operation '{fix.operation}'")
    owner.content = normalize(content)


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


def _new_footnote(document: Document, content: list[Inline], offset: int) -> list[Inline]:
    content, index = _split(content, offset)
    if index >= len(content) or not isinstance(content[index], NoteRef):
        raise FixNotApplicable("no footnote marker at that place any more")
    source = document.footnotes.get(content[index].footnote_id)
    if source is None:
        raise FixNotApplicable("the footnote no longer exists")
    footnote = Footnote(new_id("fn"), copy.deepcopy(source.content))
    document.footnotes[footnote.id] = footnote
    content[index] = NoteRef(footnote.id)
    return content
