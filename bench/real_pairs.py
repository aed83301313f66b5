"""Comparison on real pairs: UN drafts against the resolutions adopted from them.

Run:  .venv/bin/python bench/real_pairs.py [--verbose] [--corpus DIR] [--ga80 DIR]

For every pair of ``real-pairs/expected.json`` the draft is compared with the adopted text
(markdown; and the raw PDF text where there is one) through the library
(``drafting.compare.compare`` on ``load_document(...).document``). Printed per pair: changed
paragraphs by kind, changed footnotes, masthead/metadata changes, and a verdict against the
truth:

* every expected substantive change must be found in the paragraph holding its old text (its
  new text for an inserted paragraph), and each substantively changed paragraph must change
  exactly the words the expected changes say: the inserted words minus the deleted ones (a
  multiset, so the verdict does not depend on how the diff aligns words) must equal the sum of
  the expected ``new`` minus ``old`` words of that paragraph;
* anything else reported as substantive (a paragraph or footnote) must be explained by a listed
  ``extraction_artifacts`` entry of the adopted markdown (never for the raw text): its label
  is named in the entry, or all its changed words are words of the paragraphs named there;
* typographic (formatting) paragraphs, masthead and metadata changes are never faults.

Then the six resolutions of ``real-ga80/texts`` that have both a raw text and a markdown are
compared raw -> markdown: they must be unchanged (0 changed paragraphs, 0 changed footnotes),
except A/RES/80/3 whose markdown lost the label "2." (one operative paragraph may differ by
exactly the text of the paragraph that lost its number).

The last lines give ``pairs exact: N/20`` (the markdown comparison, the bar of the task),
``raw pairs exact: N/5`` and ``raw-vs-md exact: N/6``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drafting.compare import BlockChange, Comparison, compare  # noqa: E402
from drafting.compare.tokens import tokenize  # noqa: E402
from drafting.importers import load_document  # noqa: E402
from drafting.model import Document, Text, plain_text  # noqa: E402
from tests.helpers import shared_corpus  # noqa: E402

CORPUS = shared_corpus() / "real-pairs"
GA80 = shared_corpus() / "real-ga80" / "texts"
SUBSTANTIVE = ("modified", "inserted", "deleted", "moved")


# --- words ------------------------------------------------------------------------------------


def _keys(text: str) -> list[str]:
    """Comparison keys of the words and marks of a string (typography normalised as the
    comparison does it), white space left out."""
    return [t.key for t in tokenize([Text(text)], {}) if t.key != " "]


def _flat(text: str) -> str:
    return " ".join(_keys(text))


def _net(change: BlockChange) -> Counter:
    """Inserted minus deleted word keys of a change (footnote markers left out)."""
    net: Counter = Counter()
    for segment in change.segments:
        if segment.op == "insert":
            net.update(t.key for t in segment.new if t.key != " " and t.ref is None)
        elif segment.op == "delete":
            net.subtract(t.key for t in segment.old if t.key != " " and t.ref is None)
    return _clean(net)


def _clean(counter: Counter) -> Counter:
    return Counter({k: v for k, v in counter.items() if v})


def _side_text(change: BlockChange, side: str) -> str:
    """The paragraph's old or new text as flat keys (markers left out)."""
    tokens = []
    for segment in change.segments:
        if side == "old" and segment.op != "insert":
            tokens += segment.old
        if side == "new" and segment.op != "delete":
            tokens += segment.new
    return " ".join(t.key for t in tokens if t.key != " " and t.ref is None)


# --- artifacts ----------------------------------------------------------------------------------


def _artifact_labels(where: str, what: str = "") -> set[str]:
    """Labels an artifact's "where" names: "PP 15", "OP 3 and OP 6", "between PP 5 and PP 6",
    "Annex paras 18, 29-35, 37", "footnote 2", "title line"; and a footnote "[^7]" its "what"
    names."""
    labels: set[str] = set()
    text = where.replace("–", "-")
    # a lost or glued paragraph number merges the next paragraph into the one named
    merges = bool(re.search(r"number.*(dropped|glued)|(dropped|glued).*number", what))
    for kind, numbers in re.findall(r"\b(PP|OP|(?:Annex\s+)?paras?|footnote)\s+([\d,\s\-and>]+)", text, re.I):
        kind = kind.lower()
        prefix = (
            "PP" if kind == "pp" else "OP" if kind == "op" else "footnote" if kind == "footnote" else "annex"
        )
        for part in re.findall(r"\d+\s*-\s*\d+|\d+", numbers):
            if "-" in part:
                a, b = (int(x) for x in part.split("-"))
                values = range(a, b + 1)
            else:
                values = [int(part)]
            labels.update(f"{prefix} {v}" for v in values)
            if merges and prefix != "footnote":
                labels.update(f"{prefix} {v + 1}" for v in values)
    labels.update(f"footnote {n}" for n in re.findall(r"\[\^(\d+)\]", what))
    if "title" in text.lower():
        labels.add("title")
    if "heading" in text.lower():
        labels.add("heading")
    return labels


def _label_matches(label: str | None, wanted: set[str]) -> bool:
    if not label:
        return False
    head = re.match(
        r"(PP|OP|paragraph|annex paragraph|annex para|annex|item|footnote|heading|section)\s*(\d+)?", label
    )
    if not head:
        return False
    kind, number = head.group(1), head.group(2)
    if kind == "heading" or kind == "section":
        return "heading" in wanted or "title" in wanted
    if kind in ("PP", "OP", "footnote") and f"{kind} {number}" in wanted:
        return True
    # annex paragraphs: labelled "paragraph n" until the reader knows annexes, maybe "annex …" after
    return (
        kind in ("paragraph", "annex", "annex paragraph", "annex para", "item", "OP")
        and f"annex {number}" in wanted
    )


def _annex_numbers(document: Document) -> dict[str, str]:
    """Block id -> "annex N" for the numbered paragraphs of an annexed declaration, numbered
    through the whole annex (the derived labels start again after each heading)."""
    from drafting.model import BlockKind

    numbers: dict[str, str] = {}
    count = 0

    def under(block, name: str) -> None:  # a sub-item counts as its paragraph
        for child in block.children:
            numbers[child.id] = name
            under(child, name)

    for block in document.blocks:
        if block.kind is BlockKind.LIST_ITEM:
            count += 1
            numbers[block.id] = f"annex {count}"
            under(block, numbers[block.id])
    return numbers


def _paragraph_words(document: Document, wanted: set[str]) -> Counter:
    """Word keys of the paragraphs of the draft the artifact names."""
    from drafting.numbering import block_labels

    labels = block_labels(document)
    annex = _annex_numbers(document)
    words: Counter = Counter()
    for block in document.iter_blocks():
        if _label_matches(labels[block.id].reference, wanted) or annex.get(block.id) in wanted:
            words.update(_keys(plain_text(block.content)))
    return words


# --- judging ------------------------------------------------------------------------------------


def judge(
    comparison: Comparison, expected: dict, *, allow_artifacts: bool, draft: Document
) -> tuple[bool, list[str]]:
    """(exact?, problems) of a comparison against the truth of its pair."""
    problems: list[str] = []
    wanted = []
    for item in expected["substantive_changes"]:
        old_flat, new_flat = _flat(item["old"]), _flat(item["new"])
        net = Counter(_keys(item["new"]))
        net.subtract(_keys(item["old"]))
        wanted.append({"item": item, "old": old_flat, "new": new_flat, "net": _clean(net), "found": False})
    artifacts = [a for a in expected.get("extraction_artifacts", []) if allow_artifacts]
    artifact_labels = [_artifact_labels(a["where"], a.get("what", "")) for a in artifacts]
    artifact_words = Counter()
    for labels in artifact_labels:
        artifact_words.update(_paragraph_words(draft, labels))
    numbers = (comparison.old_numbers, comparison.new_numbers)
    old_annex, new_annex = _annex_numbers(comparison.old), _annex_numbers(comparison.new)
    for change in comparison.blocks:
        if change.change not in SUBSTANTIVE:
            continue
        net = Counter() if change.change == "moved" and not change.edited else _net(change)
        old_text, new_text = _side_text(change, "old"), _side_text(change, "new")
        mine = [
            w
            for w in wanted
            if not w["found"]
            and (
                (w["old"] and w["old"] in old_text and w["new"] in new_text)
                or (not w["old"] and change.change == "inserted" and w["new"] == new_text)
            )
        ]
        if mine:
            total = Counter()
            for w in mine:
                total.update(w["net"])
            if _clean(total) == _clean(net) and change.change != "moved":
                for w in mine:
                    w["found"] = True
                continue
            residual = Counter(net)
            residual.subtract(total)
            extra = " ".join(f"{'+' if v > 0 else '-'}{k}" for k, v in _clean(residual).items())
            problems.append(f"{change.change} {_where(change)}: expected changes found, plus: {extra}")
            for w in mine:
                w["found"] = True
            continue
        explained = any(
            _label_matches(change.old_label, labels)
            or _label_matches(change.new_label, labels)
            or old_annex.get(change.old_id or "") in labels
            or new_annex.get(change.new_id or "") in labels
            for labels in artifact_labels
        ) or (
            artifacts
            and net
            # words of the paragraphs named; marks and bare numbers (lost or glued labels) aside
            and any(re.search(r"\w", k) and not k.isdigit() for k in net)
            and all(
                artifact_words[k] >= abs(v) or not re.search(r"\w", k) or k.isdigit() for k, v in net.items()
            )
        )
        if explained:
            continue
        shown = "".join(
            text
            if op == "equal"
            else f"[{'-' if op == 'delete' else '+'}{text}{'-' if op == 'delete' else '+'}]"
            for op, text in change.ops(numbers)
        )
        problems.append(f"{change.change} {_where(change)}: {_short(shown)}")
    for note in comparison.footnotes:
        if note.change == "unchanged":
            continue
        number = note.old_number or note.new_number
        if any(
            f"footnote {number}" in labels or f"footnote {note.new_number}" in labels
            for labels in artifact_labels
        ):
            continue
        text = " ".join(
            f"[{s.op}:{''.join(t.raw for t in (s.old if s.op == 'delete' else s.new))}]"
            for s in note.segments
            if s.op != "equal"
        )
        problems.append(f"footnote {note.old_number}->{note.new_number} {note.change}: {_short(text)}")
    for w in wanted:
        if not w["found"]:
            problems.append(f"missed {w['item']['where']}: {w['item']['old']!r} -> {w['item']['new']!r}")
    return not problems, problems


def _where(change: BlockChange) -> str:
    if change.old_label == change.new_label or not change.old_label or not change.new_label:
        return change.new_label or change.old_label or "?"
    return f"{change.old_label}->{change.new_label}"


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    # keep the part around the first change
    at = max(0, min((text.find("[-") + 1 or 10**9) - 1, (text.find("[+") + 1 or 10**9) - 1) - 40)
    return ("…" if at else "") + text[at : at + limit] + "…"


def counts(comparison: Comparison) -> str:
    summary = Counter(c.change for c in comparison.blocks)
    edited = sum(1 for c in comparison.blocks if c.change == "moved" and c.edited)
    footnotes = Counter(f.change for f in comparison.footnotes if f.change != "unchanged")
    return (
        f"substantive: {summary['modified']} modified, {summary['inserted']} inserted,"
        f" {summary['deleted']} deleted, {summary['moved']} moved ({edited} edited);"
        f" typographic: {summary['formatting']}; unchanged: {summary['unchanged']};"
        f" footnotes changed: {sum(footnotes.values())}; metadata: {len(comparison.metadata)}"
    )


def load(path: Path) -> Document:
    return load_document(path).document


def run_pairs(corpus: Path, verbose: bool) -> tuple[int, int, int, int]:
    truth = json.loads((corpus / "expected.json").read_text(encoding="utf-8"))
    exact = raw_exact = raw_total = 0
    for name, expected in truth.items():
        files = expected["files"]
        draft = load(corpus / files["draft"])
        targets = [("md", files["adopted"], True)]
        if files.get("adopted_raw"):
            targets.append(("raw", files["adopted_raw"], False))
        for kind, file_name, artifacts in targets:
            adopted = load(corpus / file_name)
            comparison = compare(draft, adopted)
            ok, problems = judge(comparison, expected, allow_artifacts=artifacts, draft=draft)
            if kind == "md":
                exact += ok
            else:
                raw_total += 1
                raw_exact += ok
            print(f"{name:15} {kind:3} {'EXACT' if ok else 'DIFF '}  {counts(comparison)}")
            for problem in problems if verbose or len(problems) <= 6 else problems[:6]:
                print(f"    {problem}")
            if not verbose and len(problems) > 6:
                print(f"    … {len(problems) - 6} more")
            if verbose:
                for item in comparison.metadata:
                    print(
                        f"    metadata {item.field}: {_short(repr(item.old), 70)} -> {_short(repr(item.new), 70)}"
                    )
    return exact, len(truth), raw_exact, raw_total


def check_raw_vs_md(raw: Path, md: Path) -> tuple[bool, list[str], Comparison]:
    """The raw text and the markdown of one resolution: no changed paragraph or footnote,
    except where the markdown of A/RES/80/3 lost the label "2." (OP 1 runs on into OP 2, or
    OP 2 is read apart: changes within OP 1 and OP 2 only)."""
    comparison = compare(load(raw), load(md))
    changed = [c for c in comparison.blocks if c.change in SUBSTANTIVE]
    notes = [f for f in comparison.footnotes if f.change != "unchanged"]
    problems = [f"{c.change} {_where(c)}" for c in changed] + [
        f"footnote {f.old_number}->{f.new_number} {f.change}" for f in notes
    ]
    ok = not problems
    if not ok and raw.name.startswith("A_RES_80_3.") and not notes and len(changed) <= 2:
        ok = all(
            (c.old_label or "").startswith(("OP 1", "OP 2"))
            and (c.new_label is None or c.new_label.startswith(("OP 1", "OP 2", "paragraph")))
            for c in changed
        )
    return ok, problems, comparison


def run_raw_vs_md(ga80: Path, verbose: bool) -> tuple[int, int]:
    exact = total = 0
    for raw in sorted(ga80.glob("*.raw.txt")):
        md = raw.with_name(raw.name.replace(".raw.txt", ".md"))
        if not md.exists():
            continue
        total += 1
        ok, problems, comparison = check_raw_vs_md(raw, md)
        exact += ok
        print(f"{raw.name:22} raw->md {'EXACT' if ok else 'DIFF '}  {counts(comparison)}")
        for problem in problems if verbose else problems[:6]:
            print(f"    {problem}")
        if verbose:
            numbers = (comparison.old_numbers, comparison.new_numbers)
            for c in comparison.blocks:
                if c.change in SUBSTANTIVE:
                    print(f"      {_where(c)}: {_short(str(c.ops(numbers)), 300)}")
    return exact, total


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--verbose", "-v", action="store_true")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--ga80", type=Path, default=GA80)
    args = parser.parse_args()
    start = time.perf_counter()
    exact, total, raw_exact, raw_total = run_pairs(args.corpus, args.verbose)
    print()
    both, six = run_raw_vs_md(args.ga80, args.verbose)
    print()
    print(f"raw pairs exact: {raw_exact}/{raw_total}")
    print(f"raw-vs-md exact: {both}/{six}")
    print(f"pairs exact: {exact}/{total}   ({time.perf_counter() - start:.1f} s)")


if __name__ == "__main__":
    main()
