"""The built-in demo workshop: loads in both languages, same structure, rich content.

The demo is what a first-time user sees, so these tests pin down that it
shows every part of the workshop (DESIGN §1–§3), tells the seed's story
(umbrella topic vs whitepaper commission, quarterly pay vs a long brand
horizon, the deck nobody reads replaced, one pot from the two budgets, the
lead hand-over agreed, the nurturing pilot) and stands at the end of the
day: every phase done, the room's conflicts triaged (issue 18.6).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

import pytest

from workshop_app import paths
from workshop_app.model import (
    ActionStatus,
    Agreement,
    AgreementType,
    Budget,
    Channel,
    ConflictStatus,
    Goal,
    GoalLevel,
    Incentive,
    IncentiveType,
    LinkKind,
    Origin,
    Phase,
    Side,
    Triage,
    Workshop,
)
from workshop_app.store.demo import demo_path, load_demo
from workshop_app.store.document_file import to_json_bytes

LANGS = ("de", "en")
MAX_TITLE = 45

# Fields holding free user text, which the two language files translate.
ELEMENT_TEXT = {"title", "notes", "metric", "unit", "how", "role", "rewards_what", "purpose", "format",
                "cadence", "source", "resistance", "mitigation", "commitment", "within"}
CONFLICT_TEXT = {"title", "explanation", "resolution", "set_aside_reason", "vanished_by"}
DECISION_TEXT = {"text", "rationale", "decided_by"}
PILOT_TEXT = {"title", "problem", "hypothesis", "metric", "data_slice", "baseline", "target"}


@pytest.fixture(scope="module")
def demos() -> dict[str, Workshop]:
    return {lang: load_demo(lang) for lang in LANGS}


@pytest.fixture(scope="module")
def doc(demos) -> Workshop:
    return demos["de"]


# ---------------------------------------------------------------- helpers


def of_kind(doc: Workshop, cls: type) -> list:
    return [el for el in doc.elements if isinstance(el, cls)]


def links(doc: Workshop, kind: LinkKind) -> list:
    return [link for link in doc.links if link.kind == kind]


def goals(doc: Workshop, level: GoalLevel | None = None, origin: Origin | None = None) -> list[Goal]:
    return [g for g in of_kind(doc, Goal)
            if (level is None or g.level == level) and (origin is None or g.origin == origin)]


def participant_sides(doc: Workshop, ids: Iterable[str]) -> set[Side]:
    return {doc.participant(pid).side for pid in ids}


def reaches_shared_or_strategy(doc: Workshop, goal_id: str) -> bool:
    """Does the goal contribute, directly or transitively, to a shared goal or a strategy?"""
    parents: dict[str, list[str]] = {}
    for link in links(doc, LinkKind.CONTRIBUTES_TO):
        parents.setdefault(link.source, []).append(link.target)
    seen, todo = set(), list(parents.get(goal_id, []))
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        el = doc.element(current)
        if el.kind == "strategy" or (el.kind == "goal" and el.level == GoalLevel.SHARED):
            return True
        todo.extend(parents.get(current, []))
    return False


def digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


# ------------------------------------------------------------- loading


@pytest.mark.parametrize("lang", LANGS)
def test_demo_file_exists_and_loads(lang):
    path = paths.resources_dir() / "demo" / f"demo.{lang}.workshop.json"
    assert path.is_file()
    assert demo_path(lang) == path
    doc = load_demo(lang)
    assert doc.meta.language == lang
    assert len(doc.elements) > 30


@pytest.mark.parametrize("lang", LANGS)
def test_demo_file_is_canonical(lang):
    """The shipped file is exactly what the writer produces (generated, not hand-edited)."""
    path = demo_path(lang)
    assert to_json_bytes(load_demo(lang)) == path.read_bytes()


@pytest.mark.parametrize("lang", ["fr", "", "xx", "../de", "DE_at"])
def test_unknown_language_falls_back_to_german(lang):
    assert demo_path(lang).name == "demo.de.workshop.json"
    assert load_demo(lang).meta.language == "de"


@pytest.mark.parametrize(("lang", "expected"), [("en_GB", "en"), ("en-US", "en"), ("EN", "en"), ("de_DE.UTF-8", "de")])
def test_locale_names_pick_the_language(lang, expected):
    assert load_demo(lang).meta.language == expected


def test_default_language_is_german():
    assert load_demo().meta.language == "de"


def test_each_load_is_a_fresh_copy():
    first = load_demo("en")
    first.elements.clear()
    assert load_demo("en").elements


# ------------------------------------------------- the two languages agree


def test_languages_have_identical_structure(demos):
    de, en = demos["de"], demos["en"]
    assert de.meta.model_dump(exclude={"title", "venue", "facilitator", "language"}) == \
        en.meta.model_dump(exclude={"title", "venue", "facilitator", "language"})
    assert [p.model_dump(exclude={"role"}) for p in de.participants] == \
        [p.model_dump(exclude={"role"}) for p in en.participants]
    assert de.agenda == en.agenda
    assert [el.model_dump(exclude=ELEMENT_TEXT) for el in de.elements] == \
        [el.model_dump(exclude=ELEMENT_TEXT) for el in en.elements]
    assert [link.model_dump(exclude={"reason"}) for link in de.links] == \
        [link.model_dump(exclude={"reason"}) for link in en.links]
    assert [c.model_dump(exclude=CONFLICT_TEXT) for c in de.conflicts] == \
        [c.model_dump(exclude=CONFLICT_TEXT) for c in en.conflicts]
    assert [d.model_dump(exclude=DECISION_TEXT) for d in de.decisions] == \
        [d.model_dump(exclude=DECISION_TEXT) for d in en.decisions]
    assert [a.model_dump(exclude={"what"}) for a in de.actions] == \
        [a.model_dump(exclude={"what"}) for a in en.actions]
    assert de.pilot.model_dump(exclude=PILOT_TEXT) == en.pilot.model_dump(exclude=PILOT_TEXT)
    assert [p.model_dump(exclude={"text"}) for p in de.parking_lot] == \
        [p.model_dump(exclude={"text"}) for p in en.parking_lot]
    assert de.alignment.model_dump(exclude={"rounds": {"__all__": {"name"}}}) == \
        en.alignment.model_dump(exclude={"rounds": {"__all__": {"name"}}})


def test_languages_have_the_same_numbers(demos):
    de, en = demos["de"], demos["en"]
    for g_de, g_en in zip(of_kind(de, Goal), of_kind(en, Goal), strict=True):
        assert (g_de.baseline, g_de.target) == (g_en.baseline, g_en.target), g_de.id
    assert digits(de.pilot.baseline) == digits(en.pilot.baseline)
    assert digits(de.pilot.target) == digits(en.pilot.target)


def test_user_text_is_translated(demos):
    de, en = demos["de"], demos["en"]
    assert de.meta.title != en.meta.title
    assert de.meta.venue != en.meta.venue
    for el_de, el_en in zip(de.elements, en.elements, strict=True):
        assert el_de.title != el_en.title, el_de.id
        if el_de.notes:
            assert el_de.notes != el_en.notes, el_de.id
    for a, b in zip(de.participants, en.participants, strict=True):
        assert a.name == b.name and a.role != b.role, a.id
    for a, b in zip(de.links, en.links, strict=True):
        if a.reason:
            assert a.reason != b.reason, a.id
    for a, b in zip(de.conflicts, en.conflicts, strict=True):
        assert a.title != b.title and a.explanation != b.explanation, a.id
    for a, b in zip(de.decisions, en.decisions, strict=True):
        assert a.text != b.text and a.rationale != b.rationale, a.id
    for a, b in zip(de.actions, en.actions, strict=True):
        assert a.what != b.what, a.id
    for a, b in zip(de.parking_lot, en.parking_lot, strict=True):
        assert a.text != b.text, a.id
    assert de.pilot.hypothesis != en.pilot.hypothesis


def test_english_element_text_has_no_german_letters(demos):
    for el in demos["en"].elements:
        for field in ELEMENT_TEXT & set(type(el).model_fields):
            value = getattr(el, field)
            assert not set(value) & set("äöüÄÖÜß„"), f"{el.id}.{field}: {value}"


def test_german_text_uses_german_typography(demos):
    text = " ".join(el.title + " " + el.notes for el in demos["de"].elements)
    assert set(text) & set("äöüß")
    assert "„" in text and "“" in text


@pytest.mark.parametrize("lang", LANGS)
def test_element_titles_fit_the_projector(demos, lang):
    for el in demos[lang].elements:
        assert el.title.strip(), el.id
        assert len(el.title) <= MAX_TITLE, f"{el.id}: {el.title!r}"


# ----------------------------------------------------- setup and agenda


def test_meta_and_participants(doc):
    assert doc.meta.title and doc.meta.organisation and doc.meta.venue and doc.meta.facilitator
    assert doc.meta.date is not None and doc.meta.date.year == 2026
    assert 10 <= len(doc.participants) <= 12
    sides = [p.side for p in doc.participants]
    assert sides.count(Side.MARKETING) >= 4 and sides.count(Side.SALES) >= 4
    assert all(p.name and p.role for p in doc.participants)
    assert any(set(p.name) & set("äöüÄÖÜß") for p in doc.participants)


def test_agenda_is_done_at_the_end_of_the_day(doc):
    assert [item.phase for item in doc.agenda] == list(Phase)
    assert all(item.timebox_minutes > 0 for item in doc.agenda)
    assert all(item.done and item.actual_minutes for item in doc.agenda)
    assert any(item.actual_minutes != item.timebox_minutes for item in doc.agenda)  # real times, not the plan


def test_counts_per_kind(doc):
    counts: dict[str, int] = {}
    for el in doc.elements:
        counts[el.kind] = counts.get(el.kind, 0) + 1
    assert counts == {"strategy": 2, "goal": 15, "incentive": 5, "budget": 3, "channel": 9, "insight": 5,
                      "belief": 5, "agreement": 3}
    link_counts: dict[str, int] = {}
    for link in doc.links:
        link_counts[link.kind] = link_counts.get(link.kind, 0) + 1
    assert link_counts == {"contributes_to": 13, "rewards": 7, "funds": 6, "depends_on": 7, "conflicts_with": 2,
                           "pools": 2, "replaces": 2}
    assert 6 <= len(doc.conflicts) <= 14
    assert 5 <= len(doc.decisions) <= 8
    assert 6 <= len(doc.actions) <= 12
    assert 2 <= len(doc.parking_lot) <= 4


# ------------------------------------------------------------ goals


def test_shared_goals_are_broken_down_into_both_sides(doc):
    contributes = links(doc, LinkKind.CONTRIBUTES_TO)
    broken_down = 0
    for goal in goals(doc, GoalLevel.SHARED):
        assert goal.metric and goal.baseline and goal.target and goal.unit and goal.how, goal.id
        assert goal.horizon_months and goal.due_date and goal.owners, goal.id
        assert any(link.source == goal.id and doc.element(link.target).kind == "strategy" for link in contributes)
        children = [doc.element(link.source) for link in contributes if link.target == goal.id]
        child_sides = {c.side for c in children if c.level == GoalLevel.DEPARTMENT}
        if {Side.MARKETING, Side.SALES} <= child_sides:
            broken_down += 1
            assert participant_sides(doc, goal.owners) == {Side.MARKETING, Side.SALES}, goal.id
    assert broken_down >= 2


def test_goals_have_owners_metrics_and_dates(doc):
    for goal in of_kind(doc, Goal):
        assert goal.metric and goal.target and goal.horizon_months and goal.due_date and goal.owners, goal.id


def test_as_is_goals_of_both_sides(doc):
    as_is = goals(doc, origin=Origin.AS_IS)
    assert any(g.side == Side.SALES and g.horizon_months == 3 for g in as_is)  # quarterly quota
    assert any(g.side == Side.MARKETING and 24 <= g.horizon_months <= 36 for g in as_is)  # brand awareness
    assert any(g.side == Side.MARKETING and "MQL" in g.unit for g in as_is)


def test_breakdown_has_no_cycle(doc):
    for goal in of_kind(doc, Goal):
        seen, todo = set(), [goal.id]
        while todo:
            current = todo.pop()
            for link in links(doc, LinkKind.CONTRIBUTES_TO):
                if link.source == current:
                    assert link.target != goal.id, f"cycle through {goal.id}"
                    if link.target not in seen:
                        seen.add(link.target)
                        todo.append(link.target)


# ------------------------------------------------------ incentives, budgets


def test_incentives_of_both_sides_reward_goals(doc):
    rewarded = {link.source for link in links(doc, LinkKind.REWARDS)}
    incentives = of_kind(doc, Incentive)
    assert all(i.id in rewarded and i.role and i.rewards_what and i.period_months for i in incentives)
    assert any(i.side == Side.SALES and i.incentive_type == IncentiveType.COMMISSION and i.period_months == 3
               for i in incentives)
    assert any(i.side == Side.MARKETING and i.incentive_type == IncentiveType.BONUS and i.period_months == 12
               for i in incentives)
    perf = [i for i in incentives if i.incentive_type == IncentiveType.TARGET_AGREEMENT]
    assert perf and perf[0].side == Side.MARKETING
    targets = [doc.element(link.target) for link in links(doc, LinkKind.REWARDS) if link.source == perf[0].id]
    assert any("Whitepaper" in g.title for g in targets)


def test_separate_budgets_and_a_joint_pot(doc):
    budgets = {b.side: b for b in of_kind(doc, Budget)}
    assert set(budgets) == {Side.MARKETING, Side.SALES, Side.JOINT}
    assert all(b.amount and b.amount > 0 and b.currency == "EUR" and b.period_months == 12 for b in budgets.values())
    assert budgets[Side.JOINT].origin == Origin.AGREED
    funding = {link.source for link in links(doc, LinkKind.FUNDS)}
    assert all(b.id in funding for b in budgets.values())


def test_one_pot_formed_from_the_two_budgets(doc):
    """The seed's "one budget pot": agreed, starting later, formed (pools) from the Marketing and the Sales budget."""
    pot = next(b for b in of_kind(doc, Budget) if b.side == Side.JOINT)
    assert pot.origin == Origin.AGREED and pot.start_date and pot.start_date > doc.meta.date
    pooled = {doc.element(link.source).side for link in links(doc, LinkKind.POOLS) if link.target == pot.id}
    assert pooled == {Side.MARKETING, Side.SALES}
    funded = {link.target for link in links(doc, LinkKind.FUNDS) if link.source == pot.id}
    assert funded >= {"g-sh-pipeline", "g-sh-winrate"}
    assert "300" in digits(pot.notes) or "300" in str(int(pot.amount))
    decision = next(d for d in doc.decisions if d.id == "d-joint-pot")
    assert "300" in digits(decision.text)


# ------------------------------------------ the conflicts DESIGN §3 detects


def test_quarterly_sales_commission_rewards_long_horizon_goal(doc):
    hits = []
    for link in links(doc, LinkKind.REWARDS):
        incentive, goal = doc.element(link.source), doc.element(link.target)
        if (incentive.side == Side.SALES and incentive.incentive_type == IncentiveType.COMMISSION
                and incentive.period_months == 3 and goal.horizon_months >= 24):
            hits.append((incentive.id, goal.id))
    assert hits == [("i-sa-rev-comm", "g-mk-awareness")]


def test_the_split_pipeline_funding_was_resolved_by_the_pot(doc):
    """Until today the pipeline was funded from both sides' pots; the room replaced that by the joint pot,
    and the record of the finding says so (it shows as resolved by that change)."""
    funders: dict[str, set[Side]] = {}
    for link in links(doc, LinkKind.FUNDS):
        funders.setdefault(link.target, set()).add(doc.element(link.source).side)
    assert not [g.id for g in goals(doc, GoalLevel.SHARED) if {Side.MARKETING, Side.SALES} <= funders.get(g.id, set())]
    assert all(g.id in funders for g in goals(doc, GoalLevel.SHARED))  # no shared goal is unfunded
    record = next(c for c in doc.conflicts if c.id == "rule-split-budget:g-sh-pipeline")
    assert record.triage == Triage.TAKEN_UP and record.status == ConflictStatus.RESOLVED
    assert record.vanished_by and record.resolution and "d-joint-pot" in record.decision_ids


def test_silo_department_goals(doc):
    contributing = {link.source for link in links(doc, LinkKind.CONTRIBUTES_TO)}
    silos = [g.id for g in goals(doc, GoalLevel.DEPARTMENT) if g.id not in contributing]
    assert sorted(silos) == ["g-mk-wp-downloads", "g-sa-fair-contacts"]


def test_misaligned_incentive(doc):
    hits = [(link.source, link.target) for link in links(doc, LinkKind.REWARDS)
            if not reaches_shared_or_strategy(doc, link.target)]
    assert hits == [("i-mk-perf-ta", "g-mk-wp-downloads")]


def test_shared_goal_owned_by_one_side_only(doc):
    hits = [g.id for g in goals(doc, GoalLevel.SHARED) if len(participant_sides(doc, g.owners)) < 2]
    assert hits == ["g-sh-brand"]


def test_useless_as_is_channels_and_agreed_replacements(doc):
    channels = of_kind(doc, Channel)
    useless = [c for c in channels if c.origin == Origin.AS_IS and c.usefulness is not None and c.usefulness <= 1]
    assert {c.id for c in useless} == {"ch-strategy-deck", "ch-lead-excel"}
    replaced = {link.target: doc.element(link.source) for link in links(doc, LinkKind.REPLACES)}
    assert set(replaced) == {c.id for c in useless}  # the deck nobody reads and the Excel list are replaced
    assert all(new.origin == Origin.AGREED and new.to_side == Side.SALES for new in replaced.values())
    deck = doc.element("ch-strategy-deck")
    assert (deck.side, deck.to_side, deck.usefulness) == (Side.MARKETING, Side.SALES, 0)
    assert "50" in deck.format
    assert all(c.usefulness is not None for c in channels if c.origin == Origin.AS_IS)
    agreed = [c for c in channels if c.origin == Origin.AGREED]
    assert len(agreed) >= 3
    assert all(c.purpose and c.format and c.cadence and c.owner for c in agreed)
    directions = {(c.side, c.to_side) for c in agreed}
    assert (Side.MARKETING, Side.SALES) in directions and (Side.SALES, Side.MARKETING) in directions


def test_umbrella_campaign_conflict_is_declared(doc):
    link = next(link for link in doc.links if link.id == "l-x01")
    assert link.kind == LinkKind.CONFLICTS_WITH and link.reason
    topic_a, topic_b = doc.element(link.source), doc.element(link.target)
    assert topic_a.kind == topic_b.kind == "goal"
    # each topic is rewarded by a different side's incentive
    rewarders = {goal_id: {doc.element(r.source).side for r in links(doc, LinkKind.REWARDS) if r.target == goal_id}
                 for goal_id in (topic_a.id, topic_b.id)}
    assert rewarders == {topic_a.id: {Side.MARKETING}, topic_b.id: {Side.SALES}}
    # the performance marketing target sits on topic B too: the leads depend on the whitepaper downloads
    assert any(d.source == topic_b.id and d.target == "g-mk-wp-downloads" for d in links(doc, LinkKind.DEPENDS_ON))

    conflict = next(c for c in doc.conflicts if c.link_id == link.id)
    assert conflict.rule == "declared"
    assert conflict.element_ids == [link.source, link.target]
    assert conflict.status == "balanced"
    assert conflict.resolution and conflict.title and conflict.explanation
    assert len(conflict.votes) >= 3 and conflict.total_votes > len(conflict.votes)
    assert conflict.decision_ids and conflict.action_ids


def test_every_declared_link_has_its_conflict_record(doc):
    declared = {link.id: link for link in links(doc, LinkKind.CONFLICTS_WITH)}
    records = {c.link_id: c for c in doc.conflicts if c.rule == "declared"}
    assert set(records) == set(declared)
    for link_id, conflict in records.items():
        assert conflict.element_ids == [declared[link_id].source, declared[link_id].target]
        assert conflict.votes and conflict.triage == Triage.TAKEN_UP
        assert conflict.status == ConflictStatus.BALANCED and conflict.resolution and conflict.decision_ids


# -------------------------------------------------------- culture, pilot


def test_insights_and_beliefs(doc):
    insights = [el for el in doc.elements if el.kind == "insight"]
    assert len(insights) >= 3 and all(i.side == Side.SALES and i.source for i in insights)
    beliefs = [el for el in doc.elements if el.kind == "belief"]
    assert {b.side for b in beliefs} >= {Side.MARKETING, Side.SALES}
    assert all(b.resistance and b.mitigation for b in beliefs)


def test_pilot_is_complete(doc):
    pilot = doc.pilot
    assert pilot.title and pilot.problem and pilot.hypothesis and pilot.metric and pilot.data_slice
    assert pilot.baseline and pilot.target
    assert participant_sides(doc, pilot.team) == {Side.MARKETING, Side.SALES}
    assert pilot.start_date > doc.meta.date
    assert pilot.duration_weeks and pilot.budget_amount and pilot.budget_currency == "EUR"
    end = pilot.start_date + timedelta(weeks=pilot.duration_weeks)
    assert end <= pilot.review_date <= end + timedelta(days=14)
    joint_pot = next(b for b in of_kind(doc, Budget) if b.side == Side.JOINT)
    assert pilot.budget_amount <= joint_pot.amount


def test_pilot_hypothesis_in_english(demos):
    assert demos["en"].pilot.hypothesis == "Closed deals rise when leads pass a nurturing content track first."


# ------------------------------------------------------------ wrap-up


def test_decisions_actions_parking_lot(doc):
    assert all(d.text and d.rationale and d.decided_by and d.date == doc.meta.date for d in doc.decisions)
    assert all(a.what and a.owner and a.due_date and a.due_date >= doc.meta.date for a in doc.actions)
    assert {a.status for a in doc.actions} == set(ActionStatus)
    assert sum(a.element_id is not None for a in doc.actions) >= len(doc.actions) // 2
    weeks = {a.due_date.isocalendar()[:2] for a in doc.actions}
    assert len(weeks) >= 5
    assert len({a.owner for a in doc.actions}) >= 5
    assert participant_sides(doc, (a.owner for a in doc.actions)) == {Side.MARKETING, Side.SALES, Side.JOINT}
    assert all(p.text and p.raised_by for p in doc.parking_lot)


# ------------------------------------------------------------ agreements


def test_lead_handover_is_agreed(doc):
    """A definition of a qualified lead and a follow-up SLA, binding both sides, on which the shared goals rest."""
    agreements = {a.id: a for a in of_kind(doc, Agreement)}
    kinds = {a.agreement_type for a in agreements.values()}
    assert {AgreementType.DEFINITION, AgreementType.SERVICE_LEVEL} <= kinds
    for agreement in agreements.values():
        assert agreement.origin == Origin.AGREED
        assert set(agreement.parties) == {Side.MARKETING, Side.SALES}, agreement.id
        assert agreement.commitment and agreement.metric and agreement.owner, agreement.id
        assert agreement.review_date and agreement.review_date > doc.meta.date, agreement.id
    sla = next(a for a in agreements.values() if a.agreement_type == AgreementType.SERVICE_LEVEL
               and "48" in a.within)
    definition = next(a for a in agreements.values() if a.agreement_type == AgreementType.DEFINITION)
    depends = {(link.source, link.target) for link in links(doc, LinkKind.DEPENDS_ON)}
    assert ("g-sh-pipeline", definition.id) in depends and ("g-sh-pipeline", sla.id) in depends
    rests_on_agreement = {source for source, target in depends if target in agreements}
    assert rests_on_agreement == {g.id for g in goals(doc, GoalLevel.SHARED)}


# -------------------------------------------------- the end of the day (issue 18.6)


@pytest.fixture(scope="module")
def views(demos):
    from workshop_app.analysis import conflict_views

    return {lang: conflict_views(demos[lang], lang) for lang in LANGS}


def test_every_record_of_a_finding_still_matches_one(views):
    """A detected record whose finding is gone shows as "resolved by change": only where the room meant it."""
    for lang in LANGS:
        for view in views[lang]:
            if view.resolved_by_change:
                assert view.vanished_by and view.taken_up and view.resolution, (lang, view.id)


def test_the_rooms_conflicts_are_triaged_and_worked_on(doc, views):
    from workshop_app.analysis import count_conflicts

    en = views["en"]
    room = [v for v in en if v.taken_up]
    assert all(v.resolution for v in room), [v.id for v in room if not v.resolution]
    settled = [v for v in room if v.settled or v.resolved_by_change]
    assert {v.status for v in settled} >= {ConflictStatus.RESOLVED, ConflictStatus.BALANCED}
    assert all(v.record.decision_ids or v.record.action_ids for v in settled), [v.id for v in settled]
    assert any(v.status == ConflictStatus.PARKED for v in room)
    aside = [v for v in en if v.set_aside]
    assert aside and all(v.set_aside_reason for v in aside)
    counts = count_conflicts(en)
    assert counts.settled > counts.open + counts.parked  # a workshop that got somewhere
    assert 1 <= counts.new_findings <= 6  # a few left for follow-up, not an audit
    assert count_conflicts(views["de"]) == counts
    # what the room decided about each finding is in both languages
    for view_de, view_en in zip(views["de"], views["en"], strict=True):
        assert (view_de.id, view_de.triage, view_de.status) == (view_en.id, view_en.triage, view_en.status)


def test_actions_and_decisions_linked_from_conflicts_exist(doc):
    decisions = {d.id for d in doc.decisions}
    actions = {a.id for a in doc.actions}
    for conflict in doc.conflicts:
        assert set(conflict.decision_ids) <= decisions and set(conflict.action_ids) <= actions, conflict.id


def test_the_room_placed_no_more_dots_than_it_has(doc):
    allowance = doc.meta.dots_per_participant
    placed: dict[str, int] = {}
    for conflict in doc.conflicts:
        for participant, dots in conflict.votes.items():
            placed[participant] = placed.get(participant, 0) + dots
    assert all(dots <= allowance for dots in placed.values()), placed
    assert sum(c.total_votes for c in doc.conflicts) <= allowance * len(doc.participants)


def test_the_alignment_check_before_the_inventory(doc):
    """Both sides scored the standard statements; their largest gaps are the seed's diagnosis, and the room
    took each of them up."""
    from workshop_app.analysis.alignment import alignment_summary, standard_statements

    assert [st.id for st in doc.alignment.statements] == [st.id for st in standard_statements()]
    summary = alignment_summary(doc)
    (before,) = summary["rounds"]
    for side in ("marketing", "sales"):
        assert not before["sides"][side]["too_few"] and before["sides"][side]["stage"] == "defined"
    gaps = {gap["statement_id"] for gap in before["largest_gaps"] if abs(gap["gap"]) >= summary["gap_threshold"]}
    assert {"as-leads-1", "as-channels-2"} <= gaps  # a lead definition only Marketing knew of; the unread deck
    records = {c.id: c for c in doc.conflicts}
    for statement in gaps:
        record = records[f"rule-alignment-gap:{statement}"]
        assert record.triage == Triage.TAKEN_UP and record.resolution and record.decision_ids, statement
