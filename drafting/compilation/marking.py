"""A return as proposals over the base.

A return that carries proposals is taken as they are, when rejecting them all gives the base
text (typography aside); otherwise, and for a clean return, its (accepted) text is compared with
the base and the comparison's redline gives the proposals, all of the delegation's."""

from __future__ import annotations

import copy
from dataclasses import dataclass

from drafting.compare import Comparison, compare
from drafting.compare.redline import redline_document
from drafting.compilation.report import Unplaced, count, short
from drafting.compilation.returns import Return
from drafting.compilation.state import CompileState
from drafting.model import Document, Inline, NoteRef, ProposalSpan, iter_inlines, plain_text
from drafting.proposal_ops import reject_all


@dataclass
class Marked:
    """A return as a document whose proposals are changes to the base (``marked``), the
    comparison of its rejected text with the base, and how it came to be so."""

    marked: Document
    comparison: Comparison
    moves: dict[str, str]
    read_as: str
    notes: list[str]
    compared: bool


def mark_return(state: CompileState, ret: Return) -> Marked:
    """``ret`` as proposals over the base; a change to the masthead is reported as not placed."""
    base = state.base
    document = ret.document
    notes: list[str] = []
    if document.proposals:
        marked = copy.deepcopy(document)
        _detach_rationales(marked)
        comparison = compare(base, reject_all(marked))
        if _same_text(comparison):
            how = ret.read_as or "proposals"
            return Marked(marked, comparison, {}, f"read as {how}", notes, False)
        differing = comparison.summary()["substantive"] + comparison.summary()["footnotes_changed"]
        notes.append(
            f"rejecting its {count(len(document.proposals), 'proposal')} does not give the base text"
            f" ({count(differing, 'paragraph or footnote', 'paragraphs or footnotes')} differ):"
            " its accepted text was compared with the base instead"
        )
        new = _accepted(document)
        read_as = f"compared with the base (accepted text of its {ret.read_as or 'proposals'})"
    else:
        new = document
        read_as = "compared with the base (no proposals in it)"
    first = compare(base, new)
    for change in first.metadata:
        if change.new in (None, "", []):
            continue  # a field the return's format does not carry (a text file has no job number)
        state.report.unplaced.append(
            Unplaced(
                ret.source_name,
                ret.delegation,
                "the masthead" if change.field != "front" else "the material before the title",
                f"{change.field}: {short(str(change.old))} → {short(str(change.new))}",
                "the compilation carries changes to paragraphs and footnotes only",
            )
        )
    redline = redline_document(first, ret.delegation)
    _drop_uncited(redline.document, keep=set(new.footnotes))
    comparison = compare(base, reject_all(redline.document))
    return Marked(redline.document, comparison, redline.moves, read_as, notes, True)


def _same_text(comparison: Comparison) -> bool:
    return all(c.change in ("unchanged", "formatting") for c in comparison.blocks) and all(
        f.change == "unchanged" for f in comparison.footnotes
    )


def _accepted(document: Document) -> Document:
    from drafting.proposal_ops import accept_all

    return accept_all(document)


def _detach_rationales(document: Document) -> None:
    """A rationale footnote cited right after its proposal's span is no part of the base text:
    its text becomes the proposal's rationale and its reference goes."""
    rationale = {p.rationale_footnote_id: p for p in document.proposals.values() if p.rationale_footnote_id}
    if not rationale:
        return
    places = list(document.iter_blocks()) + list(document.footnotes.values())
    for place in places:
        out: list[Inline] = []
        for node in place.content:
            previous = out[-1] if out else None
            if (
                isinstance(node, NoteRef)
                and isinstance(previous, ProposalSpan)
                and node.footnote_id in rationale
                and rationale[node.footnote_id].id == previous.proposal_id
            ):
                proposal = rationale[node.footnote_id]
                note = document.footnotes.get(node.footnote_id)
                if note is not None and not proposal.rationale:
                    proposal.rationale = plain_text(note.content).strip()
                continue
            out.append(node)
        place.content = out
    cited = _cited(document)
    for footnote_id, proposal in rationale.items():
        if footnote_id not in cited:
            document.footnotes.pop(footnote_id, None)
            proposal.rationale_footnote_id = None


def _drop_uncited(document: Document, keep: set[str]) -> None:
    """Drop the footnotes nothing cites (the redline keeps every footnote of the old text, also
    one the new text has under another id), except those in ``keep``."""
    cited = _cited(document)
    for footnote_id in [f for f in document.footnotes if f not in cited and f not in keep]:
        del document.footnotes[footnote_id]


def _cited(document: Document) -> set[str]:
    """The footnotes cited anywhere: in the paragraphs, in footnotes, inside proposals."""
    return {
        n.footnote_id
        for content in [b.content for b in document.iter_blocks()]
        + [f.content for f in document.footnotes.values()]
        for n in iter_inlines(content)
        if isinstance(n, NoteRef)
    }
