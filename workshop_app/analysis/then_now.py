"""Then vs now: the earlier workshop's conflicts and alignment beside the follow-up's.

Conflicts are matched by their stable id (a detected finding's id is its
rule and the ids of the elements that define it; a declared conflict's id is
its record's), and, where ids differ, by rule and involved element ids. The
follow-up carries the earlier graph with its ids, so a conflict the room has
not touched since is "still there"; one whose cause the room removed is
"gone"; one that the follow-up's changes brought about is "new".

Findings that had already vanished in the earlier workshop (solved there by
a change) were not part of its state and are not in the snapshot.

The alignment check compares the earlier workshop's last round (carried
into the follow-up) with the follow-up's latest round that has a side to
show, per side (score, stage) and per statement (each side's mean).
"""

from __future__ import annotations

from dataclasses import dataclass

from workshop_app.analysis.alignment import SIDES, RoundResult, has_a_side, score_round
from workshop_app.analysis.conflicts import ConflictView, conflict_views
from workshop_app.model import AlignmentStatement, Side, ThenConflict, Triage, Workshop


def _current(views: list[ConflictView]) -> list[ConflictView]:
    """The conflicts the analysis finds in the state itself (not records whose findings vanished)."""
    return [v for v in views if not v.resolved_by_change]


def conflict_snapshot(doc: Workshop) -> list[ThenConflict]:
    """The conflicts of ``doc`` as plain data, titled in both languages: the "then" a follow-up keeps."""
    english = _current(conflict_views(doc, "en"))
    german = {v.id: v for v in _current(conflict_views(doc, "de"))}
    return [ThenConflict(id=v.id, rule=v.rule, element_ids=list(v.element_ids), title_en=v.title,
                         title_de=german[v.id].title if v.id in german else v.title,
                         triage=Triage.TAKEN_UP if v.taken_up else v.triage, status=v.status)
            for v in english]


@dataclass(frozen=True)
class StillThere:
    then: ThenConflict
    now: ConflictView


@dataclass(frozen=True)
class ConflictsThenNow:
    gone: list[ThenConflict]
    still: list[StillThere]
    new: list[ConflictView]


def _key(rule: str, element_ids) -> tuple[str, frozenset[str]]:
    return rule, frozenset(element_ids)


def compare_conflicts(then: list[ThenConflict], now: list[ConflictView]) -> ConflictsThenNow:
    """Which of ``then`` are gone, which still there (with their view now), and which of ``now`` are new."""
    current = _current(now)
    by_id = {v.id: v for v in current}
    by_key = {_key(v.rule, v.element_ids): v for v in current}
    gone: list[ThenConflict] = []
    still: list[StillThere] = []
    matched: set[str] = set()
    for old in then:
        view = by_id.get(old.id) or by_key.get(_key(old.rule, old.element_ids))
        if view is None or view.id in matched:
            gone.append(old)
        else:
            matched.add(view.id)
            still.append(StillThere(old, view))
    return ConflictsThenNow(gone, still, [v for v in current if v.id not in matched])


def conflicts_then_now(doc: Workshop, lang: str = "en",
                       views: list[ConflictView] | None = None) -> ConflictsThenNow | None:
    """The comparison for a follow-up workshop (None for one that is no follow-up)."""
    if doc.follow_up is None:
        return None
    return compare_conflicts(doc.follow_up.then_conflicts, conflict_views(doc, lang) if views is None else views)


# -- alignment -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StatementThenNow:
    statement: AlignmentStatement
    then: dict[Side, float | None]
    now: dict[Side, float | None]

    def change(self, side: Side) -> float | None:
        before, after = self.then[side], self.now[side]
        return None if before is None or after is None else after - before


@dataclass(frozen=True)
class AlignmentThenNow:
    then: RoundResult
    now: RoundResult
    statements: list[StatementThenNow]

    def score_change(self, side: Side) -> float | None:
        before, after = self.then.sides[side].score, self.now.sides[side].score
        return None if before is None or after is None else after - before


def alignment_then_now(doc: Workshop) -> AlignmentThenNow | None:
    """The earlier round against the follow-up's latest round with a side to show; None when either is missing."""
    follow_up = doc.follow_up
    if follow_up is None or follow_up.earlier_round_id is None:
        return None
    ids = [r.id for r in doc.alignment.rounds]
    if follow_up.earlier_round_id not in ids:
        return None
    then = score_round(doc.alignment, follow_up.earlier_round_id)
    later = ids[ids.index(follow_up.earlier_round_id) + 1:]
    now = next((r for r in (score_round(doc.alignment, i) for i in reversed(later)) if has_a_side(r)), None)
    if now is None or not has_a_side(then):
        return None
    old = {r.statement.id: r for r in then.statements}
    rows = [StatementThenNow(r.statement, dict(old[r.statement.id].means) if r.statement.id in old
                             else dict.fromkeys(SIDES), dict(r.means)) for r in now.statements]
    return AlignmentThenNow(then, now, rows)
