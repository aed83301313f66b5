"""Proposals drawn in the colour they have now: their delegation's (as chosen in Preferences)
or grey once withdrawn or rejected.

The surface writer gives each proposal run its delegation's colour when it writes the run, and
that colour is part of the text (an undo step restores it). What can change without the text
changing — a colour chosen in Preferences, a proposal's status — is drawn over it here, as a
syntax highlighter draws: the layout's own formats, never the document's, so that nothing is
recorded for undo and the document is not modified. Only runs whose colour differs from the one
written get such a format, so a text drawn as written costs nothing to lay out.

Arabic script in italics is drawn upright here too (the text keeps its italics, which the Word
export writes as ``w:iCs``): few fonts have slanted Arabic glyphs, and where the italic face
has none Qt draws nothing at all. The highlighter is made for every Arabic document for that.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from drafting.model import Proposal
from drafting.proposal_status import GREYED_STATUSES
from ui.editor import formats


def shown_colour(proposal: Proposal | None, palette: Mapping[str, QColor]) -> QColor:
    """The colour a proposal's text is drawn in: grey once withdrawn or rejected, else its
    delegation's (``palette``: the document's own, ``formats.DELEGATION_COLOURS.assign``)."""
    if proposal is None:
        return formats.delegation_colour(None)
    if proposal.status in GREYED_STATUSES:
        return QColor(formats.GREYED_COLOUR)
    return palette.get(proposal.author or "") or formats.delegation_colour(proposal.author)


_ARABIC_SCRIPT = re.compile("[\u0600-\u08ff\ufb50-\ufdff\ufe70-\ufefc]")


class ProposalColours(QSyntaxHighlighter):
    """Made for a document only once something is to be drawn otherwise than written: when made
    it draws the whole text once (a few tens of milliseconds for a megabyte with thousands of
    proposals), then only the paragraphs it is asked to (:meth:`redraw`) or that are edited."""

    def __init__(
        self,
        qdoc: QTextDocument,
        proposals: Callable[[], Mapping[str, Proposal]],
        palette: Callable[[], Mapping[str, QColor]],
    ) -> None:
        super().__init__(qdoc)
        self._proposals = proposals
        self._palette = palette

    def colour_of(self, proposal_id: str) -> QColor:
        return shown_colour(self._proposals().get(proposal_id), self._palette())

    def highlightBlock(self, _text: str) -> None:
        proposals = self._proposals()  # runs without a record are written grey, as they are drawn
        block = self.currentBlock()
        start = block.position()
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            it += 1
            if not fragment.isValid():
                continue
            fmt = fragment.charFormat()
            over: QTextCharFormat | None = None
            if fmt.fontItalic() and _ARABIC_SCRIPT.search(fragment.text()):
                over = QTextCharFormat()
                over.setFontItalic(False)  # drawn upright; the text keeps its italics
            proposal_id = fmt.property(formats.PROPOSAL_ID)
            if proposals and isinstance(proposal_id, str) and proposal_id:
                colour = self.colour_of(proposal_id)
                if colour != fmt.foreground().color():
                    over = over or QTextCharFormat()
                    over.setForeground(colour)
            if over is not None:
                self.setFormat(fragment.position() - start, fragment.length(), over)

    def redraw(self, block_ids: Iterable[str] | None = None) -> None:
        """Draw again the paragraphs ``block_ids`` (all of them when None)."""
        if block_ids is None:
            self.rehighlight()
            return
        wanted = set(block_ids)
        if not wanted:
            return
        block = self.document().firstBlock()
        while block.isValid() and wanted:
            block_id = formats.id_of(block.blockFormat())
            if block_id in wanted:
                wanted.discard(block_id)
                self.rehighlightBlock(block)
            block = block.next()


def colours_of(qdoc: QTextDocument) -> ProposalColours | None:
    return qdoc.findChild(ProposalColours)
