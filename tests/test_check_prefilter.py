"""The shortcuts of the full check change no finding: rules skipped on texts that fail their trigger,
costly regexes skipped where a faster one finds nothing, ASCII forms of the word patterns, the
registry's regexes skipped on texts without their literal text. Each is a necessary condition of what
it skips; here the check with the shortcuts is compared with the check without them
(``context.PREFILTER``) on the corpus, on corpus paragraphs mutated at random, and on generated text.
"""

from __future__ import annotations

import random
import re
from copy import deepcopy

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafting.checks import CheckSettings, context, run_checks
from drafting.checks.incremental import IncrementalChecker
from drafting.checks.spelling_rules import _ASCII_TOKEN, _TOKEN
from drafting.importers import load_document
from drafting.model import Block, BlockKind, Document, DocumentKind, Footnote, NoteRef, Text
from drafting.spelling import _ASCII_WORD, _WORD
from drafting.treaties import _patterns, required_literal
from tests.helpers import CORPUS, CORPUS_FILES

SETTINGS = [CheckSettings(), CheckSettings(footnote_regime="current", user_words=frozenset({"Fedotov"}))]

FRAGMENTS = [
    "20 December 2012", "December 20, 2012", "December 2012", "20th of December, 2012", "1st May 2013",
    "20 Dec. 2012", "5 Sept 2011", "31 June 2013", "29 February 2013", "29 February 2012", "May 5 2010",
    "resolution 67/193 of 20 December 2011", "resolutions 66/183 , of 19 December 2012",
    "resolution 2013/40 of 25 July 2012", "Economic and Social Council resolution 2012/30 of 26 July 2012",
    "Security Council resolution 2117 (2013) of 26 September 2012", "resolution 2117 (2013)",
    "Commission on Narcotic Drugs resolution 55/1 of 16 June 2012", "its resolution 56/2 of 15 March 2014",
    "General Assembly resolution 40/1 of 3 October 1986", "2008-2011", "1998-99", "2010-2015-2020",
    "A/RES/67.193", "A/C.3/67/L15", "A/RES/67/193", "S/1906/2020", "E/CN.7/2013/L.2", "HIV/AIDS", "and/or",
    "Organisation for the Prohibition of Chemical Weapons", "OPCW", "the Organisation", "UN", "U.N.",
    "UNGA", "UNSC", "ECOSOC", "UN-Women", "UN Women", "organisation", "organisations", "analyze",
    "analyzing", "programme", "program", "centre", "center", "otherwise", "realise", "realising",
    "organisational", "co-operation", "non-co-operation", "behavior-related", "computer program",
    "Single Convention on Narcotic Drugs of 1961", "Single Convention on Narcotic Drugs, 1972",
    "Convention on Psychotropic Substances of 1971", "United Nations Convention against Corruption",
    "Convention against Illicit Traffic in Narcotic Drug and Psychotropic Substances of 1988",
    "Treaty of Rome of 1957", "Treaty of Rome of 1958", "recieve", "Recieve", "Fedotov said", "[",
    "]", "“quoted”", "«", "»", "www.unodc.org", "info@unodc.org", "(bb)", "entitled “Organisation”",
    "Ibid., vol. 1019, No. 14956.", "United Nations, Treaty Series, vol. 520, No. 7515", "’s", "é", "İ",
    "二〇一二年", "，", "\u00a0", "\u2011", "—", "...", ";", ":", ",", ".", " ", "\n",
]  # fmt: skip


def both(document: Document, settings: CheckSettings) -> tuple[list, list]:
    """The findings with the shortcuts and without them."""
    fast = run_checks(document, settings)
    context.PREFILTER = False
    try:
        slow = run_checks(document, settings)
    finally:
        context.PREFILTER = True
    return fast, slow


def test_prefilter_switch_defaults_on():
    assert context.PREFILTER is True


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_corpus_texts_give_the_same_findings_without_shortcuts(name):
    document = load_document(CORPUS / name).document
    for check_settings in SETTINGS:
        fast, slow = both(document, check_settings)
        assert fast == slow


def _mutated(text: str, rng: random.Random) -> str:
    for _ in range(rng.randint(1, 4)):
        at = rng.randint(0, len(text))
        choice = rng.random()
        if choice < 0.7:
            text = text[:at] + rng.choice(FRAGMENTS) + text[at:]
        elif choice < 0.85:
            text = text[:at] + text[at + rng.randint(1, 12) :]
        else:
            text = text[:at] + rng.choice("0123456789/-–.,; AZaz") + text[at:]
    return text


@pytest.mark.parametrize("name", [name for name in CORPUS_FILES if name.endswith("-en.txt")])
@pytest.mark.parametrize("seed", range(12))
def test_mutated_paragraphs_give_the_same_findings_without_shortcuts(name, seed):
    rng = random.Random(seed)
    document = deepcopy(load_document(CORPUS / name).document)
    blocks = list(document.iter_blocks()) + list(document.footnotes.values())
    for block in rng.sample(blocks, min(len(blocks), 8)):
        for index, node in enumerate(block.content):
            if isinstance(node, Text) and rng.random() < 0.6:
                block.content[index] = Text(_mutated(node.text, rng), node.marks)
    fast, slow = both(document, SETTINGS[seed % 2])
    assert fast == slow
    checker = IncrementalChecker()
    assert checker.check(document, SETTINGS[seed % 2]) == fast


def _document(paragraphs: list[str], note: str, language: str) -> Document:
    kinds = [BlockKind.PREAMBULAR, BlockKind.OPERATIVE, BlockKind.PARAGRAPH]
    blocks = [Block(f"b{i}", kinds[i % 3], [Text(text)]) for i, text in enumerate(paragraphs)]
    blocks[0].content.append(NoteRef("n1"))
    notes = {"n1": Footnote("n1", [Text(note)])}
    return Document(DocumentKind.RESOLUTION, language, blocks=blocks, footnotes=notes)


_PIECE = st.one_of(
    st.sampled_from(FRAGMENTS), st.text(alphabet="0123456789/-.,() ADMNOSUacdeilnorsyz", max_size=8)
)
_PARAGRAPH = st.lists(_PIECE, max_size=12).map(" ".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PARAGRAPH, min_size=1, max_size=4), _PARAGRAPH, st.sampled_from(["en", "fr", "zh"]))
def test_generated_texts_give_the_same_findings_without_shortcuts(paragraphs, note, language):
    document = _document(paragraphs, note, language)
    fast, slow = both(document, CheckSettings())
    assert fast == slow


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=60))
def test_ascii_word_patterns_find_what_the_unicode_ones_find(text):
    assert _ASCII_WORD.findall(text) == _WORD.findall(text)
    assert _ASCII_TOKEN.findall(text.lower()) == _TOKEN.findall(text.lower())


def test_every_registry_match_holds_its_literal():
    texts = [" ".join(FRAGMENTS)]
    for name in CORPUS_FILES:
        document = load_document(CORPUS / name).document
        texts += [context.text_and_markers(b.content)[0] for b in document.iter_blocks()]
    for language in ("en", "zh"):
        for pattern in _patterns(language):
            assert pattern.literal
            for text in texts:
                for match in pattern.regex.finditer(text):
                    assert pattern.literal in match.group()


@pytest.mark.parametrize(
    ("pattern", "literal"),
    [
        ("abc", "abc"),
        ("a(b)?cd", "cd"),
        ("ab?cd", "cd"),
        ("abc{2,3}d", "ab"),
        ("ab{x(y)z}cd", "z}cd"),
        ("[]ab]cd", "cd"),
        (r"[^\]x]yy", "yy"),
        (r"xy\(zzz", "zzz"),
        ("ab|cd", ""),
        ("(?i)abc", ""),
        ("a(?:b|c)de", "de"),
        ("abc+?", "ab"),
        ("(?P<un>United Nations )?Convention against", "Convention against"),
    ],
)
def test_required_literal(pattern, literal):
    assert required_literal(pattern) == literal
    if literal:  # and it is in every match of the pattern on a text that has one
        for text in ("abccd ab|cdd yyy xy(zzz ade Convention against", "abcccd ]cd yy acde abcc ab{xyz}cd"):
            for match in re.finditer(pattern, text):
                assert literal in match.group()
