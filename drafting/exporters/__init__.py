"""Writing documents to files by extension."""

from __future__ import annotations

from pathlib import Path

from drafting.atomic import atomic_write_bytes
from drafting.errors import ExportFailed
from drafting.exporters.docx_export import DocxOptions, DocxResult, export_docx
from drafting.exporters.pdf_export import PdfConversionFailed, PdfExportUnavailable, export_pdf
from drafting.exporters.text_export import export_text
from drafting.model import Document

SUPPORTED = ".docx, .pdf, .txt or .md"


def export_document(
    document: Document, path: str | Path, docx_options: DocxOptions | None = None
) -> list[str]:
    """Write ``document`` to ``path`` in the format its extension names, atomically.

    Returns warnings about anything the format could not carry. A PDF is the DOCX rendered by
    LibreOffice (``pdf_export``; PdfExportUnavailable when LibreOffice is not installed).
    """
    target = Path(path)
    suffix = target.suffix.lower()
    warnings: list[str] = []
    if suffix == ".pdf":
        return export_pdf(document, target, docx_options)
    if suffix == ".docx":
        result = export_docx(document, docx_options)
        data, warnings = result.data, result.warnings
    elif suffix in (".txt", ".text"):
        data = export_text(document).encode("utf-8")
    elif suffix in (".md", ".markdown"):
        data = export_text(document, markdown=True).encode("utf-8")
    elif suffix == ".html":
        raise ExportFailed(f"{target}: export to {suffix} is not available yet; use {SUPPORTED}")
    else:
        raise ExportFailed(f"{target}: unknown output type '{target.suffix or '(none)'}'; use {SUPPORTED}")
    if target.is_dir():
        raise ExportFailed(f"{target}: is a folder")
    try:
        atomic_write_bytes(target, data)
    except OSError as exc:
        raise ExportFailed(f"{target}: cannot be written ({exc.strerror or exc})") from None
    return warnings


__all__ = [
    "DocxOptions",
    "DocxResult",
    "PdfConversionFailed",
    "PdfExportUnavailable",
    "export_document",
    "export_docx",
    "export_pdf",
    "export_text",
]
