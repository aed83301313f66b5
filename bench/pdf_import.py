"""Benchmark: import of an official UN PDF (A/RES/73/3, 10 pages, 7 footnotes).

Run:  .venv/bin/python bench/pdf_import.py [--repeat N]

Target: under 1 s. Times the whole of ``load_document`` on the PDF (pypdfium2 reading the
glyphs, layout, the text importer) and, separately, the PDF reading and layout alone.
Prints median and spread (min–max) of wall-clock runs on this shared machine.
"""

from __future__ import annotations

import argparse
import platform
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from import_export import measure  # noqa: E402

from drafting.importers import load_document  # noqa: E402
from drafting.importers.pdf_import import read_pages  # noqa: E402
from drafting.importers.pdf_pages import pages_to_text  # noqa: E402
from tests.helpers import shared_corpus  # noqa: E402

PDF = shared_corpus() / "pdf" / "A_RES_73_3-EN.pdf"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    print(f"machine: {platform.machine()} Python {platform.python_version()}")
    data = PDF.read_bytes()
    result = load_document(PDF)  # warm caches (phrase lists, regexes, PDFium)
    counts = f"{len(result.document.blocks)} blocks, {len(result.document.footnotes)} footnotes"
    for label, fn in (
        ("load_document (whole import)", lambda: load_document(PDF)),
        ("PDF reading and layout only", lambda: pages_to_text(read_pages(data, PDF.name))),
    ):
        med, lo, hi = measure(fn, args.repeat)
        print(
            f"A/RES/73/3 ({len(data) / 1024:.0f} KB, 10 pages; {counts}): {label}: "
            f"median {med * 1000:.0f} ms (min {lo * 1000:.0f}, max {hi * 1000:.0f}), {args.repeat} runs"
        )


if __name__ == "__main__":
    main()
