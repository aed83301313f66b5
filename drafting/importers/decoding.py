"""Turning the bytes of a text file into text, or a clear reason why not."""

from __future__ import annotations

import codecs

from drafting.errors import ImportFailed

MAX_TEXT_BYTES = 8 * 1024 * 1024  # 8x the largest real texts; 5 MB: import, check, export < 5 s (issue 14)


def decode_text(data: bytes, name: str = "input") -> str:
    """Decode UTF-8 (with or without BOM) or BOM-marked UTF-16/32 text.

    Raises :class:`ImportFailed` for empty, binary, oversized or non-UTF-8 input.
    """
    if len(data) > MAX_TEXT_BYTES:
        raise ImportFailed(f"{name}: file is too large ({len(data)} bytes; limit {MAX_TEXT_BYTES})")
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise ImportFailed(f"{name}: damaged {encoding.upper()} text ({exc.reason})") from None
            break
    else:
        if b"\x00" in data[:8192]:
            raise ImportFailed(f"{name}: this is a binary file, not text")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ImportFailed(
                f"{name}: not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start});"
                " save it as UTF-8 and try again"
            ) from None
    if "\x00" in text:
        raise ImportFailed(f"{name}: this is a binary file, not text")
    if not text.strip():
        raise ImportFailed(f"{name}: file is empty")
    return text
