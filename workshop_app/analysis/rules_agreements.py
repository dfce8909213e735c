"""Agreements: what the sides promise each other about the handover between them.

* ``shared-goal-without-agreement`` — a shared goal whose work passes between
  the sides with nothing agreed on how. A shared goal is covered when it
  ``depends_on`` an agreement (the link says which agreement governs its
  handover), or when the workshop has a general agreement: one whose parties
  are both Marketing and Sales and that no goal is linked to (it governs every
  handover). An agreement linked to one goal covers that goal only.
* ``agreement-incomplete`` — an agreement without an owner, a metric, a review
  date, a commitment (what is promised), or without both Marketing and Sales
  among its parties. One finding per agreement, listing what is missing: an
  agreement nobody owns, measures or reviews is a wish, and an empty one would
  otherwise cover every shared goal.
"""

from __future__ import annotations

from collections.abc import Iterator

from workshop_app.analysis.findings import Finding
from workshop_app.analysis.index import DocIndex
from workshop_app.analysis.registry import DEPARTMENTS, about, blank, listing, rule
from workshop_app.i18n import N_
from workshop_app.model import GoalLevel, LinkKind
from workshop_app.vocabulary import AGREEMENT_TYPE_NAMES, Translator


def _both_sides(agreement) -> bool:
    return set(DEPARTMENTS) <= set(agreement.parties)


@rule("shared-goal-without-agreement", N_("Shared goal without a handover agreement"), "agreements")
def shared_goal_without_agreement(idx: DocIndex, tr: Translator) -> Iterator[Finding]:
    """A shared goal with no agreement on how the sides hand work to each other."""
    agreements = idx.of_kind("agreement")
    general = any(_both_sides(a) and not idx.into[LinkKind.DEPENDS_ON].get(a.id) for a in agreements)
    if general:
        return
    for goal in idx.goals():
        if goal.level != GoalLevel.SHARED:
            continue
        if any(idx.elements[t].kind == "agreement" for t in idx.targets(LinkKind.DEPENDS_ON, goal.id)):
            continue
        yield Finding(
            "shared-goal-without-agreement", (goal.id,),
            about(tr, N_("No agreement on the handover"), goal),
            tr("Shared goal {goal} needs work from both sides, but nothing is agreed on how they hand it to each "
               "other: what counts as a qualified lead, who follows up within how long, who decides. Without "
               "that, each side blames the other's half.", goal=tr.name(goal)),
            tr("Agree the handover: a lead definition or a service level between Marketing and Sales, linked to "
               "{goal} (the goal depends on it).", goal=tr.name(goal)),
        )


@rule("agreement-incomplete", N_("Incomplete agreement"), "agreements")
def agreement_incomplete(idx: DocIndex, tr: Translator) -> Iterator[Finding]:
    """An agreement without owner, metric, review date, commitment, or without both sides as parties."""
    for agreement in idx.of_kind("agreement"):
        missing = []
        if blank(agreement.commitment):
            missing.append(tr("what is promised"))
        if not _both_sides(agreement):
            missing.append(tr("both Marketing and Sales as parties"))
        if not agreement.owner or agreement.owner not in idx.participant_side:
            missing.append(tr("an owner"))
        if blank(agreement.metric):
            missing.append(tr("a metric"))
        if agreement.review_date is None:
            missing.append(tr("a review date"))
        if not missing:
            continue
        kind = tr.label(AGREEMENT_TYPE_NAMES, agreement.agreement_type)
        yield Finding(
            "agreement-incomplete", (agreement.id,),
            about(tr, N_("Agreement not yet binding"), agreement),
            tr("Agreement {agreement} ({kind}) lacks {missing}. An agreement that nobody owns, measures and "
               "reviews is kept for a week and then forgotten.", agreement=tr.name(agreement), kind=kind,
               missing=listing(tr, missing)),
            tr("Complete {agreement}: both sides as parties, an owner, how keeping it is measured, and the date "
               "the room looks at it again.", agreement=tr.name(agreement)),
        )
