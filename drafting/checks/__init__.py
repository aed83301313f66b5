"""The checker: rules that read the document model and report findings.

Each rule is a small function registered with :func:`rule`, with a stable id. Block rules
look at one paragraph (or footnote) at a time, so the editor can re-check the paragraph
being typed; document rules look across paragraphs (footnote order, *Ibid.*, also/further).
The editor checks successive snapshots through :mod:`drafting.checks.incremental`, which gives
what :func:`run_checks` gives while re-running the block rules only where something changed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from drafting.checks.context import CheckContext, CheckSettings, Trigger
from drafting.checks.finding import Finding, Fix, Severity
from drafting.model import Block, Document

BlockRule = Callable[[CheckContext, Block], Iterable[Finding]]
DocumentRule = Callable[[CheckContext], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    id: str
    scope: str  # "block" or "document"
    function: Callable[..., Iterable[Finding]]
    summary: str
    footnotes: bool
    """Block rules: also run on footnote texts."""
    trigger: Trigger | None = None
    """Block rules: run only on the texts that pass it (see :class:`Trigger`)."""


RULES: dict[str, Rule] = {}


def rule(
    rule_id: str, scope: str = "block", *, footnotes: bool = False, trigger: Trigger | None = None
) -> Callable[[Callable[..., Iterable[Finding]]], Callable[..., Iterable[Finding]]]:
    def register(function: Callable[..., Iterable[Finding]]) -> Callable[..., Iterable[Finding]]:
        summary = (function.__doc__ or "").strip().splitlines()[0] if function.__doc__ else rule_id
        RULES[rule_id] = Rule(rule_id, scope, function, summary, footnotes, trigger)
        return function

    return register


def _load_rules() -> None:
    # Importing the modules registers their rules.
    from drafting.checks import citations, footnotes, grammar, spelling_rules, style, treaties  # noqa: F401


def run_checks(document: Document, settings: CheckSettings | None = None) -> list[Finding]:
    """All findings for ``document``, in reading order."""
    _load_rules()
    ctx = CheckContext(document, settings)
    return all_findings(ctx, RULES.values())


def all_findings(ctx: CheckContext, rules: Iterable[Rule]) -> list[Finding]:
    """Every rule of ``rules`` on the whole document of ``ctx``, sorted in reading order."""
    findings: list[Finding] = []
    for item in rules:
        if item.scope == "document":
            findings.extend(item.function(ctx))
        else:
            targets = ctx.blocks + ctx.footnote_blocks if item.footnotes else ctx.blocks
            if item.trigger is not None:
                targets = [block for block in targets if ctx.triggered(item.trigger, block)]
            for block in targets:
                findings.extend(item.function(ctx, block))
    return sort_findings(ctx, findings)


def check_block(document: Document, block_id: str, settings: CheckSettings | None = None) -> list[Finding]:
    """Findings of the block rules for one paragraph or footnote."""
    _load_rules()
    ctx = CheckContext(document, settings)
    if block_id in document.footnotes:
        block = next(b for b in ctx.footnote_blocks if b.id == block_id)
        items = [item for item in RULES.values() if item.scope == "block" and item.footnotes]
    else:
        block = document.block(block_id)
        items = [item for item in RULES.values() if item.scope == "block"]
    findings = [f for item in items if ctx.triggered(item.trigger, block) for f in item.function(ctx, block)]
    return sort_findings(ctx, findings)


def sort_findings(ctx: CheckContext, findings: list[Finding]) -> list[Finding]:
    order = {block.id: index for index, block in enumerate(ctx.blocks)}
    offset = len(order)
    for index, footnote_id in enumerate(ctx.footnotes_in_order):
        order[footnote_id] = offset + index
    return sorted(findings, key=lambda f: (order.get(f.target, len(order)), f.start, f.rule))


__all__ = [
    "RULES",
    "CheckContext",
    "CheckSettings",
    "Finding",
    "Fix",
    "Severity",
    "Trigger",
    "check_block",
    "rule",
    "run_checks",
]
