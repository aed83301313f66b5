"""PDF export: the DOCX rendered by LibreOffice headless.

The PDF is made from the very DOCX Penholder exports, so it has what the DOCX has: real
footnotes at the foot of each page, the same masthead, headers, footers and page numbers.
LibreOffice runs with a private, throw-away user profile (``-env:UserInstallation``), so it
neither collides with a LibreOffice the user has open nor leaves settings behind, and with a
time limit. The result replaces the target atomically (``drafting.atomic``).

No Qt here: the window falls back to Qt printing itself when LibreOffice is missing.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from drafting.atomic import atomic_write_bytes
from drafting.errors import ExportFailed
from drafting.exporters.docx_export import DocxOptions, export_docx
from drafting.model import Document

TIMEOUT_SECONDS = 180.0
"""The longest a conversion may take; a first start of LibreOffice (new profile) takes a few seconds."""
INSTALL_HINT = (
    "LibreOffice is needed for PDF export; install libreoffice-writer"
    " (Debian/Ubuntu: sudo apt install libreoffice-writer-nogui) or LibreOffice from libreoffice.org"
)
_CANDIDATES = (
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
)


class PdfExportUnavailable(ExportFailed):
    """LibreOffice, which makes the PDF, is not installed."""


class PdfConversionFailed(ExportFailed):
    """LibreOffice ran but gave no PDF (it failed, crashed or took too long)."""


def find_soffice() -> str | None:
    """The LibreOffice program (``soffice``) to run, or None if LibreOffice is not installed."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return next((path for path in _CANDIDATES if os.path.isfile(path)), None)


def docx_to_pdf(docx: bytes, *, timeout: float = TIMEOUT_SECONDS, soffice: str | None = None) -> bytes:
    """The PDF LibreOffice makes of the DOCX file ``docx``.

    Raises PdfExportUnavailable if LibreOffice is not installed, PdfConversionFailed if it
    fails or takes longer than ``timeout`` seconds.
    """
    program = soffice or find_soffice()
    if program is None:
        raise PdfExportUnavailable(INSTALL_HINT)
    with tempfile.TemporaryDirectory(prefix="penholder-pdf-") as folder:
        work = Path(folder)
        source = work / "document.docx"
        source.write_bytes(docx)
        command = [
            program,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            str(work / "out"),
            str(source),
        ]
        try:
            returncode, stdout, stderr = _run(command, work, timeout)
        except subprocess.TimeoutExpired:
            raise PdfConversionFailed(
                f"LibreOffice took longer than {timeout:.0f} s to make the PDF and was stopped"
            ) from None
        except OSError as exc:
            raise PdfConversionFailed(f"LibreOffice could not be started ({exc.strerror or exc})") from None
        result = work / "out" / "document.pdf"
        if returncode != 0 or not result.is_file() or result.stat().st_size == 0:
            detail = _last_line(stderr) or _last_line(stdout) or f"exit status {returncode}"
            raise PdfConversionFailed(f"LibreOffice could not make the PDF ({detail})")
        return result.read_bytes()


def export_pdf(
    document: Document,
    path: str | os.PathLike[str],
    options: DocxOptions | None = None,
    *,
    timeout: float = TIMEOUT_SECONDS,
) -> list[str]:
    """Write ``document`` as a PDF to ``path``, atomically: exported as DOCX (``options``),
    rendered by LibreOffice. Returns the DOCX export's warnings.

    Raises PdfExportUnavailable (LibreOffice missing; nothing is written), PdfConversionFailed,
    or ExportFailed if the file cannot be written.
    """
    target = Path(path)
    if target.is_dir():
        raise ExportFailed(f"{target}: is a folder")
    result = export_docx(document, options)
    data = docx_to_pdf(result.data, timeout=timeout)
    try:
        atomic_write_bytes(target, data)
    except OSError as exc:
        raise ExportFailed(f"{target}: cannot be written ({exc.strerror or exc})") from None
    return list(result.warnings)


def _run(command: list[str], cwd: Path, timeout: float) -> tuple[int, str, str]:
    """Run LibreOffice; on timeout stop it with everything it started (``soffice`` is often a
    script that starts ``soffice.bin``), then raise TimeoutExpired."""
    posix = os.name == "posix"
    process = subprocess.Popen(
        command,
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        errors="replace",
        start_new_session=posix,
        **_no_window(),
    )
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        if posix:
            with contextlib.suppress(OSError):
                os.killpg(process.pid, signal.SIGKILL)
        process.kill()
        process.communicate()
        raise
    return process.returncode, stdout, stderr


def _last_line(text: str | None) -> str:
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    # LibreOffice prints harmless start-up noise (javaldx) on stderr; prefer a line naming an error.
    errors = [line for line in lines if "rror" in line]
    return (errors or lines or [""])[-1][:200]


def _no_window() -> dict:
    """On Windows, no console window flashes up for LibreOffice."""
    if sys.platform == "win32":
        return {"creationflags": getattr(subprocess, "CREATE_NO_WINDOW", 0)}
    return {}
