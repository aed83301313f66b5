"""Shared by the LibreOffice redline tests (``test_docx_redline_uno_fixed.py``, a fixed set of
redlines and proposals, and ``test_docx_redline_uno_generated.py``, hypothesis-made revisions).

Tracked changes as LibreOffice applies them: accept all must give exactly the new text and
reject all exactly the old one, with operative numbers, subparagraph labels, footnote numbers
and footnote texts — for comparison redlines and for proposals exported as tracked changes.

LibreOffice is driven through UNO by ``tests/uno_accept_reject.py``, run with the system Python
that has ``uno`` (Debian: ``python3-uno``); one soffice process handles every file of a test.
What LibreOffice shows is set against the model: each body paragraph as (automatic number as
LibreOffice prints it, text with ``[n]`` for a footnote mark or a repeat), then the footnote
texts in order. The tests are skipped on a developer machine without soffice or python3-uno
(:func:`require_uno`); under CI (``.ci/run`` installs both) their absence is an error.

pandoc (``--track-changes=accept|reject``, ``tests/pandoc_view.py``) is the second opinion on
every file: the same paragraph texts and footnotes. Not the numbers: pandoc counts a list item
deleted in a tracked change when it numbers the items that remain. The organ line is compared
too, as pandoc reads no paragraph formatting change (``w:pPrChange``) and may show a paragraph
with the style it has in the other text.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from drafting.compare import compare
from drafting.compare.redline import redline_document
from drafting.exporters import DocxOptions, export_docx
from drafting.exporters.layout import organ_line_parts
from drafting.model import Block, BlockKind, Document, Mark, NoteRef, ProposalSpan, Text, iter_inlines
from drafting.numbering import block_labels, footnote_numbers
from tests.helpers import load
from tests.pandoc_view import pandoc_view

SCRIPT = Path(__file__).with_name("uno_accept_reject.py")
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
SYSTEM_PYTHON = next(
    (p for p in ("/usr/bin/python3", shutil.which("python3")) if p and Path(p).exists()), None
)


@functools.cache
def _uno_available() -> bool:
    if not (SOFFICE and SYSTEM_PYTHON):
        return False
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import uno"], capture_output=True)
    return probe.returncode == 0


def require_uno() -> None:
    """At the top of a test module: skip it without LibreOffice and python3-uno, or fail
    under CI, where they must be installed."""
    if _uno_available():
        return
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
    return any(
        isinstance(n, NoteRef) and n.footnote_id == footnote_id
        for b in document.iter_blocks()
        for n in iter_inlines(b.content)
    )


# --- the source texts ------------------------------------------------------------------------


def full_source() -> Document:
    return load("ga-res-67-193-en.txt").document


def operative(document: Document) -> list[Block]:
    return [b for b in document.blocks if b.kind is BlockKind.OPERATIVE]


def move_after(document: Document, moved: Block, target: Block) -> None:
    document.blocks.remove(moved)
    document.blocks.insert(document.blocks.index(target) + 1, moved)


def new_operative(text: str, block_id: str = "b-inserted") -> Block:
    verb, rest = text.split(" ", 1)
    return Block(block_id, BlockKind.OPERATIVE, [Text(verb, frozenset({Mark.ITALIC})), Text(f" {rest}")])


def small_source() -> Document:
    """A/RES/67/193 cut to four preambular and six operative paragraphs, with one that has
    subparagraphs and footnotes cited twice: a real text that LibreOffice opens quickly."""
    document = full_source()
    pps = [b for b in document.blocks if b.kind is BlockKind.PREAMBULAR][:4]
    ops = operative(document)
    document.blocks = [*pps, ops[0], ops[1], ops[2], ops[8], ops[14], ops[16]]
    kept = {
        n.footnote_id
        for b in document.iter_blocks()
        for n in iter_inlines(b.content)
        if isinstance(n, NoteRef)
    }
    document.footnotes = {k: v for k, v in document.footnotes.items() if k in kept}
    document.masthead.adoption_meeting = document.masthead.adoption_date = None
    return document


# --- redlining, accepting and rejecting, checking ----------------------------------------------


def redline_docx(old: Document, new: Document, repeats: str = "noteref") -> bytes:
    redline = redline_document(compare(old, new), "Facilitator", TIMESTAMP)
    options = DocxOptions(proposals="tracked", repeats=repeats, timestamp=TIMESTAMP)
    return export_docx(redline.document, options, redline.deleted_labels, redline.moves).data


def accept_reject(
    cases: dict[str, tuple[bytes, Document, Document]], workdir: Path
) -> dict[str, tuple[Seen, Seen]]:
    jobs = []
    for name, (data, _, _) in cases.items():
        path = docx_path(workdir, name)
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


def docx_path(workdir: Path, name: str) -> Path:
    """Where ``accept_reject`` wrote a case's file."""
    return workdir / f"{name}.docx"


def check_libreoffice(
    name: str, seen: tuple[Seen, Seen], accepted: Document, rejected: Document
) -> list[str]:
    failures = []
    for what, got, model in (("accept all", seen[0], accepted), ("reject all", seen[1], rejected)):
        expected = seen_in_model(model)
        if got != expected:
            failures.append(f"{name}, {what}:\n{got.diff(expected)}")
    return failures


def check_pandoc(name: str, path: Path, accepted: Document, rejected: Document) -> list[str]:
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
