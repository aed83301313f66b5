"""Benchmark: spell checking A/RES/67/193, and the cost of suggestions at edit distance 1 and 2.

Run:  .venv/bin/python bench/spelling.py [--repeat N]

Prints the median and spread (min–max) of wall-clock runs for
  * the unknown-word and house-style rules over every block and footnote of A/RES/67/193
    (a fresh check context each run, as the editor makes one per check),
  * re-checking one paragraph (OP 21) as the editor does while typing,
  * pyspellchecker's ``candidates`` for ten misspellings at distance 1 and at distance 2,
    with the top suggestion each gives (fresh SpellChecker objects, so no cache helps).
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from spellchecker import SpellChecker  # noqa: E402

from drafting.checks import CheckSettings, check_block  # noqa: E402
from drafting.checks.context import CheckContext  # noqa: E402
from drafting.checks.spelling_rules import house_style, unknown_word  # noqa: E402
from drafting.importers import load_document  # noqa: E402
from drafting.model import Text  # noqa: E402

MISSPELLINGS = (
    "recieve",  # receive: one transposition
    "goverment",  # government: one insertion
    "seperate",  # separate: one substitution
    "occured",  # occurred: one insertion
    "responsability",  # responsibility: one substitution
    "trafficing",  # trafficking: one insertion
    "comitee",  # committee: two insertions
    "acommodate",  # accommodate: two insertions
    "reccomendation",  # recommendation: a deletion and an insertion
    "intergovermental",  # intergovernmental: one insertion, long word
)


def measure(fn: Callable[[], object], repeat: int) -> tuple[float, float, float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), min(times), max(times)


def ms(timing: tuple[float, float, float]) -> str:
    med, lo, hi = timing
    return f"median {med * 1000:.1f} ms (min {lo * 1000:.1f}, max {hi * 1000:.1f})"


def top(spell: SpellChecker, word: str) -> str:
    candidates = spell.candidates(word) or set()
    candidates.discard(word)
    return max(candidates, key=lambda c: (spell[c], c)) if candidates else "-"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    print(f"machine: {platform.machine()} Python {platform.python_version()}")
    document = load_document(ROOT / "tests" / "corpus" / "ga-res-67-193-en.txt").document
    settings = CheckSettings()

    def check_all(rule: Callable) -> int:
        ctx = CheckContext(document, settings)
        return sum(1 for block in ctx.blocks + ctx.footnote_blocks for _ in rule(ctx, block))

    start = time.perf_counter()
    findings = check_all(unknown_word)
    print(f"first run (loads the English dictionary): {(time.perf_counter() - start) * 1000:.0f} ms")
    words = sum(len(CheckContext(document).text(b).split()) for b in document.iter_blocks())
    print(f"A/RES/67/193 (~{words} words, {len(document.footnotes)} footnotes), {args.repeat} runs:")
    timing = ms(measure(lambda: check_all(unknown_word), args.repeat))
    print(f"  spelling.unknown-word: {timing}, {findings} findings")
    findings = check_all(house_style)
    timing = ms(measure(lambda: check_all(house_style), args.repeat))
    print(f"  spelling.house-style:  {timing}, {findings} findings")
    block = document.operative[20]

    def edit_and_recheck() -> None:
        block.content.append(Text(" x"))
        check_block(document, block.id, settings)
        block.content.pop()

    runs = args.repeat * 5
    print(f"  re-check of OP 21 with all block rules: {ms(measure(edit_and_recheck, runs))}, {runs} runs")

    print("suggestions (SpellChecker.candidates, fresh checker per distance, one run per word):")
    print(f"  {'word':<18}{'distance 1':>14}  {'top':<18}{'distance 2':>14}  top")
    totals = {1: [], 2: []}
    for word in MISSPELLINGS:
        row = [f"  {word:<18}"]
        for distance in (1, 2):
            spell = SpellChecker(language="en", distance=distance)
            start = time.perf_counter()
            suggestion = top(spell, word)
            elapsed = time.perf_counter() - start
            totals[distance].append(elapsed)
            row.append(f"{elapsed * 1000:>11.1f} ms  {suggestion:<18}")
        print("".join(row))
    for distance, times in totals.items():
        print(
            f"  distance {distance}: median {statistics.median(times) * 1000:.1f} ms a word "
            f"(min {min(times) * 1000:.1f}, max {max(times) * 1000:.1f})"
        )


if __name__ == "__main__":
    main()
