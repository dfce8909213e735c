"""The headless ``tandem`` commands: exit codes, messages, never a traceback."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from workshop_app import __version__
from workshop_app.cli import SUBCOMMANDS, main
from workshop_app.model import Workshop
from workshop_app.store import load_workshop, to_json_bytes


def tandem(*args: str) -> subprocess.CompletedProcess:
    """Run the real command in a child process, as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "workshop_app", *args], capture_output=True, text=True, timeout=120
    )


def test_version():
    result = tandem("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"tandem {__version__}"


def test_help_lists_the_headless_commands():
    result = tandem("--help")
    assert result.returncode == 0
    for command in ("demo", "check", "graph", "export"):
        assert f"tandem {command}" in result.stdout


def test_demo_writes_a_valid_file_and_check_accepts_it(tmp_path):
    out = tmp_path / "demo.workshop.json"
    result = tandem("demo", "-o", str(out))
    assert result.returncode == 0, result.stderr
    doc = load_workshop(out)
    assert doc.participants and doc.elements

    check = tandem("check", str(out), "--json")
    assert check.returncode == 0, check.stderr
    summary = json.loads(check.stdout)
    assert summary["valid"] is True
    assert summary["elements"]["goal"] == sum(1 for e in doc.elements if e.kind == "goal")
    assert sum(summary["participants"].values()) == len(doc.participants)


def test_check_prints_a_one_screen_summary(tmp_path, capsys):
    path = tmp_path / "w.workshop.json"
    path.write_bytes(to_json_bytes(Workshop()))
    assert main(["check", str(path), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "valid workshop file" in out
    assert len(out.splitlines()) <= 25


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "the file is empty"),
        (b"{nope", "not valid JSON"),
        (b'{"schema_version": 1, "elements": [{"kind": "goal", "id": "g", "horizon_months": -1}]}',
         "elements[0].horizon_months: must be a whole number of months from 0 to 1,200"),
        (b'{"schema_version": 99}', "schema version 99"),
    ],
)
def test_check_of_a_bad_file_exits_2_with_each_problem_on_a_line(tmp_path, content, expected):
    path = tmp_path / "bad.workshop.json"
    path.write_bytes(content)
    result = tandem("check", str(path))
    assert result.returncode == 2
    assert expected in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert path.read_bytes() == content


def test_check_json_lists_problems(tmp_path):
    path = tmp_path / "bad.workshop.json"
    path.write_bytes(b'{"schema_version": 1, "participants": [{"id": "p", "side": "hr"}, {"id": "p"}]}')
    result = tandem("check", str(path), "--json")
    assert result.returncode == 2
    problems = json.loads(result.stdout)["problems"]
    assert {"location": "participants[0].side", "message": "must be one of: marketing, sales or joint"} in problems


def test_check_of_a_folder_and_a_missing_file(tmp_path, capsys):
    assert main(["check", str(tmp_path)]) == 2
    assert "is a folder" in capsys.readouterr().err
    assert main(["check", str(tmp_path / "missing.json")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_demo_into_a_folder_or_unwritable_place_is_a_message(tmp_path, capsys):
    assert main(["demo", "-o", str(tmp_path)]) == 1
    assert "is a folder" in capsys.readouterr().err
    assert main(["demo", "-o", str(tmp_path / "no" / "such" / "dir" / "d.json")]) == 1
    assert "cannot write" in capsys.readouterr().err


def test_unknown_option_is_a_usage_error():
    result = tandem("check")
    assert result.returncode == 2
    assert "usage: tandem check" in result.stderr


def test_check_speaks_the_language_asked_for(tmp_path, capsys):
    from workshop_app.store import save_workshop
    from workshop_app.store.demo import load_demo

    path = tmp_path / "demo.workshop.json"
    save_workshop(load_demo("de"), path)
    assert main(["check", str(path), "--lang", "de"]) == 0
    german = capsys.readouterr().out
    assert "gültige Workshop-Datei" in german and "Titel" in german and "12.03.2026" in german
    assert main(["check", str(path), "--lang", "en"]) == 0
    english = capsys.readouterr().out
    assert "valid workshop file" in english and "12 March 2026" in english


def test_help_and_usage_errors_speak_the_language_asked_for(capsys):
    with pytest.raises(SystemExit):
        main(["--lang", "de", "--help"])
    out = capsys.readouterr().out
    assert out.startswith("Aufruf: tandem") and "Optionen:" in out and "diese Hilfe zeigen und beenden" in out
    with pytest.raises(SystemExit) as exit_info:
        main(["check", "--lang=de"])
    assert exit_info.value.code == 2
    assert "tandem check: Fehler: diese Argumente fehlen: file" in capsys.readouterr().err


def test_a_mistyped_command_is_not_taken_for_a_file_to_open(capsys):
    assert main(["frobnicate"]) == 2
    err = capsys.readouterr().err
    commands = ", ".join(SUBCOMMANDS)  # the built-in ones and those with a module of their own
    assert commands.startswith("demo, check, graph, export")
    assert f"'frobnicate' is neither a command ({commands}) nor an existing workshop file" in err


def test_a_missing_file_from_a_launcher_is_said_in_the_window(tmp_path, monkeypatch, capsys):
    calls = []
    monkeypatch.setattr("workshop_app.ui.app.run_gui", lambda *args, **kwargs: calls.append(args) or 0)
    missing = tmp_path / "gone.workshop.json"
    assert main([str(missing)]) == 0
    assert calls and calls[0][0] == str(missing)  # the window opens and shows why the file cannot be opened
    assert main(["gone.workshop.json"]) == 0  # a file name without a folder, as a launcher may pass it
    assert capsys.readouterr().err == ""


def test_export_wants_a_pdf_name_in_an_existing_folder(tmp_path, capsys):
    assert main(["export", "--demo", "-o", str(tmp_path / "minutes.txt")]) == 1
    assert "give a file name ending in .pdf" in capsys.readouterr().err
    assert main(["export", "--demo", "-o", str(tmp_path / "typo" / "minutes.pdf")]) == 1
    assert "does not exist" in capsys.readouterr().err
    assert not (tmp_path / "typo").exists() and not (tmp_path / "minutes.txt").exists()


def test_check_of_a_file_that_is_no_workshop_says_so_once(tmp_path):
    passwd = tmp_path / "passwd"
    passwd.write_text("root:x:0:0:root:/root:/bin/bash\n")
    result = tandem("check", str(passwd))
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"{passwd}: this is not a Tandem workshop file",
        "  it holds no JSON object (a workshop file begins with '{')",
    ]
    other = tmp_path / "package.json"
    other.write_text('{"name": "x"}')
    result = tandem("check", str(other))
    assert result.stderr.splitlines()[0] == f"{other}: this is not a Tandem workshop file"
    assert "schema_version: is required" not in result.stderr and "not a valid workshop file" not in result.stderr


def test_check_of_a_missing_file_says_only_that(tmp_path, capsys):
    missing = tmp_path / "missing.json"
    assert main(["check", str(missing)]) == 2
    assert capsys.readouterr().err.splitlines() == [f"'{missing}' does not exist"]
    assert main(["check", str(missing), "--json"]) == 2
    out = json.loads(capsys.readouterr().out)
    assert out["valid"] is False and out["problems"] == [{"location": "", "message": f"'{missing}' does not exist"}]
    assert main(["export", str(missing), "-o", str(tmp_path / "m.pdf")]) == 2
    assert capsys.readouterr().err.splitlines() == [f"'{missing}' does not exist"]


HOSTILE = "Brand\x1b[2J\x1b]0;owned\x07 \x9b31m\x7fend"


def _hostile_file(tmp_path):
    from workshop_app.store import save_workshop
    from workshop_app.store.demo import load_demo

    doc = load_demo("en")
    doc.meta.title = HOSTILE + "\nsecond line"
    doc.meta.organisation = "Org\x08\x08\x08"
    for conflict in doc.conflicts:
        conflict.title = HOSTILE
    goal = next(el for el in doc.elements if el.kind == "goal")
    goal.title = HOSTILE  # detected conflicts name their elements
    path = tmp_path / "hostile.workshop.json"
    save_workshop(doc, path)
    return path


def test_check_shows_control_characters_in_user_text_visibly(tmp_path):
    path = _hostile_file(tmp_path)
    result = tandem("check", str(path), "--explain", "--lang", "en")
    assert result.returncode == 0, result.stderr
    for raw in ("\x1b", "\x07", "\x9b", "\x7f", "\x08"):
        assert raw not in result.stdout
    assert "Brand␛[2J␛]0;owned␇ \ufffd31m␡end␤second line" in result.stdout
    assert "Org␈␈␈" in result.stdout
    assert "Brand␛[2J" in result.stdout.split("Conflicts:")[1]


def test_check_json_stays_valid_json_and_carries_the_text_unchanged(tmp_path):
    path = _hostile_file(tmp_path)
    result = tandem("check", str(path), "--json")
    assert result.returncode == 0, result.stderr
    for raw in ("\x1b", "\x07", "\x9b", "\x7f", "\x08"):
        assert raw not in result.stdout
    assert "\\u001b[2J" in result.stdout and "\\u009b" in result.stdout and "\\u007f" in result.stdout
    summary = json.loads(result.stdout)
    assert summary["title"] == HOSTILE + "\nsecond line"


def test_check_json_keeps_non_ascii_readable(tmp_path):
    from workshop_app.store import save_workshop
    from workshop_app.store.demo import load_demo

    path = tmp_path / "de.workshop.json"
    doc = load_demo("de")
    doc.meta.title = "Marketing & Vertrieb – Größe 🚀"
    save_workshop(doc, path)
    result = tandem("check", str(path), "--json")
    assert "Marketing & Vertrieb – Größe 🚀" in result.stdout


def test_problems_with_control_characters_are_shown_visibly(tmp_path):
    path = tmp_path / "bad.workshop.json"
    path.write_bytes(b'{"schema_version": 1, "meta": {"\\u001b[2Jx": 1}, "elements": [{"kind": "\\u001b]0;x"}]}')
    result = tandem("check", str(path))
    assert result.returncode == 2
    assert "\x1b" not in result.stderr
    assert "meta.␛[2Jx: is not a known field" in result.stderr


def test_a_broken_character_in_the_file_or_its_name_never_crashes_the_output(tmp_path):
    path = tmp_path / "surrogate.workshop.json"
    path.write_bytes(b'{"schema_version": 1, "meta": {"title": "a\\ud800b"}, "pilot": {"\\udc00": 2}}')
    result = tandem("check", str(path))
    assert result.returncode == 2
    assert "meta.title: holds a broken character (an unpaired UTF-16 surrogate at position 2)" in result.stderr
    assert "pilot: holds a field name with a broken character" in result.stderr
    assert "Traceback" not in result.stderr and "unexpected error" not in result.stderr
    result = tandem("check", str(path), "--json")
    assert json.loads(result.stdout)["valid"] is False
    odd = subprocess.run([sys.executable, "-m", "workshop_app", "check", str(tmp_path).encode() + b"/\xff.json"],
                         capture_output=True, timeout=120)
    assert odd.returncode == 2
    assert b"does not exist" in odd.stderr and b"\\udcff.json" in odd.stderr and b"unexpected error" not in odd.stderr


def test_terminal_text_is_one_helper_for_every_line():
    from workshop_app.cli import json_text, terminal_text

    assert terminal_text("a\x1bb\x00c\td\ne") == "a␛b␀c\td\ne"
    assert terminal_text("a\nb", one_line=True) == "a␤b"
    assert terminal_text("x\ud800y") == "x\\ud800y"
    assert json.loads(json_text({"t": "\x1b\x9b\x7f\ud800ä"})) == {"t": "\x1b\x9b\x7f\ud800ä"}
    assert "ä" in json_text({"t": "ä"})


def test_an_export_that_cannot_be_laid_out_says_which_text(tmp_path, monkeypatch, capsys):
    from workshop_app.export.errors import ExportError

    def too_long(*args, **kwargs):
        raise ExportError("The minutes could not be laid out: the text of goal “Leads” › how does not fit on a page.")

    monkeypatch.setattr("workshop_app.export.minutes.minutes_pdf_bytes", too_long)
    assert main(["export", "--demo", "-o", str(tmp_path / "minutes.pdf")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("tandem export: The minutes could not be laid out") and "unexpected" not in err


def test_check_json_lists_every_rule_with_its_lever_counts_and_the_thresholds(tmp_path):
    from workshop_app.analysis.rules import REGISTRY

    path = tmp_path / "d2c.workshop.json"
    path.write_bytes((Path(__file__).parents[1] / "cases" / "d2c.workshop.json").read_bytes())
    summary = json.loads(tandem("check", str(path), "--json", "--lang", "en").stdout)
    rules = {r["id"]: r for r in summary["rules"]}
    assert list(rules) == list(REGISTRY)
    for rule_id in ("incentives-never-meet", "agreement-incomplete", "pilot-incomplete", "restructuring-before-pilot"):
        assert rules[rule_id]["lever"] and rules[rule_id]["name"] and "counts" in rules[rule_id]
    assert rules["pilot-incomplete"]["lever"] == "pilot" and rules["pilot-incomplete"]["counts"]["new_findings"] >= 1
    assert summary["thresholds"]["period_ratio"] == {"value": 6, "default": 4}
    assert sum(r["counts"]["room"] for r in summary["rules"]) <= summary["counts"]["room"]
    assert summary["counts"]["new_findings"] == sum(r["counts"]["new_findings"] for r in summary["rules"])


def test_check_explain_groups_findings_by_lever_and_prints_the_thresholds(tmp_path):
    path = tmp_path / "d2c.workshop.json"
    path.write_bytes((Path(__file__).parents[1] / "cases" / "d2c.workshop.json").read_bytes())
    out = tandem("check", str(path), "--explain", "--lang", "en").stdout
    assert "Thresholds: period ratio 6" in out and "(default 4)" in out
    for lever in ("Time horizons", "Incentives", "Budget", "Agreements", "Communication channels",
                  "Culture patterns", "Protected-space pilot"):
        assert f"\n  {lever} (" in out, lever
    german = tandem("check", str(path), "--explain", "--lang", "de").stdout
    assert "Schwellenwerte: Zeitraum-Verhältnis 6" in german and "Schutzraum" in german


def test_check_reports_the_alignment_check_per_side_and_never_one_answer(capsys):
    from workshop_app.store.demo import demo_path

    assert main(["check", str(demo_path("en")), "--json"]) == 0
    alignment = json.loads(capsys.readouterr().out)["alignment"]
    first = alignment["rounds"][0]
    assert set(first["sides"]) == {"marketing", "sales"}
    for side in first["sides"].values():
        assert side["too_few"] or side["stage"] in ("undefined", "defined", "aligned", "integrated")
    assert "responses" not in json.dumps(alignment) and "participant" not in json.dumps(alignment)
    assert main(["check", str(demo_path("en")), "--lang", "en"]) == 0
    line = next(t for t in capsys.readouterr().out.splitlines() if t.strip().startswith("Alignment check"))
    assert "Marketing" in line and "Sales" in line and "large gap" in line


def test_check_explain_says_how_the_room_resolved_each_conflict(capsys):
    from workshop_app.store.demo import demo_path, load_demo

    resolved = next(c for c in load_demo("en").conflicts if c.resolution.strip())
    assert main(["check", str(demo_path("en")), "--explain", "--lang", "en"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "Resolution: " + " ".join(resolved.resolution.split())[:60] in out
