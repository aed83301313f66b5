"""Reading documents from files: the one entry point the command line and the editor use."""

from __future__ import annotations

from pathlib import Path

from drafting.errors import ImportFailed, StorageError
from drafting.importers.docx_import import import_docx_file
from drafting.importers.pdf_import import import_pdf_file
from drafting.importers.report import ImportReport, ImportResult
from drafting.importers.text_import import import_text, import_text_file

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
SUPPORTED = ".penholder, .docx, .pdf, .txt or .md"


def load_document(path: str | Path) -> ImportResult:
    """Read any supported file. Raises :class:`ImportFailed` with a one-line reason."""
    source = Path(path)
    suffix = source.suffix.lower()
    if source.is_dir():
        raise ImportFailed(f"{source}: is a folder, not a file")
    if suffix in (".docm", ".dotm"):
        raise ImportFailed(f"{source}: a macro-enabled Word file; Penholder does not open macros")
    if suffix == ".doc":
        raise ImportFailed(f"{source}: an old binary Word file; save it as .docx in Word and try again")
    if suffix not in TEXT_SUFFIXES and suffix not in (".penholder", ".docx", ".pdf"):
        raise ImportFailed(f"{source}: unknown file type '{source.suffix or '(none)'}'; use {SUPPORTED}")
    data = read_bytes(source)
    if suffix == ".docx":
        return import_docx_file(data, str(source))
    if suffix == ".pdf":
        return import_pdf_file(data, str(source))
    if suffix == ".penholder":
        from drafting import storage

        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise ImportFailed(f"{source}: is not a Penholder file (not UTF-8 text)") from None
        try:
            penholder_file = storage.loads(text, str(source))
        except StorageError as exc:
            raise ImportFailed(str(exc)) from None
        return ImportResult(penholder_file.document, ImportReport(source=str(source)))
    return import_text_file(data, str(source))


def read_bytes(source: Path) -> bytes:
    if not source.exists():
        raise ImportFailed(f"{source}: no such file")
    if source.is_dir():
        raise ImportFailed(f"{source}: is a folder, not a file")
    try:
        return source.read_bytes()
    except PermissionError:
        raise ImportFailed(f"{source}: permission denied") from None
    except OSError as exc:
        raise ImportFailed(f"{source}: cannot be read ({exc.strerror or exc})") from None


__all__ = ["ImportFailed", "ImportReport", "ImportResult", "import_text", "load_document"]
