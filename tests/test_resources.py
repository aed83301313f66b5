"""The data in resources/ is well formed: phrase lists and the documentation of every rule."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from drafting import resources
from drafting.phrases import opening_phrase, phrase_list

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ["en", "fr", "es", "ru", "zh", "ar"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_phrase_lists(language):
    data = resources.load_json("phrases", f"{language}.json")
    assert data["language"] == language
    assert data["source"]
    assert data["opener_mark"] in (None, "italic")
    for key in ("preambular", "operative", "preambular_adverbs_after", "operative_adverbs_before"):
        assert isinstance(data[key], list)
        assert len(data[key]) == len(set(data[key])), f"duplicates in {key}"
    assert data["preambular"]
    assert data["operative"]
    assert phrase_list(language) is not None
    assert opening_phrase(data["preambular"][0] + " x", "preambular", language) == data["preambular"][0]


def test_every_rule_is_documented():
    code = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "drafting" / "checks").glob("*.py"))
    emitted = set(re.findall(r'"((?:footnote|citation|date|treaty|grammar|spelling|style)\.[a-z-]+)"', code))
    documented = set(
        re.findall(
            r"`((?:footnote|citation|date|treaty|grammar|spelling|style)\.[a-z-]+)`",
            (ROOT / "docs" / "checks.md").read_text(encoding="utf-8"),
        )
    )
    registry_only = {"citation.resolution-date", "grammar.end-punctuation"}  # umbrella ids of rule functions
    assert emitted - registry_only <= documented
    assert len(documented) >= 29


def test_a_resource_name_from_a_document_cannot_leave_the_resources():
    """Phrase lists are looked up by the document's language: a language from a hostile file
    ("../..", a 5,000-tab name) is no resource, never a path on the file system."""
    from drafting import resources
    from drafting.phrases import phrase_list

    for name in ("../phrases/en", "en/../../x", "en" + "\t" * 5000, "", "a/b", ".hidden"):
        assert not resources.exists("phrases", f"{name}.json")
        assert phrase_list(name) is None
    assert resources.exists("phrases", "en.json")


def test_a_penholder_file_with_an_impossible_language_is_refused_in_one_line(tmp_path):
    import json

    from drafting import storage
    from drafting.errors import StorageError
    from tests.helpers import load

    path = tmp_path / "x.penholder"
    storage.save(storage.PenholderFile(load("ga-res-67-193-en.txt").document, []), path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["document"]["language"] = "en" + "\t" * 5000
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(StorageError, match="not a language code"):
        storage.load(path)
