"""One read-only view per phase for the room: inventory columns, goal tree, graph, conflicts, agreements.

Each view takes the document and the :class:`Stage` (phase, inventory
category, selected entry) and shows what :mod:`audience_content` allows:
hidden entries never reach these widgets. The graph is matplotlib and is
built only when the Conflicts view is first shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from workshop_app.analysis.visibility import visible_conflicts
from workshop_app.i18n import _
from workshop_app.model import Phase, Side, Workshop
from workshop_app.ui.features import graph_available
from workshop_app.ui.projector import audience_content as content
from workshop_app.ui.projector.audience_content import Column, Stage
from workshop_app.ui.projector.entry_list import EntryList, Stacked
from workshop_app.ui.projector.present_widgets import TitleLine, VoteChart

if TYPE_CHECKING:
    from workshop_app.analysis import ConflictView

GAP = 24


def _row(*widgets: tuple[QWidget, int]) -> QHBoxLayout:
    layout = QHBoxLayout()
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(GAP)
    for widget, stretch in widgets:
        layout.addWidget(widget, stretch)
    return layout


class PhaseView(QWidget):
    """Base: ``show_stage`` fills the view from the document; ``lists`` are its entry lists (for tests)."""

    phase = Phase.SETUP

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.lists: list[EntryList] = []

    def entry_list(self, **kwargs) -> EntryList:
        widget = EntryList(self, **kwargs)
        self.lists.append(widget)
        return widget

    def show_stage(self, doc: Workshop, stage: Stage, views: list[ConflictView] | None) -> None:
        raise NotImplementedError

    def shown_ids(self) -> set[str]:
        return {i for widget in self.lists if widget.isVisibleTo(self) for i in widget.shown_ids()}

    def set_scale(self, scale: float) -> None:
        """Hook for views with non-Qt drawing (the graph)."""


class SetupView(PhaseView):
    """The workshop and its agenda; who is in the room by side (joint people under the shorter side)."""

    phase = Phase.SETUP

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.facts = self.entry_list(title_lines=2, detail_lines=1)
        self.agenda = self.entry_list(title_lines=1)
        self.marketing, self.sales = self.entry_list(title_lines=1), self.entry_list(title_lines=1)
        self.joint = {Side.MARKETING: self.entry_list(title_lines=1), Side.SALES: self.entry_list(title_lines=1)}
        self.stacks = [Stacked(self.facts, self.agenda, 0.5, GAP, self),
                       Stacked(self.marketing, self.joint[Side.MARKETING], 0.75, GAP, self),
                       Stacked(self.sales, self.joint[Side.SALES], 0.75, GAP, self)]
        self.setLayout(_row((self.stacks[0], 5), (self.stacks[1], 4), (self.stacks[2], 4)))

    def show_stage(self, doc: Workshop, stage: Stage, views: list[ConflictView] | None) -> None:
        facts, agenda, people = content.setup_columns(doc)
        self.facts.set_column(facts)
        self.agenda.set_column(agenda, str(stage.phase))
        self.marketing.set_column(people[0], stage.selected)
        self.sales.set_column(people[1], stage.selected)
        joint = people[2] if len(people) > 2 else None
        under = Side.MARKETING if len(people[0].entries) <= len(people[1].entries) else Side.SALES
        for side, widget in self.joint.items():
            widget.setVisible(joint is not None and side == under)
            if joint is not None:
                widget.set_column(joint, stage.selected)
        for stack in self.stacks:
            stack.relayout()


class InventoryView(PhaseView):
    phase = Phase.INVENTORY

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = TitleLine(self)
        self.sides = [self.entry_list(), self.entry_list()]
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(GAP // 2)
        layout.addWidget(self.title)
        layout.addLayout(_row(*((w, 1) for w in self.sides)), 1)

    def show_stage(self, doc: Workshop, stage: Stage, views: list[ConflictView] | None) -> None:
        name, question, columns = content.inventory_columns(doc, stage.category)
        self.title.set_text(name, question)
        for widget, column in zip(self.sides, columns, strict=True):
            widget.set_column(column, stage.selected)


class GoalsView(PhaseView):
    phase = Phase.GOALS

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.tree = self.entry_list(title_lines=2, detail_lines=1)
        self.facts = self.entry_list(title_lines=3, detail_lines=1)
        self.setLayout(_row((self.tree, 3), (self.facts, 2)))

    def show_stage(self, doc: Workshop, stage: Stage, views: list[ConflictView] | None) -> None:
        self.tree.set_column(Column(_("Breakdown"), content.goal_entries(doc), None, _("No goals yet")), stage.selected)
        facts = content.goal_facts(doc, stage.selected)
        self.facts.setVisible(facts is not None)
        if facts is not None:
            self.facts.set_column(facts)


class ConflictsView(PhaseView):
    """The room's ranked conflicts, with the new findings offered below them, beside the graph;
    or the dot-vote results chart (conflicts and findings alike: dots often decide what is taken up)."""

    phase = Phase.CONFLICTS

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.list = self.entry_list(title_lines=2, detail_lines=1)
        self.findings = self.entry_list(title_lines=1, detail_lines=1)
        self.findings.setObjectName("audience_findings")
        self.column = Stacked(self.list, self.findings, 0.6, GAP, self)
        self.chart = VoteChart(self)
        self.graph = None
        self.scale = 1.0
        self.split = QWidget(self)
        self.split_layout = _row((self.column, 2))
        self.split.setLayout(self.split_layout)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.split)
        self.stack.addWidget(self.chart)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    def _ensure_graph(self) -> None:
        if self.graph is None and graph_available():
            from workshop_app.ui.graph.audience_graph import AudienceGraph

            self.graph = AudienceGraph(self.split)
            self.graph.setObjectName("audience_graph")
            self.graph.set_scale_quietly(self.scale)
            self.split_layout.addWidget(self.graph, 3)

    def set_scale(self, scale: float) -> None:
        self.scale = scale
        if self.graph is not None:
            self.graph.set_scale(scale)

    def show_stage(self, doc: Workshop, stage: Stage, views: list[ConflictView] | None) -> None:
        views = views or []
        if stage.results:
            self.chart.set_results(content.vote_results(doc, views), stage.selected)
            self.stack.setCurrentWidget(self.chart)
            return
        self.stack.setCurrentWidget(self.split)
        room = content.conflict_entries(doc, views)
        findings = content.finding_entries(doc, views)
        self.list.set_column(Column(_("Our conflicts by dot votes"), room, None,
                                    _("None taken up yet") if findings else _("No conflicts found")), stage.selected)
        self.findings.setVisible(bool(findings))
        if findings:
            self.findings.set_column(Column(_("New findings to take up"), findings, None, ""), stage.selected)
        self.column.relayout()
        self._ensure_graph()
        if self.graph is not None:
            visible = visible_conflicts(doc, views)
            shown = {v.id for v in visible}
            self.graph.show_graph(doc, visible, stage.selected if stage.selected in shown else None)

    def shown_ids(self) -> set[str]:
        if self.stack.currentWidget() is self.chart:
            return {bar[0] for bar in self.chart.bars_shown()}
        return super().shown_ids()


class CommunicationView(PhaseView):
    phase = Phase.COMMUNICATION

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.columns = [self.entry_list(), self.entry_list()]
        self.setLayout(_row(*((w, 1) for w in self.columns)))

    def show_stage(self, doc: Workshop, stage: Stage, views: list[ConflictView] | None) -> None:
        for widget, column in zip(self.columns, content.channel_columns(doc), strict=True):
            widget.set_column(column, stage.selected)


class CulturePilotView(PhaseView):
    phase = Phase.CULTURE_PILOT

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.beliefs = [self.entry_list(), self.entry_list()]
        self.pilot = self.entry_list(title_lines=4, detail_lines=1)
        self.setLayout(_row((self.beliefs[0], 1), (self.beliefs[1], 1), (self.pilot, 1)))

    def show_stage(self, doc: Workshop, stage: Stage, views: list[ConflictView] | None) -> None:
        for widget, column in zip(self.beliefs, content.belief_columns(doc), strict=True):
            widget.set_column(column, stage.selected)
        self.pilot.set_column(content.pilot_column(doc))


class WrapupView(PhaseView):
    phase = Phase.WRAPUP

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.columns = [self.entry_list(), self.entry_list(), self.entry_list()]
        self.setLayout(_row(*((w, 1) for w in self.columns)))

    def show_stage(self, doc: Workshop, stage: Stage, views: list[ConflictView] | None) -> None:
        for widget, column in zip(self.columns, content.agreement_columns(doc, views), strict=True):
            widget.set_column(column, stage.selected)
