"""The minutes lead with what was agreed, count conflicts the one way, and keep findings in the appendix.

Read back with pypdf (see :mod:`tests.export.test_minutes_content` for how page furniture is cut
off), on the demo in both languages and on :func:`tests.builders.agreed_workshop`, whose every
kind of agreement and conflict record a test can name.
"""

from __future__ import annotations

import re

import pytest

from tests.builders import agreed_workshop
from tests.export.test_minutes_content import body_text, missing, normalise, pages_text
from workshop_app.analysis.conflicts import conflict_views
from workshop_app.analysis.counts import count_conflicts
from workshop_app.export.minutes import minutes_pdf_bytes
from workshop_app.export.minutes_records import sorted_actions
from workshop_app.i18n import translator
from workshop_app.model import ConflictStatus, GoalLevel, Origin, Triage, Workshop
from workshop_app.store.demo import load_demo
from workshop_app.vocabulary import Translator

#: The counts sentence of the first page, read back into numbers.
COUNTS = {
    "en": re.compile(r"(\d+) conflicts? taken up by the room: (\d+) settled, (\d+) parked, (\d+) still open"),
    "de": re.compile(r"(\d+) Zielkonflikte? vom Raum aufgegriffen: (\d+) geklärt, (\d+) geparkt, (\d+) noch offen"),
}
NEW = {"en": re.compile(r"(\d+) further findings? for follow-up"), "de": re.compile(r"(\d+) weiterer? Befunde? zur")}


def _pdf(doc: Workshop, lang: str) -> list[str]:
    return [normalise(body_text(page)) for page in pages_text(minutes_pdf_bytes(doc, lang))]


_BUILT: dict[tuple[str, str], tuple[str, Workshop, list[str]]] = {}


def _built(case: str, lang: str) -> tuple[str, Workshop, list[str]]:
    """(language, document, normalised body text per page), built once per module run."""
    if (case, lang) not in _BUILT:
        doc = load_demo(lang) if case == "demo" else agreed_workshop()
        _BUILT[case, lang] = (lang, doc, _pdf(doc, lang))
    return _BUILT[case, lang]


@pytest.fixture(scope="module", params=["de", "en"])
def demo(request) -> tuple[str, Workshop, list[str]]:
    return _built("demo", request.param)


@pytest.fixture(scope="module", params=["de", "en"])
def agreed(request) -> tuple[str, Workshop, list[str]]:
    return _built("agreed", request.param)


@pytest.fixture(scope="module", params=[("demo", "de"), ("demo", "en"), ("agreed", "de"), ("agreed", "en")],
                ids=lambda p: "-".join(p))
def minutes(request) -> tuple[str, Workshop, list[str]]:
    """The demo and the agreed workshop, each in both languages."""
    return _built(*request.param)


def _first_page_items(doc: Workshop) -> list[str]:
    return [
        *(e.title for e in doc.elements if e.kind == "goal" and e.level == GoalLevel.SHARED),
        *(e.title for e in doc.elements if e.kind == "budget" and e.origin == Origin.AGREED),
        doc.pilot.hypothesis,
    ]


def test_the_first_page_holds_the_shared_goals_the_pot_the_pilot_and_the_counts(minutes):
    lang, doc, pages = minutes
    items = _first_page_items(doc)
    assert len(items) >= 3 and all(items)
    assert missing(pages[0], items) == []
    counts = count_conflicts(conflict_views(doc, lang))
    found = COUNTS[lang].search(pages[0])
    assert found, pages[0][:600]
    assert tuple(map(int, found.groups())) == (counts.room, counts.settled, counts.parked, counts.open)
    if counts.new_findings:
        new = NEW[lang].search(pages[0])
        assert new and int(new.group(1)) == counts.new_findings


def test_the_first_page_lists_the_pot_with_its_sources_start_and_the_agreement_in_full(agreed):
    lang, doc, pages = agreed
    tr = Translator(lang)
    first = pages[0]
    expected = ["One pot for pipeline", tr.money(120000, "EUR"), tr.date(doc.element("one-pot").start_date),
                "Campaign budget", "Events budget",  # the budgets the pot is formed from (pools links)
                "Qualified lead", "A lead with budget and need counts as qualified", "48 h", "accepted leads",
                tr.date(doc.element("sql").review_date),
                "One-page brief", tr.quote("Strategy deck by email"),  # the agreed channel and what it replaces
                "Joint pipeline bonus"]
    assert missing(first, expected) == []
    assert "Formed from" in first or "Gebildet aus" in first


def test_every_agreed_element_is_in_the_text(demo):
    _lang, doc, pages = demo
    text = " ".join(pages)
    agreed_titles = [e.title for e in doc.elements if e.origin == Origin.AGREED]
    mitigations = [e.mitigation for e in doc.elements if e.kind == "belief" and e.mitigation.strip()]
    assert agreed_titles and mitigations
    assert missing(text, agreed_titles + mitigations) == []


def test_every_action_is_printed_with_its_owner_and_date(minutes):
    lang, doc, pages = minutes
    text = " ".join(pages)
    tr = Translator(lang)
    names = {p.id: p.name for p in doc.participants}
    rows = [normalise(f"{n} {a.what} {names.get(a.owner or '', '')} {tr.date(a.due_date)}")
            for n, a in enumerate(sorted_actions(doc.actions), start=1)]
    assert rows and all(a.owner and a.due_date for a in doc.actions)
    assert [row for row in rows if row not in text] == []


def _appendix_start(pages: list[str], lang: str) -> int:
    heading = translator(lang)("Appendix: further findings for follow-up")
    text = " ".join(pages)
    found = re.search(rf"\d+ {re.escape(heading)}", text)
    assert found, "no appendix"
    return found.start()


def test_no_untriaged_finding_is_printed_outside_the_appendix(minutes):
    lang, doc, pages = minutes
    views = conflict_views(doc, lang)
    new = [v.title for v in views if v.new_finding and not v.resolved_by_change]
    assert new
    text = " ".join(pages)
    start = _appendix_start(pages, lang)
    assert [t for t in new if normalise(t) in text[:start]] == []
    assert missing(text[start:], new) == []


def test_set_aside_findings_are_in_the_appendix_with_their_reason(agreed):
    lang, doc, pages = agreed
    text = " ".join(pages)
    start = _appendix_start(pages, lang)
    aside = [v for v in conflict_views(doc, lang) if v.set_aside]
    assert aside
    assert missing(text[start:], [f"{v.title} {v.set_aside_reason}" for v in aside]) == []
    assert missing(text[:start], [v.title for v in aside]) == [v.title for v in aside]


def test_the_rooms_conflicts_name_their_linked_decisions_and_actions(agreed):
    lang, _doc, pages = agreed
    tr = translator(lang)
    text = " ".join(pages)
    # the declared conflict: resolution, then decision 2 and action 2 (their numbers in those sections)
    assert normalise(f"Leads are counted once, at handover {tr('Decisions')}: 2 {tr('Actions')}: 2") in text


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_parked_conflict_is_never_counted_settled(lang):
    doc = agreed_workshop()
    before = count_conflicts(conflict_views(doc, lang))
    assert before.parked == 1
    found = COUNTS[lang].search(_pdf(doc, lang)[0])
    assert found and (int(found.group(2)), int(found.group(3))) == (before.settled, 1)
    # parking the balanced one too: one settled fewer, one parked more, in the PDF as in the counts
    record = next(c for c in doc.conflicts if c.status == ConflictStatus.BALANCED)
    record.status = ConflictStatus.PARKED
    found = COUNTS[lang].search(_pdf(doc, lang)[0])
    assert found and (int(found.group(2)), int(found.group(3))) == (before.settled - 1, 2)


def test_a_finding_taken_up_moves_from_the_appendix_to_the_rooms_conflicts():
    doc = agreed_workshop()
    views = conflict_views(doc, "en")
    finding = next(v for v in views if v.new_finding)
    before = count_conflicts(views)
    from workshop_app.model import Conflict

    doc.conflicts.append(Conflict(id=finding.id, rule=finding.rule, element_ids=list(finding.element_ids),
                                  triage=Triage.TAKEN_UP))
    pages = _pdf(doc, "en")
    text = " ".join(pages)
    start = _appendix_start(pages, "en")
    assert normalise(finding.title) in text[:start] and normalise(finding.title) not in text[start:]
    found = COUNTS["en"].search(pages[0])
    assert found and int(found.group(1)) == before.room + 1 and int(found.group(4)) == before.open + 1


#: An arrow with no figure after it ("30 → %", "30 →.") or before it (": → 35"), a label with nothing after it.
FRAGMENTS = re.compile(r"→\s*(%|€|EUR\b|[.,·;:)]|$)|[:(]\s*→|(Baseline → target|Ausgangswert → Ziel):\s*(€|%|[·.;]|$)")


def test_empty_fields_leave_no_fragments(minutes):
    _lang, _doc, pages = minutes
    text = " ".join(pages)
    found = [text[max(0, m.start() - 40): m.end() + 10] for m in FRAGMENTS.finditer(text)]
    assert found == []


def test_a_unit_without_figures_and_a_baseline_without_target_print_no_arrow(agreed):
    lang, _doc, pages = agreed
    text = " ".join(pages)
    assert "€/quarter" not in text  # the unit of "Double the pipeline", which has no baseline or target
    assert "30 →" not in text and "30 →" not in text  # the pilot's baseline without a target
    assert ("baseline 30" if lang == "en" else "Ausgangswert 30") in text
    assert ("18 % → 35 %" if lang == "de" else "18% → 35%") in text.replace("\u00a0", " ")


def test_german_minutes_nest_quotes_and_capitalise_statuses():
    doc = agreed_workshop()
    doc.element("deck").title = "Deck „Strategie 2026“"
    text = " ".join(_pdf(doc, "de"))
    assert "Ersetzt: „Deck ‚Strategie 2026‘“" in text  # the replaced channel, quoted, its own quotes nested
    assert "Geparkt" in text and "Ausbalanciert" in text and "Gelöst" in text and "Offen" in text


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_figure_never_parts_from_its_unit(lang):
    from workshop_app.export.content import as_plain
    from workshop_app.export.minutes_content import Context, figure

    ctx = Context(Workshop(), Translator(lang))
    assert as_plain(figure(ctx, "4", "8", "Mio. €")) == "4\u00a0Mio.\u00a0€\u00a0→ 8\u00a0Mio.\u00a0€"
    assert figure(ctx, "", "", "%") == () and as_plain(figure(ctx, "30", "", "%")).endswith(
        "30\u00a0%" if lang == "de" else "30%")
