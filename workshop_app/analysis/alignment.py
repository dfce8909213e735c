"""Scoring the alignment check: per side a total, a stage and a profile; per statement the gap.

How a side is scored (documented here and in the results view):

* Each answer is 1 (strongly disagree) … 5 (strongly agree). "Don't know"
  and unanswered statements do not count.
* Per statement and side, the mean of the answers (individual responses and
  the room's tally together).
* The side's score is the mean of its statement means × 20, so it runs
  from 20 to 100 — exactly the plain total when 20 statements were all
  answered. When someone said "don't know", or the workshop uses another
  number of statements, the mean is scaled to that range and the result
  says so (``scaled``).
* Stages: undefined 20–39, defined 40–59, aligned 60–79, integrated 80–100.
* Privacy: a side with fewer than :data:`MIN_RESPONDENTS` respondents shows
  no aggregates at all ("too few to show"), and a statement mean is shown
  only when at least that many answered it, so nobody's single answer can
  be read off a chart.
* The gap of a statement is Marketing's mean minus Sales' mean. A gap of at
  least :data:`GAP_THRESHOLD` points (of 4 possible) becomes a finding of the
  rule ``alignment-gap``, judged on the latest round in which both sides
  can be shown, so it vanishes when a later round closes the gap.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from workshop_app.analysis.findings import Finding
from workshop_app.analysis.index import DocIndex
from workshop_app.analysis.registry import rule
from workshop_app.i18n import N_
from workshop_app.locale_format import format_number
from workshop_app.model import (
    Alignment,
    AlignmentRound,
    AlignmentStatement,
    Dimension,
    Side,
    Workshop,
)
from workshop_app.paths import resources_dir
from workshop_app.vocabulary import Translator

#: The number of statements the 20–100 range is made for (20 × 1 … 20 × 5).
STANDARD_COUNT = 20
#: Each side's score is its mean answer × this factor: 1 → 20, 5 → 100.
SCALE = 20
#: Fewer respondents (or answers to one statement) than this on a side: "too few to show".
MIN_RESPONDENTS = 3
#: A statement whose sides' means differ by at least this many points (of 4) is a finding.
GAP_THRESHOLD = 1.5
#: The rule id the gap findings carry.
RULE_ID = "alignment-gap"
SIDES = (Side.MARKETING, Side.SALES)

#: The four stages, from the lowest score each starts at.
STAGES: tuple[tuple[int, str], ...] = ((80, "integrated"), (60, "aligned"), (40, "defined"), (20, "undefined"))
STAGE_NAMES = {"undefined": N_("Undefined"), "defined": N_("Defined"), "aligned": N_("Aligned"),
               "integrated": N_("Integrated")}
STAGE_RANGES = {"undefined": "20–39", "defined": "40–59", "aligned": "60–79", "integrated": "80–100"}

DIMENSION_NAMES = {
    Dimension.GOALS: N_("Shared goals"), Dimension.INCENTIVES: N_("Incentives"),
    Dimension.HORIZONS: N_("Time horizons"), Dimension.BUDGET: N_("Budget"),
    Dimension.CHANNELS: N_("Communication channels"), Dimension.LEADS: N_("Lead definition and handover"),
    Dimension.CUSTOMER_KNOWLEDGE: N_("Customer knowledge"), Dimension.PLANNING: N_("Joint planning"),
    Dimension.METRICS: N_("Shared metrics"), Dimension.CULTURE: N_("Culture and respect"),
}

#: What the room can pull when the sides see a dimension differently (the finding's lever).
DIMENSION_LEVERS = {
    Dimension.GOALS: N_("Derive shared goals from the company strategy together, each with a metric, a target and "
                        "how both sides reach it."),
    Dimension.INCENTIVES: N_("Look at both sides' incentives side by side and tie part of them to a shared goal."),
    Dimension.HORIZONS: N_("Put both sides' planning horizons on one timeline and agree milestones that both "
                           "can report on."),
    Dimension.BUDGET: N_("Form one pot for the work that serves both sides, decided on together."),
    Dimension.CHANNELS: N_("Ask the receiving side which channel it actually uses, and agree format, cadence and "
                           "an owner."),
    Dimension.LEADS: N_("Agree in writing what a qualified lead is, when it is handed over and how fast it is "
                        "followed up."),
    Dimension.CUSTOMER_KNOWLEDGE: N_("Agree a regular, short channel for what Sales hears from customers, and "
                                     "show what Marketing did with it."),
    Dimension.PLANNING: N_("Plan the next campaign and the sales activities for it in one joint session, and "
                           "agree who decides when priorities collide."),
    Dimension.METRICS: N_("Choose a few funnel figures both sides report on and look at them together."),
    Dimension.CULTURE: N_("Name the beliefs each side holds about the other, and test one in a protected-space "
                          "pilot."),
}


def stage_of(score: float) -> str:
    """The stage a 20–100 score falls in (a score below 20 cannot occur; it counts as undefined)."""
    for low, stage in STAGES:
        if score >= low:
            return stage
    return "undefined"


def standard_statements() -> list[AlignmentStatement]:
    """Tandem's standard statements (``resources/alignment/statements.json``), to copy into a workshop."""
    path = resources_dir() / "alignment" / "statements.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    return [AlignmentStatement.model_validate(item) for item in data["statements"]]


# -- per statement ---------------------------------------------------------------------------------------


@dataclass
class Answers:
    """One side's answers to one statement: counts of 1…5 and of "don't know"."""

    counts: list[int] = field(default_factory=lambda: [0] * 5)
    dont_know: int = 0

    @property
    def n(self) -> int:
        return sum(self.counts)

    @property
    def mean(self) -> float | None:
        return sum((i + 1) * c for i, c in enumerate(self.counts)) / self.n if self.n else None


@dataclass(frozen=True)
class StatementResult:
    """A statement's means per side (None: too few answers to show) and the gap Marketing − Sales."""

    statement: AlignmentStatement
    means: dict[Side, float | None]
    answers: dict[Side, int]

    @property
    def gap(self) -> float | None:
        m, s = self.means[Side.MARKETING], self.means[Side.SALES]
        return None if m is None or s is None else m - s


@dataclass(frozen=True)
class SideResult:
    """One side in one round. ``score``, ``stage`` and ``profile`` are None/empty when too few responded."""

    side: Side
    respondents: int
    score: float | None
    stage: str | None
    #: dimension → mean answer (1–5) of the statements shown in it
    profile: dict[Dimension, float]
    #: the score is a scaled mean (someone said "don't know", or not 20 statements)
    scaled: bool

    @property
    def too_few(self) -> bool:
        return self.score is None


@dataclass(frozen=True)
class RoundResult:
    round: AlignmentRound
    sides: dict[Side, SideResult]
    statements: list[StatementResult]

    @property
    def shown(self) -> bool:
        """Both sides can be shown: the gaps mean something."""
        return all(not r.too_few for r in self.sides.values())

    def gaps(self) -> list[StatementResult]:
        """Statements with a gap on both sides, largest |gap| first (ties: statement order)."""
        order = {r.statement.id: i for i, r in enumerate(self.statements)}
        with_gap = [r for r in self.statements if r.gap is not None]
        return sorted(with_gap, key=lambda r: (-abs(r.gap or 0.0), order[r.statement.id]))

    def large_gaps(self, threshold: float = GAP_THRESHOLD) -> list[StatementResult]:
        return [r for r in self.gaps() if abs(r.gap or 0.0) >= threshold - 1e-9]


def _answers(alignment: Alignment,
             round_id: str) -> tuple[dict[tuple[Side, str], Answers], dict[Side, int], dict[Side, bool]]:
    """Answers per (side, statement), respondents per side, and per side whether a "don't know" occurred."""
    known = {s.id for s in alignment.statements}
    answers: dict[tuple[Side, str], Answers] = {}
    respondents = dict.fromkeys(SIDES, 0)
    incomplete = dict.fromkeys(SIDES, False)
    for response in alignment.responses:
        if response.round_id != round_id or not response.scores:
            continue
        respondents[response.side] += 1
        for statement_id in known:
            score = response.scores.get(statement_id)
            a = answers.setdefault((response.side, statement_id), Answers())
            if score is None:
                a.dont_know += 1
                incomplete[response.side] = True
            else:
                a.counts[score - 1] += 1
    tallied: dict[Side, int] = dict.fromkeys(SIDES, 0)
    for tally in alignment.tallies:
        if tally.round_id != round_id or tally.statement_id not in known:
            continue
        a = answers.setdefault((tally.side, tally.statement_id), Answers())
        for i in range(5):
            a.counts[i] += tally.counts[i]
        a.dont_know += tally.counts[5]
        incomplete[tally.side] = incomplete[tally.side] or tally.counts[5] > 0
        tallied[tally.side] = max(tallied[tally.side], sum(tally.counts))
    for side in SIDES:
        respondents[side] += tallied[side]
    return answers, respondents, incomplete


def score_round(alignment: Alignment, round_id: str) -> RoundResult:
    """Everything the room may see of one round (see the module's docstring for the rules)."""
    found = alignment.round(round_id)
    if found is None:
        raise KeyError(round_id)
    answers, respondents, incomplete = _answers(alignment, round_id)
    statements: list[StatementResult] = []
    for st in alignment.statements:
        means: dict[Side, float | None] = {}
        counts: dict[Side, int] = {}
        for side in SIDES:
            a = answers.get((side, st.id), Answers())
            enough = respondents[side] >= MIN_RESPONDENTS and a.n >= MIN_RESPONDENTS
            means[side] = a.mean if enough else None
            counts[side] = a.n
        statements.append(StatementResult(st, means, counts))
    sides: dict[Side, SideResult] = {}
    for side in SIDES:
        shown = [r.means[side] for r in statements if r.means[side] is not None]
        if respondents[side] < MIN_RESPONDENTS or not shown:
            sides[side] = SideResult(side, respondents[side], None, None, {}, False)
            continue
        mean = sum(m for m in shown if m is not None) / len(shown)
        score = mean * SCALE
        profile: dict[Dimension, list[float]] = {}
        for r in statements:
            m = r.means[side]
            if m is not None:
                profile.setdefault(r.statement.dimension, []).append(m)
        sides[side] = SideResult(
            side, respondents[side], score, stage_of(score),
            {dim: sum(ms) / len(ms) for dim, ms in profile.items()},
            scaled=incomplete[side] or len(shown) != STANDARD_COUNT or len(alignment.statements) != STANDARD_COUNT,
        )
    return RoundResult(found, sides, statements)


def score_rounds(alignment: Alignment) -> list[RoundResult]:
    return [score_round(alignment, r.id) for r in alignment.rounds]


def latest_shown(alignment: Alignment) -> RoundResult | None:
    """The last round in which both sides can be shown: the one the gap findings speak of."""
    for result in reversed(score_rounds(alignment)):
        if result.shown:
            return result
    return None


def has_a_side(result: RoundResult) -> bool:
    """At least one side of the round has enough respondents to be shown."""
    return any(not sr.too_few for sr in result.sides.values())


def earlier_round(alignment: Alignment, round_id: str) -> RoundResult | None:
    """The last round before ``round_id`` with a side to show: what "the change since" compares with."""
    ids = [r.id for r in alignment.rounds]
    for earlier in reversed(ids[: ids.index(round_id)] if round_id in ids else []):
        result = score_round(alignment, earlier)
        if has_a_side(result):
            return result
    return None


@dataclass(frozen=True)
class Change:
    """How a side's score moved from one round to the next (None where either round shows too few)."""

    side: Side
    before: float | None
    after: float | None

    @property
    def delta(self) -> float | None:
        return None if self.before is None or self.after is None else self.after - self.before


def changes(before: RoundResult, after: RoundResult) -> dict[Side, Change]:
    return {side: Change(side, before.sides[side].score, after.sides[side].score) for side in SIDES}


def statement_changes(before: RoundResult, after: RoundResult) -> dict[str, dict[Side, float | None]]:
    """Per statement id and side, the change of the mean from ``before`` to ``after`` (None: not shown)."""
    old = {r.statement.id: r for r in before.statements}
    result: dict[str, dict[Side, float | None]] = {}
    for r in after.statements:
        prev = old.get(r.statement.id)
        result[r.statement.id] = {
            side: (None if prev is None or prev.means[side] is None or r.means[side] is None
                   else (r.means[side] or 0.0) - (prev.means[side] or 0.0)) for side in SIDES}
    return result


# -- the finding -----------------------------------------------------------------------------------------


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@rule(RULE_ID, N_("Alignment gap"), "alignment")
def alignment_gap(idx: DocIndex, tr: Translator) -> Iterator[Finding]:
    """(A) Marketing and Sales score a statement of the alignment check far apart.

    Keyed by the statement alone, so the finding (and the room's votes on
    it) carries over from one round to the next, and vanishes when a later
    round brings the sides together.
    """
    result = latest_shown(idx.alignment)
    if result is None:
        return
    for r in result.large_gaps():
        statement = r.statement.text(tr.lang) or r.statement.id
        m, s = r.means[Side.MARKETING], r.means[Side.SALES]
        yield Finding(
            RULE_ID, (),
            tr("The sides see it differently: {statement}", statement=_short(statement)),
            tr("On “{statement}” Marketing scores {marketing} of 5 on average and Sales {sales} (round “{round}”). "
               "A gap of {gap} points: the two sides do not experience this part of their collaboration the same "
               "way.", statement=statement, marketing=format_number(m, tr.lang, 1),
               sales=format_number(s, tr.lang, 1), round=result.round.name or result.round.id,
               gap=format_number(abs(r.gap or 0.0), tr.lang, 1)),
            tr(DIMENSION_LEVERS[r.statement.dimension]),
            key_ids=(r.statement.id,),
        )


# -- for the CLI and the minutes -------------------------------------------------------------------------


def _rounded(value: float | None, digits: int = 1) -> float | None:
    return None if value is None else round(value, digits)


def alignment_summary(doc: Workshop) -> dict[str, Any]:
    """The check as plain JSON-ready data: per round and side the respondents, score and stage.

    A side with too few respondents has ``"too_few": true`` and no score,
    stage or profile. ``largest_gaps`` are the round's gaps at or above
    :data:`GAP_THRESHOLD`, largest first. ``change`` compares each round with
    the one before it. Only aggregates appear; never one respondent's answers.
    """
    rounds = score_rounds(doc.alignment)
    out: list[dict[str, Any]] = []
    previous: RoundResult | None = None
    for result in rounds:
        sides: dict[str, Any] = {}
        for side, sr in result.sides.items():
            sides[side.value] = {
                "respondents": sr.respondents, "too_few": sr.too_few, "score": _rounded(sr.score),
                "stage": sr.stage, "scaled": sr.scaled,
                "profile": {dim.value: _rounded(mean, 2) for dim, mean in sr.profile.items()},
            }
        entry: dict[str, Any] = {
            "id": result.round.id, "name": result.round.name,
            "date": result.round.date.isoformat() if result.round.date else None, "sides": sides,
            "largest_gaps": [{"statement_id": r.statement.id, "dimension": r.statement.dimension.value,
                              "marketing": _rounded(r.means[Side.MARKETING], 2),
                              "sales": _rounded(r.means[Side.SALES], 2), "gap": _rounded(r.gap, 2)}
                             for r in result.large_gaps()],
        }
        if previous is not None:
            entry["change_since"] = previous.round.id
            entry["change"] = {side.value: _rounded(c.delta) for side, c in changes(previous, result).items()}
        out.append(entry)
        if has_a_side(result):
            previous = result
    return {"statements": len(doc.alignment.statements), "gap_threshold": GAP_THRESHOLD,
            "min_respondents": MIN_RESPONDENTS, "rounds": out}
