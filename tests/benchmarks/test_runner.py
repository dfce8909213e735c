"""The benchmark runner's own logic: deterministic documents, verdicts, ``--check``. No timed assertions."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # the benchmarks package lives in the checkout, not in the installed app
    sys.path.insert(0, str(ROOT))

from benchmarks import runner  # noqa: E402
from benchmarks.generate import document_bytes, make_document, make_workshop  # noqa: E402
from benchmarks.report import markdown_report, text_table  # noqa: E402
from benchmarks.rows import INFO, MISS, OK, Row, p95  # noqa: E402


def test_generated_documents_are_deterministic():
    first, again = make_document("L"), make_document("L")
    assert document_bytes(first) == document_bytes(again)
    assert (len(first.elements), len(first.links), len(first.participants)) == (400, 800, 30)
    assert document_bytes(make_workshop(400, 800, 30, seed=8)) != document_bytes(first)
    assert document_bytes(make_document("S")) == document_bytes(make_document("S"))


@pytest.mark.parametrize(
    ("row", "verdict"),
    [
        (Row("f", "L", 10.0), INFO),
        (Row("f", "L", 10.0, limit=30.0), OK),
        (Row("f", "L", 31.0, limit=30.0), MISS),
        (Row("f", "L", 10.0, p95=40.0, limit=30.0, limit_on="p95"), MISS),
        (Row("f", "L", 10.0, p95=40.0, limit=30.0), OK),  # limit on the median
        (Row("f", "L", 200.0, baseline=100.0, max_ratio=2.0), OK),
        (Row("f", "L", 201.0, baseline=100.0, max_ratio=2.0), MISS),
        (Row("f", "L", 1.0, max_ratio=2.0), MISS),  # a ratio budget without a baseline cannot pass
        (Row("f", "L", 20.0, baseline=1.0, limit=30.0, max_ratio=30.0), OK),
        (Row("suite bench_x", "—", float("nan"), notes=["exit code 1"]), MISS),  # a failed suite
    ],
)
def test_verdicts(row, verdict):
    assert row.verdict == verdict


def test_nearest_rank_p95():
    assert p95([float(n) for n in range(1, 21)]) == 19.0
    assert p95([3.0, 1.0, 2.0]) == 3.0


def test_check_exits_nonzero_only_when_a_budget_is_missed(monkeypatch, tmp_path, capsys):
    missed = [Row("save", "L", 8.0, limit=30.0), Row("start-up", "S", 500.0, baseline=100.0, max_ratio=2.0)]
    met = [Row("save", "L", 8.0, limit=30.0)]
    monkeypatch.setattr(runner, "run_suite", lambda name, quick, env: missed)
    assert runner.main(["--only", "store", "--check", "--no-write"]) == 1
    assert runner.main(["--only", "store", "--no-write"]) == 0  # without --check: a report only
    monkeypatch.setattr(runner, "run_suite", lambda name, quick, env: met)
    out = tmp_path / "results.md"
    assert runner.main(["--only", "store", "--check", "--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "| save | L | 8.0 ms |" in text and "cores" in text and "Python" in text
    assert "MISS" in capsys.readouterr().out


def test_failed_suite_is_a_miss_with_its_reason(monkeypatch):
    monkeypatch.setattr(runner, "SUITES", {**runner.SUITES, "store": 0.001})  # times out at once
    rows = runner.run_suite("store", True, dict(os.environ))
    assert [row.verdict for row in rows] == [MISS]
    assert "timed out" in text_table(rows)
    assert runner.exit_code(rows, check=True) == 1


def test_a_real_suite_runs_and_reports(tmp_path):
    """bench_store in quick mode, in its own process as the runner runs it: rows come back complete."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "TANDEM_"))}
    rows = runner.run_suite("store", True, env)
    assert [row.figure for row in rows][:2] == ["save (validated, atomic, fsync)", "autosave (recovery write)"]
    assert all(row.size == "L" and row.median > 0 and row.baseline and row.verdict in (OK, MISS, INFO)
               for row in rows)
    report = markdown_report(rows, {"CPU": "test", "cores": "2"}, "python -m benchmarks --only store", 1.0)
    assert report.count("\n| ") == len(rows) + 1


def test_bare_build_text_includes_long_texts_laid_out_in_pieces():
    from benchmarks.bench_minutes import paragraphs_of
    from workshop_app.export.pdf_blocks import para
    from workshop_app.export.pdf_styles import styles

    long = para("word " * 5000, styles().body)
    assert len(paragraphs_of([long])) == len(long.parts) > 1


def test_notes_document_holds_a_megabyte_of_notes():
    from benchmarks.bench_minutes import notes_document

    doc = notes_document(1)
    assert max(len(e.notes) for e in doc.elements) >= 1_000_000
