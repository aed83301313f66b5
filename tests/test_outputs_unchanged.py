"""Optimisations keep results identical (issue 18): the outline and the findings of every corpus
text and real GA resolution, and the comparison of every real draft with its adopted text, are
the same as recorded in ``tests/fixtures/golden/outputs.json``.

The record is a digest per output, made by this code: when a change is *meant* to change an
output (a new rule, a reading fixed), regenerate it and say so in the commit:

    .venv/bin/python -m tests.test_outputs_unchanged --update

A speed-up must never need that.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from drafting.checks import CheckSettings, run_checks
from drafting.compare import compare
from drafting.importers import load_document
from drafting.outline import outline
from tests.golden import digest, update_main
from tests.helpers import CORPUS, CORPUS_FILES, shared_corpus

GOLDEN = Path(__file__).parent / "fixtures" / "golden" / "outputs.json"
SETTINGS = CheckSettings()


def _texts() -> list[Path]:
    folder = shared_corpus() / "real-ga80" / "texts"
    real = sorted([*folder.glob("*.md"), *folder.glob("*.raw.txt")])
    return [CORPUS / name for name in CORPUS_FILES] + real


def _pairs() -> list[tuple[Path, Path]]:
    folder = shared_corpus() / "real-pairs"
    return [
        (draft, draft.with_name(draft.name.replace("_draft", "_adopted")))
        for draft in sorted(folder.glob("*_draft.txt"))
    ]


def text_outputs(path: Path) -> dict[str, str]:
    result = load_document(path)
    document = result.document
    findings = [f.to_json() for f in run_checks(document, SETTINGS)]
    return {"outline": digest(outline(document, result.report)), "findings": digest(findings)}


def pair_output(draft: Path, adopted: Path) -> str:
    return digest(compare(load_document(draft).document, load_document(adopted).document).to_json())


def current_outputs() -> dict[str, object]:
    return {
        "texts": {path.name: text_outputs(path) for path in _texts()},
        "pairs": {draft.name: pair_output(draft, adopted) for draft, adopted in _pairs()},
    }


@pytest.fixture(scope="module")
def golden() -> dict:
    return json.loads(GOLDEN.read_text(encoding="utf-8"))


def test_the_record_covers_the_whole_corpus(golden):
    assert sorted(golden["texts"]) == sorted(p.name for p in _texts())
    assert sorted(golden["pairs"]) == sorted(d.name for d, _a in _pairs())
    assert len(golden["texts"]) >= 55
    assert len(golden["pairs"]) >= 20


@pytest.mark.parametrize("path", _texts(), ids=lambda p: p.name)
def test_outline_and_findings_are_unchanged(golden, path):
    assert text_outputs(path) == golden["texts"][path.name]


@pytest.mark.parametrize(("draft", "adopted"), _pairs(), ids=lambda p: p.name)
def test_comparisons_are_unchanged(golden, draft, adopted):
    assert pair_output(draft, adopted) == golden["pairs"][draft.name]


if __name__ == "__main__":
    update_main("tests.test_outputs_unchanged", GOLDEN, current_outputs)
