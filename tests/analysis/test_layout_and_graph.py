"""The networkx graph carries the model; the layered layout is deterministic and keeps dragged nodes."""

import random

from tests.builders import link
from workshop_app.analysis import build_graph, compute_layout
from workshop_app.analysis.layout import choose_columns
from workshop_app.model import (
    Belief,
    Channel,
    Goal,
    GoalLevel,
    Insight,
    Position,
    Side,
    Workshop,
)


def test_graph_has_model_attributes_on_nodes_and_edges(doc):
    doc.links.append(link("x1", "conflicts_with", "mk-goal", "sa-goal", "A vs B"))
    doc.links.append(link("d1", "depends_on", "mk-goal", "sa-goal"))
    graph = build_graph(doc)
    assert graph.number_of_nodes() == len(doc.elements) and graph.number_of_edges() == len(doc.links)
    expected = {"kind": "goal", "side": "joint", "level": "shared", "title": "Double the pipeline",
                "horizon_months": 12, "owners": ["pm", "ps"]}
    assert {k: graph.nodes["shared"][k] for k in expected} == expected
    assert graph.nodes["sa-inc"]["period_months"] == 3 and graph.nodes["sa-inc"]["kind"] == "incentive"
    # two links between the same elements stay two edges, keyed by link id
    edges = graph.get_edge_data("mk-goal", "sa-goal")
    assert edges["x1"] == {"kind": "conflicts_with", "reason": "A vs B", "link_id": "x1"}
    assert edges["d1"]["kind"] == "depends_on"


def test_bands_run_from_strategy_down_to_incentives_and_budgets(doc):
    pos = compute_layout(doc).positions
    assert pos["strat"][1] > pos["shared"][1] > pos["mk-goal"][1] > pos["mk-inc"][1]
    assert pos["mk-goal"][1] == pos["sa-goal"][1]
    assert pos["pot"][1] == pos["sa-inc"][1]


def test_marketing_left_joint_middle_sales_right(doc):
    layout = compute_layout(doc)
    pos = layout.positions
    assert pos["mk-goal"][0] < pos["shared"][0] < pos["sa-goal"][0]
    assert pos["mk-inc"][0] < pos["pot"][0] < pos["sa-inc"][0]
    marketing, joint, sales = (layout.zones[s] for s in (Side.MARKETING, Side.JOINT, Side.SALES))
    assert marketing[1] < joint[0] and joint[1] < sales[0]


def test_layout_is_deterministic_whatever_the_order_of_the_lists(doc):
    doc.elements += [Goal(id=f"mk{i}", title=f"Marketing goal {i}", side=Side.MARKETING) for i in range(9)]
    doc.links += [link(f"c{i}x", "contributes_to", f"mk{i}", "shared") for i in range(0, 9, 2)]
    first = compute_layout(doc)
    assert compute_layout(doc).positions == first.positions
    shuffled = doc.model_copy(deep=True)
    rng = random.Random(3)
    rng.shuffle(shuffled.elements)
    rng.shuffle(shuffled.links)
    assert compute_layout(shuffled).positions == first.positions


def test_no_two_nodes_share_a_place(doc):
    doc.elements += [Goal(id=f"g{i}", side=[Side.MARKETING, Side.SALES, Side.JOINT][i % 3],
                          level=[GoalLevel.DEPARTMENT, GoalLevel.TEAM][i % 2]) for i in range(40)]
    positions = list(compute_layout(doc).positions.values())
    assert len(set(positions)) == len(positions)


def test_dragged_positions_are_kept_and_free_their_slot(doc):
    doc.elements[2].position = Position(x=-4.25, y=7.5)  # mk-goal
    layout = compute_layout(doc)
    assert layout.positions["mk-goal"] == (-4.25, 7.5)
    assert (-4.25, 7.5) not in [p for i, p in layout.positions.items() if i != "mk-goal"]
    xmin, _, _, ymax = layout.bounds()
    assert xmin <= -4.25 and ymax >= 7.5


def test_side_band_shows_channels_insights_and_beliefs_only_when_linked_or_flagged(doc):
    doc.elements += [Insight(id="ins", title="Customers want ROI"), Belief(id="bel", side=Side.SALES),
                     Channel(id="deck", side=Side.MARKETING, to_side=Side.SALES, usefulness=0)]
    layout = compute_layout(doc)
    assert {"ins", "bel", "deck", "standup"}.isdisjoint(layout.positions)
    doc.links.append(link("x1", "conflicts_with", "bel", "mk-goal"))
    layout = compute_layout(doc, flagged={"deck"})
    assert layout.band_of["bel"] == layout.band_of["deck"] == "channels"
    assert layout.positions["deck"][1] < layout.positions["mk-inc"][1]
    assert "ins" not in layout.positions


def test_hidden_elements_can_be_left_out(doc):
    doc.elements[3].hidden = True
    assert "sa-goal" in compute_layout(doc).positions
    assert "sa-goal" not in compute_layout(doc, include_hidden=False).positions


def test_linked_elements_sit_near_their_neighbours(doc):
    doc.elements += [Goal(id=f"mk{i}", title=f"M{i}", side=Side.MARKETING) for i in range(5)]
    doc.elements += [Goal(id="sa-other", side=Side.SALES, level=GoalLevel.TEAM)]
    # mk4 is linked across the room, so it moves to the side of Marketing that faces Sales
    doc.links.append(link("x1", "conflicts_with", "mk4", "sa-goal"))
    pos = compute_layout(doc, columns=6).positions
    marketing_row = [i for _, i in sorted((p[0], i) for i, p in pos.items() if pos[i][1] == pos["mk-goal"][1])
                     if i.startswith("mk")]
    assert marketing_row[-1] == "mk4"
    # goals linked to nothing sit at the outer (left) edge of Marketing
    assert marketing_row[:4] == ["mk0", "mk1", "mk2", "mk3"]


def test_columns_are_chosen_for_a_wide_screen():
    doc = Workshop(elements=[Goal(id=f"g{i}", side=Side.MARKETING) for i in range(60)])
    layout = compute_layout(doc)
    xmin, xmax, ymin, ymax = layout.bounds()
    assert 1.0 < (xmax - xmin + 2) / (ymax - ymin + 2.5) < 3.0
    assert choose_columns({}) >= 1


def test_empty_workshop_has_an_empty_layout():
    layout = compute_layout(Workshop())
    assert layout.positions == {} and layout.bands == []
    assert build_graph(Workshop()).number_of_nodes() == 0


def test_an_agreement_is_drawn_even_before_a_goal_depends_on_it():
    from workshop_app.analysis import compute_layout
    from workshop_app.model import Agreement, Workshop

    doc = Workshop(elements=[Agreement(id="ag", title="Qualified lead: defined together")])
    assert "ag" in compute_layout(doc).positions
