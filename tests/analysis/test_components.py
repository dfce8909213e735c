"""The goal-cycle rule's own strongly connected components agree with networkx and need no networkx."""

import random
import subprocess
import sys

import networkx as nx

from workshop_app.analysis.rules_goals import strongly_connected


def test_components_agree_with_networkx_on_random_graphs():
    for seed in range(200):
        rnd = random.Random(seed)
        n = rnd.randint(1, 25)
        successors: dict[str, list[str]] = {}
        for _ in range(rnd.randint(0, 50)):
            successors.setdefault(f"n{rnd.randrange(n)}", []).append(f"n{rnd.randrange(n)}")
        graph = nx.DiGraph([(a, b) for a, targets in successors.items() for b in targets])
        graph.add_nodes_from(successors)
        expected = sorted(sorted(c) for c in nx.strongly_connected_components(graph) if len(c) > 1)
        assert sorted(sorted(c) for c in strongly_connected(successors) if len(c) > 1) == expected, seed


def test_a_long_chain_closing_on_itself_is_one_circle_without_recursion():
    successors = {f"g{i}": [f"g{i + 1}"] for i in range(50_000)}
    successors["g50000"] = ["g0"]
    assert max(len(c) for c in strongly_connected(successors)) == 50_001


def test_finding_conflicts_does_not_import_networkx():
    code = ("import sys; from workshop_app.store.demo import load_demo; from workshop_app.analysis import "
            "conflict_views; conflict_views(load_demo('en')); print('networkx' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
