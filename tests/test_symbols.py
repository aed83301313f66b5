"""UN document symbols: parsing, double symbols, and finding them in running text (conventions §1.6)."""

from __future__ import annotations

import pytest

from drafting.symbols import Symbol, find_symbols, parse_symbol, split_double
from tests.helpers import CORPUS

VALID = [
    "A/RES/67/193",
    "A/C.3/67/L.15/Rev.1",
    "E/2009/28",
    "S/RES/1535 (2004)",
    "A/CONF.157/24 (Part I)",
    "E/INCB/2011/1",
    "A/67/459",
    "A/67/157",
    "A/69/L.52",
    "A/69/L.52*",
    "A/RES/S-20/2",
    "A/RES/ES-8/2",
    "A/AC.109/2019/L.18",
    "S/PRST/2014/16",
    "E/CN.4/Sub.2/AC.2/1987/WP.4/Add.1",
    "E/2011/28/Add.1",
    "E/2003/28/Rev.1",
    "E/CN.7/2012/18",
    "S/2003/641",
    "A/78/L.12",
    "E/CN.7/2016/L.2/Rev.1",
    "A/RES/217 (III)",
    "A/RES/3201 (S-VI)",
    "A/RES/2252 (ES-V)",
    "A/C.5/61/L.20",
    "ST/SGB/2013/4",
    "E/CN.7/2009/12",
    "A/62/440",
    "A/RES/62/172",
    "A/67/PV.82",
    "A/C.3/67/SR.5",
    "A/HRC/19/NGO/12",
    "A/CONF.151/26 (Vol. I)",
    "CRC/C/15/Add.1",
    "UNEP/GC.27/17",
    "E/RES/2012/12",
    "S/25704",
]

INVALID = [
    "A/RES/67.193",
    "A//67/193",
    "A/RES/67/193/",
    "a/res/67/193",
    "A/RES/67/L15",
    "A/C.3/67/L.15/Rev1",
    "E/2009/",
    "A/RES/67/193 (20044)",
    "S/RES/1535 (04)",
    "A/RES/XX/1",
    "X/RES/67/193",
    "A/RES",
    "A/CONF/24",
    "E/2009/28-E/CN.7/2009/12",
    "E/2009/28 E/CN.7/2009/12",
    "",
    "A/RES/67/193 ",
    "A/RES/067/193",
    "A/RES/67/0193",
    "A/RES/193",  # a GA resolution needs its session
    "A/RES/30/1",  # sessions appear in GA symbols from the 31st on
    "A/2012/15",  # bare A/ takes sessions, not years
    "E/67/15",  # ECOSOC takes years, not sessions
    "S/RES/1535 (2004) ",
    "A/RES/67/193 (2012)",  # the parenthesised year is for SC resolutions
    "S/RES/1535 (III)",
    "A/RES/217 (IIII)",
    "A/RES/67/L.15/Rev.1",  # two kinds
    "A/67/68/459",  # two time components
    "A/C.3/67/L.15/Rev.1/L.2",
    "A/67/459 (see annex)",
    "S/RES/1535(2004)",
    "67/193",
    "HIV/AIDS",
]


@pytest.mark.parametrize("text", VALID)
def test_valid_symbols_parse(text):
    symbol = parse_symbol(text)
    assert symbol is not None
    assert symbol.text == text


@pytest.mark.parametrize("text", INVALID)
def test_malformed_symbols_are_rejected(text):
    assert parse_symbol(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A/RES/67/193", Symbol("A/RES/67/193", "A", "193", kind="RES", session=67)),
        (
            "A/C.3/67/L.15/Rev.1",
            Symbol("A/C.3/67/L.15/Rev.1", "A", "15", body="C.3", kind="L", session=67, modifiers=("Rev.1",)),
        ),
        ("E/2009/28", Symbol("E/2009/28", "E", "28", year=2009)),
        ("S/RES/1535 (2004)", Symbol("S/RES/1535 (2004)", "S", "1535", kind="RES", parenthesised_year=2004)),
        (
            "A/CONF.157/24 (Part I)",
            Symbol("A/CONF.157/24 (Part I)", "A", "24", body="CONF.157", part="Part I"),
        ),
        ("E/INCB/2011/1", Symbol("E/INCB/2011/1", "E/INCB", "1", year=2011)),
        ("A/69/L.52*", Symbol("A/69/L.52*", "A", "52", kind="L", session=69, reissued=True)),
        ("A/RES/S-20/2", Symbol("A/RES/S-20/2", "A", "2", kind="RES", session="S-20")),
        ("A/RES/ES-8/2", Symbol("A/RES/ES-8/2", "A", "2", kind="RES", session="ES-8")),
        ("A/AC.109/2019/L.18", Symbol("A/AC.109/2019/L.18", "A", "18", body="AC.109", kind="L", year=2019)),
        ("S/PRST/2014/16", Symbol("S/PRST/2014/16", "S", "16", kind="PRST", year=2014)),
        (
            "E/CN.4/Sub.2/AC.2/1987/WP.4/Add.1",
            Symbol(
                "E/CN.4/Sub.2/AC.2/1987/WP.4/Add.1",
                "E",
                "4",
                body="CN.4/Sub.2/AC.2",
                kind="WP",
                year=1987,
                modifiers=("Add.1",),
            ),
        ),
        ("E/2011/28/Add.1", Symbol("E/2011/28/Add.1", "E", "28", year=2011, modifiers=("Add.1",))),
        ("E/CN.7/2012/18", Symbol("E/CN.7/2012/18", "E", "18", body="CN.7", year=2012)),
        ("A/RES/217 (III)", Symbol("A/RES/217 (III)", "A", "217", kind="RES", session=3)),
        ("A/RES/3201 (S-VI)", Symbol("A/RES/3201 (S-VI)", "A", "3201", kind="RES", session="S-6")),
        ("ST/SGB/2013/4", Symbol("ST/SGB/2013/4", "ST/SGB", "4", year=2013)),
        ("A/67/459", Symbol("A/67/459", "A", "459", session=67)),
    ],
)
def test_parsed_fields(text, expected):
    assert parse_symbol(text) == expected


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("E/2009/28-E/CN.7/2009/12", ["E/2009/28", "E/CN.7/2009/12"]),
        ("E/2009/28 E/CN.7/2009/12", ["E/2009/28", "E/CN.7/2009/12"]),
        ("E/2009/28 – E/CN.7/2009/12", ["E/2009/28", "E/CN.7/2009/12"]),
        ("A/RES/S-20/2", ["A/RES/S-20/2"]),
        ("A/RES/ES-8/2", ["A/RES/ES-8/2"]),
        ("A/RES/3201 (S-VI)", ["A/RES/3201 (S-VI)"]),
        ("S/RES/1535 (2004)", ["S/RES/1535 (2004)"]),
    ],
)
def test_split_double(text, parts):
    assert split_double(text) == parts
    assert all(parse_symbol(part) for part in parts)


def test_find_symbols_splits_a_double_symbol():
    text = "report (E/2009/28-E/CN.7/2009/12), chap. I"
    found = find_symbols(text)
    assert [c for _, _, c in found] == ["E/2009/28", "E/CN.7/2009/12"]
    assert all(text[start:end] == c for start, end, c in found)


def test_italic_stars_are_not_a_reissue_mark():
    assert find_symbols("*A/67/157* and A/69/L.52*") == [(1, 9, "A/67/157"), (15, 25, "A/69/L.52*")]


@pytest.mark.parametrize("symbol", VALID)
def test_every_valid_symbol_is_found_whole(symbol):
    text = f"See document {symbol}, annex."
    assert find_symbols(text) == [(13, 13 + len(symbol), symbol)]


@pytest.mark.parametrize(
    "bad",
    ["A/RES/67.193", "A//67/193", "A/RES/67/L15", "A/C.3/67/L.15/Rev1", "X/RES/67/193", "S/RES/1535 (04)"],
)
def test_malformed_symbols_are_found_and_flagged(bad):
    assert [c for _, _, c in find_symbols(f"see {bad}.")] == [bad]
    assert parse_symbol(bad) is None


@pytest.mark.parametrize(
    "text",
    [
        "General Assembly resolution 67/193 of 20 December 2012",
        "resolutions 53/115 and 2012/12",
        "resolution S-20/2, annex",
        "Resolutions S-20/4 A–E.",
        "on 20/12/2012 and 12/20/2012",
        "Declaration on HIV/AIDS and/or other UNAIDS/WHO texts",
        "available at http://www.un.org/Depts/DHL/S/2003/641 and https://undocs.org/A/RES/67/193",
        "half (1/2) or 3/4 of the States, 24/7",
        "United NationsA/RES/62/172General Assembly",
    ],
)
def test_non_symbols_are_not_candidates(text):
    assert find_symbols(text) == []


CORPUS_FILES = ["ga-res-67-193-en.txt", "ga-res-62-172-en.txt"]
CORPUS_SYMBOLS = {
    "ga-res-67-193-en.txt": {
        "A/67/459",
        "E/2003/28/Rev.1",
        "E/2009/28",
        "E/2010/28",
        "E/2011/28",
        "E/2011/28/Add.1",
        "E/2012/28",
        "A/CONF.157/24 (Part I)",
        "E/INCB/2011/1",
        "S/2003/641",
        "A/67/157",
    },
    "ga-res-62-172-en.txt": {"A/62/440", "A/RES/62/172"},
}


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_corpus_candidates_all_parse(name):
    text = (CORPUS / name).read_text(encoding="utf-8")
    found = find_symbols(text)
    assert found
    assert [c for _, _, c in found if parse_symbol(c) is None] == []
    assert all(text[start:end] == c for start, end, c in found)


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_corpus_real_symbols_are_found(name):
    found = {c for _, _, c in find_symbols((CORPUS / name).read_text(encoding="utf-8"))}
    assert found == CORPUS_SYMBOLS[name]
