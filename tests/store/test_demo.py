"""The built-in demo workshop: loads in both languages, same structure, rich content.

The demo is what a first-time user sees, so these tests pin down that it
shows every part of the workshop (DESIGN §1–§3) and, on purpose, every kind
of goal conflict the analysis detects.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

import pytest

from workshop_app import paths
from workshop_app.model import (
    ActionStatus,
    Budget,
    Channel,
    Goal,
    GoalLevel,
    Incentive,
    IncentiveType,
    LinkKind,
    Origin,
    Phase,
    Side,
    Workshop,
)
from workshop_app.store.demo import demo_path, load_demo
from workshop_app.store.document_file import to_json_bytes

LANGS = ("de", "en")
MAX_TITLE = 45

# Fields holding free user text, which the two language files translate.
ELEMENT_TEXT = {"title", "notes", "metric", "unit", "how", "role", "rewards_what", "purpose", "format",
                "cadence", "source", "resistance", "mitigation"}
CONFLICT_TEXT = {"title", "explanation", "resolution"}
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


def test_agenda_has_all_phases_with_progress(doc):
    assert [item.phase for item in doc.agenda] == list(Phase)
    assert all(item.timebox_minutes > 0 for item in doc.agenda)
    assert doc.agenda[0].done and doc.agenda[0].actual_minutes
    assert any(item.actual_minutes is None and not item.done for item in doc.agenda)


def test_counts_per_kind(doc):
    counts: dict[str, int] = {}
    for el in doc.elements:
        counts[el.kind] = counts.get(el.kind, 0) + 1
    assert counts == {"strategy": 2, "goal": 15, "incentive": 5, "budget": 3, "channel": 8, "insight": 5,
                      "belief": 5}
    link_counts: dict[str, int] = {}
    for link in doc.links:
        link_counts[link.kind] = link_counts.get(link.kind, 0) + 1
    assert link_counts == {"contributes_to": 13, "rewards": 7, "funds": 7, "depends_on": 3, "conflicts_with": 2}
    assert len(doc.conflicts) == 2
    assert 4 <= len(doc.decisions) <= 6
    assert 6 <= len(doc.actions) <= 10
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


# ------------------------------------------ the conflicts DESIGN §3 detects


def test_quarterly_sales_commission_rewards_long_horizon_goal(doc):
    hits = []
    for link in links(doc, LinkKind.REWARDS):
        incentive, goal = doc.element(link.source), doc.element(link.target)
        if (incentive.side == Side.SALES and incentive.incentive_type == IncentiveType.COMMISSION
                and incentive.period_months == 3 and goal.horizon_months >= 24):
            hits.append((incentive.id, goal.id))
    assert hits == [("i-sa-rev-comm", "g-mk-awareness")]


def test_shared_goal_funded_by_separate_budgets_of_both_sides(doc):
    funders: dict[str, set[Side]] = {}
    for link in links(doc, LinkKind.FUNDS):
        funders.setdefault(link.target, set()).add(doc.element(link.source).side)
    hits = [g.id for g in goals(doc, GoalLevel.SHARED) if {Side.MARKETING, Side.SALES} <= funders.get(g.id, set())]
    assert hits == ["g-sh-pipeline"]
    assert all(g.id in funders for g in goals(doc, GoalLevel.SHARED))  # no shared goal is unfunded


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
    assert conflict.status in ("open", "balanced")
    assert conflict.resolution and conflict.title and conflict.explanation
    assert len(conflict.votes) >= 3 and conflict.total_votes > len(conflict.votes)
    assert conflict.decision_ids and conflict.action_ids


def test_every_declared_link_has_its_conflict_record(doc):
    declared = {link.id: link for link in links(doc, LinkKind.CONFLICTS_WITH)}
    records = {c.link_id: c for c in doc.conflicts if c.rule == "declared"}
    assert set(records) == set(declared)
    for link_id, conflict in records.items():
        assert conflict.element_ids == [declared[link_id].source, declared[link_id].target]
        assert conflict.votes
    assert {c.status for c in doc.conflicts} == {"open", "balanced"}


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
