"""Small operations on inline content (lists of Text, NoteRef and ProposalSpan)."""

from __future__ import annotations

from drafting.model import Inline, Mark, Text


def normalize(content: list[Inline]) -> list[Inline]:
    """Merge adjacent runs with equal marks and drop empty runs."""
    out: list[Inline] = []
    for node in content:
        if isinstance(node, Text):
            if not node.text:
                continue
            if out and isinstance(out[-1], Text) and out[-1].marks == node.marks:
                out[-1] = Text(out[-1].text + node.text, node.marks)
                continue
        out.append(node)
    return out


def leading_text(content: list[Inline]) -> str:
    """The text before the first non-text node."""
    parts = []
    for node in content:
        if not isinstance(node, Text):
            break
        parts.append(node.text)
    return "".join(parts)


def drop_prefix(content: list[Inline], count: int) -> list[Inline]:
    """Remove the first ``count`` characters of leading text."""
    out: list[Inline] = []
    for node in content:
        if count > 0 and isinstance(node, Text):
            if len(node.text) <= count:
                count -= len(node.text)
                continue
            node = Text(node.text[count:], node.marks)
            count = 0
        out.append(node)
    return out


def strip(content: list[Inline]) -> list[Inline]:
    """Trim whitespace at both ends of the content."""
    content = list(content)
    while content and isinstance(content[0], Text):
        text = content[0].text.lstrip()
        if text:
            content[0] = Text(text, content[0].marks)
            break
        content.pop(0)
    while content and isinstance(content[-1], Text):
        text = content[-1].text.rstrip()
        if text:
            content[-1] = Text(text, content[-1].marks)
            break
        content.pop()
    return content


def starts_marked(content: list[Inline]) -> bool:
    """True if the content opens with italic or bold text (an opener already marked)."""
    for node in content:
        if isinstance(node, Text):
            if not node.text.strip():
                continue
            return bool(node.marks & {Mark.ITALIC, Mark.BOLD})
        return False
    return False


def mark_prefix(content: list[Inline], count: int, mark: Mark) -> list[Inline]:
    """Add ``mark`` to the first ``count`` characters."""
    out: list[Inline] = []
    for node in content:
        if count > 0 and isinstance(node, Text):
            head, tail = node.text[:count], node.text[count:]
            count -= len(head)
            out.append(Text(head, node.marks | {mark}))
            if tail:
                out.append(Text(tail, node.marks))
            continue
        out.append(node)
    return normalize(out)


def without_marks(content: list[Inline], marks: set[Mark]) -> list[Inline]:
    return normalize([Text(n.text, n.marks - marks) if isinstance(n, Text) else n for n in content])


def split_content(content: list[Inline], offset: int) -> tuple[list[Inline], list[Inline]]:
    """Cut ``content`` at ``offset`` characters of its text (references stay on their side)."""
    head: list[Inline] = []
    tail: list[Inline] = []
    for node in content:
        if tail or offset < 0:
            tail.append(node)
            continue
        if isinstance(node, Text):
            if len(node.text) <= offset:
                head.append(node)
                offset -= len(node.text)
                continue
            if offset:
                head.append(Text(node.text[:offset], node.marks))
            tail.append(Text(node.text[offset:], node.marks))
            offset = -1
        else:
            head.append(node)
    return head, tail
