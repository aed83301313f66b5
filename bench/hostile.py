"""Benchmark: how fast hostile DOCX files are refused.

Run:  .venv/bin/python bench/hostile.py

Builds each hostile file once (zip bomb, billion laughs, external entity, macro-enabled,
encrypted, truncated, random bytes) and times the import refusing it (median of 20).
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drafting.errors import ImportFailed  # noqa: E402
from drafting.exporters import export_docx  # noqa: E402
from drafting.importers.docx_import import import_docx_file  # noqa: E402
from tests.helpers import load  # noqa: E402
from tests.test_docx_hostile import rezip  # noqa: E402


def cases() -> dict[str, bytes]:
    good = export_docx(load("ga-res-62-172-en.txt").document).data
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">'
        + b"".join(b'<!ENTITY a%d "%s">' % (i, b"&a;" * 10) for i in range(9))
        + b"]><x>&a8;</x>"
    )
    return {
        "zip bomb (64 MB of zeros in 64 KB)": rezip(good, add={"word/media/bomb.bin": b"\0" * (64 << 20)}),
        "billion laughs": rezip(good, {"word/document.xml": laughs}),
        "external entity": rezip(
            good, {"word/document.xml": b'<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><d>&x;</d>'}
        ),
        "macro-enabled": rezip(good, add={"word/vbaProject.bin": b"\xd0\xcf\x11\xe0"}),
        "encrypted (OLE container)": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4096,
        "truncated": good[: len(good) // 2],
        "random bytes": os.urandom(100_000),
    }


def main() -> None:
    for name, data in cases().items():
        times = []
        for _ in range(20):
            start = time.perf_counter()
            try:
                import_docx_file(data, "hostile.docx")
            except ImportFailed:
                pass
            else:
                raise SystemExit(f"{name}: was not refused")
            times.append(time.perf_counter() - start)
        print(
            f"{name}: refused in median {statistics.median(times) * 1000:.2f} ms"
            f" (max {max(times) * 1000:.2f} ms)"
        )


if __name__ == "__main__":
    main()
