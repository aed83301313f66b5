"""The shortcuts the importers take on their hot paths (issue 18) find what the full scans find:
kept job numbers and barcodes, superscript markers, and masthead lines."""

from __future__ import annotations

import random

import pytest

from drafting import masthead as mh
from drafting.importers.markers import SUPERSCRIPT_DIGITS, _may_hold_superscript
from drafting.importers.text_import import _KEPT_FURNITURE, kept_furniture
from tests.helpers import CORPUS, CORPUS_FILES, shared_corpus


def _lines() -> list[str]:
    paths = [CORPUS / name for name in CORPUS_FILES]
    paths += sorted((shared_corpus() / "real-ga80" / "texts").glob("*"))
    paths += sorted((shared_corpus() / "real-pairs").glob("*.txt"))
    lines = []
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        lines += text.split("\n") + text.split("\n\n")
    return lines


LINES = _lines()


def _spans(matches) -> list[tuple[tuple[int, int], str]]:
    return [(m.span(), m.group()) for m in matches]


def test_kept_furniture_is_finditer_on_random_text():
    rnd = random.Random(18)
    alphabet = "0123456789-*/ (E)aZ_\t\n"
    for _ in range(50_000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 30)))
        assert _spans(kept_furniture(text)) == _spans(_KEPT_FURNITURE.finditer(text)), text


def test_kept_furniture_is_finditer_on_real_text():
    found = 0
    for line in LINES:
        expected = _spans(_KEPT_FURNITURE.finditer(line))
        assert _spans(kept_furniture(line)) == expected, line
        found += len(expected)
    assert found  # the corpus has job numbers to find


@pytest.mark.parametrize("text", ["", "plain", "’quoted’", "note¹", "x⁰", "²³", "A/RES/1 (2012)"])
def test_superscript_check(text):
    assert _may_hold_superscript(text) == any(d in text for d in SUPERSCRIPT_DIGITS)


def _tokens() -> list[str]:
    return [
        "United Nations",
        "General Assembly",
        "Security Council",
        "Distr.: General",
        "Distr.: Limited",
        "Original: English",
        "Original: French/Spanish",
        "Agenda item 91",
        "Agenda items 12 (a) and 14",
        "Sixty-seventh session",
        "Eightieth special session",
        "A/RES/67/193",
        "A/C.3/67/L.15/Rev.1*",
        "S/2012/1 (2012)",
        "20 December 2012",
        "[on the report of the Third Committee (A/67/457)]",
        "Resolution adopted by the General Assembly on 20 December 2012",
        "Adopted by the Security Council at its 6890th meeting, on 20 December 2012",
        "议程项目 91",
        "第六十七届会议",
        "Commission on Crime Prevention and Criminal Justice",
        "Commission on Narcotic Drugs",
        "Human Rights Council",
        ",",
        ";",
        " ",
        "  ",
        "\t",
        "Decides",
        "the",
        "session;",
        "Justice.",
        "drugs",
        "(b)",
        "]",
        "*",
        "议",
        "7",
        "Z",
    ]


def test_the_last_character_rule_never_refuses_a_masthead_line():
    """Whatever :func:`masthead._may_end_with_a_field` refuses, the full field search refuses too."""
    rnd = random.Random(18)
    english = [(a, p, g, {}) for a, p, g in mh._FIELDS]
    tokens = _tokens()
    texts = [line for line in LINES if len(line) > 200]
    for _ in range(20_000):
        parts = [rnd.choice(tokens) for _ in range(rnd.randint(1, 12))]
        text = rnd.choice(["", " ", ", "]).join(parts)
        texts.append((text + " ") * (1 + 200 // max(len(text), 1)))  # past _LOCALIZED_LENGTH
        texts.append(text)
    accepted = 0
    for text in texts:
        if not mh._may_end_with_a_field(text):
            assert mh._fields_found(text, english) is None, text
        elif mh._fields_found(text, english) is not None:
            accepted += 1
    assert accepted  # the random lines include whole mastheads


def _localized_tokens() -> list[str]:
    from drafting import masthead_words as words

    others = [lang for lang in words.LANGUAGES if lang != "en"]
    return [
        *(words.distribution_line("General", lang) for lang in others),
        *(words.original_language_line("English", lang) for lang in others),
        *(words.agenda_item_line("91", lang) for lang in others),
        *(words.agenda_item_line("12 (b)", lang) for lang in others),
        *(words.session_line(80, lang) for lang in others),
        *(words.organization_name(lang) for lang in others),
        *(words.organ_name(organ, lang) for lang in others for organ in words.ORGANS_NAMED),
        "4 de diciembre de 2002",
        "1er juin 2022",
    ]


def test_the_last_character_rule_never_refuses_a_line_of_another_language_version():
    rnd = random.Random(80)
    english = [(a, p, g, {}) for a, p, g in mh._FIELDS]
    everything = english + mh._localized_fields()
    tokens = _tokens() + _localized_tokens() * 3
    texts = [line for line in LINES if len(line) <= mh._LOCALIZED_LENGTH]
    for _ in range(20_000):
        parts = [rnd.choice(tokens) for _ in range(rnd.randint(1, 4))]
        texts.append(rnd.choice(["", " ", ", "]).join(parts)[: mh._LOCALIZED_LENGTH])
    accepted = 0
    for text in texts:
        if not mh._may_end_with_a_field(text, localized=True):
            assert mh._fields_found(text, english) is None, text
            assert mh._fields_found(text, everything) is None, text
        elif mh._fields_found(text, everything) is not None:
            accepted += 1
    assert accepted > 100


def test_masthead_lines_of_the_corpus_read_as_before():
    """parse_masthead_text with the shortcut and without it, on every line and paragraph."""
    for line in LINES:
        with_rule, without = mh.Masthead(), mh.Masthead()
        found = mh.parse_masthead_text(line, with_rule)
        english = [(a, p, g, {}) for a, p, g in mh._FIELDS]
        expected = mh._fields_found(line, english)
        if expected is None and len(line) <= mh._LOCALIZED_LENGTH:
            expected = mh._fields_found(line, english + mh._localized_fields())
        assert found == bool(expected), line
        if expected:
            for attribute, value in expected.items():
                setattr(without, attribute, value)
            assert with_rule == without


def test_every_field_match_holds_a_needed_part():
    """A line without any of a field's ``_NEEDED`` parts has no match of it: every match holds one."""
    rnd = random.Random(7)
    tokens = _tokens()
    texts = LINES + [" ".join(rnd.choice(tokens) for _ in range(rnd.randint(1, 8))) for _ in range(5000)]
    checked = 0
    for text in texts:
        for _attribute, pattern, _group in mh._FIELDS:
            needed = mh._NEEDED.get(id(pattern))
            if needed and (m := pattern.search(text)):
                assert any(part in m.group() for part in needed), (pattern.pattern, m.group())
                checked += 1
    assert checked
