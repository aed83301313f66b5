"""Render the README's Arabic picture: the Arabic fixture resolution (``tests/arabic_fixture.py``,
the project's own rendering, not an official text) exported to Word, converted to PDF by
LibreOffice, and the top of page 1 cut out as a PNG.

    python docs/images/render_arabic.py    # writes docs/images/arabic-docx-page1.png

Needs LibreOffice (``soffice``) and poppler (``pdftoppm``).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtGui import QImage  # noqa: E402

from drafting.exporters import DocxOptions, export_docx  # noqa: E402
from tests.arabic_fixture import arabic_resolution  # noqa: E402

OUT = ROOT / "docs" / "images" / "arabic-docx-page1.png"
DPI = 96


def main() -> int:
    if not (shutil.which("soffice") and shutil.which("pdftoppm")):
        print("needs LibreOffice (soffice) and poppler (pdftoppm)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as name:
        work = Path(name)
        docx = work / "arabic.docx"
        docx.write_bytes(export_docx(arabic_resolution(), DocxOptions()).data)
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{work / 'profile'}", "--headless", "--convert-to", "pdf",
             "--outdir", str(work), str(docx)],
            check=True, capture_output=True, timeout=300,
        )  # fmt: skip
        subprocess.run(
            ["pdftoppm", "-png", "-r", str(DPI), "-f", "1", "-l", "1", str(docx.with_suffix(".pdf")),
             str(work / "page")],
            check=True,
        )  # fmt: skip
        image = QImage(str(next(work.glob("page*.png"))))
        image.copy(40, 40, image.width() - 80, 480).save(str(OUT))
    print(OUT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
