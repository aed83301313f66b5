"""A small element tree for the DOCX writers, serialised byte for byte as lxml serialises the
same elements (``etree.tostring(…, xml_declaration=True, encoding="UTF-8", standalone=True)``).

An export writes some 50,000 elements for a 1 MB text. lxml makes each in about a microsecond
and each ``w:`` attribute in another (it looks the namespace up on every call); these Python
objects take a third of that, and are written out as text once. Names are kept with their
prefix (``w:p``); the story parts declare Word's namespaces on their root
(:func:`word_root`), exactly as :func:`drafting.ooxml.word_root` does.

lxml refuses text that XML cannot hold (control characters, U+FFFE/U+FFFF, lone surrogates)
when it is set: so does this tree, with lxml's own exception (it asks lxml). Serialised, text
escapes ``& < >`` and carriage returns, attribute values also ``"`` tabs and line feeds, as
libxml2 does in UTF-8 (tests/test_xml_tree.py compares every code point with lxml).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

from drafting.ooxml import MC_NS, R_NS, W_NS, XML_NS
from drafting.ooxml import word_root as lxml_word_root

PREFIXES = {W_NS: "w", R_NS: "r", XML_NS: "xml", MC_NS: "mc"}
"""Namespaces the writers name in Clark notation, by their prefix on Word's part roots."""
DECLARATION = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
_ATTRIBUTE_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\t": "&#9;", "\n": "&#10;", "\r": "&#13;"}
)
_ATTRIBUTE_SPECIAL = re.compile('[&<>"\t\n\r]')


def checked(value: str) -> str:
    """``value``, if XML can hold it; else lxml's own error for it. (What XML cannot hold is
    control characters, surrogates and non-characters, none of them printable: ``isprintable``
    runs in C, at a fraction of a character class's cost, and answers for most text.)"""
    if not value.isprintable() and _NOT_XML.search(value) is not None:
        etree.Element("x").set("v", value)  # raises ValueError or UnicodeEncodeError, as lxml does
    return value


def prefixed(name: str) -> str:
    """``w:val`` for ``{…/main}val`` (names already prefixed are kept)."""
    if name[:1] != "{":
        return name
    uri, _, local = name[1:].partition("}")
    return f"{PREFIXES[uri]}:{local}"


class Element:
    """An element: prefixed name, attributes in the order set, children, and text."""

    __slots__ = ("_text", "attrib", "children", "tag")

    def __init__(self, tag: str, attrib: dict[str, str] | None = None) -> None:
        self.tag = tag
        self.attrib = attrib
        if attrib:
            for value in attrib.values():
                checked(value)
        self.children: list[Element | Written] = []
        self._text: str | None = None

    @property
    def text(self) -> str | None:
        return self._text

    @text.setter
    def text(self, value: str | None) -> None:
        self._text = None if value is None else checked(value)

    def set(self, name: str, value: str) -> None:
        checked(value)
        if self.attrib is None:
            self.attrib = {}
        self.attrib[prefixed(name)] = value

    def get(self, name: str) -> str | None:
        return self.attrib.get(prefixed(name)) if self.attrib else None

    def append(self, child: Element) -> None:
        self.children.append(child)

    def insert(self, index: int, child: Element) -> None:
        self.children.insert(index, child)

    def __getitem__(self, index: int) -> Element:
        return self.children[index]

    def __len__(self) -> int:
        return len(self.children)

    def __iter__(self) -> Iterator[Element]:
        return iter(self.children)


class Written:
    """An element already written out (a text run: nothing changes it once made)."""

    __slots__ = ("tag", "xml")

    def __init__(self, tag: str, xml: str) -> None:
        self.tag = tag
        self.xml = xml

    def __len__(self) -> int:
        return 1  # it has content: never what a writer looks for an empty element in

    def __iter__(self) -> Iterator[Element]:
        return iter(())


def written(tag: str, attrib: dict[str, str]) -> Written:
    """An empty element with attributes (``<w:pStyle w:val="…"/>``), written out at once."""
    parts = [f"<{tag}"]
    for name, value in attrib.items():
        checked(value)
        if _ATTRIBUTE_SPECIAL.search(value) is not None:
            value = value.translate(_ATTRIBUTE_ESCAPES)
        parts.append(f' {name}="{value}"')
    parts.append("/>")
    return Written(tag, "".join(parts))


def sub_element(parent: Element, tag: str, attrib: dict[str, str] | None = None) -> Element:
    """A new last child of ``parent`` (``etree.SubElement``)."""
    child = Element(tag, attrib)
    parent.children.append(child)
    return child


def text_element(parent: Element, tag: str, text: str) -> Element:
    """A new last child of ``parent`` holding ``text``, which the caller has made XML-safe
    (:func:`~drafting.exporters.docx_runs.xml_safe`): not checked again."""
    child = Element(tag)
    child._text = text
    parent.children.append(child)
    return child


class Root(Element):
    """The root of a story part, with Word's namespace declarations."""

    __slots__ = ("start_tag",)

    def __init__(self, tag: str, start_tag: str) -> None:
        super().__init__(tag)
        self.start_tag = start_tag


_ROOT_START_TAGS: dict[str, str] = {}


def word_root(local_name: str) -> Root:
    """The root ``w:`` element of a story part, declared as :func:`drafting.ooxml.word_root`
    declares it (its start tag is taken from lxml's own serialisation of that root)."""
    start = _ROOT_START_TAGS.get(local_name)
    if start is None:
        empty = etree.tostring(lxml_word_root(local_name), encoding="unicode")
        assert empty.endswith("/>")
        start = _ROOT_START_TAGS[local_name] = empty[:-2] + ">"
    return Root(f"w:{local_name}", start)


def _write(element: Element, out: list[str]) -> None:
    tag = element.tag
    attrib = element.attrib
    if attrib:
        parts = [f"<{tag}"]
        for name, value in attrib.items():
            if _ATTRIBUTE_SPECIAL.search(value) is not None:
                value = value.translate(_ATTRIBUTE_ESCAPES)
            parts.append(f' {name}="{value}"')
        start = "".join(parts)
    else:
        start = f"<{tag}"
    text = element._text
    children = element.children
    if text is None and not children:
        out.append(f"{start}/>")
        return
    out.append(f"{start}>")
    if text:
        out.append(escaped_text(text))
    for child in children:
        if child.__class__ is Written:
            out.append(child.xml)
        else:
            _write(child, out)
    out.append(f"</{tag}>")


def escaped_text(text: str) -> str:
    """``text`` as element content (``& < >`` and carriage returns escaped)."""
    if "&" in text or "<" in text or ">" in text or "\r" in text:  # four scans at memory speed
        return text.translate(_TEXT_ESCAPES)
    return text


def serialize(element: Element) -> str:
    """The element as lxml writes it (a root with its namespace declarations)."""
    out: list[str] = []
    if isinstance(element, Root):
        if element._text is None and not element.children:
            return f"{element.start_tag[:-1]}/>"
        out.append(element.start_tag)
        if element._text:
            out.append(escaped_text(element._text))
        for child in element.children:
            if child.__class__ is Written:
                out.append(child.xml)
            else:
                _write(child, out)
        out.append(f"</{element.tag}>")
    elif element.__class__ is Written:
        return element.xml
    else:
        _write(element, out)
    return "".join(out)


def to_bytes(root: Root) -> bytes:
    """The part: XML declaration and root, in UTF-8."""
    return (DECLARATION + serialize(root)).encode("utf-8")
