"""The details form of each element kind: its own fields, as the pages show them."""

from __future__ import annotations

from PySide6.QtWidgets import QStackedWidget, QWidget

from workshop_app.i18n import N_
from workshop_app.model import ElementKind
from workshop_app.ui.document import Document
from workshop_app.ui.widgets.fields import FieldSpec, RecordForm, find_record
from workshop_app.ui.widgets.labels import INCENTIVE_TYPE_NAMES, LEVEL_NAMES, ORIGIN_NAMES, SIDE_NAMES

TITLE = FieldSpec("title", N_("Title"))
SIDE = FieldSpec("side", N_("Side"), "enum", choices=SIDE_NAMES)
NOTES = FieldSpec("notes", N_("Notes"), "multiline", extra={"lines": 2})

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
        NOTES,
    ],
    ElementKind.INSIGHT: [TITLE, SIDE, FieldSpec("source", N_("Source"), placeholder=N_("e.g. customer visits, win/loss calls")), NOTES],
    ElementKind.BELIEF: [
        FieldSpec("title", N_("Belief")), SIDE,
        FieldSpec("resistance", N_("Expected resistance"), "multiline", extra={"lines": 2}),
        FieldSpec("mitigation", N_("Mitigation"), "multiline", extra={"lines": 2}),
        NOTES,
    ],
}


class ElementDetails(QStackedWidget):
    """One form per element kind; shows the form matching the selected element."""

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
