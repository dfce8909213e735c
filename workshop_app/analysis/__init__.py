"""Analysis of a workshop document: its graph, its conflicts, its layout. No Qt, no matplotlib.

Only :func:`build_graph` needs networkx; it is imported when first asked for,
so the conflict rules, their registry and the layout load without it.
"""

from typing import Any

from workshop_app.analysis.conflicts import (
    ConflictView,
    conflict_views,
    declare_conflict,
    declared_id,
    find_conflicts,
    record_operation,
)
from workshop_app.analysis.counts import ConflictCounts, count_conflicts, is_live, is_settled
from workshop_app.analysis.findings import Finding, finding_id
from workshop_app.analysis.layout import Layout, compute_layout
from workshop_app.analysis.rules import DEFAULTS, LEVERS, RULE_IDS, RuleSpec, rule_spec

__all__ = [
    "DEFAULTS",
    "LEVERS",
    "RULE_IDS",
    "ConflictCounts",
    "ConflictView",
    "Finding",
    "Layout",
    "RuleSpec",
    "build_graph",
    "compute_layout",
    "conflict_views",
    "count_conflicts",
    "declare_conflict",
    "declared_id",
    "find_conflicts",
    "finding_id",
    "is_live",
    "is_settled",
    "record_operation",
    "rule_spec",
]


def __getattr__(name: str) -> Any:
    if name == "build_graph":
        from workshop_app.analysis.graph import build_graph

        return build_graph
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
