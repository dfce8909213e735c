"""What a what-if scenario would do to the findings: which vanish, which appear, which change.

Pure functions of two workshops (today and the scenario's working copy), so
the Conflicts page, the projector, the minutes and ``tandem check --scenario``
all show the same difference. A finding is the same finding in both when its
id is (the id is made from the rule and the elements that define it); it
*changed* when it involves other elements or explains itself differently.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from workshop_app.analysis.conflicts import find_conflicts
from workshop_app.analysis.findings import Finding
from workshop_app.model.scenario import Scenario
from workshop_app.model.scenario_edits import SkippedEdit, working_copy
from workshop_app.model.workshop import Workshop


class FindingLike(Protocol):
    """A finding, or a conflict view of one (the pages diff the views they already have)."""

    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def explanation(self) -> str: ...
    @property
    def element_ids(self) -> tuple[str, ...]: ...


@dataclass
class FindingsDiff:
    """Today's findings against a scenario's, by finding id, each list in the order its side lists them."""

    vanished: list[FindingLike] = field(default_factory=list)
    appeared: list[FindingLike] = field(default_factory=list)
    changed: list[tuple[FindingLike, FindingLike]] = field(default_factory=list)  # (today, scenario)
    kept: list[FindingLike] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.vanished or self.appeared or self.changed)

    @property
    def status_by_id(self) -> dict[str, str]:
        """'vanished', 'appeared', 'changed' or 'kept' per finding id (for marking rows and nodes)."""
        marks = {f.id: "kept" for f in self.kept}
        marks.update({f.id: "vanished" for f in self.vanished})
        marks.update({f.id: "appeared" for f in self.appeared})
        marks.update({after.id: "changed" for _before, after in self.changed})
        return marks


def _same(a: FindingLike, b: FindingLike) -> bool:
    return set(a.element_ids) == set(b.element_ids) and a.explanation == b.explanation and a.title == b.title


def diff_findings(today: Sequence[FindingLike], scenario: Sequence[FindingLike]) -> FindingsDiff:
    """The difference of two lists of findings (see the module docstring)."""
    before = {f.id: f for f in today}
    after = {f.id: f for f in scenario}
    result = FindingsDiff()
    for finding in today:
        other = after.get(finding.id)
        if other is None:
            result.vanished.append(finding)
        elif _same(finding, other):
            result.kept.append(finding)
        else:
            result.changed.append((finding, other))
    result.appeared = [f for f in scenario if f.id not in before]
    return result


def diff_workshops(today: Workshop, scenario_copy: Workshop, lang: str = "en") -> FindingsDiff:
    return diff_findings(find_conflicts(today, lang), find_conflicts(scenario_copy, lang))


@dataclass
class ScenarioOutcome:
    """A stored scenario replayed onto today's workshop: its working copy, the findings' difference, misfits."""

    scenario: Scenario
    copy: Workshop
    diff: FindingsDiff
    skipped: list[SkippedEdit]


def scenario_outcome(doc: Workshop, scenario: Scenario, lang: str = "en",
                     today: Sequence[Finding] | None = None) -> ScenarioOutcome:
    """Replay ``scenario`` onto ``doc`` (never touched) and compare the findings; pass ``today`` if at hand."""
    copy, skipped = working_copy(scenario, doc)
    before = list(today) if today is not None else find_conflicts(doc, lang)
    return ScenarioOutcome(scenario, copy, diff_findings(before, find_conflicts(copy, lang)), skipped)
