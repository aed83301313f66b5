"""Content ids in linear time, and exactly the ids of the probing rule (issue 14, item 6).

Ids are stored in Penholder files and shared between revisions, so the faster allocation must
give every id the old one gave: the old rule is kept here as the reference, and the corpus and
the real resolutions are imported with both. The cost is counted in probes (membership tests
of a candidate id), never timed.
"""

from __future__ import annotations

import dataclasses
import hashlib

import pytest

import drafting.importers.docx_import as docx_import
import drafting.importers.text_import as text_import
import drafting.proposals as proposals
import drafting.structure as structure
from drafting.exporters.docx_export import DocxOptions, export_docx
from drafting.ids import IdMaker
from drafting.importers import load_document
from drafting.importers.docx_import import import_docx_file
from drafting.importers.text_import import import_text
from drafting.model import Proposal, ProposalKind, Text, plain_text
from drafting.outline import outline
from drafting.proposals import new_proposal_id, release_proposal_id
from tests.docx_builder import build_docx
from tests.helpers import CORPUS, CORPUS_FILES, shared_corpus

REAL = sorted(
    p for p in (shared_corpus() / "real-ga80" / "texts").glob("*") if p.name.endswith((".md", ".raw.txt"))
)


class ReferenceIdMaker:
    """The allocation before issue 14: probe ``base``, ``base-2`` … from the start every time."""

    def __init__(self) -> None:
        self._used: set[str] = set()

    def from_content(self, prefix: str, text: str) -> str:
        base = f"{prefix}-{hashlib.sha1(text.encode('utf-8')).hexdigest()[:10]}"
        candidate, n = base, 1
        while candidate in self._used:
            n += 1
            candidate = f"{base}-{n}"
        self._used.add(candidate)
        return candidate


def reference_proposal_id(deleted, inserted, existing, salt="", *_args, **_kwargs) -> str:
    """``new_proposal_id`` before issue 14."""
    seed = plain_text(deleted) + "\x00" + plain_text(inserted) + "\x00" + salt
    base = "pr-" + hashlib.sha1(seed.encode("utf-8")).hexdigest()[:10]
    candidate, n = base, 1
    while candidate in existing:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


@pytest.fixture
def reference_ids(monkeypatch):
    """Make every importer allocate ids by the reference rule while the fixture is active."""

    def use() -> None:
        for module in (structure, text_import, docx_import):
            monkeypatch.setattr(module, "IdMaker", ReferenceIdMaker)
        monkeypatch.setattr(proposals, "new_proposal_id", reference_proposal_id)
        monkeypatch.setattr(docx_import, "new_proposal_id", reference_proposal_id)

    return use


class CountingSet(set):
    probes = 0

    def __contains__(self, item) -> bool:
        CountingSet.probes += 1
        return super().__contains__(item)


class CountingDict(dict):
    probes = 0

    def __contains__(self, item) -> bool:
        CountingDict.probes += 1
        return super().__contains__(item)


def _ids(document) -> dict:
    """Every id of a document with where it is: blocks, footnotes, proposals."""
    data = outline(document)
    return {
        "blocks": [(b["id"], b["text"]) for b in data["blocks"]],
        "subparagraphs": [
            (s["id"], s["text"]) for b in data["operative"] for s in b.get("subparagraphs", [])
        ],
        "front": [(b["id"], b["text"]) for b in data["front"]],
        "footnotes": [(f["id"], f["text"]) for f in data["footnotes"]],
        "proposals": [(p["id"], p["text"], p["block"]) for p in data["proposals"]],
        "all": [b.id for b in document.iter_blocks()],
    }


def _text_and_docx_ids(path) -> tuple[dict, dict]:
    document = load_document(path).document
    tracked = export_docx(document, DocxOptions(proposals="tracked")).data
    return _ids(document), _ids(import_docx_file(tracked).document)


@pytest.mark.parametrize(
    "path",
    [CORPUS / name for name in CORPUS_FILES] + REAL,
    ids=lambda p: p.name,
)
def test_ids_of_real_texts_are_unchanged(path, reference_ids) -> None:
    """Text import, and the DOCX import of its tracked export, give the ids of the old rule."""
    new = _text_and_docx_ids(path)
    reference_ids()
    assert new == _text_and_docx_ids(path)


def _duplicates_text(n: int) -> str:
    paragraphs = ["Recalling its resolution 67/193,"] * n + [
        f"{i + 1}. Decides to remain seized;" for i in range(n)
    ]
    notes = [f"[^{i}]: Same note." for i in range(1, n + 1)]
    marked = [*paragraphs[:-1], "".join(f"[^{i}]" for i in range(1, n + 1)) + " ~~old~~ (EU)."]
    return "The General Assembly,\n\n" + "\n\n".join(marked) + "\n\n" + "\n".join(notes) + "\n"


def test_identical_paragraphs_and_footnotes_get_the_old_ids(reference_ids) -> None:
    """Repeats of one paragraph and of one footnote: base, base-2, base-3 … as before."""
    text = _duplicates_text(600)
    new = _ids(import_text(text).document)
    reference_ids()
    assert new == _ids(import_text(text).document)
    assert new["all"][1] == new["all"][0] + "-2"


def test_id_maker_probes_once_per_id() -> None:
    """20,000 identical paragraphs: one probe each (the old rule: 200 million in all)."""
    maker = IdMaker()
    maker._used = CountingSet()
    CountingSet.probes = 0
    ids = [maker.from_content("b", "Recalling its resolution 67/193,") for _ in range(20_000)]
    reference = ReferenceIdMaker()
    assert ids[:500] == [reference.from_content("b", "Recalling its resolution 67/193,") for _ in range(500)]
    assert len(set(ids)) == 20_000
    assert CountingSet.probes <= 20_000


def test_id_maker_counts_across_interleaved_texts() -> None:
    maker, reference = IdMaker(), ReferenceIdMaker()
    texts = ["a", "b", "a", "c", "a", "b", "", "", "a"] * 30
    assert [maker.from_content("fn", t) for t in texts] == [reference.from_content("fn", t) for t in texts]


def test_text_import_of_identical_paragraphs_probes_linearly(monkeypatch) -> None:
    """The importer's own allocator over 20,000 identical paragraphs and 20,000 identical footnotes."""

    class Counting(IdMaker):
        def __init__(self) -> None:
            super().__init__()
            self._used = CountingSet()

    for module in (structure, text_import):
        monkeypatch.setattr(module, "IdMaker", Counting)
    n = 20_000
    text = (
        "The General Assembly,\n\n"
        + "\n\n".join(["Recalling its resolution 67/193,"] * n)
        + "\n\n1. Decides"
        + "".join(f"[^{i}]" for i in range(1, n + 1))
        + ".\n\n"
        + "\n".join(f"[^{i}]: Same note." for i in range(1, n + 1))
        + "\n"
    )
    CountingSet.probes = 0
    document = import_text(text).document
    assert len(document.footnotes) == n
    assert len(document.blocks) == n + 1
    assert CountingSet.probes <= 2 * n + 1 + 1000


def _counting_context(monkeypatch) -> None:
    """The DOCX importer's proposals dict counts membership tests."""

    @dataclasses.dataclass
    class Context(docx_import._Context):
        def __post_init__(self) -> None:
            self.proposals = CountingDict()

    monkeypatch.setattr(docx_import, "_Context", Context)


def _identical_format_changes(n: int) -> bytes:
    change = (
        '<w:r><w:rPr><w:b/><w:rPrChange w:id="1" w:author="EU"><w:rPr/></w:rPrChange></w:rPr>'
        "<w:t>urgently</w:t></w:r><w:r><w:t> </w:t></w:r>"
    )
    return build_docx(
        "<w:p><w:r><w:t>The General Assembly,</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>1. Calls </w:t></w:r>" + change * n + "<w:r><w:t>upon States.</w:t></w:r></w:p>"
    )


def test_docx_identical_tracked_changes_probe_linearly(monkeypatch) -> None:
    """20,000 identical ``w:rPrChange`` runs (31.5 s before): a bounded number of probes each."""
    _counting_context(monkeypatch)
    n = 20_000
    CountingDict.probes = 0
    document = import_docx_file(_identical_format_changes(n)).document
    assert len(document.proposals) == n
    assert CountingDict.probes <= 3 * n


def test_docx_identical_tracked_changes_get_the_old_ids(reference_ids) -> None:
    data = _identical_format_changes(400)
    new = _ids(import_docx_file(data).document)
    reference_ids()
    assert new == _ids(import_docx_file(data).document)


def test_docx_identical_paragraphs_and_footnotes_get_the_old_ids(reference_ids) -> None:
    footnotes = "".join(
        f'<w:footnote w:id="{i}"><w:p><w:r><w:t>Same note.</w:t></w:r></w:p></w:footnote>'
        for i in range(1, 301)
    )
    refs = "".join(
        f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="{i}"/></w:r>'
        for i in range(1, 301)
    )
    body = (
        "<w:p><w:r><w:t>The General Assembly,</w:t></w:r></w:p>"
        + "<w:p><w:r><w:t>Recalling its resolution,</w:t></w:r></w:p>" * 300
        + f"<w:p><w:r><w:t>1. Decides</w:t></w:r>{refs}<w:r><w:t>.</w:t></w:r></w:p>"
    )
    data = build_docx(body, footnotes=footnotes)
    new = _ids(import_docx_file(data).document)
    assert len(new["footnotes"]) == 300
    reference_ids()
    assert new == _ids(import_docx_file(data).document)


def _proposal(existing: dict, pid: str) -> None:
    existing[pid] = Proposal(pid, ProposalKind.INSERT)


def test_new_proposal_id_with_suffixes_is_the_old_rule() -> None:
    """Same ids as the probing rule, including after removals released with ``release_proposal_id``
    and with ids already taken by other means (a random id equal to a numbered one)."""
    inserted = [[Text("a")], [Text("b")], [Text("a")]]
    fast: dict = {}
    slow: dict = {}
    suffixes: dict[str, int] = {}
    base = reference_proposal_id([], [Text("a")], {})
    for existing in (fast, slow):
        _proposal(existing, f"{base}-4")  # taken before the import saw the base
    for step in range(60):
        content = inserted[step % 3]
        got = new_proposal_id([], content, fast, "EU", suffixes)
        assert got == reference_proposal_id([], content, slow, "EU")
        _proposal(fast, got)
        _proposal(slow, got)
        if step % 7 == 6:  # a proposal dropped again (the sponsors' note cannot hold one)
            victim = sorted(fast)[step % len(fast)]
            del fast[victim], slow[victim]
            release_proposal_id(victim, suffixes)


def test_new_proposal_id_probes_are_bounded() -> None:
    existing = CountingDict()
    suffixes: dict[str, int] = {}
    CountingDict.probes = 0
    for _ in range(20_000):
        _proposal(existing, new_proposal_id([Text("old")], [Text("new")], existing, "", suffixes))
    assert len(existing) == 20_000
    assert CountingDict.probes <= 2 * 20_000 + 1
