"""One pass over a document into the lookups every rule needs.

The model keeps elements and links in lists (document order is the user's
order). Rules must not scan those lists per element — on an XL workshop
(10,000 elements) that is quadratic — so the document is indexed once here
and every rule asks the index. The workshop's thresholds
(:class:`~workshop_app.model.AnalysisSettings`), its pilot, decisions and
date travel with the index, so a rule needs nothing but the index.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from workshop_app.model import (
    AnalysisSettings,
    AnyElement,
    Decision,
    GoalLevel,
    Link,
    LinkKind,
    Pilot,
    Side,
    Workshop,
)
from workshop_app.model.alignment import Alignment


@dataclass
class DocIndex:
    """Elements by id and by kind, links by kind in both directions, participants' sides, settings."""

    elements: dict[str, AnyElement] = field(default_factory=dict)
    links: dict[str, Link] = field(default_factory=dict)
    #: kind → source id → [(target id, link id)], in document order
    out: dict[LinkKind, dict[str, list[tuple[str, str]]]] = field(default_factory=dict)
    #: kind → target id → [(source id, link id)], in document order
    into: dict[LinkKind, dict[str, list[tuple[str, str]]]] = field(default_factory=dict)
    participant_side: dict[str, Side] = field(default_factory=dict)
    #: element kind → elements of that kind, in document order
    by_kind: dict[str, list] = field(default_factory=dict)
    settings: AnalysisSettings = field(default_factory=AnalysisSettings)
    pilot: Pilot = field(default_factory=Pilot)
    decisions: list[Decision] = field(default_factory=list)
    workshop_date: date | None = None
    alignment: Alignment = field(default_factory=Alignment)

    def targets(self, kind: LinkKind, source: str) -> list[str]:
        return [t for t, _ in self.out[kind].get(source, ())]

    def sources(self, kind: LinkKind, target: str) -> list[str]:
        return [s for s, _ in self.into[kind].get(target, ())]

    def of_kind(self, kind: str) -> list:
        return self.by_kind.get(kind, [])

    def incentives(self) -> list:
        return self.of_kind("incentive")

    def channels(self) -> list:
        return self.of_kind("channel")

    def goals(self) -> list:
        return self.of_kind("goal")

    def side_of(self, participant_id: str | None) -> Side | None:
        """The side of a participant (None for an unknown id)."""
        return self.participant_side.get(participant_id) if participant_id else None

    def up(self, start: Iterable[str]) -> set[str]:
        """Everything ``start`` serves along ``contributes_to`` (``start`` included): one linear walk."""
        return _walk(start, self.out[LinkKind.CONTRIBUTES_TO])

    def down(self, start: Iterable[str]) -> set[str]:
        """Everything that serves ``start`` along ``contributes_to`` (``start`` included)."""
        return _walk(start, self.into[LinkKind.CONTRIBUTES_TO])

    def anchors(self) -> list[str]:
        """Shared goals and strategies: what every department goal should serve."""
        return [el.id for el in self.of_kind("strategy")] + [
            g.id for g in self.goals() if g.level == GoalLevel.SHARED]


def _walk(start: Iterable[str], edges: dict[str, list[tuple[str, str]]]) -> set[str]:
    seen = set(start)
    queue = deque(seen)
    while queue:
        for nxt, _ in edges.get(queue.popleft(), ()):
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return seen


def index_document(doc: Workshop) -> DocIndex:
    """Index ``doc`` in O(elements + links); links to unknown elements are skipped."""
    idx = DocIndex(settings=doc.analysis, pilot=doc.pilot, decisions=doc.decisions, workshop_date=doc.meta.date,
                   alignment=doc.alignment)
    idx.elements = {el.id: el for el in doc.elements}
    by_kind: dict[str, list] = defaultdict(list)
    for el in doc.elements:
        by_kind[el.kind].append(el)
    idx.by_kind = dict(by_kind)
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
