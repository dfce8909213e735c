"""Phase 1 – Setup: workshop details, who is in the room, the agenda with timeboxes."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from workshop_app.i18n import N_, _
from workshop_app.model import Participant, Phase, Side, UpdateAgenda, new_id
from workshop_app.ui.document import Document
from workshop_app.ui.pages.base import PhasePage, heading, panel
from workshop_app.ui.widgets.fields import ChoiceField, FieldSpec, RecordForm
from workshop_app.ui.widgets.labels import LANGUAGE_NAMES, SIDE_COLOURS, SIDE_NAMES, phase_name
from workshop_app.ui.widgets.plain import plain_tooltip
from workshop_app.ui.widgets.record_table import Column, RecordTable

META_FIELDS = [
    FieldSpec("title", N_("Title"), placeholder=N_("e.g. Marketing & Sales: one set of goals")),
    FieldSpec("organisation", N_("Organisation")),
    FieldSpec("date", N_("Date"), "date"),
    FieldSpec("venue", N_("Venue")),
    FieldSpec("facilitator", N_("Facilitator")),
    FieldSpec("language", N_("Language of the minutes"), "enum", choices=LANGUAGE_NAMES),
]


class SetupPage(PhasePage):
    """Workshop meta on the left with the agenda below; participants on the right."""

    phase = Phase.SETUP

    def default_list(self) -> QWidget | None:
        return self.participants

    def __init__(self, doc: Document, parent: QWidget | None = None):
        super().__init__(doc, parent)
        self.meta_form = RecordForm(doc, "meta", META_FIELDS)

        self.agenda = RecordTable(
            doc, "agenda",
            [Column("phase", N_("Phase"), "label", display=lambda _d, a: phase_name(a.phase), stretch=True),
             Column("timebox_minutes", N_("Timebox (min)"), "int"),
             Column("actual_minutes", N_("Actual (min)"), "int"),
             Column("done", N_("Done"), "bool")],
            rows=lambda w: list(w.agenda), title=_("Agenda"), reorderable=False,
            key=lambda a: str(a.phase),
            update_op=lambda a, changes: UpdateAgenda(a.phase, changes), deletable=False,
        )

        self.side_choice = ChoiceField(self)
        self.side_choice.setObjectName("new_participant_side")
        self.side_choice.set_choices([(v, _(n)) for v, n in SIDE_NAMES.items()])
        self.side_choice.set_value(Side.MARKETING)
        self.side_choice.setToolTip(plain_tooltip(_("Side of the next participant")))
        self.participants = RecordTable(
            doc, "participants",
            [Column("name", N_("Name"), stretch=True),
             Column("side", N_("Side"), "enum", choices=SIDE_NAMES, colour=lambda p: SIDE_COLOURS.get(p.side)),
             Column("role", N_("Role"), stretch=True)],
            rows=lambda w: list(w.participants), title=_("Participants"),
            add_placeholder=_("Type a name and press Enter"),
            factory=lambda name: Participant(id=new_id("person"), name=name, side=self.side_choice.value() or Side.JOINT),
            add_label=_("Add participant “{title}”"),
        )
        self.participants.setObjectName("participants")
        self.participants.add_widget_to_add_row(self.side_choice)

        left = QVBoxLayout()
        left.setSpacing(16)
        left.addWidget(panel(heading(_("Workshop")), self.meta_form))
        left.addWidget(panel(self.agenda), 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        layout.addLayout(left, 1)  # the workshop's title and place read in full, the agenda's phases too
        layout.addWidget(panel(self.participants), 1)
        self.setTabOrder(self.meta_form.editors["language"], self.participants.add_edit)
        self.setTabOrder(self.participants.add_edit, self.side_choice)
        self.setTabOrder(self.side_choice, self.participants.view)  # then Tab walks the new row's fields

    def refresh(self) -> None:
        self.meta_form.refresh()
        self.participants.refresh()
        self.agenda.refresh()
        super().refresh()

    def focus_first(self) -> None:
        self.meta_form.editors["title"].setFocus()

    def select_initial(self) -> None:
        if self.participants.current_id() is None and self.participants.model.ids:
            self.participants.select_id(self.participants.model.ids[0])
