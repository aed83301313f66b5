"""Benchmark: PDF export of A/RES/67/193 through LibreOffice headless.

Run:  .venv/bin/python bench/pdf.py [--repeat N]

Times ``drafting.exporters.pdf_export.export_pdf`` (DOCX export, LibreOffice started with a
fresh private profile, conversion, atomic write) and the whole ``penholder export … -o out.pdf``
command (Python start and import included). Prints median and spread (min–max).
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from import_export import measure  # noqa: E402

from drafting.exporters.pdf_export import export_pdf, find_soffice  # noqa: E402
from drafting.importers import load_document  # noqa: E402

SOURCE = ROOT / "tests" / "corpus" / "ga-res-67-193-en.txt"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    soffice = find_soffice()
    if soffice is None:
        sys.exit("LibreOffice is not installed")
    version = subprocess.run([soffice, "--version"], capture_output=True, text=True).stdout.strip()
    print(f"machine: {platform.machine()} Python {platform.python_version()}; {version}")
    document = load_document(SOURCE).document
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "out.pdf"
        med, lo, hi = measure(lambda: export_pdf(document, target), args.repeat)
        print(
            f"export_pdf(A/RES/67/193), {args.repeat} runs: median {med:.2f} s (min {lo:.2f}, max {hi:.2f})"
        )
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        command = [sys.executable, "-m", "app", "export", str(SOURCE), "-o", str(target)]
        med, lo, hi = measure(lambda: subprocess.run(command, env=env, check=True), args.repeat)
        print(
            f"penholder export … -o out.pdf, {args.repeat} runs: median {med:.2f} s (min {lo:.2f}, max {hi:.2f})"
        )


if __name__ == "__main__":
    main()
