"""The minutes show an adopted what-if scenario: its edits, and the findings that vanished and appeared then."""

from __future__ import annotations

from tests.builders import healthy_workshop, link
from workshop_app.analysis.scenario_diff import scenario_outcome
from workshop_app.export import content
from workshop_app.export.minutes_content import build_minutes
from workshop_app.model import AddItem, UpdateItem
from workshop_app.model.scenario_edits import make_scenario


def _adopted():
    doc = healthy_workshop()
    copy = doc.model_copy(deep=True)
    AddItem("links", link("r3", "rewards", "sa-inc", "shared")).apply(copy)
    UpdateItem("elements", "sa-inc", {"period_months": 12}).apply(copy)
    scenario = make_scenario("s-1", "Shared bonus", doc, copy)
    diff = scenario_outcome(doc, scenario).diff
    doc.scenarios.append(scenario.model_copy(update={
        "adopted": True, "vanished": [f.title for f in diff.vanished], "appeared": [f.title for f in diff.appeared]}))
    return doc


def test_an_adopted_scenario_has_its_before_and_after_in_the_minutes():
    section = build_minutes(_adopted(), "en").section("Adopted scenarios")
    text = "\n".join(content.blocks_text(section.blocks))
    assert "“Shared bonus”" in text
    assert "Sales is paid far more often than its goals run" in text
    assert "Link added: Lead commission rewards Double the pipeline" in text
    assert "Changed: Lead commission, period_months: 3 → 12" in text


def test_scenarios_not_adopted_are_no_part_of_the_minutes():
    doc = _adopted()
    doc.scenarios[0].adopted = False
    assert build_minutes(doc, "en").section("Adopted scenarios") is None


def test_the_section_prints_in_german_too():
    section = build_minutes(_adopted(), "de").section("Adopted scenarios")
    assert section is not None


def test_the_pdf_prints_the_adopted_scenario():
    import io

    import pypdf

    from workshop_app.export.minutes import minutes_pdf_bytes

    reader = pypdf.PdfReader(io.BytesIO(minutes_pdf_bytes(_adopted(), "en")))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "Adopted scenarios" in text and "Shared bonus" in text
