"""Each rule on small texts, bad and good, and each fix applied through the model."""

from __future__ import annotations

import pytest

from drafting.checks import CheckSettings, check_block, run_checks
from drafting.checks.fixes import FixNotApplicable, apply_fix
from drafting.checks.sources import ibid_problem, read_source
from drafting.importers.text_import import import_text
from drafting.model import Mark, NoteRef, Text, plain_text


def resolution(body: str, notes: str = "", organ: str = "The General Assembly,") -> str:
    return f"{organ}\n\n{body}\n\n{notes}"


def findings(text: str, rule: str | None = None, **settings):
    document = import_text(text).document
    found = run_checks(document, CheckSettings(spelling=False, **settings))
    return [f for f in found if rule is None or f.rule == rule]


@pytest.mark.parametrize(
    ("sentence", "bad"),
    [
        ("Recalling its resolution 53/115 of 9 December 1998,", False),
        ("Recalling its resolution 53/115 of 9 December 1988,", True),
        ("Recalling its resolution 60/288 of 8 September 2006,", False),  # end of the 60th session
        ("Recalling its resolution 60/288 of 8 October 2006,", True),  # the 61st session had begun
        ("Recalling Economic and Social Council resolution 2012/12 of 26 July 2012,", False),
        ("Recalling Economic and Social Council resolution 2012/12 of 26 July 2013,", True),
        ("Recalling Commission on Narcotic Drugs resolution 54/17 of 13 December 2011,", False),
        ("Recalling Commission on Narcotic Drugs resolution 54/17 of 13 December 2012,", True),
        ("Recalling Security Council resolution 1373 (2001) of 28 September 2001,", False),
        ("Recalling Security Council resolution 1373 (2001) of 28 September 2002,", True),
    ],
)
def test_resolution_dates(sentence, bad):
    found = [
        f
        for f in findings(resolution(sentence + "\n\n1. *Decides* to act."))
        if f.rule.startswith("citation.")
    ]
    assert bool(found) is bad, found


def test_impossible_date_and_date_form():
    found = findings(
        resolution("Noting the meeting of 31 June 2012 and of December 5, 2012,\n\n1. *Decides* to act.")
    )
    assert [f.rule for f in found] == ["date.impossible", "date.format"]
    assert found[1].fix.text == "5 December 2012"


def test_year_range_fix():
    document = import_text(resolution("Noting the plan for 2008-2011,\n\n1. *Decides* to act.")).document
    (finding,) = [
        f for f in run_checks(document, CheckSettings(spelling=False)) if f.rule == "date.year-range"
    ]
    apply_fix(document, finding.fix)
    assert plain_text(document.preambular[0].content) == "Noting the plan for 2008–2011,"


@pytest.mark.parametrize(
    ("symbol", "bad"),
    [
        ("A/RES/67/193", False),
        ("A/C.3/67/L.15/Rev.1", False),
        ("E/2009/28", False),
        ("S/RES/1535 (2004)", False),
        ("A/CONF.157/24 (Part I)", False),
        ("E/INCB/2011/1", False),
        ("A/RES/67.193", True),
        ("A/C.3/67/L15", True),
    ],
)
def test_symbols(symbol, bad):
    found = findings(resolution(f"Noting document {symbol},\n\n1. *Decides* to act."), "citation.symbol")
    assert bool(found) is bad


def test_ibid_chain():
    unts = read_source("United Nations, Treaty Series, vol. 976, No. 14152.", None)
    league = read_source("League of Nations, Treaty Series, vol. VIII, No. 222.", None)
    records = read_source(
        "See Official Records of the Economic and Social Council, 2012, Supplement No. 8.", None
    )
    assert ibid_problem("Ibid., vol. 1019, No. 14956.", unts) is None
    assert "League of Nations" in ibid_problem("Ibid., vol. 1019, No. 14956.", league)
    assert ibid_problem("Ibid., 2010, Supplement No. 8 (E/2010/28).", records) is None
    assert "Official Records" in ibid_problem("Ibid., 2010, Supplement No. 8.", unts)
    assert "first footnote" in ibid_problem("Ibid., vol. 1.", None)
    chained = read_source("Ibid., vol. 1019, No. 14956.", unts)
    assert ibid_problem("Ibid., vol. 1582, No. 27627.", chained) is None


def test_footnote_rules_and_regimes():
    text = resolution(
        "Recalling the Convention,¹ and the Protocol¹,\n\n1. *Decides* to recall the Convention.¹",
        "¹ United Nations, Treaty Series, vol. 976, No. 14152\n² Never cited.",
    )
    rules = [f.rule for f in findings(text)]
    assert "footnote.unreferenced" in rules
    assert "footnote.final-stop" in rules
    assert "footnote.marker-placement" in rules
    assert "footnote.repeat-regime" not in rules
    current = [f for f in findings(text, footnote_regime="current") if f.rule == "footnote.repeat-regime"]
    assert len(current) == 2


def test_repeat_regime_fix_makes_a_new_footnote():
    document = import_text(
        resolution("Recalling x,¹ and y,¹\n\n1. *Decides* z.", "¹ Resolution 60/1.")
    ).document
    (finding,) = [
        f
        for f in run_checks(document, CheckSettings(footnote_regime="current", spelling=False))
        if f.rule == "footnote.repeat-regime"
    ]
    apply_fix(document, finding.fix)
    refs = [n.footnote_id for n in document.preambular[0].content if isinstance(n, NoteRef)]
    assert len(set(refs)) == 2
    assert [plain_text(document.footnotes[r].content) for r in refs] == ["Resolution 60/1."] * 2


def test_marker_placement_fix_moves_the_marker():
    document = import_text(
        resolution("Recalling the Strategy¹, and x,\n\n1. *Decides* z.", "¹ Resolution 60/288.")
    ).document
    (finding,) = [
        f
        for f in run_checks(document, CheckSettings(spelling=False))
        if f.rule == "footnote.marker-placement"
    ]
    apply_fix(document, finding.fix)
    content = document.preambular[0].content
    index = next(i for i, n in enumerate(content) if isinstance(n, NoteRef))
    assert content[index - 1].text.endswith("Strategy,")


def test_french_marker_goes_before_punctuation():
    text = (
        "L'Assemblée générale,\n\nRappelant la Stratégie,¹ et x,\n\n1. *Décide* de z.\n\n¹ Résolution 60/288."
    )
    document = import_text(text).document
    assert document.language == "fr"
    found = [
        f
        for f in run_checks(document, CheckSettings(spelling=False))
        if f.rule == "footnote.marker-placement"
    ]
    assert len(found) == 1


def test_end_punctuation_and_fix():
    document = import_text(
        resolution("Recalling x;\n\n1. *Decides* that:\n\n(a) One;\n\n(b) Two.\n\n2. *Requests* y;")
    ).document
    found = [f for f in run_checks(document, CheckSettings(spelling=False)) if f.rule.startswith("grammar.")]
    assert [(f.rule, f.label) for f in found] == [
        ("grammar.preambular-end", "PP 1"),
        ("grammar.operative-end", "OP 1 (b)"),
        ("grammar.operative-end", "OP 2"),
    ]
    for finding in found:
        apply_fix(document, finding.fix)
    assert not [
        f for f in run_checks(document, CheckSettings(spelling=False)) if f.rule.startswith("grammar.")
    ]


def test_also_further_sequence():
    text = resolution(
        "Recalling also x,\n\nRecalling y,\n\nRecalling z,\n\nWelcoming further w,\n\n"
        "1. *Decides* a;\n\n2. *Decides* b;\n\n3. *Further decides* c;\n\n4. *Also decides* d;\n\n"
        "5. *Further decides* e."
    )
    found = findings(text, "grammar.also-sequence")
    assert [f.label for f in found] == ["PP 1", "PP 4", "OP 3"]


def test_concept_paper_not_held_to_resolution_grammar():
    text = "Draft concept paper on cooperation\n\nI. Background\n\n1. Recalling also x\n\n2. Something;"
    assert not [f for f in findings(text) if f.rule.startswith("grammar.")]


def test_treaty_rules():
    text = resolution(
        "Recalling the Single Convention on Narcotic Drugs of 1954 as amended by the 1972 Protocol,¹ and the"
        " Convention on Psychotropic Substances 1971,²\n\n1. *Decides* to act.",
        "¹ United Nations, Treaty Series, vol. 976, No. 14152.\n² Ibid., vol. 1582, No. 27627.",
    )
    rules = {f.rule: f for f in findings(text)}
    assert rules["treaty.wrong-year"].severity.value == "error"
    assert "1961" in rules["treaty.wrong-year"].message
    assert "treaty.title-form" in rules
    assert "United Nations Convention against Illicit Traffic" in rules["treaty.footnote-mismatch"].message


def test_unverified_registry_entries_only_warn():
    text = resolution("Recalling the Convention on the Rights of the Child of 1988,\n\n1. *Decides* to act.")
    (finding,) = findings(text, "treaty.wrong-year")
    assert finding.severity.value == "warning"


def test_chinese_full_width_and_brackets():
    text = "大会，\n\n回顾第 1 号决议(E/2009/28)，并注意到 x,y 和国家,包括中亚，\n\n1. **决定**采取行动;"
    document = import_text(text).document
    found = [f for f in run_checks(document, CheckSettings(spelling=False)) if f.rule == "style.zh-fullwidth"]
    texts = {f.label: plain_text(document.block(f.target).content) for f in found}
    flagged = [(f.label, texts[f.label][f.start - 1 : f.end + 1]) for f in found]
    assert flagged == [("PP 1", "家,包"), ("OP 1", "动;")]  # not "x,y", not the brackets
    for finding in reversed(found):
        apply_fix(document, finding.fix)
    assert plain_text(document.preambular[0].content).endswith("国家，包括中亚，")


def test_opening_italic_fix():
    document = import_text(resolution("Recalling x,\n\n1. *Decides* y.")).document
    block = document.preambular[0]
    block.content = [
        Text(n.text, n.marks - {Mark.ITALIC}) if isinstance(n, Text) else n for n in block.content
    ]
    (finding,) = [
        f for f in run_checks(document, CheckSettings(spelling=False)) if f.rule == "grammar.opening-italic"
    ]
    apply_fix(document, finding.fix)
    assert block.content[0] == Text("Recalling", frozenset({Mark.ITALIC}))


def test_check_block_rechecks_one_paragraph():
    document = import_text(resolution("Recalling x of 31 June 2012,\n\n1. *Decides* y.")).document
    found = check_block(document, document.preambular[0].id, CheckSettings(spelling=False))
    assert [f.rule for f in found] == ["date.impossible"]
    assert check_block(document, document.operative[0].id, CheckSettings(spelling=False)) == []


def test_stale_fix_is_refused():
    document = import_text(resolution("Noting the plan for 2008-2011,\n\n1. *Decides* to act.")).document
    (finding,) = [
        f for f in run_checks(document, CheckSettings(spelling=False)) if f.rule == "date.year-range"
    ]
    document.preambular[0].content = [Text("Noting")]
    with pytest.raises(FixNotApplicable):
        apply_fix(document, finding.fix)
