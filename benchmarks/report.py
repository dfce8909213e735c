"""The table, for the terminal and for ``benchmarks/RESULTS.md`` (which the README quotes)."""

from __future__ import annotations

from datetime import UTC, datetime

from benchmarks.rows import Row, fmt

HEADER = ("figure", "size", "median", "p95", "baseline", "ratio", "budget", "verdict")


def cells(row: Row) -> tuple[str, ...]:
    ratio = f"{row.ratio:.2f}×" if row.ratio is not None else "—"
    base = fmt(row.baseline, row.unit)
    if row.baseline is not None and row.baseline_name:
        base = f"{base} ({row.baseline_name})"
    return (row.figure, row.size, fmt(row.median, row.unit), fmt(row.p95, row.unit), base, ratio, row.budget,
            row.verdict)


def text_table(rows: list[Row]) -> str:
    table = [HEADER, *(cells(row) for row in rows)]
    widths = [max(len(line[i]) for line in table) for i in range(len(HEADER))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
             for line in table]
    lines.insert(1, "  ".join("-" * width for width in widths))
    notes = [f"  {row.figure} ({row.size}): {note}" for row in rows for note in row.notes]
    return "\n".join(lines + (["", "notes:", *notes] if notes else []))


def _md(cell: str) -> str:
    return cell.replace("|", "\\|")


def markdown_table(rows: list[Row]) -> str:
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    lines += ["| " + " | ".join(_md(cell) for cell in cells(row)) + " |" for row in rows]
    return "\n".join(lines)


def markdown_report(rows: list[Row], machine: dict[str, str], command: str, seconds: float) -> str:
    """The whole results file: when, on what, with which command, the table and its notes."""
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    machine_line = "; ".join(f"{key} {value}" for key, value in machine.items())
    notes = [f"- **{row.figure} ({row.size})**: {_md(note)}" for row in rows for note in row.notes]
    parts = [
        "# Benchmark results",
        "",
        f"`{command}` on {when}, {seconds:.0f} s in all. Medians of repeated runs; p95 where the budget is "
        "about the tail. Each baseline is measured in the same run on the same machine, so the ratio "
        "means something even on a busy machine (DESIGN §7).",
        "",
        f"Machine: {machine_line}.",
        "",
        markdown_table(rows),
    ]
    if notes:
        parts += ["", "Notes:", "", *notes]
    return "\n".join(parts) + "\n"
