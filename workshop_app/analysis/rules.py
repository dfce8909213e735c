"""The detected-conflict rules of DESIGN §3, as pure functions of the indexed graph.

The registry lives in :mod:`workshop_app.analysis.registry`; the rules
themselves in one module per lever, imported here in the order findings are
listed:

* :mod:`~workshop_app.analysis.rules_incentives` — misaligned incentives,
  incentives in (one-sided) conflict, incentives that never meet;
* :mod:`~workshop_app.analysis.rules_horizons` — the horizon gap between pay
  and goals along the whole chain;
* :mod:`~workshop_app.analysis.rules_budget` — one pot, judged by money;
* :mod:`~workshop_app.analysis.rules_goals` — silos, owners, measurable shared
  goals, cycles;
* :mod:`~workshop_app.analysis.rules_agreements` — handover agreements;
* :mod:`~workshop_app.analysis.rules_channels` — poor, undefined and missing channels;
* :mod:`~workshop_app.analysis.rules_culture` — beliefs, the pilot, restructuring.

Each rule takes a :class:`DocIndex` and a :class:`Translator` and yields
findings; none looks at anything but the document, so the same document
always gives the same findings (in the same order: rules in registry order,
each rule's findings sorted by id). Every rule is linear in elements + links.

Thresholds come from the workshop (``Workshop.analysis``, an
:class:`~workshop_app.model.AnalysisSettings`, read through
``DocIndex.settings``); the defaults are:

* ``period_ratio`` = **4** — an incentive is "much shorter" than a goal's
  horizon when the horizon is at least 4 × the period: a quarterly commission
  on a one-year goal pays out four times before anyone can see whether the
  goal was reached;
* ``poor_channel_rating`` = **2** — a channel its receiving side rates 2 of 5
  or less is poor;
* ``split_share_percent`` = **50** — a shared goal is funded from split pots
  when more than half its money comes from the departments' own budgets.
"""

from __future__ import annotations

from workshop_app.analysis import registry
from workshop_app.analysis.findings import Finding
from workshop_app.analysis.index import DocIndex
from workshop_app.analysis.registry import LEVERS, REGISTRY, Rule, RuleSpec, about, rule
from workshop_app.model import AnalysisSettings
from workshop_app.vocabulary import Translator

# The rule modules register their rules on import, in the order findings are listed (so: not sorted).
# isort: off
from workshop_app.analysis import rules_incentives  # noqa: F401
from workshop_app.analysis import rules_horizons  # noqa: F401
from workshop_app.analysis import rules_budget  # noqa: F401
from workshop_app.analysis import rules_goals  # noqa: F401
from workshop_app.analysis import rules_agreements  # noqa: F401
from workshop_app.analysis import rules_channels  # noqa: F401
from workshop_app.analysis import rules_culture  # noqa: F401
from workshop_app.analysis import alignment  # noqa: F401 — the alignment check's gap rule, with its scoring
# isort: on

__all__ = ["DEFAULTS", "LEVERS", "REGISTRY", "RULES", "RULE_IDS", "Rule", "RuleSpec", "about", "detect", "rule",
           "rule_spec"]

#: The documented default thresholds (a workshop may override them in ``Workshop.analysis``).
DEFAULTS = AnalysisSettings()

#: Every detected-conflict rule function, in the order findings are listed (derived from the registry).
RULES: tuple[Rule, ...] = tuple(spec.detect for spec in REGISTRY.values())

#: The rule ids a finding (and a ``Conflict.rule``) can carry, besides ``declared``.
RULE_IDS: tuple[str, ...] = tuple(REGISTRY)


def rule_spec(rule_id: str) -> RuleSpec | None:
    """The registered rule of that id (None for ``declared`` and for ids of other versions)."""
    return registry.REGISTRY.get(rule_id)


def detect(idx: DocIndex, tr: Translator) -> list[Finding]:
    """All detected conflicts: rules in order, each rule's findings sorted by id."""
    findings: list[Finding] = []
    for spec in registry.REGISTRY.values():
        found = sorted(spec.detect(idx, tr), key=lambda f: f.id)
        assert all(f.rule == spec.id for f in found), f"rule {spec.id} yielded findings of another rule"
        findings.extend(found)
    return findings
