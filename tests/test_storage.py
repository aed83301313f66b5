"""The Penholder file format: faithful round trips, atomic saves, and clear refusals."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafting import storage
from drafting.errors import StorageError
from drafting.model import (
    Block,
    BlockKind,
    Document,
    DocumentKind,
    Footnote,
    Mark,
    Masthead,
    NoteRef,
    Proposal,
    ProposalKind,
    ProposalSpan,
    ProposalStatus,
    Text,
)
from drafting.storage import PenholderFile, Revision, dumps, load, loads, save


def full_document() -> Document:
    """A document using every feature the model has."""
    masthead = Masthead(
        organization="United Nations",
        organ="General Assembly",
        symbol="A/C.3/78/L.12/Rev.1",
        distribution="Limited",
        date="3 November 2023",
        original_language="English",
        session="Seventy-eighth session",
        agenda_item="Agenda item 108",
        agenda_title="Crime prevention and criminal justice",
        adoption_heading="Resolution adopted by the General Assembly",
        provenance="on the report of the Third Committee (A/78/470)",
        sponsors=["Kazakhstan", "Kyrgyzstan", "Côte d'Ivoire"],
        designation="revised draft resolution",
        sponsors_note="and Tajikistan",
        title="Strengthening cooperation — 加强合作",
        organ_line="The General Assembly,",
        adoption_meeting="45th plenary meeting",
        adoption_date="18 December 2023",
    )
    front = [Block("front-1", BlockKind.PARAGRAPH, [Text("Note verbale dated 1 May 2023")])]
    blocks = [
        Block("h-1", BlockKind.HEADING, [Text("Introduction", frozenset({Mark.BOLD}))], numbered=False),
        Block(
            "pp-1",
            BlockKind.PREAMBULAR,
            [
                Text("Recalling", frozenset({Mark.ITALIC, Mark.BOLD})),
                Text(" its resolution 67/193"),
                NoteRef("fn-a"),
                Text(" and"),
                ProposalSpan("prop-1", deleted=[Text(" strongly")], inserted=[]),
                Text(" welcoming,"),
            ],
        ),
        Block(
            "op-1",
            BlockKind.OPERATIVE,
            [Text("Calls upon", frozenset({Mark.ITALIC})), Text(" Member States"), NoteRef("fn-a")],
            children=[
                Block("sub-1", BlockKind.SUBPARAGRAPH, [Text("to ratify;")]),
                Block("sub-2", BlockKind.SUBPARAGRAPH, [Text("to implement"), NoteRef("fn-b"), Text(".")]),
            ],
        ),
        Block("op-2", BlockKind.OPERATIVE, [Text("Decides to remain seized of the matter.")]),
    ]
    # Deliberately not in alphabetical order: the file must keep the dict's order.
    footnotes = {
        "fn-b": Footnote("fn-b", [Text("See "), Text("A/78/1", frozenset({Mark.UNDERLINE}))]),
        "fn-a": Footnote("fn-a", [Text("Resolution 67/193.")]),
        "fn-why": Footnote("fn-why", [Text("The word adds nothing.")]),
    }
    proposals = {
        "prop-1": Proposal(
            "prop-1",
            ProposalKind.DELETE,
            author="Kazakhstan",
            rationale="Softer tone",
            rationale_footnote_id="fn-why",
            status=ProposalStatus.AGREED_AD_REF,
            date="2023-10-30",
        )
    }
    return Document(
        kind=DocumentKind.DRAFT_RESOLUTION,
        language="en",
        masthead=masthead,
        front=front,
        blocks=blocks,
        footnotes=footnotes,
        proposals=proposals,
    )


def full_file() -> PenholderFile:
    older = full_document()
    older.blocks.pop()
    older.blocks[1].content[1] = Text(" its resolution 66/183")
    older.masthead.symbol = "A/C.3/78/L.12"
    return PenholderFile(full_document(), [Revision("rev.1", "2023-10-01", older)])


def raw(pf: PenholderFile | None = None) -> dict[str, Any]:
    return json.loads(dumps(pf or full_file()))


# --- round trips -----------------------------------------------------------------------------


def test_dumps_then_loads_gives_an_equal_file() -> None:
    pf = full_file()
    back = loads(dumps(pf))
    assert back == pf
    assert back.document == full_document()
    assert list(back.document.footnotes) == ["fn-b", "fn-a", "fn-why"]
    assert back.document.blocks[0].numbered is False


def test_empty_document_round_trips() -> None:
    pf = PenholderFile(Document())
    assert loads(dumps(pf)) == pf


def test_dumps_is_deterministic() -> None:
    text = dumps(full_file())
    assert text == dumps(full_file())
    assert dumps(loads(text)) == text  # marks come back as a frozenset in any order


def test_top_level_and_inline_shapes() -> None:
    data = raw()
    assert list(data) == ["format", "schema_version", "document", "revisions"]
    assert data["format"] == "penholder"
    assert data["schema_version"] == 2
    content = data["document"]["blocks"][1]["content"]
    assert content[0] == {"text": "Recalling", "marks": ["bold", "italic"]}
    assert content[1] == {"text": " its resolution 67/193"}  # no "marks" when there are none
    assert content[2] == {"note": "fn-a"}
    assert content[4] == {"proposal": "prop-1", "deleted": [{"text": " strongly"}], "inserted": []}
    assert [n["id"] for n in data["document"]["footnotes"]] == ["fn-b", "fn-a", "fn-why"]
    assert data["document"]["proposals"][0]["status"] == "agreed_ad_ref"
    assert data["revisions"][0]["name"] == "rev.1"
    older = data["revisions"][0]["document"]
    assert older["masthead"]["symbol"] == "A/C.3/78/L.12"  # changed: written in full
    assert older["blocks"][0] == {"same": "h-1", "count": 1}
    assert older["blocks"][1]["content"][1] == {"text": " its resolution 66/183"}
    assert older["blocks"][2] == {"same": "op-1", "count": 1}
    assert older["footnotes"] == [{"same": "fn-b", "count": 3}]
    assert older["proposals"] == [{"same": "prop-1", "count": 1}]
    assert older["front"] == [{"same": "front-1", "count": 1}]


def test_dumps_keeps_non_ascii_text_readable() -> None:
    text = dumps(full_file())
    assert "加强合作" in text
    assert "Côte d'Ivoire" in text


def test_document_dict_functions_round_trip() -> None:
    doc = full_document()
    assert storage.document_from_dict(storage.document_to_dict(doc)) == doc


def test_document_from_dict_refuses_garbage() -> None:
    with pytest.raises(StorageError):
        storage.document_from_dict({"blocks": [{"id": "x"}]})
    with pytest.raises(StorageError):
        storage.document_from_dict([])


def test_dumps_refuses_an_inconsistent_document() -> None:
    doc = full_document()
    del doc.footnotes["fn-a"]
    with pytest.raises(StorageError, match="cannot be saved"):
        dumps(PenholderFile(doc))


# --- saving ----------------------------------------------------------------------------------


def test_save_then_load(tmp_path: Path) -> None:
    target = tmp_path / "draft.penholder"
    save(full_file(), target)
    assert load(target) == full_file()
    assert load(str(target)) == full_file()
    assert os.listdir(tmp_path) == ["draft.penholder"]
    assert target.read_text(encoding="utf-8") == dumps(full_file())


def test_save_overwrites_and_keeps_permissions(tmp_path: Path) -> None:
    target = tmp_path / "draft.penholder"
    save(PenholderFile(Document()), target)
    target.chmod(0o640)
    save(full_file(), target)
    assert load(target) == full_file()
    if os.name == "posix":
        assert target.stat().st_mode & 0o777 == 0o640


@pytest.mark.parametrize("failing", ["replace", "fsync"])
def test_failed_save_leaves_the_old_file_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    target = tmp_path / "draft.penholder"
    save(PenholderFile(Document(language="fr")), target)
    before = target.read_bytes()

    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(storage.os, failing, fail)
    with pytest.raises(StorageError, match=r"could not be saved.*No space left"):
        save(full_file(), target)
    monkeypatch.undo()
    assert target.read_bytes() == before
    assert os.listdir(tmp_path) == ["draft.penholder"]
    assert load(target).document.language == "fr"


def test_lone_surrogates_survive_a_save(tmp_path: Path) -> None:
    pf = loads(
        '{"format": "penholder", "schema_version": 1, "document": {"masthead": {"symbol": "\\ud800"}}}'
    )
    assert pf.document.masthead.symbol == "\ud800"
    save(pf, tmp_path / "odd.penholder")
    assert load(tmp_path / "odd.penholder") == pf


def test_save_into_a_missing_folder_fails_cleanly(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="could not be saved"):
        save(full_file(), tmp_path / "nowhere" / "draft.penholder")


def test_inconsistent_document_is_not_written(tmp_path: Path) -> None:
    target = tmp_path / "draft.penholder"
    save(full_file(), target)
    before = target.read_bytes()
    bad = full_document()
    bad.proposals.clear()
    with pytest.raises(StorageError):
        save(PenholderFile(bad), target)
    assert target.read_bytes() == before
    assert os.listdir(tmp_path) == ["draft.penholder"]


# --- refusing bad files ----------------------------------------------------------------------


def test_truncated_file_is_reported_as_damaged(tmp_path: Path) -> None:
    text = dumps(full_file())
    target = tmp_path / "draft.penholder"
    target.write_text(text[: len(text) // 2], encoding="utf-8")
    with pytest.raises(
        StorageError, match=r"draft\.penholder is damaged or truncated \(JSON error at line \d+"
    ):
        load(target)


def test_empty_file_is_reported_as_damaged(tmp_path: Path) -> None:
    target = tmp_path / "empty.penholder"
    target.write_bytes(b"")
    with pytest.raises(StorageError, match="damaged"):
        load(target)


def test_newer_schema_version_asks_for_an_update() -> None:
    data = raw()
    data["schema_version"] = 7
    with pytest.raises(StorageError) as info:
        loads(json.dumps(data), "new.penholder")
    message = str(info.value)
    assert "newer version of Penholder" in message
    assert "schema 7" in message
    assert "reads up to 2" in message
    assert "\n" not in message


@pytest.mark.parametrize("version", [0, -1, "1", 1.0, True, None, [1]])
def test_invalid_schema_version(version: object) -> None:
    data = raw()
    data["schema_version"] = version
    with pytest.raises(StorageError, match="schema_version"):
        loads(json.dumps(data))


@pytest.mark.parametrize(
    "text", ['{"format": "docx", "schema_version": 1, "document": {}}', "[]", "42", '"penholder"', "{}"]
)
def test_not_a_penholder_file(text: str) -> None:
    with pytest.raises(StorageError, match="is not a Penholder file"):
        loads(text, "x.json")


def test_not_utf8(tmp_path: Path) -> None:
    target = tmp_path / "latin1.penholder"
    target.write_bytes(dumps(full_file()).encode("utf-8").replace("ô".encode(), b"\xf4"))
    with pytest.raises(StorageError, match="not UTF-8"):
        load(target)


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    target = tmp_path / "bom.penholder"
    target.write_bytes(b"\xef\xbb\xbf" + dumps(full_file()).encode("utf-8"))
    assert load(target) == full_file()


def test_unreadable_file(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="cannot be read"):
        load(tmp_path / "missing.penholder")
    with pytest.raises(StorageError, match="cannot be read"):
        load(tmp_path)


def _break(data: dict[str, Any], how: str) -> None:
    doc = data["document"]
    if how == "dangling note":
        doc["blocks"][2]["children"][1]["content"][1]["note"] = "fn-gone"
    elif how == "dangling proposal":
        doc["blocks"][1]["content"][4]["proposal"] = "prop-gone"
    elif how == "dangling rationale":
        doc["proposals"][0]["rationale_footnote_id"] = "fn-gone"
    elif how == "unknown block kind":
        doc["blocks"][0]["kind"] = "chapter"
    elif how == "unknown mark":
        doc["blocks"][1]["content"][0]["marks"] = ["blink"]
    elif how == "unknown status":
        doc["proposals"][0]["status"] = "maybe"
    elif how == "missing id":
        del doc["blocks"][3]["id"]
    elif how == "text not a string":
        doc["blocks"][3]["content"][0]["text"] = 12
    elif how == "numbered not a bool":
        doc["blocks"][0]["numbered"] = "no"
    elif how == "sponsor not a string":
        doc["masthead"]["sponsors"].append(None)
    elif how == "blocks not a list":
        doc["blocks"] = {"op-1": {}}
    elif how == "unknown inline":
        doc["blocks"][3]["content"].append({"image": "x.png"})
    elif how == "duplicate footnote id":
        doc["footnotes"].append(doc["footnotes"][0])
    elif how == "revision without date":
        del data["revisions"][0]["date"]
    elif how == "revision with broken document":
        data["revisions"][0]["document"]["blocks"][1]["kind"] = 3
    elif how == "document missing":
        del data["document"]


BREAKAGES = [
    "dangling note",
    "dangling proposal",
    "dangling rationale",
    "unknown block kind",
    "unknown mark",
    "unknown status",
    "missing id",
    "text not a string",
    "numbered not a bool",
    "sponsor not a string",
    "blocks not a list",
    "unknown inline",
    "duplicate footnote id",
    "revision without date",
    "revision with broken document",
    "document missing",
]


@pytest.mark.parametrize("how", BREAKAGES)
def test_invalid_fields_are_reported_as_damage(how: str) -> None:
    data = raw()
    _break(data, how)
    with pytest.raises(StorageError) as info:
        loads(json.dumps(data), "draft.penholder")
    message = str(info.value)
    assert message.startswith("draft.penholder is damaged (")
    assert "\n" not in message


def test_dangling_note_message_names_the_footnote() -> None:
    data = raw()
    _break(data, "dangling note")
    with pytest.raises(StorageError, match=r'missing footnote "fn-gone"'):
        loads(json.dumps(data))


def test_absurd_nesting_is_damage_not_a_crash() -> None:
    with pytest.raises(StorageError, match="damaged"):
        loads("[" * 100_000 + "]" * 100_000)
    depth = 5000
    blocks = '{"id": "b", "kind": "paragraph", "children": [' * depth + "]}" * depth
    with pytest.raises(StorageError, match="damaged"):
        loads(f'{{"format": "penholder", "schema_version": 1, "document": {{"blocks": [{blocks}]}}}}')


def test_moderate_nesting_loads() -> None:
    block = Block("b-0", BlockKind.PARAGRAPH, [Text("x")])
    for i in range(1, 60):
        block = Block(f"b-{i}", BlockKind.PARAGRAPH, children=[block])
    pf = PenholderFile(Document(blocks=[block]))
    assert loads(dumps(pf)) == pf


# --- migrations ------------------------------------------------------------------------------

SCHEMA_1_FILE = Path(__file__).parent / "fixtures" / "schema-1.penholder"
"""A file written by the schema 1 code path (revisions as full copies), kept as it was."""


def test_a_schema_1_file_opens() -> None:
    text = SCHEMA_1_FILE.read_text(encoding="utf-8")
    assert json.loads(text)["schema_version"] == 1
    pf = loads(text)
    assert pf.document.masthead.symbol == "A/C.3/78/L.12/Rev.1"
    assert [b.id for b in pf.document.blocks] == ["pp-1", "op-1", "op-2"]
    assert list(pf.document.proposals) == ["pr-1"]
    [zero] = pf.revisions
    assert (zero.name, zero.date) == ("zero draft", "2023-10-01")
    assert zero.document.masthead.symbol == "A/C.3/78/L.12"
    assert zero.document.masthead.sponsors == ["Kazakhstan"]
    assert [b.id for b in zero.document.blocks] == ["pp-1", "op-1"]
    assert zero.document.blocks[1].content == [
        Text("Calls upon", frozenset({Mark.ITALIC})),
        Text(" States to act;"),
    ]
    assert zero.document.proposals == {}
    assert zero.document.blocks[0] == pf.document.blocks[0]
    # Saved again it is a schema 2 file with the unchanged paragraph as a reference.
    again = raw(pf)
    assert again["schema_version"] == 2
    assert again["revisions"][0]["document"]["blocks"][0] == {"same": "pp-1", "count": 1}
    assert loads(json.dumps(again)) == pf


def test_a_stray_same_key_in_a_schema_1_file_is_not_a_reference() -> None:
    data = json.loads(SCHEMA_1_FILE.read_text(encoding="utf-8"))
    # The schema 1 reader ignored unknown keys; the upgrade must not turn these into references.
    data["document"]["blocks"][0]["same"] = "op-2"
    data["revisions"][0]["document"]["blocks"][1]["same"] = "op-2"
    data["revisions"][0]["document"]["masthead"]["same"] = True
    pf = loads(json.dumps(data))
    assert pf == loads(SCHEMA_1_FILE.read_text(encoding="utf-8"))


def test_migrations_run_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    v1_text = SCHEMA_1_FILE.read_text(encoding="utf-8")
    seen: list[int] = []

    def v2_to_v3(data: dict[str, Any]) -> dict[str, Any]:
        # A stand-in upgrade with a visible effect on the main document only.
        seen.append(data["schema_version"])
        data["document"]["language"] = "fr"
        return data

    monkeypatch.setattr(storage, "SCHEMA_VERSION", 3)
    monkeypatch.setattr(storage, "MIGRATIONS", {**storage.MIGRATIONS, 2: v2_to_v3})
    pf = loads(v1_text)
    assert seen == [2]  # after the real schema 1 -> 2 step
    assert pf.document.language == "fr"
    assert pf.revisions[0].document.language == "en"
    assert json.loads(dumps(pf))["schema_version"] == 3
    # The current version is read as is, without migrating.
    assert loads(dumps(pf)).document.language == "fr"
    assert seen == [2]


def test_missing_or_failing_migration(monkeypatch: pytest.MonkeyPatch) -> None:
    v1_text = SCHEMA_1_FILE.read_text(encoding="utf-8")
    monkeypatch.setattr(storage, "MIGRATIONS", {})
    with pytest.raises(StorageError, match="cannot upgrade"):
        loads(v1_text)

    def broken(data: dict[str, Any]) -> dict[str, Any]:
        return data["no such key"]

    monkeypatch.setattr(storage, "MIGRATIONS", {1: broken})
    with pytest.raises(StorageError, match="damaged"):
        loads(v1_text)


def test_schema_version_and_migrations() -> None:
    assert storage.SCHEMA_VERSION == 2
    assert storage.FORMAT_NAME == "penholder"
    assert set(storage.MIGRATIONS) == {1}


# --- fuzzing ---------------------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=20,
)


def _paths(value: Any, prefix: tuple = ()) -> list[tuple]:
    """Every place in a JSON value where something could be replaced."""
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*prefix, index))
    return found


VALID = raw()
VALID_PATHS = [p for p in _paths(VALID) if p]


def _loads_only_raises_storage_error(text: str) -> None:
    try:
        result, message = loads(text), ""
    except StorageError as exc:
        result, message = None, str(exc)
    assert message or isinstance(result, PenholderFile)
    assert "\n" not in message
    if result is not None:
        assert loads(dumps(result)) == result  # whatever loads accepts, it can save and reopen


@settings(max_examples=300)
@given(st.text())
def test_random_text_only_raises_storage_error(text: str) -> None:
    _loads_only_raises_storage_error(text)


@settings(max_examples=300)
@given(json_values)
def test_random_json_only_raises_storage_error(value: Any) -> None:
    _loads_only_raises_storage_error(json.dumps(value))
    _loads_only_raises_storage_error(
        json.dumps({"format": "penholder", "schema_version": 1, "document": value})
    )


@settings(max_examples=500, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(VALID_PATHS), json_values, st.booleans())
def test_mutated_valid_file_only_raises_storage_error(path: tuple, value: Any, delete: bool) -> None:
    data = json.loads(json.dumps(VALID))
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    if delete:
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    _loads_only_raises_storage_error(json.dumps(data))
