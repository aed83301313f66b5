"""The command line never destroys what it was given (issue 14, "Nothing lost"): the output may
not be an input, a read-only file or a symbolic link; each refusal is one line, exit code 2,
and the files are untouched. Names up to 255 characters are written."""

from __future__ import annotations

import os
import shutil

import pytest

from drafting import storage
from drafting.importers import load_document
from tests.helpers import CORPUS
from tests.test_cli import one_line_error, penholder

RES = CORPUS / "ga-res-67-193-en.txt"
posix_only = pytest.mark.skipif(os.name == "nt", reason="POSIX permissions and links")


def a_file_with_revisions(tmp_path):
    path = tmp_path / "r.penholder"
    earlier = load_document(CORPUS / "ga-res-62-172-en.txt").document
    document = load_document(RES).document
    storage.save(storage.PenholderFile(document, [storage.Revision("Rev.1", "2026-12-01", earlier)]), path)
    return path


def test_import_onto_its_own_input_is_refused_and_keeps_the_revisions(tmp_path):
    path = a_file_with_revisions(tmp_path)
    before = path.read_bytes()
    line = one_line_error(penholder("import", str(path), "-o", str(path)))
    assert line == f"penholder: error: '{path}' and '{path}' are the same file"
    assert path.read_bytes() == before
    # another spelling of the same path, from another folder
    other = tmp_path / "sub"
    other.mkdir()
    line = one_line_error(penholder("import", "../r.penholder", "-o", str(path), cwd=other))
    assert "are the same file" in line
    assert path.read_bytes() == before
    assert len(storage.load(path).revisions) == 1


def test_export_and_compare_onto_their_input_are_refused(tmp_path):
    same = tmp_path / "same.txt"
    shutil.copy(RES, same)
    before = same.read_bytes()
    line = one_line_error(penholder("export", "same.txt", "-o", "./same.txt", cwd=tmp_path))
    assert line == "penholder: error: 'same.txt' and './same.txt' are the same file"
    assert same.read_bytes() == before

    docx = tmp_path / "a.docx"
    assert penholder("export", str(RES), "-o", str(docx)).returncode == 0
    docx_before = docx.read_bytes()
    line = one_line_error(penholder("compare", str(docx), str(docx), "-o", str(docx)))
    assert line.endswith("are the same file")
    assert docx.read_bytes() == docx_before
    line = one_line_error(penholder("compare", str(RES), str(docx), "-o", str(docx)))
    assert line == f"penholder: error: '{docx}' and '{docx}' are the same file"
    assert docx.read_bytes() == docx_before


@posix_only
def test_an_output_that_is_the_input_through_a_link_is_the_same_file(tmp_path):
    same = tmp_path / "same.txt"
    shutil.copy(RES, same)
    before = same.read_bytes()
    hard = tmp_path / "hard.txt"
    os.link(same, hard)
    line = one_line_error(penholder("export", str(same), "-o", str(hard)))
    assert "are the same file" in line
    folder_link = tmp_path / "also"
    folder_link.symlink_to(tmp_path)
    line = one_line_error(penholder("export", str(same), "-o", str(folder_link / "same.txt")))
    assert "are the same file" in line
    assert same.read_bytes() == before


@posix_only
def test_a_read_only_output_is_not_replaced(tmp_path):
    penholder_file = a_file_with_revisions(tmp_path)
    for name, command in (
        ("final.docx", ("export", str(RES))),
        ("final.penholder", ("import", str(RES))),
        ("final.html", ("compare", str(RES), str(penholder_file))),
    ):
        output = tmp_path / name
        output.write_bytes(b"the agreed text")
        output.chmod(0o444)
        line = one_line_error(penholder(*command, "-o", str(output)))
        assert line == f"penholder: error: {name} is read-only", line
        assert output.read_bytes() == b"the agreed text"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@posix_only
def test_a_symbolic_link_as_output_is_refused(tmp_path):
    victim = tmp_path / "victim.conf"
    victim.write_text("setting = 1\n")
    link = tmp_path / "link.docx"
    link.symlink_to(victim)
    line = one_line_error(penholder("export", str(RES), "-o", str(link)))
    assert line == "penholder: error: link.docx is a symbolic link; give the real file name"
    assert victim.read_text() == "setting = 1\n"
    dangling = tmp_path / "dangling.penholder"
    dangling.symlink_to(tmp_path / "elsewhere.conf")
    line = one_line_error(penholder("import", str(RES), "-o", str(dangling)))
    assert line.endswith("dangling.penholder is a symbolic link; give the real file name")
    assert not (tmp_path / "elsewhere.conf").exists()
    html_link = tmp_path / "redline.html"
    html_link.symlink_to(victim)
    line = one_line_error(penholder("compare", str(RES), str(RES), "-o", str(html_link)))
    assert line.endswith("redline.html is a symbolic link; give the real file name")
    assert victim.read_text() == "setting = 1\n"


def test_output_names_of_up_to_255_characters_are_written(tmp_path):
    for length in (242, 255):
        output = tmp_path / ("x" * (length - 4) + ".txt")
        run = penholder("export", str(RES), "-o", str(output))
        assert run.returncode == 0, run.stderr
        assert output.stat().st_size > 1000
