"""Benchmark: conflict analysis on XL and graph layout + draw on L (DESIGN §7).

Run from the checkout:  python benchmarks/bench_analysis.py [--repeat N]

Each figure is the median of N runs, printed next to a baseline measured in
the same run on the same machine, so the ratio stays meaningful on slow or
busy hardware:

* analysis on XL (10,000 elements, 20,000 links) against building the bare
  networkx graph of the same document;
* layout + draw on L (400 elements, 800 links) — compute the layout, draw the
  graph into a 16 × 9 in figure and render it with Agg, as the live canvas
  does — against a bare matplotlib figure with 400 points and 800 line
  segments rendered the same way.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("MPLBACKEND", "Agg")

from generate import make_workshop

BUDGET_ANALYSIS_XL = 1.0
BUDGET_DRAW_L = 0.300


def median_time(fn: Callable[[], object], repeat: int) -> float:
    fn()  # warm caches and lazy imports
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bench_analysis(repeat: int) -> tuple[float, float, int]:
    import networkx as nx

    from workshop_app.analysis import conflict_views

    doc = make_workshop(10_000, 20_000, 60, seed=1)

    def bare_graph():
        graph = nx.MultiDiGraph()
        graph.add_nodes_from(el.id for el in doc.elements)
        graph.add_edges_from((ln.source, ln.target, ln.id) for ln in doc.links)
        return graph

    views = conflict_views(doc)
    return median_time(lambda: conflict_views(doc), repeat), median_time(bare_graph, repeat), len(views)


def bench_draw(repeat: int) -> tuple[float, float, float]:
    import numpy as np
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.collections import LineCollection
    from matplotlib.figure import Figure

    from workshop_app.analysis import compute_layout
    from workshop_app.export.graph_picture import draw_graph, graph_picture_bytes

    doc = make_workshop(400, 800, 30, seed=1)
    figure = Figure(figsize=(16, 9), dpi=100)
    canvas = FigureCanvasAgg(figure)

    def layout_and_draw():
        draw_graph(doc, figure, layout=compute_layout(doc))
        canvas.draw()

    rng = np.random.default_rng(1)
    points = rng.random((400, 2))
    segments = points[rng.integers(0, 400, (800, 2))]

    def bare_figure():
        figure.clear()
        ax = figure.add_subplot()
        ax.scatter(points[:, 0], points[:, 1], s=100)
        ax.add_collection(LineCollection(segments, linewidths=1))
        canvas.draw()

    png = median_time(lambda: graph_picture_bytes(doc, "png"), max(1, repeat // 3))
    return median_time(layout_and_draw, repeat), median_time(bare_figure, repeat), png


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    print(f"Python {sys.version.split()[0]} on {os.cpu_count()} CPU(s); median of {args.repeat} runs\n")

    analysis, graph, n = bench_analysis(args.repeat)
    ok = analysis <= BUDGET_ANALYSIS_XL
    print(f"conflict analysis, XL (10,000 elements, 20,000 links, {n} conflicts)")
    print(f"  analysis + reconciliation      {analysis * 1000:8.1f} ms   budget {BUDGET_ANALYSIS_XL * 1000:.0f} ms "
          f"{'OK' if ok else 'OVER'}")
    print(f"  baseline: bare networkx graph  {graph * 1000:8.1f} ms   ratio {analysis / graph:5.1f} x\n")

    draw, bare, png = bench_draw(args.repeat)
    ok_draw = draw <= BUDGET_DRAW_L
    print("graph layout + draw, L (400 elements, 800 links), 16 x 9 in figure rendered with Agg")
    print(f"  layout + draw                  {draw * 1000:8.1f} ms   budget {BUDGET_DRAW_L * 1000:.0f} ms "
          f"{'OK' if ok_draw else 'OVER'}")
    print(f"  baseline: bare figure          {bare * 1000:8.1f} ms   ratio {draw / bare:5.1f} x")
    print(f"  (for information) PNG export at 200 dpi, picture sized to the graph: {png * 1000:.0f} ms")
    return 0 if ok and ok_draw else 1


if __name__ == "__main__":
    sys.exit(main())
