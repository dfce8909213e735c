"""Save, autosave (recovery write) and load of L (DESIGN §7: save/autosave of L ≤ 30 ms).

``python -m benchmarks.bench_store [--quick]``. The baseline, measured in the
same run, is ``json.dumps`` + a plain (non-atomic, no fsync) write of the same
data for save, and ``json.loads`` of the same bytes for load, so the ratio is
what validation, atomicity and fsync cost on this machine.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from benchmarks.generate import make_document
from benchmarks.rows import Row, median, p95, samples, suite_main

BUDGET_SAVE_MS = 30.0


def collect(quick: bool) -> list[Row]:
    from workshop_app.store import load_workshop, save_workshop
    from workshop_app.store.recovery import RecoveryWriter

    repeat = 10 if quick else 40
    doc = make_document("L")
    folder = Path(tempfile.mkdtemp(prefix="tandem-bench-"))
    path, plain = folder / "l.workshop.json", folder / "plain.json"
    writer = RecoveryWriter()
    try:
        bare_save = samples(lambda: plain.write_text(json.dumps(doc.model_dump(mode="json")), encoding="utf-8"),
                            repeat)
        save = samples(lambda: save_workshop(doc, path), repeat)
        recovery = samples(lambda: writer.write(doc, path), repeat)
        text = path.read_text(encoding="utf-8")
        bare_load = samples(lambda: json.loads(text), repeat)
        load = samples(lambda: load_workshop(path), repeat)
    finally:
        writer.discard()
    kib = f"{path.stat().st_size // 1024} KiB file"
    return [
        Row("save (validated, atomic, fsync)", "L", median(save), p95=p95(save), baseline=median(bare_save),
            baseline_name="json.dumps + plain write", limit=BUDGET_SAVE_MS, runs=repeat, notes=[kib]),
        Row("autosave (recovery write)", "L", median(recovery), p95=p95(recovery), baseline=median(bare_save),
            baseline_name="json.dumps + plain write", limit=BUDGET_SAVE_MS, runs=repeat),
        Row("load and validate", "L", median(load), p95=p95(load), baseline=median(bare_load),
            baseline_name="json.loads", runs=repeat),
    ]


if __name__ == "__main__":
    sys.exit(suite_main(collect))
