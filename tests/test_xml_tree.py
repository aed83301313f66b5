"""The DOCX writers' element tree (:mod:`drafting.exporters.xml_tree`) writes what lxml writes
for the same elements, and refuses what lxml refuses, with lxml's own errors."""

from __future__ import annotations

import pytest
from lxml import etree

from drafting.exporters import xml_tree
from drafting.ooxml import W_NS, XML_NS, w, word_root


def _lxml_bytes(build) -> bytes:
    root = word_root("document")
    build(root, lambda parent, tag: etree.SubElement(parent, w(tag)))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _tree_bytes(build) -> bytes:
    root = xml_tree.word_root("document")
    build(root, lambda parent, tag: xml_tree.sub_element(parent, f"w:{tag}"))
    return xml_tree.to_bytes(root)


def _every_code_point(step: int = 9973) -> list[str]:
    """Every code point XML can hold, in strings of ``step`` characters."""
    chars = [chr(c) for c in range(0x110000) if xml_tree._NOT_XML.match(chr(c)) is None]
    return ["".join(chars[i : i + step]) for i in range(0, len(chars), step)]


@pytest.mark.parametrize("text", [*_every_code_point(), "a&b<c>d\"e'f\rg\nh\ti", "", " lead", "x  y"])
def test_text_and_attributes_are_written_as_lxml_writes_them(text):
    def build(root, sub):
        body = sub(root, "body")
        t = sub(body, "t")
        t.text = text
        t.set(f"{{{XML_NS}}}space", "preserve")
        sub(body, "pStyle").set(f"{{{W_NS}}}val", text)
        sub(body, "empty")

    assert _tree_bytes(build) == _lxml_bytes(build)


@pytest.mark.parametrize("bad", ["a\x01", "\x00", "x\x1f", "\ufffe", "\uffff", "a\ud800", "\udfff"])
def test_what_lxml_refuses_is_refused_alike(bad):
    element = etree.Element("x")
    with pytest.raises((ValueError, UnicodeEncodeError)) as expected:
        element.set("v", bad)
    mine = xml_tree.Element("w:t")
    for attempt in (lambda: mine.set("w:val", bad), lambda: setattr(mine, "text", bad)):
        with pytest.raises(expected.type) as got:
            attempt()
        assert str(got.value) == str(expected.value)


def test_written_elements_are_what_the_elements_would_write():
    element = xml_tree.Element("w:pStyle", {"w:val": 'a&"b'})
    assert xml_tree.written("w:pStyle", {"w:val": 'a&"b'}).xml == xml_tree.serialize(element)


def test_an_empty_root_closes_itself_as_in_lxml():
    expected = etree.tostring(word_root("footnotes"), xml_declaration=True, encoding="UTF-8", standalone=True)
    assert xml_tree.to_bytes(xml_tree.word_root("footnotes")) == expected
