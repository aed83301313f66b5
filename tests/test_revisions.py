"""Keeping named revisions in a Penholder file: add, rename, delete, names suggested."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from drafting import storage
from drafting.model import Document, Text
from drafting.revisions import (
    add_revision,
    delete_revision,
    rename_revision,
    suggest_next_name,
    unique_name,
)
from drafting.storage import PenholderFile, Revision
from tests.helpers import load


@pytest.fixture
def resolution():
    return load("ga-res-67-193-en.txt").document


def named(*names: str) -> PenholderFile:
    return PenholderFile(Document(), [Revision(n, "2024-01-01", Document()) for n in names])


def test_add_revision_keeps_a_copy_of_the_text(resolution) -> None:
    pf = PenholderFile(resolution)
    revision = add_revision(pf, "  zero draft ", resolution, "2023-09-01")
    assert pf.revisions == [revision]
    assert (revision.name, revision.date) == ("zero draft", "2023-09-01")
    assert revision.document == resolution
    resolution.operative[0].content.append(Text(" Amended."))
    resolution.masthead.sponsors.append("Kazakhstan")
    assert revision.document != resolution
    assert revision.document == load("ga-res-67-193-en.txt").document


def test_add_revision_appends_as_the_newest(resolution) -> None:
    pf = PenholderFile(resolution)
    add_revision(pf, "zero draft", resolution, "2023-09-01")
    add_revision(pf, "Rev.1", resolution, "2023-10-01")
    assert [r.name for r in pf.revisions] == ["zero draft", "Rev.1"]


def test_date_defaults_to_today(resolution) -> None:
    before = datetime.date.today().isoformat()
    dates = {
        add_revision(PenholderFile(resolution), "Rev.1", resolution, given).date for given in (None, "", "  ")
    }
    after = datetime.date.today().isoformat()
    assert len(dates) == 1
    assert dates.pop() in {before, after}
    assert len(before) == 10
    assert before[4] == before[7] == "-"


@pytest.mark.parametrize("name", ["", "   ", "\t\n"])
def test_a_revision_needs_a_name(resolution, name: str) -> None:
    pf = PenholderFile(resolution)
    with pytest.raises(ValueError, match="needs a name"):
        add_revision(pf, name, resolution)
    assert pf.revisions == []
    add_revision(pf, "Rev.1", resolution)
    with pytest.raises(ValueError, match="needs a name"):
        rename_revision(pf, 0, name)
    assert pf.revisions[0].name == "Rev.1"


def test_duplicate_names_are_allowed_and_unique_name_suggests_another(resolution) -> None:
    pf = PenholderFile(resolution)
    add_revision(pf, "Rev.1", resolution)
    add_revision(pf, "Rev.1", resolution)
    assert [r.name for r in pf.revisions] == ["Rev.1", "Rev.1"]
    assert unique_name(pf, "Rev.1") == "Rev.1 (2)"
    add_revision(pf, unique_name(pf, "Rev.1"), resolution)
    assert unique_name(pf, " Rev.1 ") == "Rev.1 (3)"
    assert unique_name(pf, "Rev.2") == "Rev.2"
    with pytest.raises(ValueError, match="needs a name"):
        unique_name(pf, " ")


def test_rename_and_delete() -> None:
    pf = named("zero draft", "Rev.1", "Rev.2")
    renamed = rename_revision(pf, 1, " Rev.1 (informal) ")
    assert renamed is pf.revisions[1]
    assert [r.name for r in pf.revisions] == ["zero draft", "Rev.1 (informal)", "Rev.2"]
    gone = delete_revision(pf, 0)
    assert gone.name == "zero draft"
    assert [r.name for r in pf.revisions] == ["Rev.1 (informal)", "Rev.2"]


@pytest.mark.parametrize("index", [-1, -2, 2, 99])
def test_indices_outside_the_list_are_refused(index: int) -> None:
    # -1 is the current text in the window, never the newest revision.
    pf = named("zero draft", "Rev.1")
    with pytest.raises(IndexError):
        delete_revision(pf, index)
    with pytest.raises(IndexError):
        rename_revision(pf, index, "x")
    assert [r.name for r in pf.revisions] == ["zero draft", "Rev.1"]


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        ((), "zero draft"),
        (("zero draft",), "Rev.1"),
        (("zero draft", "Rev.1"), "Rev.2"),
        (("Rev.9",), "Rev.10"),
        (("rev. 3",), "Rev.4"),
        (("Rev.1", "Rev.1 (2)"), "Rev.2"),
        (("as circulated",), "Rev.1"),
        (("final draft",), "Rev.1"),
        (("zero draft", "Rev.1", "Rev.2", "final draft"), "Rev.3"),  # never an existing Rev. number
        (("Rev.2", "zero draft"), "Rev.3"),
        (("Rev.1b",), "Rev.1"),
    ],
)
def test_suggest_next_name(names: tuple[str, ...], expected: str) -> None:
    assert suggest_next_name(named(*names)) == expected


def test_revisions_made_with_the_helpers_survive_a_save(resolution, tmp_path: Path) -> None:
    pf = PenholderFile(resolution)
    add_revision(pf, suggest_next_name(pf), resolution, "2012-11-01")
    resolution.operative[2].content.append(Text(" Further."))
    add_revision(pf, suggest_next_name(pf), resolution, "2012-12-01")
    resolution.blocks.pop()
    rename_revision(pf, 1, "Rev.1 (as circulated)")
    storage.save(pf, tmp_path / "67-193.penholder")
    back = storage.load(tmp_path / "67-193.penholder")
    assert back == pf
    assert [(r.name, r.date) for r in back.revisions] == [
        ("zero draft", "2012-11-01"),
        ("Rev.1 (as circulated)", "2012-12-01"),
    ]
    assert back.revisions[0].document == load("ga-res-67-193-en.txt").document
