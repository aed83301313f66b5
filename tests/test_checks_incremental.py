"""The incremental checker gives exactly what a full check gives, edit after edit.

Random edits (seeded) are made to real texts: words changed, paragraphs inserted, deleted and moved,
footnote references added and removed, footnote texts changed, footnotes deleted, and now and then the
language, the document kind, the masthead or the settings changed. After every edit the incremental
result is compared with ``run_checks`` on the same snapshot. The harness is shown to catch a stale
cache: with the checker's keys, relabelling or fact validation deliberately broken, it finds a
mismatch; and enough edits change the findings that a checker returning old results would fail.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import copy
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from drafting import checks
from drafting.checks import CheckSettings, Finding, Rule, run_checks
from drafting.checks import incremental as incremental_module
from drafting.checks.incremental import IncrementalChecker
from drafting.importers import load_document
from drafting.model import Block, BlockKind, Document, DocumentKind, Footnote, NoteRef, Text
from drafting.numbering import footnote_numbers
from tests.helpers import shared_corpus

CORPUS = shared_corpus()
SEEDS = sorted(CORPUS.glob("*.txt"))
REAL = sorted(p for p in (CORPUS / "real-ga80" / "texts").glob("*") if p.name.endswith((".md", ".raw.txt")))
REAL_SAMPLE = random.Random(80).sample(REAL, min(5, len(REAL)))
RES_67_193 = CORPUS / "ga-res-67-193-en.txt"

STEPS = 40

PARAGRAPHS = [
    "Recalling also its resolution 67/193 of 20 December 2012,",
    "Recalling further the Single Convention on Narcotic Drugs of 1962,",
    "Further recalling the UN Charter,",
    "Decides to remain seized of the matter",
    "Requests the Secretary-General to recieve reports for 2008-2011;",
    "Welcomes the organisation of the meeting on 31 June 2012;",
    "Notes documents A/RES/67.193 and S/1906/2020;",
    "Welcomes the work of the OPCW;",
    "Zorblat decides to act;",
    "Invites the Zorblat Foundation to take part;",
    "Also decides to continue its work;",
    "Further decides to review the matter;",
    "Noting the Convention on Zorblat Matters of 1990 and the Convention on Zorblat Matters of 1991,",
    "Recalling its resolution 66/183 of 18 December 2014,",
    "Noting resolution 2020/3 of 22 July 2019 and Security Council resolution 2334 (2016) of 23 December 2017,",
    "Emphasizing that the Organisation for the Prohibition of Chemical Weapons acts,",
    "Takes note of the report dated December 20, 2012;",
    "又决定继续审议该问题,",
    "决定继续审议该问题。",
]
WORDS = [
    "recieve", "organisation", "Organisation", "UN", "ECOSOC", "2008-2011", "31 June 2012", "Zorblat",
    "analyze", "programme", "the", "and", "Decides", "Also", "Further", "Recalling", "OPCW", "A/RES/67.193",
    ",", ";", ".", ":", "", "Convention on Psychotropic Substances of 1972",
]  # fmt: skip
FOOTNOTES = [
    "Ibid., vol. 976, No. 14152.",
    "United Nations, Treaty Series, vol. 520, No. 7515.",
    "Official Records of the General Assembly, Sixty-seventh Session, Supplement No. 8 (A/67/8).",
    "Ibid., Supplement No. 8",
    "See resolution 67/193.",
    "League of Nations, Treaty Series, vol. 81, No. 1855.",
    "Ibid., vol. 1019, No. 14956.",
    "A/RES/67.193",
]


# --- random edits of the model ------------------------------------------------------------------


class Editor:
    """Seeded random edits of one document (and of the settings the next check uses)."""

    def __init__(self, document: Document, settings: CheckSettings, rng: random.Random) -> None:
        self.document, self.settings, self.rng = document, settings, rng
        self.counter = 0

    def fresh_id(self, prefix: str) -> str:
        self.counter += 1
        return f"{prefix}-test-{self.counter}"

    def blocks(self) -> list[Block]:
        return list(self.document.iter_blocks())

    def some_block(self, top_level: bool = False) -> Block:
        """A random block (a new one if the document has none left)."""
        if not self.document.blocks:
            self.document.blocks.append(self.new_block())
        return self.rng.choice(self.document.blocks if top_level else self.blocks())

    def containers(self) -> list[list[Block]]:
        found = [self.document.front, self.document.blocks]
        return found + [b.children for b in self.document.iter_blocks() if b.children]

    def set_content(self, owner, content: list) -> None:
        """Give ``owner`` new content: in place half of the time (nothing may rely on identity)."""
        if self.rng.random() < 0.5:
            owner.content[:] = content
        else:
            owner.content = content

    def edit(self) -> str:
        operations: list[tuple[float, Callable[[], str]]] = [
            (6, self.change_word), (3, self.replace_paragraph), (2, self.insert_paragraph),
            (2, self.delete_paragraph), (2, self.move_paragraph), (1, self.change_kind),
            (1, self.add_subparagraph), (2, self.add_reference), (2, self.remove_reference),
            (2, self.change_footnote), (1, self.add_footnote), (1, self.delete_footnote),
            (0.6, self.change_settings), (0.4, self.change_language), (0.3, self.change_kind_of_document),
            (0.3, self.change_masthead), (0.4, self.duplicate_id),
        ]  # fmt: skip
        operation = self.rng.choices([op for _, op in operations], [w for w, _ in operations])[0]
        return self.undo_duplicates() + operation()

    def change_word(self) -> str:
        candidates = [b for b in self.blocks() if any(isinstance(n, Text) and n.text for n in b.content)]
        if not candidates:
            return self.insert_paragraph()
        block = self.rng.choice(candidates)
        index = self.rng.choice([i for i, n in enumerate(block.content) if isinstance(n, Text) and n.text])
        node = block.content[index]
        words = node.text.split(" ")
        at = self.rng.randrange(len(words))
        words[at] = self.rng.choice(WORDS)
        content = list(block.content)
        content[index] = Text(" ".join(words), node.marks)
        self.set_content(block, content)
        return f"word {at} of {block.id}"

    def replace_paragraph(self) -> str:
        block = self.some_block()
        self.set_content(block, [Text(self.rng.choice(PARAGRAPHS))])
        return f"text of {block.id}"

    def new_block(self) -> Block:
        kind = self.rng.choice(
            [BlockKind.PREAMBULAR, BlockKind.OPERATIVE, BlockKind.PARAGRAPH, BlockKind.HEADING]
        )
        return Block(self.fresh_id("b"), kind, [Text(self.rng.choice(PARAGRAPHS))])

    def insert_paragraph(self) -> str:
        container = self.rng.choice(self.containers())
        at = self.rng.randint(0, min(len(container), 3)) if self.rng.random() < 0.5 else len(container)
        container.insert(self.rng.randint(0, at), self.new_block())
        return "insert"

    def pop_block(self) -> Block | None:
        containers = [c for c in self.containers() if c]
        container = self.rng.choice(containers) if containers else []
        return container.pop(self.rng.randrange(len(container))) if container else None

    def delete_paragraph(self) -> str:
        removed = self.pop_block()
        return f"delete {removed.id}" if removed else self.insert_paragraph()

    def move_paragraph(self) -> str:
        block = self.pop_block()
        if block is None:
            return self.insert_paragraph()
        target = self.rng.choice([self.document.blocks, *[b.children for b in self.document.blocks[:5]]])
        if any(target is b.children for b in (block, *_descendants(block))):
            target = self.document.blocks  # not into itself
        target.insert(self.rng.randint(0, len(target)), block)
        return f"move {block.id}"

    def change_kind(self) -> str:
        block = self.some_block(top_level=True)
        block.kind = self.rng.choice([BlockKind.PREAMBULAR, BlockKind.OPERATIVE, BlockKind.PARAGRAPH])
        block.numbered = self.rng.random() < 0.8
        return f"kind of {block.id}"

    def add_subparagraph(self) -> str:
        parent = self.some_block(top_level=True)
        child = Block(self.fresh_id("b"), BlockKind.SUBPARAGRAPH, [Text(self.rng.choice(PARAGRAPHS))])
        parent.children.insert(self.rng.randint(0, len(parent.children)), child)
        return f"subparagraph of {parent.id}"

    def add_reference(self) -> str:
        block = self.some_block()
        notes = list(self.document.footnotes)
        target = self.rng.choice(notes) if notes and self.rng.random() < 0.85 else self.fresh_id("fn")
        content = list(block.content)
        index = self.rng.randint(0, len(content))
        if index < len(content) and isinstance(content[index], Text) and len(content[index].text) > 2:
            node = content[index]
            cut = self.rng.randrange(1, len(node.text))
            content[index : index + 1] = [
                Text(node.text[:cut], node.marks),
                Text(node.text[cut:], node.marks),
            ]
            index += 1
        content.insert(index, NoteRef(target))
        self.set_content(block, content)
        return f"reference to {target} in {block.id}"

    def remove_reference(self) -> str:
        places = [(b, i) for b in self.blocks() for i, n in enumerate(b.content) if isinstance(n, NoteRef)]
        if not places:
            return self.add_reference()
        block, index = self.rng.choice(places)
        content = list(block.content)
        del content[index]
        self.set_content(block, content)
        return f"remove reference from {block.id}"

    def change_footnote(self) -> str:
        if not self.document.footnotes:
            return self.add_footnote()
        footnote_id = self.rng.choice(list(self.document.footnotes))
        footnote = self.document.footnotes[footnote_id]
        content = [Text(self.rng.choice(FOOTNOTES))]
        if self.rng.random() < 0.5:
            self.set_content(footnote, content)
        else:
            self.document.footnotes[footnote_id] = Footnote(footnote_id, content)
        return f"text of {footnote_id}"

    def add_footnote(self) -> str:
        footnote_id = self.fresh_id("fn")
        self.document.footnotes[footnote_id] = Footnote(footnote_id, [Text(self.rng.choice(FOOTNOTES))])
        blocks = self.blocks()
        if blocks and self.rng.random() < 0.8:
            block = self.rng.choice(blocks)
            self.set_content(block, [*block.content, NoteRef(footnote_id)])
        return f"add {footnote_id}"

    def delete_footnote(self) -> str:
        if not self.document.footnotes:
            return self.add_footnote()
        footnote_id = self.rng.choice(list(self.document.footnotes))
        del self.document.footnotes[footnote_id]
        return f"delete {footnote_id}"

    def change_settings(self) -> str:
        numbers = footnote_numbers(self.document)
        printed = dict(self.settings.literal_footnote_numbers)
        if self.rng.random() < 0.5 and numbers:
            ids = list(numbers)
            self.rng.shuffle(ids)
            printed = {fid: n for n, fid in enumerate(ids[: self.rng.randint(1, len(ids))], start=1)}
        self.settings = CheckSettings(
            footnote_regime=self.rng.choice(["legacy", "current"]),
            literal_footnote_numbers=printed,
            user_words=frozenset(
                self.rng.sample(["Zorblat", "recieve", "organisation"], self.rng.randint(0, 2))
            ),
            spelling=self.rng.random() < 0.8,
        )
        return "settings"

    def change_language(self) -> str:
        self.document.language = self.rng.choice(["en", "en", "fr", "zh", "es"])
        return f"language {self.document.language}"

    def change_kind_of_document(self) -> str:
        self.document.kind = self.rng.choice(list(DocumentKind))
        return f"kind {self.document.kind}"

    def change_masthead(self) -> str:
        masthead = self.document.masthead
        if self.rng.random() < 0.5:
            masthead.organ = self.rng.choice([None, "General Assembly", "Economic and Social Council"])
        else:
            masthead.organ_line = self.rng.choice([None, "The Security Council,", "The General Assembly,"])
        return "masthead"

    def duplicate_id(self) -> str:
        blocks = self.blocks()
        if len(blocks) < 2:
            return self.insert_paragraph()
        first, second = self.rng.sample(blocks, 2)
        second.id = self.rng.choice(
            [first.id, first.id, *list(self.document.footnotes)[:1]]
        )  # or a footnote's
        return f"duplicate id {first.id}"

    def undo_duplicates(self) -> str:
        """A duplicate id lasts one snapshot (the checker falls back to a full check meanwhile)."""
        seen = set(self.document.footnotes)
        renamed = ""
        for block in self.blocks():
            if block.id in seen:
                block.id = self.fresh_id("b")
                renamed = "rename duplicate; "
            seen.add(block.id)
        return renamed


def _descendants(block: Block) -> list[Block]:
    return [d for child in block.children for d in (child, *_descendants(child))]


def reader_snapshot(document: Document) -> Document:
    """What the editor's reader hands over: new Document and Block objects, the content lists,
    footnotes and masthead values shared with the previous snapshot."""

    def copy_block(block: Block) -> Block:
        return Block(
            block.id, block.kind, block.content, [copy_block(c) for c in block.children], block.numbered
        )

    return Document(
        kind=document.kind,
        language=document.language,
        masthead=copy.copy(document.masthead),
        front=[copy_block(b) for b in document.front],
        blocks=[copy_block(b) for b in document.blocks],
        footnotes=dict(document.footnotes),
        proposals=dict(document.proposals),
    )


# --- the harness --------------------------------------------------------------------------------


@dataclass
class Run:
    steps: int = 0
    changed: int = 0
    """Edits after which the full check's findings differed from the previous ones."""
    reused: int = 0
    relabelled: int = 0
    incremental_steps: int = 0
    """Checks that re-ran the block rules on only part of the document."""
    mismatch: str | None = None
    history: list[str] = field(default_factory=list)


def run_edits(path: Path, seed: int, steps: int = STEPS) -> Run:
    """Edit the document ``steps`` times; stop at the first snapshot where the checkers disagree."""
    result = load_document(path)
    rng = random.Random(seed)
    settings = CheckSettings(literal_footnote_numbers=dict(result.report.literal_footnote_numbers))
    editor = Editor(result.document, settings, rng)
    checker = IncrementalChecker()
    run = Run()
    previous = run_checks(result.document, settings)
    if checker.check(result.document, settings) != previous:
        run.mismatch = "first snapshot"
        return run
    for step in range(steps):
        run.history.append(editor.edit())
        snapshot = editor.document if rng.random() < 0.5 else reader_snapshot(editor.document)
        expected = run_checks(snapshot, editor.settings)
        got = checker.check(snapshot, editor.settings)
        run.steps += 1
        run.changed += expected != previous
        previous = expected
        stats = checker.stats
        assert stats is not None
        run.reused += stats.reused
        run.relabelled += stats.relabelled
        run.incremental_steps += not stats.full
        if got != expected or [f.extra for f in got] != [f.extra for f in expected]:
            run.mismatch = f"step {step}: {run.history[-1]}\n" + _difference(expected, got)
            return run
    return run


def _difference(expected: list[Finding], got: list[Finding]) -> str:
    missing = [f for f in expected if f not in got]
    extra = [f for f in got if f not in expected]
    lines = [f"  missing: {f.rule} {f.label} {f.start}-{f.end} {f.message}" for f in missing[:5]]
    lines += [f"  unexpected: {f.rule} {f.label} {f.start}-{f.end} {f.message}" for f in extra[:5]]
    return "\n".join(lines) or "  same findings, different order or extras"


# --- random edits: the incremental result is the full result --------------------------------------


@pytest.mark.parametrize("path", SEEDS + REAL_SAMPLE, ids=lambda p: p.name)
def test_incremental_checks_equal_full_checks_after_random_edits(path: Path):
    run = run_edits(path, seed=sum(map(ord, path.name)))
    assert run.mismatch is None, run.mismatch
    assert run.steps == STEPS
    # The comparison can fail: the findings really changed under the edits (a checker that kept
    # returning old results would disagree) and the cache was really used, not bypassed.
    assert run.changed >= STEPS // 4, run.history
    assert run.incremental_steps >= STEPS // 2
    assert run.reused > 0


@pytest.mark.parametrize(
    ("name", "sabotage"),
    [
        ("content ignored", lambda mp: mp.setattr(incremental_module, "_block_key", lambda block: ())),
        (
            "labels not updated",
            lambda mp: mp.setattr(incremental_module, "_relabelled", lambda entry, label: entry),
        ),
        (
            "facts not checked",
            lambda mp: mp.setattr(incremental_module._FactCheck, "hold", lambda self, reads: True),
        ),
    ],
)
def test_the_harness_catches_a_stale_cache(monkeypatch, name, sabotage):
    sabotage(monkeypatch)
    runs = (run_edits(path, seed, steps=60) for path in SEEDS for seed in (1, 2))
    assert any(run.mismatch for run in runs), f"a checker with {name} went unnoticed"


# --- edits in one paragraph that change document-level findings ------------------------------------


def loaded(path: Path = RES_67_193) -> tuple[Document, CheckSettings]:
    result = load_document(path)
    return result.document, CheckSettings(
        literal_footnote_numbers=dict(result.report.literal_footnote_numbers)
    )


def check_both(checker: IncrementalChecker, document: Document, settings: CheckSettings) -> list[Finding]:
    expected = run_checks(document, settings)
    got = checker.check(document, settings)
    assert got == expected
    return got


def footnote_in_order(document: Document, number: int) -> str:
    return next(fid for fid, n in footnote_numbers(document).items() if n == number)


def test_a_broken_ibid_chain_is_reported_after_one_footnote_changes():
    document, settings = loaded()
    checker = IncrementalChecker()
    before = check_both(checker, document, settings)
    assert not [f for f in before if f.rule == "footnote.ibid-source"]
    second = footnote_in_order(document, 2)  # the first is no Treaty Series reference
    document.footnotes[second].content = [Text("Ibid., vol. 976, No. 14152.")]
    after = check_both(checker, reader_snapshot(document), settings)
    assert [f.target for f in after if f.rule == "footnote.ibid-source"] == [second]
    assert checker.stats is not None
    assert checker.stats.rechecked == 1


def test_a_reference_put_first_makes_the_printed_numbers_out_of_order():
    document, settings = loaded()
    checker = IncrementalChecker()
    assert not [f for f in check_both(checker, document, settings) if f.rule == "footnote.numbering"]
    first, fifth = footnote_in_order(document, 1), footnote_in_order(document, 5)
    block = next(b for b in document.iter_blocks() if NoteRef(first) in b.content)
    index = block.content.index(NoteRef(first))
    block.content = [*block.content[:index], NoteRef(fifth), *block.content[index:]]
    after = check_both(checker, reader_snapshot(document), settings)
    numbering = [f for f in after if f.rule == "footnote.numbering"]
    assert numbering
    assert "out of order" in numbering[0].message
    # The footnotes were renumbered, so their labels moved; their cached findings were relabelled.
    assert checker.stats is not None
    assert checker.stats.rechecked == 1


def test_also_without_a_plain_opener_is_reported_and_cleared():
    document, settings = loaded()
    checker = IncrementalChecker()
    before = [f for f in check_both(checker, document, settings) if f.rule == "grammar.also-sequence"]
    first = document.preambular[0]
    original = first.content
    first.content = [Text("Welcoming further the efforts of Member States,")]
    flagged = [f for f in check_both(checker, document, settings) if f.rule == "grammar.also-sequence"]
    assert first.id in [f.target for f in flagged]
    assert first.id not in [f.target for f in before]
    first.content = original
    assert [f for f in check_both(checker, document, settings) if f.rule == "grammar.also-sequence"] == before


def test_inserting_a_paragraph_relabels_the_findings_below_it():
    document, settings = loaded()
    checker = IncrementalChecker()
    for block in document.operative[10:13]:
        block.content = [*block.content, Text(" recieve UN")]
    before = check_both(checker, document, settings)
    moved = [f for f in before if f.label.startswith("OP")]
    assert len(moved) >= 6
    document.blocks.insert(
        document.blocks.index(document.operative[0]),
        Block("b-new", BlockKind.OPERATIVE, [Text("Decides to act;")]),
    )
    after = check_both(checker, reader_snapshot(document), settings)
    stats = checker.stats
    assert stats is not None
    assert stats.rechecked == 1
    assert stats.relabelled > 40
    for finding in moved:
        number = int(finding.label.split()[1].rstrip("()abcdefghij"))
        assert any(f.target == finding.target and f.label.startswith(f"OP {number + 1}") for f in after)


def test_deleting_a_footnote_reports_the_markers_left_in_unchanged_paragraphs():
    document, settings = loaded()
    checker = IncrementalChecker()
    check_both(checker, document, settings)
    gone = footnote_in_order(document, 3)
    citing = [b.id for b in document.iter_blocks() if NoteRef(gone) in b.content]
    del document.footnotes[gone]
    after = check_both(checker, document, settings)
    assert sorted(f.target for f in after if f.rule == "footnote.missing") == sorted(citing)
    # Their contents did not change; the fact they read (the footnote exists) did.
    assert checker.stats is not None
    assert checker.stats.rechecked == len(citing) > 0


def test_a_name_defined_in_one_paragraph_clears_a_spelling_finding_in_another():
    document, settings = loaded()
    checker = IncrementalChecker()
    document.operative[0].content = [Text("Zorblat decides to act;")]
    flagged = check_both(checker, document, settings)
    assert any(f.rule == "spelling.unknown-word" and f.extra["word"] == "Zorblat" for f in flagged)
    document.operative[5].content = [Text("Invites the Zorblat Foundation to take part;")]
    cleared = check_both(checker, reader_snapshot(document), settings)
    assert not any(f.rule == "spelling.unknown-word" and f.extra["word"] == "Zorblat" for f in cleared)


def test_one_edited_paragraph_reruns_the_block_rules_on_that_paragraph_only():
    document, settings = loaded()
    checker = IncrementalChecker()
    check_both(checker, document, settings)
    assert checker.stats is not None
    assert checker.stats.full
    block = document.operative[10]
    block.content = [*block.content, Text(" recieve")]
    check_both(checker, reader_snapshot(document), settings)
    assert checker.stats.rechecked == 1
    assert not checker.stats.full
    check_both(checker, reader_snapshot(document), CheckSettings(footnote_regime="current"))
    assert checker.stats.full  # new settings: everything again


def test_a_rule_that_raises_leaves_the_cache_as_it_was(monkeypatch):
    document, settings = loaded()
    checker = IncrementalChecker()
    check_both(checker, document, settings)
    block = document.operative[3]
    original = block.content
    block.content = [Text("Explodes now;")]

    def explode(ctx, target):
        if ctx.text(target) == "Explodes now;":
            raise ValueError("boom")
        return []

    monkeypatch.setitem(checks.RULES, "test.explode", Rule("test.explode", "block", explode, "", False))
    with pytest.raises(ValueError, match="boom"):
        checker.check(document, settings)
    monkeypatch.delitem(checks.RULES, "test.explode")
    block.content = original
    check_both(checker, document, settings)
    block.content = [Text("Decides to recieve;")]
    check_both(checker, document, settings)


def test_a_block_rule_that_reads_the_document_is_rerun_every_time(monkeypatch):
    """A rule outside the fact mechanism (here: the number of paragraphs) is never served from cache."""

    def count(ctx, block):
        if block is ctx.blocks[0]:
            yield Finding(
                "test.count", checks.Severity.INFO, block.id, ctx.label(block), 0, 0, str(len(ctx.blocks))
            )

    monkeypatch.setitem(checks.RULES, "test.count", Rule("test.count", "block", count, "", False))
    document, settings = loaded()
    checker = IncrementalChecker()
    check_both(checker, document, settings)
    document.blocks.append(Block("b-last", BlockKind.OPERATIVE, [Text("Decides to act.")]))
    after = check_both(checker, document, settings)
    assert [f.message for f in after if f.rule == "test.count"] == [str(len(list(document.iter_blocks())))]


def test_the_check_runner_reports_what_a_full_check_reports(qtbot):
    from ui.check_runner import CheckRunner

    document, settings = loaded()
    runner = CheckRunner()
    try:
        for step in range(4):
            snapshot = reader_snapshot(document)
            with qtbot.waitSignal(runner.finished, timeout=10000) as signal:
                runner.request(snapshot, settings)
            assert signal.args[1] == run_checks(snapshot, settings)
            block = document.operative[step]
            block.content = [*block.content, Text(" recieve UN")]
    finally:
        runner.shutdown()
