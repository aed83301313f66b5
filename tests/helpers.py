"""Shared test helpers: corpus paths and the "nothing is lost" accounting."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from drafting.exporters.text_export import export_text
from drafting.importers import ImportResult, load_document
from drafting.model import Block, Document, NoteRef, Text, iter_inlines, plain_text

CORPUS = Path(__file__).parent / "corpus"
CORPUS_FILES = sorted(p.name for p in CORPUS.glob("*.txt"))


def load(name: str) -> ImportResult:
    return load_document(CORPUS / name)


def words(text: str) -> Counter[str]:
    """The letters of ``text``, counted. Digits and punctuation are left out because
    footnote numbers and labels are derived, not kept as text; counting letters rather
    than words keeps the check exact when furniture removed from mid-line joins two pieces."""
    return Counter(ch for ch in text if ch.isalpha())


def lost_words(source_text: str, result: ImportResult) -> Counter[str]:
    """Words of the input that are neither in the imported document nor in the report."""
    kept = words(export_text(result.document))
    kept += words(" ".join(d.text for d in result.report.discarded))
    return words(source_text) - kept


def block_texts(blocks: list[Block]) -> list[str]:
    return [plain_text(b.content).strip() for b in blocks]


def references(document: Document, footnote_id: str) -> int:
    return sum(
        1
        for block in document.iter_blocks()
        for node in iter_inlines(block.content)
        if isinstance(node, NoteRef) and node.footnote_id == footnote_id
    )


def structure(document: Document) -> dict:
    """Everything about a document except ids: what a round trip must preserve."""
    from drafting.outline import outline

    data = outline(document)

    def scrub(value):
        if isinstance(value, dict):
            return {k: scrub(v) for k, v in value.items() if k not in ("id", "block", "import_report")}
        if isinstance(value, list):
            return [scrub(v) for v in value]
        return value

    out = scrub(data)
    for proposal in out["proposals"]:
        if proposal.get("rationale_footnote"):
            proposal["rationale_footnote"] = proposal["rationale_footnote"]["number"]
    return out


_WORDS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[^\W\d_]+")


def letters(text: str) -> str:
    return "".join(ch for ch in text if ch.isalpha())


def unaccounted_lines(source_text: str, result: ImportResult) -> list[tuple[int, str]]:
    """Non-blank input lines that are neither in the document nor in the report.

    A line counts as kept when its letters run, in order, inside the exported document, or
    when every word of it is in the document (a flattened masthead is rearranged into
    fields). Fragments the report set aside (a comment anchor mid-line) are removed first.
    """
    exported = export_text(result.document)
    kept_run = letters(exported)
    kept_words = set(_WORDS.findall(exported))
    discarded: dict[int, list[str]] = {}
    for item in result.report.discarded:
        discarded.setdefault(item.line, []).append(item.text)
    missing = []
    for number, line in enumerate(source_text.replace("\r\n", "\n").split("\n"), start=1):
        for fragment in discarded.get(number, []):
            line = line.replace(fragment, " ", 1)
        run = letters(line)
        if not run or run in kept_run:
            continue
        if all(w in kept_words for w in _WORDS.findall(line)):
            continue
        missing.append((number, line))
    return missing


def shared_corpus() -> Path:
    """``shared/corpus`` beside the repository (CI lays a copy there), else the workplace's."""
    for root in (Path(__file__).resolve().parents[2] / "shared", Path("/work/shared")):
        if (root / "corpus").is_dir():
            return root / "corpus"
    return Path(__file__).resolve().parents[2] / "shared" / "corpus"


def three_author_compilation() -> Document:
    """A compilation: A/RES/67/193 with insertions, deletions and replacements proposed by
    three delegations, as a facilitator's text carries them."""
    from drafting.model import Proposal, ProposalKind, ProposalSpan

    document = load("ga-res-67-193-en.txt").document
    authors = ["Mexico", "European Union", "Group of 77 and China"]
    for index, (block, author) in enumerate(zip(document.operative[:6], authors * 2, strict=True)):
        proposal_id = f"pr-{index}"
        kind = (ProposalKind.INSERT, ProposalKind.DELETE, ProposalKind.REPLACE)[index % 3]
        span = ProposalSpan(
            proposal_id,
            deleted=[Text(" urgently")] if kind is not ProposalKind.INSERT else [],
            inserted=[Text(" promptly")] if kind is not ProposalKind.DELETE else [],
        )
        block.content = [*block.content[:1], span, *block.content[1:]]
        document.proposals[proposal_id] = Proposal(proposal_id, kind, author=author, date="2026-12-01")
    return document
