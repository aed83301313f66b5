"""The Penholder file format (``*.penholder``): one UTF-8 JSON document.

Layout::

    {"format": "penholder", "schema_version": 1, "document": {...},
     "revisions": [{"name": "...", "date": "...", "document": {...}}, ...]}

Reading is strict: anything that is not what this module writes is refused with a
:class:`StorageError` whose message can be shown to the user as one line, instead of being
opened half-way. Writing is atomic, so a crash or a full disk mid-save never damages the
previous file, and :func:`dumps` checks its output with the reader, so Penholder never writes
a file it would refuse to open. Files with an older ``schema_version`` are upgraded one
version at a time by :data:`MIGRATIONS` before decoding.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from drafting.atomic import atomic_write_bytes
from drafting.errors import StorageError
from drafting.model import (
    Block,
    BlockKind,
    Document,
    DocumentKind,
    Footnote,
    Inline,
    Mark,
    Masthead,
    NoteRef,
    Proposal,
    ProposalKind,
    ProposalSpan,
    ProposalStatus,
    Text,
    iter_inlines,
)

FORMAT_NAME = "penholder"
SCHEMA_VERSION = 1

MIGRATIONS: dict[int, Callable[[dict], dict]] = {}
"""``MIGRATIONS[n]`` upgrades a raw file dict from schema ``n`` to ``n + 1`` (it may mutate it).

:func:`loads` runs them in order for a file older than :data:`SCHEMA_VERSION` and sets
``schema_version`` after each step. Version 1 is the first schema, so there are none yet.
"""


@dataclass
class Revision:
    """A named snapshot kept inside the file, e.g. the text as circulated on a given date."""

    name: str
    date: str
    document: Document


@dataclass
class PenholderFile:
    document: Document
    revisions: list[Revision] = field(default_factory=list)


class _Invalid(Exception):
    """A field is missing or malformed; the message says where, as a path into the file."""


_MASTHEAD_TEXT = [f.name for f in fields(Masthead) if f.name != "sponsors"]
_PROPOSAL_TEXT = ["author", "date", "rationale", "rationale_footnote_id"]
_TYPE_NAMES = {str: "text", bool: "true/false", int: "a whole number", list: "a list", dict: "an object"}


# --- writing ---------------------------------------------------------------------------------


def _inline_to_dict(node: Inline) -> dict[str, Any]:
    if isinstance(node, Text):
        marks = sorted(Mark(m).value for m in node.marks)
        return {"text": node.text, "marks": marks} if marks else {"text": node.text}
    if isinstance(node, NoteRef):
        return {"note": node.footnote_id}
    if isinstance(node, ProposalSpan):
        return {
            "proposal": node.proposal_id,
            "deleted": [_inline_to_dict(n) for n in node.deleted],
            "inserted": [_inline_to_dict(n) for n in node.inserted],
        }
    raise TypeError(f"not inline content: {type(node).__name__}")


def _block_to_dict(b: Block) -> dict[str, Any]:
    return {
        "id": b.id,
        "kind": BlockKind(b.kind).value,
        "numbered": b.numbered,
        "content": [_inline_to_dict(n) for n in b.content],
        "children": [_block_to_dict(c) for c in b.children],
    }


def document_to_dict(doc: Document) -> dict[str, Any]:
    """The JSON-ready form of ``doc``; footnote and proposal order is kept as list order."""
    masthead: dict[str, Any] = {name: getattr(doc.masthead, name) for name in _MASTHEAD_TEXT}
    return {
        "kind": DocumentKind(doc.kind).value,
        "language": doc.language,
        "masthead": masthead | {"sponsors": list(doc.masthead.sponsors)},
        "front": [_block_to_dict(b) for b in doc.front],
        "blocks": [_block_to_dict(b) for b in doc.blocks],
        "footnotes": [
            {"id": n.id, "content": [_inline_to_dict(x) for x in n.content]} for n in doc.footnotes.values()
        ],
        "proposals": [
            {"id": p.id, "kind": ProposalKind(p.kind).value, "status": ProposalStatus(p.status).value}
            | {name: getattr(p, name) for name in _PROPOSAL_TEXT}
            for p in doc.proposals.values()
        ],
    }


def dumps(pf: PenholderFile) -> str:
    """Serialise ``pf``; raises StorageError if the result could not be read back."""
    try:
        revisions = [
            {"name": r.name, "date": r.date, "document": document_to_dict(r.document)} for r in pf.revisions
        ]
        data = {"format": FORMAT_NAME, "schema_version": SCHEMA_VERSION}
        data |= {"document": document_to_dict(pf.document), "revisions": revisions}
        _file_from_dict(data)  # never write what load() would refuse to read
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    except (_Invalid, TypeError, ValueError, AttributeError, RecursionError) as exc:
        raise StorageError(f"The document cannot be saved: it is inconsistent ({exc})") from None


def save(pf: PenholderFile, path: str | os.PathLike[str]) -> None:
    """Write ``pf`` to ``path`` atomically: the old file is replaced only by a complete new one."""
    text = dumps(pf)
    try:
        payload = text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates (a "\ud800" escape in a file) have no UTF-8 form
        payload = (json.dumps(json.loads(text), ensure_ascii=True, indent=1) + "\n").encode("ascii")
    try:
        atomic_write_bytes(path, payload)
    except OSError as exc:
        raise StorageError(f"{Path(path).name} could not be saved ({exc.strerror or exc})") from None


# --- reading ---------------------------------------------------------------------------------

_REQUIRED: Any = object()


def _describe(value: Any) -> str:
    if isinstance(value, str):
        return json.dumps(value if len(value) <= 40 else value[:40] + "…")
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    return (
        "a number" if isinstance(value, int | float) else "a list" if isinstance(value, list) else "an object"
    )


def _typed(value: Any, kind: type, where: str) -> Any:
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise _Invalid(f"{where}: expected {_TYPE_NAMES[kind]}, found {_describe(value)}")
    return value


def _get(obj: dict, key: str, kind: type, where: str, default: Any = _REQUIRED) -> Any:
    """A field of ``obj``; for an optional one (with a default) absent or null gives the default."""
    value = obj.get(key)
    if value is None and default is not _REQUIRED:
        return default
    if key not in obj:
        raise _Invalid(f'{where}: missing "{key}"')
    return _typed(value, kind, f"{where}.{key}")


def _enum(cls: type, value: Any, where: str) -> Any:
    with contextlib.suppress(ValueError):
        return cls(value)
    raise _Invalid(f"{where}: unknown value {_describe(value)}")


def _items(obj: dict, key: str, where: str) -> list[tuple[dict, str]]:
    """The objects of an optional list field, each with its path for messages."""
    out = []
    for i, item in enumerate(_get(obj, key, list, where, [])):
        w = f"{where}.{key}[{i}]"
        out.append((_typed(item, dict, w), w))
    return out


def _inline(item: dict, w: str) -> Inline:
    if "text" in item:
        marks = [
            _enum(Mark, _typed(m, str, f"{w}.marks"), f"{w}.marks") for m in _get(item, "marks", list, w, [])
        ]
        return Text(_get(item, "text", str, w), frozenset(marks))
    if "note" in item:
        return NoteRef(_get(item, "note", str, w))
    if "proposal" in item:
        deleted = [_inline(*x) for x in _items(item, "deleted", w)]
        inserted = [_inline(*x) for x in _items(item, "inserted", w)]
        return ProposalSpan(_get(item, "proposal", str, w), deleted, inserted)
    raise _Invalid(f"{w}: neither text, a footnote reference nor a proposal")


def _block(item: dict, w: str) -> Block:
    content = [_inline(*x) for x in _items(item, "content", w)]
    children = [_block(*x) for x in _items(item, "children", w)]
    numbered = _get(item, "numbered", bool, w, True)
    return Block(
        _get(item, "id", str, w),
        _enum(BlockKind, _get(item, "kind", str, w), f"{w}.kind"),
        content,
        children,
        numbered,
    )


def _footnote(item: dict, w: str) -> Footnote:
    return Footnote(_get(item, "id", str, w), [_inline(*x) for x in _items(item, "content", w)])


def _proposal(item: dict, w: str) -> Proposal:
    return Proposal(
        id=_get(item, "id", str, w),
        kind=_enum(ProposalKind, _get(item, "kind", str, w), f"{w}.kind"),
        status=_enum(ProposalStatus, _get(item, "status", str, w, "proposed"), f"{w}.status"),
        **{name: _get(item, name, str, w, None) for name in _PROPOSAL_TEXT},
    )


def _by_id(obj: dict, key: str, where: str, build: Callable[[dict, str], Any]) -> dict[str, Any]:
    """Decode a list of objects into a dict keyed by their ids, keeping list order."""
    out: dict[str, Any] = {}
    for item, w in _items(obj, key, where):
        value = build(item, w)
        if value.id in out:
            raise _Invalid(f"{w}: id {_describe(value.id)} is used twice")
        out[value.id] = value
    return out


def _document(obj: dict, where: str) -> Document:
    head, hw = _get(obj, "masthead", dict, where, {}), f"{where}.masthead"
    sponsors = [_typed(s, str, f"{hw}.sponsors") for s in _get(head, "sponsors", list, hw, [])]
    doc = Document(
        kind=_enum(DocumentKind, _get(obj, "kind", str, where, "plain"), f"{where}.kind"),
        language=_get(obj, "language", str, where, "en"),
        masthead=Masthead(sponsors=sponsors, **{n: _get(head, n, str, hw, None) for n in _MASTHEAD_TEXT}),
        front=[_block(*x) for x in _items(obj, "front", where)],
        blocks=[_block(*x) for x in _items(obj, "blocks", where)],
        footnotes=_by_id(obj, "footnotes", where, _footnote),
        proposals=_by_id(obj, "proposals", where, _proposal),
    )
    _check_references(doc, where)
    return doc


def _check_references(doc: Document, where: str) -> None:
    """Every footnote reference and proposal span must point at something that exists."""
    places = [(f"block {_describe(b.id)}", b.content) for b in doc.iter_blocks()]
    places += [(f"footnote {_describe(n.id)}", n.content) for n in doc.footnotes.values()]
    for place, content in places:
        for node in iter_inlines(content):
            if isinstance(node, NoteRef) and node.footnote_id not in doc.footnotes:
                raise _Invalid(f"{where}, {place}: refers to missing footnote {_describe(node.footnote_id)}")
            if isinstance(node, ProposalSpan) and node.proposal_id not in doc.proposals:
                raise _Invalid(f"{where}, {place}: refers to missing proposal {_describe(node.proposal_id)}")
    for p in doc.proposals.values():
        if p.rationale_footnote_id is not None and p.rationale_footnote_id not in doc.footnotes:
            raise _Invalid(f"{where}, proposal {_describe(p.id)}: rationale refers to a missing footnote")


def _reason(exc: Exception) -> str:
    return "nested too deeply" if isinstance(exc, RecursionError) else str(exc)


def document_from_dict(data: Any) -> Document:
    """Decode the ``document`` part of a file; raises StorageError if it is malformed."""
    try:
        return _document(_typed(data, dict, "document"), "document")
    except (_Invalid, RecursionError) as exc:
        raise StorageError(f"Invalid document ({_reason(exc)})") from None


def _file_from_dict(data: dict) -> PenholderFile:
    document = _document(_get(data, "document", dict, "file"), "document")
    revisions = [
        Revision(_get(r, "name", str, w), _get(r, "date", str, w), _document(_get(r, "document", dict, w), w))
        for r, w in _items(data, "revisions", "file")
    ]
    return PenholderFile(document, revisions)


def _migrate(data: dict, version: int, name: str) -> dict:
    for old in range(version, SCHEMA_VERSION):
        if old not in MIGRATIONS:
            raise StorageError(f"{name} uses schema {version}, which this Penholder cannot upgrade")
        try:
            data = MIGRATIONS[old](data)
        except (KeyError, IndexError, TypeError, ValueError, AttributeError):  # malformed old data
            data = None
        if not isinstance(data, dict):
            raise _Invalid(f"cannot upgrade it from schema {old}")
        data["schema_version"] = old + 1
    return data


def loads(text: str, name: str = "file") -> PenholderFile:
    """Parse a Penholder file; ``name`` is how messages refer to it. Raises only StorageError."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno} column {exc.colno}"
        raise StorageError(f"{name} is damaged or truncated (JSON error at {where})") from None
    except (ValueError, RecursionError):  # an integer too long to convert, absurd nesting
        raise StorageError(f"{name} is damaged (its JSON cannot be read)") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise StorageError(f"{name} is not a Penholder file")
    version = data.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise StorageError(f"{name} is damaged (invalid schema_version {_describe(version)})")
    if version > SCHEMA_VERSION:
        raise StorageError(
            f"{name} was written by a newer version of Penholder (schema {version}; "
            f"this version reads up to {SCHEMA_VERSION}). Update Penholder to open it."
        )
    try:
        return _file_from_dict(_migrate(data, version, name))
    except (_Invalid, RecursionError) as exc:
        raise StorageError(f"{name} is damaged ({_reason(exc)})") from None


def load(path: str | os.PathLike[str]) -> PenholderFile:
    """Read a Penholder file. Raises only StorageError, with a message fit for the user."""
    name = Path(path).name
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise StorageError(f"{name} cannot be read ({exc.strerror or type(exc).__name__})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise StorageError(f"{name} is damaged (not UTF-8 text at byte {exc.start})") from None
    return loads(text, name)
