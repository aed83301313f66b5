"""The outline of a document as plain data: what ``penholder outline --json`` prints.

The schema is documented in ``docs/outline-json.md`` and kept stable: fields may be added,
never renamed or removed, without bumping ``OUTLINE_SCHEMA``.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from drafting.importers.report import ImportReport
from drafting.model import Block, BlockKind, Document, NoteRef, ProposalSpan, iter_inlines, plain_text
from drafting.numbering import (
    BlockLabel,
    block_labels,
    footnote_numbers,
    footnote_reference_counts,
    label_stem,
)
from drafting.phrases import opening_phrase

OUTLINE_SCHEMA = "penholder-outline/1"


def outline(document: Document, report: ImportReport | None = None) -> dict[str, Any]:
    numbers = footnote_numbers(document)
    labels = block_labels(document)
    head = document.masthead
    builder = _Builder(document, numbers, labels)
    data: dict[str, Any] = {
        "schema": OUTLINE_SCHEMA,
        "kind": document.kind.value,
        "language": document.language,
        "symbol": head.symbol,
        "title": head.title,
        "organ": head.organ or _organ_name(head.organ_line),
        "organ_line": head.organ_line,
        "masthead": asdict(head),
        "front": [builder.block(b) for b in document.front],
        "preambular": [builder.block(b) for b in document.blocks if b.kind is BlockKind.PREAMBULAR],
        "operative": [builder.block(b) for b in document.blocks if b.kind is BlockKind.OPERATIVE],
        "blocks": [builder.block(b) for b in document.blocks],
        "footnotes": builder.footnotes(),
        "proposals": builder.proposals(),
        "counts": {
            "preambular": sum(1 for b in document.blocks if b.kind is BlockKind.PREAMBULAR),
            "operative": sum(1 for b in document.blocks if b.kind is BlockKind.OPERATIVE),
            "blocks": len(document.blocks),
            "footnotes": len(document.footnotes),
            "proposals": len(document.proposals),
        },
    }
    data["import_report"] = {
        "discarded": [asdict(d) for d in sorted(report.discarded, key=lambda d: d.line)] if report else [],
        "notes": list(report.notes) if report else [],
        "warnings": list(report.warnings) if report else [],
    }
    return data


def _organ_name(organ_line: str | None) -> str | None:
    if not organ_line:
        return None
    name = organ_line.strip().rstrip(",，،").strip()
    return name.removeprefix("The ")


class _Builder:
    def __init__(self, document: Document, numbers: dict[str, int], labels: dict[str, BlockLabel]) -> None:
        self.document = document
        self.numbers = numbers
        self.labels = labels
        self.block_of_proposal: dict[str, str] = {}

    def block(self, block: Block) -> dict[str, Any]:
        label = self.labels[block.id]
        refs = [n.footnote_id for n in iter_inlines(block.content) if isinstance(n, NoteRef)]
        for node in iter_inlines(block.content):
            if isinstance(node, ProposalSpan):
                self.block_of_proposal[node.proposal_id] = block.id
        entry: dict[str, Any] = {
            "id": block.id,
            "kind": block.kind.value,
            "label": label.label,
            "reference": label.reference,
            "text": plain_text(block.content).strip(),
            "footnotes": [self.numbers[r] for r in refs if r in self.numbers],
        }
        if block.kind is BlockKind.OPERATIVE:
            # "2 alt." and "2 bis." take no number of their own (their reference names them)
            number = label_stem(label.label or "")
            entry["number"] = int(number) if number.isdigit() else None
        if block.kind in (BlockKind.PREAMBULAR, BlockKind.OPERATIVE):
            part = "preambular" if block.kind is BlockKind.PREAMBULAR else "operative"
            entry["opening"] = opening_phrase(entry["text"], part, self.document.language)
        if block.kind is BlockKind.OPERATIVE or block.children:
            entry["subparagraphs"] = [self.block(child) for child in block.children]
        return entry

    def footnotes(self) -> list[dict[str, Any]]:
        counts = footnote_reference_counts(self.document)
        ordered = sorted(self.document.footnotes.values(), key=lambda f: self.numbers[f.id])
        return [
            {
                "id": f.id,
                "number": self.numbers[f.id],
                "text": plain_text(f.content).strip(),
                "references": counts.get(f.id, 0),
            }
            for f in ordered
        ]

    def proposals(self) -> list[dict[str, Any]]:
        spans = {}
        for block in self.document.iter_blocks():
            for node in iter_inlines(block.content):
                if isinstance(node, ProposalSpan):
                    spans[node.proposal_id] = (block.id, node)
        in_footnote = {}  # a proposal inside a footnote's text (a tracked change there)
        for note in self.document.footnotes.values():
            for node in iter_inlines(note.content):
                if isinstance(node, ProposalSpan) and node.proposal_id not in spans:
                    spans[node.proposal_id] = (None, node)
                    in_footnote[node.proposal_id] = note.id
        out = []
        for proposal in self.document.proposals.values():
            block_id, span = spans.get(proposal.id, (None, None))
            note_id = in_footnote.get(proposal.id)
            deleted = plain_text(span.deleted) if span else ""
            inserted = plain_text(span.inserted) if span else ""
            rationale_note = self.document.footnotes.get(proposal.rationale_footnote_id or "")
            out.append(
                {
                    "id": proposal.id,
                    "kind": proposal.kind.value,
                    "text": deleted or inserted,
                    "deleted": deleted,
                    "inserted": inserted,
                    "author": proposal.author,
                    "rationale": plain_text(rationale_note.content).strip()
                    if rationale_note
                    else proposal.rationale,
                    "rationale_footnote": (
                        {"id": rationale_note.id, "number": self.numbers[rationale_note.id]}
                        if rationale_note
                        else None
                    ),
                    "status": proposal.status.value,
                    "block": block_id,
                    "block_reference": self.labels[block_id].reference
                    if block_id in self.labels
                    else (f"footnote {self.numbers[note_id]}" if note_id in self.numbers else None),
                    "footnote": {"id": note_id, "number": self.numbers[note_id]}
                    if note_id in self.numbers
                    else None,
                }
            )
        return out
