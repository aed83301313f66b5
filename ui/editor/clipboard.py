"""Copy and paste that keep what a paragraph is made of.

Plain text loses footnote references: cutting a sentence with its footnote marker and pasting it
elsewhere would orphan the footnote. So copying from the surface also puts the selection on the
clipboard as inline content (``application/x-penholder-inlines``: paragraphs of inline nodes as
the Penholder file stores them, plus the texts of the footnotes and the proposals they cite),
and pasting it writes the same content back — in this document or another one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QTextCursor, QTextDocument

from drafting.errors import StorageError
from drafting.model import Footnote, Inline, NoteRef, Proposal, ProposalSpan, iter_inlines
from drafting.storage import inline_from_dict, inline_to_dict
from ui.editor.reader import convert_block

MIME = "application/x-penholder-inlines"


@dataclass
class Clip:
    paragraphs: list[list[Inline]]
    footnotes: dict[str, list[Inline]] = field(default_factory=dict)
    proposals: dict[str, dict] = field(default_factory=dict)

    def footnote_ids(self) -> set[str]:
        return {n.footnote_id for p in self.paragraphs for n in iter_inlines(p) if isinstance(n, NoteRef)}


def selection_clip(
    cursor: QTextCursor, footnotes: dict[str, Footnote], proposals: dict[str, Proposal]
) -> Clip:
    """The selected text as paragraphs of inline content (partial paragraphs included)."""
    scratch = QTextDocument()
    QTextCursor(scratch).insertFragment(cursor.selection())
    paragraphs = []
    block = scratch.firstBlock()
    while block.isValid():
        paragraphs.append(convert_block(block).content)
        block = block.next()
    clip = Clip(paragraphs)
    for note_id in clip.footnote_ids():
        if note_id in footnotes:
            clip.footnotes[note_id] = footnotes[note_id].content
    spans = {n.proposal_id for p in paragraphs for n in iter_inlines(p) if isinstance(n, ProposalSpan)}
    for proposal_id in spans & set(proposals):
        proposal = proposals[proposal_id]
        clip.proposals[proposal_id] = {
            "kind": proposal.kind.value, "author": proposal.author, "rationale": proposal.rationale,
            "status": proposal.status.value, "date": proposal.date,
        }  # fmt: skip
    return clip


def to_bytes(clip: Clip) -> bytes:
    data = {
        "paragraphs": [[inline_to_dict(n) for n in p] for p in clip.paragraphs],
        "footnotes": {k: [inline_to_dict(n) for n in v] for k, v in clip.footnotes.items()},
        "proposals": clip.proposals,
    }
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def from_mime(source: QMimeData) -> Clip | None:
    """The clip in ``source``, or None when there is none or it cannot be read (plain paste then)."""
    if not source.hasFormat(MIME):
        return None
    try:
        data = json.loads(bytes(source.data(MIME)).decode("utf-8"))
        paragraphs = [[inline_from_dict(n) for n in p] for p in data["paragraphs"]]
        footnotes = {
            str(k): [inline_from_dict(n) for n in v] for k, v in dict(data.get("footnotes", {})).items()
        }
        proposals = {str(k): dict(v) for k, v in dict(data.get("proposals", {})).items()}
    except (ValueError, KeyError, TypeError, AttributeError, StorageError):
        return None
    return Clip(paragraphs, footnotes, proposals)
