"""Fix all: every fix of one kind applied at once (issue 17: the Chinese draft's full-width
punctuation warnings fixed in one go), without changing the document it reads."""

from __future__ import annotations

import copy

from drafting.checks import CheckSettings, run_checks
from drafting.checks.finding import Fix
from drafting.checks.fixes import fix_all
from drafting.importers.text_import import import_text
from drafting.model import Document, plain_text
from tests.helpers import load

SETTINGS = CheckSettings(spelling=False)


def applied(document: Document, results) -> Document:
    result = copy.deepcopy(document)
    for target, fixed in results.items():
        result.footnotes.update(fixed.new_footnotes)
        if target in result.footnotes:
            result.footnotes[target].content = fixed.content
        else:
            result.block(target).content = fixed.content
    return result


def texts(document: Document) -> list[str]:
    return [plain_text(b.content) for b in document.iter_blocks()]


def test_all_full_width_punctuation_of_the_chinese_draft_fixed_at_once():
    document = load("ga-draft-central-asia-drugs-zh.txt").document
    before = run_checks(document, SETTINGS)
    fullwidth = [f for f in before if f.rule == "style.zh-fullwidth"]
    assert len(fullwidth) >= 30
    untouched = copy.deepcopy(document)
    results, skipped = fix_all(document, [f.fix for f in fullwidth])
    assert skipped == 0
    assert document == untouched  # fix_all only reads
    fixed = applied(document, results)
    after = run_checks(fixed, SETTINGS)
    assert [f for f in after if f.rule == "style.zh-fullwidth"] == []
    assert sorted(f.label for f in after if f.severity.value == "error") == ["PP 10", "PP 16", "PP 8"]
    # Only the punctuation changed, character for character.
    changed = 0
    for old, new in zip(texts(document), texts(fixed), strict=True):
        assert len(old) == len(new)
        differences = [(a, b) for a, b in zip(old, new, strict=True) if a != b]
        assert all(a in ",;:()" and ord(b) > 0xFF00 for a, b in differences)
        changed += len(differences)
    assert changed == len(fullwidth)


def test_overlapping_and_stale_fixes_are_skipped_and_counted():
    document = import_text(
        "The General Assembly,\n\nNoting the plan for 2008-2011,\n\n1. *Decides* to act.\n"
    ).document
    target = document.preambular[0].id
    text = plain_text(document.preambular[0].content)
    at = text.index("2008-2011")
    dash = Fix("use an en dash", "replace", target, at + 4, at + 5, "–")
    overlapping = Fix("write the range", "replace", target, at, at + 9, "2008 to 2011")
    stale = Fix("gone", "replace", "b-no-such-paragraph", 0, 1, "x")
    results, skipped = fix_all(document, [dash, overlapping, stale])
    assert skipped == 2
    assert plain_text(results[target].content) == text.replace("2008-2011", "2008–2011")
