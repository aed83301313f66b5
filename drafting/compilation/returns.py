"""A delegation's return of the base, and reading one from a file (who sent it included)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from drafting.model import Document


@dataclass
class Return:
    """One delegation's return of the base."""

    document: Document
    delegation: str
    """Who sent it: the author of its changes when it is compared with the base, and of those of
    its proposals that name nobody."""
    source_name: str = ""
    named: bool = False
    """The delegation was named by the user (``RETURN=NAME``): it is then the author of every
    change of the return, tracked ones too (whose authors are often people, not delegations)."""
    read_as: str | None = None
    """How its proposals were written ("tracked changes", "negotiation markup"), for the report."""
    notes: list[str] = field(default_factory=list)
    """What reading it said (import warnings), repeated in the report."""


_REVISION_ELEMENT = re.compile(rb"<(?:[\w.-]+:)?(?:ins|del|moveFrom|moveTo)[\s>/]")


def read_return(path: str | Path, name: str | None = None) -> Return:
    """A return read from a file (any format :func:`drafting.importers.load_document` reads).

    The delegation is ``name`` when given; else, for a Word file, the person or office its
    document properties name (last modified by, else creator); else the file name's stem."""
    from drafting.importers import load_document

    source = Path(path)
    result = load_document(source)
    document = result.document
    author = None
    read_as = None
    if source.suffix.lower() == ".docx":
        author, tracked = _docx_facts(source)
        if document.proposals:
            read_as = "tracked changes" if tracked else "negotiation markup"
    elif document.proposals:
        read_as = (
            "proposals of a Penholder file" if source.suffix.lower() == ".penholder" else "negotiation markup"
        )
    delegation = name or author or source.stem
    notes = [f"import warning: {warning}" for warning in result.report.warnings]
    return Return(document, delegation, source.name, named=name is not None, read_as=read_as, notes=notes)


def _docx_facts(source: Path) -> tuple[str | None, bool]:
    """The author named by a Word file's core properties, and whether its text has revision
    marks; read through the hardened package reader (no DTD, sizes capped)."""
    from drafting.errors import ImportFailed
    from drafting.importers import read_bytes
    from drafting.ooxml import RT_CORE
    from drafting.ooxml.package import largest_file, open_package

    try:
        package = open_package(read_bytes(source, largest_file()), str(source))
        core = next(
            (r.target for r in package.relationships("") if r.type == RT_CORE and not r.external),
            "docProps/core.xml",
        )
        author = None
        if package.has(core):
            root = package.xml(core)
            for tag in (
                "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}lastModifiedBy",
                "{http://purl.org/dc/elements/1.1/}creator",
            ):
                element = root.find(tag)
                if element is not None and (element.text or "").strip():
                    author = " ".join(element.text.split())
                    break
        main = "word/document.xml"
        tracked = package.has(main) and bool(_REVISION_ELEMENT.search(package.read(main)))
        return author, tracked
    except ImportFailed:
        return None, False
