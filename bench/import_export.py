"""Benchmark: import and export the corpus texts, and a 1 MB compilation text.

Run:  .venv/bin/python bench/import_export.py [--repeat N]

Prints the median and spread (min–max) of N runs for
  * importing all five corpus texts and exporting each again as text (issue 2's figure),
  * importing a synthetic 1 MB compilation built from A/RES/67/193 (SPEC §5 target: import
    plus checks under 2 s; the checks arrive with their own issue, so this is import only).
Timings are wall-clock on a shared machine: compare medians, not single runs.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drafting.exporters.text_export import export_text  # noqa: E402
from drafting.importers.text_import import import_text, import_text_file  # noqa: E402

CORPUS = ROOT / "tests" / "corpus"


def corpus_round(files: list[tuple[str, bytes]]) -> None:
    for name, data in files:
        export_text(import_text_file(data, name).document)


def compilation_text(target_bytes: int = 1_000_000) -> str:
    """A long compilation: the 67/193 body repeated, operative paragraphs numbered on
    (printed numbers stay within three digits, as in any real text; the model renumbers)."""
    source = (CORPUS / "ga-res-67-193-en.txt").read_text(encoding="utf-8")
    document = import_text(source).document
    text = export_text(document)
    head, _, rest = text.partition("\n1. ")
    body, _, notes = ("1. " + rest).partition("\n________________")
    chunks = [head]
    size = len(head.encode())
    number = 0
    paragraphs = body.split("\n\n")
    while size < target_bytes:
        for paragraph in paragraphs:
            if paragraph[:1].isdigit():
                number += 1
                paragraph = f"{(number - 1) % 999 + 1}. " + paragraph.split(". ", 1)[1]
            chunks.append(paragraph)
            size += len(paragraph.encode()) + 2
    return "\n\n".join(chunks) + "\n________________" + notes


def measure(fn, repeat: int) -> tuple[float, float, float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), min(times), max(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    files = [(p.name, p.read_bytes()) for p in sorted(CORPUS.glob("*.txt"))]
    total = sum(len(d) for _, d in files)
    corpus_round(files)  # warm caches (phrase lists, regexes)
    med, lo, hi = measure(lambda: corpus_round(files), args.repeat)
    print(f"machine: {platform.machine()} {platform.processor() or ''} Python {platform.python_version()}")
    print(f"corpus: {len(files)} texts, {total / 1024:.0f} KB: import + text export, {args.repeat} runs:")
    print(f"  median {med * 1000:.1f} ms  (min {lo * 1000:.1f}, max {hi * 1000:.1f})")
    big = compilation_text()
    runs = max(3, args.repeat // 4)
    med, lo, hi = measure(lambda: import_text(big), runs)
    print(f"compilation: {len(big.encode()) / 1e6:.2f} MB: import, {runs} runs:")
    print(f"  median {med * 1000:.0f} ms  (min {lo * 1000:.0f}, max {hi * 1000:.0f})")


if __name__ == "__main__":
    main()
