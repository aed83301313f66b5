"""Benchmark: DOCX export and import of A/RES/67/193 and of a 1 MB compilation.

Run:  .venv/bin/python bench/docx.py [--repeat N]

SPEC §5 target: DOCX export of a 1 MB document under 2 s (import too, by issue 3).
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

from import_export import compilation_text, measure  # noqa: E402

from drafting.exporters import DocxOptions, export_docx  # noqa: E402
from drafting.importers import load_document  # noqa: E402
from drafting.importers.docx_import import import_docx_file  # noqa: E402
from drafting.importers.text_import import import_text  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    print(f"machine: {platform.machine()} Python {platform.python_version()}")
    small = load_document(ROOT / "tests" / "corpus" / "ga-res-67-193-en.txt").document
    big = import_text(compilation_text()).document
    for label, document, runs in (
        ("A/RES/67/193", small, args.repeat),
        ("1 MB compilation", big, max(3, args.repeat // 2)),
    ):
        for mode in ("markup", "tracked"):
            options = DocxOptions(proposals=mode)
            data = export_docx(document, options).data
            med, lo, hi = measure(lambda d=document, o=options: export_docx(d, o), runs)
            print(
                f"{label}: export ({mode}) -> {len(data) / 1024:.0f} KB: median {med * 1000:.0f} ms"
                f" (min {lo * 1000:.0f}, max {hi * 1000:.0f}), {runs} runs"
            )
        med, lo, hi = measure(lambda data=data: import_docx_file(data), runs)
        print(
            f"{label}: import: median {med * 1000:.0f} ms"
            f" (min {lo * 1000:.0f}, max {hi * 1000:.0f}), {runs} runs"
        )


if __name__ == "__main__":
    main()
