"""The Penholder file format (``*.penholder``): one UTF-8 JSON document.

Layout::

    {"format": "penholder", "schema_version": 2, "document": {...},
     "revisions": [{"name": "...", "date": "...", "document": {...}}, ...]}

``revisions`` go from the oldest to the newest. The current ``document`` is written in full;
each revision is written relative to the next newer text (the newest revision relative to the
current document), so twenty revisions of a long resolution cost little more than one copy:

* its ``masthead`` is ``{"same": true}`` when it equals the newer text's masthead;
* in its ``front``, ``blocks``, ``footnotes`` and ``proposals`` lists, a run of items that
  are unchanged (same id, same content, including subparagraphs) and consecutive in both texts
  is one reference ``{"same": "<id of the first>", "count": n}``: the ``n`` items of the same
  list of the newer text starting at the one with that id. Everything else is written in full.

Reading resolves the references from the newest revision to the oldest; a reference to an id
the newer text does not have (or has twice) is damage like any other.

Reading is strict: anything that is not what this module writes is refused with a
:class:`StorageError` whose message can be shown to the user as one line, instead of being
opened half-way. Writing is atomic, so a crash or a full disk mid-save never damages the
previous file, and :func:`dumps` checks its output with the reader, so Penholder never writes
a file it would refuse to open or that would give back other revisions. Files with an older
``schema_version`` are upgraded one version at a time by :data:`MIGRATIONS` before decoding.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
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
from drafting.reading import read_regular_file

FORMAT_NAME = "penholder"
SCHEMA_VERSION = 2
MAX_FILE_BYTES = 256 * 2**20
"""Largest Penholder file read. Far above any real one (a resolution with twenty revisions
is well under a megabyte, and the largest text import is 64 MB), but a bound: a link to
``/dev/zero`` or a runaway file must give a clear refusal, not exhaust memory."""

_LISTS = ("front", "blocks", "footnotes", "proposals")
"""The lists of a document dict whose items a revision may write as references."""


def _from_schema_1(data: dict) -> dict:
    """Schema 1 → 2: schema 2 adds references to revisions, and a schema 1 file has none, so
    it is a schema 2 file as it stands. Only a stray ``"same"`` key, which the schema 1 reader
    ignored, is dropped so that it is not taken for a reference."""
    revisions = data.get("revisions")
    documents = [data.get("document")]
    documents += (
        [r.get("document") for r in revisions if isinstance(r, dict)] if isinstance(revisions, list) else []
    )
    for document in documents:
        if not isinstance(document, dict):
            continue
        if isinstance(document.get("masthead"), dict):
            document["masthead"].pop("same", None)
        for key in _LISTS:
            items = document.get(key)
            for item in items if isinstance(items, list) else []:
                if isinstance(item, dict):
                    item.pop("same", None)
    return data


MIGRATIONS: dict[int, Callable[[dict], dict]] = {1: _from_schema_1}
"""``MIGRATIONS[n]`` upgrades a raw file dict from schema ``n`` to ``n + 1`` (it may mutate it).

:func:`loads` runs them in order for a file older than :data:`SCHEMA_VERSION` and sets
``schema_version`` after each step.
"""


@dataclass
class Revision:
    """A named snapshot kept inside the file, e.g. the text as circulated on a given date.

    :attr:`PenholderFile.revisions` lists them from the oldest to the newest.
    """

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
_PROPOSAL_TEXT = ["author", "date", "rationale", "rationale_footnote_id", "move_of", "oral"]
_PROPOSAL_WHEN_SET = {"move_of", "oral"}
"""Written only when set, so that files without moves or oral revisions look as before."""
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


def inline_to_dict(node: Inline) -> dict[str, Any]:
    """One inline node as the file stores it (used for the clipboard too)."""
    return _inline_to_dict(node)


def inline_from_dict(item: Any, where: str = "clipboard") -> Inline:
    """The inverse of :func:`inline_to_dict`; raises StorageError for anything else."""
    try:
        if not isinstance(item, dict):
            raise _Invalid(f"{where}: not inline content")
        return _inline(item, where)
    except (_Invalid, TypeError, ValueError, KeyError) as exc:
        raise StorageError(f"{where}: {exc}") from None


def _block_to_dict(b: Block) -> dict[str, Any]:
    data: dict[str, Any] = {"id": b.id, "kind": BlockKind(b.kind).value, "numbered": b.numbered}
    if b.alternative_to is not None:  # written only when set: older Penholders read the file as before
        data["alternative_to"] = b.alternative_to
    if b.agreed_ad_ref:
        data["agreed_ad_ref"] = True
    data["content"] = [_inline_to_dict(n) for n in b.content]
    data["children"] = [_block_to_dict(c) for c in b.children]
    return data


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
            | {
                name: getattr(p, name)
                for name in _PROPOSAL_TEXT
                if name not in _PROPOSAL_WHEN_SET or getattr(p, name) is not None
            }
            for p in doc.proposals.values()
        ],
    }


def dumps(pf: PenholderFile, *, readable: bool = True) -> str:
    """Serialise ``pf``; raises StorageError if the result could not be read back as ``pf``.

    ``readable``: one item per line, as the files users keep (and compare with text tools).
    Autosave snapshots are written compact instead: Python writes indented JSON with its slow
    pure-Python encoder (70 ms at 1 MB, on the autosave worker, competing with typing for the
    interpreter), compact JSON with the C encoder (11 ms)."""
    try:
        current = document_to_dict(pf.document)
        full = [document_to_dict(r.document) for r in pf.revisions]
        stored: list[dict[str, Any]] = []
        newer = current
        for older in reversed(full):
            stored.append(_compact(older, newer))
            newer = older
        stored.reverse()
        revisions = [
            {"name": r.name, "date": r.date, "document": d} for r, d in zip(pf.revisions, stored, strict=True)
        ]
        data = {"format": FORMAT_NAME, "schema_version": SCHEMA_VERSION}
        data |= {"document": current, "revisions": revisions}
        _, resolved = _read(data)  # never write what load() would refuse to read
        if resolved != full:  # nor revisions that would read back otherwise
            raise ValueError("its revisions do not read back as they are")
        return json.dumps(data, ensure_ascii=False, indent=1 if readable else None) + "\n"
    except (_Invalid, TypeError, ValueError, AttributeError, RecursionError) as exc:
        raise StorageError(f"The document cannot be saved: it is inconsistent ({exc})") from None


def _compact(older: dict[str, Any], newer: dict[str, Any]) -> dict[str, Any]:
    """The document dict ``older`` with what it shares with ``newer`` written as references."""
    out = dict(older)
    if older["masthead"] == newer["masthead"]:
        out["masthead"] = {"same": True}
    for key in _LISTS:
        out[key] = _compact_items(older[key], newer[key])
    return out


def _compact_items(older: list[dict[str, Any]], newer: list[dict[str, Any]]) -> list[dict[str, Any]]:
    index = _unique_ids(newer)
    out: list[dict[str, Any]] = []
    i = 0
    while i < len(older):
        j = index.get(older[i]["id"])
        if j is None or older[i] != newer[j]:
            out.append(older[i])
            i += 1
            continue
        count = 1
        while i + count < len(older) and j + count < len(newer) and older[i + count] == newer[j + count]:
            count += 1
        out.append({"same": older[i]["id"], "count": count})
        i += count
    return out


def _unique_ids(items: list[Any]) -> dict[str, int]:
    """Position of each item by id, for the ids that occur once (a reference must be unambiguous)."""
    index: dict[str, int] = {}
    twice: set[str] = set()
    for j, item in enumerate(items):
        ident = item.get("id") if isinstance(item, dict) else None
        if isinstance(ident, str):
            if ident in index:
                twice.add(ident)
            index[ident] = j
    for ident in twice:
        del index[ident]
    return index


def save(pf: PenholderFile, path: str | os.PathLike[str], *, readable: bool = True) -> None:
    """Write ``pf`` to ``path`` atomically: the old file is replaced only by a complete new one.
    ``readable``: see :func:`dumps`."""
    text = dumps(pf, readable=readable)
    try:
        payload = text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates (a "\ud800" escape in a file) have no UTF-8 form
        indent = 1 if readable else None
        payload = (json.dumps(json.loads(text), ensure_ascii=True, indent=indent) + "\n").encode("ascii")
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


_LANGUAGE_TAG = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,3}")
"""A language tag as BCP 47 writes it ("en", "zh-Hans"): the language picks data files."""


def _language(value: str, where: str) -> str:
    if not _LANGUAGE_TAG.fullmatch(value):
        raise _Invalid(f"{where}: not a language code: {_describe(value)}")
    return value


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
        alternative_to=_get(item, "alternative_to", str, w, None),
        agreed_ad_ref=_get(item, "agreed_ad_ref", bool, w, False),
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
    """Decode a document dict; references (``"same"``) must have been resolved already."""
    head, hw = _get(obj, "masthead", dict, where, {}), f"{where}.masthead"
    if "same" in head:
        raise _Invalid(f'{hw}: "same" (a reference to a newer text) is only allowed in a revision')
    for key in _LISTS:
        for item, w in _items(obj, key, where):
            if "same" in item:
                raise _Invalid(f'{w}: "same" (a reference to a newer text) is only allowed in a revision')
    sponsors = [_typed(s, str, f"{hw}.sponsors") for s in _get(head, "sponsors", list, hw, [])]
    doc = Document(
        kind=_enum(DocumentKind, _get(obj, "kind", str, where, "plain"), f"{where}.kind"),
        language=_language(_get(obj, "language", str, where, "en"), f"{where}.language"),
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
        if p.move_of is not None and p.move_of not in doc.proposals:
            raise _Invalid(f"{where}, proposal {_describe(p.id)}: move_of refers to a missing proposal")
    ids = {b.id for b in doc.iter_blocks()}
    for b in doc.iter_blocks():
        if b.alternative_to is not None and b.alternative_to not in ids:
            raise _Invalid(f"{where}, block {_describe(b.id)}: alternative to a missing paragraph")


def _reason(exc: Exception) -> str:
    return "nested too deeply" if isinstance(exc, RecursionError) else str(exc)


def document_from_dict(data: Any) -> Document:
    """Decode the ``document`` part of a file; raises StorageError if it is malformed."""
    try:
        return _document(_typed(data, dict, "document"), "document")
    except (_Invalid, RecursionError) as exc:
        raise StorageError(f"Invalid document ({_reason(exc)})") from None


def _file_from_dict(data: dict) -> PenholderFile:
    return _read(data)[0]


def _read(data: dict) -> tuple[PenholderFile, list[dict]]:
    """Decode a file dict; also returns each revision's document dict with references resolved."""
    current = _get(data, "document", dict, "file")
    document = _document(current, "document")
    entries = _items(data, "revisions", "file")
    revisions: list[Revision] = []
    resolved: list[dict] = []
    newer = current
    for r, w in reversed(entries):  # newest first: each refers to the next newer text
        newer = _resolve(_get(r, "document", dict, w), newer, w)
        revisions.append(Revision(_get(r, "name", str, w), _get(r, "date", str, w), _document(newer, w)))
        resolved.append(newer)
    revisions.reverse()
    resolved.reverse()
    return PenholderFile(document, revisions), resolved


def _resolve(obj: dict, newer: dict, where: str) -> dict:
    """The revision document dict ``obj`` with its references replaced by what they point at in
    ``newer`` (a document dict already resolved and decoded)."""
    out = dict(obj)
    head, hw = obj.get("masthead"), f"{where}.masthead"
    if isinstance(head, dict) and "same" in head:
        if len(head) != 1 or head["same"] is not True:
            raise _Invalid(f'{hw}: a reference to the newer masthead is written {{"same": true}}')
        out.pop("masthead")
        if "masthead" in newer:
            out["masthead"] = newer["masthead"]
    for key in _LISTS:
        items = obj.get(key)
        if isinstance(items, list) and any(isinstance(x, dict) and "same" in x for x in items):
            out[key] = _resolve_items(items, newer.get(key) or [], f"{where}.{key}")
    return out


def _resolve_items(items: list, newer: list, where: str) -> list:
    index = _unique_ids(newer)
    out = []
    for i, item in enumerate(items):
        w = f"{where}[{i}]"
        if not isinstance(item, dict) or "same" not in item:
            out.append(item)
            continue
        first, count = _get(item, "same", str, w), _get(item, "count", int, w)
        if set(item) != {"same", "count"}:
            other = next(k for k in item if k not in ("same", "count"))
            raise _Invalid(f'{w}: a reference has only "same" and "count", found {_describe(other)}')
        if count < 1:
            raise _Invalid(f"{w}.count: expected at least 1, found {count}")
        start = index.get(first)
        if start is None:
            used = any(isinstance(x, dict) and x.get("id") == first for x in newer)
            problem = "uses more than once" if used else "does not have"
            raise _Invalid(f"{w}: refers to {_describe(first)}, which the next newer text {problem}")
        if start + count > len(newer):
            raise _Invalid(
                f"{w}: refers to {count} items from {_describe(first)}, "
                f"but the next newer text has only {len(newer) - start}"
            )
        out.extend(newer[start : start + count])
    return out


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
    """Read a Penholder file. Raises only StorageError, with a message fit for the user.

    The one reader of Penholder files: the window, recovery and (through
    :func:`drafting.importers.load_document`) the command line all come here, so a file opens
    everywhere or nowhere; a UTF-8 byte order mark, which some editors add, is accepted."""
    name = Path(path).name
    try:
        raw = read_regular_file(path, MAX_FILE_BYTES)
    except OSError as exc:
        raise StorageError(f"{name} cannot be read ({exc.strerror or type(exc).__name__})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise StorageError(f"{name} is damaged (not UTF-8 text at byte {exc.start})") from None
    return loads(text, name)
