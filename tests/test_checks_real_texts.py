"""Rules fitted to real UN practice: each case is a shape found in adopted General Assembly
resolutions of the eightieth session (corpus real-ga80) that a rule used to flag, next to the defect
the rule must still catch. The measurement over the whole corpus is bench/check_real_texts.py."""

from __future__ import annotations

import pytest

from drafting.checks import CheckSettings, run_checks
from drafting.checks.context import CheckContext
from drafting.checks.sources import ibid_problem, read_source
from drafting.checks.spelling_rules import house_style, house_style_corrections, unknown_word
from drafting.importers.text_import import import_text
from drafting.model import Block, BlockKind, Document, DocumentKind, Footnote, NoteRef, Text
from drafting.spelling import Speller
from drafting.symbols import parse_symbol


def resolution(body: str, notes: str = "") -> str:
    return f"The General Assembly,\n\n{body}\n\n{notes}"


def findings(text: str, rule: str, **settings):
    document = import_text(text).document
    return [f for f in run_checks(document, CheckSettings(**settings)) if f.rule == rule]


# --- document symbols ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "symbol",
    [
        "CEDAW/C/GC/39",  # treaty bodies: general recommendations and comments
        "CEDAW/C/GC/38",
        "CCPR/C/GC/36",
        "CRC/C/GC/26",
        "CERD/C/GC/35",
        "CRPD/C/GC/8",
        "E/C.12/GC/25",
        "CEDAW/C/ITA/CO/7",  # concluding observations: country code and CO
        "A/HRC/WG.6/40/ITA/1",  # universal periodic review
        "A/CONF.192/BMS/2022/1",  # a conference's meeting series before or after the year
        "A/CONF.192/2024/RC/3",
        "A/AC.299/2025/PM/1",
        "A/CONF.192/MGE/2021/1",
        "UNEP/EA.6/Res.1",
        "E/ESCAP/RES/80/1",
        "E/ICEF/2025/P/L.1",
        "S/2016/738/Rev.1",
        "A/CONF.157/24 (Part I)",
        "E/CN.7/2024/15",
        "A/80/534",
    ],
)
def test_real_symbol_shapes_parse(symbol):
    assert parse_symbol(symbol) is not None
    text = resolution(f"Noting document {symbol},\n\n1. *Decides* to act.")
    assert findings(text, "citation.symbol") == []


@pytest.mark.parametrize(
    "symbol",
    [
        "A/C.3/67/L/15",  # "L" needs its number: L.15
        "A/CONF/24",  # CONF needs its number
        "A/ITA/1",  # a sub-series needs a body or a special series
        "A/CONF.192/AB/CD/EF/1",  # at most two sub-series components
        "CEDAW/C/GC/Rev1",
    ],
)
def test_sub_series_do_not_let_typos_through(symbol):
    assert parse_symbol(symbol) is None


def test_opcw_note_is_accepted_only_in_a_text_naming_the_opcw():
    body = "Noting the reports of the Director-General (S/1906/2020 and S/2338/2024),\n\n1. *Decides* to act."
    opcw = resolution(
        "Reaffirming its support for the Organisation for the Prohibition of Chemical Weapons,\n\n" + body
    )
    assert findings(opcw, "citation.symbol") == []
    assert [f.excerpt for f in findings(resolution(body), "citation.symbol")]  # S/<year>/<n> elsewhere


# --- spelling ------------------------------------------------------------------------------------


def _spelling(*paragraphs: str, rule=unknown_word):
    blocks = [Block(f"b{i}", BlockKind.PARAGRAPH, [Text(t)]) for i, t in enumerate(paragraphs)]
    ctx = CheckContext(Document(blocks=blocks), CheckSettings())
    return [ctx.text(b)[f.start : f.end] for b in ctx.blocks for f in rule(ctx, b)]


@pytest.mark.parametrize(
    "word",
    ["peacebuilders", "spacefaring", "drawdown", "intergenerational", "impactful", "videoconference",
     "weaponization", "operationalizing", "deliverables", "timelines", "webcasts", "upskilling", "reskilling",
     "revictimization", "unearmarked", "coronavirus", "telemedicine", "hibakusha", "ekecheiria", "subagencies"],
)  # fmt: skip
def test_un_usage_words_are_known(word):
    assert Speller("en").unknown(f"Notes the {word} of the mission;") == []


def test_compounds_with_prefixes_and_non_breaking_hyphens():
    speller = Speller("en")
    text = "a pre\u2011recorded statement, multi-stakeholder engagement, socio-economic and cyber-attacks"
    assert speller.unknown(text) == []
    # The prefix alone, or before a misspelt word, is still flagged.
    assert [w.text for w in speller.unknown("the pre of it, a pre-recrded statement")] == ["pre", "recrded"]


def test_sub_item_labels_are_not_words():
    speller = Speller("en")
    assert speller.unknown("Agenda item 99 (bb) and sub-items (aa) and (hh)") == []
    assert [w.text for w in speller.unknown("the bb of it")] == ["bb"]


def test_opcw_spells_itself_organisation():
    text = (
        "Reaffirming its support for the Organisation for the Prohibition of Chemical Weapons and its deep"
        " appreciation of the Organisation, which was awarded the Nobel Peace Prize,"
    )
    assert _spelling(text, rule=house_style) == []
    # Without such a body, "the Organisation" is the United Nations, written -ization.
    assert _spelling("Requests the Secretary-General of the Organisation to report,", rule=house_style) == [
        "Organisation"
    ]
    assert [
        c.wrong for c in house_style_corrections("the Organisation for Economic Co-operation and Development")
    ] == []


def test_quoted_title_of_another_body_keeps_its_spelling():
    text = (
        "Recalls decision C-26/DEC.10 of the Conference of the States Parties, entitled “Understanding regarding"
        " the aerosolised use of central nervous system-acting chemicals for law enforcement purposes”;"
    )
    assert _spelling(text, rule=house_style) == []
    assert _spelling(text) == []  # aerosolise(d) is a word (aerosolize)
    assert _spelling("Notes that the aerosolised use of organised crime;", rule=house_style) == [
        "aerosolised",
        "organised",
    ]


# --- paragraph grammar ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("paragraph", "bad"),
    [
        ("2. *Pending* the total elimination of nuclear weapons, urges those States to act;", False),
        ("2. In accordance with article 5, paragraph 2, of the Convention, decides to act;", False),
        ("2. *Urgently calls upon* States Parties to act;", False),
        ("2. *Recalls*:\n\n(a) One;\n\n(b) Two;", False),
        ("2. Stress that States act;", True),
        ("2. In this regard, stress that States act;", True),
        ("2. On the basis of our common pursuit, we commit to act;", True),
    ],
)
def test_operative_openings(paragraph, bad):
    text = resolution(
        f"Recalling x,\n\n1. *Decides* to act;\n\n{paragraph}\n\n3. *Decides* to remain seized."
    )
    assert bool(findings(text, "grammar.operative-opening", spelling=False)) is bad


@pytest.mark.parametrize(
    ("paragraph", "bad"),
    [("Ever mindful that x,", False), ("Deeply concerned that x,", False), ("Ever x,", True)],
)
def test_preambular_openings(paragraph, bad):
    text = resolution(f"{paragraph}\n\n1. *Decides* to act.")
    assert bool(findings(text, "grammar.preambular-opening", spelling=False)) is bad


def _end_findings(blocks: list[Block]) -> list[tuple[str, str]]:
    document = Document(kind=DocumentKind.RESOLUTION, blocks=blocks)
    return [
        (f.rule, f.label)
        for f in run_checks(document, CheckSettings(spelling=False))
        if f.rule.endswith("-end")
    ]


def _b(block_id: str, kind: BlockKind, text: str, *children: Block) -> Block:
    return Block(block_id, kind, [Text(text)], list(children))


def test_subparagraphs_of_a_preambular_paragraph_take_commas():
    pp = _b(
        "pp",
        BlockKind.PREAMBULAR,
        "Convinced that the Convention constitutes a major contribution to:",
        _b("a", BlockKind.SUBPARAGRAPH, "International peace and security,"),
        _b("b", BlockKind.SUBPARAGRAPH, "Eliminating chemical weapons;"),
        _b("c", BlockKind.SUBPARAGRAPH, "Promoting international cooperation,"),
    )
    op = _b("op", BlockKind.OPERATIVE, "Decides to act.")
    assert _end_findings([pp, op]) == []
    pp.content = [Text("Convinced that the Convention constitutes a major contribution to,")]
    pp.children[0].content = [Text("International peace and security.")]
    assert _end_findings([pp, op]) == [
        ("grammar.preambular-end", "PP 1"),
        ("grammar.preambular-end", "PP 1 (a)"),
    ]


def test_annexed_declaration_lists_are_not_held_to_operative_punctuation():
    op = _b("op", BlockKind.OPERATIVE, "Adopts the Political Declaration annexed to the present resolution.")
    annex = _b(
        "p1",
        BlockKind.PARAGRAPH,
        "We commit to the following actions:",
        _b("a", BlockKind.SUBPARAGRAPH, "Promoting access to justice;"),
        _b("e", BlockKind.SUBPARAGRAPH, "Means of implementation."),
    )
    assert _end_findings([op, annex]) == []
    # The resolution's own operative subparagraphs still are.
    op2 = _b("op2", BlockKind.OPERATIVE, "Decides that:", _b("x", BlockKind.SUBPARAGRAPH, "One."))
    assert _end_findings([op2, _b("op3", BlockKind.OPERATIVE, "Decides to act.")]) == [
        ("grammar.operative-end", "OP 1 (a)")
    ]


# --- footnotes -----------------------------------------------------------------------------------


def test_ibid_volume_of_a_multi_volume_final_document():
    final = read_source(
        "2010 Review Conference of the Parties to the Treaty on the Non-Proliferation of Nuclear Weapons,"
        " Final Document, vols. I–III (NPT/CONF.2010/50 (Vol. I), NPT/CONF.2010/50 (Vol. II) and"
        " NPT/CONF.2010/50 (Vol. III)).",
        None,
    )
    assert ibid_problem("Ibid., vol. I (NPT/CONF.2010/50 (Vol. I)), part I.", final) is None
    # A Treaty Series reference (volume and registration number) still needs the Treaty Series before it.
    assert ibid_problem("Ibid., vol. 1019, No. 14956.", final) is not None
    assert ibid_problem("Ibid., vol. 1.", read_source("Resolution 70/1.", None)) is not None


def test_footnote_of_a_protocol_supplementing_a_convention():
    name = (
        "the Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children,"
        " supplementing the United Nations Convention against Transnational Organized Crime,¹"
    )
    notes = "¹ United Nations, Treaty Series, vol. 2237, No. 39574."
    text = resolution(f"Recalling {name}\n\n1. *Decides* to act.", notes)
    assert findings(text, "treaty.footnote-mismatch", spelling=False) == []
    wrong = resolution(
        "Recalling the United Nations Convention against Transnational Organized Crime,¹\n\n1. *Decides* to act.",
        notes,
    )
    assert findings(wrong, "treaty.footnote-mismatch", spelling=False)


def _numbered(refs: list[str], printed: dict[str, int]):
    block = Block(
        "op", BlockKind.OPERATIVE, [Text("Decides to act")] + [NoteRef(r) for r in refs] + [Text(".")]
    )
    notes = {fid: Footnote(fid, [Text(f"A/80/{n}.")]) for fid, n in printed.items()}
    document = Document(kind=DocumentKind.RESOLUTION, blocks=[block], footnotes=notes)
    found = run_checks(document, CheckSettings(spelling=False, literal_footnote_numbers=printed))
    return [f.rule for f in found if f.rule in ("footnote.numbering", "footnote.unreferenced")]


def test_an_unreferenced_footnote_does_not_renumber_the_others():
    printed = {"n1": 1, "n2": 2, "n3": 3, "n4": 4, "n5": 5}
    # Footnote 2 lost its marker: one finding for it, no "printed as 3 but is 2" for 3, 4 and 5.
    assert _numbered(["n1", "n3", "n4", "n5"], printed) == ["footnote.unreferenced"]
    # Numbers really out of order are still reported.
    assert _numbered(["n1", "n3", "n2", "n4", "n5"], printed) == ["footnote.numbering"]


def _rules_found(text: str) -> set[str]:
    from drafting.checks import CheckSettings, run_checks
    from drafting.importers import import_text

    return {f.rule for f in run_checks(import_text(text).document, CheckSettings(spelling=False))}


def test_the_unnumbered_operative_paragraph_that_introduces_a_declaration_may_end_with_a_colon() -> None:
    text = (
        "The General Assembly\n\nAdopts the following political declaration:\n\n"
        "Political declaration on tuberculosis\n\n1. We commit to act.\n\n2. We recommit to act.\n"
    )
    assert "grammar.operative-end" not in _rules_found(text)


def test_taking_note_also_follows_taking_note_of() -> None:
    text = (
        "The General Assembly,\n\nTaking note of the report of the Secretary-General,\n\n"
        "Taking note also of the decision of the Conference,\n\n1. Decides to continue.\n"
    )
    assert "grammar.also-sequence" not in _rules_found(text)
