"""LibreOffice (through UNO) and pandoc accept and reject all in a fixed set of tracked-change
files: redlines of A/RES/67/193 (insertion, deletion, move, word, footnote and subparagraph
edits, a moved paragraph carrying footnotes, the case of issue 12, everything at once), the CICA
paper's proposals, a three-author compilation, and whole paragraphs changed at the edges of the
preamble and of the document. Accept all must give exactly the new text, reject all the old one
(``tests/uno_redline_helpers.py`` says how the texts are compared).
"""

from __future__ import annotations

import copy
import json
import subprocess
import sys

import pytest

from drafting.exporters import DocxOptions, export_docx
from drafting.model import Block, BlockKind, Document, Text, plain_text
from drafting.proposal_ops import accept_all, reject_all
from tests.helpers import load, three_author_compilation
from tests.uno_redline_helpers import (
    SCRIPT,
    SYSTEM_PYTHON,
    TIMESTAMP,
    accept_reject,
    check_libreoffice,
    check_pandoc,
    docx_path,
    full_source,
    move_after,
    new_operative,
    operative,
    redline_docx,
    require_uno,
    small_source,
)

require_uno()


# --- the redline test set ------------------------------------------------------------------


def _edit(block: Block, old: str, new: str) -> None:
    for index, node in enumerate(block.content):
        if isinstance(node, Text) and old in node.text:
            block.content[index] = Text(node.text.replace(old, new, 1), node.marks)
            return
    raise AssertionError(f"{old!r} not in {plain_text(block.content)[:80]!r}")


def _insert(d: Document) -> None:
    d.blocks.insert(
        d.blocks.index(operative(d)[3]), new_operative("Decides to convene an intersessional meeting;")
    )


def _delete(d: Document) -> None:
    d.blocks.remove(operative(d)[8])  # OP 9 holds the first references to footnotes 15 and 16


def _move(d: Document) -> None:
    move_after(d, operative(d)[4], operative(d)[8])


def _word_edit(d: Document) -> None:
    _edit(operative(d)[2], "effective cooperation", "efficient cooperation")


def _footnote_edit(d: Document) -> None:
    note = next(f for f in d.footnotes.values() if "42146" in plain_text(f.content))
    for index, node in enumerate(note.content):
        if isinstance(node, Text) and "42146" in node.text:
            note.content[index] = Text(node.text.replace("42146", "42147"), node.marks)


def _subparagraph_edit(d: Document) -> None:
    parent = next(b for b in operative(d) if len(b.children) >= 2)
    _edit(parent.children[1], " include", " also include")
    parent.children.append(
        Block("b-sub-new", BlockKind.SUBPARAGRAPH, [Text("Such strategies are reviewed every two years.")])
    )
    del parent.children[0]


def _moved_with_footnotes(d: Document) -> None:
    move_after(d, operative(d)[1], operative(d)[39])  # OP 2 carries footnotes 18 and 19


def _issue_12(d: Document) -> None:
    """The case of issue 12: OP 2 moved after OP 40, and one operative paragraph inserted."""
    _moved_with_footnotes(d)
    d.blocks.insert(d.blocks.index(operative(d)[2]), new_operative("Decides to do something new;"))


def _everything(d: Document) -> None:
    for change in (
        _word_edit,
        _footnote_edit,
        _subparagraph_edit,
        _delete,
        _insert,
        _move,
        _moved_with_footnotes,
    ):
        change(d)


REDLINES = {
    "insert": _insert,
    "delete": _delete,
    "move": _move,
    "word-edit": _word_edit,
    "footnote-edit": _footnote_edit,
    "subparagraph-edit": _subparagraph_edit,
    "moved-with-footnotes": _moved_with_footnotes,
    "67-193-op2-after-op40-plus-one": _issue_12,
    "everything": _everything,
}


@pytest.fixture(scope="module")
def fixed_set(tmp_path_factory):
    """The redline test set and the CICA paper's proposals, each accepted and rejected."""
    work = tmp_path_factory.mktemp("uno-fixed")
    old = full_source()
    cases: dict[str, tuple[bytes, Document, Document]] = {}
    for name, change in REDLINES.items():
        new = copy.deepcopy(old)
        change(new)
        cases[name] = (redline_docx(old, new), new, old)
    new = copy.deepcopy(old)
    _issue_12(new)
    cases["issue-12-superscript-repeats"] = (redline_docx(old, new, "superscript"), new, old)
    cica = load("cica-concept-paper-rev1-en-ru-kk.txt").document
    data = export_docx(cica, DocxOptions(proposals="tracked", timestamp=TIMESTAMP)).data
    cases["cica-tracked"] = (data, accept_all(cica), reject_all(cica))
    compilation = three_author_compilation()
    data = export_docx(compilation, DocxOptions(proposals="tracked", timestamp=TIMESTAMP)).data
    cases["three-authors"] = (data, accept_all(compilation), reject_all(compilation))
    return cases, accept_reject(cases, work), work


FIXED = [*REDLINES, "issue-12-superscript-repeats", "cica-tracked", "three-authors"]


@pytest.mark.parametrize("name", FIXED)
def test_accept_all_gives_new_and_reject_all_gives_old(fixed_set, name):
    cases, seen, _ = fixed_set
    _, accepted, rejected = cases[name]
    failures = check_libreoffice(name, seen[name], accepted, rejected)
    assert not failures, "\n\n".join(failures)


@pytest.mark.parametrize("name", FIXED)
def test_pandoc_agrees(fixed_set, name):
    cases, _, work = fixed_set
    _, accepted, rejected = cases[name]
    failures = check_pandoc(name, docx_path(work, name), accepted, rejected)
    assert not failures, "\n\n".join(failures)


def test_the_moved_paragraph_keeps_its_footnotes(fixed_set):
    """Issue 12, point 1: 25 footnotes after accepting, OP 2's two notes at OP 41 with the
    numbers that follow from there, the paragraph numbered 41."""
    _, seen, _ = fixed_set
    accepted, rejected = seen["67-193-op2-after-op40-plus-one"]
    assert len(accepted.footnotes) == len(rejected.footnotes) == 25
    assert accepted.footnotes[-3:-1] == ["Resolution 217 A (III).", "A/CONF.157/24 (Part I), chap. III."]
    moved = next(p for p in accepted.paragraphs if p[1].startswith("Reaffirms that countering"))
    assert moved[0] == "41."
    assert "[23]" in moved[1]
    assert "[24]" in moved[1]


def test_reject_all_gives_the_old_numbers_back(fixed_set):
    """Issue 12, point 2: with automatic numbering, rejecting an inserted paragraph numbers
    the old ones 1-47 again; the typed numbers came back as 5-48."""
    _, seen, _ = fixed_set
    rejected = seen["insert"][1]
    numbers = [label for label, _ in rejected.paragraphs if label.endswith(".")]
    assert numbers == [f"{n}." for n in range(1, 48)]


def test_cica_accept_leaves_no_space_before_the_footnote(fixed_set):
    """Issue 12, point 6: "…international arena¹;", not "arena ¹;"."""
    _, seen, _ = fixed_set
    accepted, rejected = seen["cica-tracked"]
    text = " ".join(t for _, t in accepted.paragraphs)
    assert "international arena[1];" in text
    assert "arena [1]" not in text
    assert "arena through regular intelligence sharing[1];" in " ".join(t for _, t in rejected.paragraphs)


# --- whole paragraphs changed next to paragraphs of another kind ------------------------------


def test_a_moved_paragraph_before_one_of_another_kind(tmp_path):
    """A preambular paragraph moved to the end of the preamble, just before operative paragraph 1:
    the paragraph mark that moves is the one before it (a preambular one), so that rejecting in
    LibreOffice does not leave operative paragraph 1 with the preambular style, unnumbered."""
    old = small_source()
    new = copy.deepcopy(old)
    pps = [b for b in new.blocks if b.kind is BlockKind.PREAMBULAR]
    move_after(new, pps[1], pps[-1])
    cases = {"pp2-after-last-pp": (redline_docx(old, new), new, old)}
    seen = accept_reject(cases, tmp_path)
    assert not check_libreoffice("pp2-after-last-pp", seen["pp2-after-last-pp"], new, old)


def _pps(d: Document) -> list[Block]:
    return [b for b in d.blocks if b.kind is BlockKind.PREAMBULAR]


def _listing(d: Document) -> Block:
    """The operative paragraph with subparagraphs ("Recognizes that:")."""
    return next(b for b in d.blocks if b.children)


def _first_pp_deleted(old: Document, new: Document) -> None:
    new.blocks.remove(_pps(new)[0])  # it holds footnote 1


def _pp_inserted_and_pp_moved_before_op1(old: Document, new: Document) -> None:
    new.blocks.insert(len(_pps(new)), Block("b-n", BlockKind.PREAMBULAR, [Text("Noting item 3,")]))
    move_after(new, _pps(new)[0], _pps(new)[-1])


def _last_op_with_subparagraphs_deleted(old: Document, new: Document) -> None:
    assert new.blocks[-1] is _listing(new)
    new.blocks.remove(_listing(new))


def _op_after_subparagraphs_deleted(old: Document, new: Document) -> None:
    for d in (old, new):
        move_after(d, operative(d)[-2], _listing(d))  # "..., Recognizes that: (a) (b) (c), Continues ..."
    new.blocks.pop()


def _op_inserted_after_subparagraphs(old: Document, new: Document) -> None:
    new.blocks.append(new_operative("Decides to act;"))


def _subparagraph_replaced_and_op_inserted_at_the_end(old: Document, new: Document) -> None:
    _listing(new).children[-1] = Block("b-s", BlockKind.SUBPARAGRAPH, [Text("Item 2 of the list;")])
    new.blocks.append(new_operative("Requests a report;"))


EDGES = [
    _first_pp_deleted,
    _pp_inserted_and_pp_moved_before_op1,
    _last_op_with_subparagraphs_deleted,
    _op_after_subparagraphs_deleted,
    _op_inserted_after_subparagraphs,
    _subparagraph_replaced_and_op_inserted_at_the_end,
]
"""Whole paragraphs changed where the paragraph marks are hardest to place: the start of the
preamble, its end, and the end of the document (which ends with "Recognizes that:" and its
subparagraphs), next to paragraphs of another kind."""


def test_whole_paragraphs_changed_at_the_edges(tmp_path):
    """Cases where LibreOffice went wrong with one placement of the paragraph marks or another:
    an empty paragraph left behind, or a paragraph numbered as the wrong kind, after accepting
    or rejecting all. pandoc agrees on each."""
    cases = {}
    for change in EDGES:
        old, new = small_source(), small_source()
        change(old, new)
        cases[change.__name__.lstrip("_").replace("_", "-")] = (redline_docx(old, new), new, old)
    seen = accept_reject(cases, tmp_path)
    failures = [
        f for name, (_, new, old) in cases.items() for f in check_libreoffice(name, seen[name], new, old)
    ]
    failures += [
        f
        for name, (_, new, old) in cases.items()
        for f in check_pandoc(name, docx_path(tmp_path, name), new, old)
    ]
    assert not failures, "\n\n".join(failures)


# --- the UNO script ------------------------------------------------------------------------------


def test_the_script_reports_a_file_it_cannot_open(tmp_path):
    broken = tmp_path / "missing.docx"
    run = subprocess.run(
        [SYSTEM_PYTHON, str(SCRIPT)],
        input=json.dumps([{"path": str(broken), "action": "accept"}]),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    assert "error" in json.loads(run.stdout)[0]


if __name__ == "__main__":  # pragma: no cover - a quick look at one case
    sys.exit(pytest.main([__file__, "-q", "-x"]))
