"""The zip layer of a DOCX: deterministic writing, and reading that treats the file as hostile.

A DOCX from a delegation is someone else's zip of XML. Reading refuses anything that is not
a plain Word document (macro-enabled, encrypted, legacy binary), caps sizes and
compression ratios (zip bombs), and parses XML with no DTD and no entities (billion laughs).
Nothing outside the zip is ever opened: external relationships are only reported.
"""

from __future__ import annotations

import codecs
import io
import lzma
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass, field

from lxml import etree

from drafting.errors import ImportFailed
from drafting.ooxml import CT_NS, PKG_REL_NS, safe_parser

MAX_ENTRIES = 5_000
# Sizes from measured cost (bench/large_inputs.py, bench/RESULTS.md, issue 14): reading a DOCX costs
# about 0.3 s and 20 MB of memory per MB of inflated XML; the 5 MB text's export (8.2 MB of
# document.xml) reads in 2.1 s and 210 MB. The export of any text under MAX_TEXT_BYTES (8 MiB; up to
# 1.9 bytes of document and footnotes XML per byte of text) must read back: 20 MiB a part, 24 MiB in
# all, at most about 6 s and 500 MB. (Before: 128/256 MiB; a 4.9 MB file inflating to 120 MB ran > 300 s.)
MAX_TOTAL_BYTES = 24 * 1024 * 1024
MAX_ENTRY_BYTES = 20 * 1024 * 1024
MAX_RATIO = 200
"""Compression ratio above which an entry larger than RATIO_FLOOR is taken for a zip bomb."""
RATIO_FLOOR = 4 * 1024 * 1024
FIXED_TIME = (1980, 1, 1, 0, 0, 0)
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

_ZIP_DAMAGE = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    lzma.LZMAError,
    struct.error,
    NotImplementedError,
    RuntimeError,
    ValueError,
    EOFError,
    OSError,
)
"""What :mod:`zipfile` and the decompressors raise for a damaged archive: a bad CRC, magic
number or local header, a name that differs from the directory, a corrupt deflate stream
(``zlib.error``), an unknown compression method or flag bit (``NotImplementedError``), a
negative seek (``ValueError``), a truncated stream (``EOFError``), a "password required"
(``RuntimeError``). All of them mean the same to the user: the file is damaged."""

_MACRO_CONTENT_TYPE = re.compile(r"macroenabled|vbaproject|vbadata", re.IGNORECASE)
"""Content types of the parts that make a package macro-enabled (matched case-insensitively:
MIME types are): the .docm/.dotm main parts, the VBA project (``vbaProject.bin``) and its
signatures, and the VBA data part. Word finds a VBA project by its relationship and content
type, not by its name, so a check of the name alone proves nothing."""
_MACRO_RELATIONSHIP = re.compile(r"/(?:vbaproject\w*|wordvbadata)$", re.IGNORECASE)
"""Relationship types that point at such parts, whatever the part is called."""


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
        """The bytes of ``part``. A damaged zip entry (see ``_ZIP_DAMAGE``) is an
        :class:`ImportFailed` saying the file is damaged, so that neither the command line nor
        the window reports an internal error for a file that is merely broken."""
        try:
            info = self.archive.getinfo(part)
            with self.archive.open(info) as stream:
                data = stream.read(info.file_size + 1)
        except KeyError:
            raise ImportFailed(f"{self.name}: {part} is missing; not a complete Word document") from None
        except _ZIP_DAMAGE as exc:
            raise ImportFailed(f"{self.name}: this Word file is damaged ({part}: {_reason(exc)})") from None
        if len(data) > info.file_size or len(data) > MAX_ENTRY_BYTES:
            raise ImportFailed(f"{self.name}: {part} is larger than its zip entry says; refused")
        return data

    def xml(self, part: str) -> etree._Element:
        """``part`` parsed, refusing a DTD in any form: Word never writes one, and a DTD is how
        entity expansion (billion laughs) and external entities (reading local files) get in.

        The check before parsing reads the prolog in the part's own encoding (UTF-8, UTF-16 or
        UTF-32, from the byte order mark or the first bytes), through any number of comments
        and processing instructions, so that the parser never sees a DTD; the check after
        parsing asks the parser whether it saw a document type declaration anyway (an encoding
        the prolog reader does not know), so the refusal does not depend on the first check."""
        data = self.read(part)
        refusal = f"{self.name}: {part} declares a DTD or entities, which Word never writes; refused"
        if _declares_dtd(data):
            raise ImportFailed(refusal)
        try:
            root = etree.fromstring(data, safe_parser())
        except etree.XMLSyntaxError as exc:
            raise ImportFailed(f"{self.name}: {part} is not well-formed XML ({_reason(exc.msg)})") from None
        except (ValueError, LookupError) as exc:  # an encoding lxml cannot use
            raise ImportFailed(f"{self.name}: {part} cannot be read as XML ({_reason(exc)})") from None
        if root.getroottree().docinfo.internalDTD is not None:
            raise ImportFailed(refusal)
        return root

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


def _reason(exc: BaseException) -> str:
    """An exception as one short line for a message."""
    text = " ".join(str(exc).split())
    return text[:200] if text else type(exc).__name__


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_NO_BOM = (
    (b"<\0\0\0", "utf-32-le"),
    (b"\0\0\0<", "utf-32-be"),
    (b"<\0", "utf-16-le"),
    (b"\0<", "utf-16-be"),
)
"""How an XML document without a byte order mark starts in each encoding (XML 1.0, appendix F)."""
_MISC = re.compile(r"(?:\s+|<\?.*?\?>|<!--.*?-->)*", re.DOTALL)
"""The prolog's comments, processing instructions (the XML declaration is one) and spaces."""
_MISC_BYTES = re.compile(rb"(?:\s+|<\?.*?\?>|<!--.*?-->)*", re.DOTALL)


def _declares_dtd(data: bytes) -> bool:
    """True if the XML in ``data`` has a document type declaration before its root element.

    A DTD can only stand in the prolog, but anywhere in it: after any number of comments and
    processing instructions, however long. The prolog is read in the document's encoding, so
    UTF-16 or UTF-32 text cannot hide ``<!DOCTYPE`` from a byte search."""
    bom, encoding = next(((b, e) for b, e in _BOMS if data.startswith(b)), (b"", None))
    data = data[len(bom) :]
    if encoding is None:
        encoding = next((e for start, e in _NO_BOM if data.startswith(start)), None)
    if encoding is None or encoding == "utf-8":  # ASCII-compatible: no need to decode
        at = _MISC_BYTES.match(data).end()
        return data[at : at + 9].upper() == b"<!DOCTYPE"
    text = data.decode(encoding, errors="replace")
    at = _MISC.match(text).end()
    return text[at : at + 9].upper() == "<!DOCTYPE"


def open_package(data: bytes, name: str) -> Package:
    """Open the bytes of a DOCX after checking they are a plain, sane Word package."""
    if data.startswith(_OLE_MAGIC):
        raise ImportFailed(
            f"{name}: an encrypted (password-protected) or old binary Word file; save it as .docx"
        )
    if not data.startswith(b"PK"):
        raise ImportFailed(f"{name}: not a Word file (.docx is a zip archive)")
    if len(data) > largest_file():
        raise ImportFailed(f"{name} is too large (over {largest_file() / 2**20:,.0f} MB)")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except _ZIP_DAMAGE as exc:
        raise ImportFailed(f"{name}: damaged or truncated Word file ({_reason(exc)})") from None
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
    declared = [d.get("ContentType", "") for d in types.iter(f"{{{CT_NS}}}Default")]
    for override in types.iter(f"{{{CT_NS}}}Override"):
        content_type = override.get("ContentType", "")
        package.content_types[override.get("PartName", "").lstrip("/")] = content_type
        declared.append(content_type)
    if _macro_enabled(package, declared, infos):
        raise ImportFailed(f"{name}: a macro-enabled Word file (.docm/.dotm); Penholder does not open macros")
    return package


def _macro_enabled(package: Package, content_types: list[str], infos: list[zipfile.ZipInfo]) -> bool:
    """Whether the package carries macros, however it says so: a macro content type in a
    ``Default`` or an ``Override`` entry (in any case: MIME types are case-insensitive), a part
    named ``vbaProject.bin`` (OPC part names are case-insensitive too), or a relationship of a
    VBA type from any part, whatever the target is called."""
    if any(_MACRO_CONTENT_TYPE.search(t) for t in content_types):
        return True
    if any(i.filename.lower().endswith("vbaproject.bin") for i in infos):
        return True
    for info in infos:
        if info.filename.lower().endswith(".rels"):
            rels = package.xml(info.filename)
            if any(
                _MACRO_RELATIONSHIP.search(r.get("Type", ""))
                for r in rels.iter(f"{{{PKG_REL_NS}}}Relationship")
            ):
                return True
    return False


def largest_file() -> int:
    """The size above which a file cannot be a DOCX that :func:`open_package` accepts: every
    part at its largest and stored uncompressed, with generous room for the zip's headers. A
    larger file is refused before it is read (a function, so that it follows the limits)."""
    return MAX_TOTAL_BYTES + MAX_ENTRIES * 4096
