"""The details form of each element kind: its own fields, as the pages show them."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QStackedWidget, QWidget

from workshop_app.i18n import N_
from workshop_app.model import ElementKind, LinkKind, Origin, Side, Workshop
from workshop_app.ui.document import Document
from workshop_app.ui.widgets.fields import FieldSpec, LinkSpec, RecordForm, find_record
from workshop_app.ui.widgets.labels import (
    AGREEMENT_TYPE_NAMES,
    INCENTIVE_TYPE_NAMES,
    LEVEL_NAMES,
    ORIGIN_NAMES,
    SIDE_NAMES,
)

TITLE = FieldSpec("title", N_("Title"))
SIDE = FieldSpec("side", N_("Side"), "enum", choices=SIDE_NAMES)
NOTES = FieldSpec("notes", N_("Notes"), "multiline", extra={"lines": 2})



def _sources(doc: Workshop, pot) -> list:
    """What a pot can be formed from: every other budget except the pots it goes into itself."""
    feeds = {lk.target for lk in doc.links if lk.kind == LinkKind.POOLS and lk.source == pot.id}
    return [el for el in doc.elements if el.kind == ElementKind.BUDGET and el.id != pot.id and el.id not in feeds]


def _pots(doc: Workshop, budget) -> list:
    """Where a budget's money can go: every other budget except those that go into it."""
    fed_by = {lk.source for lk in doc.links if lk.kind == LinkKind.POOLS and lk.target == budget.id}
    pots = [el for el in doc.elements if el.kind == ElementKind.BUDGET and el.id != budget.id and el.id not in fed_by]
    return sorted(pots, key=lambda el: el.side != Side.JOINT)  # the joint pots first


def _pooled(doc: Workshop, budget, outgoing: bool) -> bool:
    return any(lk.kind == LinkKind.POOLS and (lk.source if outgoing else lk.target) == budget.id for lk in doc.links)


def _is_pot(doc: Workshop, budget) -> bool:
    """A joint budget is a pot formed from others; a side's budget is one only once something goes into it."""
    return budget.side == Side.JOINT or _pooled(doc, budget, outgoing=False)


def _feeds_a_pot(doc: Workshop, budget) -> bool:
    return budget.side != Side.JOINT or _pooled(doc, budget, outgoing=True)


def _channels_of_today(doc: Workshop, _channel) -> list:
    return [el for el in doc.elements if el.kind == ElementKind.CHANNEL and el.origin == Origin.AS_IS]


def _goals(doc: Workshop, _agreement) -> list:
    """Goals that may depend on an agreement, shared goals first (their handover is what agreements govern)."""
    goals = [el for el in doc.elements if el.kind == ElementKind.GOAL]
    return sorted(goals, key=lambda g: g.level != "shared")


#: "This pot is formed from these budgets": ``pools`` links from the ticked budgets to the pot;
#: the same links seen from a department budget: the pots its money goes into.
POOLED_FROM = FieldSpec("pooled_from", N_("Formed from"), "links", extra={"rows": 3},
                        placeholder=N_("No other budgets yet."), visible=_is_pot,
                        link=LinkSpec(LinkKind.POOLS, outgoing=False, candidates=_sources))
GOES_INTO = FieldSpec("goes_into", N_("Goes into"), "links", extra={"rows": 3},
                      placeholder=N_("No pot to go into: add a joint pot."), visible=_feeds_a_pot,
                      link=LinkSpec(LinkKind.POOLS, outgoing=True, candidates=_pots))
#: An agreed channel replaces channels of today (``replaces`` links); channels of today show who replaces them.
REPLACES = FieldSpec("replaces", N_("Replaces"), "links", extra={"rows": 3},
                     placeholder=N_("No channels of today in the inventory."),
                     link=LinkSpec(LinkKind.REPLACES, outgoing=True, candidates=_channels_of_today,
                                   name=lambda channel: channel.title or channel.id),
                     visible=lambda _doc, channel: channel.origin == Origin.AGREED)
#: Goals whose handover the agreement governs (``depends_on`` links from the goal to the agreement).
GOVERNS = FieldSpec("governs", N_("For goals"), "links", extra={"rows": 4},
                    placeholder=N_("No goals yet: draft them in Goal drafting."),
                    link=LinkSpec(LinkKind.DEPENDS_ON, outgoing=False, candidates=_goals))

ELEMENT_FIELDS: dict[str, list[FieldSpec]] = {
    ElementKind.STRATEGY: [TITLE, FieldSpec("horizon_months", N_("Horizon (months)"), "int"), NOTES],
    ElementKind.GOAL: [
        TITLE, SIDE,
        FieldSpec("level", N_("Level"), "enum", choices=LEVEL_NAMES),
        FieldSpec("metric", N_("Metric"), placeholder=N_("e.g. qualified leads per month")),
        FieldSpec("baseline", N_("Baseline")),
        FieldSpec("target", N_("Target")),
        FieldSpec("unit", N_("Unit")),
        FieldSpec("horizon_months", N_("Horizon (months)"), "int"),
        FieldSpec("due_date", N_("Due date"), "date"),
        FieldSpec("owners", N_("Owners"), "participants", extra={"rows": 4}),
        FieldSpec("how", N_("How we reach it"), "multiline", placeholder=N_("Not just a number: what the teams will do")),
        NOTES,
    ],
    ElementKind.INCENTIVE: [
        TITLE, SIDE,
        FieldSpec("role", N_("Who gets it"), placeholder=N_("e.g. Key account managers")),
        FieldSpec("incentive_type", N_("Type"), "enum", choices=INCENTIVE_TYPE_NAMES),
        FieldSpec("period_months", N_("Paid every (months)"), "int"),
        FieldSpec("rewards_what", N_("What it rewards")),
        NOTES,
    ],
    ElementKind.BUDGET: [
        TITLE, SIDE,
        FieldSpec("amount", N_("Amount"), "float"),
        FieldSpec("currency", N_("Currency")),
        FieldSpec("period_months", N_("Period (months)"), "int"),
        FieldSpec("start_date", N_("Starts on"), "date"),
        POOLED_FROM,
        GOES_INTO,
        NOTES,
    ],
    ElementKind.CHANNEL: [
        TITLE,
        FieldSpec("side", N_("From"), "enum", choices=SIDE_NAMES),
        FieldSpec("to_side", N_("To"), "enum", choices=SIDE_NAMES),
        FieldSpec("purpose", N_("Purpose")),
        FieldSpec("format", N_("Format")),
        FieldSpec("cadence", N_("Cadence")),
        FieldSpec("owner", N_("Owner"), "participant"),
        FieldSpec("usefulness", N_("Usefulness"), "rating"),  # rated by the receiving side (the page says so)
        FieldSpec("origin", N_("Status"), "enum", choices=ORIGIN_NAMES),
        REPLACES,
        NOTES,
    ],
    ElementKind.INSIGHT: [TITLE, SIDE, FieldSpec("source", N_("Source"), placeholder=N_("e.g. customer visits, win/loss calls")), NOTES],
    ElementKind.BELIEF: [
        FieldSpec("title", N_("Belief")), SIDE,
        FieldSpec("resistance", N_("Expected resistance"), "multiline", extra={"lines": 2}),
        FieldSpec("mitigation", N_("Mitigation"), "multiline", extra={"lines": 2}),
        NOTES,
    ],
    ElementKind.AGREEMENT: [
        FieldSpec("title", N_("Agreement")),
        FieldSpec("agreement_type", N_("Type"), "enum", choices=AGREEMENT_TYPE_NAMES),
        FieldSpec("parties", N_("Parties"), "sides", extra={"rows": 2.4}),  # the three sides, no more
        FieldSpec("commitment", N_("Commitment"), "multiline", extra={"lines": 2},
                  placeholder=N_("Who does what, or what counts as e.g. a qualified lead")),
        FieldSpec("within", N_("Within"), placeholder=N_("e.g. 24 hours")),
        FieldSpec("metric", N_("Measured by"), placeholder=N_("e.g. share of leads called back in time")),
        FieldSpec("owner", N_("Owner"), "participant"),
        FieldSpec("review_date", N_("Review on"), "date"),
        GOVERNS,
        NOTES,
    ],
}


class ElementDetails(QStackedWidget):
    """One form per element kind; shows the form matching the selected element.

    Its minimum size is the form on show's, not the largest form's (a plain
    QStackedWidget's is): with nothing selected the panel needs no room, so the
    scroll area around it shows no stray scrollbar. The preferred size stays
    the largest form's, so the page keeps room for the form to come.
    """

    def __init__(self, doc: Document, kinds: list[str], parent: QWidget | None = None, columns: int = 1):
        super().__init__(parent)
        self.doc = doc
        self.forms: dict[str, RecordForm] = {}
        self.empty = QWidget()
        self.addWidget(self.empty)
        for kind in kinds:
            form = RecordForm(doc, "elements", ELEMENT_FIELDS[kind], columns=columns)
            form.setObjectName(f"details_{kind}")
            self.forms[kind] = form
            self.addWidget(form)
        self.item_id: str | None = None
        self.currentChanged.connect(lambda _index: self.updateGeometry())

    def minimumSizeHint(self) -> QSize:
        """The form on show needs its room; with none (nothing selected) the panel needs none."""
        current = self.currentWidget()
        return current.minimumSizeHint() if current is not None and current is not self.empty else QSize(0, 0)

    def set_item(self, item_id: str | None) -> None:
        self.item_id = item_id
        self.refresh()

    def refresh(self) -> None:
        element = find_record(self.doc.workshop, "elements", self.item_id)
        form = self.forms.get(element.kind) if element is not None else None
        if form is None:
            self.setCurrentWidget(self.empty)
            return
        form.set_item(element.id)
        self.setCurrentWidget(form)

    def current_form(self) -> RecordForm | None:
        widget = self.currentWidget()
        return widget if isinstance(widget, RecordForm) else None
