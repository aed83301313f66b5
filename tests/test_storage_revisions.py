"""Revisions in Penholder files: written relative to the next newer text, read back exactly,
damaged references refused."""

from __future__ import annotations

import copy
import json
import random
from pathlib import Path
from typing import Any

import pytest

from drafting.errors import StorageError
from drafting.importers import load_document
from drafting.model import (
    Block,
    BlockKind,
    Document,
    Mark,
    Text,
)
from drafting.storage import PenholderFile, Revision, dumps, load, loads
from tests.helpers import CORPUS
from tests.test_storage import full_document, raw

# --- revisions written relative to the next newer text --------------------------------------


def edited(document: Document, rng: random.Random) -> Document:
    """A copy of ``document`` with one or two words replaced, as between two revisions."""
    document = copy.deepcopy(document)
    for _ in range(rng.choice((1, 2))):
        runs = [
            (b, i) for b in document.iter_blocks() for i, n in enumerate(b.content) if isinstance(n, Text)
        ]
        block, i = rng.choices(runs, [len(block.content[i].text.split()) for block, i in runs])[0]
        words = block.content[i].text.split(" ")
        k = rng.randrange(len(words))
        words[k] = "amended" if words[k] == "revised" else "revised"
        block.content[i] = Text(" ".join(words), block.content[i].marks)
    return document


def revision_history() -> PenholderFile:
    """Four texts of one draft with the usual edits between them."""
    zero = full_document()
    zero.proposals.clear()
    zero.blocks[1].content[4] = Text(" strongly")
    rev1 = copy.deepcopy(zero)
    rev1.blocks.insert(2, Block("pp-new", BlockKind.PREAMBULAR, [Text("Noting the report,")]))  # inserted
    rev1.footnotes["fn-a"].content = [Text("Resolution 67/193, annex.")]  # footnote edited
    rev2 = copy.deepcopy(rev1)
    rev2.blocks.insert(1, rev2.blocks.pop(4))  # op-2 moved up
    del rev2.blocks[3]  # pp-new deleted
    rev2.masthead.symbol = "A/C.3/78/L.12/Rev.2"  # masthead changed
    rev2.masthead.sponsors.append("Uzbekistan")
    current = full_document()  # the proposal comes back, op-2 at the end again
    return PenholderFile(
        current,
        [
            Revision("zero draft", "2023-09-01", zero),
            Revision("Rev.1", "2023-10-01", rev1),
            Revision("Rev.2", "2023-10-15", rev2),
        ],
    )


def test_revisions_with_edits_between_them_round_trip() -> None:
    pf = revision_history()
    back = loads(dumps(pf))
    assert back == pf
    assert [r.document for r in back.revisions] == [r.document for r in pf.revisions]
    assert [b.id for b in back.revisions[1].document.blocks] == ["h-1", "pp-1", "pp-new", "op-1", "op-2"]
    assert [b.id for b in back.revisions[2].document.blocks] == ["h-1", "op-2", "pp-1", "op-1"]
    assert back.revisions[2].document.masthead.sponsors[-1] == "Uzbekistan"
    assert back.revisions[0].document.footnotes["fn-a"].content == [Text("Resolution 67/193.")]


def test_revisions_store_only_what_changed() -> None:
    data = raw(revision_history())
    zero, rev1, rev2 = (r["document"] for r in data["revisions"])
    assert rev2["masthead"]["symbol"] == "A/C.3/78/L.12/Rev.2"
    assert rev1["masthead"]["symbol"] == "A/C.3/78/L.12/Rev.1"  # differs from Rev.2: in full
    assert zero["masthead"] == {"same": True}
    assert rev2["blocks"][0] == {"same": "h-1", "count": 1}
    assert rev2["blocks"][1] == {"same": "op-2", "count": 1}  # moved: found by id
    assert rev2["blocks"][2]["id"] == "pp-1"  # differs from the current text (no proposal there)
    assert rev2["blocks"][3] == {"same": "op-1", "count": 1}
    assert rev2["proposals"] == []
    assert rev1["blocks"][3:] == [{"same": "op-1", "count": 1}, {"same": "op-2", "count": 1}]
    assert rev1["blocks"][2]["id"] == "pp-new"  # deleted later: in full
    assert rev1["footnotes"] == [{"same": "fn-b", "count": 3}]
    # The oldest text refers to Rev.1, whose items are themselves references: resolved in turn.
    assert zero["blocks"] == [{"same": "h-1", "count": 2}, {"same": "op-1", "count": 2}]
    assert zero["footnotes"] == [
        {"same": "fn-b", "count": 1},
        {"id": "fn-a", "content": [{"text": "Resolution 67/193."}]},  # edited in Rev.1
        {"same": "fn-why", "count": 1},
    ]


def test_revisions_are_independent_objects() -> None:
    back = loads(dumps(revision_history()))
    back.document.blocks[0].content.append(Text(" (draft)"))
    back.revisions[2].document.footnotes["fn-b"].content.clear()
    assert back.revisions[2].document.blocks[0].content == [Text("Introduction", frozenset({Mark.BOLD}))]
    assert back.revisions[1].document.footnotes["fn-b"].content != []


def test_duplicate_ids_are_written_in_full() -> None:
    # Ids are not required to be unique; a reference to an id used twice would be ambiguous.
    twice = Document(
        blocks=[
            Block("b", BlockKind.PARAGRAPH, [Text("one")]),
            Block("b", BlockKind.PARAGRAPH, [Text("two")]),
        ]
    )
    pf = PenholderFile(twice, [Revision("zero draft", "2023-01-01", copy.deepcopy(twice))])
    assert raw(pf)["revisions"][0]["document"]["blocks"] == raw(pf)["document"]["blocks"]
    assert loads(dumps(pf)) == pf


def test_twenty_revisions_of_a_resolution_cost_less_than_one_more_copy() -> None:
    rng = random.Random(67193)
    texts = [load_document(CORPUS / "ga-res-67-193-en.txt").document]
    for _ in range(20):
        texts.append(edited(texts[-1], rng))
    pf = PenholderFile(texts[-1], [Revision(f"Rev.{k}", "2024-01-01", d) for k, d in enumerate(texts[:-1])])
    text = dumps(pf)
    alone = dumps(PenholderFile(texts[-1]))
    # Measured: 63 KB alone, 97 KB (1.5 times) with these 20 revisions; 1.6-1.7 times with other
    # seeds. Twenty full copies, as schema 1 wrote them, would be 21 times.
    assert len(text) < 1.8 * len(alone)
    assert loads(text) == pf
    assert dumps(loads(text)) == text


def _damage_reference(data: dict[str, Any], how: str) -> None:
    rev = data["revisions"][0]["document"]
    if how == "dangling":
        rev["blocks"][0] = {"same": "b-gone", "count": 1}
    elif how == "count past the end":
        rev["blocks"][2] = {"same": "op-1", "count": 3}
    elif how == "count zero":
        rev["blocks"][0]["count"] = 0
    elif how == "count negative":
        rev["blocks"][0]["count"] = -2
    elif how == "count missing":
        del rev["blocks"][0]["count"]
    elif how == "count not a number":
        rev["blocks"][0]["count"] = "1"
    elif how == "count a boolean":
        rev["blocks"][0]["count"] = True
    elif how == "id not text":
        rev["footnotes"][0]["same"] = True
    elif how == "extra field":
        rev["proposals"][0]["kind"] = "delete"
    elif how == "wrong list":
        rev["front"][0] = {"same": "h-1", "count": 1}  # "h-1" is a block, not front matter
    elif how == "masthead not true":
        data["revisions"][0]["document"] = data["document"] | {"masthead": {"same": False}}
    elif how == "masthead with fields":
        data["revisions"][0]["document"] = data["document"] | {"masthead": {"same": True, "title": "x"}}
    elif how == "reference in the current text":
        data["document"]["blocks"][3] = {"same": "op-2", "count": 1}
    elif how == "masthead reference in the current text":
        data["document"]["masthead"] = {"same": True}
    elif how == "ambiguous id":
        data["document"]["blocks"].append(data["document"]["blocks"][0])


REFERENCE_DAMAGE = {
    "dangling": 'revisions[0].blocks[0]: refers to "b-gone", which the next newer text does not have',
    "count past the end": 'revisions[0].blocks[2]: refers to 3 items from "op-1", but the next newer text has only 2',
    "count zero": "revisions[0].blocks[0].count: expected at least 1, found 0",
    "count negative": "revisions[0].blocks[0].count: expected at least 1, found -2",
    "count missing": 'revisions[0].blocks[0]: missing "count"',
    "count not a number": "revisions[0].blocks[0].count: expected a whole number",
    "count a boolean": "revisions[0].blocks[0].count: expected a whole number",
    "id not text": "revisions[0].footnotes[0].same: expected text",
    "extra field": 'revisions[0].proposals[0]: a reference has only "same" and "count", found "kind"',
    "wrong list": 'revisions[0].front[0]: refers to "h-1", which the next newer text does not have',
    "masthead not true": 'revisions[0].masthead: a reference to the newer masthead is written {"same": true}',
    "masthead with fields": 'revisions[0].masthead: a reference to the newer masthead is written {"same": true}',
    "reference in the current text": 'document.blocks[3]: "same" (a reference to a newer text) is only allowed',
    "masthead reference in the current text": 'document.masthead: "same" (a reference to a newer text) is only allowed',
    "ambiguous id": 'revisions[0].blocks[0]: refers to "h-1", which the next newer text uses more than once',
}


@pytest.mark.parametrize("how", list(REFERENCE_DAMAGE))
def test_damaged_references_are_refused(how: str) -> None:
    data = raw()
    _damage_reference(data, how)
    with pytest.raises(StorageError) as info:
        loads(json.dumps(data), "draft.penholder")
    message = str(info.value)
    assert message.startswith("draft.penholder is damaged (")
    assert REFERENCE_DAMAGE[how] in message
    assert "\n" not in message


def test_a_damaged_reference_in_a_file_on_disk_opens_nothing(tmp_path: Path) -> None:
    data = raw(revision_history())
    data["revisions"][0]["document"]["blocks"][1]["same"] = "op-gone"
    target = tmp_path / "draft.penholder"
    target.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(
        StorageError,
        match=r'^draft\.penholder is damaged \(file\.revisions\[0\]\.blocks\[1\]: refers to "op-gone"',
    ):
        load(target)
