"""Benchmarks of DESIGN §7: one runner, one table, every figure next to its baseline.

Run ``python -m benchmarks [--quick] [--check]`` from the checkout. Each suite
(``bench_*.py``) runs in its own child process so imports, caches and peak
memory of one cannot flatter or spoil another; the runner gathers their rows,
prints the table and, on a full run, writes it to ``benchmarks/RESULTS.md``
with the machine it ran on. Budgets are never asserted in tests: machines are
noisy, and a baseline measured in the same run is what makes a figure mean
something.
"""
