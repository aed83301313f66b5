"""The ``penholder`` command line.

Exit codes: 0 success, 1 the checker found errors, 2 bad usage or unreadable input. Every
failure is one clear line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from app import __version__
from drafting.errors import DraftingError
from drafting.importers import ImportResult, load_document
from drafting.outline import outline

if TYPE_CHECKING:
    from drafting.storage import PenholderFile

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
COMMANDS = ("import", "outline", "export", "check", "compare", "compile", "revise", "parity")
SOURCE_TYPES = ".penholder, .docx, .pdf, .txt or .md"


class UsageError(Exception):
    """Bad command-line usage; the message is shown as one line."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see 'penholder --help')")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="penholder",
        description="Penholder: a drafting assistant for UN resolutions and negotiation texts.",
        epilog="Without a command, 'penholder [FILE]' opens the editor window (with FILE). "
        f"SRC is a {SOURCE_TYPES} file. Run 'penholder COMMAND --help' for details.",
    )
    parser.add_argument("--version", action="version", version=f"penholder {__version__}")
    parser.add_argument(
        "--self-test",
        metavar="FILE",
        help="open FILE in the window, wait for the first check, test spelling, printing and the"
        " icon, close the window and print one line (for installers: exit status 0 when all is well)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser(
        "import",
        help="read SRC and save it as a Penholder file",
        description="Read SRC and save it as a Penholder file. A one-line summary, then every"
        " warning and note of the import, go to stderr.",
    )
    p.add_argument("src", metavar="SRC", help=f"a {SOURCE_TYPES} file")
    p.add_argument("-o", "--output", required=True, metavar="OUT.penholder")

    p = sub.add_parser("outline", help="show the structure as read: paragraphs, footnotes, proposals")
    p.add_argument("src", metavar="SRC", help=f"a {SOURCE_TYPES} file")
    p.add_argument("--json", action="store_true", help="print the outline as JSON (docs/outline-json.md)")

    p = sub.add_parser(
        "export",
        help="write SRC in UN layout as a Word file, a PDF or text",
        description="Write SRC in UN layout. A PDF is the Word file rendered by LibreOffice"
        " (which must be installed): real footnotes at the foot of each page, the same masthead.",
    )
    p.add_argument("src", metavar="SRC")
    p.add_argument("-o", "--output", required=True, metavar="OUT.docx|OUT.pdf|OUT.txt|OUT.md")
    p.add_argument(
        "--proposals",
        choices=("markup", "tracked"),
        default="markup",
        help="DOCX: proposals as struck/underlined text with attribution (markup, default) or as"
        " Word tracked changes authored by the delegation (tracked)",
    )
    p.add_argument(
        "--insertions", choices=("underline", "bold"), default="underline", help="DOCX markup mode"
    )
    p.add_argument(
        "--repeats",
        choices=("noteref", "superscript"),
        default="noteref",
        help="DOCX: a footnote cited again as a Word cross-reference (noteref)"
        " or plain superscript (strict UN)",
    )
    p.add_argument(
        "--timestamp",
        metavar="ISO8601",
        help="DOCX: record this time in the document properties, and date the tracked changes"
        " whose proposals carry no date with it",
    )
    p.add_argument(
        "--numbers",
        choices=("automatic", "typed"),
        default="automatic",
        help="DOCX: operative numbers, subparagraph labels and section numerals as Word automatic"
        " numbering (default: renumbered by Word after accepting or rejecting changes) or as typed text",
    )

    p = sub.add_parser("check", help="check footnotes, citations, treaties, grammar and spelling")
    p.add_argument("src", metavar="SRC")
    p.add_argument("--json", action="store_true", help="print the findings as JSON (docs/checks.md)")
    p.add_argument(
        "--footnote-regime",
        choices=("legacy", "current"),
        default="legacy",
        help="legacy: a footnote may be cited again (older Editorial Manual); current: each reference once",
    )
    p.add_argument("--no-spelling", action="store_true", help="skip the spelling checks")

    p = sub.add_parser(
        "parity",
        help="compare the language versions of one text paragraph by paragraph: counts, footnote"
        " markers, numbers and document symbols (docs/parity.md)",
    )
    p.add_argument(
        "versions",
        metavar="FILE",
        nargs="+",
        help="two or more language versions; the first is the reference",
    )
    p.add_argument("--json", action="store_true", help="print the discrepancies as JSON")

    p = sub.add_parser("compare", help="compare two revisions paragraph by paragraph and word by word")
    p.add_argument("old", metavar="OLD")
    p.add_argument("new", metavar="NEW")
    p.add_argument("--json", action="store_true", help="print the comparison as JSON")
    p.add_argument("-o", "--output", metavar="OUT.html|OUT.docx", help="write a redline page or a Word file")
    p.add_argument("--author", default="Comparison", help="DOCX: author of the tracked changes")
    p.add_argument(
        "--timestamp",
        metavar="ISO8601",
        help="DOCX: date of the tracked changes (default: the time of the comparison)",
    )
    p.add_argument("--formatting", action="store_true", help="also show formatting-only changes")

    p = sub.add_parser(
        "compile",
        help="compile delegations' returns of a draft into one text with attributed proposals",
        description="Compile the returns of BASE into one text: every change of every RETURN becomes a"
        " proposal attributed to its delegation; the same change from several delegations is one proposal"
        " with all their names; a change colliding with another is kept as an alternative paragraph"
        " ('OP 5 alt'). A return with tracked changes (or negotiation markup) is read as those changes;"
        " a clean one is compared with BASE. The summary goes to stdout, a line per return and what"
        " could not be placed to stderr (docs/compile.md).",
    )
    p.add_argument("base", metavar="BASE", help=f"the draft as circulated: a {SOURCE_TYPES} file")
    p.add_argument(
        "returns",
        metavar="RETURN[=NAME]",
        nargs="+",
        help="a delegation's return; '=NAME' names the delegation (then the author of all its changes);"
        " without it, a clean Word file is attributed to the author in its properties, else to the file"
        " name, and tracked changes to their own authors",
    )
    p.add_argument("-o", "--output", required=True, metavar="OUT.penholder|OUT.docx")
    p.add_argument(
        "--proposals",
        choices=("markup", "tracked"),
        default="markup",
        help="DOCX: proposals as negotiation markup (default) or as Word tracked changes",
    )
    p.add_argument(
        "--insertions", choices=("underline", "bold"), default="underline", help="DOCX markup mode"
    )
    p.add_argument("--timestamp", metavar="ISO8601", help="DOCX: as for 'penholder export'")
    p = sub.add_parser(
        "revise",
        help="make the next revision (Rev.N) of a negotiated text, with its Word redline, or the text"
        " as orally revised",
        description="Make the next revision of SRC: accepted and agreed-ad-ref proposals applied, rejected"
        " and withdrawn ones dropped, open ones kept as proposals (or written in square brackets). The new"
        " text is kept in OUT as a revision named 'Rev.N' (after the highest kept), beside the text as"
        " negotiated; --redline writes the Word file of the new text with the changes from the previous"
        " draft as tracked changes, the form the General Assembly asks for. With --orally-revised, OUT"
        " is instead the text as orally revised: the oral revisions read out at adoption applied, every"
        " other proposal kept as it is.",
    )
    p.add_argument("src", metavar="SRC", help=f"the negotiated text: a {SOURCE_TYPES} file")
    p.add_argument("-o", "--output", required=True, metavar="OUT.penholder")
    p.add_argument(
        "--pending",
        choices=("keep", "brackets"),
        default="keep",
        help="open proposals: kept as proposals (keep, default) or written into the text in [brackets]",
    )
    p.add_argument("--name", help="the revision's name (default: Rev.N after the highest kept)")
    p.add_argument(
        "--redline", metavar="REDLINE.docx", help="also write the redline against the previous draft"
    )
    p.add_argument("--author", default="Penholder", help="author of the redline's tracked changes")
    p.add_argument("--timestamp", metavar="ISO8601", help="date of the redline's tracked changes")
    p.add_argument(
        "--orally-revised",
        action="store_true",
        help="write the text as orally revised instead (oral revisions applied, other proposals kept;"
        " --redline: against the draft as tabled)",
    )

    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    _prefer_utf8_output()
    try:
        if (args_list and args_list[0] in COMMANDS) or any(
            a in ("-h", "--help", "--version", "--self-test") for a in args_list[:1]
        ):
            args = build_parser().parse_args(args_list)
            return _dispatch(args)
        return _open_editor(args_list)
    except UsageError as exc:
        return _fail(str(exc))
    except DraftingError as exc:
        return _fail(str(exc))
    except SystemExit as exc:  # --help and --version exit through argparse
        return exc.code if isinstance(exc.code, int) else EXIT_OK
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 - the promise is one line, never a traceback
        return _fail(f"internal error ({type(exc).__name__}: {exc}); please report it")


def _dispatch(args: argparse.Namespace) -> int:
    if args.self_test is not None:
        if args.command is not None:
            raise UsageError("--self-test opens the window: give it no command")
        from app.self_test import run_self_test

        return run_self_test([args.self_test])
    if args.command is None:
        return _open_editor([])
    if args.command == "import":
        return _cmd_import(args.src, args.output)
    if args.command == "outline":
        return _cmd_outline(args.src, as_json=args.json)
    if args.command == "export":
        return _cmd_export(args)
    if args.command == "check":
        return _cmd_check(args)
    if args.command == "compare":
        return _cmd_compare(args)
    if args.command == "compile":
        return _cmd_compile(args)
    if args.command == "revise":
        return _cmd_revise(args)
    if args.command == "parity":
        return _cmd_parity(args)
    return _fail(f"'penholder {args.command}' is not available yet in this version")


def _open_editor(args: list[str]) -> int:
    """``penholder [FILE ...]``: the window, each file in a tab. A first word that is neither a
    file nor a file name ("comapre") is a mistyped command, said as such."""
    for arg in args:
        if arg.startswith("-"):
            raise UsageError(f"unknown option '{arg}'")
    if args and not Path(args[0]).exists() and not Path(args[0]).suffix:
        raise UsageError(f"unknown command '{args[0]}' (the commands: {', '.join(COMMANDS)})")
    from app.gui import run

    return run(args)


def _cmd_import(src: str, output: str) -> int:
    from drafting import storage

    if Path(output).suffix.lower() != ".penholder":
        raise UsageError(f"the output of 'import' must be a .penholder file, not '{output}'")
    _check_output(output, src)
    result = load_document(src)
    storage.save(storage.PenholderFile(result.document, []), output)
    print(f"{output}: {_summary(result)}", file=sys.stderr)
    for warning in result.report.warnings:
        print(f"penholder: warning: {warning}", file=sys.stderr)
    for note in result.report.notes:
        print(f"penholder: note: {note}", file=sys.stderr)
    return EXIT_OK


def _cmd_outline(src: str, *, as_json: bool) -> int:
    result = load_document(src)
    data = outline(result.document, result.report)
    if as_json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(format_outline(data))
    return EXIT_OK


def _cmd_export(args: argparse.Namespace) -> int:
    from drafting.exporters import DocxOptions, export_document

    if args.timestamp and not re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z", args.timestamp):
        raise UsageError(f"--timestamp must look like 2026-11-23T10:00:00Z, not '{args.timestamp}'")
    options = DocxOptions(
        proposals=args.proposals,
        insertion=args.insertions,
        repeats=args.repeats,
        timestamp=args.timestamp,
        numbering=args.numbers,
    )
    _check_output(args.output, args.src)
    result = load_document(args.src)
    for warning in export_document(result.document, args.output, options):
        print(f"penholder: warning: {warning}", file=sys.stderr)
    return EXIT_OK


def _cmd_check(args: argparse.Namespace) -> int:
    from app.paths import user_dictionary_path
    from drafting.checks import CheckSettings, run_checks
    from drafting.checks.report import format_findings, summary
    from drafting.spelling import load_user_words

    result = load_document(args.src)
    settings = CheckSettings(
        footnote_regime=args.footnote_regime,
        literal_footnote_numbers=result.report.literal_footnote_numbers,
        user_words=load_user_words(user_dictionary_path()),
        spelling=not args.no_spelling,
    )
    findings = run_checks(result.document, settings)
    if args.json:
        data = {"findings": [f.to_json() for f in findings], "summary": summary(findings)}
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(format_findings(findings))
    return EXIT_FINDINGS if summary(findings)["error"] else EXIT_OK


def _cmd_compare(args: argparse.Namespace) -> int:
    from drafting.compare import compare
    from drafting.compare.report import format_comparison

    output = Path(args.output) if args.output else None
    if output is not None and output.suffix.lower() not in (".html", ".htm", ".docx"):
        raise UsageError(f"the output of 'compare' must be .html or .docx, not '{args.output}'")
    if output is not None:
        _check_output(args.output, args.old, args.new)
    comparison = compare(load_document(args.old).document, load_document(args.new).document)
    if output is not None:
        title = f"{Path(args.old).name} → {Path(args.new).name}"
        if args.timestamp and not re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z", args.timestamp):
            raise UsageError(f"--timestamp must look like 2026-11-23T10:00:00Z, not '{args.timestamp}'")
        _write_comparison(comparison, output, args.author, title, args.timestamp)
    if args.json:
        data = comparison.to_json(include_formatting=args.formatting)
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    elif output is None:
        color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
        sys.stdout.write(format_comparison(comparison, color=color, include_formatting=args.formatting))
    return EXIT_OK


def _cmd_parity(args: argparse.Namespace) -> int:
    from drafting.parity import format_report, parity, version_labels

    if len(args.versions) < 2:
        raise UsageError("'parity' needs at least two files, one per language version")
    versions = [(src, load_document(src).document) for src in args.versions]
    labels = version_labels(versions)
    if len(set(labels)) != len(labels):
        raise UsageError("the same file is given twice; give each language version once")
    report = parity(dict(zip(labels, (document for _, document in versions), strict=True)))
    if args.json:
        data = report.to_json()
        data["files"] = dict(zip(labels, args.versions, strict=True))
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(format_report(report))
    return EXIT_FINDINGS if report.discrepancies else EXIT_OK


def _cmd_compile(args: argparse.Namespace) -> int:
    from drafting import storage
    from drafting.atomic import atomic_write_bytes
    from drafting.compilation import compile_returns, read_return
    from drafting.exporters import DocxOptions, export_docx

    suffix = Path(args.output).suffix.lower()
    if suffix not in (".penholder", ".docx"):
        raise UsageError(f"the output of 'compile' must be .penholder or .docx, not '{args.output}'")
    if args.timestamp and not re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z", args.timestamp):
        raise UsageError(f"--timestamp must look like 2026-11-23T10:00:00Z, not '{args.timestamp}'")
    named = [_return_argument(arg) for arg in args.returns]
    _check_output(args.output, args.base, *(path for path, _ in named))
    base = load_document(args.base).document
    compilation = compile_returns(base, [read_return(path, name) for path, name in named])
    if suffix == ".penholder":
        storage.save(storage.PenholderFile(compilation.document, []), args.output)
    else:
        options = DocxOptions(proposals=args.proposals, insertion=args.insertions, timestamp=args.timestamp)
        result = export_docx(compilation.document, options, moves=compilation.moves)
        try:
            atomic_write_bytes(Path(args.output), result.data)
        except OSError as exc:
            raise UsageError(f"{args.output}: cannot be written ({exc.strerror or exc})") from None
        for warning in result.warnings:
            print(f"penholder: warning: {warning}", file=sys.stderr)
    print(compilation.report.summary())
    for line in compilation.report.details():
        print(f"penholder: {line}", file=sys.stderr)
    return EXIT_OK


def _cmd_revise(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from drafting import storage
    from drafting.atomic import atomic_write_bytes
    from drafting.next_revision import make_next_revision, redline_docx

    if args.orally_revised and (args.name or args.pending != "keep"):
        raise UsageError("--orally-revised makes no revision: leave out --name and --pending")
    if Path(args.output).suffix.lower() != ".penholder":
        raise UsageError(f"the output of 'revise' must be a .penholder file, not '{args.output}'")
    if args.redline and Path(args.redline).suffix.lower() != ".docx":
        raise UsageError(f"--redline must name a .docx file, not '{args.redline}'")
    if args.timestamp and not re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z", args.timestamp):
        raise UsageError(f"--timestamp must look like 2026-11-23T10:00:00Z, not '{args.timestamp}'")
    _check_output(args.output, args.src)
    if args.redline:
        _check_output(args.redline, args.src, args.output)
    if Path(args.src).suffix.lower() == ".penholder":
        pf = storage.load(args.src)
    else:
        pf = storage.PenholderFile(load_document(args.src).document, [])
    timestamp = args.timestamp or datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    if args.orally_revised:
        return _write_orally_revised(pf, args, timestamp)
    made = make_next_revision(pf, pending=args.pending, name=args.name, date=timestamp[:10])
    storage.save(pf, args.output)
    if args.redline:
        data = redline_docx(made.previous, made.document, args.author, timestamp)
        try:
            atomic_write_bytes(Path(args.redline), data)
        except OSError as exc:
            raise UsageError(f"{args.redline}: cannot be written ({exc.strerror or exc})") from None
    left = "in brackets" if args.pending == "brackets" else "kept as proposals"
    print(
        f"{made.name}: {_plural(made.applied, 'proposal')} applied, {made.dropped} dropped,"
        f" {made.open} open ({left})"
    )
    return EXIT_OK


def _write_orally_revised(pf: PenholderFile, args: argparse.Namespace, timestamp: str) -> int:
    """``revise --orally-revised``: OUT is SRC's text as orally revised (its revisions kept)."""
    from drafting import storage
    from drafting.atomic import atomic_write_bytes
    from drafting.next_revision import as_orally_revised, oral_summary, redline_docx

    summary = oral_summary(pf.document)
    if summary is None:
        raise UsageError(f"'{args.src}' has no oral revisions: there is no text as orally revised to write")
    revised = as_orally_revised(pf.document)
    storage.save(storage.PenholderFile(revised, pf.revisions), args.output)
    if args.redline:
        data = redline_docx(pf.document, revised, args.author, timestamp)
        try:
            atomic_write_bytes(Path(args.redline), data)
        except OSError as exc:
            raise UsageError(f"{args.redline}: cannot be written ({exc.strerror or exc})") from None
    print(f"as orally revised: {summary}")
    return EXIT_OK


def _return_argument(arg: str) -> tuple[str, str | None]:
    """``RETURN=NAME`` -> (RETURN, NAME); an argument that names an existing file is a file,
    '=' and all, and so is one without '='."""
    if "=" not in arg or Path(arg).exists():
        return arg, None
    path, _, name = arg.rpartition("=")
    name = " ".join(name.split())
    if not path:
        raise UsageError(f"'{arg}': give the file before '=NAME'")
    if not name:
        raise UsageError(f"'{arg}': give the delegation's name after '='")
    return path, name


def _check_output(output: str, *inputs: str) -> None:
    """Refuse, before any work, an output that would destroy something: one of the inputs (as
    ``cp`` does; compared as files, so another spelling, a hard link or a link to a folder on
    the way is the same file too), a read-only file, or a symbolic link. From a command line a
    link is refused rather than followed: writing through it would replace whatever it points
    at (``ln -s ~/.bashrc out.docx``). ``drafting.atomic`` checks the last two again on write."""
    from drafting.atomic import check_writable

    for source in inputs:
        try:
            same = os.path.samefile(source, output)
        except (OSError, ValueError):
            same = False  # one of them does not exist (yet): not the same file
        if same:
            raise UsageError(f"'{source}' and '{output}' are the same file")
    try:
        check_writable(output)
    except OSError as exc:
        raise UsageError(exc.strerror or str(exc)) from None


def _write_comparison(
    comparison, output: Path, author: str, title: str, timestamp: str | None = None
) -> None:
    from drafting.atomic import atomic_write_bytes
    from drafting.compare.redline import redline_document
    from drafting.compare.report import comparison_html
    from drafting.exporters import DocxOptions, export_docx

    if output.suffix.lower() == ".docx":
        from datetime import UTC, datetime

        # the changes are dated: the time given, or the comparison's own
        date = timestamp or datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        redline = redline_document(comparison, author, date)
        options = DocxOptions(proposals="tracked", timestamp=timestamp)
        data = export_docx(redline.document, options, redline.deleted_labels, redline.moves).data
    else:
        data = comparison_html(comparison, title).encode("utf-8")
    try:
        atomic_write_bytes(output, data)
    except OSError as exc:
        raise UsageError(f"{output}: cannot be written ({exc.strerror or exc})") from None


def _summary(result: ImportResult) -> str:
    data = outline(result.document, result.report)
    counts = data["counts"]
    parts = [data["kind"].replace("_", " ")]
    if counts["preambular"] or counts["operative"]:
        parts.append(f"{counts['preambular']} preambular and {counts['operative']} operative paragraphs")
    else:
        parts.append(f"{counts['blocks']} blocks")
    parts.append(f"{counts['footnotes']} footnotes")
    if counts["proposals"]:
        parts.append(f"{counts['proposals']} proposals")
    parts.append(f"{len(result.report.discarded)} lines of page furniture set aside")
    if result.report.warnings:
        parts.append(f"{_plural(len(result.report.warnings), 'warning')} (below)")
    return ", ".join(parts)


def format_outline(data: dict) -> str:
    """The outline for a terminal: one line per paragraph, then footnotes and the report."""
    lines = [
        f"{data['kind'].replace('_', ' ')} ({data['language']})"
        + (f"  {data['symbol']}" if data["symbol"] else ""),
    ]
    if data["title"]:
        lines.append(f"title: {data['title']}")
    for block in data["front"]:
        lines.append(f"  [front] {_short(block['text'])}")

    def show(block: dict, indent: int) -> None:
        refs = "".join(f" [{n}]" for n in block["footnotes"])
        label = block["label"] or {"preambular": "PP"}.get(block["kind"], "")
        lines.append(f"{'  ' * indent}{label:<5} {_short(block['text'])}{refs}")
        for child in block.get("subparagraphs", []):
            show(child, indent + 1)

    for block in data["blocks"]:
        show(block, 1)
    counts = data["counts"]
    report = data["import_report"]
    lines.append(
        f"{counts['preambular']} preambular, {counts['operative']} operative, "
        f"{counts['footnotes']} footnotes, {counts['proposals']} proposals, "
        f"{_plural(len(report['warnings']), 'import warning')}"
    )
    if report["warnings"]:
        lines.append(f"import warnings ({len(report['warnings'])}):")
        lines.extend(f"  warning: {warning}" for warning in report["warnings"])
    if report["notes"]:
        lines.append("import notes:")
        lines.extend(f"  note: {note}" for note in report["notes"])
    if data["footnotes"]:
        lines.append("footnotes:")
    for note in data["footnotes"]:
        lines.append(f"  {note['number']:>3}. {_short(note['text'])}  (cited {note['references']}x)")
    if data["proposals"]:
        lines.append("proposals:")
    for proposal in data["proposals"]:
        lines.append(
            f"  proposal: {proposal['kind']} '{_short(proposal['text'], 50)}'"
            f" in {proposal['block_reference']} by {proposal['author'] or 'unknown'}"
        )
    for item in report["discarded"]:
        lines.append(f"set aside line {item['line']}: {item['text']!r} ({item['reason']})")
    return "\n".join(lines) + "\n"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _short(text: str, width: int = 72) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _fail(message: str) -> int:
    """One line on stderr, whatever a library put into the message (line breaks included)."""
    one_line = " ".join(line.strip() for line in message.splitlines() if line.strip())
    print(f"penholder: error: {one_line}", file=sys.stderr)
    return EXIT_USAGE


def _prefer_utf8_output() -> None:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(encoding="utf-8", errors="replace")
