"""Synthetic workshops of any size for benchmarks (DESIGN §7: S = demo, L = 400/800/30, XL = 10,000).

The documents are valid (every link joins the kinds the model allows) and
shaped like a real workshop: a few strategies, shared goals broken down into
department and team goals, incentives and budgets on goals, channels rated
by the other side, and some declared conflicts and dependencies — including
the occasional cycle and silo, so every conflict rule has work to do.
Deterministic for a given ``seed``.
"""

from __future__ import annotations

import random

from tests.builders import link
from workshop_app.model import (
    Belief,
    Budget,
    Channel,
    Goal,
    GoalLevel,
    Incentive,
    Insight,
    Link,
    LinkKind,
    Origin,
    Participant,
    Side,
    Strategy,
    Workshop,
)

#: Share of each element class in a generated workshop.
MIX = (("strategy", 0.01), ("shared", 0.10), ("department", 0.35), ("team", 0.10), ("incentive", 0.15),
       ("budget", 0.10), ("channel", 0.10), ("insight", 0.05), ("belief", 0.04))
#: Share of each link kind.
LINK_MIX = ((LinkKind.CONTRIBUTES_TO, 0.45), (LinkKind.REWARDS, 0.20), (LinkKind.FUNDS, 0.15),
            (LinkKind.DEPENDS_ON, 0.12), (LinkKind.CONFLICTS_WITH, 0.08))
SIDES = (Side.MARKETING, Side.SALES)
WORDS = ("pipeline", "brand", "leads", "webinar", "retrofit", "nurture", "quota", "campaign", "win rate",
         "trade fair", "whitepaper", "awareness", "follow-up", "CRM", "content", "enablement", "pricing")


def _title(rng: random.Random, prefix: str) -> str:
    return f"{prefix} {' '.join(rng.sample(WORDS, 3))}"


def _counts(n_elements: int) -> dict[str, int]:
    counts = {cls: max(1, int(n_elements * share)) for cls, share in MIX}
    counts["department"] += n_elements - sum(counts.values())
    return counts


def _elements(rng: random.Random, counts: dict[str, int], people: list[Participant]) -> dict[str, list]:
    made: dict[str, list] = {cls: [] for cls in counts}
    for n in range(counts["strategy"]):
        made["strategy"].append(Strategy(id=f"s-{n}", title=_title(rng, "Strategy"), horizon_months=36))
    for level in ("shared", "department", "team"):
        for n in range(counts[level]):
            side = Side.JOINT if level == "shared" else rng.choice(SIDES)
            owners = [p.id for p in rng.sample(people, min(len(people), rng.randint(0, 3)))]
            made[level].append(Goal(id=f"g-{level[0]}{n}", title=_title(rng, "Goal"), side=side,
                                    level=GoalLevel(level), horizon_months=rng.choice((3, 6, 12, 18, 24, 36)),
                                    owners=owners, metric="count", target=str(rng.randint(10, 900))))
    for n in range(counts["incentive"]):
        made["incentive"].append(Incentive(id=f"i-{n}", title=_title(rng, "Incentive"), side=rng.choice(SIDES),
                                           period_months=rng.choice((1, 3, 3, 6, 12))))
    for n in range(counts["budget"]):
        made["budget"].append(Budget(id=f"b-{n}", title=_title(rng, "Budget"),
                                     side=rng.choice((*SIDES, Side.JOINT)), amount=rng.randint(1, 500) * 1000))
    for n in range(counts["channel"]):
        side = rng.choice(SIDES)
        made["channel"].append(Channel(id=f"c-{n}", title=_title(rng, "Channel"), side=side,
                                       to_side=SIDES[1 - SIDES.index(side)], usefulness=rng.randint(0, 5),
                                       origin=rng.choice((Origin.AS_IS, Origin.AS_IS, Origin.AGREED))))
    for n in range(counts["insight"]):
        made["insight"].append(Insight(id=f"n-{n}", title=_title(rng, "Insight"), side=Side.SALES))
    for n in range(counts["belief"]):
        made["belief"].append(Belief(id=f"v-{n}", title=_title(rng, "Belief"), side=rng.choice(SIDES)))
    return made


def _link_ends(rng: random.Random, kind: LinkKind, made: dict[str, list]) -> tuple[str, str]:
    goals = made["shared"] + made["department"] + made["team"]
    if kind == LinkKind.CONTRIBUTES_TO:
        level = rng.choice(("team", "department", "department", "shared"))
        parents = {"team": made["department"], "department": made["shared"], "shared": made["strategy"]}[level]
        return rng.choice(made[level]).id, rng.choice(parents).id
    if kind == LinkKind.REWARDS:
        return rng.choice(made["incentive"]).id, rng.choice(goals).id
    if kind == LinkKind.FUNDS:
        return rng.choice(made["budget"]).id, rng.choice(goals).id
    return rng.choice(goals).id, rng.choice(goals).id


def make_workshop(n_elements: int, n_links: int, n_participants: int = 30, seed: int = 0) -> Workshop:
    """A valid workshop with about ``n_elements`` elements and exactly ``n_links`` distinct links."""
    rng = random.Random(seed)
    people = [Participant(id=f"p-{n}", name=f"Person {n}", side=SIDES[n % 2]) for n in range(n_participants)]
    made = _elements(rng, _counts(n_elements), people)
    links: list[Link] = []
    seen: set[tuple[str, str, str]] = set()
    kinds = [kind for kind, _ in LINK_MIX]
    weights = [share for _, share in LINK_MIX]
    while len(links) < n_links:
        kind = rng.choices(kinds, weights)[0]
        source, target = _link_ends(rng, kind, made)
        if source == target or (kind, source, target) in seen:
            continue
        seen.add((kind, source, target))
        reason = "pulls the other way" if kind == LinkKind.CONFLICTS_WITH else ""
        links.append(link(f"l-{len(links)}", kind, source, target, reason))
    elements = [el for group in made.values() for el in group]
    return Workshop(participants=people, elements=elements, links=links)


#: DESIGN §7 sizes: (elements, links, participants, seed). S is the built-in demo.
SIZES = {"L": (400, 800, 30, 7), "XL": (10_000, 20_000, 60, 1)}


def make_document(size: str) -> Workshop:
    """The S (demo, English), L or XL document of DESIGN §7 — the same bytes on every run."""
    if size == "S":
        from workshop_app.store.demo import load_demo

        return load_demo("en")
    n_elements, n_links, n_participants, seed = SIZES[size]
    return make_workshop(n_elements, n_links, n_participants, seed)


def document_bytes(doc: Workshop) -> bytes:
    """The document as the canonical JSON a benchmark (and the determinism test) compares."""
    import json

    return json.dumps(doc.model_dump(mode="json"), sort_keys=True, ensure_ascii=False).encode()
