"""Text length as each language counts it: Chinese in characters, the others in words."""

from __future__ import annotations

from drafting.languages import count_text, count_unit
from drafting.model import plain_text
from tests.helpers import load


def test_chinese_is_counted_in_characters_without_punctuation_or_spaces():
    assert count_text("大会，", "zh") == 2
    assert count_text("回顾其 2012 年 12 月 20 日第 67/193 号决议；", "zh") == len(
        "回顾其2012年12月20日第67193号决议"
    )
    assert count_unit("zh", 1234) == "1,234 characters"


def test_other_languages_are_counted_in_words():
    assert count_text("Recalling its resolution 67/193 of 20 December 2012,", "en") == 8
    assert count_text("Rappelant sa résolution 67/193 du 20 décembre 2012,", "fr") == 8
    assert count_unit("en", 1) == "1 word"


def test_the_chinese_draft_counts_thousands_of_characters_not_a_few_dozen_words():
    document = load("ga-draft-central-asia-drugs-zh.txt").document
    text = "".join(plain_text(b.content) for b in document.iter_blocks())
    assert len(text.split()) < 200  # what splitting on spaces used to report
    assert count_text(text, "zh") > 3000
