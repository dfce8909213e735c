"""Every phase is declared once, and what is declared is what the window and the projector use."""

from __future__ import annotations

from workshop_app.model import Phase
from workshop_app.ui.pages.base import PhasePage
from workshop_app.ui.phases import PHASES


def test_each_phase_has_one_entry_whose_page_and_view_belong_to_it():
    assert list(PHASES) == list(Phase)
    for phase, entry in PHASES.items():
        page, view = entry.page_class(), entry.view_class()
        assert issubclass(page, PhasePage) and page.phase == phase
        assert view.phase == phase
        assert entry.label and entry.hint and entry.default_timebox > 0


def test_the_window_builds_the_declared_page_and_shows_the_declared_hint(window):
    for phase, entry in PHASES.items():
        window.go_to_phase(phase)
        assert type(window.current_page()) is entry.page_class()
        assert window.phase_hint.text() == entry.hint  # English: the hint as declared
