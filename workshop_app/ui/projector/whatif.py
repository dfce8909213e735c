"""The projector while a what-if scenario is edited: the banner on every phase, and "today | if we did this".

Hooked into :class:`~workshop_app.ui.projector.audience_view.AudienceView`
with two lines (:func:`attach_what_if`, and ``view_for`` in its refresh).
On the Conflicts phase the room sees two columns: today's findings, with
those the scenario would remove fading out below them, and the scenario's,
with the new ones marked. Only what :mod:`audience_content` lets onto the
wall is shown (hidden entries stay hidden in both columns).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEasingCurve, QPropertyAnimation
from PySide6.QtWidgets import QGraphicsOpacityEffect, QHBoxLayout, QLabel, QWidget

from workshop_app.analysis.scenario_diff import FindingsDiff, diff_findings
from workshop_app.analysis.visibility import visible_conflicts
from workshop_app.i18n import _, current_language
from workshop_app.model import Phase, Workshop
from workshop_app.ui.projector.audience_content import Column, Entry, Stage, without_withheld
from workshop_app.ui.projector.audience_views import GAP, PhaseView
from workshop_app.ui.projector.entry_list import Stacked
from workshop_app.ui.whatif.banner import SCENARIO_COLOUR, SCENARIO_TEXT, banner_text
from workshop_app.ui.widgets.plain import make_plain

if TYPE_CHECKING:
    from workshop_app.analysis import ConflictView
    from workshop_app.ui.document import Document
    from workshop_app.ui.projector.audience_view import AudienceView

#: The vanishing findings fade to this opacity (still legible up close: the room sees what went).
FADED_OPACITY = 0.35
FADE_MS = 1600


def _entry(view: ConflictView, badge: str = "", done: bool = False) -> Entry:
    return Entry(view.id, view.title, view.explanation, badge=badge, done=done)


def _live(views: list[ConflictView], doc: Workshop) -> list[ConflictView]:
    """The findings on the wall: visible, and still found (not records of ones that went)."""
    return [v for v in visible_conflicts(doc, views) if not v.resolved_by_change]


class WhatIfView(PhaseView):
    """Today | if we did this: two columns of findings; the vanishing ones fade out."""

    phase = Phase.CONFLICTS

    def __init__(self, today: Callable[[], tuple[Workshop, list[ConflictView]]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("audience_what_if")
        self.today_source = today
        self.today = self.entry_list(title_lines=2, detail_lines=0)
        self.today.setObjectName("what_if_today")
        self.vanishing = self.entry_list(title_lines=2, detail_lines=0)
        self.vanishing.setObjectName("what_if_vanishing")
        self.after = self.entry_list(title_lines=2, detail_lines=0)
        self.after.setObjectName("what_if_after")
        self.left = Stacked(self.vanishing, self.today, 0.5, GAP, self)
        self.fade = QGraphicsOpacityEffect(self.vanishing)
        self.fade.setOpacity(1.0)
        self.vanishing.setGraphicsEffect(self.fade)
        self.animation = QPropertyAnimation(self.fade, b"opacity", self)
        self.animation.setDuration(FADE_MS)
        self.animation.setStartValue(1.0)
        self.animation.setEndValue(FADED_OPACITY)
        self.animation.setEasingCurve(QEasingCurve.Type.InOutQuad)
        self._faded: frozenset[str] = frozenset()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(GAP)
        layout.addWidget(self.left, 1)
        layout.addWidget(self.after, 1)
        self.diff: FindingsDiff | None = None

    def show_diff(self, today: Workshop, today_views: list[ConflictView], copy: Workshop,
                  views: list[ConflictView], stage: Stage) -> None:
        before, after = _live(today_views, today), _live(views, copy)
        diff = self.diff = diff_findings(before, after)
        marks = diff.status_by_id
        vanished = [v for v in before if marks.get(v.id) == "vanished"]
        self.vanishing.setVisible(bool(vanished))
        self.vanishing.set_column(Column(_("Today — would vanish"), [_entry(v, "✕", done=True) for v in vanished]))
        self.today.set_column(Column(_("Today — would stay"), [_entry(v) for v in before if marks.get(v.id) != "vanished"],
                                     None, _("No conflicts found")), stage.selected)
        new = [_entry(v, _("new")) for v in after if marks.get(v.id) == "appeared"]
        changed = [_entry(v, _("changed")) for v in after if marks.get(v.id) == "changed"]
        kept = [_entry(v) for v in after if marks.get(v.id) == "kept"]
        self.after.set_column(Column(_("If we did this"), new + changed + kept, None, _("No conflicts found")),
                              stage.selected)
        self.left.relayout()
        ids = frozenset(v.id for v in vanished)
        if ids != self._faded:  # a new set of vanishing findings fades out once, not on every repaint
            self._faded = ids
            self.animation.stop()
            self.fade.setOpacity(1.0)
            if ids:
                self.animation.start()

    def show_stage(self, doc: Workshop, stage: Stage, views: list[ConflictView] | None) -> None:
        """``doc`` and ``views``: the scenario's working copy and its conflicts; today's come from the source."""
        today, today_views = self.today_source()
        # a closed round's dots are withheld from today's side too: its vote order would tell them
        self.show_diff(today, without_withheld(today_views, stage.withheld), doc, views or [], stage)

    def resizeEvent(self, event) -> None:  # Qt override
        super().resizeEvent(event)
        self.left.relayout()


class WhatIfProjector:
    """One audience view's part: the banner, and the two columns on the Conflicts phase in scenario mode."""

    def __init__(self, audience: AudienceView):
        self.audience = audience
        self.doc: Document = audience.doc
        self.banner = make_plain(QLabel())
        self.banner.setObjectName("audience_scenario_banner")
        self.banner.setStyleSheet(f"background: {SCENARIO_COLOUR}; color: {SCENARIO_TEXT}; font-weight: bold;"
                                  " padding: 6px 14px;")
        self.banner.hide()
        audience.live_layout.insertWidget(0, self.banner)
        self.view: WhatIfView | None = None
        self._today: tuple[int, int, list] | None = None  # (id of today's workshop, stack index, its views)
        self.doc.scenario_changed.connect(lambda: audience.schedule_refresh(now=True))

    def _today_views(self) -> tuple[Workshop, list]:
        """Today's workshop and its conflicts, analysed once while it lies aside (not on every scenario edit)."""
        from workshop_app.analysis import conflict_views

        today = self.doc.today
        key = (id(today), self.doc.today_stack.index())
        if self._today is None or self._today[:2] != key:
            self._today = (*key, conflict_views(today, current_language()))
        return today, self._today[2]

    def view_for(self, stage: Stage, view: PhaseView) -> PhaseView:
        """The view to show for ``stage``: the comparison on the Conflicts phase of a scenario, else ``view``."""
        in_scenario = self.doc.in_scenario
        self.banner.setVisible(in_scenario)
        if in_scenario:
            self.banner.setText(banner_text(self.doc.scenario_name))
        if not in_scenario or stage.phase != Phase.CONFLICTS or stage.alignment or stage.results:
            return view
        if self.view is None:
            self.view = WhatIfView(self._today_views, self.audience.phase_stack)
            self.view.set_scale(self.audience.scale)
            self.audience.phase_stack.addWidget(self.view)
        return self.view


def attach_what_if(audience: AudienceView) -> WhatIfProjector:
    return WhatIfProjector(audience)
