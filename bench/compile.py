"""Benchmark: compiling 20 delegations' returns of a 40 KB resolution into one text.

Run:  .venv/bin/python bench/compile.py [--returns 20] [--repeat 7] [--seed 1]

The base is A/RES/67/193 (about 40 KB of text). Each return makes a few seeded random word
changes; some changes come from a shared pool (several delegations make the same change: one
proposal with all their names), and some replace the same word as another return differently
(collisions: alternative paragraphs). Half the returns are Word files with tracked changes
written by Penholder, half clean Word files compared with the base, as a facilitator gets them.

Timed, over ``--repeat`` runs each (median and range):
  compile        ``compile_returns`` on the documents already read
  read+compile   reading the base and the 20 Word files, then compiling (``penholder compile``
                 less writing the output)
  cli            ``penholder compile BASE RETURN... -o OUT.docx`` as a process (start-up, reading,
                 compiling, exporting and writing the Word file)
Target: under 2 s for 20 returns.
"""

from __future__ import annotations

import argparse
import copy
import os
import platform
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drafting import storage  # noqa: E402
from drafting.compilation import compile_returns, read_return  # noqa: E402
from drafting.exporters import DocxOptions, export_docx  # noqa: E402
from drafting.importers import load_document  # noqa: E402
from drafting.model import Document, Proposal, ProposalKind, ProposalSpan, Text  # noqa: E402

SOURCE = ROOT / "tests" / "corpus" / "ga-res-67-193-en.txt"
_WORD = re.compile(r"[A-Za-z]{5,}")


def word_sites(document: Document) -> list[tuple[str, int, int, int]]:
    """(block id, content index, start, end) of every long word in plain text runs."""
    sites = []
    for block in document.iter_blocks():
        for index, node in enumerate(block.content):
            if isinstance(node, Text) and not node.marks:
                sites.extend((block.id, index, m.start(), m.end()) for m in _WORD.finditer(node.text))
    return sites


def make_return(
    base: Document, changes: dict[tuple[str, int, int, int], str], author: str, tracked: bool
) -> Document:
    """``base`` with each site's word replaced (as tracked proposals by ``author`` or silently)."""
    document = copy.deepcopy(base)
    by_node: dict[tuple[str, int], list[tuple[int, int, str]]] = {}
    for (block_id, index, start, end), new in changes.items():
        by_node.setdefault((block_id, index), []).append((start, end, new))
    for (block_id, index), edits in by_node.items():
        block = document.block(block_id)
        text = block.content[index].text
        pieces: list = []
        at = 0
        for start, end, new in sorted(edits):
            if start < at:
                continue
            pieces.append(Text(text[at:start]))
            if tracked:
                proposal_id = f"{author}-{len(document.proposals) + 1}"
                document.proposals[proposal_id] = Proposal(proposal_id, ProposalKind.REPLACE, author=author)
                pieces.append(ProposalSpan(proposal_id, [Text(text[start:end])], [Text(new)]))
            else:
                pieces.append(Text(new))
            at = end
        pieces.append(Text(text[at:]))
        block.content[index : index + 1] = [p for p in pieces if not isinstance(p, Text) or p.text]
    return document


def build(work: Path, count: int, seed: int) -> tuple[Path, list[Path]]:
    rng = random.Random(seed)
    imported = load_document(SOURCE).document
    storage.save(storage.PenholderFile(imported, []), work / "base.penholder")
    base = load_document(work / "base.penholder").document
    sites = word_sites(base)
    rng.shuffle(sites)
    shared = {site: site_word(base, site) + "s" for site in sites[:10]}  # made by several returns alike
    contested = sites[10:20]  # changed differently by several returns
    free = sites[20:]
    paths = []
    for k in range(count):
        author = f"Delegation {k + 1:02d}"
        changes = dict(rng.sample(sorted(shared.items()), 2))
        changes.update({site: f"{site_word(base, site)}{k}" for site in rng.sample(contested, 1)})
        changes.update({site: site_word(base, site).upper() for site in rng.sample(free, 3)})
        tracked = k % 2 == 0
        document = make_return(base, changes, author, tracked)
        path = work / f"return-{k + 1:02d}.docx"
        path.write_bytes(export_docx(document, DocxOptions(proposals="tracked", author=author)).data)
        paths.append(path)
    return work / "base.penholder", paths


def site_word(document: Document, site: tuple[str, int, int, int]) -> str:
    block_id, index, start, end = site
    return document.block(block_id).content[index].text[start:end]


def timed(function, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return times


def show(name: str, times: list[float]) -> None:
    ms = [t * 1000 for t in times]
    print(
        f"{name:<14} median {statistics.median(ms):7.1f} ms   range {min(ms):7.1f}–{max(ms):7.1f} ms   ({len(ms)} runs)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--returns", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    print(f"python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as folder:
        base_path, paths = build(Path(folder), args.returns, args.seed)
        size = len(SOURCE.read_bytes())
        base = load_document(base_path).document
        returns = [read_return(path) for path in paths]
        result = compile_returns(base, returns)
        print(f"base {size / 1024:.0f} KB, {len(returns)} returns: {result.report.summary()}")
        show("compile", timed(lambda: compile_returns(base, returns), args.repeat))

        def read_and_compile() -> None:
            compile_returns(load_document(base_path).document, [read_return(path) for path in paths])

        show("read+compile", timed(read_and_compile, args.repeat))
        command = [sys.executable, "-m", "app", "compile", str(base_path), *map(str, paths)]
        command += ["-o", str(Path(folder) / "out.docx")]
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        show(
            "cli",
            timed(lambda: subprocess.run(command, check=True, capture_output=True, env=env), args.repeat),
        )


if __name__ == "__main__":
    main()
