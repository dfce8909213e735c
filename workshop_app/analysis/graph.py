"""The document as a networkx graph, for algorithms and for whoever wants to explore it.

Nodes are element ids, edges are links keyed by link id (a ``MultiDiGraph``,
because two elements may be joined by several links of different kinds).
Every model field a picture or an algorithm might ask about is copied onto the
node, so callers never have to go back to the document to look something up.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from workshop_app.model import ElementBase, Workshop

#: Element fields copied onto graph nodes when the element has them.
NODE_FIELDS = (
    "kind", "title", "side", "origin", "level", "horizon_months", "period_months", "incentive_type",
    "amount", "currency", "to_side", "usefulness", "owners", "metric", "target", "hidden",
)


def node_attributes(element: ElementBase) -> dict[str, Any]:
    """The attributes of one node; enum values become their stored strings."""
    attrs: dict[str, Any] = {}
    for name in NODE_FIELDS:
        if name in type(element).model_fields:
            value = getattr(element, name)
            attrs[name] = value.value if hasattr(value, "value") else value
    attrs["position"] = (element.position.x, element.position.y) if element.position else None
    return attrs


def build_graph(doc: Workshop) -> nx.MultiDiGraph:
    """All elements as nodes and all links as edges (``kind``, ``reason``, ``link_id``).

    Links whose ends are not in the document are left out rather than adding
    attribute-less phantom nodes; the store reports them as integrity problems.
    """
    graph = nx.MultiDiGraph(title=doc.meta.title)
    graph.add_nodes_from((el.id, node_attributes(el)) for el in doc.elements)
    graph.add_edges_from(
        (link.source, link.target, link.id, {"kind": link.kind.value, "reason": link.reason, "link_id": link.id})
        for link in doc.links
        if link.source in graph and link.target in graph
    )
    return graph
