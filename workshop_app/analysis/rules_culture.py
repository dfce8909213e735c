"""Culture patterns and the protected-space pilot: analysis before restructuring.

* ``belief-without-mitigation`` — a belief with expected resistance and no
  mitigation: the room saw the resistance coming and planned nothing for it.
* ``pilot-incomplete`` — what makes the pilot a protected space. Checked only
  once a pilot has been started (any of its fields filled in: an empty pilot
  in the morning is no gap, it is the afternoon's agenda). One finding per gap,
  keyed by the gap (``rule-pilot-incomplete:<gap>``), each listing what is missing:

  ``team``        a team from both sides (participants on Marketing *and* Sales);
  ``problem``     the problem it addresses;
  ``hypothesis``  a testable hypothesis: the hypothesis, its metric, baseline,
                  target and time frame (duration in weeks);
  ``slice``       its own slice: a budget above 0 and a data slice;
  ``dates``       a start date and a review date (a review before the start is none).
* ``restructuring-before-pilot`` — a decision marked as restructuring that is
  dated before the pilot's review date, or taken while no pilot review is
  planned. An undated decision counts as taken on the workshop's date (and as
  early when the workshop has no date either).
"""

from __future__ import annotations

from collections.abc import Iterator

from workshop_app.analysis.findings import Finding
from workshop_app.analysis.index import DocIndex
from workshop_app.analysis.registry import DEPARTMENTS, SUBJECT_CHARS, about, blank, listing, rule
from workshop_app.i18n import N_
from workshop_app.model import Pilot
from workshop_app.vocabulary import Translator

#: Pilot fields that, once any is filled in, mean a pilot has been started.
STARTED_BY = ("title", "team", "problem", "hypothesis", "metric", "baseline", "target", "start_date",
              "duration_weeks", "budget_amount", "data_slice", "review_date")


def pilot_started(pilot: Pilot) -> bool:
    """Whether any field of the pilot is filled in (blank text is not)."""
    for name in STARTED_BY:
        value = getattr(pilot, name)
        if value if not isinstance(value, str) else not blank(value):
            return True
    return False


@rule("belief-without-mitigation", N_("Resistance without mitigation"), "culture")
def belief_without_mitigation(idx: DocIndex, tr: Translator) -> Iterator[Finding]:
    """A belief with expected resistance and no mitigation."""
    for belief in idx.of_kind("belief"):
        if blank(belief.resistance) or not blank(belief.mitigation):
            continue
        yield Finding(
            "belief-without-mitigation", (belief.id,),
            about(tr, N_("Resistance foreseen, nothing planned"), belief),
            tr("{side} holds the belief {belief} and the room expects resistance ({resistance}), but no "
               "mitigation is planned. Foreseen resistance that nobody addresses stops the change anyway.",
               side=tr.side(belief.side), belief=tr.name(belief), resistance=tr.quote(belief.resistance.strip())),
            tr("Plan the mitigation: who talks to whom, which evidence or small win answers {belief}.",
               belief=tr.name(belief)),
        )


#: Why each gap matters, said for that gap (a missing date is no question of the team).
_WHY = {
    "team": N_("A pilot run by one side proves nothing to the other; its result convinces nobody across the fence."),
    "problem": N_("Without a named problem the room cannot tell afterwards whether the pilot solved anything."),
    "hypothesis": N_("Without a testable hypothesis the result is an opinion: nobody can say whether it held."),
    "slice": N_("A protected space needs its own money and data; on the departments' running budgets and "
                "reports it competes with the quarter and is measured by the old figures."),
    "dates": N_("Without dates in the calendar a pilot drifts, and the decision it should inform is taken "
                "without it."),
}


def _pilot_gaps(idx: DocIndex, tr: Translator) -> list[tuple[str, str, list[str], str]]:
    """(gap key, title, what is missing, lever) for each gap of a started pilot."""
    pilot = idx.pilot
    gaps = []
    sides = {idx.side_of(p) for p in pilot.team}
    missing = [tr.side(s) for s in DEPARTMENTS if s not in sides]
    if missing:
        gaps.append(("team", N_("Pilot team not from both sides"), [tr("team members from {sides}",
                     sides=listing(tr, missing))],
                     tr("Staff the pilot from both sides: a small team with people from Marketing and Sales.")))
    if blank(pilot.problem):
        gaps.append(("problem", N_("Pilot without a problem"), [tr("the problem it addresses")],
                     tr("Name the problem the pilot addresses, in the words of both sides.")))
    testable = [tr(name) for name, value in ((N_("a hypothesis"), pilot.hypothesis), (N_("a metric"), pilot.metric),
                                            (N_("a baseline"), pilot.baseline), (N_("a target"), pilot.target))
                if blank(value)]
    if not pilot.duration_weeks:
        testable.append(tr("a time frame"))
    if testable:
        gaps.append(("hypothesis", N_("Pilot hypothesis not testable"), testable,
                     tr("Make the hypothesis testable: if we do X, metric Y moves from the baseline to the target "
                        "within Z weeks.")))
    slice_ = [] if pilot.budget_amount else [tr("its own budget")]
    if blank(pilot.data_slice):
        slice_.append(tr("a data slice"))
    if slice_:
        gaps.append(("slice", N_("Pilot without its own budget and data"), slice_,
                     tr("Give the pilot its own slice: a budget it decides on and the data it is measured with, "
                        "apart from the departments' running business.")))
    dates = [] if pilot.start_date else [tr("a start date")]
    if pilot.review_date is None or (pilot.start_date and pilot.review_date < pilot.start_date):
        dates.append(tr("a review date after the start"))
    if dates:
        gaps.append(("dates", N_("Pilot without start or review date"), dates,
                     tr("Put the pilot in the calendar: when it starts and when the room reviews its result.")))
    return gaps


@rule("pilot-incomplete", N_("Pilot not yet a protected space"), "pilot")
def pilot_incomplete(idx: DocIndex, tr: Translator) -> Iterator[Finding]:
    """Each gap of a started pilot: team from both sides, problem, testable hypothesis, own slice, dates."""
    if not pilot_started(idx.pilot):
        return
    name = tr.quote(idx.pilot.title.strip()) if not blank(idx.pilot.title) else tr("The pilot")
    for key, title, missing, lever in _pilot_gaps(idx, tr):
        yield Finding(
            "pilot-incomplete", (),
            tr(title),
            tr("{pilot} lacks {missing}.", pilot=name, missing=listing(tr, missing)) + " " + tr(_WHY[key]),
            lever,
            key_ids=(key,),
        )


def _titled(title: str, subject: str) -> str:
    if len(subject) > SUBJECT_CHARS:
        subject = subject[: SUBJECT_CHARS - 1].rstrip() + "…"
    return f"{title}: {subject}"


@rule("restructuring-before-pilot", N_("Restructuring before the pilot is reviewed"), "pilot")
def restructuring_before_pilot(idx: DocIndex, tr: Translator) -> Iterator[Finding]:
    """A restructuring decision taken before the pilot's review date, or with no pilot review planned."""
    review = idx.pilot.review_date if pilot_started(idx.pilot) else None
    for decision in idx.decisions:
        if not decision.restructuring:
            continue
        day = decision.date or idx.workshop_date
        if review is not None and day is not None and day >= review:
            continue
        text = (decision.text.strip() or decision.id)
        if review is None:
            why = tr("No pilot review is planned, so the change is made before anything was tested.")
        else:
            why = tr("The pilot is reviewed on {review}, after it.", review=tr.date(review))
        yield Finding(
            "restructuring-before-pilot", (),
            _titled(tr("Restructuring decided before the pilot is reviewed"), text),
            tr("The decision {decision} restructures the organisation. {why} Analysis comes before "
               "restructuring: a new structure built on an untested hypothesis is hard to undo.",
               decision=tr.quote(text), why=why),
            tr("Test first: let the pilot answer the hypothesis, and take the restructuring decision at its "
               "review — or make the decision conditional on the result."),
            key_ids=(decision.id,),
        )
