"""Benchmark: entering one alignment-check answer in the real grid on L (DESIGN §7: an edit ≤ 30 ms p95).

Run ``python -m benchmarks.bench_alignment [--quick]`` (offscreen, 1920 × 1080 screen).

One shown MainWindow with L open and the alignment window on its "Enter
answers" grid; L gets Tandem's 20 statements and a round of 30 respondents
(15 per side, every statement answered), as a full room would leave it. Each
sample is one digit typed into the grid (a real key press): one undoable
``UpdateItem`` of a response's scores, the grid's and the window's refresh,
and the conflict findings of the alignment gap recomputed when the window
asks, until Qt is idle (see ``bench_ui.timed``). The cursor moves on by
itself; a full row starts the next respondent. A second series does the same
with the round revealed on the projector (the audience window mirrors it):
its lines follow 40 ms after an answer, its pictures when the typing pauses
(``REDRAW_PAUSE_MS``); the pictures' redraw is timed on its own, like the graph's.

Baseline, same run, same window: the same typing on the demo (S).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

from benchmarks.bench_ui import BUDGET_GRAPH_MS, BUDGET_MS, LAST_CPU_MS, quiet, settle, timed
from benchmarks.rows import Row, log, median, p95, suite_main

SETTLE_S = 0.08  # longer than the audience's 40 ms refresh delay: its text lands in no timed sample
RESPONDENTS_PER_SIDE = 15


def prepare(doc):
    """Statements, one round and 2 × 15 answered respondents, written straight into the model (no undo)."""
    from workshop_app.model import AlignmentResponse, Side
    from workshop_app.ui.alignment.edits import start_check

    start_check(doc).apply(doc)
    round_id = doc.alignment.rounds[-1].id
    ids = [st.id for st in doc.alignment.statements]
    for n in range(2 * RESPONDENTS_PER_SIDE):
        side = Side.MARKETING if n % 2 == 0 else Side.SALES
        scores = {sid: 1 + (n + i) % 5 for i, sid in enumerate(ids)}
        doc.alignment.responses.append(AlignmentResponse(id=f"bench-r{n}", round_id=round_id, side=side,
                                                         scores=scores))
    return doc


def typing(app, window, check, samples: int) -> tuple[list[float], list[float]]:
    """ms (wall, UI-thread CPU) of ``samples`` digits typed into the grid, one respondent after the other."""
    from PySide6.QtTest import QTest

    from workshop_app.model import Side

    wall: list[float] = []
    cpu: list[float] = []
    typed = 0
    while typed < samples:
        check.add_respondent(Side.SALES if typed % 40 else Side.MARKETING)
        settle(app, SETTLE_S)
        for i in range(20):
            if typed >= samples:
                break
            digit = str(1 + (typed + i) % 5)
            wall.append(timed(app, lambda d=digit: QTest.keyClick(check.grid, d), SETTLE_S))
            cpu.append(LAST_CPU_MS[0])
            typed += 1
    return wall, cpu


def audience_redraw(app, window, repeat: int) -> list[float]:
    """ms of the projector's redraw of the revealed round (it follows each answer, deferred)."""
    wall = window.presenter.audience.view.current_view()
    return [timed(app, wall.draw_charts, SETTLE_S) for _ in range(repeat)]


def collect(quick: bool) -> list[Row]:
    samples = 30 if quick else 120
    tmp = tempfile.mkdtemp(prefix="tandem-bench-")
    os.environ.update(TANDEM_CONFIG_DIR=f"{tmp}/config", TANDEM_DATA_DIR=f"{tmp}/data")
    screens = {"screens": [{"name": "bench", "x": 0, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96,
                            "dpr": 1},
                           {"name": "projector", "x": 1920, "y": 0, "width": 1920, "height": 1080,
                            "logicalDpi": 96, "dpr": 1}]}
    Path(f"{tmp}/screen.json").write_text(json.dumps(screens))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={tmp}/screen.json"
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    from benchmarks.generate import make_document
    from workshop_app.ui.window.main_window import MainWindow

    window = MainWindow()
    window.showMaximized()
    settle(app, 1.0)
    results: dict[str, dict[str, list[float]]] = {}
    redraws: dict[str, list[float]] = {}
    for size in ("L", "S"):
        doc = make_document(size)
        if not doc.alignment.rounds:
            prepare(doc)
        window.set_workshop(doc, None)
        quiet(app, window)
        window.open_alignment()
        check = window.alignment_window
        settle(app, 0.5)
        log(f"   {samples} answers typed into the grid on {size}")
        wall, cpu = typing(app, window, check, samples)
        window.presenter.open_audience()
        check.on_projector.setChecked(True)
        check.reveal.setChecked(True)
        settle(app, 0.5)
        log(f"   {samples} answers with the round revealed on the projector, on {size}")
        shown_wall, shown_cpu = typing(app, window, check, samples)
        redraws[size] = audience_redraw(app, window, max(5, samples // 12))
        results[size] = {"wall": wall, "cpu": cpu, "shown": shown_wall, "shown_cpu": shown_cpu}
        check.on_projector.setChecked(False)
        window.presenter.set_audience(False)
        check.close()
        window.alignment_window = None
        check.deleteLater()
        window.doc.undo_stack.setClean()
        settle(app, 0.2)
    window.close()

    large, small = results["L"], results["S"]
    return [
        Row("alignment answer typed in the grid (one undoable edit + refresh)", "L", median(large["wall"]),
            p95=p95(large["wall"]), baseline=median(small["wall"]), baseline_name="same on S", limit=BUDGET_MS,
            limit_on="p95", runs=len(large["wall"]),
            notes=[f"L with 30 answered respondents; UI-thread CPU p95 {p95(large['cpu']):.1f} ms; "
                   f"on S p95 {p95(small['wall']):.1f} ms"]),
        Row("alignment answer with the round revealed on the projector", "L", median(large["shown"]),
            p95=p95(large["shown"]), baseline=median(small["shown"]), baseline_name="same on S", limit=BUDGET_MS,
            limit_on="p95", runs=len(large["shown"]),
            notes=[f"the audience's redraw is deferred and timed below; UI-thread CPU p95 "
                   f"{p95(large['shown_cpu']):.1f} ms"]),
        Row("projector redraw of the revealed alignment round (deferred)", "L", median(redraws["L"]),
            p95=p95(redraws["L"]), baseline=median(redraws["S"]), baseline_name="same on S",
            limit=BUDGET_GRAPH_MS, runs=len(redraws["L"])),
    ]


if __name__ == "__main__":
    sys.exit(suite_main(collect))
