"""Reading Word styles and automatic numbering: what a run's formatting really is, and what
number Word would print before a paragraph.

A run's marks are its character style chain overridden by direct formatting. Styles are
recognised by name, never by id: LibreOffice renames ids on save
(``FootnoteText`` -> ``Footnote``) but keeps the names.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from drafting.model import Mark
from drafting.numbering import letters, roman
from drafting.ooxml import w

_FALSE = {"0", "false", "off", "none"}
_TOGGLES = {"b": Mark.BOLD, "i": Mark.ITALIC, "strike": Mark.STRIKE, "dstrike": Mark.STRIKE}
_VAL = w("val")


_LOCAL_NAMES: dict[str, str] = {}
_MAX_LOCAL_NAMES = 4096
"""Names remembered; a hostile file with more distinct names gets the rest worked out each time."""


def localname(tag: str) -> str:
    """The local part of an element's Clark name (``{ns}t`` -> ``t``), whatever its namespace:
    what ``etree.QName(element).localname`` gives, without making a QName for every element."""
    name = _LOCAL_NAMES.get(tag)
    if name is None:
        name = etree.QName(tag).localname
        if len(_LOCAL_NAMES) < _MAX_LOCAL_NAMES:
            _LOCAL_NAMES[tag] = name
    return name


def child_named(element: etree._Element, tag: str) -> etree._Element | None:
    """The first child of ``element`` with the Clark name ``tag``: ``element.find(tag)``, without
    lxml's path machinery (a fifth of the time for a run's few children)."""
    for child in element:
        if child.tag == tag:
            return child
    return None


def grandchild_named(element: etree._Element, tag: str, inner: str) -> etree._Element | None:
    """``element.find("tag/inner")`` (Clark names): the first ``inner`` child of any ``tag`` child."""
    for child in element:
        if child.tag == tag:
            for grandchild in child:
                if grandchild.tag == inner:
                    return grandchild
    return None


def read_marks(rpr: etree._Element | None) -> dict[Mark, bool]:
    """The marks a ``w:rPr`` sets or clears (absent properties are left out)."""
    found: dict[Mark, bool] = {}
    if rpr is None:
        return found
    for child in rpr:
        tag = localname(child.tag) if isinstance(child.tag, str) else etree.QName(child).localname
        value = child.get(_VAL)
        if tag in _TOGGLES:
            found[_TOGGLES[tag]] = value is None or value.lower() not in _FALSE
        elif tag == "u":
            found[Mark.UNDERLINE] = (value or "single").lower() not in _FALSE
        elif tag == "vertAlign":
            found[Mark.SUPERSCRIPT] = value == "superscript"
    return found


@dataclass
class Style:
    id: str
    type: str
    name: str
    based_on: str | None
    marks: dict[Mark, bool]
    num: tuple[str, int] | None


@dataclass
class Styles:
    by_id: dict[str, Style] = field(default_factory=dict)
    _chains: dict[str | None, list[Style]] = field(default_factory=dict, repr=False)
    """``chain`` by style id, computed once: a run's style was walked up its ``basedOn`` chain for
    every run, so a styles part with a chain thousands deep cost that much per run (issue 14)."""
    _marks: dict[str | None, dict[Mark, bool]] = field(default_factory=dict, repr=False)
    _effective: dict[tuple, frozenset[Mark]] = field(default_factory=dict, repr=False)
    """:meth:`marks` by (character style, direct formatting): a document has few of them."""

    @classmethod
    def read(cls, root: etree._Element | None) -> Styles:
        styles = cls()
        if root is None:
            return styles
        for element in root.iter(w("style")):
            style_id = element.get(w("styleId"), "")
            name_el = element.find(w("name"))
            based = element.find(w("basedOn"))
            num_pr = element.find(f"{w('pPr')}/{w('numPr')}")
            styles.by_id[style_id] = Style(
                id=style_id,
                type=element.get(w("type"), ""),
                name=(name_el.get(w("val"), "") if name_el is not None else style_id).lower(),
                based_on=based.get(w("val")) if based is not None else None,
                marks=read_marks(element.find(w("rPr"))),
                num=_num_pr(num_pr),
            )
        return styles

    def chain(self, style_id: str | None) -> list[Style]:
        """The style and its ancestors, root first (cycles cut)."""
        cached = self._chains.get(style_id)
        if cached is None:
            cached = self._chains[style_id] = self._walk_chain(style_id)
        return cached

    def _walk_chain(self, style_id: str | None) -> list[Style]:
        out: list[Style] = []
        seen: set[str] = set()
        while style_id and style_id in self.by_id and style_id not in seen:
            seen.add(style_id)
            style = self.by_id[style_id]
            out.append(style)
            style_id = style.based_on
        return list(reversed(out))

    def name(self, style_id: str | None) -> str:
        style = self.by_id.get(style_id or "")
        return style.name if style else ""

    def marks(self, character_style: str | None, direct: dict[Mark, bool]) -> frozenset[Mark]:
        """The marks of a run. A paragraph style's own look (a bold heading style) is the
        style's business, not the text's: only character styles and direct formatting count."""
        key = (character_style, *direct.items())
        found = self._effective.get(key)
        if found is not None:
            return found
        inherited = self._marks.get(character_style)
        if inherited is None:
            inherited = {}
            for style in self.chain(character_style):
                inherited.update(style.marks)
            self._marks[character_style] = inherited
        effective = dict(inherited)
        effective.update(direct)
        found = self._effective[key] = frozenset(mark for mark, on in effective.items() if on)
        return found

    def paragraph_numbering(self, paragraph_style: str | None) -> tuple[str, int] | None:
        for style in reversed(self.chain(paragraph_style)):
            if style.num:
                return style.num
        return None


def _num_pr(num_pr: etree._Element | None) -> tuple[str, int] | None:
    if num_pr is None:
        return None
    num_id = num_pr.find(w("numId"))
    ilvl = num_pr.find(w("ilvl"))
    if num_id is None:
        return None
    try:
        level = int(ilvl.get(w("val"), "0")) if ilvl is not None else 0
    except ValueError:
        level = 0
    return num_id.get(w("val"), "0"), max(0, min(level, 8))


MAX_START = 32_767
"""The highest start value Word sets for a list level. A larger one in a hostile file made every
label a roman numeral of that size (a 4,000-digit start: a loop without end), so it is cut here."""
MAX_LEVEL_TEXT = 256
"""Number formats (``%1.``, ``(%2)``) are a few characters; a megabyte one would be copied into the
label of every numbered paragraph."""


@dataclass
class _Level:
    fmt: str
    text: str
    start: int


@dataclass
class Numbering:
    """Counts automatically numbered paragraphs the way Word does and gives their labels."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)
    counters: dict[str, list[int]] = field(default_factory=dict)
    abstract_of: dict[str, str] = field(default_factory=dict)

    @classmethod
    def read(cls, root: etree._Element | None) -> Numbering:
        numbering = cls()
        if root is None:
            return numbering
        abstract: dict[str, dict[int, _Level]] = {}
        for element in root.iter(w("abstractNum")):
            levels: dict[int, _Level] = {}
            for lvl in element.iter(w("lvl")):
                try:
                    index = int(lvl.get(w("ilvl"), "0"))
                    start_el = lvl.find(w("start"))
                    start = int(start_el.get(w("val"), "1")) if start_el is not None else 1
                except ValueError:
                    continue
                fmt = lvl.find(w("numFmt"))
                text = lvl.find(w("lvlText"))
                levels[index] = _Level(
                    fmt.get(w("val"), "decimal") if fmt is not None else "decimal",
                    (text.get(w("val"), "") if text is not None else "")[:MAX_LEVEL_TEXT],
                    min(start, MAX_START),
                )
            abstract[element.get(w("abstractNumId"), "")] = levels
        for num in root.iter(w("num")):
            ref = num.find(w("abstractNumId"))
            if ref is not None and ref.get(w("val"), "") in abstract:
                num_id = num.get(w("numId"), "")
                numbering.levels[num_id] = abstract[ref.get(w("val"), "")]
                numbering.abstract_of[num_id] = ref.get(w("val"), "")
        return numbering

    def label(self, num_id: str, level: int) -> str | None:
        """The next label for a paragraph numbered (num_id, level), or None for none/bullets."""
        levels = self.levels.get(num_id)
        if not levels or num_id == "0" or level not in levels:
            return None
        key = self.abstract_of.get(num_id, num_id)
        counters = self.counters.setdefault(key, [0] * 9)
        counters[level] += 1
        for deeper in range(level + 1, 9):
            counters[deeper] = 0
        spec = levels[level]
        if spec.fmt in ("bullet", "none"):
            return None
        text = spec.text
        for index in range(level, -1, -1):
            lvl = levels.get(index)
            if lvl is None:
                continue
            value = counters[index] + lvl.start - 1
            text = text.replace(f"%{index + 1}", _format(value, lvl.fmt))
        return text


def _format(value: int, fmt: str) -> str:
    value = max(value, 1)
    if fmt == "lowerLetter":
        return letters(value)
    if fmt == "upperLetter":
        return letters(value).upper()
    if fmt == "lowerRoman":
        return roman(value)
    if fmt == "upperRoman":
        return roman(value).upper()
    return str(value)
