"""Pasting in suggesting mode: the pasted text is one insertion, footnote references and all (a
pasted footnote comes with its text); further pasted paragraphs are paragraphs proposed in
full after the paragraph pasted into. Proposals in the pasted content are settled first."""

from __future__ import annotations

from drafting.model import Footnote, Inline, NoteRef, ProposalSpan, Text
from ui.editor.suggesting.inserting import replace
from ui.editor.suggesting.recorder import Recorder


def paste(
    recorder: Recorder, paragraphs: list[list[Inline]], footnotes: dict[str, Footnote] | None = None
) -> None:
    """Pasted content as an insertion (a replacement of the selection): the first paragraph at
    the cursor, any others as paragraphs proposed in full after it."""
    paragraphs = list(paragraphs) or [[]]
    cursor = recorder.session.text_cursor()
    start, end = sorted((cursor.anchor(), cursor.position()))
    first, rest = paragraphs[0], paragraphs[1:]
    if not any(_has_text(p) for p in paragraphs):
        return
    replace(recorder, start, end, content=first, paragraphs=rest, footnotes=footnotes)


def settle_pasted(recorder: Recorder, content: list[Inline], clip_proposals: dict[str, dict]) -> list[Inline]:
    """Pasted content without proposal spans: a pending insertion of the user's own gives its
    inserted text, any other proposal the text as it stands (its deleted text). A proposal the
    document does not have is judged by its record on the clipboard (``clip_proposals``)."""
    out: list[Inline] = []
    author = recorder.author
    for node in content:
        if not isinstance(node, ProposalSpan):
            out.append(node)
            continue
        record = recorder.session.base.proposals.get(node.proposal_id)
        if record is not None:
            own = recorder.is_own(node.proposal_id)
        else:
            data = clip_proposals.get(node.proposal_id, {})
            own = author is not None and data.get("author") == author and data.get("status") == "proposed"
        out.extend(settle_pasted(recorder, node.inserted if own else node.deleted, clip_proposals))
    return out


def _has_text(content: list[Inline]) -> bool:
    return any((isinstance(n, Text) and n.text) or isinstance(n, (NoteRef, ProposalSpan)) for n in content)
