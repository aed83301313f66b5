"""Export -> import gives the same structure; text -> model -> Penholder file -> model -> text."""

from __future__ import annotations

import pytest

from drafting import storage
from drafting.exporters.text_export import export_text
from drafting.importers import load_document
from drafting.importers.text_import import import_text
from tests.helpers import CORPUS_FILES, load, structure


@pytest.mark.parametrize("markdown", [False, True], ids=["txt", "md"])
@pytest.mark.parametrize("name", CORPUS_FILES)
def test_export_then_import_gives_the_same_structure(name, markdown):
    original = load(name).document
    exported = export_text(original, markdown=markdown)
    again = import_text(exported).document
    # The job number is print metadata (the foot of page 1 in Word), not part of the text.
    original.masthead.job_number = None
    assert structure(again) == structure(original)
    assert export_text(again, markdown=markdown) == exported


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_text_to_penholder_file_and_back(name, tmp_path):
    original = load(name).document
    path = tmp_path / "doc.penholder"
    storage.save(storage.PenholderFile(original, []), path)
    reloaded = load_document(path).document
    assert reloaded == original  # ids included: they are stable across saves
    assert export_text(reloaded) == export_text(original)


def test_markdown_export_uses_footnote_references():
    text = export_text(load("ga-res-62-172-en.txt").document, markdown=True)
    assert "Counter-Terrorism Strategy;[^1]" in text
    assert "[^1]: Resolution 60/288." in text


def test_text_export_in_un_layout():
    text = export_text(load("ga-res-67-193-en.txt").document)
    assert "67/193. International cooperation against the world drug problem" in text
    assert "\n*The General Assembly*,\n" in text
    assert "\n17. *Recognizes* that:\n\n    (a) Sustainable crop control" in text
    assert "Protocol,¹⁰ the Convention on Psychotropic Substances of 1971¹¹ and" in text
    assert "*60th plenary meeting*\n*20 December 2012*" in text
    assert "\n¹⁰ United Nations, *Treaty Series*, vol. 976, No. 14152.\n" in text


def test_proposal_exported_with_its_rationale_footnote():
    text = export_text(load("cica-concept-paper-rev1-en-ru-kk.txt").document)
    assert "16. Enhancing cooperation" not in text  # list numbering restarts in section II
    assert (
        "5. Enhancing cooperation in the field of combating illicit drugs production and trafficking" in text
    )
    assert "arena ~~through regular intelligence sharing~~¹;" in text
