"""The comparison's clause cuts (``drafting.compare.clauses.split``) equal the definition.

The definition, written here independently of the module: cut every run of both contents into
clauses (text after ", " "; " ": " when a non-space follows; footnote references and proposals
are clauses of their own), take the longest run of equal clauses from the start, then the
longest from the end that does not reach back into it. ``split`` skips whole runs and finds the
cuts from where two strings part; these tests hold it to the definition on random texts made of
the characters that matter (clause punctuation, spaces, a few letters) and on edited corpus
paragraphs.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from drafting.compare import clauses
from drafting.compare.tokens import tokenize
from drafting.importers import load_document
from drafting.model import Mark, NoteRef, Text, plain_text

_CUT = re.compile(r"(?<=[,;:] )(?=\S)")
CORPUS = Path(__file__).parent / "corpus"


def _definition(old, new, old_keys, new_keys):
    def pieces(content, keys):
        out = []
        for node in content:
            if isinstance(node, Text):
                out += [(Text(p, node.marks), (p, node.marks)) for p in _CUT.split(node.text) if p]
            elif isinstance(node, NoteRef):
                out.append((node, ("fn", keys.get(node.footnote_id, node.footnote_id))))
            else:
                out.append((node, ("pr", plain_text(node.deleted), plain_text(node.inserted))))
        return out

    a, b = pieces(old, old_keys), pieces(new, new_keys)
    start = 0
    while start < len(a) and start < len(b) and a[start][1] == b[start][1]:
        start += 1
    end = 0
    while end < len(a) - start and end < len(b) - start and a[-1 - end][1] == b[-1 - end][1]:
        end += 1
    nodes = lambda chunks: [c[0] for c in chunks]  # noqa: E731
    return (
        nodes(a[:start]),
        nodes(b[:start]),
        nodes(a[start : len(a) - end]),
        nodes(b[start : len(b) - end]),
        nodes(a[len(a) - end :]),
        nodes(b[len(b) - end :]),
        start > 0,
        end > 0,
    )


def _tokens(content, keys):
    return [(t.key, t.text, t.marks) for t in tokenize(content, keys)]


def _assert_as_defined(old, new, old_keys=None, new_keys=None):
    old_keys, new_keys = old_keys or {}, new_keys or {}
    parts = clauses.split(old, new, old_keys, new_keys)
    expected = _definition(old, new, old_keys, new_keys)
    keys = (old_keys, new_keys) * 3
    for got, want, side_keys in zip(parts[:6], expected[:6], keys, strict=True):
        assert _tokens(got, side_keys) == _tokens(want, side_keys)
    assert (parts.head, parts.tail) == expected[6:]


_TEXT = st.text(alphabet=",;: ab\u00a0\u00ad-", max_size=24)
_MARKS = st.sampled_from([frozenset(), frozenset({Mark.ITALIC})])
_RUN = st.one_of(
    st.builds(Text, _TEXT, _MARKS),
    st.builds(NoteRef, st.sampled_from(["1", "2"])),
)


@settings(max_examples=600, deadline=None)
@given(st.lists(_RUN, max_size=4), st.lists(_RUN, max_size=4))
def test_random_contents_are_cut_as_defined(old, new):
    _assert_as_defined(old, new, {"1": "#0", "2": "#1"}, {"1": "#0", "2": "#2"})


@settings(max_examples=600, deadline=None)
@given(_TEXT, _TEXT, _TEXT, _TEXT, _MARKS)
def test_one_run_edited_in_the_middle_is_cut_as_defined(before, old_middle, new_middle, after, marks):
    opener = Text("Recalling ", frozenset({Mark.ITALIC}))
    _assert_as_defined(
        [opener, Text(before + old_middle + after, marks), NoteRef("1")],
        [opener, Text(before + new_middle + after, marks), NoteRef("1")],
    )


def test_edited_corpus_paragraphs_are_cut_as_defined():
    rng = random.Random(7)
    checked = 0
    for path in sorted(CORPUS.glob("*.txt")):
        document = load_document(path).document
        for block in document.iter_blocks():
            text = "".join(n.text for n in block.content if isinstance(n, Text))
            if len(text) < 20:
                continue
            for _ in range(3):
                at = rng.randrange(len(text))
                edited = (
                    text[:at]
                    + rng.choice(["", "new words, ", "; ", ":", " x"])
                    + text[at + rng.randrange(4) :]
                )
                references = [n for n in block.content if not isinstance(n, Text)]
                _assert_as_defined([Text(text), *references], [Text(edited), *references])
                checked += 1
    assert checked > 500
