"""LibreOffice (through UNO) and pandoc accept and reject all in redlines of hypothesis-made
revisions of a real resolution (``PENHOLDER_UNO_EXAMPLES``, 200 unless set): every one must
give exactly the new text and the old one (``tests/uno_redline_helpers.py`` says how the texts
are compared).
"""

from __future__ import annotations

import os
import random
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafting.model import Block, BlockKind, Document, Text
from tests.uno_redline_helpers import (
    accept_reject,
    check_libreoffice,
    check_pandoc,
    docx_path,
    redline_docx,
    require_uno,
    small_source,
)

require_uno()

GENERATED = int(os.environ.get("PENHOLDER_UNO_EXAMPLES", "200"))
WORDS = ["all", "relevant", "new", "further", "regional", "effective"]


@st.composite
def revisions(draw):
    """A new revision: word edits, footnote edits, inserted, deleted and moved paragraphs
    (operative, preambular and subparagraphs)."""
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    document = small_source()
    for step in range(draw(st.integers(1, 6))):
        action = rng.choice(["edit", "edit", "footnote", "insert", "delete", "move", "move", "subparagraph"])
        blocks = [b for b in document.blocks if b.kind in (BlockKind.OPERATIVE, BlockKind.PREAMBULAR)]
        block = rng.choice(blocks)
        if action == "edit":
            runs = [i for i, n in enumerate(block.content) if isinstance(n, Text) and len(n.text.split()) > 3]
            if runs:
                i = rng.choice(runs)
                words = block.content[i].text.split(" ")
                k = rng.randrange(1, len(words))
                if rng.random() < 0.5:
                    words[k] = rng.choice(WORDS) + " " + words[k]
                else:
                    del words[k]
                block.content[i] = Text(" ".join(words), block.content[i].marks)
        elif action == "footnote" and document.footnotes:
            note = document.footnotes[rng.choice(sorted(document.footnotes))]
            note.content = [*note.content, Text(f" See also {rng.choice(WORDS)} document {step}.")]
        elif action == "insert":
            kind = block.kind
            text = (
                f"Requests a report on item {step};"
                if kind is BlockKind.OPERATIVE
                else f"Noting item {step},"
            )
            new = Block(f"b-new-{step}", kind, [Text(text)])
            document.blocks.insert(document.blocks.index(block) + 1, new)
        elif action == "delete" and len(blocks) > 4:
            document.blocks.remove(block)
        elif action == "move":
            # anywhere among the paragraphs of its kind, the end of the preamble (just before
            # operative paragraph 1) and of the operative part included
            same = [b for b in document.blocks if b.kind is block.kind and b is not block]
            target = rng.choice(same)
            document.blocks.remove(block)
            document.blocks.insert(document.blocks.index(target) + rng.randint(0, 1), block)
        elif action == "subparagraph":
            parents = [b for b in document.blocks if b.children]
            if parents:
                parent = rng.choice(parents)
                if rng.random() < 0.5 and len(parent.children) > 1:
                    del parent.children[rng.randrange(len(parent.children))]
                else:
                    at = rng.randint(0, len(parent.children))
                    parent.children.insert(
                        at,
                        Block(f"b-sub-{step}", BlockKind.SUBPARAGRAPH, [Text(f"Item {step} of the list;")]),
                    )
    return document


def _generate(count: int) -> list[Document]:
    found: list[Document] = []

    @settings(
        max_examples=count,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        phases=[__import__("hypothesis").Phase.generate],
    )
    @given(revisions())
    def collect(document):
        found.append(document)

    collect()
    return found


def test_generated_revisions_accept_to_new_and_reject_to_old(tmp_path):
    """GENERATED (200 unless ``PENHOLDER_UNO_EXAMPLES`` says otherwise) hypothesis-made revisions
    of a real resolution, redlined, then accepted and rejected by LibreOffice and by pandoc:
    every one exactly the new and the old text."""
    old = small_source()
    revisions_ = _generate(GENERATED)
    assert len(revisions_) >= GENERATED
    cases = {f"rev-{i:03d}": (redline_docx(old, new), new, old) for i, new in enumerate(revisions_)}
    seen = accept_reject(cases, tmp_path)
    failures = [
        f for name, (_, new, _) in cases.items() for f in check_libreoffice(name, seen[name], new, old)
    ]
    failures += [
        f
        for name, (_, new, _) in cases.items()
        for f in check_pandoc(name, docx_path(tmp_path, name), new, old)
    ]
    assert not failures, f"{len(failures)} of {4 * len(cases)} wrong:\n\n" + "\n\n".join(failures[:5])


if __name__ == "__main__":  # pragma: no cover - a quick look at one case
    sys.exit(pytest.main([__file__, "-q", "-x"]))
