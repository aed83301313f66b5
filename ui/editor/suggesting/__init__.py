"""Suggesting mode, as Word's Track Changes: while it is on, the user's edits become proposals by
the user's delegation, dated, instead of changes to the text.

The editor widget hands every gesture that would change the text to :class:`Suggester` (one per
document, ``session.suggesting``), which makes the change on the surface with the proposal
formats of :mod:`ui.editor.formats` and keeps the :class:`~drafting.model.Proposal` records in
the session's outside-text state (``session.set_outside_text``), both in one named undo step.

The package: :mod:`.mode` (the :class:`Suggester`, its state and entry points), :mod:`.keys`,
:mod:`.inserting` (typing, replacing), :mod:`.deleting`, :mod:`.deletion_plan` (what a deletion
strikes, removes and skips), :mod:`.whole_paragraphs` (Enter, paragraphs proposed in full),
:mod:`.moving`, :mod:`.pasting`, :mod:`.rationale`; they share :mod:`.recorder` (whose a
character is, the proposal records), :mod:`.steps` (undo steps, the cursor) and :mod:`.surface`.

How each gesture is recorded:

* **Typing** inserts the text as an insertion (underlined in the delegation's colour). Typing
  next to a pending insertion of one's own (in it, right after it or right before it) extends
  that proposal, so consecutive typing is one proposal; a typing run is also one undo step
  ("Suggest insertion"), as ordinary typing is: the characters typed after the first go into
  the same undo level of the text (Qt merges adjacent insertions of one format), inside the
  step that created the proposal.
* **Backspace / Delete / Cut / a selection deleted** (each key press one undo step, "Suggest
  deletion"): ordinary text is struck through as a deletion, and a deletion next to a pending
  deletion of one's own extends it; text already struck is skipped (Backspace moves left over
  it and strikes the character before it, Delete moves right); one's own pending insertion is
  really removed (the proposal shrinks; emptied, it is gone, and a replacement left without its
  insertion becomes a deletion); a paragraph wholly covered by the selection is struck in full
  (one deletion span), or removed when it was one's own insertion. Backspace at the start of a
  paragraph and Delete at its end do not join paragraphs (the model has no proposed paragraph
  join): an empty paragraph goes, otherwise the cursor moves on.
* **Another delegation's pending insertion deleted**: the words are struck inside their
  insertion, as a deletion of ours nested in it (the surface carries the nesting in
  ``formats.PROPOSAL_OUTER``, the reader builds the nested spans): our deletion only counts if
  their insertion is accepted. Accepting both gives their text without our words; rejecting
  theirs drops the words and our deletion with them; rejecting only ours leaves their insertion
  pending. Typing strictly inside their insertion nests an insertion of ours in it the same way.
  The model's ``accept_all`` / ``reject_all`` and LibreOffice's accept all / reject all of the
  Word export (a ``w:del`` inside their ``w:ins``) agree (``tests/ui/test_suggesting.py``).
* **Typing over a selection** is one replacement (deleted and inserted text in one proposal);
  so are a spelling correction from the context menu and a check's fix that changes text
  (:mod:`ui.suggested_fix`; a fix of formatting or footnotes is refused with a message).
* **Paste** inserts the pasted text as one insertion, footnote references and all (a pasted
  footnote comes with its text); further pasted paragraphs are paragraphs proposed in full,
  placed after the paragraph pasted into.
* **Enter / Ctrl+Enter** open an empty paragraph; what is typed into it is a paragraph proposed
  in full (its whole content one insertion span). Enter inside a paragraph proposes the split:
  the rest of the paragraph struck, and a new paragraph holding it inserted in full, the two
  linked as a move (``Proposal.move_of``) so that they are settled together.
* **Moving a paragraph** (Alt+Shift+Up/Down, the outline's drag) is a move: the paragraph (with
  its subparagraphs) deleted in full where it was, a copy inserted in full where it goes, the
  insertion's ``move_of`` naming the deletion. Moving one's own pending insertion (a copy just
  moved, a paragraph just proposed) simply moves it, so pressing Alt+Shift+Up three times is
  one move.

While oral revisions are recorded (Edit ▸ Record oral revisions…, :attr:`Suggester.oral_meeting`)
every new record is an oral revision of that meeting (:attr:`~drafting.model.Proposal.oral`),
and only oral revisions of that meeting are one's own to extend or shrink; turning suggesting
mode off ends the recording.

Paragraph structure (kinds, levels), formatting, footnote texts, Replace All and the checks'
fixes are not tracked: those commands change the text as they do outside suggesting mode. A
spelling correction from the context menu and an opening phrase chosen from the list are
proposed like typing.
"""

from ui.editor.suggesting.mode import Suggester
from ui.editor.suggesting.rationale import ask_rationale, set_rationale

__all__ = ["Suggester", "ask_rationale", "set_rationale"]
