"""Analysis of a workshop document: its graph, its conflicts, its layout. No Qt, no matplotlib."""

from workshop_app.analysis.conflicts import (
    ConflictView,
    conflict_views,
    declared_id,
    find_conflicts,
    record_operation,
)
from workshop_app.analysis.findings import Finding, finding_id
from workshop_app.analysis.graph import build_graph
from workshop_app.analysis.layout import Layout, compute_layout
from workshop_app.analysis.rules import PERIOD_RATIO, RULE_IDS, USELESS_RATING

__all__ = [
    "PERIOD_RATIO", "RULE_IDS", "USELESS_RATING", "ConflictView", "Finding", "Layout", "build_graph",
    "compute_layout", "conflict_views", "declared_id", "find_conflicts", "finding_id", "record_operation",
]
