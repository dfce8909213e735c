"""The headless mode's view: the setup wall of a workshop, without names and without hidden entries."""

from __future__ import annotations

from workshop_app.model import Phase
from workshop_app.room.view import setup_view
from workshop_app.store.demo import load_demo


def test_the_setup_view_shows_title_facts_and_agenda_in_the_workshops_language():
    doc = load_demo("de")
    view = setup_view(doc)
    assert view.phase == Phase.SETUP and view.title == doc.meta.title and view.lang == "de"
    headings = [e.heading for e in view.entries]
    assert headings == ["Workshop", "Agenda"]
    assert view.entries[1].lines[1].startswith("2. Bestandsaufnahme")
    assert any(doc.meta.organisation in line for line in view.entries[0].lines)


def test_the_setup_view_names_no_participant_and_no_element():
    doc = load_demo("en")
    text = repr(setup_view(doc, "en"))
    assert not [p.name for p in doc.participants if p.name and p.name in text]
    assert not [el.title for el in doc.elements if el.title in text]
