"""Paragraphs a return moved: the deletion of the paragraph where it stood, paired with its
insertion where it goes."""

from __future__ import annotations

from drafting.compare.tokens import content_key
from drafting.compilation.edits import Edit, NewBlock
from drafting.compilation.marking import Marked
from drafting.compilation.state import CompileState


def link_moves(state: CompileState, edits: list[Edit], new_blocks: list[NewBlock], marked: Marked) -> None:
    """Pair a paragraph deleted in full with the same paragraph added elsewhere: a move
    (``NewBlock.move_from``). The comparison's own moves pair first, then the same text."""
    whole = [
        e
        for e in edits
        if not e.target.startswith("fn:")
        and not e.inserted
        and e.start == 0
        and e.end == len(state.atoms[e.target])
    ]
    by_name: dict[str, str] = {}
    for proposal_id, name in marked.moves.items():
        by_name.setdefault(name, proposal_id)
    partner = {pid: by_name[name] for pid, name in marked.moves.items() if by_name[name] != pid}
    partner.update({b: a for a, b in partner.items()})
    for item in new_blocks:
        source = partner.get(item.source_id)
        match = next((e for e in whole if source is not None and e.source_id == source), None)
        if match is None:
            match = next(
                (e for e in whole if content_key(state.text[e.target], {}) == item.key.split("\n")[0]),
                None,
            )
        if match is not None:
            item.move_from = match
            whole.remove(match)
