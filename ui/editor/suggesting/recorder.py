"""The records of the user's proposals: who the user speaks for, which pending proposals are
theirs, new records (id, author, date) and records put into the session's outside-text state
(``session.set_outside_text``), which makes them an undo command of the gesture's step."""

from __future__ import annotations

import copy
import datetime
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextDocument

from drafting.ids import new_id
from drafting.model import Document, Footnote, Proposal, ProposalKind, ProposalStatus
from ui.editor import formats
from ui.editor.suggesting.surface import fragments
from ui.editor.writer import SurfaceWriter, proposal_tooltip

if TYPE_CHECKING:
    from ui.document_session import DocumentSession

DELETED, INSERTED = "deleted", "inserted"
"""The roles of a proposal's runs on the surface (``formats.PROPOSAL_ROLE``)."""
PLAIN, STRUCK, OWN, THEIRS = "plain", "struck", "own", "theirs"
"""What a character is to the user who deletes it: ordinary text, text already struck (a
deletion by anyone), an insertion of their own still pending, or another delegation's."""


def today() -> str:
    return datetime.date.today().isoformat()


class Recorder:
    """The user's proposals in one document: every gesture of suggesting mode asks it whose a
    character is and records what it proposes through it."""

    def __init__(self, session: DocumentSession) -> None:
        self.session = session
        self.author_source: Callable[[], str | None] = lambda: None
        """Who the user speaks for (the window passes ``Settings.delegation``)."""
        self.oral_meeting: str | None = None
        """While oral revisions are recorded, the meeting they are read out at: every new
        record carries it as :attr:`Proposal.oral`."""
        self._made: set[str] = set()
        """Proposals made here: the user's own when no delegation is named."""

    @property
    def author(self) -> str | None:
        return (self.author_source() or "").strip() or None

    @property
    def qdoc(self) -> QTextDocument:
        return self.session.qdoc

    def is_own(self, proposal_id: str | None) -> bool:
        """Whether the proposal is the user's own pending one, which typing extends and deleting
        shrinks. An oral revision is a record apart from a written proposal: while oral
        revisions are recorded only those of the same meeting are one's own, otherwise only
        proposals that are not oral revisions."""
        proposal = self.session.base.proposals.get(proposal_id or "")
        if proposal is None or proposal.status is not ProposalStatus.PROPOSED:
            return False
        if proposal.oral != self.oral_meeting:
            return False
        author = self.author
        if author is None:  # no delegation named: one's own are those made here, unnamed
            return proposal.author is None and proposal_id in self._made
        return proposal.author == author

    def category(self, fmt: QTextCharFormat) -> tuple[str, str | None]:
        """What the character of ``fmt`` is to the user (:data:`PLAIN` …), and its proposal."""
        proposal_id = fmt.property(formats.PROPOSAL_ID)
        if not isinstance(proposal_id, str) or not proposal_id:
            return PLAIN, None
        if fmt.property(formats.PROPOSAL_ROLE) == DELETED:
            return STRUCK, proposal_id
        return (OWN if self.is_own(proposal_id) else THEIRS), proposal_id

    def new_proposal(self, kind: ProposalKind, **extra: object) -> Proposal:
        """A record by the user's delegation, dated today (not yet in the document); an oral
        revision of :attr:`oral_meeting` while oral revisions are recorded."""
        proposal = Proposal(
            new_id("pr"),
            kind,
            author=self.author,
            date=today(),
            oral=self.oral_meeting,
            **extra,  # type: ignore[arg-type]
        )
        self._made.add(proposal.id)
        return proposal

    def writer_with(self, changes: dict[str, Proposal | None]) -> SurfaceWriter:
        """A writer of the surface that knows records not yet in the document."""
        return SurfaceWriter(with_proposals(self.session.base, changes))

    def set_records(
        self, changes: dict[str, Proposal | None], footnotes: dict[str, Footnote] | None = None
    ) -> None:
        """Proposal records (None: gone) and pasted footnotes into the session's outside-text
        state: an undo command inside the gesture's step."""
        if not changes and not footnotes:
            return
        base = self.session.base
        document = with_proposals(base, changes)
        if footnotes:
            document.footnotes = {
                **base.footnotes,
                **{k: v for k, v in footnotes.items() if k not in base.footnotes},
            }
        self.session.set_outside_text(None, document)


def with_proposals(document: Document, changes: dict[str, Proposal | None]) -> Document:
    """A shallow copy of ``document`` with its proposal records changed (None: gone)."""
    proposals = dict(document.proposals)
    for proposal_id, record in changes.items():
        if record is None:
            proposals.pop(proposal_id, None)
        else:
            proposals[proposal_id] = record
    changed = copy.copy(document)
    changed.proposals = proposals
    return changed


def proposal_format(base: QTextCharFormat, proposal: Proposal, role: str) -> QTextCharFormat:
    """``base`` as a run of ``proposal`` in ``role``: its delegation's colour, its tooltip."""
    return formats.proposal_format(
        base, proposal.id, role, formats.delegation_colour(proposal.author), proposal_tooltip(proposal)
    )


def restyle(qdoc: QTextDocument, proposal_id: str, proposal: Proposal) -> None:
    """Every run of the proposal shows its record as it now is (kind, rationale) when hovered."""
    tip = QTextCharFormat()
    tip.setToolTip(proposal_tooltip(proposal))
    edit = QTextCursor(qdoc)
    edit.beginEditBlock()
    block = qdoc.firstBlock()
    while block.isValid():
        for fragment in fragments(block):
            if fragment.charFormat().property(formats.PROPOSAL_ID) == proposal_id:
                edit.setPosition(fragment.position())
                edit.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
                edit.mergeCharFormat(tip)
        block = block.next()
    edit.endEditBlock()
