"""The text importer survives any input: no exception escapes and no word is lost."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafting.errors import ImportFailed
from drafting.importers.text_import import import_text, import_text_file
from tests.helpers import lost_words

# Pieces that trigger the importer's rules, mixed with arbitrary text.
FRAGMENTS = st.sampled_from(
    [
        "The General Assembly,",
        "Recalling",
        "1. ",
        "(a) ",
        "(i) ",
        "I. ",
        "¹",
        "¹⁰",
        "[^1]",
        "[^1]: ",
        "~~",
        "**",
        "*",
        ";",
        ",",
        ".",
        "2023",
        "20233",
        "Strategy;1",
        "\n",
        "\n\n",
        "\t",
        "____",
        "<<ODS JOB NO>>N0747409E<<ODS JOB NO>>",
        "[DU1]",
        "07-47409",
        "A/RES/67/193",
        "67/193. ",
        "Distr.: General",
        "60th plenary meeting",
        "20 December 2012",
        "大会，",
        "决议草案*",
        "* ",
        "concept paper",
        "\f",
        "\r\n",
        "   ",
    ]
)
TEXT = st.lists(st.one_of(FRAGMENTS, st.text(max_size=40)), max_size=60).map("".join)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_import_never_raises_and_loses_nothing(text):
    if not text.strip():
        return
    result = import_text(text)
    assert lost_words(text, result) == {}


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_bytes_give_a_document_or_a_clear_error(data):
    try:
        import_text_file(data)
    except ImportFailed as exc:
        message = str(exc)
    else:
        return
    assert message
    assert "\n" not in message
