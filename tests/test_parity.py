"""The parity check across language versions (drafting/parity/, ``penholder parity``).

Fixtures (tests/fixtures/parity/README.md): the CICA note verbale in English, Russian and
Kazakh, extracted verbatim from the corpus; an extract of A/RES/67/193 in English with a French
rendering written for these tests (not the official French text).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from drafting.importers import import_text, load_document
from drafting.model import NoteRef
from drafting.parity import extract_tokens, parity, spelled_numbers, version_labels

FIXTURES = Path(__file__).parent / "fixtures" / "parity"
EN = FIXTURES / "res-67-193-extract-en.txt"
FR = FIXTURES / "res-67-193-extract-fr.txt"
CICA = [FIXTURES / f"cica-note-{lang}.txt" for lang in ("en", "ru", "kk")]


def documents(*paths: Path) -> dict:
    loaded = [(p.name, load_document(p).document) for p in paths]
    return dict(zip(version_labels(loaded), (d for _, d in loaded), strict=True))


def numbers(text: str) -> list[str]:
    return sorted(t.value for t in extract_tokens(text))


# ---------------------------------------------------------------------------------------------
# (a) no false positive on the CICA note in three languages


def test_cica_note_in_english_russian_and_kazakh_has_no_discrepancy():
    docs = documents(*CICA)
    assert list(docs) == ["en", "ru", "kk"]
    report = parity(docs)
    assert report.discrepancies == []


def test_cica_versions_do_carry_tokens_so_the_clean_result_means_something():
    # dates with the month in words in three languages, "revision 1" / "ревизию 1" / "1-ревизиясын"
    for path in CICA:
        text = path.read_text(encoding="utf-8")
        assert {"1", "7", "2024"} <= set(numbers(text)), path.name


def test_a_changed_year_in_the_kazakh_note_is_found(tmp_path):
    kk = tmp_path / "cica-note-kk.txt"
    kk.write_text(
        CICA[2].read_text(encoding="utf-8").replace("2024 жылғы 7", "2025 жылғы 7"), encoding="utf-8"
    )
    report = parity(documents(CICA[0], CICA[1], kk))
    assert [(d.kind, d.versions, d.place) for d in report.discrepancies] == [
        ("tokens", ("en", "kk"), "paragraph 4")
    ]
    assert report.discrepancies[0].only_in_reference == ("2024",)
    assert report.discrepancies[0].only_in_other == ("2025",)


# ---------------------------------------------------------------------------------------------
# (b) a real resolution and a rendering of it; then ten planted discrepancies


def test_resolution_extract_and_french_rendering_are_aligned_clean():
    docs = documents(EN, FR)
    assert list(docs) == ["en", "fr"]
    assert parity(docs).discrepancies == []
    # and with French as the reference
    assert parity({"fr": docs["fr"], "en": docs["en"]}).discrepancies == []


def test_the_rendering_has_the_same_structure_so_clean_is_not_vacuous():
    en, fr = (load_document(p).document for p in (EN, FR))
    assert (len(en.preambular), len(en.operative), len(en.footnotes)) == (5, 7, 13)
    assert (len(fr.preambular), len(fr.operative), len(fr.footnotes)) == (5, 7, 13)


PLANTS = [
    # (what, old French text, new French text, expected kind, expected place in the English reference)
    ("changed year", "social, 2003, Supplément", "social, 2004, Supplément", "tokens", "footnote 5"),
    ("dropped footnote marker", "de 1988⁸ et être", "de 1988 et être", "footnote_marker", "OP 4 (c)"),
    (
        "missing paragraph",
        "3. *Demande* aux États Membres de coopérer efficacement et de prendre des mesures concrètes pour faire"
        " face au problème mondial de la drogue, sur la base du principe de la responsabilité commune et"
        " partagée ;\n\n",
        "",
        "count",
        "OP",
    ),
    ("changed document symbol", "¹² A/CONF.157/24", "¹² A/CONF.157/23", "tokens", "footnote 12"),
    ("changed resolution number", "résolution 2012/12 du", "résolution 2012/21 du", "tokens", "PP 2"),
    ("changed amount", "1\u202f250\u202f000 dollars", "1\u202f520\u202f000 dollars", "tokens", "OP 6"),
    (
        "missing subparagraph",
        "b) Ces stratégies de contrôle des cultures comprennent, notamment, le développement alternatif et, le cas"
        " échéant, des programmes de développement alternatif préventif, l'éradication et des mesures de"
        " détection et de répression ;\n\nc) Ces",
        "b) Ces",
        "count",
        "OP 4",
    ),
    (
        "extra footnote",
        "contre la drogue et le crime, souligne",
        "contre la drogue et le crime¹³, souligne",
        "count",
        "footnotes",
    ),
    ("changed date", "de l'opium du 23 janvier 1912", "de l'opium du 28 janvier 1912", "tokens", "PP 4"),
    ("changed percentage", "seulement 12,5 %", "seulement 15,2 %", "tokens", "PP 5"),
]


def planted_french() -> str:
    text = FR.read_text(encoding="utf-8")
    for what, old, new, _, _ in PLANTS:
        assert text.count(old) == 1, what
        text = text.replace(old, new)
    # the extra footnote takes number 13 in print, so the Secretary-General's report becomes 14
    return text.replace("général¹³ et prie", "général¹⁴ et prie").replace(
        "¹³ A/67/157.", "¹³ Voir A/67/330.\n\n¹⁴ A/67/157."
    )


def test_every_planted_discrepancy_is_found_and_nothing_else():
    french = import_text(planted_french(), "planted-fr.txt").document
    english = load_document(EN).document
    report = parity({"en": english, "fr": french})
    found = sorted((d.kind, d.place) for d in report.discrepancies)
    expected = sorted((kind, place) for _, _, _, kind, place in PLANTS)
    assert found == expected
    assert all(d.versions == ("en", "fr") for d in report.discrepancies)


def test_planted_discrepancies_say_what_differs():
    french = import_text(planted_french(), "planted-fr.txt").document
    report = parity({"en": load_document(EN).document, "fr": french})
    by_place = {d.place: d for d in report.discrepancies}
    assert by_place["PP 2"].only_in_reference == ("2012/12",)
    assert by_place["PP 2"].only_in_other == ("2012/21",)
    assert by_place["footnote 12"].only_in_other == ("A/CONF.157/23",)
    assert by_place["OP 6"].only_in_other == ("1520000",)
    assert by_place["PP 5"].only_in_other == ("15.2",)
    assert by_place["PP 4"].only_in_other == ("28",)
    assert by_place["OP"].only_in_reference == ("OP 3",)
    assert by_place["OP 4"].only_in_reference == ("OP 4 (b)",)
    assert by_place["footnotes"].only_in_other == ("footnote 13",)
    assert "cited in fr OP 4" in by_place["footnotes"].detail  # where the extra footnote is
    assert by_place["OP 4 (c)"].only_in_reference == ("8",)
    assert by_place["OP 4 (c)"].other_place == "OP 3 (b)"  # after the missing OP 3 and OP 4 (b)
    # after the missing OP 3, the French OP 5 is aligned with the English OP 6
    assert by_place["OP 6"].other_place == "OP 5"
    assert all(d.excerpts for d in report.discrepancies)


def test_a_dropped_marker_whose_footnote_is_left_uncited_is_one_discrepancy():
    """The footnote keeps its printed number (rule 8): the later footnotes do not shift."""
    english, french = (load_document(p).document for p in (EN, FR))
    op1 = french.operative[0]
    op1.content = [node for node in op1.content if not isinstance(node, NoteRef)]
    report = parity({"en": english, "fr": french})
    assert [(d.kind, d.place, d.only_in_reference) for d in report.discrepancies] == [
        ("footnote_marker", "OP 1", ("10",))
    ]


# ---------------------------------------------------------------------------------------------
# the token rules, one by one


def test_digit_forms_and_separators_normalise():
    assert numbers("١٢٣٤") == numbers("۱۲۳۴") == numbers("１２３４") == ["1234"]
    for written in ("1,000", "1 000", "1.000", "1\u202f000", "1\u00a0000"):
        assert numbers(f"{written} persons") == ["1000"], written
    assert numbers("12.5 per cent") == numbers("12,5 %") == numbers("١٢٫٥٪") == ["12.5"]
    assert numbers("1,234.5") == numbers("1 234,5") == ["1234.5"]
    assert numbers("3.2 million") == numbers("3,2 millions") == numbers("320万") == ["3200000"]


def test_dates_compare_day_and_year_never_the_month():
    expected = ["20", "2012"]
    for written in (
        "on 20 December 2012",
        "le 20 décembre 2012",
        "20 декабря 2012 года",
        "2012 жылғы 20 желтоқсан",
        "2012年12月20日",
        "20.12.2012",
        "2012-12-20",
        "٢٠ كانون الأول/ديسمبر ٢٠١٢",
    ):
        assert numbers(written) == expected, written


def test_symbols_and_resolution_numbers():
    tokens = extract_tokens(
        "see A/RES/67/193, E/CN.7/2012/L.5, S/RES/2334 (2016) and resolution 2012/12; HIV/AIDS"
    )
    assert [(t.kind, t.value) for t in tokens] == [
        ("symbol", "A/RES/67/193"),
        ("symbol", "E/CN.7/2012/L.5"),
        ("symbol", "S/RES/2334"),
        ("number", "2016"),
        ("resolution", "2012/12"),
    ]


def test_labels_are_structure_not_content():
    assert numbers("1. Reaffirms its resolution 67/193") == ["67/193"]
    assert numbers("(a) Such strategies") == numbers("a) Ces stratégies") == []


def test_numbers_in_words_forgive_digits_in_another_language():
    assert spelled_numbers("at its sixty-seventh session")["67"] == 1
    assert spelled_numbers("на ее шестьдесят седьмой сессии")["67"] == 1
    assert spelled_numbers("à sa soixante-dix-septième session")["77"] == 1
    assert spelled_numbers("en su sexagésimo séptimo período de sesiones")["67"] == 1
    assert spelled_numbers("第六十七届会议")["67"] == 1
    assert spelled_numbers("الدورة السابعة والستين")["67"] == 1
    en = import_text(
        "The General Assembly,\n\n1. Decides to consider it at its sixty-seventh session.\n", "en.txt"
    )
    ru = import_text(
        "Генеральная Ассамблея,\n\n1. постановляет рассмотреть пункт на ее 67-й сессии.\n", "ru.txt"
    )
    assert parity({"en": en.document, "ru": ru.document}).discrepancies == []
    ru68 = import_text(
        "Генеральная Ассамблея,\n\n1. постановляет рассмотреть пункт на ее 68-й сессии.\n", "ru.txt"
    )
    [found] = parity({"en": en.document, "ru": ru68.document}).discrepancies
    assert found.only_in_other == ("68",)


def test_parity_needs_two_versions():
    with pytest.raises(ValueError, match="at least two"):
        parity({"en": load_document(EN).document})


# ---------------------------------------------------------------------------------------------
# (c) the command line


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["parity", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_clean_versions_exit_0(capsys):
    code, out, err = run_cli(capsys, *map(str, CICA))
    assert code == 0, err
    assert "No discrepancy" in out


def test_cli_discrepancies_exit_1_and_json_shape(capsys, tmp_path):
    planted = tmp_path / "planted-fr.txt"
    planted.write_text(planted_french(), encoding="utf-8")
    code, out, err = run_cli(capsys, str(EN), str(planted), "--json")
    assert code == 1, err
    data = json.loads(out)
    assert data["reference"] == "en"
    assert data["versions"] == ["en", "fr"]
    assert data["files"] == {"en": str(EN), "fr": str(planted)}
    assert data["summary"]["total"] == len(PLANTS) == len(data["discrepancies"])
    first = data["discrepancies"][0]
    assert set(first) == {
        "kind",
        "versions",
        "place",
        "other_place",
        "detail",
        "only_in_reference",
        "only_in_other",
        "excerpts",
    }
    code, out, _ = run_cli(capsys, str(EN), str(planted))
    assert code == 1
    assert "OP 4" in out
    assert "footnote 12" in out
    assert f"{len(PLANTS)} discrepancies" in out


def test_cli_missing_file_is_a_clear_error_exit_2(capsys, tmp_path):
    missing = tmp_path / "absent-fr.txt"
    code, out, err = run_cli(capsys, str(EN), str(missing))
    assert code == 2
    assert out == ""
    assert "absent-fr.txt: no such file" in err
    assert "Traceback" not in err


def test_cli_one_file_is_a_usage_error_exit_2(capsys):
    code, _, err = run_cli(capsys, str(EN))
    assert code == 2
    assert "at least two files" in err
