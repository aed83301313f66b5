"""Incremental checks: successive snapshots of one document, only the changed paragraphs re-checked.

:class:`IncrementalChecker` returns exactly what :func:`drafting.checks.run_checks` returns for the
same document and settings (the same findings, in the same order), but re-runs the block rules only
on paragraphs and footnotes whose findings could have changed since the previous snapshot. The
document rules run on every snapshot; the costly parts of them are pure functions of one paragraph's
text, remembered across snapshots (:class:`drafting.checks.context.TextMemo`).

What a block rule's result depends on, and how each is keyed:

* the run as a whole — the rule registry, the settings (compared by value, on a deep copy), the
  document's language and kind (``ctx.is_resolution``): if any differs from the previous snapshot,
  everything is checked afresh and the remembered texts are dropped;
* the block itself — its id (the cache key), kind, ``numbered`` flag and content, with its
  subparagraphs' kinds and contents (no rule reads them today; keyed all the same), as an immutable
  copy compared by value: nothing relies on the identity of blocks or content lists, nor on callers
  leaving a submitted document alone. A footnote is keyed on its id and content;
* anything else a rule reads about the document — whether a footnote exists, a footnote's number,
  the document's names for spelling, whether it names the OPCW, the organ "its resolution" means —
  goes through ``ctx.fact``; the facts a block's rules read are recorded with their values, and the
  cached result is reused only while every one of them has the same value. A rule that reads the
  document in any other way (``ctx.document``, ``ctx.blocks``, another footnote's text) is recorded
  as reading everything, and its block is re-checked on every snapshot;
* the label ("OP 5", "footnote 3"), which shifts whenever a paragraph is inserted above: block rules
  only pass it on as their findings' label (see ``CheckContext.label``), so cached findings are
  relabelled. If the label turns up anywhere else in a block's findings (message, excerpt, fix,
  extra), that block is re-checked instead.

A snapshot in which two blocks share an id, or a block has a footnote's id, is checked in full (the
per-id cache cannot tell them apart) and the cache is dropped. If a rule raises, the exception
propagates and the cache stays as it was before the call.

An IncrementalChecker is not thread-safe: one thread at a time may call :meth:`check`.
"""

from __future__ import annotations

import copy
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, replace

from drafting.checks import RULES, Rule, _load_rules, all_findings, sort_findings
from drafting.checks.context import VOLATILE, CheckContext, CheckSettings, Marker, TextMemo
from drafting.checks.finding import Finding
from drafting.model import Block, Document, DocumentKind, Inline, NoteRef, ProposalSpan, Text

__all__ = ["CheckStats", "IncrementalChecker"]

Facts = dict[tuple[Hashable, ...], Hashable]


@dataclass(frozen=True)
class CheckStats:
    """What the last :meth:`IncrementalChecker.check` did (for tests and benchmarks)."""

    full: bool
    """Everything was checked afresh (first snapshot, new settings, language, kind or rules)."""
    rechecked: int
    """Paragraphs and footnotes whose block rules ran."""
    reused: int
    """Paragraphs and footnotes whose findings came from the cache."""
    relabelled: int
    """Of the reused ones, those whose findings were given a new label."""


@dataclass(frozen=True)
class _RunKey:
    rules: tuple[Rule, ...]
    settings: CheckSettings
    language: str
    kind: DocumentKind


@dataclass(frozen=True)
class _Entry:
    """The block rules' findings for one paragraph or footnote, and what they were computed from."""

    key: tuple[object, ...]
    analysed: tuple[str, list[Marker]]
    findings: dict[str, tuple[Finding, ...]]
    """Rule id -> the rule's findings for this target, in the order the rule gave them."""
    reads: Facts
    label: str
    relabel: bool
    """Whether the findings carry the label only as their label, so they can be relabelled."""
    any: bool
    """Whether there is any finding at all."""


class IncrementalChecker:
    """Checks successive snapshots of a document, re-checking only what changed (see the module)."""

    def __init__(self) -> None:
        self._run: _RunKey | None = None
        self._entries: dict[tuple[str, str], _Entry] = {}
        self._memo: TextMemo | None = None
        self.stats: CheckStats | None = None

    def reset(self) -> None:
        """Forget everything: the next snapshot is checked in full."""
        self._run, self._entries, self._memo = None, {}, None

    def check(self, document: Document, settings: CheckSettings | None = None) -> list[Finding]:
        """All findings for ``document``, equal to ``run_checks(document, settings)``."""
        settings = settings or CheckSettings()
        _load_rules()
        rules = tuple(RULES.values())
        run = _RunKey(rules, copy.deepcopy(settings), document.language, document.kind)
        fresh = run != self._run
        old_entries = {} if fresh else self._entries
        memo = TextMemo(None if fresh else self._memo)
        ctx = CheckContext(document, settings, memo=memo)
        blocks, notes = ctx.blocks, ctx.footnote_blocks
        if not _ids_distinct(blocks, document):
            return self._check_in_full(ctx, rules)

        block_rules = [item for item in rules if item.scope != "document"]
        note_rules = [item for item in block_rules if item.footnotes]
        targets = [("block", b, _block_key(b), block_rules) for b in blocks]
        targets += [("footnote", b, _content_key(b.content), note_rules) for b in notes]

        # Texts first: an unchanged content has the same text and markers, whatever else changed,
        # and the facts validated below (the document's names) read every text.
        candidates: list[_Entry | None] = []
        for kind, block, key, _ in targets:
            entry = old_entries.get((kind, block.id))
            if entry is not None and entry.key == key:
                ctx.remember_text(block.id, entry.analysed)
                if kind == "footnote":
                    ctx.remember_text("footnote:" + block.id, entry.analysed)
                candidates.append(entry)
            else:
                candidates.append(None)

        facts = _FactCheck(ctx)
        entries: dict[tuple[str, str], _Entry] = {}
        rechecked = relabelled = 0
        for (kind, block, key, items), entry in zip(targets, candidates, strict=True):
            label = ctx.label(block)
            if entry is not None and not facts.hold(entry.reads):
                entry = None
            elif entry is not None and entry.label != label:
                entry = _relabelled(entry, label) if entry.relabel else None
                relabelled += entry is not None
            if entry is None:
                entry = _run_block_rules(ctx, block, key, items, label)
                rechecked += 1
            entries[(kind, block.id)] = entry

        # The findings in run_checks' order before sorting (the sort is stable, so ties keep it).
        # Entries without findings are left out: they would add nothing.
        block_entries = [e for e in (entries[("block", b.id)] for b in blocks) if e.any]
        all_entries = block_entries + [e for e in (entries[("footnote", b.id)] for b in notes) if e.any]
        findings: list[Finding] = []
        for item in rules:
            if item.scope == "document":
                findings.extend(item.function(ctx))
            else:
                for entry in all_entries if item.footnotes else block_entries:
                    findings.extend(entry.findings[item.id])
        result = sort_findings(ctx, findings)
        self._run, self._entries, self._memo = run, entries, memo
        self.stats = CheckStats(fresh, rechecked, len(targets) - rechecked, relabelled)
        return result

    def _check_in_full(self, ctx: CheckContext, rules: Iterable[Rule]) -> list[Finding]:
        """``run_checks`` itself, for a snapshot the per-id cache cannot describe; the cache is dropped."""
        result = all_findings(ctx, rules)
        self.reset()
        self.stats = CheckStats(True, len(ctx.blocks) + len(ctx.footnote_blocks), 0, 0)
        return result


def _ids_distinct(blocks: list[Block], document: Document) -> bool:
    ids = {block.id for block in blocks}
    return len(ids) == len(blocks) and ids.isdisjoint(document.footnotes)


def _run_block_rules(
    ctx: CheckContext, block: Block, key: tuple[object, ...], items: list[Rule], label: str
) -> _Entry:
    """Run the block rules on one target, recording the facts they read."""
    reads: Facts = {}
    findings: dict[str, tuple[Finding, ...]] = {}
    for item in items:
        if not ctx.triggered(item.trigger, block):  # reads the text only: nothing to record
            findings[item.id] = ()
            continue
        ctx.reads = reads
        try:
            findings[item.id] = tuple(item.function(ctx, block))
        finally:
            ctx.reads = None
    relabel = all(
        _carries_label_only(finding, block.id, label) for found in findings.values() for finding in found
    )
    found = any(findings.values())
    return _Entry(key, ctx.analysed(block), findings, reads, label, relabel, found)


def _carries_label_only(finding: Finding, target: str, label: str) -> bool:
    """Whether ``finding`` is about ``target`` and names it as ``label`` nowhere but in its label."""
    if finding.target != target or finding.label != label:
        return False
    texts = [finding.message, finding.excerpt, repr(finding.extra)]
    if finding.fix is not None:
        texts += [finding.fix.description, finding.fix.target, finding.fix.text]
    return not any(label in text for text in texts)


def _relabelled(entry: _Entry, label: str) -> _Entry:
    if not entry.any:
        return replace(entry, label=label)
    findings = {rule: tuple(replace(f, label=label) for f in found) for rule, found in entry.findings.items()}
    return replace(entry, findings=findings, label=label)


class _FactCheck:
    """Whether the facts an entry read still have the values it read, on this snapshot's context.
    A fact is computed at most once per snapshot; comparisons of one remembered value are shared."""

    def __init__(self, ctx: CheckContext) -> None:
        self._ctx = ctx
        self._same: dict[tuple[tuple[Hashable, ...], int], bool] = {}

    def hold(self, reads: Facts) -> bool:
        for key, old in reads.items():
            if key[0] == VOLATILE:
                return False
            new = self._ctx.fact(*key)
            if new is old:
                continue
            memo_key = (key, id(old))  # ``old`` is kept alive by its entry, so its id is not reused
            same = self._same.get(memo_key)
            if same is None:
                same = self._same[memo_key] = type(new) is type(old) and new == old
            if not same:
                return False
        return True


def _block_key(block: Block) -> tuple[object, ...]:
    """Everything of a block (and its subparagraphs) but its id and position, immutable."""
    return (
        block.kind,
        block.numbered,
        _content_key(block.content),
        tuple((child.id, _block_key(child)) for child in block.children),
    )


def _content_key(content: list[Inline]) -> tuple[object, ...]:
    return tuple(
        (node.text, frozenset(node.marks)) if type(node) is Text else _node_key(node) for node in content
    )


def _node_key(node: Inline) -> object:
    if isinstance(node, Text):
        return (node.text, frozenset(node.marks))
    if isinstance(node, NoteRef):
        return (node.footnote_id,)
    if isinstance(node, ProposalSpan):
        return (node.proposal_id, _content_key(node.deleted), _content_key(node.inserted))
    return _Unknown()  # not a node the model knows: never equal, so always re-checked


class _Unknown:
    def __eq__(self, other: object) -> bool:
        return False

    __hash__ = None  # type: ignore[assignment]
