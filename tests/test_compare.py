"""Comparison the way negotiators read it, on revisions generated from the corpus."""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafting.compare import compare
from drafting.compare.redline import redline_document
from drafting.compare.report import comparison_html, format_comparison
from drafting.exporters import DocxOptions, export_docx
from drafting.importers.docx_import import import_docx_file
from drafting.importers.text_import import import_text
from drafting.model import NoteRef, iter_inlines, plain_text
from drafting.proposal_ops import accept_all
from tests.helpers import CORPUS, load, structure

SOURCE = (CORPUS / "ga-res-67-193-en.txt").read_text(encoding="utf-8")
LINES = SOURCE.split("\n")


def op_line(number: int) -> str:
    return next(line for line in LINES if line.startswith(f"{number}. *"))


def changes(comparison, kind=None):
    return [b for b in comparison.blocks if b.change != "unchanged" and (kind is None or b.change == kind)]


def test_identical_texts_give_no_change():
    result = compare(load("ga-res-67-193-en.txt").document, load("ga-res-67-193-en.txt").document)
    summary = result.summary()
    assert (summary["modified"], summary["inserted"], summary["deleted"], summary["moved"]) == (0, 0, 0, 0)
    assert summary["unchanged"] == 77  # 27 + 47 + OP 17's three subparagraphs


def test_one_operative_paragraph_inserted_is_no_renumbering_noise():
    new = SOURCE.replace(op_line(4), "4. *Decides* to convene a new expert group;\n\n" + op_line(4), 1)
    result = compare(import_text(SOURCE).document, import_text(new).document)
    summary = result.summary()
    assert (summary["inserted"], summary["modified"], summary["deleted"], summary["moved"]) == (1, 0, 0, 0)
    (inserted,) = changes(result)
    assert inserted.new_label == "OP 4"
    assert inserted.ops((result.old_numbers, result.new_numbers)) == [
        ["insert", "Decides to convene a new expert group;"]
    ]
    assert summary["words_inserted"] == 7
    assert summary["footnotes_changed"] == 0


def test_a_moved_paragraph_is_one_move():
    op5 = op_line(5)
    new = SOURCE.replace(op5 + "\n\n", "", 1).replace(op_line(11), op5 + "\n\n" + op_line(11), 1)
    result = compare(import_text(SOURCE).document, import_text(new).document)
    summary = result.summary()
    assert (summary["moved"], summary["deleted"], summary["inserted"], summary["modified"]) == (1, 0, 0, 0)
    (moved,) = changes(result)
    assert (moved.old_label, moved.new_label, moved.edited) == ("OP 5", "OP 10", False)
    assert summary["words_inserted"] == summary["words_deleted"] == 0


def test_a_moved_paragraph_keeps_its_own_edits():
    op5 = op_line(5)
    edited = op5.replace("bilateral, regional", "regional")
    new = SOURCE.replace(op5 + "\n\n", "", 1).replace(op_line(11), edited + "\n\n" + op_line(11), 1)
    result = compare(import_text(SOURCE).document, import_text(new).document)
    (moved,) = changes(result)
    assert (moved.change, moved.edited) == ("moved", True)
    assert [op for op in moved.ops() if op[0] != "equal"] == [["delete", "bilateral, "]]


def test_footnotes_swapped_by_moving_their_paragraphs_are_not_changed():
    # PP 7 cites footnotes 10–12, PP 8 footnote 13: swap the paragraphs, the numbers follow.
    pp7 = next(line for line in LINES if line.startswith("Welcoming the efforts made by Member States"))
    pp8 = next(line for line in LINES if line.startswith("Welcoming also the centennial"))
    new = SOURCE.replace(pp7, "\x00").replace(pp8, pp7).replace("\x00", pp8)
    old_doc, new_doc = import_text(SOURCE).document, import_text(new).document
    result = compare(old_doc, new_doc)
    assert result.summary()["footnotes_changed"] == 0
    assert [f.change for f in result.footnotes] == ["unchanged"] * 25
    assert len(changes(result, "moved")) == 1
    assert not changes(result, "modified")


def scattered_edits(count: int, seed: int) -> tuple[str, list[tuple[str, str]]]:
    """Replace ``count`` words in different operative paragraphs with other words."""
    rng = random.Random(seed)
    text = SOURCE
    edits = []
    numbers = rng.sample(range(1, 48), count)
    for number in numbers:
        line = op_line(number)
        words_ = list(re.finditer(r"(?<= )[a-z]{5,}(?= )", line))
        match = rng.choice(words_)
        replacement = match.group()[::-1]
        edited = line[: match.start()] + replacement + line[match.end() :]
        text = text.replace(line, edited, 1)
        edits.append((match.group(), replacement))
    return text, edits


def test_thirty_scattered_word_edits_are_exactly_those():
    new, edits = scattered_edits(30, seed=7)
    result = compare(import_text(SOURCE).document, import_text(new).document)
    summary = result.summary()
    assert summary["modified"] == 30
    assert (summary["inserted"], summary["deleted"], summary["moved"]) == (0, 0, 0)
    assert (summary["words_inserted"], summary["words_deleted"]) == (30, 30)
    found = []
    for change in changes(result):
        ops = [op for op in change.ops() if op[0] != "equal"]
        assert len(ops) == 2  # one word out, one word in
        found.append((ops[0][1], ops[1][1]))
    assert sorted(found) == sorted(edits)


def test_re_extracted_text_with_other_page_breaks_is_unchanged():
    # Different page breaks (a footnote block elsewhere, page numbers), non-breaking hyphens and
    # doubled spaces: nothing substantive has changed.
    new = SOURCE.replace("drug-dependent persons", "drug\u2011dependent persons")
    new = new.replace("in a timely manner", "in a  timely manner").replace(
        "Member States to", "Member\u00a0States to"
    )
    pp12 = next(line for line in LINES if line.startswith("Gravely concerned"))
    cut = pp12.index(" and that it undermines") if " and that it undermines" in pp12 else len(pp12) // 2
    new = new.replace(pp12, pp12[:cut] + "\n\n17\n\n" + pp12[cut:].lstrip(), 1)
    result = compare(import_text(SOURCE).document, import_text(new).document)
    summary = result.summary()
    assert (summary["modified"], summary["inserted"], summary["deleted"], summary["moved"]) == (0, 0, 0, 0)
    assert summary["formatting"] >= 3
    assert summary["words_inserted"] == summary["words_deleted"] == 0


def test_cica_with_its_proposal_accepted_is_one_deletion_in_area_5():
    original = load("cica-concept-paper-rev1-en-ru-kk.txt").document
    result = compare(original, accept_all(original))
    summary = result.summary()
    assert (summary["modified"], summary["inserted"], summary["deleted"], summary["moved"]) == (1, 0, 0, 0)
    (change,) = changes(result)
    assert change.new_label == "section II, item 5"
    edits = [op for op in change.ops() if op[0] != "equal"]
    # The space before the struck words goes with them: "arena;" not "arena ;".
    assert edits == [["delete", " ~~through regular intelligence sharing~~"]]
    assert summary["words_deleted"] == 4


def test_chinese_edits_are_character_level():
    source = (CORPUS / "ga-draft-central-asia-drugs-zh.txt").read_text(encoding="utf-8")
    new = source.replace("加强综合边境管理", "加强边境管理").replace(
        "积极促进无药物滥用", "积极推动无药物滥用"
    )
    result = compare(import_text(source).document, import_text(new).document)
    modified = changes(result, "modified")
    assert len(modified) == 2
    edits = [op for change in modified for op in change.ops() if op[0] != "equal"]
    assert edits == [["delete", "促进"], ["insert", "推动"], ["delete", "综合"]]


def test_difflib_style_opcodes():
    new = SOURCE.replace("effective cooperation and practical", "efficient cooperation and practical")
    (change,) = changes(compare(import_text(SOURCE).document, import_text(new).document))
    codes = change.opcodes()
    assert [c[0] for c in codes] == ["equal", "replace", "equal"]
    _, i1, i2, j1, j2 = codes[1]
    assert (i2 - i1, j2 - j1) == (1, 1)


def test_footnote_text_change_is_shown_on_the_footnote():
    new = SOURCE.replace("²² *Ibid.*, vol. 2349, No. 42146.", "²² *Ibid.*, vol. 2349, No. 42147.")
    result = compare(import_text(SOURCE).document, import_text(new).document)
    assert not changes(result)
    (note,) = [f for f in result.footnotes if f.change != "unchanged"]
    assert (note.change, note.old_number, note.new_number) == ("modified", 22, 22)


def test_masthead_changes_are_metadata():
    new = SOURCE.replace("23 April 2013", "24 April 2013")
    result = compare(import_text(SOURCE).document, import_text(new).document)
    assert [(m.field, m.old, m.new) for m in result.metadata] == [("date", "23 April 2013", "24 April 2013")]


def test_json_schema_and_terminal_and_html():
    new = SOURCE.replace(op_line(8) + "\n\n", "", 1)
    result = compare(import_text(SOURCE).document, import_text(new).document)
    data = result.to_json()
    assert set(data) == {"summary", "blocks", "footnotes", "metadata"}
    assert {
        "modified",
        "inserted",
        "deleted",
        "moved",
        "unchanged",
        "words_inserted",
        "words_deleted",
    } <= set(data["summary"])
    (block,) = data["blocks"]
    assert (block["change"], block["old_label"], block["new_label"]) == ("deleted", "OP 8", None)
    assert block["ops"][0][0] == "delete"
    text = format_comparison(result)
    assert "OP 8 (deleted):" in text
    assert "[-Urges Member States" in text
    page = comparison_html(result)
    assert page.startswith("<!DOCTYPE html>")
    assert "<del>Urges Member States" in page
    assert 'href="#c0"' in page


def redline_round_trip(old_text: str, new_text: str):
    old, new = import_text(old_text).document, import_text(new_text).document
    redline = redline_document(compare(old, new), "Rev.2 facilitator")
    data = export_docx(
        redline.document, DocxOptions(proposals="tracked"), redline.deleted_labels, redline.moves
    ).data
    back = import_docx_file(data).document
    return old, new, back, data


def test_redline_docx_accepts_to_new_and_rejects_to_old():
    op5, op8 = op_line(5), op_line(8)
    new = (
        SOURCE.replace(op5 + "\n\n", "", 1)
        .replace(op_line(11), op5 + "\n\n" + op_line(11), 1)
        .replace(op8 + "\n\n", "", 1)
        .replace(op_line(4), "4. *Decides* to do something new;\n\n" + op_line(4), 1)
        .replace("effective cooperation", "efficient cooperation", 1)
        .replace("²² *Ibid.*, vol. 2349, No. 42146.", "²² *Ibid.*, vol. 2349, No. 42147.")
        .replace("(b) Such crop control strategies include", "(b) Such crop control strategies also include")
    )
    old, new_doc, back, data = redline_round_trip(SOURCE, new)
    from drafting.proposal_ops import reject_all

    assert structure(accept_all(back)) == structure(new_doc)
    assert structure(reject_all(back)) == structure(old)
    assert {p.author for p in back.proposals.values()} == {"Rev.2 facilitator"}
    assert b'w:author="Rev.2 facilitator"' in _document_xml(data)


def _document_xml(data: bytes) -> bytes:
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read("word/document.xml")


@st.composite
def revision(draw):
    """A new revision of A/RES/67/193: word edits, inserted, deleted and moved operative paragraphs."""
    import copy

    from drafting.model import Block, BlockKind, Text

    rng = random.Random(draw(st.integers(0, 100_000)))
    document = copy.deepcopy(import_text(SOURCE).document)
    for step in range(draw(st.integers(1, 8))):
        operative = [b for b in document.blocks if b.kind is BlockKind.OPERATIVE]
        block = rng.choice(operative)
        action = rng.choice(["edit", "edit", "insert", "delete", "move"])
        if action == "edit":
            runs = [i for i, n in enumerate(block.content) if isinstance(n, Text) and len(n.text.split()) > 3]
            if runs:
                i = rng.choice(runs)
                words_ = block.content[i].text.split(" ")
                k = rng.randrange(1, len(words_))
                words_[k] = rng.choice(["all", "relevant", "new", "further"]) + " " + words_[k]
                block.content[i] = Text(" ".join(words_), block.content[i].marks)
        elif action == "insert":
            new = Block(f"b-new-{step}", BlockKind.OPERATIVE, [Text(f"Requests a report on item {step};")])
            document.blocks.insert(document.blocks.index(block) + 1, new)
        elif action == "delete" and len(operative) > 5:
            document.blocks.remove(block)
            # its footnotes go with it unless cited elsewhere, as accepting the deletion does
            cited = {
                n.footnote_id
                for b in document.iter_blocks()
                for n in iter_inlines(b.content)
                if isinstance(n, NoteRef)
            }
            document.footnotes = {k: v for k, v in document.footnotes.items() if k in cited}
        elif action == "move":
            document.blocks.remove(block)
            document.blocks.insert(rng.randrange(len(document.blocks) - 40, len(document.blocks)), block)
    return document


def redline_round_trip_documents(old, new):
    redline = redline_document(compare(old, new), "Rev.2 facilitator")
    data = export_docx(
        redline.document, DocxOptions(proposals="tracked"), redline.deleted_labels, redline.moves
    ).data
    return import_docx_file(data).document


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(revision())
def test_redline_round_trip_on_generated_revisions(new):
    from drafting.proposal_ops import reject_all

    old = import_text(SOURCE).document
    back = redline_round_trip_documents(old, new)
    assert structure(accept_all(back)) == structure(new)
    assert structure(reject_all(back)) == structure(old)


def test_compare_cli(tmp_path):
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    new = tmp_path / "rev2.txt"
    new.write_text(SOURCE.replace("effective cooperation", "efficient cooperation", 1), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(root)}
    run = subprocess.run(
        [sys.executable, "-m", "app", "compare", str(CORPUS / "ga-res-67-193-en.txt"), str(new), "--json"],
        capture_output=True,
        text=True,
        env=env,
        cwd=root,
    )
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["summary"]["modified"] == 1
    for suffix in ("html", "docx"):
        out = tmp_path / f"redline.{suffix}"
        run = subprocess.run(
            [
                sys.executable,
                "-m",
                "app",
                "compare",
                str(CORPUS / "ga-res-67-193-en.txt"),
                str(new),
                "-o",
                str(out),
                "--author",
                "Mexico",
            ],
            capture_output=True,
            text=True,
            env=env,
            cwd=root,
        )
        assert run.returncode == 0, run.stderr
        assert out.stat().st_size > 1000
    op3 = import_docx_file(out.read_bytes()).document.operative[2].content
    assert "efficient cooperation" in plain_text(op3, proposals="accepted")
    assert "effective cooperation" in plain_text(op3)


@pytest.mark.parametrize(
    "name", ["ga-res-62-172-en.txt", "ga-draft-central-asia-drugs-zh.txt", "sco-un-event-2017-en.txt"]
)
def test_every_corpus_text_compares_clean_with_itself(name):
    summary = compare(load(name).document, load(name).document).summary()
    assert summary["unchanged"] > 0
    assert summary["modified"] == summary["inserted"] == summary["deleted"] == summary["moved"] == 0


def test_a_split_paragraph_is_a_modification_and_an_insertion():
    op7 = op_line(7)  # "Notes with great concern …, and reaffirms …": split it at ", and reaffirms"
    head, _, tail = op7.partition(", and reaffirms the commitment")
    split = head + ";\n\n8. *Reaffirms* the commitment" + tail
    result = compare(import_text(SOURCE).document, import_text(SOURCE.replace(op7, split, 1)).document)
    summary = result.summary()
    assert (summary["modified"], summary["inserted"], summary["deleted"], summary["moved"]) == (1, 1, 0, 0)
    (modified,) = changes(result, "modified")
    (inserted,) = changes(result, "inserted")
    # the old paragraph pairs with the half it resembles more; the other half is the insertion,
    # and what left the paired paragraph is exactly what the inserted one holds
    assert {modified.new_label, inserted.new_label} == {"OP 7", "OP 8"}

    def words_of(text: str) -> set[str]:
        return set(re.findall(r"[a-z]{4,}", text.lower()))

    deleted = words_of("".join(text for op, text in modified.ops() if op == "delete"))
    kept = words_of(
        "".join(text for op, text in modified.ops() if op == "insert")
    )  # "reaffirms" → "Reaffirms"
    assert deleted - kept <= words_of(inserted.ops()[0][1])


# --- typography is never substantive ----------------------------------------------------------

OP36 = op_line(36)
OP6 = op_line(6)


def _one_change(new_text: str):
    result = compare(import_text(SOURCE).document, import_text(new_text).document)
    return result, [b for b in result.blocks if b.change != "unchanged"]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("non-discriminatory", "non\u2011discriminatory"),  # non-breaking hyphen
        ("non-discriminatory", "non\u2010discriminatory"),  # Unicode hyphen
        ("non-discriminatory", "non- discriminatory"),  # stray space after the hyphen (PDF text)
        ("non-discriminatory", "non-\ndiscriminatory"),  # a line break left inside the word
        ("non-discriminatory", "non\u2011 discriminatory"),
    ],
)
def test_a_hyphen_written_differently_is_typographic(old, new):
    result, changed = _one_change(SOURCE.replace(OP6, OP6.replace(old, new), 1))
    assert [(c.change, c.new_label) for c in changed] == [("formatting", "OP 6")]
    summary = result.summary()
    assert (summary["substantive"], summary["formatting"]) == (0, 1)
    assert summary["words_inserted"] == summary["words_deleted"] == 0


def test_curly_and_straight_quotes_are_typographic():
    new = SOURCE.replace(OP36, OP36.replace("“Heart of Asia”", '"Heart of Asia"'), 1)
    result, changed = _one_change(new)
    assert [(c.change, c.new_label) for c in changed] == [("formatting", "OP 36")]
    assert result.summary()["substantive"] == 0


def test_a_spaced_range_dash_is_typographic_but_a_spaced_dash_between_words_is_not_touched():
    old = SOURCE.replace(OP6, OP6.replace("a non-discriminatory basis", "a 2015–2030 basis"), 1)
    spaced = old.replace("2015–2030", "2015– 2030")
    result = compare(import_text(old).document, import_text(spaced).document)
    assert [b.change for b in result.blocks if b.change != "unchanged"] == ["formatting"]
    # "a – b" (a parenthetical dash) and "a –b" are different texts
    other = old.replace("2015–2030", "2015 – 2030")
    result = compare(import_text(old).document, import_text(other).document)
    assert [b.change for b in result.blocks if b.change != "unchanged"] == ["modified"]


def test_typographic_differences_inside_a_modified_paragraph_are_not_word_changes():
    edited = OP36.replace("“Heart of Asia”", '"Heart of Asia"').replace("fifty-fifth", "fifty\u2011 fifth")
    edited = edited.replace("Narcotic Drugs", "Narcotic\u00a0Drugs")
    edited = edited.replace("concerted measures", "urgent measures")
    result, changed = _one_change(SOURCE.replace(OP36, edited, 1))
    assert [(c.change, c.new_label) for c in changed] == [("modified", "OP 36")]
    edits = [op for op in changed[0].ops() if op[0] != "equal"]
    assert edits == [["delete", "concerted"], ["insert", "urgent"]]
    summary = result.summary()
    assert (summary["words_deleted"], summary["words_inserted"]) == (1, 1)
    assert (summary["substantive"], summary["modified"], summary["formatting"]) == (1, 1, 0)


def test_a_changed_word_next_to_a_hyphen_is_still_a_change():
    new = SOURCE.replace(OP6, OP6.replace("non-discriminatory", "discriminatory"), 1)
    _, changed = _one_change(new)
    assert [c.change for c in changed] == ["modified"]
    new = SOURCE.replace(OP6, OP6.replace("non-discriminatory", "non-discretionary"), 1)
    _, changed = _one_change(new)
    assert [c.change for c in changed] == ["modified"]


def test_front_matter_is_metadata_not_a_changed_paragraph():
    from drafting.model import Block, BlockKind, Text

    old = import_text(SOURCE).document
    new = import_text(SOURCE).document
    old.front = [Block("f1", BlockKind.PARAGRAPH, [Text("12-34567 (E)")])]
    new.front = [
        Block("f2", BlockKind.PARAGRAPH, [Text("13-99999 (E)")]),
        Block("f3", BlockKind.PARAGRAPH, [Text("Mexico: draft resolution")]),
    ]
    result = compare(old, new)
    assert all(b.change == "unchanged" for b in result.blocks)
    summary = result.summary()
    assert (summary["substantive"], summary["metadata_changed"]) == (0, 1)
    (front,) = [m for m in result.metadata if m.field == "front"]
    assert (front.old, front.new) == ("12-34567 (E)", "13-99999 (E)\nMexico: draft resolution")
    text = format_comparison(result)
    assert text.startswith("0 substantive paragraph changes")
    assert "front matter" in text
    assert "front 1" not in text
    # typography alone in the front matter is no change at all
    new.front = [Block("f4", BlockKind.PARAGRAPH, [Text("12\u201134567\u00a0(E)")])]
    assert compare(old, new).metadata == []


def test_the_summary_line_counts_substantive_and_typographic_changes_apart():
    new = SOURCE.replace(OP6, OP6.replace("non-discriminatory", "non\u2011discriminatory"), 1)
    new = new.replace("concerted measures", "urgent measures", 1)
    result = compare(import_text(SOURCE).document, import_text(new).document)
    first = format_comparison(result).splitlines()[0]
    assert first.startswith("1 substantive paragraph changes (1 modified, 0 inserted, 0 deleted, 0 moved),")
    assert "1 typographic only" in first
    assert format_comparison(result, include_formatting=True).count("(typographic only):") == 1


def test_every_tracked_change_in_a_redline_is_dated():
    """Issue 12, point 4: without w:date LibreOffice shows 1970-01-01 in Manage Changes."""
    import re

    old = import_text(SOURCE).document
    new_text = SOURCE.replace(op_line(5) + "\n\n", "", 1).replace(
        op_line(11), op_line(5) + "\n\n" + op_line(11), 1
    )
    new = import_text(new_text.replace("effective cooperation", "efficient cooperation", 1)).document
    redline = redline_document(compare(old, new), "Rev.2 facilitator", "2026-11-23T10:00:00Z")
    body = _document_xml(
        export_docx(
            redline.document, DocxOptions(proposals="tracked"), redline.deleted_labels, redline.moves
        ).data
    )
    changes = re.findall(rb"<w:(?:ins|del|moveFrom|moveTo|moveFromRangeStart|moveToRangeStart) [^>]*>", body)
    assert len(changes) >= 4
    assert b"<w:moveFrom " in body  # the moved OP 5 is a Word move
    assert b"<w:moveTo " in body
    assert all(b'w:date="2026-11-23T10:00:00Z"' in change for change in changes)


def test_tracked_export_dates_changes_with_the_timestamp_when_proposals_have_none():
    import re

    from drafting.model import Proposal, ProposalKind, ProposalSpan, Text

    document = import_text(SOURCE).document
    block = document.operative[0]
    document.proposals["p"] = Proposal("p", ProposalKind.INSERT, author="Norway")
    block.content = [*block.content, ProposalSpan("p", [], [Text(" now")])]
    options = DocxOptions(proposals="tracked", timestamp="2026-11-23T10:00:00Z")
    body = _document_xml(export_docx(document, options).data)
    assert re.search(rb'<w:ins w:id="\d+" w:author="Norway" w:date="2026-11-23T10:00:00Z">', body)


def test_a_soft_hyphen_is_typographic_also_beside_a_word_edit():
    """A soft hyphen (pasted from Word) is invisible: a paragraph that gains one is typographic
    only, and one that also changes a word shows just that word (the tokeniser once failed on
    a soft hyphen standing alone)."""
    hyphenated = OP6.replace("non-discriminatory", "non-discrimi\u00adnatory")
    _, changed = _one_change(SOURCE.replace(OP6, hyphenated, 1))
    assert [(c.change, c.new_label) for c in changed] == [("formatting", "OP 6")]
    edited = hyphenated.replace(" basis", " footing", 1)
    _, changed = _one_change(SOURCE.replace(OP6, edited, 1))
    assert [(c.change, c.new_label) for c in changed] == [("modified", "OP 6")]
    assert [op for op in changed[0].ops() if op[0] != "equal"] == [["delete", "basis"], ["insert", "footing"]]
