"""Optional parts that land with other issues: present when their module is installed."""

from __future__ import annotations

import importlib.util


def module_available(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def minutes_export_available() -> bool:
    """The PDF minutes (workshop_app.export.minutes)."""
    return module_available("workshop_app.export.minutes")


def graph_available() -> bool:
    """The dependency graph canvas (workshop_app.ui.graph.graph_canvas)."""
    return module_available("workshop_app.ui.graph.graph_canvas")


def analysis_available() -> bool:
    """Detected conflicts (workshop_app.analysis)."""
    return module_available("workshop_app.analysis")
