"""Reading documents from files: the one entry point the command line and the editor use."""

from __future__ import annotations

from pathlib import Path

from drafting.errors import ImportFailed, StorageError
from drafting.importers.decoding import MAX_TEXT_BYTES
from drafting.importers.docx_import import import_docx_file
from drafting.importers.pdf_import import MAX_BYTES as MAX_PDF_BYTES
from drafting.importers.pdf_import import import_pdf_file
from drafting.importers.report import ImportReport, ImportResult
from drafting.importers.text_import import import_text, import_text_file
from drafting.ooxml import package
from drafting.reading import read_regular_file

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
    if suffix == ".penholder":
        return _load_penholder(source)
    if suffix == ".docx":
        return import_docx_file(read_bytes(source, package.largest_file()), str(source))
    if suffix == ".pdf":
        return import_pdf_file(read_bytes(source, MAX_PDF_BYTES), str(source))
    return import_text_file(read_bytes(source, MAX_TEXT_BYTES), str(source))


def _load_penholder(source: Path) -> ImportResult:
    """A Penholder file, read by :func:`drafting.storage.load` as the window reads it: one
    reader, so that the command line and the window accept and refuse the same files (a UTF-8
    byte order mark, for one) with the same words."""
    from drafting import storage

    if not source.exists():
        raise ImportFailed(f"{source}: no such file")
    try:
        penholder_file = storage.load(source)
    except StorageError as exc:
        raise ImportFailed(str(exc)) from None
    return ImportResult(penholder_file.document, ImportReport(source=str(source)))


def read_bytes(source: Path, limit: int = MAX_TEXT_BYTES) -> bytes:
    """The bytes of ``source``, which must be a regular file of at most ``limit`` bytes: a named
    pipe, a device or an endless file is refused before it can hang Penholder or fill memory
    (see :func:`drafting.reading.read_regular_file`)."""
    if not source.exists():
        raise ImportFailed(f"{source}: no such file")
    if source.is_dir():
        raise ImportFailed(f"{source}: is a folder, not a file")
    try:
        return read_regular_file(source, limit, ImportFailed, str(source))
    except FileNotFoundError:
        raise ImportFailed(f"{source}: no such file") from None
    except IsADirectoryError:
        raise ImportFailed(f"{source}: is a folder, not a file") from None
    except PermissionError:
        raise ImportFailed(f"{source}: permission denied") from None
    except OSError as exc:
        raise ImportFailed(f"{source}: cannot be read ({exc.strerror or exc})") from None


__all__ = ["ImportFailed", "ImportReport", "ImportResult", "import_text", "load_document"]
