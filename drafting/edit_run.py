"""The bookkeeping of one edit (see :mod:`drafting.edits`): what it touched, the proposals it
made, and the :class:`Change` it reports; the values the operations take and give.

Around every edit each touched paragraph (or footnote) is prepared and finished the same way,
applied or recorded: before, the seams its proposals rely on are made explicit and the spans that
held seams are dissolved (positions given by the caller are mapped past them); after, spans are
tidied and the seams the edit opened are held again (:mod:`drafting.edit_inline`). Then the
records of proposals left without spans go, so do footnotes no text cites any more, and the
kinds of proposals whose spans changed follow what they now delete and insert.
"""

from __future__ import annotations

import bisect
import copy
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Literal

from drafting.edit_inline import (
    Action,
    delete_range,
    dissolve,
    insert_nodes,
    is_keeper,
    make_exact,
    make_explicit,
    own_deletions_touching,
    rename,
)
from drafting.edit_positions import Path, atoms, length, tidy, visible
from drafting.errors import DraftingError
from drafting.model import (
    Block,
    Document,
    Footnote,
    Inline,
    NoteRef,
    Proposal,
    ProposalKind,
    ProposalSpan,
    ProposalStatus,
    Text,
    iter_inlines,
)
from drafting.proposals import new_proposal_id, proposal_kind


class EditRefused(DraftingError):
    """The edit cannot be made (as asked, or while recording); the message says why."""


@dataclass(frozen=True)
class Recording:
    """Who proposes the edits being recorded, and when (an ISO date, stored as given)."""

    author: str
    date: str | None = None


@dataclass(frozen=True)
class Change:
    """What one edit changed: enough for the editor to redraw only that and name the undo step."""

    label: str
    recorded: bool = False
    changed: tuple[str, ...] = ()
    """Blocks already there whose content changed."""
    inserted: tuple[str, ...] = ()
    """New blocks, in reading order."""
    deleted: tuple[str, ...] = ()
    """Blocks taken out of the document."""
    moved: tuple[str, ...] = ()
    """Blocks (with their subparagraphs) now somewhere else."""
    notes: tuple[str, ...] = ()
    """Footnotes whose text changed."""
    notes_removed: tuple[str, ...] = ()
    """Footnotes dropped because no text cites them any more (as accepting does)."""
    created: tuple[str, ...] = ()
    extended: tuple[str, ...] = ()
    """Proposals whose text got longer (text nested in a span counts for it)."""
    shrunk: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    """Proposals gone, span and record."""

    @property
    def empty(self) -> bool:
        return not (self.changed or self.inserted or self.deleted or self.moved or self.notes)


@dataclass(frozen=True)
class Place:
    """Where a paragraph goes: before or after block ``anchor``, or at the end of the
    subparagraphs of block ``anchor`` (of the document body when ``anchor`` is None)."""

    where: Literal["before", "after", "end"]
    anchor: str | None = None

    @classmethod
    def before(cls, block_id: str) -> Place:
        return cls("before", block_id)

    @classmethod
    def after(cls, block_id: str) -> Place:
        return cls("after", block_id)

    @classmethod
    def end(cls, parent_id: str | None = None) -> Place:
        return cls("end", parent_id)


# --- one run of an edit ------------------------------------------------------------------------


@dataclass
class Moved:
    left_behind: list[Inline]
    arriving: list[Inline]
    direct: bool


class EditRun:
    """The bookkeeping of one edit: what it touched, what proposals it made, the Change."""

    def __init__(self, document: Document, recording: Recording | None) -> None:
        self.document, self.recording = document, recording
        self.touched: dict[str, Block | Footnote] = {}
        self.spans_before: Counter[str] = Counter()
        self.notes_before: Counter[str] = Counter()
        self.proposals_before = set(document.proposals)
        self.inserted: list[str] = []
        self.deleted: list[str] = []
        self.moved: list[str] = []
        self.skip: set = set()
        self.keepers: dict[str, list[int]] = {}
        self.originals: dict[str, list[Inline]] = {}
        self.sides_before: dict[str, set[str]] = {}
        self._move_sources: set[str] | None = None

    # which text, which proposals

    def holder(self, target: str, start: int, end: int) -> Block | Footnote:
        holder = self.document.footnotes.get(target) or self.document.block(target)
        if not 0 <= start <= end <= length(holder.content):
            raise ValueError(f"range {start}..{end} is outside text of length {length(holder.content)}")
        return holder

    def own(self, proposal_id: str) -> bool:
        """Whether the recording author may extend or shrink this proposal: their own, pending,
        and not half of a move."""
        proposal = self.document.proposals.get(proposal_id)
        if self.recording is None or proposal is None or proposal.move_of is not None:
            return False
        if self._move_sources is None:
            self._move_sources = {p.move_of for p in self.document.proposals.values() if p.move_of}
        return (
            proposal.author == self.recording.author
            and proposal.status is ProposalStatus.PROPOSED
            and proposal_id not in self._move_sources
        )

    def own_pending(self, block: Block) -> bool:
        """A paragraph (with its subparagraphs) that is only the recording author's own pending text."""
        return all(_own_text(b.content, self.own) for b in subtree(block))

    def proposer(
        self, kind: ProposalKind, deleted: list[Inline], inserted: list[Inline], move_of: str | None = None
    ) -> Callable[[], str]:
        """The id of the proposal this edit records, made (and listed) on first call: only when
        recording, and only if the edit needs one."""
        made: list[str] = []

        def proposal() -> str:
            if not made:
                assert self.recording is not None
                author, date = self.recording.author, self.recording.date
                proposals = self.document.proposals
                made.append(new_proposal_id(deleted, inserted, proposals, f"{author}\x00{date or ''}"))
                proposals[made[0]] = Proposal(made[0], kind, author=author, date=date, move_of=move_of)
                if move_of is not None:
                    self._move_sources = None
            return made[0]

        return proposal

    # text

    def put(self, holder: Block | Footnote, offset: int, nodes: list[Inline], proposal: Callable) -> None:
        if self.recording is None:
            insert_nodes(holder.content, offset, nodes)
        else:
            insert_nodes(holder.content, offset, nodes, self.own, proposal)

    def delete(self, holder: Block | Footnote, start: int, end: int, proposal: Callable) -> int:
        holder.content, dropped = delete_range(holder.content, start, end, self._decide, proposal)
        return dropped

    def _decide(self, path: Path) -> Action:
        if self.recording is None:
            return "drop"
        if any(side == "deleted" for _span, side in path):
            return "keep"  # struck
        return "drop" if path and self.own(path[-1][0].proposal_id) else "wrap"

    def move_text(self, piece: list[Inline]) -> Moved:
        """Text moving to another paragraph: recorded as a move unless it is nothing or only
        the author's own pending text (then it just moves)."""
        if self.recording is None or not length(piece) or _own_text(piece, self.own):
            return Moved([], piece, True)
        deletion = self.proposer(ProposalKind.DELETE, piece, [])()
        insertion = self.proposer(ProposalKind.INSERT, [], piece, move_of=deletion)()
        return Moved(
            [ProposalSpan(deletion, piece, [])], [ProposalSpan(insertion, [], copy.deepcopy(piece))], False
        )

    # paragraphs

    def locate(self, block: Block) -> tuple[list[Block], int]:
        for siblings in _lists(self.document):
            for index, candidate in enumerate(siblings):
                if candidate is block:
                    return siblings, index
        raise KeyError(block.id)

    def place(self, place: Place) -> tuple[list[Block], int]:
        if place.where == "end":
            siblings = (
                self.document.blocks if place.anchor is None else self.document.block(place.anchor).children
            )
            return siblings, len(siblings)
        if place.anchor is None:
            raise ValueError(f"a place {place.where} a paragraph needs that paragraph's id")
        siblings, index = self.locate(self.document.block(place.anchor))
        return siblings, index + (place.where == "after")

    def added(self, block: Block) -> None:
        for part in subtree(block):
            self.touched[part.id] = part
            self.inserted.append(part.id)

    def remove(self, block: Block) -> None:
        siblings, index = self.locate(block)
        for part in subtree(block):
            self.gone(part)
        del siblings[index]

    def gone(self, block: Block) -> None:
        """``block`` is (being) taken out of the document, without its subparagraphs."""
        self.touch(block)
        self.deleted.append(block.id)
        if block.id in self.inserted:
            self.inserted.remove(block.id)

    def strike(self, block: Block, proposal: Callable[[], str]) -> None:
        """Propose ``block`` and its subparagraphs for deletion, each wrapped in one span."""
        for part in subtree(block):
            if visible(part.content):
                self.touch(part)
                part.content = [ProposalSpan(proposal(), part.content, [])]

    def touch(self, holder: Block | Footnote) -> None:
        """Note ``holder`` before the edit changes it; make its seams explicit and dissolve the
        spans that held seams (:func:`at` maps positions given before that)."""
        if holder.id in self.touched:
            return
        self.touched[holder.id] = holder
        self.originals[holder.id] = copy.deepcopy(holder.content)
        spans, notes = _counts(holder.content)
        self.spans_before.update(spans)
        self.notes_before.update(notes)
        for proposal_id, sides in _sides([holder.content]).items():
            self.sides_before.setdefault(proposal_id, set()).update(sides)
        content = make_explicit(holder.content, (True, False), self.skip)
        self.keepers[holder.id] = [
            i
            for i, (_a, path) in enumerate(atoms(content))
            if path and path[-1][1] == "deleted" and is_keeper(path[-1][0])
        ]
        holder.content = dissolve(content)

    def at(self, holder: Block | Footnote, position: int) -> int:
        """A position given in ``holder`` as it was shown, in its text now (a dissolved keeper
        showed its character twice: struck, then inserted)."""
        return position - bisect.bisect_left(self.keepers.get(holder.id, []), position)

    # the end

    def finish(self, label: str) -> Change:
        document = self.document
        present = [h for h in self.touched.values() if h.id not in self.deleted]
        if self.recording is not None:
            self._join_own_deletions(present)
        for holder in present:
            holder.content = make_exact(tidy(dissolve(holder.content)), (True, False), self.skip)
        spans_after: Counter[str] = Counter()
        notes_after: Counter[str] = Counter()
        for holder in present:
            spans, notes = _counts(holder.content)
            spans_after.update(spans)
            notes_after.update(notes)
        created_here = set(document.proposals) - self.proposals_before
        for proposal_id in set(self.spans_before) | created_here:
            if proposal_id not in spans_after and proposal_id in document.proposals:
                if proposal_id in created_here or not _spanned(document, proposal_id):
                    del document.proposals[proposal_id]
        notes_removed = [
            note for note in self.notes_before if not notes_after[note] and not _cited(document, note)
        ]
        for note in notes_removed:
            document.footnotes.pop(note, None)
        both = self.proposals_before & set(document.proposals)
        extended = [p for p in spans_after if p in both and spans_after[p] > self.spans_before[p]]
        shrunk = [p for p in self.spans_before if p in both and spans_after[p] < self.spans_before[p]]
        created = [p for p in document.proposals if p not in self.proposals_before]
        self._set_kinds(created, both, present)
        changed = [h for h in present if h.id not in self.originals or h.content != self.originals[h.id]]
        return Change(
            label,
            recorded=self.recording is not None,
            changed=tuple(h.id for h in changed if isinstance(h, Block) and h.id not in self.inserted),
            inserted=tuple(self.inserted),
            deleted=tuple(self.deleted),
            moved=tuple(self.moved),
            notes=tuple(h.id for h in changed if isinstance(h, Footnote) and h.id in document.footnotes),
            notes_removed=tuple(notes_removed),
            created=tuple(created),
            extended=tuple(extended),
            shrunk=tuple(shrunk),
            removed=tuple(p for p in self.proposals_before if p not in document.proposals),
        )

    def _set_kinds(self, created: list[str], kept: set[str], present: list[Block | Footnote]) -> None:
        """A proposal's kind follows what its spans delete and insert. A proposal made here has
        all its spans in ``present``; another (of ``kept``) is looked up in the whole document only
        when ``present`` no longer holds a side it held (what it deletes or inserts may be gone)."""
        after = _sides([h.content for h in present])
        changed = [p for p in kept if after.get(p, set()) != self.sides_before.get(p, set())]
        whole: dict[str, set[str]] | None = None
        for proposal_id in [*created, *changed]:
            proposal = self.document.proposals[proposal_id]
            sides = after.get(proposal_id, set())
            if proposal_id not in created:
                if self.sides_before.get(proposal_id, set()) - sides:
                    whole = whole or _sides([h.content for h in _holders(self.document)])
                    sides = whole.get(proposal_id, set())
                else:
                    sides = sides | _KIND_SIDES[proposal.kind]
            if sides:
                proposal.kind = proposal_kind(
                    [Text("-")] if "deleted" in sides else [], [Text("+")] if "inserted" in sides else []
                )

    def _joinable(self, proposal_id: str) -> bool:
        proposal = self.document.proposals[proposal_id] if self.own(proposal_id) else None
        return proposal is not None and not (proposal.rationale or proposal.rationale_footnote_id)

    def _join_own_deletions(self, present: list[Block | Footnote]) -> None:
        """A deletion made by this edit that touches one of the author's deletions becomes part of
        it (deletions the edit did not make are left as they are)."""
        created = set(self.document.proposals) - self.proposals_before
        while True:
            pair = next(
                (
                    p
                    for h in present
                    if (p := own_deletions_touching(h.content, self._joinable, created.__contains__))
                    is not None
                ),
                None,
            )
            if pair is None:
                return
            keep, drop = pair[::-1] if pair[0] in created and pair[1] not in created else pair
            created.discard(drop)
            for holder in present:  # a proposal made by this edit is nowhere else
                rename(holder.content, drop, keep)
            for holder in present:
                holder.content = tidy(holder.content)


# --- helpers -----------------------------------------------------------------------------------


def shown_text(holder: Block | Footnote, start: int, end: int) -> list[Inline]:
    """The shown text of ``[start, end)``, as one run (what a new proposal's id is derived from)."""
    chars = [a.text if isinstance(a, Text) else "\ufffc" for a, _path in atoms(holder.content)]
    return [Text("".join(chars[start:end]))]


def _own_text(content: list[Inline], own: Callable[[str], bool]) -> bool:
    return all(isinstance(n, ProposalSpan) and not length(n.deleted) and own(n.proposal_id) for n in content)


def walk(blocks: list[Block]) -> Iterator[Block]:
    for block in blocks:
        yield block
        yield from walk(block.children)


def subtree(block: Block) -> list[Block]:
    return list(walk([block]))


def _lists(document: Document) -> Iterator[list[Block]]:
    yield document.front
    yield document.blocks
    for block in document.iter_blocks():
        yield block.children


def _holders(document: Document) -> list[Block | Footnote]:
    return [*document.iter_blocks(), *document.footnotes.values()]


def _counts(content: list[Inline]) -> tuple[Counter[str], Counter[str]]:
    """Characters per proposal (a character counts for every span it is in; a keeper's do not),
    references per footnote."""
    spans: Counter[str] = Counter()
    notes: Counter[str] = Counter()
    for node in iter_inlines(content):
        if isinstance(node, ProposalSpan):
            spans[node.proposal_id] += 0  # present, even with no text
    for atom, path in atoms(content):
        if path and is_keeper(path[-1][0]):
            continue
        for span, _side in path:
            spans[span.proposal_id] += 1
        if isinstance(atom, NoteRef):
            notes[atom.footnote_id] += 1
    return spans, notes


def _spanned(document: Document, proposal_id: str) -> bool:
    return any(
        isinstance(n, ProposalSpan) and n.proposal_id == proposal_id
        for h in _holders(document)
        for n in iter_inlines(h.content)
    )


def _cited(document: Document, note: str) -> bool:
    """Whether footnote ``note`` is cited by any text, or is a pending proposal's rationale."""
    if any(p.rationale_footnote_id == note for p in document.proposals.values()):
        return True
    return any(
        isinstance(n, NoteRef) and n.footnote_id == note
        for h in _holders(document)
        for n in iter_inlines(h.content)
    )


_KIND_SIDES = {
    ProposalKind.INSERT: {"inserted"},
    ProposalKind.DELETE: {"deleted"},
    ProposalKind.REPLACE: {"deleted", "inserted"},
}


def _sides(contents: list[list[Inline]]) -> dict[str, set[str]]:
    """For each proposal, which sides of its spans hold something (keepers left out)."""
    sides: dict[str, set[str]] = {}
    for content in contents:
        for node in iter_inlines(content):
            if isinstance(node, ProposalSpan) and not is_keeper(node):
                found = sides.setdefault(node.proposal_id, set())
                found.update(side for side in ("deleted", "inserted") if getattr(node, side))
    return sides
