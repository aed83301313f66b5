"""Compiling many delegations' returns of one draft into a single attributed text.

A facilitator circulates a draft (the *base*); delegations send it back with their changes
(their *returns*). :func:`compile_returns` gives one document over the base in which every
change of every return is a proposal attributed to its delegation:

* a return that carries proposals (Word tracked changes, or negotiation markup recognised by
  :mod:`drafting.proposals`) is read as those proposals, provided that rejecting all of them
  gives the base text; otherwise its accepted text is compared with the base;
* a clean return is compared with the base (:mod:`drafting.compare`: paragraph alignment,
  then the word diff), and its changes are the delegation's;
* the same change from several delegations is one proposal with all their names
  ("European Union, Japan", in the order of the returns): two changes are the same when they
  give the same text over the words they touch, however each return cut them;
* a change that overlaps a different change already in place is a *collision*: it is kept,
  with the delegation's other colliding changes to that paragraph, in an alternative
  paragraph right after it (``Block.alternative_to``, labelled "OP 5 alt"); a collision in a
  subparagraph gives an alternative of the whole paragraph; a footnote has no alternatives,
  so a collision there is reported, not placed;
* a paragraph added by a return is proposed in full where it stands (one span that only
  inserts), a paragraph deleted is proposed for deletion in full, and a paragraph moved is
  both, the insertion naming the deletion in ``Proposal.move_of``;
* changes inside footnotes are proposals inside the footnote.

Each return goes through the same steps, each a module over the shared
:class:`~drafting.compilation.state.CompileState`: ``marking`` (the return as proposals over the
base), ``changes`` (those proposals as edits of base paragraphs, and paragraphs added),
``moves`` (deletions and insertions paired as moves), ``merge`` (same changes joined,
collisions to alternatives); then ``placing`` builds the document. Positions inside a paragraph
are counted in atoms (:mod:`drafting.compilation.atoms`). :func:`read_return` reads a return
from a file.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from drafting.compilation.changes import changes_of
from drafting.compilation.edits import Edit, NewBlock
from drafting.compilation.marking import Marked, mark_return
from drafting.compilation.merge import merge_edit, merge_new_block
from drafting.compilation.moves import link_moves
from drafting.compilation.placing import build_document
from drafting.compilation.report import CompileReport, ReturnLine, Unplaced
from drafting.compilation.returns import Return, read_return
from drafting.compilation.state import CompileState, start
from drafting.model import Document

__all__ = [
    "Compilation",
    "CompileReport",
    "Return",
    "ReturnLine",
    "Unplaced",
    "compile_returns",
    "read_return",
]


@dataclass
class Compilation:
    document: Document
    report: CompileReport
    moves: dict[str, str] = field(default_factory=dict)
    """Proposal id -> move name, pairing the deletion and the insertion of a paragraph moved in
    full (as :attr:`drafting.compare.redline.Redline.moves`, for the tracked DOCX export)."""


def compile_returns(base: Document, returns: list[Return]) -> Compilation:
    """One document over ``base`` with every change of ``returns`` as an attributed proposal."""
    state = start(base)
    for index, ret in enumerate(returns):
        _add_return(state, index, ret)
    document, moves = build_document(state)
    return Compilation(document, state.report, moves)


def _add_return(state: CompileState, index: int, ret: Return) -> None:
    marked = mark_return(state, ret)
    edits, new_blocks = changes_of(state, index, ret, marked)
    state.report.returns.append(_return_line(ret, marked, edits, new_blocks))
    link_moves(state, edits, new_blocks, marked)
    for edit in edits:
        merge_edit(state, edit, ret)
    for item in new_blocks:
        merge_new_block(state, item)


def _return_line(ret: Return, marked: Marked, edits: list[Edit], new_blocks: list[NewBlock]) -> ReturnLine:
    """The report's line for ``ret``: named for its delegation, or, when its own proposals were
    taken, for the authors of its changes."""
    authors: list[str] = []
    for edit in edits:
        if edit.author not in authors:
            authors.append(edit.author)
    for item in new_blocks:
        for author in item.authors:
            if author not in authors:
                authors.append(author)
    delegation = ret.delegation if (marked.compared or ret.named or not authors) else ", ".join(authors)
    return ReturnLine(
        ret.source_name, delegation, len(edits) + len(new_blocks), marked.read_as, ret.notes + marked.notes
    )
