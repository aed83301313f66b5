"""The zip layer of a DOCX: deterministic writing, and reading that treats the file as hostile.

A DOCX from a delegation is someone else's zip of XML. Reading refuses anything that is not
a plain Word document (macro-enabled, encrypted, legacy binary), caps sizes and
compression ratios (zip bombs), and parses XML with no DTD and no entities (billion laughs).
Nothing outside the zip is ever opened: external relationships are only reported.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field

from lxml import etree

from drafting.errors import ImportFailed
from drafting.ooxml import CT_MAIN_MACRO, CT_NS, CT_TEMPLATE_MACRO, PKG_REL_NS, safe_parser

MAX_ENTRIES = 5_000
MAX_TOTAL_BYTES = 256 * 1024 * 1024
MAX_ENTRY_BYTES = 128 * 1024 * 1024
MAX_RATIO = 200
"""Compression ratio above which an entry larger than RATIO_FLOOR is taken for a zip bomb."""
RATIO_FLOOR = 4 * 1024 * 1024
FIXED_TIME = (1980, 1, 1, 0, 0, 0)
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def write_package(parts: dict[str, bytes]) -> bytes:
    """A zip with the parts in the given order and fixed timestamps: same input, same bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data, compresslevel=6)
    return buffer.getvalue()


@dataclass
class Relationship:
    id: str
    type: str
    target: str
    external: bool


@dataclass
class Package:
    """The parts of a DOCX that passed the checks, read lazily through :meth:`xml`."""

    name: str
    archive: zipfile.ZipFile
    content_types: dict[str, str] = field(default_factory=dict)
    """Part name (without leading slash) -> content type."""
    notes: list[str] = field(default_factory=list)

    def has(self, part: str) -> bool:
        return part in self.archive.NameToInfo

    def read(self, part: str) -> bytes:
        info = self.archive.getinfo(part)
        with self.archive.open(info) as stream:
            data = stream.read(info.file_size + 1)
        if len(data) > info.file_size or len(data) > MAX_ENTRY_BYTES:
            raise ImportFailed(f"{self.name}: {part} is larger than its zip entry says; refused")
        return data

    def xml(self, part: str) -> etree._Element:
        data = self.read(part)
        if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data:
            raise ImportFailed(
                f"{self.name}: {part} declares a DTD or entities, which Word never writes; refused"
            )
        try:
            return etree.fromstring(data, safe_parser())
        except etree.XMLSyntaxError as exc:
            raise ImportFailed(f"{self.name}: {part} is not well-formed XML ({exc.msg})") from None

    def relationships(self, part: str) -> list[Relationship]:
        folder, _, base = part.rpartition("/")
        rels_part = f"{folder}/_rels/{base}.rels" if folder else f"_rels/{base}.rels"
        if not self.has(rels_part):
            return []
        out = []
        for rel in self.xml(rels_part).iter(f"{{{PKG_REL_NS}}}Relationship"):
            external = rel.get("TargetMode") == "External"
            target = rel.get("Target", "")
            if external:
                self.notes.append(f"external reference not followed: {target}")
            else:
                target = resolve_target(folder, target)
            out.append(Relationship(rel.get("Id", ""), rel.get("Type", ""), target, external))
        return out


def resolve_target(folder: str, target: str) -> str:
    """Part name of a relationship target relative to ``folder`` ("word" + "footnotes.xml")."""
    relative = f"{folder}/{target}" if folder else target
    path = target.lstrip("/") if target.startswith("/") else relative
    parts: list[str] = []
    for piece in path.split("/"):
        if piece == "..":
            if parts:
                parts.pop()
        elif piece and piece != ".":
            parts.append(piece)
    return "/".join(parts)


def open_package(data: bytes, name: str) -> Package:
    """Open the bytes of a DOCX after checking they are a plain, sane Word package."""
    if data.startswith(_OLE_MAGIC):
        raise ImportFailed(
            f"{name}: an encrypted (password-protected) or old binary Word file; save it as .docx"
        )
    if not data.startswith(b"PK"):
        raise ImportFailed(f"{name}: not a Word file (.docx is a zip archive)")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise ImportFailed(f"{name}: damaged or truncated Word file ({exc})") from None
    if len(infos) > MAX_ENTRIES:
        raise ImportFailed(f"{name}: {len(infos)} parts in the zip; refused as a zip bomb")
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise ImportFailed(f"{name}: the file is encrypted; remove the password in Word and try again")
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if (
            info.file_size > MAX_ENTRY_BYTES
            or total > MAX_TOTAL_BYTES
            or (info.file_size > RATIO_FLOOR and ratio > MAX_RATIO)
        ):
            raise ImportFailed(
                f"{name}: {info.filename} expands to {info.file_size} bytes; refused as a zip bomb"
            )
    package = Package(name, archive)
    if not package.has("[Content_Types].xml"):
        raise ImportFailed(f"{name}: not a Word document (no [Content_Types].xml)")
    types = package.xml("[Content_Types].xml")
    for override in types.iter(f"{{{CT_NS}}}Override"):
        package.content_types[override.get("PartName", "").lstrip("/")] = override.get("ContentType", "")
    if any(t in (CT_MAIN_MACRO, CT_TEMPLATE_MACRO) for t in package.content_types.values()) or any(
        i.filename.lower().endswith("vbaproject.bin") for i in infos
    ):
        raise ImportFailed(f"{name}: a macro-enabled Word file (.docm/.dotm); Penholder does not open macros")
    return package
