"""The minutes of a follow-up start with "Since the last workshop", in German and in English."""

from __future__ import annotations

import io

import pypdf
import pytest

from tests.builders import agreed_workshop
from workshop_app.analysis.then_now import conflict_snapshot
from workshop_app.export import content
from workshop_app.export.minutes import minutes_pdf_bytes
from workshop_app.export.minutes_content import build_minutes
from workshop_app.model import UpdateReview
from workshop_app.store.demo_follow_up import load_follow_up_demo
from workshop_app.store.follow_up import carry_over, reference_to

HEADINGS = {
    "en": ("Since the last workshop", "Actions since the last workshop", "Shared goals: how far they got",
           "Pilot result", "Conflicts then and now", "Alignment check then and now"),
    "de": ("Seit dem letzten Workshop", "Maßnahmen seit dem letzten Workshop",
           "Gemeinsame Ziele: wie weit sie gekommen sind", "Ergebnis des Schutzraum-Piloten",
           "Zielkonflikte damals und heute", "Abstimmungs-Check damals und heute"),
}


def _first_pages_text(data: bytes, pages: int = 6) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages[:pages])


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_first_section_of_the_follow_up_demo_extracts_in_both_languages(lang):
    doc = load_follow_up_demo(lang)
    minutes = build_minutes(doc, lang)
    assert content.as_plain((content.Run(minutes.sections[0].title),)).endswith(HEADINGS[lang][0])
    text = _first_pages_text(minutes_pdf_bytes(doc, lang))
    for heading in HEADINGS[lang]:
        assert heading in text, heading
    first = text.index(HEADINGS[lang][0])
    agreed = {"de": "Was vereinbart wurde", "en": "What was agreed"}[lang]
    assert first < text.index(agreed, first)  # before the usual sections
    if lang == "en":
        assert "Waiting for IT security's approval." in text and "Blocked" in text and "Dropped" in text
        assert "Roll out to the organisation" in text and "Confirmed" in text
        assert "Service-contract renewals per quarter" in text  # a new conflict
    else:
        assert "Wartet auf die Freigabe der" in text and "Blockiert" in text
        assert "In der Organisation ausrollen" in text and "Bestätigt" in text


def test_a_workshop_that_follows_none_has_no_such_section():
    assert build_minutes(agreed_workshop(), "en").section("Since the last workshop") is None


def test_an_unreviewed_follow_up_says_so_and_counts_what_is_still_there():
    earlier = agreed_workshop()
    doc = carry_over(earlier, reference_to(earlier, b"x", "march.workshop.json"), conflict_snapshot(earlier))
    UpdateReview("actions", "a1", {"outcome": "done", "note": "Pot is live"}).apply(doc)
    section = build_minutes(doc, "en").section("Since the last workshop")
    assert section is not None
    texts = list(content.blocks_text(section.blocks))
    assert "1 done, 1 not reviewed" in texts and "Pot is live" in texts and "not reviewed" in texts
    assert any(t.startswith("Gone: 0 · still there: ") and t.endswith("new: 0") for t in texts)
    assert "Pilot result" not in texts  # nothing reviewed about the pilot: no empty table
