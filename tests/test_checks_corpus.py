"""The checker on the corpus, legacy footnote regime: exactly what a senior editor would flag."""

from __future__ import annotations

from collections import Counter

from drafting.checks import CheckSettings, run_checks
from tests.helpers import load


def check(name: str, **settings):
    result = load(name)
    return run_checks(
        result.document,
        CheckSettings(literal_footnote_numbers=result.report.literal_footnote_numbers, **settings),
    )


def test_67_193_gives_exactly_the_single_convention_error():
    findings = check("ga-res-67-193-en.txt")
    # Nothing else: no warning and no info either. The text is clean apart from the year.
    assert [(f.rule, f.severity.value, f.label) for f in findings] == [("treaty.wrong-year", "error", "PP 7")]
    (finding,) = findings
    assert finding.message.startswith("the Single Convention on Narcotic Drugs is of 1961, not 1954")
    assert "the registry gives 1961" in finding.message
    assert "this text says 1961 in PP 20, OP 28, OP 34" in finding.message
    assert "footnote 10 cites United Nations, Treaty Series, vol. 976, No. 14152" in finding.message
    assert finding.fix.text == "1961"


def test_67_193_current_regime_flags_every_repeated_indicator():
    findings = [
        f
        for f in check("ga-res-67-193-en.txt", footnote_regime="current")
        if f.rule == "footnote.repeat-regime"
    ]
    assert len(findings) == 15  # 6, 10, 11, 12 once each; 14 three times; 15 and 16 four times each


def test_62_172_has_no_error():
    findings = check("ga-res-62-172-en.txt")
    assert not [f for f in findings if f.severity.value == "error"]
    # Both warnings are right: year ranges take an en dash (conventions §3.8; §4.6 item 5).
    assert [(f.rule, f.label, f.excerpt.count("2008-20")) for f in findings] == [
        ("date.year-range", "OP 8", 1),
        ("date.year-range", "OP 9", 1),
    ]


def test_chinese_draft_preamble_semicolons_and_half_width_punctuation():
    findings = check("ga-draft-central-asia-drugs-zh.txt")
    errors = [(f.rule, f.label) for f in findings if f.severity.value == "error"]
    assert errors == [
        ("grammar.preambular-end", "PP 8"),
        ("grammar.preambular-end", "PP 10"),
        ("grammar.preambular-end", "PP 16"),
    ]
    widths = [f for f in findings if f.rule == "style.zh-fullwidth"]
    assert {f.label for f in widths} == {f"OP {n}" for n in range(9, 16)}
    assert Counter(f.label for f in widths)["OP 9"] == 6  # five commas and the final semicolon
    assert {f.rule for f in findings} == {"grammar.preambular-end", "style.zh-fullwidth"}


def test_cica_is_not_held_to_resolution_grammar_but_footnotes_and_spelling_run():
    findings = check("cica-concept-paper-rev1-en-ru-kk.txt")
    rules = Counter(f.rule for f in findings)
    assert not [r for r in rules if r.startswith("grammar.")]
    assert [f.label for f in findings if f.rule == "footnote.final-stop"] == ["footnote 1"]
    assert [f.label for f in findings if f.rule == "footnote.marker-placement"] == ["section II, item 5"]
    assert rules["treaty.title-form"] == 3  # "Single Convention on Narcotic Drugs 1961" and the like
    assert not [f for f in findings if f.severity.value == "error"]


def test_cica_spelling_and_house_style_run():
    findings = check("cica-concept-paper-rev1-en-ru-kk.txt")
    house = [f for f in findings if f.rule == "spelling.house-style"]
    assert [(f.label, f.fix.text) for f in house] == [("front 4", "honour")]  # "has the honor to convey"
    unknown = next(f for f in findings if f.rule == "spelling.unknown-word")
    assert "legislations" in unknown.excerpt  # "legislation" is uncountable
    without = check("cica-concept-paper-rev1-en-ru-kk.txt", spelling=False)
    assert not [f for f in without if f.rule.startswith("spelling.")]


def test_every_reference_names_one_place_in_every_corpus_text():
    """Issue 13, point 9: the CICA paper numbers its list items from 1 in sections I and II, and
    the checks named two different paragraphs "item 5"."""
    from drafting.numbering import block_labels
    from tests.helpers import CORPUS

    for path in sorted(CORPUS.glob("*.txt")):
        document = load(path.name).document
        references = [label.reference for label in block_labels(document).values()]
        repeated = {r for r in references if references.count(r) > 1 and r != "heading"}
        assert not repeated, (path.name, sorted(repeated)[:5])
