"""Conflict analysis on XL and graph layout + draw on L (DESIGN §7: ≤ 1 s; ≤ 300 ms).

``python -m benchmarks.bench_analysis [--quick]``. Baselines, same run:

* analysis on XL (10,000 elements, 20,000 links) against building the bare
  networkx graph of the same document;
* a what-if scenario's diff on L (replay its edits onto a copy, analyse
  both states, compare the findings) against one conflict analysis of L;
* layout + draw on L — compute the layout, draw the graph into a 16 × 9 in
  figure and render it with Agg, as the live canvas does — against a bare
  matplotlib figure with 400 points and 800 line segments rendered the same way.
"""

from __future__ import annotations

import os
import sys

from benchmarks.generate import make_document
from benchmarks.rows import Row, log, median, p95, samples, suite_main

BUDGET_ANALYSIS_XL_MS = 1000.0
BUDGET_DRAW_L_MS = 300.0
#: The analysis budget of DESIGN §7 (1 s) holds for a scenario's diff on L too.
BUDGET_SCENARIO_L_MS = 1000.0


def analysis_row(repeat: int) -> Row:
    import networkx as nx

    from workshop_app.analysis import conflict_views

    doc = make_document("XL")

    def bare_graph() -> object:
        graph = nx.MultiDiGraph()
        graph.add_nodes_from(el.id for el in doc.elements)
        graph.add_edges_from((ln.source, ln.target, ln.id) for ln in doc.links)
        return graph

    found = len(conflict_views(doc))
    timed = samples(lambda: conflict_views(doc), repeat)
    bare = samples(bare_graph, repeat)
    return Row("conflict analysis + reconciliation", "XL", median(timed), p95=p95(timed), baseline=median(bare),
               baseline_name="bare networkx graph", limit=BUDGET_ANALYSIS_XL_MS, runs=repeat,
               notes=[f"{found} conflicts found"])


def scenario_row(repeat: int) -> Row:
    from workshop_app.analysis import find_conflicts
    from workshop_app.analysis.scenario_diff import scenario_outcome
    from workshop_app.model import Link, LinkKind, UpdateItem
    from workshop_app.model.operations import AddItem, RemoveItem
    from workshop_app.model.scenario_edits import make_scenario

    doc = make_document("L")
    copy = doc.model_copy(deep=True)  # a room's proposal: longer incentive periods, rewards re-pointed, links gone
    incentives = [el for el in copy.elements if el.kind == "incentive"][:10]
    goals = [el for el in copy.elements if el.kind == "goal"]
    for number, incentive in enumerate(incentives):
        UpdateItem("elements", incentive.id, {"period_months": 12}).apply(copy)
        AddItem("links", Link(id=f"bench-r{number}", kind=LinkKind.REWARDS, source=incentive.id,
                              target=goals[number].id)).apply(copy)
    for link in list(copy.links[:10]):
        RemoveItem("links", link.id).apply(copy)
    scenario = make_scenario("bench", "Bench", doc, copy)
    outcome = scenario_outcome(doc, scenario)
    timed = samples(lambda: scenario_outcome(doc, scenario), repeat)
    bare = samples(lambda: find_conflicts(doc), repeat)
    return Row("what-if scenario diff (replay + both analyses)", "L", median(timed), p95=p95(timed),
               baseline=median(bare), baseline_name="one conflict analysis of L", limit=BUDGET_SCENARIO_L_MS,
               runs=repeat, notes=[f"{scenario.edit_count} edits; {len(outcome.diff.vanished)} vanish, "
                                   f"{len(outcome.diff.appeared)} appear, {len(outcome.diff.changed)} change"])


def draw_row(repeat: int) -> Row:
    import numpy as np
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.collections import LineCollection
    from matplotlib.figure import Figure

    from workshop_app.analysis import compute_layout
    from workshop_app.export.graph_picture import draw_graph

    doc = make_document("L")
    figure = Figure(figsize=(16, 9), dpi=100)
    canvas = FigureCanvasAgg(figure)

    def layout_and_draw() -> None:
        draw_graph(doc, figure, layout=compute_layout(doc))
        canvas.draw()

    rng = np.random.default_rng(1)
    points = rng.random((400, 2))
    segments = points[rng.integers(0, 400, (800, 2))]

    def bare_figure() -> None:
        figure.clear()
        ax = figure.add_subplot()
        ax.scatter(points[:, 0], points[:, 1], s=100)
        ax.add_collection(LineCollection(segments, linewidths=1))
        canvas.draw()

    timed = samples(layout_and_draw, repeat)
    bare = samples(bare_figure, repeat)
    return Row("graph layout + draw (Agg, 16 × 9 in)", "L", median(timed), p95=p95(timed), baseline=median(bare),
               baseline_name="bare figure, 400 points + 800 lines", limit=BUDGET_DRAW_L_MS, runs=repeat)


def collect(quick: bool) -> list[Row]:
    os.environ.setdefault("MPLBACKEND", "Agg")
    repeat = 3 if quick else 9
    log("   conflict analysis on XL")
    rows = [analysis_row(repeat)]
    log("   what-if scenario diff on L")
    rows.append(scenario_row(repeat))
    log("   graph layout + draw on L")
    rows.append(draw_row(repeat))
    return rows


if __name__ == "__main__":
    sys.exit(suite_main(collect))
