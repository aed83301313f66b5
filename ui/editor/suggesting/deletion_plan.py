"""What deleting a range does in suggesting mode, planned before it is done: which characters
are struck (ordinary text; another delegation's insertion, nested in it), which are really removed (one's own
pending insertion, a paragraph of one's own wholly covered), which are skipped (text already
struck); then the plan carried out, and one's own proposals that lost characters settled."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from PySide6.QtGui import QTextBlock, QTextCharFormat, QTextCursor, QTextDocument

from drafting.model import Proposal, ProposalKind
from ui.editor import formats
from ui.editor.suggesting.recorder import (
    DELETED,
    INSERTED,
    OWN,
    PLAIN,
    THEIRS,
    Recorder,
    proposal_format,
    restyle,
)
from ui.editor.suggesting.surface import block_end, fragments, is_masthead_line


@dataclass
class Piece:
    """A run of characters of one format, ``start``…``end`` on the surface, within one block."""

    start: int
    end: int
    fmt: QTextCharFormat
    category: str
    proposal_id: str | None
    block: QTextBlock


@dataclass
class Plan:
    """What deleting a range does: characters to strike, ranges to remove (own insertions,
    whole paragraphs of one's own), and the own proposals that lose characters."""

    strikes: list[Piece] = field(default_factory=list)
    removals: list[tuple[int, int]] = field(default_factory=list)
    shrunk: set[str] = field(default_factory=set)

    def new_position(self, position: int) -> int:
        """Where ``position`` is once the removals are made."""
        return position - sum(min(end, position) - start for start, end in self.removals if start < position)


def pieces(recorder: Recorder, start: int, end: int) -> list[Piece]:
    """The runs of characters in ``start``…``end`` (paragraph ends, the title and the organ
    line left out), in order."""
    out: list[Piece] = []
    block = recorder.qdoc.findBlock(start)
    while block.isValid() and block.position() < end:
        if is_masthead_line(block):
            block = block.next()
            continue
        for fragment in fragments(block):
            low = max(fragment.position(), start)
            high = min(fragment.position() + fragment.length(), end)
            if low < high:
                fmt = fragment.charFormat()
                category, proposal_id = recorder.category(fmt)
                out.append(Piece(low, high, fmt, category, proposal_id, block))
        block = block.next()
    return out


def plan_deletion(recorder: Recorder, start: int, end: int) -> Plan:
    """The plan of deleting ``start``…``end`` (nothing is changed yet)."""
    qdoc = recorder.qdoc
    found = pieces(recorder, start, end)
    by_block: dict[int, list[Piece]] = {}
    for piece in found:
        by_block.setdefault(piece.block.blockNumber(), []).append(piece)
    plan = Plan()
    whole: set[int] = set()
    block = qdoc.findBlock(start)
    while block.isValid() and block.position() <= end and qdoc.blockCount() > 1:
        first, last = block.position(), block_end(block)
        number = block.blockNumber()
        covered = start <= first and last <= end and (start < first or last < end)
        mine = all(p.category == OWN for p in by_block.get(number, []))
        if covered and mine and not is_masthead_line(block):
            # A paragraph of one's own (or an empty one) wholly deleted goes, paragraph end and all.
            following = block.next()
            if following.isValid():
                plan.removals.append((first, following.position()))
            elif number - 1 in whole:
                plan.removals.append((first, last))  # the one before went with its end
            else:
                plan.removals.append((first - 1, last))
            whole.add(number)
            plan.shrunk.update(p.proposal_id or "" for p in by_block.get(number, []))
        block = block.next()
    for piece in found:
        if piece.block.blockNumber() in whole:
            continue
        if piece.category == OWN:
            plan.removals.append((piece.start, piece.end))
            plan.shrunk.add(piece.proposal_id or "")
        elif piece.category in (PLAIN, THEIRS):
            plan.strikes.append(piece)
    plan.removals.sort()
    return plan


def apply_plan(qdoc: QTextDocument, plan: Plan, deletion: Proposal | None) -> None:
    """Strike (as ``deletion``) and remove as planned: one edit block (one undo level of the text)."""
    edits: list[tuple[int, int, QTextCharFormat | None]] = [(s, e, None) for s, e in plan.removals]
    if deletion is not None:
        for piece in plan.strikes:
            # Another delegation's pending words are struck inside their insertion: our deletion
            # only counts if their insertion is accepted (the surface nests it, as the model does).
            outer = formats.proposal_path(piece.fmt) if piece.category == THEIRS else ()
            fmt = proposal_format(QTextCharFormat(piece.fmt), deletion, DELETED)
            edits.append((piece.start, piece.end, formats.set_outer(fmt, outer)))
    edit = QTextCursor(qdoc)
    edit.beginEditBlock()
    for start, end, fmt in sorted(edits, key=lambda e: e[0], reverse=True):
        edit.setPosition(start)
        edit.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        if fmt is None:
            edit.removeSelectedText()
        else:
            edit.setCharFormat(fmt)
    edit.endEditBlock()


def settle_shrunk(recorder: Recorder, plan: Plan, start: int, end: int) -> dict[str, Proposal | None]:
    """Own proposals that lost inserted characters (the plan carried out): gone when nothing is
    left of them, a deletion when only their deleted text is."""
    changes: dict[str, Proposal | None] = {}
    for proposal_id in plan.shrunk - {""}:
        proposal = recorder.session.base.proposals.get(proposal_id)
        if proposal is None:
            continue
        roles = _roles(recorder.qdoc, proposal_id, plan.new_position(start), plan.new_position(end))
        if INSERTED in roles:
            continue
        if DELETED in roles:
            changes[proposal_id] = dataclasses.replace(proposal, kind=ProposalKind.DELETE, move_of=None)
            restyle(recorder.qdoc, proposal_id, changes[proposal_id])
        else:
            changes[proposal_id] = None
    return changes


def _roles(qdoc: QTextDocument, proposal_id: str, start: int, end: int) -> set[str]:
    """The roles ``proposal_id`` still has on the surface: looked for around ``start``…``end``
    first, then everywhere."""
    first = qdoc.findBlock(start).previous()
    last = qdoc.findBlock(end).next()
    nearby = _roles_in(first if first.isValid() else qdoc.firstBlock(), last)
    roles = nearby.get(proposal_id, set())
    if INSERTED in roles:
        return roles
    return _roles_in(qdoc.firstBlock(), QTextBlock()).get(proposal_id, set())


def _roles_in(block: QTextBlock, stop: QTextBlock) -> dict[str, set[str]]:
    """The roles of every proposal on the surface from ``block`` to ``stop`` (invalid: the end)."""
    found: dict[str, set[str]] = {}
    while block.isValid():
        for fragment in fragments(block):
            for proposal_id, role in formats.proposal_path(fragment.charFormat()):
                found.setdefault(proposal_id, set()).add(role)
        if block == stop:
            break
        block = block.next()
    return found
