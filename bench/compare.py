"""Benchmark: comparing two revisions, Penholder against the usual tools, in one run.

Run:  .venv/bin/python bench/compare.py [--repeat N] [--slow-limit SECONDS] [--tools penholder,git,...]

Pairs: A/RES/67/193 (40 KB) and a revision with proportional edits (30 word edits, one
paragraph inserted, one deleted, one moved); and a ~1 MB pair built from 25 copies of the
resolution with the same edits in each copy.

Tools (bench-only dependencies, installed with ``pip install redlines "python-redlines[docxodus]"``):
  penholder       structure-aware comparison of the two document models (drafting.compare)
  difflib         word-level difflib.SequenceMatcher over the whole texts
  redlines        the `redlines` package (word-level, pure Python)
  python-redlines Docxodus DocxDiff engine on the two exported DOCX files
  git             `git diff --no-index --word-diff=porcelain` on the two text files (C reference)
Slow tools get one run each on the 1 MB pair, stopped after --slow-limit seconds.
``--tools penholder`` times Penholder alone (no bench-only dependencies needed), e.g. to
compare two versions of the engine: ``--tools penholder --repeat 30``.
"""

from __future__ import annotations

import argparse
import copy
import difflib
import multiprocessing
import platform
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

sys.path.insert(0, str(ROOT / "bench"))

from import_export import measure  # noqa: E402

from drafting.compare import compare  # noqa: E402
from drafting.exporters import export_docx, export_text  # noqa: E402
from drafting.importers.text_import import import_text  # noqa: E402
from drafting.model import Block, Document, Footnote, NoteRef  # noqa: E402

SOURCE = (ROOT / "tests" / "corpus" / "ga-res-67-193-en.txt").read_text(encoding="utf-8")


def revise(text: str, seed: int) -> str:
    """30 word edits, one operative paragraph inserted, one deleted and one moved."""
    rng = random.Random(seed)
    paragraphs = text.split("\n\n")
    operative = [i for i, p in enumerate(paragraphs) if re.match(r"\d+\. \*", p) and p.count(" ") > 8]
    for i in rng.sample(operative, 30):
        words = paragraphs[i].split(" ")
        k = rng.randrange(3, len(words))
        words[k] = words[k][::-1]
        paragraphs[i] = " ".join(words)
    deleted, moved, after = rng.sample(operative, 3)
    moved_text = paragraphs[moved]
    paragraphs[after] += "\n\n" + moved_text
    paragraphs[moved] = ""
    paragraphs[deleted] = ""
    paragraphs[operative[3]] += "\n\n4. *Decides* to convene an intersessional meeting on the implementation;"
    return "\n\n".join(p for p in paragraphs if p)


def combined(texts: list[str]) -> Document:
    """One document holding the bodies of several imported revisions (ids kept apart)."""
    documents = [import_text(text).document for text in texts]
    result = copy.deepcopy(documents[0])
    result.blocks, result.footnotes = [], {}
    for index, document in enumerate(documents):
        prefix = f"c{index}-"
        for block in document.blocks:
            result.blocks.append(_renamed(block, prefix))
        for footnote_id, footnote in document.footnotes.items():
            result.footnotes[prefix + footnote_id] = Footnote(prefix + footnote_id, footnote.content)
    return result


def _renamed(block: Block, prefix: str) -> Block:
    content = [NoteRef(prefix + n.footnote_id) if isinstance(n, NoteRef) else n for n in block.content]
    return Block(
        prefix + block.id, block.kind, content, [_renamed(c, prefix) for c in block.children], block.numbered
    )


def run_difflib(a: str, b: str) -> None:
    difflib.SequenceMatcher(None, a.split(), b.split()).get_opcodes()


def run_redlines(a: str, b: str) -> None:
    from redlines import Redlines

    _ = Redlines(a, b).output_markdown


def run_python_redlines(a: bytes, b: bytes) -> None:
    from python_redlines.engines import DocxodusEngine

    DocxodusEngine().run_redline("Bench", a, b)


def run_git(a: str, b: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        old, new = Path(folder) / "old.txt", Path(folder) / "new.txt"
        old.write_text(a, encoding="utf-8")
        new.write_text(b, encoding="utf-8")
        subprocess.run(
            ["git", "diff", "--no-index", "--word-diff=porcelain", str(old), str(new)],
            capture_output=True,
            check=False,
        )


def _child(name: str, args: tuple, queue) -> None:
    start = time.perf_counter()
    {
        "difflib": run_difflib,
        "redlines": run_redlines,
        "python-redlines": run_python_redlines,
        "git": run_git,
    }[name](*args)
    queue.put(time.perf_counter() - start)


def limited(name: str, args: tuple, limit: float) -> float | None:
    """One run in a child process, stopped after ``limit`` seconds (None if it was stopped)."""
    queue: multiprocessing.Queue = multiprocessing.Queue()
    process = multiprocessing.Process(target=_child, args=(name, args, queue))
    process.start()
    process.join(limit)
    if process.is_alive():
        process.terminate()
        process.join()
        return None
    return queue.get() if not queue.empty() else None


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--slow-limit", type=float, default=120.0)
    parser.add_argument(
        "--tools", default="penholder,git,difflib,redlines,python-redlines", help="comma-separated"
    )
    args = parser.parse_args()
    tools = set(args.tools.split(","))
    print(f"machine: {platform.machine()} Python {platform.python_version()}")
    pairs = [
        ("40 KB (A/RES/67/193)", import_text(SOURCE).document, import_text(revise(SOURCE, 1)).document),
        ("1 MB (25 copies)", combined([SOURCE] * 25), combined([revise(SOURCE, seed) for seed in range(25)])),
    ]
    for label, old_doc, new_doc in pairs:
        small = label.startswith("40")
        old_text, new_text = export_text(old_doc), export_text(new_doc)
        old_docx = new_docx = b""
        if "python-redlines" in tools:
            old_docx, new_docx = export_docx(old_doc).data, export_docx(new_doc).data
        result = compare(old_doc, new_doc)
        summary = result.summary()
        print(
            f"\n{label}: {len(old_text.encode()) / 1024:.0f} KB of text; penholder finds"
            f" {summary['modified']} modified, {summary['inserted']} inserted,"
            f" {summary['deleted']} deleted, {summary['moved']} moved"
        )
        repeat = args.repeat if small else max(3, args.repeat // 3)
        rows = [("penholder", measure(lambda o=old_doc, n=new_doc: compare(o, n), repeat), repeat)]
        if "git" in tools:
            rows.append(
                (
                    "git word-diff",
                    measure(lambda a=old_text, b=new_text: run_git(a, b), max(3, repeat // 2)),
                    max(3, repeat // 2),
                )
            )
        for name, call_args in (
            ("difflib", (old_text, new_text)),
            ("redlines", (old_text, new_text)),
            ("python-redlines", (old_docx, new_docx)),
        ):
            if name not in tools:
                continue
            if small:
                function = {
                    "difflib": run_difflib,
                    "redlines": run_redlines,
                    "python-redlines": run_python_redlines,
                }[name]
                rows.append((name, measure(lambda f=function, a=call_args: f(*a), 3), 3))
            else:
                seconds = limited(name, call_args, args.slow_limit)
                rows.append((name, (seconds, seconds, seconds) if seconds else None, 1))
        penholder = rows[0][1][0]
        git = next((timing for name, timing, _runs in rows if name == "git word-diff" and timing), None)
        if git is not None:  # the anchor (issue 18): Penholder's median over git's, in this run
            print(f"  penholder / git word-diff: {penholder / git[0]:.2f}x (medians of this run)")
        for name, timing, runs in rows:
            if timing is None:
                ratio = args.slow_limit / penholder
                print(f"  {name:16} stopped after {args.slow_limit:.0f} s (> {ratio:.0f}x penholder)")
                continue
            med, lo, hi = timing
            print(
                f"  {name:16} median {med * 1000:9.1f} ms  (min {lo * 1000:.1f}, max {hi * 1000:.1f}, {runs} runs)"
                f"  {med / penholder:7.1f}x penholder"
            )


if __name__ == "__main__":
    main()
