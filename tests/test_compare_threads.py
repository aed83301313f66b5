"""Comparisons running at once on several threads (two comparison tabs) do not disturb each
other: each has its own word alphabet, and the tokens they share are never written."""

from __future__ import annotations

import random
import sys
import threading
import time

import pytest

from drafting import compare as compare_module
from drafting.compare import Comparison, compare
from drafting.compare.diff import Alphabet, diff_tokens
from drafting.compare.tokens import tokenize
from drafting.model import Block, BlockKind, Document, Footnote, NoteRef, Text
from tests.helpers import load

ROUNDS = 6
"""Each round uses words no comparison has seen yet: a word is given its code when it is
first met, and two threads meeting new words at the same moment is when a shared alphabet
gave two different words one code."""


def vocabulary(tag: str, size: int = 1500) -> list[str]:
    """``size`` distinct lower-case words, each starting with ``tag`` (removed again by
    :func:`signature`: a tag with a capital letter cannot occur inside a word)."""
    rng = random.Random(size)
    letters = "abcdefghijklmnopqrstuvwxyz"
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(letters) for _ in range(rng.randint(3, 9))))
    return [tag + word for word in sorted(words)]


def revision_pair(words: list[str], seed: int) -> tuple[Document, Document]:
    """60 operative paragraphs of the words, and a revision: words replaced by others of the
    same vocabulary in most paragraphs, one paragraph deleted, one inserted, a footnote edited."""
    rng = random.Random(seed)
    paragraphs = [[rng.choice(words) for _ in range(rng.randint(25, 60))] for _ in range(60)]
    notes = [[rng.choice(words) for _ in range(12)] for _ in range(5)]
    revised = [list(p) for p in paragraphs]
    for paragraph in revised:
        for _ in range(rng.randint(0, 6)):
            paragraph[rng.randrange(len(paragraph))] = rng.choice(words)
    del revised[rng.randrange(60)]
    revised.insert(rng.randrange(59), [rng.choice(words) for _ in range(30)])
    revised_notes = [list(n) for n in notes]
    revised_notes[2][5] = rng.choice(words)
    return _document(paragraphs, notes), _document(revised, revised_notes)


def _document(paragraphs: list[list[str]], notes: list[list[str]]) -> Document:
    blocks = []
    for index, words in enumerate(paragraphs):
        content = [Text("Decides " + ", ".join(" ".join(words[i : i + 7]) for i in range(0, len(words), 7)))]
        if index % 12 == 0:
            content += [NoteRef(f"f{index // 12}"), Text(";")]
        blocks.append(Block(f"p-{' '.join(words[:4])}", BlockKind.OPERATIVE, content))
    footnotes = {f"f{i}": Footnote(f"f{i}", [Text(" ".join(words))]) for i, words in enumerate(notes)}
    return Document(blocks=blocks, footnotes=footnotes)


def signature(comparison: Comparison, tag: str = "") -> list:
    """Everything the comparison says, down to each word operation's token keys; ``tag`` is
    taken off the words so that comparisons of the same texts in another vocabulary agree."""

    def keys(tokens) -> list[str]:
        return [token.key.replace(tag, "") if tag else token.key for token in tokens]

    def segments(items) -> list:
        return [(s.op, keys(s.old), keys(s.new)) for s in items]

    blocks = [(b.change, b.old_label, b.new_label, b.edited, segments(b.segments)) for b in comparison.blocks]
    notes = [(f.change, f.old_number, f.new_number, segments(f.segments)) for f in comparison.footnotes]
    return [blocks, notes, comparison.summary()]


@pytest.fixture
def frequent_thread_switches():
    """Threads handed over every microsecond instead of every 5 ms, so that they interleave
    inside the comparisons' loops (this makes a race show up; nothing here is timed)."""
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(interval)


def at_once(pairs: list[tuple[Document, Document]], tag: str = "") -> list[object]:
    """The signatures of the comparisons of ``pairs``, each run on its own thread, all at once."""
    start = threading.Barrier(len(pairs))
    results: list[object] = [None] * len(pairs)

    def run(index: int) -> None:
        start.wait()
        try:
            results[index] = signature(compare(*pairs[index]), tag)
        except Exception as exc:  # noqa: BLE001 (shows in the assertion of the caller)
            results[index] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(pairs))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def expected_results() -> list[list]:
    """The two synthetic comparisons, one after the other."""
    return [signature(compare(*revision_pair(vocabulary("QEZ"), seed)), "QEZ") for seed in (1, 2)]


def fresh_pairs(round_: int) -> tuple[str, list[tuple[Document, Document]]]:
    tag = f"Q{round_}Z"  # words never seen before in this process (no base word has capitals)
    words = vocabulary(tag)
    return tag, [revision_pair(words, seed) for seed in (1, 2)]


def test_two_comparisons_at_once_give_what_they_give_one_after_the_other(frequent_thread_switches):
    expected = expected_results()
    assert expected[0] != expected[1]
    assert sum(b[0] == "modified" for b in expected[0][0]) > 40
    for round_ in range(ROUNDS):
        tag, pairs = fresh_pairs(round_)
        assert at_once(pairs, tag) == expected, f"round {round_}"


class _RacySharedAlphabet:
    """The design this replaced, its race made wide: one alphabet for every comparison, and
    the thread hands over between choosing a new word's code and storing it."""

    def __init__(self) -> None:
        self.shared: dict[str, str] = {}

    def encode_pair(self, old, new) -> tuple[str, str]:
        chars: dict[str, str] = self.shared
        out = []
        for tokens in (old, new):
            codes = []
            for token in tokens:
                code = chars.get(token.key)
                if code is None:
                    code = chr(0x10000 + len(chars))
                    time.sleep(0)  # let the other comparison choose the same code for another word
                    chars[token.key] = code
                codes.append(code)
            out.append("".join(codes))
        return out[0], out[1]


def test_the_check_would_catch_comparisons_sharing_an_alphabet(monkeypatch, frequent_thread_switches):
    expected = expected_results()
    shared = _RacySharedAlphabet()
    monkeypatch.setattr(compare_module, "Alphabet", lambda: shared)
    tag, pairs = fresh_pairs(90)
    assert [signature(compare(*pair), tag) for pair in pairs] == expected  # one after the other: no harm
    caught = False
    for round_ in range(100, 120):  # two words given one code only matter where both occur
        tag, pairs = fresh_pairs(round_)
        if at_once(pairs, tag) != expected:
            caught = True
            break
    assert caught


def test_two_comparisons_of_real_texts_at_once(frequent_thread_switches):
    """The same on two corpus texts (English and Chinese) against revisions of them."""
    pairs = []
    for name in ("ga-res-67-193-en.txt", "ga-draft-central-asia-drugs-zh.txt"):
        old, new = load(name).document, load(name).document
        for index, block in enumerate(new.blocks[::3]):
            block.content = [*block.content, Text(f" 修订 amended{index}")]
        del new.blocks[4]
        pairs.append((old, new))
    expected = [signature(compare(*pair)) for pair in pairs]
    assert at_once(pairs) == expected


def test_an_alphabet_that_runs_out_of_codes_starts_again_between_pairs():
    alphabet = Alphabet(limit=4)
    a, b, c, d, e = (tokenize([Text(word)], {})[0] for word in ("alpha", "beta", "gamma", "delta", "eps"))
    first = alphabet.encode_pair([a, b], [a])
    assert first == ("\U00010000\U00010001", "\U00010000")
    assert alphabet.restarts == 0
    old, new = alphabet.encode_pair([c, d], [c, e, d])  # 2 + 5 tokens might not fit in 4: start again
    assert alphabet.restarts == 1
    assert old == "\U00010000\U00010001"
    assert new == "\U00010000\U00010002\U00010001"
    with pytest.raises(OverflowError):
        Alphabet(limit=4).encode_pair([a, b, c], [d, e])


def test_a_comparison_with_a_small_alphabet_gives_the_same_result(monkeypatch):
    """The restart is invisible: every pair is diffed with codes that agree within it."""
    old, new = revision_pair(vocabulary("QSZ"), 3)
    expected = signature(compare(old, new))
    made: list[Alphabet] = []

    def small() -> Alphabet:
        made.append(Alphabet(limit=400))
        return made[-1]

    monkeypatch.setattr(compare_module, "Alphabet", small)
    assert signature(compare(old, new)) == expected
    assert len(made) == 1
    assert made[0].restarts > 3


def test_diff_tokens_without_an_alphabet_uses_a_fresh_one():
    old = tokenize([Text("the committee decides to act")], {})
    new = tokenize([Text("the committee resolves to act")], {})
    assert [
        (s.op, "".join(t.text for t in s.old), "".join(t.text for t in s.new)) for s in diff_tokens(old, new)
    ] == [
        ("equal", "the committee ", "the committee "),
        ("delete", "decides", ""),
        ("insert", "", "resolves"),
        ("equal", " to act", " to act"),
    ]
