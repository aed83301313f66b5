"""What a footnote cites: its series (UN Treaty Series, League of Nations Treaty Series,
Official Records of a given organ, a resolution, a document), and *Ibid.* resolved against
the footnote before it.

*Ibid.* stands for the leading part of the immediately preceding footnote, so it is only
right when what follows it fits that footnote's series: "Ibid., vol. 1019, No. 14956."
needs a *Treaty Series* before it, "Ibid., 2009, Supplement No. 8" needs *Official Records*.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

UNTS = "United Nations Treaty Series"
LNTS = "League of Nations Treaty Series"

_SERIES = [
    (re.compile(r"^(?:See\s+)?United Nations, Treaty Series\b"), UNTS),
    (re.compile(r"^(?:See\s+)?League of Nations, Treaty Series\b"), LNTS),
    (re.compile(r"^(?:见)?联合国，《条约汇编》"), UNTS),
    (re.compile(r"^(?:See\s+)?Official Records of the ([A-Z][A-Za-z ]+?)(?:,|$)"), "Official Records"),
    (re.compile(r"^(?:见)?《(.+?)正式记录"), "Official Records"),
    (re.compile(r"^(?:See\s+)?[Rr]esolutions? ", re.UNICODE), "resolution"),
    (re.compile(r"决议"), "resolution"),
]
_IBID = re.compile(r"^\s*(?:Ibid\.|同上)\s*+(?:[,，]\s*+)?(.*)$")
r"""*Ibid.*, a comma, the rest. The spaces are taken possessively: when the rest does not match (a
line break inside it), giving spaces back to ``(.*)`` one at a time cannot help and re-read the run
after each, quadratic in it (was ``\s*[,，]?\s*``, issue 14); the groups of a match are the same."""
_VOLUME = re.compile(r"\bvols?\.\s*([0-9]+|[IVXLC]+)|第\s*(\d+)\s*卷")
_NUMBER = re.compile(r"\bNo\.\s*(\d+)|第\s*(\d+)\s*号")
_SUPPLEMENT = re.compile(r"\bSupplement\b|补编")


@dataclass(frozen=True)
class Source:
    series: str | None
    """UNTS, LNTS, "Official Records of the …", "resolution", or None if not recognised."""
    ibid: bool
    volume: str | None
    number: str | None

    @property
    def is_treaty_series(self) -> bool:
        return self.series in (UNTS, LNTS)


def read_source(text: str, previous: Source | None) -> Source:
    """The source of a footnote's text; *Ibid.* takes the series of ``previous``."""
    text = text.strip()
    ibid = _IBID.match(text)
    volume = _first(_VOLUME, text)
    number = _first(_NUMBER, text)
    if ibid:
        series = previous.series if previous else None
        return Source(series, True, volume, number)
    return Source(_series(text), False, volume, number)


def ibid_problem(text: str, previous: Source | None) -> str | None:
    """Why an *Ibid.* footnote cannot continue ``previous``, or None if it can (or is no Ibid.)."""
    ibid = _IBID.match(text.strip())
    if not ibid:
        return None
    if previous is None:
        return "Ibid. in the first footnote refers to nothing"
    rest = ibid.group(1)
    volume = _first(_VOLUME, rest)
    if volume is not None:
        if _in_volumes(previous) and not _NUMBER.search(rest):
            # "Ibid., vol. I (NPT/CONF.2000/28 (Parts I and II)), part I." after a Final Document in
            # "vols. I–III": one volume of the publication before, not a Treaty Series reference.
            return None
        if not previous.is_treaty_series:
            return (
                "Ibid. gives a volume, but the footnote before it is not a Treaty Series reference"
                f" ({_name(previous)})"
            )
        if previous.series == LNTS and volume.isdigit():
            return (
                "Ibid. would refer to the League of Nations Treaty Series, but the volume is a United Nations"
                " Treaty Series volume; restate 'United Nations, Treaty Series'"
            )
        if previous.series == UNTS and not volume.isdigit():
            return "Ibid. would refer to the United Nations Treaty Series, but the volume is a League of Nations volume"
    if _SUPPLEMENT.search(rest) and not (previous.series or "").startswith("Official Records"):
        return f"Ibid. gives a supplement of the Official Records, but the footnote before it is {_name(previous)}"
    return None


def _in_volumes(source: Source) -> bool:
    """A publication in volumes other than the Treaty Series (a conference's Final Document,
    "vols. I–III"; Official Records in volumes)."""
    return source.volume is not None and not source.is_treaty_series


def _name(source: Source) -> str:
    return source.series or "not a recognised source"


def _series(text: str) -> str | None:
    for pattern, series in _SERIES:
        match = pattern.search(text)
        if match:
            if series == "Official Records" and match.groups():
                return f"Official Records of the {match.group(1).strip()}"
            return series
    return None


def _first(pattern: re.Pattern[str], text: str) -> str | None:
    match = pattern.search(text)
    if not match:
        return None
    return next(group for group in match.groups() if group is not None)
