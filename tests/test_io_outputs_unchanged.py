"""Speed-ups of the importers and exporters keep their outputs identical (issue 18): the DOCX
export (every byte of the package and of each part), the document read back from it, the text
and Markdown exports, and the text import of the 1 MB compilation are the same as recorded in
``tests/fixtures/golden/io_outputs.json``.

The record is a digest per output, made by this code: when a change is *meant* to change an
output (a new rule, a reading fixed), regenerate it and say so in the commit:

    .venv/bin/python -m tests.test_io_outputs_unchanged --update

A speed-up must never need that. The export is deterministic (fixed zip timestamps, no dates
or author unless asked), so the whole package is recorded, not only its XML.
"""

from __future__ import annotations

import dataclasses
import io
import json
import sys
import zipfile
from functools import cache
from pathlib import Path

import pytest

from drafting.exporters import DocxOptions, export_docx, export_text
from drafting.importers import ImportResult, load_document
from drafting.importers.docx_import import import_docx_file
from drafting.importers.text_import import import_text
from drafting.model import Document, Mark, Proposal, ProposalKind, ProposalSpan, Text
from drafting.storage import document_to_dict
from tests.golden import digest, update_main
from tests.helpers import CORPUS, CORPUS_FILES, shared_corpus, three_author_compilation

GOLDEN = Path(__file__).parent / "fixtures" / "golden" / "io_outputs.json"
ROOT = Path(__file__).resolve().parents[1]

MODES = {
    "markup": DocxOptions(proposals="markup"),
    "tracked": DocxOptions(proposals="tracked"),
}
EXTRA_MODES = {
    "superscript-bold-typed": DocxOptions(repeats="superscript", insertion="bold", numbering="typed"),
    "tracked-dated": DocxOptions(proposals="tracked", author="Facilitator", timestamp="2026-12-01T10:00:00Z"),
}
"""Every option, on the documents that carry proposals."""


def _real_texts() -> list[Path]:
    """About 20 of the real GA texts, spread over the sorted list (both .md and .raw.txt)."""
    folder = shared_corpus() / "real-ga80" / "texts"
    real = sorted([*folder.glob("*.md"), *folder.glob("*.raw.txt")])
    return real[::2] + [p for p in real[1::2] if p.name.endswith(".raw.txt")]


def _texts() -> list[Path]:
    return [CORPUS / name for name in CORPUS_FILES] + _real_texts()


def _real_docx() -> list[Path]:
    found = [*(ROOT / "tests" / "fixtures").rglob("*.docx"), *shared_corpus().rglob("*.docx")]
    return sorted(found, key=lambda p: p.name)


def negotiation() -> Document:
    """A compilation with every kind of proposal the exporter writes: insertions, deletions and
    replacements by three delegations, a paragraph deleted in full, a paragraph moved, a
    rationale, an oral revision, marks inside a change, an alternative paragraph and a
    paragraph agreed ad referendum."""
    document = three_author_compilation()
    operative = document.operative
    whole = operative[8]
    whole.content = [ProposalSpan("pr-whole", deleted=whole.content, inserted=[])]
    document.proposals["pr-whole"] = Proposal("pr-whole", ProposalKind.DELETE, author="Canada")
    moved = operative[10]
    target = operative[14]
    moved_content = moved.content
    moved.content = [ProposalSpan("pr-move-out", deleted=moved_content, inserted=[])]
    target.content = [*target.content, ProposalSpan("pr-move-in", deleted=[], inserted=list(moved_content))]
    document.proposals["pr-move-out"] = Proposal("pr-move-out", ProposalKind.DELETE, author="Japan")
    document.proposals["pr-move-in"] = Proposal(
        "pr-move-in", ProposalKind.INSERT, author="Japan", move_of="pr-move-out"
    )
    marked = operative[12]
    span = ProposalSpan(
        "pr-marked", deleted=[Text(" strongly", frozenset({Mark.ITALIC}))], inserted=[Text(" firmly")]
    )
    marked.content = [*marked.content[:1], span, *marked.content[1:]]
    document.proposals["pr-marked"] = Proposal(
        "pr-marked", ProposalKind.REPLACE, author="Brazil", rationale="Agreed language.", oral="77th plenary"
    )
    operative[16].agreed_ad_ref = True
    return document


@cache
def compilation() -> str:
    sys.path.insert(0, str(ROOT / "bench"))
    from import_export import compilation_text

    return compilation_text()


def modeldigest(result: ImportResult) -> str:
    """The whole document model as the Penholder file stores it, and the import report."""
    report = dataclasses.asdict(result.report)
    report["source"] = Path(report["source"]).name  # not where the clone happens to be
    return digest({"document": document_to_dict(result.document), "report": report})


def docx_digests(data: bytes, warnings: list[str]) -> dict[str, str]:
    """The package bytes, each part's bytes (named, in zip order) and the export warnings."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = [[info.filename, digest(archive.read(info))] for info in archive.infolist()]
    return {"package": digest(data), "parts": digest(parts), "warnings": digest(warnings)}


def document_outputs(document: Document, modes: dict[str, DocxOptions], name: str) -> dict[str, object]:
    out: dict[str, object] = {
        "text": digest(export_text(document)),
        "markdown": digest(export_text(document, markdown=True)),
    }
    for mode, options in modes.items():
        result = export_docx(document, options)
        out[f"docx-{mode}"] = docx_digests(result.data, result.warnings)
        out[f"docx-{mode}-read"] = modeldigest(import_docx_file(result.data, name))
    return out


def text_outputs(path: Path) -> dict[str, object]:
    result = load_document(path)
    return {"import": modeldigest(result)} | document_outputs(result.document, MODES, path.name)


def negotiation_outputs() -> dict[str, object]:
    return document_outputs(negotiation(), MODES | EXTRA_MODES, "negotiation.docx")


def compilation_outputs() -> dict[str, object]:
    result = import_text(compilation())
    return {"import": modeldigest(result)} | document_outputs(result.document, MODES, "compilation.docx")


def docx_file_output(path: Path) -> str:
    return modeldigest(import_docx_file(path.read_bytes(), path.name))


def current_outputs() -> dict[str, object]:
    return {
        "texts": {path.name: text_outputs(path) for path in _texts()},
        "negotiation": negotiation_outputs(),
        "compilation": compilation_outputs(),
        "docx_files": {path.name: docx_file_output(path) for path in _real_docx()},
    }


@pytest.fixture(scope="module")
def golden() -> dict:
    return json.loads(GOLDEN.read_text(encoding="utf-8"))


def test_the_record_covers_the_chosen_files(golden):
    assert sorted(golden["texts"]) == sorted(p.name for p in _texts())
    assert sorted(golden["docx_files"]) == sorted(p.name for p in _real_docx())
    assert len(golden["texts"]) >= 25
    assert len(golden["docx_files"]) >= 1


def test_the_export_is_the_same_twice():
    """What the record relies on: one document, one package."""
    document = negotiation()
    for options in MODES.values():
        assert export_docx(document, options).data == export_docx(document, options).data


@pytest.mark.parametrize("path", _texts(), ids=lambda p: p.name)
def test_text_outputs_are_unchanged(golden, path):
    assert text_outputs(path) == golden["texts"][path.name]


def test_negotiation_outputs_are_unchanged(golden):
    assert negotiation_outputs() == golden["negotiation"]


def test_compilation_outputs_are_unchanged(golden):
    assert compilation_outputs() == golden["compilation"]


@pytest.mark.parametrize("path", _real_docx(), ids=lambda p: p.name)
def test_real_docx_files_read_the_same(golden, path):
    assert docx_file_output(path) == golden["docx_files"][path.name]


if __name__ == "__main__":
    update_main("tests.test_io_outputs_unchanged", GOLDEN, current_outputs)
