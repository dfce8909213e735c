"""``tandem export``: one format to a file, several into a folder, today's ``-o X.pdf`` unchanged."""

from __future__ import annotations

import csv
import io

from workshop_app.cli import main


def test_one_pdf_as_before(tmp_path, capsys):
    out = tmp_path / "x.pdf"
    assert main(["export", "--demo", "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF") and "Minutes written to" in capsys.readouterr().out


def test_the_ending_of_the_output_names_the_format(tmp_path):
    assert main(["export", "--demo", "--lang", "de", "-o", str(tmp_path / "x.csv")]) == 0
    rows = list(csv.reader(io.StringIO((tmp_path / "x.csv").read_text(encoding="utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "Was"


def test_several_formats_go_into_one_folder(tmp_path, capsys):
    args = ["export", "--demo", "--lang", "en", "-o", str(tmp_path)]
    for fmt in ("pdf", "docx", "md", "csv", "ics"):
        args += ["--format", fmt]
    assert main(args) == 0
    names = sorted(p.name for p in tmp_path.iterdir())
    assert sorted(n.rsplit(".", 1)[-1] for n in names if "." in n) == ["csv", "docx", "ics", "md", "pdf"]
    assert any(n.endswith("-files") for n in names)  # the Markdown's pictures
    assert capsys.readouterr().out.count("Written: ") == 5


def test_a_file_name_must_fit_its_format_and_several_need_a_folder(tmp_path, capsys):
    assert main(["export", "--demo", "-f", "docx", "-o", str(tmp_path / "x.pdf")]) == 1
    assert "ending in .docx" in capsys.readouterr().err
    assert main(["export", "--demo", "-f", "csv", "-f", "ics", "-o", str(tmp_path / "missing")]) == 1
    assert "give a folder that exists" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_one_format_into_a_folder_uses_the_usual_name(tmp_path):
    assert main(["export", "--demo", "--lang", "en", "-f", "ics", "-o", str(tmp_path)]) == 0
    [written] = tmp_path.iterdir()
    assert written.name.endswith("-actions.ics") and written.read_bytes().startswith(b"BEGIN:VCALENDAR")
