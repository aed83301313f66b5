"""What pandoc sees in a Word file after accepting or rejecting every tracked change: a second,
independent reader beside LibreOffice for the redline tests.

pandoc (``--track-changes=accept|reject``, reading ``docx+styles`` so that each paragraph keeps
its style name) is run on the file and its JSON syntax tree walked: body paragraphs, by style,
as (label, text) with the label rebuilt from pandoc's ordered lists ("3.", "(b)"), and the
footnotes in the order of their references. In a text a footnote mark is ``[n]``, counted as
pandoc meets them, and so is a repeat (a superscript number, or a ``NOTEREF`` field's result);
spaces are collapsed as pandoc does.

The pandoc used is the one bundled by ``pypandoc_binary`` (3.x: it reads Word's move markup,
which the 2.x of Debian 12 drops).
"""

from __future__ import annotations

import json
import re
import subprocess
from dataclasses import dataclass, field

import pypandoc

PANDOC = pypandoc.get_pandoc_path()
_SPACES = re.compile(r"\s+")
_ALPHA = "abcdefghijklmnopqrstuvwxyz"
_ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]  # fmt: skip


def pandoc_view(path: str, action: str, styles: set[str]) -> tuple[list[tuple[str, str]], list[str]]:
    """Body paragraphs of the given styles as (label, text), and the footnote texts."""
    run = subprocess.run(
        [PANDOC, "-f", "docx+styles", f"--track-changes={action}", "-t", "json", path],
        capture_output=True,
        text=True,
        timeout=120,
    )
    if run.returncode != 0:
        raise RuntimeError(f"pandoc failed on {path}: {run.stderr[-2000:]}")
    walker = _Walker(styles)
    walker.blocks(json.loads(run.stdout)["blocks"], "", "")
    return walker.paragraphs, walker.notes


@dataclass
class _Walker:
    styles: set[str]
    paragraphs: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def blocks(self, blocks: list[dict], style: str, label: str) -> None:
        for block in blocks:
            kind, content = block["t"], block.get("c")
            if kind == "Div":
                (_, _, attributes), inner = content
                self.blocks(inner, dict(attributes).get("custom-style", style), label)
                label = ""  # a list item's label goes with its first paragraph only
            elif kind in ("Para", "Plain"):
                if style in self.styles:
                    self.paragraphs.append((label, self.text(content)))
                label = ""
            elif kind == "OrderedList":
                (start, number_style, delimiter), items = content
                for offset, item in enumerate(items):
                    self.blocks(item, style, _label(start + offset, number_style["t"], delimiter["t"]))
            elif kind == "BulletList":
                for item in content:
                    self.blocks(item, style, "")
            elif kind == "BlockQuote":
                self.blocks(content, style, label)

    def block_text(self, block: dict) -> str:
        if block["t"] in ("Para", "Plain"):
            return self.text(block["c"])
        if block["t"] == "Div":
            return " ".join(self.block_text(b) for b in block["c"][1])
        return ""

    def text(self, inlines: list[dict]) -> str:
        return _SPACES.sub(" ", "".join(self.inline(node) for node in inlines)).strip()

    def inline(self, node: dict) -> str:
        kind, content = node["t"], node.get("c")
        if kind == "Str":
            return content
        if kind in ("Space", "SoftBreak", "LineBreak"):
            return " "
        if kind == "Note":
            self.notes.append("")  # its place first: a note inside a note comes after it
            index = len(self.notes)
            self.notes[index - 1] = " ".join(self.block_text(b) for b in content).strip()
            return f"[{index}]"
        if kind == "Superscript":
            inner = "".join(self.inline(n) for n in content).strip()
            return f"[{inner}]" if inner else ""
        if kind in ("Span", "Link"):
            return "".join(self.inline(n) for n in content[1])
        if kind in ("Quoted",):
            quote = "“" if content[0]["t"] == "DoubleQuote" else "‘"
            close = "”" if quote == "“" else "’"
            return quote + "".join(self.inline(n) for n in content[1]) + close
        if kind in ("Emph", "Strong", "Underline", "Strikeout", "Subscript", "SmallCaps"):
            return "".join(self.inline(n) for n in content)
        if kind == "Code":
            return content[1]
        return ""


def _label(number: int, style: str, delimiter: str) -> str:
    if style == "LowerAlpha":
        value = _ALPHA[(number - 1) % 26]
    elif style == "UpperAlpha":
        value = _ALPHA[(number - 1) % 26].upper()
    elif style in ("LowerRoman", "UpperRoman"):
        value = ""
        for amount, letters in _ROMAN:
            while number >= amount:
                value, number = value + letters, number - amount
        value = value.upper() if style == "UpperRoman" else value
    else:
        value = str(number)
    if delimiter == "TwoParens":
        return f"({value})"
    if delimiter == "OneParen":
        return f"{value})"
    return f"{value}."
