"""Import a PDF's text layer: the printed page read the way a UN editor reads it.

The PDF says what extracted text loses: footnote markers are raised small glyphs, footnotes
sit below the rule at the page foot in a smaller size, running headers and page numbers sit
in fixed bands at the top and bottom of every page, and opening phrases are set in italics.
This module reads the glyphs with their positions, sizes and fonts (pypdfium2: Apache-2.0 /
BSD licensed, unlike PyMuPDF), :mod:`pdf_layout` groups them into lines, :mod:`pdf_pages`
sorts each page into furniture, body and footnote area and writes the plain-text form that
:func:`drafting.importers.text_import.import_text` reads, which then builds the document.
"""

from __future__ import annotations

import ctypes
import threading

from drafting.errors import ImportFailed
from drafting.importers.pdf_layout import LINE_END_HYPHEN, Glyph, build_lines
from drafting.importers.pdf_pages import Page, pages_to_text
from drafting.importers.report import ImportResult
from drafting.importers.text_import import import_text

MAX_PAGES = 2000
"""A resolution compilation runs to a few hundred pages; more is not a text to draft."""
MAX_GLYPHS = 10_000_000
MAX_BYTES = 200 * 2**20

_LOCK = threading.Lock()
"""PDFium is not thread-safe: one PDF at a time, whichever thread asks."""

_ITALIC_FLAG = 1 << 6


def import_pdf_file(data: bytes, name: str = "input.pdf") -> ImportResult:
    """Import the bytes of a PDF. Raises :class:`ImportFailed` with a one-line reason."""
    if len(data) > MAX_BYTES:
        raise ImportFailed(
            f"{name}: the PDF is {len(data) / 2**20:,.0f} MB; Penholder reads PDFs up to {MAX_BYTES // 2**20} MB"
        )
    pages = read_pages(data, name)
    text, dropped = pages_to_text(pages)
    result = import_text(text, name)
    for page_number, line_text in dropped:
        result.report.discard(0, line_text, f"page furniture (page {page_number})")
    return result


def read_pages(data: bytes, name: str) -> list[Page]:
    try:
        import pypdfium2 as pdfium
    except ImportError:  # pragma: no cover - a broken installation
        raise ImportFailed(f"{name}: PDF import needs the pypdfium2 package") from None
    with _LOCK:
        try:
            document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            raise ImportFailed(f"{name}: {_open_error(exc, data)}") from None
        try:
            count = len(document)
            if count == 0:
                raise ImportFailed(f"{name}: this PDF has no pages")
            if count > MAX_PAGES:
                raise ImportFailed(
                    f"{name}: this PDF has {count:,} pages; Penholder reads at most {MAX_PAGES:,}"
                )
            pages: list[Page] = []
            total = 0
            for index in range(count):
                page = _read_page(document, index)
                total += sum(len(line.glyphs) for line in page.lines)
                if total > MAX_GLYPHS:
                    raise ImportFailed(
                        f"{name}: too much text for one document (over {MAX_GLYPHS:,} characters)"
                    )
                pages.append(page)
        except pdfium.PdfiumError as exc:
            raise ImportFailed(f"{name}: the PDF is damaged ({_reason(exc)})") from None
        finally:
            document.close()
    if total == 0:
        raise ImportFailed(f"{name}: this PDF has no text layer (a scan?); Penholder reads only text PDFs")
    return pages


def _reason(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text.rstrip(".")


def _open_error(exc: Exception, data: bytes) -> str:
    import pypdfium2.raw as raw

    code = getattr(exc, "err_code", None)
    if code == raw.FPDF_ERR_PASSWORD:
        return "this PDF is encrypted with a password; open it in a PDF reader and save an unprotected copy"
    if code == raw.FPDF_ERR_SECURITY:
        return "this PDF is encrypted in a way Penholder cannot read"
    if b"%PDF-" not in data[:1024]:
        return "not a PDF file (no PDF header)" if data else "the file is empty"
    return "the PDF is damaged or truncated (its structure cannot be read)"


def _read_page(document, index: int) -> Page:
    import pypdfium2.raw as raw

    page = document[index]
    try:
        width, height = page.get_size()
        textpage = page.get_textpage()
        try:
            glyphs = _glyphs(raw, textpage.raw)
        finally:
            textpage.close()
        rules = _strokes(raw, page.raw) if glyphs else []
    finally:
        page.close()
    return Page(index + 1, width, height, build_lines(glyphs), rules)


def _glyphs(raw, text_handle) -> list[Glyph]:
    count = raw.FPDFText_CountChars(text_handle)
    if count <= 0:
        return []
    box = raw.FS_RECTF()
    box_ref = ctypes.byref(box)
    ox, oy = ctypes.c_double(), ctypes.c_double()
    ox_ref, oy_ref = ctypes.byref(ox), ctypes.byref(oy)
    fonts: dict[int, tuple[bool, bool]] = {}
    glyphs: list[Glyph] = []
    previous: Glyph | None = None
    for index in range(count):
        code = raw.FPDFText_GetUnicode(text_handle, index)
        if code in (13, 10):
            continue
        if code in (32, 0xA0, 9):
            if previous is not None and not raw.FPDFText_IsGenerated(text_handle, index):
                previous.space_after = True
            continue
        if code == 0 or 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
            continue
        if abs(raw.FPDFText_GetCharAngle(text_handle, index)) > 0.01:
            continue  # rotated text: a margin note or barcode, never the resolution
        size = raw.FPDFText_GetFontSize(text_handle, index)
        if size <= 0:
            continue
        # The loose box spans the glyph's advance, so gaps between boxes are word spaces.
        raw.FPDFText_GetLooseCharBox(text_handle, index, box_ref)
        raw.FPDFText_GetCharOrigin(text_handle, index, ox_ref, oy_ref)
        italic, bold = _font_style(raw, text_handle, index, fonts)
        char = LINE_END_HYPHEN if code == 2 else chr(code)
        x0 = min(box.left, box.right)
        glyph = Glyph(char, x0, max(box.left, box.right), oy.value, size, italic, bold)
        glyphs.append(glyph)
        previous = glyph
    return glyphs


def _font_style(raw, text_handle, index: int, cache: dict[int, tuple[bool, bool]]) -> tuple[bool, bool]:
    obj = raw.FPDFText_GetTextObject(text_handle, index)
    font = raw.FPDFTextObj_GetFont(obj) if obj else None
    key = ctypes.cast(font, ctypes.c_void_p).value if font else 0
    if key in cache:
        return cache[key]
    style = (False, False)
    if font:
        buffer = ctypes.create_string_buffer(256)
        get_name = getattr(raw, "FPDFFont_GetBaseFontName", None) or raw.FPDFFont_GetFamilyName
        length = get_name(font, buffer, 256)
        name = buffer.value.decode("latin-1") if length else ""
        flags = raw.FPDFFont_GetFlags(font)
        weight = raw.FPDFFont_GetWeight(font)
        angle = ctypes.c_int(0)
        raw.FPDFFont_GetItalicAngle(font, ctypes.byref(angle))
        base = name.split("+", 1)[-1].lower()
        italic = (
            "italic" in base
            or "oblique" in base
            or base.endswith(("-it", "-boldit"))
            or bool(flags > 0 and flags & _ITALIC_FLAG)
            or angle.value != 0
        )
        bold = "bold" in base or "black" in base or weight >= 600
        style = (italic, bold)
    cache[key] = style
    return style


def _strokes(raw, page_handle) -> list[tuple[float, float, float]]:
    """Thin horizontal paths: candidates for the footnote separator."""
    out = []
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    for k in range(raw.FPDFPage_CountObjects(page_handle)):
        obj = raw.FPDFPage_GetObject(page_handle, k)
        if raw.FPDFPageObj_GetType(obj) != raw.FPDF_PAGEOBJ_PATH:
            continue
        if not raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
            continue
        if top.value - bottom.value <= 2.0 and right.value - left.value >= 20:
            out.append((left.value, right.value, (top.value + bottom.value) / 2))
    return out


# --- from lines to text ------------------------------------------------------------------------
