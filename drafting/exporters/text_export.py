"""Plain-text and Markdown export in UN layout.

Operative numbers, subparagraph labels and footnote numbers are derived at export time.
Italics are written ``*…*``; proposals as ``~~deleted~~`` / ``**inserted**`` followed by the
attribution ``(Delegation)`` unless their rationale footnote already names it. Footnotes
go at the end: superscript numbers in ``.txt``, ``[^n]`` references in ``.md``. The output
imports back to the same structure.
"""

from __future__ import annotations

from dataclasses import dataclass

from drafting import markup
from drafting.exporters.layout import masthead_lines, organ_line_parts
from drafting.model import (
    Block,
    BlockKind,
    Document,
    Inline,
    Mark,
    NoteRef,
    ProposalSpan,
    Text,
)
from drafting.numbering import BlockLabel, block_labels, footnote_numbers
from drafting.proposals import AGREED_TAG, attribution_tag

_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
FOOTNOTE_RULE = "_" * 16


@dataclass
class _Context:
    document: Document
    numbers: dict[str, int]
    labels: dict[str, BlockLabel]
    markdown: bool

    def marker(self, footnote_id: str) -> str:
        number = self.numbers.get(footnote_id)
        if number is None:
            return ""
        return f"[^{number}]" if self.markdown else str(number).translate(_SUPERSCRIPT)


def export_text(document: Document, *, markdown: bool = False) -> str:
    """The document as UTF-8 text (``markdown=True`` for ``.md``)."""
    ctx = _Context(document, footnote_numbers(document), block_labels(document), markdown)
    paragraphs: list[str] = []
    paragraphs.extend(_block_lines(block, ctx, 0) for block in document.front)
    paragraphs.extend(_masthead(document))
    for block in document.blocks:
        paragraphs.append(_block_lines(block, ctx, 0))
    head = document.masthead
    if head.adoption_meeting or head.adoption_date:
        lines = [f"*{part}*" for part in (head.adoption_meeting, head.adoption_date) if part]
        paragraphs.append("\n".join(lines))
    notes = _footnotes(ctx)
    if notes:
        paragraphs.append(notes)
    return "\n\n".join(p for p in paragraphs if p) + "\n"


def _masthead(document: Document) -> list[str]:
    lines = [line.text for line in masthead_lines(document)]
    before, italic, after = organ_line_parts(document)
    if before or italic or after:
        lines.append(before + (f"*{italic}*" if italic else "") + after)
    return lines


def _block_lines(block: Block, ctx: _Context, depth: int) -> str:
    label = ctx.labels[block.id].label
    text = render_inline(block.content, ctx)
    if block.kind is BlockKind.HEADING and not block.numbered:
        text = f"**{text}**" if text else text
    line = f"{label} {text}" if label else text
    if block.agreed_ad_ref:
        line += AGREED_TAG
    line = "    " * depth + line
    children = [_block_lines(child, ctx, depth + 1) for child in block.children]
    return "\n\n".join([line, *children])


def render_inline(content: list[Inline], ctx: _Context) -> str:
    out: list[str] = []
    pending: list[Text] = []

    def flush() -> None:
        if pending:
            out.append(markup.render(pending))
            pending.clear()

    for node in content:
        if isinstance(node, Text):
            pending.append(node)
        elif isinstance(node, NoteRef):
            flush()
            out.append(ctx.marker(node.footnote_id))
        elif isinstance(node, ProposalSpan):
            flush()
            out.append(_proposal(node, ctx))
    flush()
    return "".join(out)


def _proposal(span: ProposalSpan, ctx: _Context) -> str:
    parts = []
    if span.deleted:
        parts.append(_marked(span.deleted, Mark.STRIKE, ctx))
    if span.inserted:
        parts.append(_marked(span.inserted, Mark.BOLD, ctx))
    proposal = ctx.document.proposals.get(span.proposal_id)
    tag = attribution_tag(proposal, ctx.document.footnotes) if proposal else ""
    written = " ".join(parts)
    if not tag:
        return written
    # "~~absolutely~~ (Japan) ", not "~~absolutely~~  (Japan)": the tag follows the span itself
    kept = written.rstrip()
    return kept + tag + written[len(kept) :]


def _marked(content: list[Inline], mark: Mark, ctx: _Context) -> str:
    marked: list[Inline] = [Text(n.text, n.marks | {mark}) if isinstance(n, Text) else n for n in content]
    return render_inline(marked, ctx)


def _footnotes(ctx: _Context) -> str:
    document = ctx.document
    order = sorted(document.footnotes, key=lambda fid: ctx.numbers[fid])
    lines = []
    for footnote_id in order:
        text = render_inline(document.footnotes[footnote_id].content, ctx)
        number = ctx.numbers[footnote_id]
        lines.append(f"[^{number}]: {text}" if ctx.markdown else f"{ctx.marker(footnote_id)} {text}")
    if document.masthead.sponsors_note:
        lines.append(f"* {document.masthead.sponsors_note}")
    if not lines:
        return ""
    return "\n\n".join([FOOTNOTE_RULE, *lines])
