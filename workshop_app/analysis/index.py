"""One pass over a document into the lookups every rule needs.

The model keeps elements and links in lists (document order is the user's
order). Rules must not scan those lists per element — on an XL workshop
(10,000 elements) that is quadratic — so the document is indexed once here
and every rule asks the index.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from workshop_app.model import AnyElement, Channel, Goal, Incentive, Link, LinkKind, Side, Workshop


@dataclass
class DocIndex:
    """Elements by id, links by kind in both directions, participants' sides."""

    elements: dict[str, AnyElement] = field(default_factory=dict)
    links: dict[str, Link] = field(default_factory=dict)
    #: kind → source id → [(target id, link id)], in document order
    out: dict[LinkKind, dict[str, list[tuple[str, str]]]] = field(default_factory=dict)
    #: kind → target id → [(source id, link id)], in document order
    into: dict[LinkKind, dict[str, list[tuple[str, str]]]] = field(default_factory=dict)
    participant_side: dict[str, Side] = field(default_factory=dict)

    def targets(self, kind: LinkKind, source: str) -> list[str]:
        return [t for t, _ in self.out[kind].get(source, ())]

    def sources(self, kind: LinkKind, target: str) -> list[str]:
        return [s for s, _ in self.into[kind].get(target, ())]

    def incentives(self) -> list[Incentive]:
        return [el for el in self.elements.values() if el.kind == "incentive"]

    def channels(self) -> list[Channel]:
        return [el for el in self.elements.values() if el.kind == "channel"]

    def goals(self) -> list[Goal]:
        return [el for el in self.elements.values() if el.kind == "goal"]


def index_document(doc: Workshop) -> DocIndex:
    """Index ``doc`` in O(elements + links); links to unknown elements are skipped."""
    idx = DocIndex()
    idx.elements = {el.id: el for el in doc.elements}
    idx.participant_side = {p.id: p.side for p in doc.participants}
    out: dict[LinkKind, dict[str, list[tuple[str, str]]]] = {k: defaultdict(list) for k in LinkKind}
    into: dict[LinkKind, dict[str, list[tuple[str, str]]]] = {k: defaultdict(list) for k in LinkKind}
    for link in doc.links:
        if link.source not in idx.elements or link.target not in idx.elements:
            continue
        idx.links[link.id] = link
        out[link.kind][link.source].append((link.target, link.id))
        into[link.kind][link.target].append((link.source, link.id))
    idx.out, idx.into = out, into
    return idx
