"""Tracked changes as LibreOffice applies them: accept all must give exactly the new text and
reject all exactly the old one, with operative numbers, subparagraph labels, footnote numbers
and footnote texts — for comparison redlines and for proposals exported as tracked changes.

LibreOffice is driven through UNO by ``tests/uno_accept_reject.py``, run with the system Python
that has ``uno`` (Debian: ``python3-uno``); one soffice process handles every file of a test.
What LibreOffice shows is set against the model: each body paragraph as (automatic number as
LibreOffice prints it, text with ``[n]`` for a footnote mark or a repeat), then the footnote
texts in order. Skipped on a developer machine without soffice or python3-uno; under CI
(``.ci/run`` installs both) their absence is an error.

pandoc (``--track-changes=accept|reject``, ``tests/pandoc_view.py``) is the second opinion on
every file: the same paragraph texts and footnotes. Not the numbers: pandoc counts a list item
deleted in a tracked change when it numbers the items that remain. The organ line is compared
too, as pandoc reads no paragraph formatting change (``w:pPrChange``) and may show a paragraph
with the style it has in the other text.
"""

from __future__ import annotations

import copy
import json
import os
import random
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafting.compare import compare
from drafting.compare.redline import redline_document
from drafting.exporters import DocxOptions, export_docx
from drafting.exporters.layout import organ_line_parts
from drafting.model import Block, BlockKind, Document, Mark, NoteRef, ProposalSpan, Text, plain_text
from drafting.numbering import block_labels, footnote_numbers
from drafting.proposal_ops import accept_all, reject_all
from tests.helpers import load, three_author_compilation
from tests.pandoc_view import pandoc_view

SCRIPT = Path(__file__).with_name("uno_accept_reject.py")
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
SYSTEM_PYTHON = next(
    (p for p in ("/usr/bin/python3", shutil.which("python3")) if p and Path(p).exists()), None
)


def _uno_available() -> bool:
    if not (SOFFICE and SYSTEM_PYTHON):
        return False
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import uno"], capture_output=True)
    return probe.returncode == 0


if not _uno_available():
    if os.environ.get("CI"):
        raise RuntimeError("LibreOffice and python3-uno are required under CI (see .ci/run)")
    pytest.skip(
        "LibreOffice or python3-uno (the system Python's uno module) not installed", allow_module_level=True
    )

BODY_STYLES = {
    "PH Preambular Paragraph",
    "PH Operative Paragraph",
    "PH Subparagraph",
    "PH Subparagraph 2",
    "PH Section Heading",
    "PH List Item",
    "PH Paragraph",
}
TIMESTAMP = "2026-11-23T10:00:00Z"


# --- running LibreOffice -----------------------------------------------------------------------


def run_uno(jobs: list[tuple[Path, str]], workdir: Path) -> list[dict]:
    """Accept or reject all changes in each file (action "accept", "reject" or "none"); what
    LibreOffice then shows, file by file. One soffice session per CPU (at most 4), each
    handling its share of the files."""
    request = [{"path": str(path), "action": action} for path, action in jobs]
    sessions = max(1, min(4, os.cpu_count() or 1, len(request) // 8 or 1))
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    shares = [request[i::sessions] for i in range(sessions)]
    processes = [
        subprocess.Popen(
            [SYSTEM_PYTHON, str(SCRIPT)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=workdir,
            env=env,
        )
        for _ in shares
    ]
    outputs = [
        process.communicate(json.dumps(share), timeout=600)
        for process, share in zip(processes, shares, strict=True)
    ]
    for process, (_, stderr) in zip(processes, outputs, strict=True):
        assert process.returncode == 0, stderr[-3000:]
    results: list[dict] = [{}] * len(request)
    for index, (stdout, _) in enumerate(outputs):
        results[index::sessions] = json.loads(stdout)
    assert len(results) == len(jobs)
    for result in results:
        assert "error" not in result, result
    return results


@dataclass
class Seen:
    """A text as a reader sees it: body paragraphs as (number, text), then the footnotes."""

    paragraphs: list[tuple[str, str]]
    footnotes: list[str]

    def diff(self, other: Seen) -> str:
        import difflib

        mine = [f"{a}\t{b}" for a, b in self.paragraphs] + [f"note: {n}" for n in self.footnotes]
        theirs = [f"{a}\t{b}" for a, b in other.paragraphs] + [f"note: {n}" for n in other.footnotes]
        return "\n".join(
            list(difflib.unified_diff(theirs, mine, "expected", "LibreOffice", lineterm="", n=1))[:40]
        )


def seen_in_libreoffice(result: dict) -> Seen:
    paragraphs = [
        (label, text.strip()) for style, label, text in result["paragraphs"] if style in BODY_STYLES
    ]
    return Seen(paragraphs, [note.strip() for note in result["footnotes"]])


def seen_in_model(document: Document) -> Seen:
    """What the model says a reader must see: labels and footnote numbers derived from order."""
    numbers = footnote_numbers(document)
    labels = block_labels(document)

    def render(content) -> str:
        out = []
        for node in content:
            if isinstance(node, Text):
                out.append(f"[{node.text}]" if Mark.SUPERSCRIPT in node.marks else node.text)
            elif isinstance(node, NoteRef) and node.footnote_id in numbers:
                out.append(f"[{numbers[node.footnote_id]}]")
            elif isinstance(node, ProposalSpan):
                raise AssertionError("the expected text holds no proposals")
        return "".join(out).strip()

    paragraphs = [(labels[b.id].label or "", render(b.content)) for b in _walk(document.blocks)]
    cited = [fid for fid in sorted(numbers, key=numbers.get) if _cited(document, fid)]
    notes = [
        render([n for n in document.footnotes[fid].content if not isinstance(n, NoteRef)]) for fid in cited
    ]
    return Seen(paragraphs, notes)


def _walk(blocks: list[Block]):
    for block in blocks:
        yield block
        yield from _walk(block.children)


def _cited(document: Document, footnote_id: str) -> bool:
    from drafting.model import iter_inlines

    return any(
        isinstance(n, NoteRef) and n.footnote_id == footnote_id
        for b in document.iter_blocks()
        for n in iter_inlines(b.content)
    )


# --- the redline test set ------------------------------------------------------------------


def _source() -> Document:
    return load("ga-res-67-193-en.txt").document


def _ops(document: Document) -> list[Block]:
    return [b for b in document.blocks if b.kind is BlockKind.OPERATIVE]


def _edit(block: Block, old: str, new: str) -> None:
    for index, node in enumerate(block.content):
        if isinstance(node, Text) and old in node.text:
            block.content[index] = Text(node.text.replace(old, new, 1), node.marks)
            return
    raise AssertionError(f"{old!r} not in {plain_text(block.content)[:80]!r}")


def _move_after(document: Document, moved: Block, target: Block) -> None:
    document.blocks.remove(moved)
    document.blocks.insert(document.blocks.index(target) + 1, moved)


def _new_op(text: str, block_id: str = "b-inserted") -> Block:
    verb, rest = text.split(" ", 1)
    return Block(block_id, BlockKind.OPERATIVE, [Text(verb, frozenset({Mark.ITALIC})), Text(f" {rest}")])


def _insert(d: Document) -> None:
    d.blocks.insert(d.blocks.index(_ops(d)[3]), _new_op("Decides to convene an intersessional meeting;"))


def _delete(d: Document) -> None:
    d.blocks.remove(_ops(d)[8])  # OP 9 holds the first references to footnotes 15 and 16


def _move(d: Document) -> None:
    _move_after(d, _ops(d)[4], _ops(d)[8])


def _word_edit(d: Document) -> None:
    _edit(_ops(d)[2], "effective cooperation", "efficient cooperation")


def _footnote_edit(d: Document) -> None:
    note = next(f for f in d.footnotes.values() if "42146" in plain_text(f.content))
    for index, node in enumerate(note.content):
        if isinstance(node, Text) and "42146" in node.text:
            note.content[index] = Text(node.text.replace("42146", "42147"), node.marks)


def _subparagraph_edit(d: Document) -> None:
    parent = next(b for b in _ops(d) if len(b.children) >= 2)
    _edit(parent.children[1], " include", " also include")
    parent.children.append(
        Block("b-sub-new", BlockKind.SUBPARAGRAPH, [Text("Such strategies are reviewed every two years.")])
    )
    del parent.children[0]


def _moved_with_footnotes(d: Document) -> None:
    _move_after(d, _ops(d)[1], _ops(d)[39])  # OP 2 carries footnotes 18 and 19


def _issue_12(d: Document) -> None:
    """The case of issue 12: OP 2 moved after OP 40, and one operative paragraph inserted."""
    _moved_with_footnotes(d)
    d.blocks.insert(d.blocks.index(_ops(d)[2]), _new_op("Decides to do something new;"))


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


def _redline_docx(old: Document, new: Document, repeats: str = "noteref") -> bytes:
    redline = redline_document(compare(old, new), "Facilitator", TIMESTAMP)
    options = DocxOptions(proposals="tracked", repeats=repeats, timestamp=TIMESTAMP)
    return export_docx(redline.document, options, redline.deleted_labels, redline.moves).data


def _accept_reject(
    cases: dict[str, tuple[bytes, Document, Document]], workdir: Path
) -> dict[str, tuple[Seen, Seen]]:
    jobs = []
    for name, (data, _, _) in cases.items():
        path = _path(workdir, name)
        path.write_bytes(data)
        jobs += [(path, "accept"), (path, "reject")]
    results = run_uno(jobs, workdir)
    out = {}
    for index, name in enumerate(cases):
        accepted, rejected = results[2 * index], results[2 * index + 1]
        assert accepted["redlines"] == 0, name
        assert rejected["redlines"] == 0, name
        out[name] = (seen_in_libreoffice(accepted), seen_in_libreoffice(rejected))
    return out


def _path(workdir: Path, name: str) -> Path:
    """Where ``_accept_reject`` wrote a case's file."""
    return workdir / f"{name}.docx"


def _check(name: str, seen: tuple[Seen, Seen], accepted: Document, rejected: Document) -> list[str]:
    failures = []
    for what, got, model in (("accept all", seen[0], accepted), ("reject all", seen[1], rejected)):
        expected = seen_in_model(model)
        if got != expected:
            failures.append(f"{name}, {what}:\n{got.diff(expected)}")
    return failures


def _check_pandoc(name: str, path: Path, accepted: Document, rejected: Document) -> list[str]:
    """What pandoc shows after accepting and rejecting all: paragraph texts (with the organ
    line) and footnotes, as the model says."""
    failures = []
    for action, model in (("accept", accepted), ("reject", rejected)):
        paragraphs, notes = pandoc_view(str(path), action, BODY_STYLES | {"PH Organ Line"})
        got = Seen([("", text) for _, text in paragraphs], notes)
        model_view = seen_in_model(model)
        organ = "".join(organ_line_parts(model))
        texts = ([organ] if organ else []) + [text for _, text in model_view.paragraphs]
        expected = Seen([("", _collapsed(t)) for t in texts], [_collapsed(n) for n in model_view.footnotes])
        if got != expected:
            failures.append(f"{name}, pandoc --track-changes={action}:\n{got.diff(expected)}")
    return failures


def _collapsed(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def fixed_set(tmp_path_factory):
    """The redline test set and the CICA paper's proposals, each accepted and rejected."""
    work = tmp_path_factory.mktemp("uno-fixed")
    old = _source()
    cases: dict[str, tuple[bytes, Document, Document]] = {}
    for name, change in REDLINES.items():
        new = copy.deepcopy(old)
        change(new)
        cases[name] = (_redline_docx(old, new), new, old)
    new = copy.deepcopy(old)
    _issue_12(new)
    cases["issue-12-superscript-repeats"] = (_redline_docx(old, new, "superscript"), new, old)
    cica = load("cica-concept-paper-rev1-en-ru-kk.txt").document
    data = export_docx(cica, DocxOptions(proposals="tracked", timestamp=TIMESTAMP)).data
    cases["cica-tracked"] = (data, accept_all(cica), reject_all(cica))
    compilation = three_author_compilation()
    data = export_docx(compilation, DocxOptions(proposals="tracked", timestamp=TIMESTAMP)).data
    cases["three-authors"] = (data, accept_all(compilation), reject_all(compilation))
    return cases, _accept_reject(cases, work), work


FIXED = [*REDLINES, "issue-12-superscript-repeats", "cica-tracked", "three-authors"]


@pytest.mark.parametrize("name", FIXED)
def test_accept_all_gives_new_and_reject_all_gives_old(fixed_set, name):
    cases, seen, _ = fixed_set
    _, accepted, rejected = cases[name]
    failures = _check(name, seen[name], accepted, rejected)
    assert not failures, "\n\n".join(failures)


@pytest.mark.parametrize("name", FIXED)
def test_pandoc_agrees(fixed_set, name):
    cases, _, work = fixed_set
    _, accepted, rejected = cases[name]
    failures = _check_pandoc(name, _path(work, name), accepted, rejected)
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


# --- hypothesis-generated revisions ----------------------------------------------------------

GENERATED = int(os.environ.get("PENHOLDER_UNO_EXAMPLES", "200"))
WORDS = ["all", "relevant", "new", "further", "regional", "effective"]


def _small_source() -> Document:
    """A/RES/67/193 cut to four preambular and six operative paragraphs, with one that has
    subparagraphs and footnotes cited twice: a real text that LibreOffice opens quickly."""
    document = _source()
    pps = [b for b in document.blocks if b.kind is BlockKind.PREAMBULAR][:4]
    ops = _ops(document)
    document.blocks = [*pps, ops[0], ops[1], ops[2], ops[8], ops[14], ops[16]]
    kept = {
        n.footnote_id for b in document.iter_blocks() for n in _inlines(b.content) if isinstance(n, NoteRef)
    }
    document.footnotes = {k: v for k, v in document.footnotes.items() if k in kept}
    document.masthead.adoption_meeting = document.masthead.adoption_date = None
    return document


def _inlines(content):
    from drafting.model import iter_inlines

    return iter_inlines(content)


@st.composite
def revisions(draw):
    """A new revision: word edits, footnote edits, inserted, deleted and moved paragraphs
    (operative, preambular and subparagraphs)."""
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    document = _small_source()
    for step in range(draw(st.integers(1, 6))):
        action = rng.choice(["edit", "edit", "footnote", "insert", "delete", "move", "move", "subparagraph"])
        blocks = [b for b in document.blocks if b.kind in (BlockKind.OPERATIVE, BlockKind.PREAMBULAR)]
        block = rng.choice(blocks)
        if action == "edit":
            runs = [i for i, n in enumerate(block.content) if isinstance(n, Text) and len(n.text.split()) > 3]
            if runs:
                i = rng.choice(runs)
                words = block.content[i].text.split(" ")
                k = rng.randrange(1, len(words))
                if rng.random() < 0.5:
                    words[k] = rng.choice(WORDS) + " " + words[k]
                else:
                    del words[k]
                block.content[i] = Text(" ".join(words), block.content[i].marks)
        elif action == "footnote" and document.footnotes:
            note = document.footnotes[rng.choice(sorted(document.footnotes))]
            note.content = [*note.content, Text(f" See also {rng.choice(WORDS)} document {step}.")]
        elif action == "insert":
            kind = block.kind
            text = (
                f"Requests a report on item {step};"
                if kind is BlockKind.OPERATIVE
                else f"Noting item {step},"
            )
            new = Block(f"b-new-{step}", kind, [Text(text)])
            document.blocks.insert(document.blocks.index(block) + 1, new)
        elif action == "delete" and len(blocks) > 4:
            document.blocks.remove(block)
        elif action == "move":
            # anywhere among the paragraphs of its kind, the end of the preamble (just before
            # operative paragraph 1) and of the operative part included
            same = [b for b in document.blocks if b.kind is block.kind and b is not block]
            target = rng.choice(same)
            document.blocks.remove(block)
            document.blocks.insert(document.blocks.index(target) + rng.randint(0, 1), block)
        elif action == "subparagraph":
            parents = [b for b in document.blocks if b.children]
            if parents:
                parent = rng.choice(parents)
                if rng.random() < 0.5 and len(parent.children) > 1:
                    del parent.children[rng.randrange(len(parent.children))]
                else:
                    at = rng.randint(0, len(parent.children))
                    parent.children.insert(
                        at,
                        Block(f"b-sub-{step}", BlockKind.SUBPARAGRAPH, [Text(f"Item {step} of the list;")]),
                    )
    return document


def _generate(count: int) -> list[Document]:
    found: list[Document] = []

    @settings(
        max_examples=count,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        phases=[__import__("hypothesis").Phase.generate],
    )
    @given(revisions())
    def collect(document):
        found.append(document)

    collect()
    return found


def test_generated_revisions_accept_to_new_and_reject_to_old(tmp_path):
    """GENERATED (200 unless ``PENHOLDER_UNO_EXAMPLES`` says otherwise) hypothesis-made revisions
    of a real resolution, redlined, then accepted and rejected by LibreOffice and by pandoc:
    every one exactly the new and the old text."""
    old = _small_source()
    revisions_ = _generate(GENERATED)
    assert len(revisions_) >= GENERATED
    cases = {f"rev-{i:03d}": (_redline_docx(old, new), new, old) for i, new in enumerate(revisions_)}
    seen = _accept_reject(cases, tmp_path)
    failures = [f for name, (_, new, _) in cases.items() for f in _check(name, seen[name], new, old)]
    failures += [
        f for name, (_, new, _) in cases.items() for f in _check_pandoc(name, _path(tmp_path, name), new, old)
    ]
    assert not failures, f"{len(failures)} of {4 * len(cases)} wrong:\n\n" + "\n\n".join(failures[:5])


def test_a_moved_paragraph_before_one_of_another_kind(tmp_path):
    """A preambular paragraph moved to the end of the preamble, just before operative paragraph 1:
    the paragraph mark that moves is the one before it (a preambular one), so that rejecting in
    LibreOffice does not leave operative paragraph 1 with the preambular style, unnumbered."""
    old = _small_source()
    new = copy.deepcopy(old)
    pps = [b for b in new.blocks if b.kind is BlockKind.PREAMBULAR]
    _move_after(new, pps[1], pps[-1])
    cases = {"pp2-after-last-pp": (_redline_docx(old, new), new, old)}
    seen = _accept_reject(cases, tmp_path)
    assert not _check("pp2-after-last-pp", seen["pp2-after-last-pp"], new, old)


def _pps(d: Document) -> list[Block]:
    return [b for b in d.blocks if b.kind is BlockKind.PREAMBULAR]


def _listing(d: Document) -> Block:
    """The operative paragraph with subparagraphs ("Recognizes that:")."""
    return next(b for b in d.blocks if b.children)


def _first_pp_deleted(old: Document, new: Document) -> None:
    new.blocks.remove(_pps(new)[0])  # it holds footnote 1


def _pp_inserted_and_pp_moved_before_op1(old: Document, new: Document) -> None:
    new.blocks.insert(len(_pps(new)), Block("b-n", BlockKind.PREAMBULAR, [Text("Noting item 3,")]))
    _move_after(new, _pps(new)[0], _pps(new)[-1])


def _last_op_with_subparagraphs_deleted(old: Document, new: Document) -> None:
    assert new.blocks[-1] is _listing(new)
    new.blocks.remove(_listing(new))


def _op_after_subparagraphs_deleted(old: Document, new: Document) -> None:
    for d in (old, new):
        _move_after(d, _ops(d)[-2], _listing(d))  # "..., Recognizes that: (a) (b) (c), Continues ..."
    new.blocks.pop()


def _op_inserted_after_subparagraphs(old: Document, new: Document) -> None:
    new.blocks.append(_new_op("Decides to act;"))


def _subparagraph_replaced_and_op_inserted_at_the_end(old: Document, new: Document) -> None:
    _listing(new).children[-1] = Block("b-s", BlockKind.SUBPARAGRAPH, [Text("Item 2 of the list;")])
    new.blocks.append(_new_op("Requests a report;"))


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
        old, new = _small_source(), _small_source()
        change(old, new)
        cases[change.__name__.lstrip("_").replace("_", "-")] = (_redline_docx(old, new), new, old)
    seen = _accept_reject(cases, tmp_path)
    failures = [f for name, (_, new, old) in cases.items() for f in _check(name, seen[name], new, old)]
    failures += [
        f
        for name, (_, new, old) in cases.items()
        for f in _check_pandoc(name, _path(tmp_path, name), new, old)
    ]
    assert not failures, "\n\n".join(failures)


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
