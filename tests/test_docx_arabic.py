"""An Arabic document exported to Word runs right to left (issue 17): every paragraph ``w:bidi``,
Arabic runs ``w:rtl`` with complex-script italics and bold, complex-script sizes in the styles;
schema-valid, read by python-docx, and rendered by LibreOffice with the operative numbers on the
right of their text. An English export is left as it was (no ``w:bidi``, no ``w:rtl``)."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess

import docx
import pytest

from drafting.exporters import DocxOptions, export_docx
from drafting.model import BlockKind
from drafting.numbering import (
    BlockLabel,
    abjad,
    alternative_label,
    block_labels,
    operative_label,
    provisional_label,
    subparagraph_label,
)
from drafting.ooxml import W_NS
from tests.arabic_fixture import OPERATIVE, PREAMBULAR, arabic_resolution
from tests.helpers import load
from tests.test_docx_round_trip import read_part
from tests.test_docx_schema import violations

W = f"{{{W_NS}}}"
ARABIC = re.compile("[\u0600-\u06ff]")


@pytest.fixture(scope="module")
def data() -> bytes:
    return export_docx(arabic_resolution(), DocxOptions()).data


def test_the_arabic_docx_is_schema_valid(data):
    problems, parts = violations("arabic", data)
    assert problems == []
    assert parts > 5


def test_every_paragraph_is_right_to_left_and_arabic_runs_are_rtl(data):
    styles = read_part(data, "word/styles.xml")
    assert styles.find(f"{W}docDefaults/{W}pPrDefault/{W}pPr/{W}bidi") is not None
    lang = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert lang.get(f"{W}bidi") == "ar-SA"
    title = styles.find(f"{W}style[@{W}styleId='PHTitle']/{W}rPr")
    assert title.find(f"{W}bCs") is not None
    assert title.find(f"{W}szCs").get(f"{W}val") == title.find(f"{W}sz").get(f"{W}val")
    body = read_part(data, "word/document.xml")
    arabic_runs = [r for r in body.iter(f"{W}r") if ARABIC.search("".join(r.itertext()))]
    assert len(arabic_runs) >= len(PREAMBULAR) + len(OPERATIVE)
    for run in arabic_runs:
        assert run.find(f"{W}rPr/{W}rtl") is not None
        if run.find(f"{W}rPr/{W}i") is not None:
            assert run.find(f"{W}rPr/{W}iCs") is not None
    openers = [r for r in arabic_runs if r.find(f"{W}rPr/{W}iCs") is not None]
    assert ["".join(r.itertext()) for r in openers] == [o for o, _rest in PREAMBULAR + OPERATIVE]
    latin = [r for r in body.iter(f"{W}r") if "".join(r.itertext()).strip() and r not in arabic_runs]
    assert all(r.find(f"{W}rPr/{W}rtl") is None for r in latin)  # the masthead's symbol stays LTR


def test_python_docx_reads_the_arabic_text(data):
    paragraphs = [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]
    for opener, rest in PREAMBULAR + OPERATIVE:
        assert any((opener + rest).rstrip("،") in text for text in paragraphs), opener


def test_an_english_export_has_no_right_to_left_markup():
    data = export_docx(load("ga-res-67-193-en.txt").document, DocxOptions()).data
    assert read_part(data, "word/styles.xml").find(f".//{W}bidi") is None
    assert read_part(data, "word/document.xml").find(f".//{W}rtl") is None


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")


@pytest.mark.skipif(
    not (SOFFICE and PDFTOTEXT) and not os.environ.get("CI"), reason="LibreOffice or pdftotext not installed"
)
def test_libreoffice_puts_the_operative_numbers_on_the_right(data, tmp_path):
    (tmp_path / "ar.docx").write_bytes(data)
    profile = tmp_path / "profile"
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf", "ar.docx"],
        cwd=tmp_path,
        capture_output=True,
        timeout=300,
        check=True,
    )
    boxes = subprocess.run(
        [PDFTOTEXT, "-bbox", "-f", "1", "-l", "1", "ar.pdf", "-"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    found = re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', boxes
    )
    words = [(float(x0), float(y0), float(x1), text) for x0, y0, x1, _y1, text in found]
    full_height = {
        (float(x0), float(y0)) for x0, y0, _x1, y1, _t in found if float(y1) - float(y0) > 10
    }  # body text, not a superscript marker or a footnote's number
    for number in ("1", "2"):
        # The operative number: on a line of Arabic words, right of every one of them.
        lines = [
            (x0, y0)
            for x0, y0, _x1, text in words
            if text.strip(".") == number
            and (x0, y0) in full_height
            and any(abs(y - y0) < 1 and ARABIC.search(t) for _a, y, _b, t in words)
        ]
        assert len(lines) == 1, (number, lines)
        x0, y0 = lines[0]
        line = [w for w in words if abs(w[1] - y0) < 1 and ARABIC.search(w[3])]
        assert all(x1 <= x0 for _a, _y, x1, _t in line)


def test_arabic_labels_as_arabic_un_texts_print_them():
    document = arabic_resolution()
    labels = block_labels(document)
    assert [labels[b.id].label for b in document.iter_blocks()] == [None, None, "1 -", "(أ)", "(ب)", "2 -"]
    assert [abjad(n) for n in (1, 2, 3, 4, 5, 10, 28, 29)] == ["أ", "ب", "ج", "د", "هـ", "ي", "غ", "أأ"]
    assert subparagraph_label(2, 3, "ar") == "(iii)"  # deeper degrees as in English (unverified)
    assert alternative_label(BlockLabel("5 -", "OP 5"), {}, "b-5", "ar").label == "5 alt -"
    assert provisional_label(BlockKind.OPERATIVE, 4, 1, language="ar").label == "4 bis -"
    assert operative_label(5) == "5."


def test_word_numbers_arabic_paragraphs_as_printed(data):
    numbering = read_part(data, "word/numbering.xml")
    levels = {
        (lvl.find(f"{W}numFmt").get(f"{W}val"), lvl.find(f"{W}lvlText").get(f"{W}val"))
        for lvl in numbering.iter(f"{W}lvl")
    }
    assert ("decimal", "%1 -") in levels
    assert ("arabicAbjad", "(%2)") in levels
    assert ("decimal", "%1.") not in levels
    english = read_part(
        export_docx(load("ga-res-67-193-en.txt").document, DocxOptions()).data, "word/numbering.xml"
    )
    assert {lvl.find(f"{W}lvlText").get(f"{W}val") for lvl in english.iter(f"{W}lvl")} >= {"%1.", "(%2)"}
