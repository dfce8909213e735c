"""The Conflicts page's what-if part: "Try a change…", the stored scenarios, and today | if we did this.

Attached to the page with :func:`attach` (a few hook lines in
``ui/pages/conflicts.py``): a button in the row under the list, and in
scenario mode a bar above the columns and the comparison in place of the
details. Everything here only reads the
Document and calls the window's :class:`~workshop_app.ui.whatif.controller.WhatIf`;
the edits in a scenario are the page's ordinary edits, on the scenario's stack.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QInputDialog, QMenu, QPushButton, QToolButton, QWidget

from workshop_app.i18n import _, current_language
from workshop_app.ui.pages.conflict_triage import Group
from workshop_app.ui.whatif.banner import SCENARIO_COLOUR
from workshop_app.ui.whatif.compare import CompareDialog, ComparePanel, summary
from workshop_app.ui.widgets.plain import PlainLabel, menu_text, plain_tooltip

if TYPE_CHECKING:
    from collections.abc import Callable

    from workshop_app.model import Workshop
    from workshop_app.ui.pages.conflicts import ConflictsPage
    from workshop_app.ui.whatif.controller import WhatIf


class WhatIfPart:
    """The bar and the comparison of one Conflicts page."""

    def __init__(self, page: ConflictsPage):
        self.page = page
        self.bar = QWidget()
        self.bar.setObjectName("what_if_bar")
        # one button (its arrow lists the stored scenarios), so starting and choosing a scenario fit
        # the row under the conflict list beside declaring and the thresholds
        self.try_button = QToolButton()
        self.try_button.setObjectName("scenario_try")
        self.try_button.setText(_("Try a change…"))
        self.try_button.setToolTip(plain_tooltip(_(
            "Start a what-if scenario: edit a copy of the workshop on any page and see which findings vanish. "
            "Nothing changes in the workshop until the room adopts it.")))
        self.try_button.clicked.connect(self._try)
        self.try_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.menu = QMenu(self.try_button)
        self.menu.setObjectName("scenario_menu")
        self.menu.aboutToShow.connect(self._fill_menu)
        self.try_button.setMenu(self.menu)
        self.state = PlainLabel()
        self.state.setObjectName("scenario_state")
        self.state.setStyleSheet(f"color: {SCENARIO_COLOUR}; font-weight: bold;")
        self.adopt_button = QPushButton(_("Adopt"))
        self.adopt_button.setObjectName("scenario_adopt")
        self.adopt_button.setToolTip(plain_tooltip(_(
            "Apply the scenario's edits to the workshop and record the decision — one step Undo takes back")))
        self.adopt_button.clicked.connect(self._adopt)
        self.drop_button = QPushButton(_("Drop"))
        self.drop_button.setObjectName("scenario_drop")
        self.drop_button.setToolTip(plain_tooltip(_("Throw the scenario away; the workshop stays exactly as it is")))
        self.drop_button.clicked.connect(self._drop)
        row = QHBoxLayout(self.bar)  # only while a scenario is open: what it does, adopt, drop
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        row.addWidget(self.state, 1)
        row.addWidget(self.adopt_button)
        row.addWidget(self.drop_button)  # "Back to today" is on the banner above every page
        self.compare = ComparePanel()
        self.compare.hide()
        self.today_check: QCheckBox | None = None  # on the graph's header once the graph is built

    # -- the graph: today | if we did this -------------------------------------------------------------------
    def attach_graph(self, header: QHBoxLayout) -> None:
        """A switch on the graph's header, shown while a scenario is open: the graph as it is today (its
        conflicts analysed when the scenario opened) or as it would be — flipping it shows the room which
        conflicts the change takes away and which it brings."""
        self.today_check = QCheckBox(_("Today"))
        self.today_check.setObjectName("scenario_graph_today")
        self.today_check.setToolTip(plain_tooltip(_(
            "Show the graph as it is today, without the scenario's edits; untick it for the graph as it "
            "would be if we did this")))
        self.today_check.setStyleSheet(f"color: {SCENARIO_COLOUR}; font-weight: bold;")
        self.today_check.toggled.connect(lambda _on: self.page.refresh_graph_now())
        header.insertWidget(1, self.today_check)
        self.today_check.hide()

    def showing_today(self) -> bool:
        """Whether the graph shows today's workshop while a scenario is open."""
        controller = self.controller()
        return (self.today_check is not None and self.today_check.isChecked()
                and controller is not None and controller.session is not None)

    def graph_source(self) -> tuple[Workshop, Callable[[str], list]]:
        """The workshop the page's graph shows and the function giving its conflict views."""
        controller = self.controller()
        if self.showing_today() and controller is not None and controller.session is not None:
            views = list(controller.session.today_views)
            return self.page.doc.today, (lambda _lang: views)
        return self.page.doc.workshop, self.page.doc.conflict_views

    # -- the window's controller ------------------------------------------------------------------------
    def controller(self) -> WhatIf | None:
        from workshop_app.ui.window.main_window import MainWindow

        window = self.page.window()
        if not isinstance(window, MainWindow) or window.doc is not self.page.doc:
            return None  # a page on its own (tests): no scenario mode
        from workshop_app.ui.whatif.controller import what_if

        return what_if(window)

    # -- actions -------------------------------------------------------------------------------------------
    def _try(self) -> None:
        controller = self.controller()
        if controller is None:
            return
        name, ok = QInputDialog.getText(self.page, _("Try a change"), _("Name of the scenario (e.g. “One pot”):"))
        if ok:
            controller.start(name)

    def _adopt(self) -> None:
        controller = self.controller()
        if controller is not None and controller.session is not None:
            name = controller.session.name
            if controller.adopt():
                self.page.window().statusBar().showMessage(
                    _("Scenario “{name}” adopted. Undo takes it back.").format(name=name), 8000)

    def _drop(self) -> None:
        controller = self.controller()
        if controller is not None:
            controller.drop()

    def _fill_menu(self) -> None:
        self.menu.clear()
        controller = self.controller()
        if controller is None:
            return
        start = self.menu.addAction(_("Try a change…"))
        start.setEnabled(not self.page.doc.read_only)
        start.triggered.connect(self._try)
        self.menu.addSeparator()
        scenarios = controller.scenarios()
        current = controller.session.scenario_id if controller.session else None
        for scenario in scenarios:
            if scenario.adopted:
                action = self.menu.addAction(_("{name} (adopted)").format(name=menu_text(scenario.name)))
                action.setEnabled(False)
                continue
            action = self.menu.addAction(_("Open “{name}”").format(name=menu_text(scenario.name)))
            action.setCheckable(True)
            action.setChecked(scenario.id == current)
            action.triggered.connect(lambda _c=False, i=scenario.id: self._open(i))
        if not scenarios:
            self.menu.addAction(_("No scenarios yet")).setEnabled(False)
        self.menu.addSeparator()
        compare = self.menu.addAction(_("Compare scenarios…"))
        compare.setEnabled(any(not s.adopted for s in scenarios))
        compare.triggered.connect(self.open_comparison)
        for scenario in scenarios:
            if not scenario.adopted and scenario.id != current:
                adopt = self.menu.addAction(_("Adopt “{name}”").format(name=menu_text(scenario.name)))
                adopt.triggered.connect(lambda _c=False, i=scenario.id: controller.adopt(i))

    def _open(self, scenario_id: str) -> None:
        controller = self.controller()
        if controller is not None:
            controller.open(scenario_id)

    def open_comparison(self) -> CompareDialog | None:
        """Every stored scenario (not adopted) replayed onto today, one column each."""
        controller = self.controller()
        if controller is None:
            return None
        lang = current_language()
        outcomes = [controller.outcome(s, lang) for s in controller.scenarios() if not s.adopted]
        from workshop_app.analysis import find_conflicts

        dialog = CompareDialog(find_conflicts(self.page.doc.today, lang), outcomes, self.page)
        dialog.show()
        return dialog

    # -- refresh -------------------------------------------------------------------------------------------
    def update_button(self) -> None:
        """"Try a change…" beside the room's conflicts and the new findings; the set-aside list's row holds
        "Back to the findings" and has no room for it on a 1280-px laptop."""
        self.try_button.setVisible(self.controller() is not None and self.page.group != Group.SET_ASIDE)

    def refresh(self) -> None:
        """After every edit of the page's document, and when the pages switch to or from a scenario."""
        controller = self.controller()
        in_scenario = controller is not None and controller.session is not None
        editable = not self.page.doc.read_only
        self.bar.setVisible(in_scenario)
        self.update_button()
        self.try_button.setEnabled(editable)
        for widget in (self.adopt_button, self.drop_button, self.state):
            widget.setVisible(in_scenario)
        self.adopt_button.setEnabled(editable)
        self.compare.setVisible(in_scenario)
        if self.today_check is not None:
            self.today_check.setVisible(in_scenario)
            if not in_scenario and self.today_check.isChecked():
                self.today_check.setChecked(False)  # the next scenario starts on its own graph
        self.page.details_panel.setVisible(not in_scenario)
        if not in_scenario or controller is None or controller.session is None:
            return
        diff = controller.diff()
        if diff is None:
            return
        session = controller.session
        self.state.setText(_("If we did this: {summary}").format(summary=summary(diff)))
        misfits = [f"{s.label} ({_(s.reason)})" for s in session.skipped]
        self.compare.show_diff(diff, [v for v in session.today_views if not v.resolved_by_change], misfits)


def attach(page: ConflictsPage) -> WhatIfPart:
    """Build the page's what-if part: starting and choosing a scenario in the row under the list (a row
    of its own above the columns would cost the list a row of conflicts on a laptop), the open
    scenario's bar above the columns, the comparison beside the details."""
    part = WhatIfPart(page)
    row = page.triage_bar.layout()
    at = row.indexOf(page.settings_toggle)
    row.insertWidget(at, part.try_button)
    page.layout().insertWidget(0, part.bar)
    page.left.addWidget(part.compare)
    return part
