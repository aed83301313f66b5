"""Benchmark: the checker on A/RES/67/193, on a 1 MB compilation, and re-checking one paragraph.

Run:  .venv/bin/python bench/checks.py [--repeat N]

SPEC §5 / issue 4 targets: full check of A/RES/67/193 under 50 ms, of 1 MB under 2 s, and a
re-check of one changed paragraph under 5 ms. Median and spread (min–max) of wall-clock runs.

The incremental checker (what the editor runs after a pause in typing; target ≤ 100 ms at 1 MB) is
timed on snapshots as the editor's reader makes them (new Block objects, unchanged content shared),
each one edit away from the one before; only the ``check`` call is timed, and each result is
compared once with ``run_checks`` outside the timing.
"""

from __future__ import annotations

import argparse
import platform
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import statistics  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402

from import_export import compilation_text, measure  # noqa: E402

from drafting.checks import CheckSettings, check_block, run_checks  # noqa: E402
from drafting.checks.incremental import IncrementalChecker  # noqa: E402
from drafting.importers import load_document  # noqa: E402
from drafting.importers.text_import import import_text  # noqa: E402
from drafting.model import Block, BlockKind, Document, Text  # noqa: E402


def report(label: str, timing: tuple[float, float, float], runs: int) -> None:
    med, lo, hi = timing
    print(f"{label}: median {med * 1000:.1f} ms (min {lo * 1000:.1f}, max {hi * 1000:.1f}), {runs} runs")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    print(f"machine: {platform.machine()} Python {platform.python_version()}")
    settings = CheckSettings()
    small = load_document(ROOT / "tests" / "corpus" / "ga-res-67-193-en.txt").document
    big = import_text(compilation_text()).document
    run_checks(small, settings)  # warm the caches (dictionaries, registry, phrase lists)
    report(
        "full check of A/RES/67/193", measure(lambda: run_checks(small, settings), args.repeat), args.repeat
    )
    runs = max(3, args.repeat // 5)
    report(
        f"full check of the 1 MB compilation ({len(big.operative)} OP)",
        measure(lambda: run_checks(big, settings), runs),
        runs,
    )
    for label, document, block, runs in (
        (
            "re-check of one changed paragraph (OP 21 of A/RES/67/193)",
            small,
            small.operative[20],
            args.repeat * 5,
        ),
        ("re-check of one changed paragraph in the 1 MB compilation", big, big.operative[500], args.repeat),
    ):
        report(label, measure(lambda d=document, b=block: _edit_and_recheck(d, b, settings), runs), runs)
    incremental(big, settings, args.repeat)


def incremental(document: Document, settings: CheckSettings, runs: int) -> None:
    """The incremental checker on successive snapshots of ``document``, one edit apart."""
    checker = IncrementalChecker()
    checker.check(reader_snapshot(document), settings)
    block = document.operative[500]
    original = block.content

    def type_word(run: int) -> Document:
        block.content = [*original, Text(f" recieve{'s' * (run % 3)}")]  # a new misspelling each time
        return reader_snapshot(document)

    def insert_at_top(run: int) -> Document:
        document.blocks.insert(
            document.blocks.index(document.operative[0]),
            Block(f"b-bench-{run}", BlockKind.OPERATIVE, [Text("Decides to recieve the report;")]),
        )
        return reader_snapshot(document)

    footnote = next(iter(document.footnotes.values()))
    note = footnote.content

    def edit_footnote(run: int) -> Document:
        footnote.content = [*note, Text(" See also resolution 66/183" + "." * (run % 2))]
        return reader_snapshot(document)

    for label, edit in (
        ("incremental check after editing one paragraph of the 1 MB compilation (OP 501)", type_word),
        (
            "incremental check after inserting an operative paragraph at the top (all OPs renumbered)",
            insert_at_top,
        ),
        ("incremental check after editing a footnote of the 1 MB compilation", edit_footnote),
    ):
        report(label, _timed_checks(checker, edit, settings, runs), runs)
        print(f"  last run: {checker.stats}")


def _timed_checks(
    checker: IncrementalChecker, edit: Callable[[int], Document], settings: CheckSettings, runs: int
) -> tuple[float, float, float]:
    times = []
    for run in range(runs):
        snapshot = edit(run)
        start = time.perf_counter()
        findings = checker.check(snapshot, settings)
        times.append(time.perf_counter() - start)
        if run == 0 and findings != run_checks(snapshot, settings):
            raise SystemExit("the incremental checker disagrees with run_checks")
    return statistics.median(times), min(times), max(times)


def reader_snapshot(document: Document) -> Document:
    """A snapshot as ui/editor/reader.py makes one: new Document and Block objects, content shared."""

    def copy_block(block: Block) -> Block:
        return Block(
            block.id, block.kind, block.content, [copy_block(c) for c in block.children], block.numbered
        )

    return Document(
        kind=document.kind,
        language=document.language,
        masthead=document.masthead,
        front=[copy_block(b) for b in document.front],
        blocks=[copy_block(b) for b in document.blocks],
        footnotes=dict(document.footnotes),
        proposals=dict(document.proposals),
    )


def _edit_and_recheck(document, block, settings: CheckSettings) -> None:
    """Type a word into the paragraph, re-check it, take the word out again."""
    block.content.append(Text(" x"))
    check_block(document, block.id, settings)
    block.content.pop()


if __name__ == "__main__":
    main()
