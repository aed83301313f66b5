"""Benchmark: the checker on A/RES/67/193, on a 1 MB compilation, and re-checking one paragraph.

Run:  .venv/bin/python bench/checks.py [--repeat N]

SPEC §5 / issue 4 targets: full check of A/RES/67/193 under 50 ms, of 1 MB under 2 s, and a
re-check of one changed paragraph under 5 ms. Median and spread (min–max) of wall-clock runs.
"""

from __future__ import annotations

import argparse
import platform
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from import_export import compilation_text, measure  # noqa: E402

from drafting.checks import CheckSettings, check_block, run_checks  # noqa: E402
from drafting.importers import load_document  # noqa: E402
from drafting.importers.text_import import import_text  # noqa: E402
from drafting.model import Text  # noqa: E402


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


def _edit_and_recheck(document, block, settings: CheckSettings) -> None:
    """Type a word into the paragraph, re-check it, take the word out again."""
    block.content.append(Text(" x"))
    check_block(document, block.id, settings)
    block.content.pop()


if __name__ == "__main__":
    main()
