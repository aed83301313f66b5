"""Accepting and rejecting proposals: the text as it would read with them applied or dropped."""

from __future__ import annotations

import copy

from drafting.inline_ops import normalize
from drafting.model import Block, Document, Inline, ProposalSpan


def accept_all(document: Document) -> Document:
    """A copy of ``document`` with every proposal applied (Word's "Accept All Changes")."""
    return _resolve(document, accept=True)


def reject_all(document: Document) -> Document:
    """A copy of ``document`` with every proposal dropped (Word's "Reject All Changes")."""
    return _resolve(document, accept=False)


def _resolve(document: Document, *, accept: bool) -> Document:
    result = copy.deepcopy(document)
    for block in result.iter_blocks():
        block.content = _content(block.content, accept)
    for footnote in result.footnotes.values():
        footnote.content = _content(footnote.content, accept)
    result.proposals = {}
    result.front = _prune(result.front)
    result.blocks = _prune(result.blocks)
    return result


def _prune(blocks: list[Block]) -> list[Block]:
    """Drop paragraphs left empty (subparagraphs first, then their parents)."""
    for block in blocks:
        block.children = _prune(block.children)
    return [b for b in blocks if not _emptied(b)]


def _content(content: list[Inline], accept: bool) -> list[Inline]:
    out: list[Inline] = []
    for node in content:
        if isinstance(node, ProposalSpan):
            out.extend(_content(node.inserted if accept else node.deleted, accept))
        else:
            out.append(node)
    return normalize(out)


def _emptied(block: Block) -> bool:
    """A paragraph that consisted only of a proposal and has nothing left."""
    return not block.content and not block.children
