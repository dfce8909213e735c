"""Benchmark: save, recovery write, load and one model edit on an L workshop (DESIGN §7).

Run ``python benchmarks/bench_store.py``. Budgets: save/autosave of L ≤ 30 ms,
a single edit on L ≤ 30 ms. The baseline, measured in the same run, is
``json.dumps`` + a plain (non-atomic, no fsync) write of the same data, so
the ratio shows what validation, atomicity and fsync cost on this machine.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("TANDEM_DATA_DIR", tempfile.mkdtemp(prefix="tandem-bench-"))

from generate import make_workshop

from workshop_app.model import Goal, RemoveItem, UpdateItem
from workshop_app.store import load_workshop, save_workshop
from workshop_app.store.recovery import RecoveryWriter


def timings(fn, repeat: int = 40) -> tuple[float, float]:
    """(median, p95) in milliseconds."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def main() -> None:
    doc = make_workshop(400, 800, 30, seed=7)
    folder = Path(tempfile.mkdtemp(prefix="tandem-bench-"))
    path = folder / "l.workshop.json"
    plain = folder / "plain.json"
    writer = RecoveryWriter()

    def baseline():
        plain.write_text(json.dumps(doc.model_dump(mode="json")), encoding="utf-8")

    goal = next(e for e in doc.elements if isinstance(e, Goal))
    flip = [0]

    def edit():
        flip[0] += 1
        UpdateItem("elements", goal.id, {"title": f"edited {flip[0]}"}).apply(doc)

    victim = doc.elements[len(doc.elements) // 2].id

    def remove_and_restore():
        op = RemoveItem("elements", victim)
        op.apply(doc)
        op.revert(doc)

    rows = [
        ("baseline: json.dumps + plain write", timings(baseline)),
        ("save (validated dump, atomic, fsync)", timings(lambda: save_workshop(doc, path))),
        ("recovery write after an edit", timings(lambda: writer.write(doc, path))),
        ("load and validate", timings(lambda: load_workshop(path), repeat=20)),
        ("edit one field (model operation)", timings(edit, repeat=200)),
        ("remove element with cascade + undo", timings(remove_and_restore, repeat=100)),
    ]
    base = rows[0][1][0]
    print(f"L workshop: {len(doc.elements)} elements, {len(doc.links)} links, {len(doc.participants)} participants, "
          f"{path.stat().st_size // 1024} KiB")
    print(f"{'operation':42} {'median ms':>10} {'p95 ms':>8} {'× baseline':>11}")
    for name, (median, p95) in rows:
        print(f"{name:42} {median:10.2f} {p95:8.2f} {median / base:11.2f}")
    writer.discard()


if __name__ == "__main__":
    main()
