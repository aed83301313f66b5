"""Render the README's compilation picture: four delegations' returns of A/RES/67/193 (the
returns of ``tests/test_compile.py``) compiled, exported in negotiation markup, converted to PDF
by LibreOffice, and the part of the page around OP 16 and its alternative cut out as a PNG.

    python docs/images/render_compilation.py    # writes docs/images/compilation-op16-alt.png

Needs LibreOffice (``soffice``) and poppler (``pdftoppm``, ``pdftotext``).
"""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtGui import QImage  # noqa: E402

from drafting import storage  # noqa: E402
from drafting.compilation import compile_returns, read_return  # noqa: E402
from drafting.exporters import DocxOptions, export_docx  # noqa: E402
from drafting.importers import load_document  # noqa: E402
from tests import test_compile as fixture  # noqa: E402

OUT = ROOT / "docs" / "images" / "compilation-op16-alt.png"
WANTED = re.compile(r"^\s*16 alt\.", re.MULTILINE)
DPI = 96


def main() -> int:
    if not (shutil.which("soffice") and shutil.which("pdftoppm")):
        print("needs LibreOffice (soffice) and poppler (pdftoppm)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as name:
        work = Path(name)
        imported = load_document(fixture.CORPUS / "ga-res-67-193-en.txt").document
        storage.save(storage.PenholderFile(imported, []), work / "base.penholder")
        base = load_document(work / "base.penholder").document
        tracked = DocxOptions(proposals="tracked")
        (work / "eu.docx").write_bytes(export_docx(fixture.eu_return(base), tracked).data)
        (work / "japan.docx").write_bytes(export_docx(fixture.japan_return(base), tracked).data)
        fodt = work / "mexico.fodt"
        fodt.write_text(
            fixture.flat_odt(base, fixture.MEXICO_CHANGES, fixture.MEXICO, fixture.MEXICO_DATE[:-1]),
            encoding="utf-8",
        )
        mexico = fixture.libreoffice_docx(fodt)
        options = DocxOptions(author=fixture.SWITZERLAND)
        (work / "clean.docx").write_bytes(export_docx(fixture.switzerland_return(base), options).data)
        names = ("eu.docx", "japan.docx", mexico.name, "clean.docx")
        compilation = compile_returns(base, [read_return(work / n) for n in names])
        docx = work / "compilation.docx"
        docx.write_bytes(export_docx(compilation.document, moves=compilation.moves).data)
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{work / 'profile'}", "--headless", "--convert-to", "pdf",
             "--outdir", str(work), str(docx)],
            check=True, capture_output=True, timeout=300,
        )  # fmt: skip
        pdf = docx.with_suffix(".pdf")
        page = _page_with(pdf)
        subprocess.run(
            ["pdftoppm", "-png", "-r", str(DPI), "-f", str(page), "-l", str(page), str(pdf), str(work / "page")],
            check=True,
        )  # fmt: skip
        image = QImage(str(next(work.glob("page*.png"))))
        top = _line_top(pdf, page) * DPI / 72
        crop = image.copy(60, max(0, int(top) - 150), min(800, image.width() - 60), 320)
        crop.save(str(OUT))
    print(OUT)
    return 0


def _page_with(pdf: Path) -> int:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    for number, page in enumerate(text.stdout.split("\f"), start=1):
        if WANTED.search(page):
            return number
    raise SystemExit("no '16 alt.' in the rendered compilation")


def _line_top(pdf: Path, page: int) -> float:
    """The top of the "16 alt." line on ``page``, in points."""
    run = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    words = re.findall(r'<word xMin="[\d.]+" yMin="([\d.]+)"[^>]*>([^<]*)</word>', run.stdout)
    for (top, word), (_next_top, following) in itertools.pairwise(words):
        if word == "16" and following == "alt.":
            return float(top)
    return 0.0


if __name__ == "__main__":
    raise SystemExit(main())
