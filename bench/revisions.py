"""Benchmark: size and opening time of a Penholder file of A/RES/67/193 (40 KB of text) with no
revisions and with 20 revisions, each the previous text with one or two words changed.

Run:  .venv/bin/python bench/revisions.py [--repeat N]

Prints the file sizes (and what schema 1, which kept every revision as a full copy, would have
written), then the median and spread (min–max) of ``storage.load`` and ``storage.save`` over N
runs. Wall-clock on a shared machine: compare medians, not single runs.
"""

from __future__ import annotations

import argparse
import copy
import json
import platform
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from import_export import CORPUS, measure  # noqa: E402

from drafting import storage  # noqa: E402
from drafting.importers import load_document  # noqa: E402
from drafting.model import Document, Text  # noqa: E402
from drafting.storage import PenholderFile, Revision  # noqa: E402


def edited(document: Document, rng: random.Random) -> Document:
    """A copy of ``document`` with one or two words replaced (as in tests/test_storage.py)."""
    document = copy.deepcopy(document)
    for _ in range(rng.choice((1, 2))):
        runs = [
            (b, i) for b in document.iter_blocks() for i, n in enumerate(b.content) if isinstance(n, Text)
        ]
        block, i = rng.choices(runs, [len(block.content[i].text.split()) for block, i in runs])[0]
        words = block.content[i].text.split(" ")
        k = rng.randrange(len(words))
        words[k] = "amended" if words[k] == "revised" else "revised"
        block.content[i] = Text(" ".join(words), block.content[i].marks)
    return document


def history(count: int, seed: int = 67193) -> PenholderFile:
    rng = random.Random(seed)
    texts = [load_document(CORPUS / "ga-res-67-193-en.txt").document]
    for _ in range(count):
        texts.append(edited(texts[-1], rng))
    revisions = [Revision(f"Rev.{k}", "2024-01-01", d) for k, d in enumerate(texts[:-1])]
    return PenholderFile(texts[-1], revisions)


def full_copies_size(pf: PenholderFile) -> int:
    """The size schema 1 wrote: every revision a full copy of its document."""
    data = {"format": "penholder", "schema_version": 1, "document": storage.document_to_dict(pf.document)}
    data["revisions"] = [
        {"name": r.name, "date": r.date, "document": storage.document_to_dict(r.document)}
        for r in pf.revisions
    ]
    return len((json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))


def ms(timing: tuple[float, float, float]) -> str:
    med, lo, hi = timing
    return f"median {med * 1000:.1f} ms (min {lo * 1000:.1f}, max {hi * 1000:.1f})"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    print(f"machine: {platform.machine()} Python {platform.python_version()}")
    with tempfile.TemporaryDirectory() as folder:
        for count in (0, 20):
            pf = history(count)
            path = Path(folder) / f"67-193-{count}.penholder"
            storage.save(pf, path)
            assert storage.load(path) == pf
            size = path.stat().st_size
            print(
                f"A/RES/67/193 with {count} revisions: {size / 1024:.1f} KB"
                f" (schema 1, full copies: {full_copies_size(pf) / 1024:.1f} KB)"
            )
            print(f"  open (storage.load): {ms(measure(lambda p=path: storage.load(p), args.repeat))}")
            print(
                f"  save (storage.save): {ms(measure(lambda p=path, f=pf: storage.save(f, p), args.repeat))}"
            )
            print(f"  {args.repeat} runs")


if __name__ == "__main__":
    main()
