"""Run every benchmark of DESIGN §7 and print one table: ``python -m benchmarks [--quick] [--check]``.

Each suite runs in its own child process (``python -m benchmarks.bench_<suite>
--rows-json FILE``); the runner gathers the rows, prints one table and, on a
full run of every suite, writes ``benchmarks/RESULTS.md`` (``--out FILE``
writes elsewhere, ``--no-write`` nowhere). ``--only SUITE`` (startup, ui,
alignment, graph, analysis, minutes, store, room; repeatable) runs a part. ``--check`` makes the exit
code 1 when any row misses its budget or ratio, or a suite fails; without it
the exit code is 0 whenever the runner itself ran. ``--quick`` takes fewer
samples: a smoke run in under two minutes, with noisier figures.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.machine import describe
from benchmarks.report import markdown_report, text_table
from benchmarks.rows import MISS, Row, log

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
#: Suites in the order of the table: short name → timeout of a full run, in seconds (module ``bench_<name>``).
SUITES = {
    "startup": 240,
    "ui": 300,
    "alignment": 240,
    "graph": 120,
    "analysis": 240,
    "minutes": 600,
    "store": 120,
    "room": 180,
}


def run_suite(name: str, quick: bool, env: dict[str, str]) -> list[Row]:
    """The rows of one suite, run in a fresh interpreter; a failure becomes a MISS row."""
    with tempfile.TemporaryDirectory(prefix="tandem-bench-") as tmp:
        out = Path(tmp) / "rows.json"
        command = [sys.executable, "-m", f"benchmarks.bench_{name}", "--rows-json", str(out), *(["--quick"] * quick)]
        suite_env = {**env, "TANDEM_CONFIG_DIR": f"{tmp}/config", "TANDEM_DATA_DIR": f"{tmp}/data"}
        try:
            proc = subprocess.run(command, cwd=ROOT, env=suite_env, timeout=SUITES[name], stdout=subprocess.PIPE,
                                  stderr=None, text=True)
            failure = None if proc.returncode == 0 and out.exists() else f"exit code {proc.returncode}"
        except subprocess.TimeoutExpired:
            failure = f"timed out after {SUITES[name]} s"
        if failure:
            return [Row(figure=f"suite {name} failed", size="—", median=float("nan"), notes=[failure])]
        return [Row.from_json(item) for item in json.loads(out.read_text(encoding="utf-8"))]


def exit_code(rows: list[Row], check: bool) -> int:
    """1 under ``--check`` when any row misses its budget, else 0."""
    return 1 if check and any(row.verdict == MISS for row in rows) else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer samples: a smoke run in under two minutes")
    parser.add_argument("--check", action="store_true", help="exit 1 when a budget or ratio is missed")
    parser.add_argument("--only", action="append", choices=sorted(SUITES), help="run only this suite (repeatable)")
    parser.add_argument("--out", type=Path, help=f"write the markdown table here (a full run of every suite "
                                                 f"writes {RESULTS.relative_to(ROOT)} by default)")
    parser.add_argument("--no-write", action="store_true", help="print only, write no file")
    args = parser.parse_args(argv)

    names = args.only or list(SUITES)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "TANDEM_"))}
    env.setdefault("MPLBACKEND", "Agg")
    machine = describe()
    log("machine: " + "; ".join(f"{k} {v}" for k, v in machine.items()))
    start = time.monotonic()
    rows: list[Row] = []
    for name in names:
        log(f"-- {name}{' (quick)' if args.quick else ''}")
        suite_start = time.monotonic()
        rows += run_suite(name, args.quick, env)
        log(f"   {name}: {time.monotonic() - suite_start:.0f} s")
    seconds = time.monotonic() - start
    print(text_table(rows))
    print(f"\n{len(rows)} figures in {seconds:.0f} s; {sum(r.verdict == MISS for r in rows)} missed")

    out = args.out
    if out is None and not args.no_write and not args.quick and not args.only:
        out = RESULTS
    if out is not None and not args.no_write:
        command = "python -m benchmarks" + (" --quick" if args.quick else "") + "".join(
            f" --only {name}" for name in args.only or [])
        out.write_text(markdown_report(rows, machine, command, seconds), encoding="utf-8")
        print(f"written: {out}")
    return exit_code(rows, args.check)
