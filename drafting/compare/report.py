"""A comparison for people: a terminal summary with marked words, and a standalone HTML page
with an inline redline, a side-by-side view and a list of changes to jump through."""

from __future__ import annotations

from html import escape

from drafting.compare import BlockChange, Comparison

_SHOWN = ("modified", "inserted", "deleted", "moved")
_ANSI = {"delete": ("\x1b[9;31m", "\x1b[0m"), "insert": ("\x1b[4;34m", "\x1b[0m")}
_PLAIN = {"delete": ("[-", "-]"), "insert": ("{+", "+}")}


def _title(change: BlockChange) -> str:
    if change.change == "inserted":
        return f"{change.new_label} (inserted)"
    if change.change == "deleted":
        return f"{change.old_label} (deleted)"
    arrow = (
        change.old_label
        if change.old_label == change.new_label
        else f"{change.old_label} → {change.new_label}"
    )
    if change.change == "moved":
        return f"{arrow} (moved{', with edits' if change.edited else ''})"
    return f"{arrow} ({'typographic only' if change.change == 'formatting' else change.change})"


def format_comparison(
    comparison: Comparison, *, color: bool = False, include_formatting: bool = False
) -> str:
    """Summary, then each changed paragraph with deleted [-words-] and inserted {+words+}."""
    marks = _ANSI if color else _PLAIN
    summary = comparison.summary()
    lines = [
        f"{summary['substantive']} substantive paragraph changes ({summary['modified']} modified,"
        f" {summary['inserted']} inserted, {summary['deleted']} deleted, {summary['moved']} moved),"
        f" {summary['formatting']} typographic only, {summary['unchanged']} unchanged;"
        f" {summary['words_inserted']} words inserted, {summary['words_deleted']} deleted;"
        f" {summary['footnotes_changed']} footnotes changed; {summary['metadata_changed']} masthead/metadata changes",
    ]
    shown = _SHOWN + (("formatting",) if include_formatting else ())
    numbers = (comparison.old_numbers, comparison.new_numbers)
    for change in comparison.blocks:
        if change.change not in shown:
            continue
        lines.append("")
        lines.append(_title(change) + ":")
        lines.append("  " + _marked(change.ops(numbers), marks))
    for note in comparison.footnotes:
        if note.change == "unchanged":
            continue
        lines.append("")
        label = f"footnote {note.new_number or note.old_number}"
        lines.append(f"{label} ({note.change}):")
        lines.append(
            "  " + _marked(BlockChange("", None, None, None, None, note.segments).ops(numbers), marks)
        )
    for item in comparison.metadata:
        lines.append("")
        label = "front matter (before the title)" if item.field == "front" else f"masthead {item.field}"
        lines.append(f"{label}: {item.old!r} → {item.new!r}")
    return "\n".join(lines) + "\n"


def _marked(ops: list[list[str]], marks: dict[str, tuple[str, str]]) -> str:
    out = []
    for op, text in ops:
        if op == "equal":
            out.append(text)
        else:
            start, end = marks[op]
            out.append(f"{start}{text}{end}")
    return "".join(out)


_CSS = """
body { font-family: "Times New Roman", "Liberation Serif", SimSun, serif; margin: 0; color: #111; }
header { position: sticky; top: 0; background: #f4f4f4; border-bottom: 1px solid #ccc; padding: 8px 16px; }
header label { margin-left: 16px; font-family: sans-serif; font-size: 13px; }
main { display: flex; }
nav { width: 220px; flex: none; font: 13px sans-serif; border-right: 1px solid #ddd; padding: 8px; height: calc(100vh
  - 50px); overflow: auto; position: sticky; top: 42px; }
nav a { display: block; padding: 2px 4px; color: #024; text-decoration: none; }
nav a:hover { background: #e8eef8; }
section { flex: 1; padding: 8px 24px; max-width: 1200px; }
.block { margin: 10px 0; line-height: 1.45; }
.label { font-weight: bold; margin-right: 6px; }
.note { font: 12px sans-serif; color: #666; margin-left: 6px; }
del { color: #b00; text-decoration: line-through; }
ins { color: #0645ad; text-decoration: underline; }
.moved { border-left: 3px solid #c80; padding-left: 8px; }
.inserted { border-left: 3px solid #0645ad; padding-left: 8px; }
.deleted { border-left: 3px solid #b00; padding-left: 8px; }
body.show-formatting .formatting { background: #fff6d5; }
table.side { width: 100%; border-collapse: collapse; }
table.side td { width: 50%; vertical-align: top; border-top: 1px solid #eee; padding: 6px; }
body.view-inline #side, body.view-side #inline { display: none; }
"""
_SCRIPT = """
function setView(v){document.body.classList.remove('view-inline','view-side');document.body.classList.add('view-'+v);}
function toggleFormatting(on){document.body.classList.toggle('show-formatting', on);}
"""


def comparison_html(comparison: Comparison, title: str = "Comparison") -> str:
    """A standalone page: inline redline, side-by-side view, and the change list."""
    summary = comparison.summary()
    numbers = (comparison.old_numbers, comparison.new_numbers)
    changes = [c for c in comparison.blocks if c.change != "unchanged"]
    nav = "".join(
        f'<a href="#c{index}">{escape(_title(c))}</a>'
        for index, c in enumerate(changes)
        if c.change in _SHOWN
    )
    anchors = {id(change): index for index, change in enumerate(changes)}
    inline_parts = []
    side_rows = []
    for change in comparison.blocks:
        ops = change.ops(numbers)
        label = escape(change.new_label or change.old_label or "")
        anchor = f' id="c{anchors[id(change)]}"' if id(change) in anchors else ""
        note = f'<span class="note">{escape(_title(change))}</span>' if change.change != "unchanged" else ""
        inline_parts.append(
            f'<div class="block {change.change}"{anchor}><span class="label">{label}</span>{_html_ops(ops)}{note}</div>'
        )
        old_text = "".join(
            escape(t) if op == "equal" else f"<del>{escape(t)}</del>" for op, t in ops if op != "insert"
        )
        new_text = "".join(
            escape(t) if op == "equal" else f"<ins>{escape(t)}</ins>" for op, t in ops if op != "delete"
        )
        old_label, new_label = escape(change.old_label or ""), escape(change.new_label or "")
        side_rows.append(
            f'<tr class="{change.change}"><td><span class="label">{old_label}</span>{old_text}</td>'
            f'<td><span class="label">{new_label}</span>{new_text}</td></tr>'
        )
    notes = []
    for note in comparison.footnotes:
        if note.change != "unchanged":
            ops = BlockChange("", None, None, None, None, note.segments).ops(numbers)
            notes.append(
                f'<div class="block {note.change}"><span class="label">footnote {note.new_number or note.old_number}'
                f"</span>{_html_ops(ops)}</div>"
            )
    metadata = "".join(
        f"<li>{escape(m.field)}: <del>{escape(str(m.old))}</del> <ins>{escape(str(m.new))}</ins></li>"
        for m in comparison.metadata
    )
    counts = ", ".join(f"{value} {key.replace('_', ' ')}" for key, value in summary.items())
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{_CSS}</style><script>{_SCRIPT}</script></head>"
        '<body class="view-inline"><header><strong>'
        f"{escape(title)}</strong> — {escape(counts)}"
        '<label><input type="radio" name="v" checked onclick="setView(\'inline\')"> inline</label>'
        '<label><input type="radio" name="v" onclick="setView(\'side\')"> side by side</label>'
        '<label><input type="checkbox" onclick="toggleFormatting(this.checked)"> formatting changes</label>'
        f"</header><main><nav>{nav or 'No changes'}</nav><section>"
        f'<div id="inline">{"".join(inline_parts)}</div>'
        f'<div id="side"><table class="side"><tr><th>old</th><th>new</th></tr>{"".join(side_rows)}</table></div>'
        + (f"<h3>Footnotes</h3>{''.join(notes)}" if notes else "")
        + (f"<h3>Masthead</h3><ul>{metadata}</ul>" if metadata else "")
        + "</section></main></body></html>\n"
    )


def _html_ops(ops: list[list[str]]) -> str:
    out = []
    for op, text in ops:
        if op == "equal":
            out.append(escape(text))
        elif op == "delete":
            out.append(f"<del>{escape(text)}</del>")
        else:
            out.append(f"<ins>{escape(text)}</ins>")
    return "".join(out)
