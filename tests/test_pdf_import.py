"""PDF import: the UN's own PDFs, PDFs LibreOffice prints from Penholder's DOCX, hostile files.

The official PDFs are in ``shared/corpus/pdf`` (README there); the round trip needs LibreOffice,
which is skipped on a developer machine without it but required under CI.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from drafting.errors import ImportFailed
from drafting.exporters import export_docx
from drafting.importers import load_document, pdf_import
from drafting.importers.docx_import import import_docx_file
from drafting.importers.pdf_import import import_pdf_file
from drafting.model import BlockKind, Mark, NoteRef, Text, plain_text
from drafting.numbering import block_labels, footnote_numbers
from tests.helpers import references, shared_corpus

ROOT = Path(__file__).resolve().parent.parent
PDFS = shared_corpus() / "pdf"
needs_pdfs = pytest.mark.skipif(not PDFS.is_dir(), reason="shared/corpus/pdf is not beside the repository")
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

# Page furniture of the two official PDFs: symbol, job number, "n/m" page number, barcode.
FURNITURE_73_8 = re.compile(r"A/RES/73/8|18-18418|(?<![\d/])2/2(?![\d/])|\*1818418\*")
FURNITURE_73_3 = re.compile(r"A/RES/73/3|18-16895|(?<![\d/])(?:[1-9]|10)/10(?![\d/])|\*1816895\*")


def footnote_texts(document) -> dict[int, str]:
    numbers = footnote_numbers(document)
    return {numbers[f.id]: plain_text(f.content) for f in document.footnotes.values()}


def body_texts(document) -> list[str]:
    return [plain_text(b.content) for b in document.iter_blocks()]


def counts(document) -> Counter:
    return Counter(b.kind for b in document.iter_blocks())


# --- the official PDFs -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def res_73_8():
    return load_document(PDFS / "A_RES_73_8-EN.pdf")


@pytest.fixture(scope="module")
def res_73_3():
    return load_document(PDFS / "A_RES_73_3-EN.pdf")


@needs_pdfs
class TestResolution738:
    @pytest.fixture
    def result(self, res_73_8):
        return res_73_8

    def test_structure(self, result):
        doc = result.document
        kinds = counts(doc)
        assert (kinds[BlockKind.PREAMBULAR], kinds[BlockKind.OPERATIVE], len(doc.footnotes)) == (8, 5, 1)
        assert doc.masthead.symbol == "A/RES/73/8"
        assert doc.masthead.title.startswith("Necessity of ending the economic, commercial and financial")
        assert doc.masthead.title.endswith("against Cuba")
        assert doc.masthead.adoption_meeting == "30th plenary meeting"

    def test_footnote_text_and_marker(self, result):
        doc = result.document
        assert footnote_texts(doc) == {1: "A/73/85."}
        (footnote_id,) = doc.footnotes
        assert references(doc, footnote_id) == 1
        op1 = next(b for b in doc.blocks if b.kind is BlockKind.OPERATIVE)
        assert plain_text(op1.content).endswith("resolution 72/4;")
        assert isinstance(op1.content[-1], NoteRef)
        assert not result.report.warnings

    def test_no_page_furniture_in_paragraphs(self, result):
        for text in body_texts(result.document):
            assert not FURNITURE_73_8.search(text), text

    def test_the_running_header_is_reported(self, result):
        dropped = " | ".join(d.text for d in result.report.discarded)
        assert "18-18418" in dropped
        assert "2/2" in dropped

    def test_opening_phrases_are_italic(self, result):
        doc = result.document
        paragraphs = [b for b in doc.blocks if b.kind in (BlockKind.PREAMBULAR, BlockKind.OPERATIVE)]
        openers = []
        for block in paragraphs:
            first = next(n for n in block.content if isinstance(n, Text))
            assert Mark.ITALIC in first.marks, plain_text(block.content)[:60]
            openers.append(first.text)
        assert openers[:3] == ["Determined", "Reaffirming", "Recalling"]
        assert "Reiterates its call upon" in openers
        # The rest of a paragraph is roman.
        assert all(
            Mark.ITALIC not in n.marks
            for n in paragraphs[0].content[1:]
            if isinstance(n, Text) and "enshrined" in n.text
        )

    def test_a_paragraph_cut_by_the_page_break_is_rejoined(self, result):
        texts = body_texts(result.document)
        assert any("57/11 of 12 November 2002, 58/7 of 4 November 2003" in t for t in texts)


@needs_pdfs
class TestResolution733:
    @pytest.fixture
    def result(self, res_73_3):
        return res_73_3

    def test_seven_footnotes_with_their_first_words(self, result):
        texts = footnote_texts(result.document)
        assert sorted(texts) == list(range(1, 8))
        starts = {n: " ".join(t.split()[:3]) for n, t in texts.items()}
        assert starts == {
            1: "Resolution 70/1.",
            2: "Resolution 69/313, annex.",
            3: "See World Health",
            4: "See Official Records",
            5: "See World Health",
            6: "See resolution 55/2.",
            7: "See World Health",
        }
        assert texts[4].endswith("(A/71/53/Add.1 and A/71/53/Add.1/Corr.1), chap. II.")

    def test_every_footnote_is_referenced(self, result):
        doc = result.document
        for footnote_id in doc.footnotes:
            assert references(doc, footnote_id) >= 1
        assert not [w for w in result.report.warnings if "footnote" in w]

    def test_no_footnote_or_furniture_text_in_paragraphs(self, result):
        notes = [t for t in footnote_texts(result.document).values() if len(t) > 12]
        for text in body_texts(result.document):
            assert not FURNITURE_73_3.search(text), text
            assert (
                "Political declaration of the high-level meeting of the General Assembly on the fight"
                not in text
            )
            for note in notes:
                assert note not in text

    def test_footnote_markers_sit_where_the_pdf_raised_them(self, result):
        doc = result.document
        numbers = footnote_numbers(doc)
        first = next(b for b in doc.iter_blocks() if "Reaffirm the 2030 Agenda" in plain_text(b.content))
        refs = [numbers[n.footnote_id] for n in first.content if isinstance(n, NoteRef)]
        assert refs == [1, 2]
        before = plain_text(first.content).split("including the resolve")[0]
        assert before.endswith("Sustainable Development, ")

    def test_hyphenated_words_at_line_ends_keep_their_hyphen(self, result):
        text = " ".join(body_texts(result.document))
        assert "tuberculosis-associated deaths" in text
        assert "drug-resistant forms" in text
        assert "high-level meeting in 2023" in text

    def test_one_unnumbered_operative_paragraph_then_the_declaration(self, result):
        kinds = counts(result.document)
        assert (kinds[BlockKind.PREAMBULAR], kinds[BlockKind.OPERATIVE]) == (0, 1)
        items = [b for b in result.document.blocks if b.kind is BlockKind.LIST_ITEM]
        labels = block_labels(result.document)
        assert len(items) >= 50
        assert [labels[b.id].label for b in items[:3]] == ["1.", "2.", "3."]
        assert labels[items[-1].id].label == f"{len(items)}."  # numbered straight through


# --- round trip through LibreOffice ----------------------------------------------------------


def _sources() -> list[Path]:
    corpus = shared_corpus()
    return sorted(corpus.glob("*.txt")) + sorted((corpus / "real-ga80" / "texts").glob("*"))


def _signature(document) -> tuple:
    kinds = counts(document)
    notes = sorted((n, " ".join(t.split())) for n, t in footnote_texts(document).items())
    return (
        kinds[BlockKind.PREAMBULAR],
        kinds[BlockKind.OPERATIVE],
        kinds[BlockKind.SUBPARAGRAPH],
        len(document.footnotes),
        notes,
    )


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """Every seed text and real GA80 text exported to DOCX and printed to PDF by LibreOffice."""
    if not SOFFICE:
        if os.environ.get("CI"):
            raise RuntimeError("LibreOffice is required under CI (see .ci/run)")
        pytest.skip("LibreOffice (soffice) is not installed: cannot print DOCX to PDF")
    sources = _sources()
    if not sources:
        pytest.skip("shared/corpus is not beside the repository")
    work = tmp_path_factory.mktemp("pdf-round-trip")
    stems = []
    for source in sources:
        stem = source.name.replace(".", "_")
        document = load_document(source).document
        (work / f"{stem}.docx").write_bytes(export_docx(document).data)
        stems.append(stem)
    command = [
        SOFFICE,
        f"-env:UserInstallation=file://{work / 'lo-profile'}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        "pdf",
        *[f"{stem}.docx" for stem in stems],
    ]
    run = subprocess.run(command, cwd=work, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    return work, stems


def test_round_trip_through_libreoffice_pdf(printed):
    """Importing the PDF gives the structure importing the DOCX gives: every text."""
    work, stems = printed
    failures = []
    for stem in stems:
        from_docx = import_docx_file((work / f"{stem}.docx").read_bytes(), f"{stem}.docx").document
        from_pdf = import_pdf_file((work / "pdf" / f"{stem}.pdf").read_bytes(), f"{stem}.pdf").document
        expected, got = _signature(from_docx), _signature(from_pdf)
        if expected != got:
            failures.append(f"{stem}: DOCX {expected[:4]} PDF {got[:4]}")
    assert len(stems) >= 5
    assert not failures, f"{len(failures)}/{len(stems)} differ:\n" + "\n".join(failures)


# --- hostile and absurd inputs ---------------------------------------------------------------


def _image_only_pdf() -> bytes:
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    pdf = pdfium.PdfDocument.new()
    page = pdf.new_page(595, 842)
    image = pdfium.PdfImage.new(pdf)
    bitmap = pdfium.PdfBitmap.new_native(40, 40, raw.FPDFBitmap_BGR)
    bitmap.fill_rect((200, 100, 50, 255), 0, 0, 40, 40)
    image.set_bitmap(bitmap)
    image.set_matrix(pdfium.PdfMatrix().scale(400, 400).translate(100, 200))
    page.insert_obj(image)
    page.gen_content()
    buffer = io.BytesIO()
    pdf.save(buffer)
    return buffer.getvalue()


def _encrypted_pdf() -> bytes:
    """A PDF under the standard security handler whose user password is not empty."""
    body = (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
        b"4 0 obj<</Filter/Standard/V 1/R 2/O<" + b"11" * 32 + b">/U<" + b"22" * 32 + b">/P -44>>endobj\n"
    )
    file_id = b"<00112233445566778899aabbccddeeff>"
    return (
        body
        + b"trailer<</Size 5/Root 1 0 R/Encrypt 4 0 R/ID["
        + file_id
        + file_id
        + b"]>>\n"
        + b"startxref\n"
        + str(len(body)).encode()
        + b"\n%%EOF\n"
    )


def _pages_pdf(count: int) -> bytes:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument.new()
    for _ in range(count):
        pdf.new_page(100, 100)
    buffer = io.BytesIO()
    pdf.save(buffer)
    return buffer.getvalue()


def _truncated() -> bytes:
    data = (PDFS / "A_RES_73_8-EN.pdf").read_bytes() if PDFS.is_dir() else _image_only_pdf()
    return data[: len(data) // 2]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (_encrypted_pdf, "encrypted with a password"),
        (_truncated, "damaged or truncated"),
        (lambda: os.urandom(4096).replace(b"%PDF", b"%PDX"), "not a PDF file"),
        (lambda: b"", "the file is empty"),
        (_image_only_pdf, "this PDF has no text layer"),
        (lambda: _pages_pdf(1), "this PDF has no text layer"),
    ],
    ids=["encrypted", "truncated", "random-bytes", "empty", "image-only", "blank-page"],
)
def test_hostile_pdfs_fail_with_one_line(tmp_path, make, message):
    path = tmp_path / "hostile.pdf"
    path.write_bytes(make())
    with pytest.raises(ImportFailed) as caught:
        load_document(path)
    text = str(caught.value)
    assert message in text
    assert "\n" not in text
    assert text.startswith(str(path))


def test_a_page_cap_refuses_absurd_documents(monkeypatch):
    data = _pages_pdf(MAX := pdf_import.MAX_PAGES + 1)
    with pytest.raises(ImportFailed, match=f"has {MAX:,} pages; Penholder reads at most"):
        import_pdf_file(data, "huge.pdf")
    monkeypatch.setattr(pdf_import, "MAX_BYTES", 100)
    with pytest.raises(ImportFailed, match="Penholder reads PDFs up to"):
        import_pdf_file(_pages_pdf(3), "big.pdf")


# --- the command line ------------------------------------------------------------------------


@needs_pdfs
def test_cli_outline_of_a_pdf():
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"}
    run = subprocess.run(
        [sys.executable, "-m", "app", "outline", str(PDFS / "A_RES_73_8-EN.pdf"), "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
    )
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert data["symbol"] == "A/RES/73/8"
    assert data["counts"]["preambular"] == 8
    assert data["counts"]["operative"] == 5
    assert data["counts"]["footnotes"] == 1


def test_cli_refuses_a_damaged_pdf_in_one_line(tmp_path):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.7\n1 0 obj garbage")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"}
    run = subprocess.run(
        [sys.executable, "-m", "app", "outline", str(bad)], cwd=ROOT, capture_output=True, text=True, env=env
    )
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    assert run.stderr.strip().count("\n") == 0
    assert "damaged" in run.stderr
