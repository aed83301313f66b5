"""The real texts in the corpus import with the structure a UN editor sees in them."""

from __future__ import annotations

import pytest

from drafting.model import (
    BlockKind,
    DocumentKind,
    Mark,
    NoteRef,
    ProposalKind,
    ProposalSpan,
    Text,
    plain_text,
)
from drafting.numbering import block_labels, footnote_numbers
from tests.helpers import (
    CORPUS,
    CORPUS_FILES,
    block_texts,
    load,
    lost_words,
    references,
    unaccounted_lines,
)


def footnote_texts(document) -> dict[int, str]:
    numbers = footnote_numbers(document)
    return {numbers[f.id]: plain_text(f.content) for f in document.footnotes.values()}


def refs_in(block) -> list[int]:
    return [n.footnote_id for n in block.content if isinstance(n, NoteRef)]


class TestResolution67193:
    @pytest.fixture
    def result(self):
        return load("ga-res-67-193-en.txt")

    def test_kind_symbol_and_masthead(self, result):
        doc = result.document
        assert doc.kind is DocumentKind.RESOLUTION
        assert doc.language == "en"
        head = doc.masthead
        assert head.symbol == "A/RES/67/193"
        assert head.title == "International cooperation against the world drug problem"
        assert head.organ == "General Assembly"
        assert head.distribution == "General"
        assert head.date == "23 April 2013"
        assert head.session == "Sixty-seventh session"
        assert head.agenda_item == "104"
        assert head.adoption_heading == "Resolution adopted by the General Assembly on 20 December 2012"
        assert head.provenance == "[on the report of the Third Committee (A/67/459)]"
        assert head.organ_line == "The General Assembly,"
        assert (head.adoption_meeting, head.adoption_date) == ("60th plenary meeting", "20 December 2012")
        assert any("A/RES/67/193" in note and "title number" in note for note in result.report.notes)

    def test_paragraph_counts(self, result):
        doc = result.document
        assert len(doc.preambular) == 27
        assert len(doc.operative) == 47
        assert [b.kind for b in doc.blocks] == [BlockKind.PREAMBULAR] * 27 + [BlockKind.OPERATIVE] * 47
        assert doc.front == []

    def test_op17_has_subparagraphs_a_to_c(self, result):
        doc = result.document
        labels = block_labels(doc)
        op17 = doc.operative[16]
        assert plain_text(op17.content) == "Recognizes that:"
        assert [labels[c.id].label for c in op17.children] == ["(a)", "(b)", "(c)"]
        assert [labels[c.id].reference for c in op17.children][2] == "OP 17 (c)"
        assert plain_text(op17.children[1].content).startswith("Such crop control strategies include")
        # the 1988 Convention footnote (12) is re-cited in (c)
        assert footnote_numbers(doc)[refs_in(op17.children[2])[0]] == 12

    def test_all_25_footnotes_with_their_texts(self, result):
        texts = footnote_texts(result.document)
        assert sorted(texts) == list(range(1, 26))
        assert texts[1] == "Resolution S-20/2, annex."
        assert texts[3] == "Resolution S-20/4 E."
        assert texts[5] == (
            "See Official Records of the Economic and Social Council, 2003, Supplement No. 8"
            " (E/2003/28/Rev.1), chap. I, sect. C."
        )
        assert texts[6] == "Ibid., 2009, Supplement No. 8 (E/2009/28), chap. I, sect. C."
        assert texts[10] == "United Nations, Treaty Series, vol. 976, No. 14152."
        assert texts[11] == "Ibid., vol. 1019, No. 14956."
        assert texts[13] == "League of Nations, Treaty Series, vol. VIII, No. 222."
        assert texts[15] == "Ibid., 2010, Supplement No. 8 (E/2010/28), chap. I, sect. C."
        assert texts[17] == "Resolutions S-20/4 A–E."
        assert texts[20].startswith(
            "See Official Records of the Economic and Social Council, 2011, Supplement No. 8A"
        )
        assert texts[21] == "United Nations, Treaty Series, vols. 2225, 2237, 2241 and 2326, No. 39574."
        assert texts[25] == "A/67/157."

    def test_footnote_italics_survive(self, result):
        doc = result.document
        by_number = {footnote_numbers(doc)[f.id]: f for f in doc.footnotes.values()}
        italic = "".join(
            n.text for n in by_number[10].content if isinstance(n, Text) and Mark.ITALIC in n.marks
        )
        assert italic == "Treaty Series"

    def test_every_marker_bound_and_reused_markers_share_a_footnote(self, result):
        doc = result.document
        numbers = footnote_numbers(doc)
        by_number = {n: fid for fid, n in numbers.items()}
        assert result.report.warnings == []
        assert all(references(doc, fid) >= 1 for fid in doc.footnotes)
        # fn 15 (CND 2010 report) is re-cited for each 53rd-session resolution: five markers
        assert references(doc, by_number[15]) == 5
        # fn 10 (Single Convention) carries a marker at its first preambular and first
        # operative mention only (older re-use regime, conventions §3.2): PP 7 and OP 28
        assert references(doc, by_number[10]) == 2
        assert by_number[10] in refs_in(doc.preambular[6])
        assert by_number[10] in refs_in(doc.operative[27])
        assert references(doc, by_number[14]) == 4
        assert references(doc, by_number[16]) == 5

    def test_paragraph_split_by_footnote_block_is_rejoined(self, result):
        pp4 = result.document.preambular[3]
        text = plain_text(pp4.content)
        assert text.startswith("Recalling also the United Nations Millennium Declaration,")
        assert "the Political Declaration on HIV/AIDS and other relevant United Nations resolutions" in text
        assert text.endswith("smuggling of precursors,")
        numbers = footnote_numbers(result.document)
        assert [numbers[f] for f in refs_in(pp4)] == [7, 8, 9]

    def test_other_page_breaks_rejoined(self, result):
        ops = block_texts(result.document.operative)
        assert "Programme on HIV/AIDS, and requests the Office" in " ".join(ops[6].split())
        assert "law enforcement and judicial authorities in responding" in ops[20]
        assert "following the high-level review of the progress made" in ops[43]
        assert "international drug control and as the governing body" in ops[32]
        assert "the Universal Declaration of Human Rights and the Vienna Declaration" in ops[1]

    def test_opening_phrases_italic(self, result):
        doc = result.document

        def opener(block):
            first = block.content[0]
            return first.text if isinstance(first, Text) and Mark.ITALIC in first.marks else None

        assert opener(doc.operative[0]) == "Reiterates its call upon"
        assert opener(doc.operative[44]) == "Also decides"
        assert opener(doc.preambular[1]) == "Reaffirming also"
        assert opener(doc.preambular[16]) == "Noting with grave concern also"
        assert opener(doc.preambular[23]) == "Reaffirming equally"


class TestResolution62172:
    @pytest.fixture
    def result(self):
        return load("ga-res-62-172-en.txt")

    def test_structure(self, result):
        doc = result.document
        assert doc.kind is DocumentKind.RESOLUTION
        assert doc.masthead.symbol == "A/RES/62/172"
        assert doc.masthead.title.startswith("Technical assistance for implementing")
        assert len(doc.preambular) == 12
        assert len(doc.operative) == 10
        assert doc.masthead.adoption_meeting == "77th plenary meeting"
        assert doc.masthead.adoption_date == "18 December 2007"
        # the flattened masthead after the text is read, not left as a paragraph
        assert doc.masthead.session == "Sixty-second session"
        assert doc.masthead.agenda_item == "106"
        assert doc.masthead.date == "20 March 2008"

    def test_plain_digit_markers_bound(self, result):
        doc = result.document
        texts = footnote_texts(doc)
        assert texts == {
            1: "Resolution 60/288.",
            2: "See Economic and Social Council resolutions 2007/12 and 2007/19.",
        }
        numbers = footnote_numbers(doc)
        op7, op8 = doc.operative[6], doc.operative[7]
        assert plain_text(op7.content).endswith("Global Counter-Terrorism Strategy;")
        assert [numbers[f] for f in refs_in(op7)] == [1]
        assert plain_text(op8.content).endswith("Office on Drugs and Crime;")
        assert [numbers[f] for f in refs_in(op8)] == [2]
        assert "2008-2011" in plain_text(op8.content)  # the year range is text, not a marker

    def test_furniture_only_in_report(self, result):
        report = result.report
        reasons = {(d.line, d.reason) for d in report.discarded}
        assert (1, "Word comment anchor") in reasons
        assert (36, "Word comment anchor") in reasons
        assert any(d.text.startswith("<<ODS JOB NO>>") and d.line == 36 for d in report.discarded)
        assert any(d.text.startswith("<<ODS DOC SYMBOL1>>") for d in report.discarded)
        assert (56, "job number") in reasons
        from drafting.exporters.text_export import export_text

        exported = export_text(result.document)
        assert "ODS" not in exported
        assert "[DU1]" not in exported
        assert "07-47409" not in exported

    def test_operative_openers_marked_italic_from_phrase_list(self, result):
        first = result.document.operative[6].content[0]
        assert isinstance(first, Text)
        assert first.text == "Expresses its appreciation"
        assert Mark.ITALIC in first.marks


class TestChineseDraft:
    @pytest.fixture
    def result(self):
        return load("ga-draft-central-asia-drugs-zh.txt")

    def test_structure(self, result):
        doc = result.document
        head = doc.masthead
        assert doc.kind is DocumentKind.DRAFT_RESOLUTION
        assert doc.language == "zh"
        assert head.sponsors == ["哈萨克斯坦", "吉尔吉斯斯坦", "塔吉克斯坦", "土库曼斯坦", "乌兹别克斯坦"]
        assert head.designation == "决议草案"
        assert head.sponsors_note == "提案国名单如有任何变化，将在会议正式记录中予以反映。"
        assert head.title == "中亚同心协力，有效处理和应对毒品相关挑战"
        assert head.session == "第七十八届会议"
        assert head.agenda_item == "64"
        assert head.agenda_title == "中亚和平、信任与合作区"
        assert head.organ_line == "大会，"
        assert len(doc.preambular) == 22
        assert len(doc.operative) == 15

    def test_nine_footnotes(self, result):
        texts = footnote_texts(result.document)
        assert sorted(texts) == list(range(1, 10))
        assert texts[1] == "联合国，《条约汇编》，第 976 卷，第 14152 号。"
        assert texts[2] == "同上，第 1019 卷，第 14956 号。"
        assert texts[5] == "同上，《2014 年，补编第 8 号》(E/2014/28)，第一章，C 节。"
        assert texts[9] == "第 70/1 号决议。"
        assert result.report.warnings == []

    def test_title_in_guillemets_survives_the_page_break(self, result):
        pp4 = result.document.preambular[3]
        text = plain_text(pp4.content)
        assert "麻醉药品委员会关于会员国执行《政治宣言和行动计划划》 情况的 2014 年高级别审查" in text
        assert text.count("《") == text.count("》")
        numbers = footnote_numbers(result.document)
        assert [numbers[f] for f in refs_in(pp4)] == [4, 5, 6, 7]

    def test_bold_operative_verbs_are_formatting_not_proposals(self, result):
        doc = result.document
        assert doc.proposals == {}
        first = doc.operative[1].content[0]
        assert first.text == "又承认"
        assert Mark.BOLD in first.marks

    def test_preamble_ends_as_printed(self, result):
        # three preambular paragraphs end with "；" in the source; the importer keeps that
        ends = [plain_text(b.content)[-1] for b in result.document.preambular]
        assert ends.count("；") == 3


class TestCicaConceptPaper:
    @pytest.fixture
    def result(self):
        return load("cica-concept-paper-rev1-en-ru-kk.txt")

    def test_structure(self, result):
        doc = result.document
        assert doc.kind is DocumentKind.CONCEPT_PAPER
        assert doc.masthead.title.startswith(
            "Draft Concept paper on cooperation among the CICA Member States"
        )
        headings = [b for b in doc.blocks if b.kind is BlockKind.HEADING]
        assert block_texts(headings) == [
            "Background",
            "Areas and Forms of Cooperation",
            "Confidentiality of information and documents",
            "Meetings",
            "National Drug Control Focal Points",
            "Implementation",
        ]
        labels = block_labels(doc)
        assert [labels[h.id].label for h in headings] == ["I.", "II.", "III.", "IV.", "V.", "VI."]

    def test_numbered_items(self, result):
        doc = result.document
        sections: list[list] = []
        for block in doc.blocks:
            if block.kind is BlockKind.HEADING:
                sections.append([])
            elif block.kind is BlockKind.LIST_ITEM:
                sections[-1].append(block)
        assert [len(s) for s in sections] == [11, 18, 0, 0, 0, 0]
        assert plain_text(sections[0][7].content).endswith("countries security and stability.")
        assert plain_text(sections[1][17].content).startswith("Encouraging member states to enhance")

    def test_cover_note_kept_in_three_languages(self, result):
        front = " ".join(block_texts(result.document.front))
        assert "presents its compliments to the CICA Member States" in front
        assert "свидетельствует свое уважение государствам-членам СВМДА" in front
        assert "Хатшылық осы мүмкіндікті пайдалана отырып" in front

    def test_struck_text_is_a_deletion_proposal(self, result):
        doc = result.document
        assert len(doc.proposals) == 1
        proposal = next(iter(doc.proposals.values()))
        assert proposal.kind is ProposalKind.DELETE
        assert proposal.author == "a Member State"
        rationale = doc.footnotes[proposal.rationale_footnote_id]
        assert footnote_numbers(doc)[rationale.id] == 1
        assert plain_text(rationale.content).startswith(
            "Focusing merely on the aspect of intelligence sharing"
        )
        area5 = [b for b in doc.blocks if b.kind is BlockKind.LIST_ITEM][15]
        spans = [n for n in area5.content if isinstance(n, ProposalSpan)]
        assert len(spans) == 1
        assert plain_text(spans[0].deleted) == "through regular intelligence sharing"
        assert spans[0].inserted == []
        assert plain_text(area5.content, proposals="accepted").endswith("regional and international arena ;")


class TestScoPressRelease:
    def test_kept_as_plain_paragraphs_and_reported(self):
        result = load("sco-un-event-2017-en.txt")
        doc = result.document
        assert doc.kind is DocumentKind.PLAIN
        assert len(doc.blocks) == 14
        assert all(b.kind is BlockKind.PARAGRAPH for b in doc.blocks)
        assert doc.footnotes == {}
        assert any(note.startswith("not a resolution") for note in result.report.notes)
        assert block_texts(doc.blocks)[0].startswith("SCO Secretary-General:")


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_nothing_is_lost(name):
    """Every word of every non-blank input line is in the document or in the report."""
    source = (CORPUS / name).read_text(encoding="utf-8")
    result = load(name)
    assert lost_words(source, result) == {}


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_every_line_is_in_the_document_or_in_the_report(name):
    source = (CORPUS / name).read_text(encoding="utf-8")
    assert unaccounted_lines(source, load(name)) == []


def test_the_line_accounting_would_notice_a_dropped_line():
    name = "ga-res-62-172-en.txt"
    source = (CORPUS / name).read_text(encoding="utf-8")
    result = load(name)
    result.document.blocks.pop()  # simulate an importer that lost OP 10
    missing = unaccounted_lines(source, result)
    assert [n for n, _ in missing] == [30]


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_every_discarded_line_is_furniture(name):
    result = load(name)
    lines = (CORPUS / name).read_text(encoding="utf-8").split("\n")
    for item in result.report.discarded:
        assert item.text in lines[item.line - 1]
        assert item.reason
