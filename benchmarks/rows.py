"""One result row, its verdict, and the small protocol between a suite and the runner.

A row carries what the table prints: the figure, the document size, the
median (and p95 where a budget is about the tail), the baseline measured in
the same process/run, and the budget — an absolute limit on the median or
the p95, a limit on the ratio to the baseline, or both. The verdict is
computed here and only here, so the table and ``--check`` cannot disagree.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

OK, MISS, INFO = "OK", "MISS", "info"


@dataclass
class Row:
    """One line of the table; times in ms unless ``unit`` says otherwise."""

    figure: str
    size: str
    median: float
    unit: str = "ms"
    p95: float | None = None
    baseline: float | None = None
    baseline_name: str = ""
    limit: float | None = None  # absolute budget, in ``unit``
    limit_on: str = "median"  # "median" or "p95": which figure the limit applies to
    max_ratio: float | None = None  # budget on median / baseline
    runs: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def ratio(self) -> float | None:
        if self.baseline is None or self.baseline <= 0:
            return None
        return self.median / self.baseline

    @property
    def checked(self) -> float:
        """The figure the absolute limit applies to."""
        return self.p95 if self.limit_on == "p95" and self.p95 is not None else self.median

    @property
    def verdict(self) -> str:
        if math.isnan(self.median):  # a suite that failed has no figure: never a pass
            return MISS
        if self.limit is None and self.max_ratio is None:
            return INFO
        if self.limit is not None and self.checked > self.limit:
            return MISS
        if self.max_ratio is not None and (self.ratio is None or self.ratio > self.max_ratio):
            return MISS
        return OK

    @property
    def budget(self) -> str:
        parts = []
        if self.limit is not None:
            which = "p95 " if self.limit_on == "p95" else ""
            parts.append(f"{which}≤ {fmt(self.limit, self.unit)}")
        if self.max_ratio is not None:
            parts.append(f"≤ {self.max_ratio:g}×")
        return ", ".join(parts) or "—"

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> Row:
        return cls(**data)


def fmt(value: float | None, unit: str) -> str:
    """A figure with its unit, rounded for reading, not for arithmetic."""
    if value is None:
        return "—"
    if unit == "ms" and value >= 1000:
        return f"{value / 1000:.2f} s"
    if unit == "ms":
        return f"{value:.1f} ms" if value < 100 else f"{value:.0f} ms"
    return f"{value:.0f} {unit}"


def timed_ms(fn: Callable[[], object]) -> float:
    """Milliseconds one call of ``fn`` takes."""
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def samples(fn: Callable[[], object], repeat: int) -> list[float]:
    """Milliseconds of each of ``repeat`` calls, after one untimed warm-up (lazy imports, caches)."""
    fn()
    return [timed_ms(fn) for _ in range(repeat)]


def p95(values: list[float]) -> float:
    """Nearest-rank 95th percentile (the largest value for fewer than 20 samples)."""
    ordered = sorted(values)
    return ordered[max(0, -(-95 * len(ordered) // 100) - 1)]


def median(values: list[float]) -> float:
    return statistics.median(values)


Collect = Callable[[bool], list[Row]]


def suite_main(collect: Collect, argv: list[str] | None = None) -> int:
    """Entry point of ``python -m benchmarks.bench_x``: run, then print or hand the rows to the runner."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="fewer runs, for a smoke test")
    parser.add_argument("--rows-json", help="write the rows here as JSON (used by the runner)")
    args = parser.parse_args(argv)
    rows = collect(args.quick)
    if args.rows_json:
        Path(args.rows_json).write_text(json.dumps([row.to_json() for row in rows]), encoding="utf-8")
    else:
        from benchmarks.report import text_table

        print(text_table(rows))
    return 0


def log(message: str) -> None:
    """Progress on stderr, so a suite's stdout stays free for its table."""
    print(message, file=sys.stderr, flush=True)
