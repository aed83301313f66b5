"""Which session a date falls in, and how a masthead names it ("Eighty-first session").

General Assembly (conventions §4.1): regular session N opens in September of 1945 + N and runs
until the next one opens. The opening day follows rule 1 of the rules of procedure:

* until 2002: the third Tuesday of September;
* 2003-2022 (resolution 57/301): the Tuesday of the third week of September, counting from the
  first week that contains at least one working day (60th: 13 Sept 2005, 77th: 13 Sept 2022);
* from 2023: the Tuesday of the second week, counted the same way (78th: 5 Sept 2023,
  79th: 10 Sept 2024, 80th: 9 Sept 2025).

The first session opened on 10 January 1946 in London; the rule holds from the second (1947).

Commission on Narcotic Drugs (conventions §4.4): one regular session a year, session N in
1957 + N (59th in 2016); its reconvened December meeting belongs to the same session.
Economic and Social Council: sessions are named by year ("2026 session").
Security Council: no sessions.
"""

from __future__ import annotations

import datetime

GENERAL_ASSEMBLY = "General Assembly"
ECOSOC = "Economic and Social Council"
SECURITY_COUNCIL = "Security Council"
CND = "Commission on Narcotic Drugs"
ORGANS = (GENERAL_ASSEMBLY, ECOSOC, SECURITY_COUNCIL, CND)
"""Organs :func:`session_name` knows."""

_FIRST_GA_SESSION_OPENED = datetime.date(1946, 1, 10)
_CND_YEAR_OFFSET = 1957

_UNITS = (
    "", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
)  # fmt: skip
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_IRREGULAR_ORDINALS = {
    "one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth",
    "nine": "ninth", "twelve": "twelfth",
}  # fmt: skip


def _cardinal(n: int) -> str:
    if n < 20:
        return _UNITS[n]
    if n < 100:
        tens, units = divmod(n, 10)
        return _TENS[tens] + (f"-{_UNITS[units]}" if units else "")
    hundreds, rest = divmod(n, 100)
    words = f"{_UNITS[hundreds]} hundred"
    return f"{words} and {_cardinal(rest)}" if rest else words


def _ordinal_of_word(word: str) -> str:
    if word in _IRREGULAR_ORDINALS:
        return _IRREGULAR_ORDINALS[word]
    if word.endswith("y"):
        return word[:-1] + "ieth"
    return word + "th"


def ordinal_words(n: int) -> str:
    """``n`` as a capitalised English ordinal in words, UN style: 81 -> "Eighty-first",
    100 -> "One hundredth", 101 -> "One hundred and first" (British "and")."""
    if not 1 <= n <= 999:
        raise ValueError(f"ordinal_words: {n} is outside 1 to 999")
    words = _cardinal(n)
    head, sep, last = words.rpartition(" ")
    head2, sep2, last2 = last.rpartition("-")
    ordinal = head + sep + head2 + sep2 + _ordinal_of_word(last2)
    return ordinal[0].upper() + ordinal[1:]


def _tuesday_of_week(year: int, week: int) -> datetime.date:
    """The Tuesday of the ``week``-th week (Monday to Sunday) of September, counting from the first
    week that holds at least one September working day."""
    first = datetime.date(year, 9, 1)
    monday = first - datetime.timedelta(days=first.weekday())
    if first.weekday() >= 5:  # 1 September on a Saturday or Sunday: that week has no working day
        monday += datetime.timedelta(days=7)
    return monday + datetime.timedelta(days=7 * (week - 1) + 1)


def ga_session_opening(session: int) -> datetime.date:
    """The day regular session ``session`` of the General Assembly opens (by the rule, see the module)."""
    if session < 1:
        raise ValueError(f"there is no General Assembly session {session}")
    if session == 1:
        return _FIRST_GA_SESSION_OPENED
    year = 1945 + session
    if year < 2003:
        first = datetime.date(year, 9, 1)
        return first + datetime.timedelta(days=(1 - first.weekday()) % 7 + 14)
    return _tuesday_of_week(year, 3 if year < 2023 else 2)


def ga_session_number(date: datetime.date) -> int:
    """The regular session of the General Assembly running on ``date``."""
    if date < _FIRST_GA_SESSION_OPENED:
        raise ValueError(f"the General Assembly first met on 10 January 1946, after {date.isoformat()}")
    session = date.year - 1945
    if session < 1 or date < ga_session_opening(session):
        session -= 1
    return max(session, 1)


def cnd_session_number(date: datetime.date) -> int:
    """The regular session of the Commission on Narcotic Drugs held in the year of ``date``."""
    session = date.year - _CND_YEAR_OFFSET
    if session < 1:
        raise ValueError(f"no numbered annual session of the Commission on Narcotic Drugs in {date.year}")
    return session


def session_name(organ: str, date: datetime.date) -> str:
    """The session line of a masthead for ``organ`` on ``date``; "" for the Security Council."""
    if organ == GENERAL_ASSEMBLY:
        return f"{ordinal_words(ga_session_number(date))} session"
    if organ == ECOSOC:
        return f"{date.year} session"
    if organ == CND:
        return f"{ordinal_words(cnd_session_number(date))} session"
    if organ == SECURITY_COUNCIL:
        return ""
    raise ValueError(f"unknown organ {organ!r}; known organs: {', '.join(ORGANS)}")
