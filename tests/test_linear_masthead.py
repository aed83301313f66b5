"""The masthead lines are read in linear time: a masthead line followed by a long run of spaces
(found by ``bench/fuzz.py``: 100,000 spaces after "Agenda item 1" took minutes, the sponsors
patterns ``^(.+?)\\s*:`` scanned the run again from each of its positions)."""

from __future__ import annotations

import pytest

from drafting import masthead as mh
from drafting.importers.text_import import import_text
from tests.test_linear_regexes import RUN, hang_guard

HEAD = "United Nations\n\nA/80/L.1\n\nGeneral Assembly\n\nDistr.: Limited\n\n"
BODY = "\nThe General Assembly,\n\nRecalling its resolution 79/1,\n\n1. Decides to remain seized of the matter.\n"


@pytest.mark.parametrize("char", [" ", "\t", "\u00a0", "a", ":"])
def test_a_long_run_in_a_masthead_line_is_read_in_linear_time(char):
    text = HEAD + "Agenda item 1" + char * RUN + "\n\nIndonesia: draft resolution\n" + BODY
    with hang_guard():
        document = import_text(text).document
    assert document.masthead.sponsors == ["Indonesia"]
    assert len(document.operative) == 1


@pytest.mark.parametrize(
    ("line", "sponsors", "designation"),
    [
        ("Indonesia: draft resolution*", "Indonesia", "draft resolution"),
        ("State of Palestine:* draft resolution", "State of Palestine", "draft resolution"),
        ("Argentina,  Brazil : Revised draft resolution", "Argentina,  Brazil", "Revised draft resolution"),
        ("a: b: draft resolution", "a: b", "draft resolution"),
    ],
)
def test_the_sponsors_line_reads_as_before(line, sponsors, designation):
    match = mh.SPONSORS_LINE.match(line)
    assert match.group(1) == sponsors
    assert match.group(2) == designation


def test_the_chinese_sponsors_line_reads_as_before():
    assert mh.SPONSORS_LINE_ZH.match("印度尼西亚：决议草案*").groups() == ("印度尼西亚", "决议草案", "*")
