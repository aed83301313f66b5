"""Writing documents to files by extension."""

from __future__ import annotations

from pathlib import Path

from drafting.atomic import atomic_write_bytes
from drafting.errors import ExportFailed
from drafting.exporters.text_export import export_text
from drafting.model import Document

SUPPORTED = ".txt or .md"


def export_document(document: Document, path: str | Path) -> None:
    """Write ``document`` to ``path`` in the format its extension names, atomically."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix in (".txt", ".text"):
        data = export_text(document).encode("utf-8")
    elif suffix in (".md", ".markdown"):
        data = export_text(document, markdown=True).encode("utf-8")
    elif suffix in (".docx", ".pdf", ".html"):
        raise ExportFailed(f"{target}: export to {suffix} is not available yet; use {SUPPORTED}")
    else:
        raise ExportFailed(f"{target}: unknown output type '{target.suffix or '(none)'}'; use {SUPPORTED}")
    if target.is_dir():
        raise ExportFailed(f"{target}: is a folder")
    try:
        atomic_write_bytes(target, data)
    except OSError as exc:
        raise ExportFailed(f"{target}: cannot be written ({exc.strerror or exc})") from None


__all__ = ["export_document", "export_text"]
