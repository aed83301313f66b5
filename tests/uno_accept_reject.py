"""LibreOffice through UNO: open Word files, accept or reject all tracked changes, and print
what a reader then sees: every body paragraph (style, automatic number, text with footnote
marks) and every footnote's text, as JSON.

Runs with the system Python that has ``uno`` (Debian: ``python3-uno``), not the project's
virtualenv, so it imports nothing from the project. One soffice process serves every file::

    /usr/bin/python3 tests/uno_accept_reject.py < jobs.json > results.json

``jobs.json`` is a list of ``{"path": "/abs/file.docx", "action": "accept" | "reject" | "none"}``;
the output is a list, in the same order, of ``{"paragraphs": [[style, label, text], ...],
"footnotes": [text, ...], "redlines": n}`` or ``{"error": "..."}``.

In a paragraph's text a footnote mark is ``[n]`` (the number LibreOffice gives it), and so is
a repeat (a ``NOTEREF`` field's result, or a plain superscript number); tabs are ``\\t``.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException


def _prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


class Office:
    def __init__(self) -> None:
        self.profile = tempfile.mkdtemp(prefix="uno-profile-")
        self.pipe = f"penholder-uno-{uuid.uuid4().hex}"
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        if not soffice:
            raise SystemExit("soffice not found")
        self.process = subprocess.Popen(
            [
                soffice,
                f"-env:UserInstallation=file://{self.profile}",
                "--headless",
                "--invisible",
                "--nologo",
                "--norestore",
                "--nodefault",
                f"--accept=pipe,name={self.pipe};urp;StarOffice.ComponentContext",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.monotonic() + 60
        while True:
            try:
                self.context = resolver.resolve(f"uno:pipe,name={self.pipe};urp;StarOffice.ComponentContext")
                break
            except NoConnectException:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise
                time.sleep(0.1)
        smgr = self.context.ServiceManager
        self.desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", self.context)
        self.dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", self.context)

    def close(self) -> None:
        with contextlib.suppress(Exception):  # the bridge goes down with the office
            self.desktop.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
        shutil.rmtree(self.profile, ignore_errors=True)

    def run(self, path: str, action: str) -> dict:
        url = uno.systemPathToFileUrl(os.path.abspath(path))
        doc = self.desktop.loadComponentFromURL(url, "_blank", 0, (_prop("Hidden", True),))
        if doc is None:
            return {"error": f"{path}: LibreOffice could not open it"}
        try:
            frame = doc.getCurrentController().getFrame()
            # (accepting, undoing and rejecting in one load does not always give back what a
            # fresh load rejects, so each text is read from its own load)
            return self.apply(doc, frame, action)
        finally:
            doc.close(True)

    def apply(self, doc, frame, action: str) -> dict:
        if action == "accept":
            self.dispatcher.executeDispatch(frame, ".uno:AcceptAllTrackedChanges", "", 0, ())
        elif action == "reject":
            self.dispatcher.executeDispatch(frame, ".uno:RejectAllTrackedChanges", "", 0, ())
        return {
            "paragraphs": _paragraphs(doc),
            "footnotes": _footnotes(doc),
            "redlines": _count(doc.getRedlines()),
        }


def _count(container) -> int:
    enum = container.createEnumeration()
    n = 0
    while enum.hasMoreElements():
        enum.nextElement()
        n += 1
    return n


def _paragraphs(doc) -> list[list[str]]:
    out = []
    enum = doc.getText().createEnumeration()
    while enum.hasMoreElements():
        para = enum.nextElement()
        if not para.supportsService("com.sun.star.text.Paragraph"):
            continue
        label = para.getPropertyValue("ListLabelString") or ""
        out.append([para.getPropertyValue("ParaStyleName"), label, _text(para)])
    return out


def _text(para) -> str:
    pieces = []
    field_depth = 0
    portions = para.createEnumeration()
    while portions.hasMoreElements():
        portion = portions.nextElement()
        kind = portion.getPropertyValue("TextPortionType")
        if kind == "Footnote":
            note = portion.getPropertyValue("Footnote")
            label = note.getLabel() or note.getAnchor().getString()
            pieces.append(f"[{label}]")
        elif kind in ("TextFieldStart",):
            field_depth += 1
            pieces.append("[")
        elif kind in ("TextFieldEnd",):
            field_depth = max(0, field_depth - 1)
            pieces.append("]")
        elif kind == "TextField":
            pieces.append(f"[{portion.getString()}]")
        elif kind == "Text":
            text = portion.getString()
            if text and not field_depth and portion.getPropertyValue("CharEscapement") > 0:
                pieces.append(f"[{text}]")
            else:
                pieces.append(text)
    return "".join(pieces)


def _footnotes(doc) -> list[str]:
    notes = doc.getFootnotes()
    out = []
    for index in range(notes.getCount()):
        note = notes.getByIndex(index)
        paragraphs = []
        enum = note.createEnumeration()
        while enum.hasMoreElements():
            para = enum.nextElement()
            if para.supportsService("com.sun.star.text.Paragraph"):
                paragraphs.append(_text(para))
        out.append(" ".join(paragraphs))
    return out


def main() -> int:
    jobs = json.load(sys.stdin)
    office = Office()
    results = []
    try:
        for job in jobs:
            try:
                results.append(office.run(job["path"], job.get("action", "none")))
            except Exception as exc:  # noqa: BLE001 - one broken file must not hide the others
                results.append({"error": f"{job['path']}: {type(exc).__name__}: {exc}"})
    finally:
        office.close()
    json.dump(results, sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
