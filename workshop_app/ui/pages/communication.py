"""Phase 5 – Communication: today's channels with their usefulness, and the agreed ones."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea, QSplitter, QWidget

from workshop_app.i18n import N_, _
from workshop_app.model import Channel, ElementKind, Origin, Phase, Side, Workshop, new_id
from workshop_app.ui.document import Document
from workshop_app.ui.pages.base import PhasePage, heading, hint, panel
from workshop_app.ui.widgets.element_forms import ElementDetails
from workshop_app.ui.widgets.fields import ChoiceField
from workshop_app.ui.widgets.labels import SIDE_COLOURS, SIDE_NAMES
from workshop_app.ui.widgets.record_table import Column, RecordTable

USELESS = 1  # a rating at or below this: nobody on the receiving side uses it


def _channels(origin: Origin):
    def rows(doc: Workshop) -> list:
        return [el for el in doc.elements if el.kind == ElementKind.CHANNEL and el.origin == origin]
    return rows


def _usefulness_colour(channel: Channel) -> str | None:
    if channel.usefulness is None:
        return None
    return "#C23B00" if channel.usefulness <= USELESS else ("#007A5A" if channel.usefulness >= 4 else None)


def _side_column(field: str, title: str) -> Column:
    return Column(field, title, "enum", choices=SIDE_NAMES, colour=lambda c, f=field: SIDE_COLOURS.get(getattr(c, f)))


class CommunicationPage(PhasePage):
    """Today's channels above, agreed channels below, the selected channel's fields on the right."""

    phase = Phase.COMMUNICATION

    def followed_list(self) -> QWidget | None:
        return self.last_table

    def __init__(self, doc: Document, parent: QWidget | None = None):
        super().__init__(doc, parent)
        self.as_is_from = ChoiceField(self)
        self.as_is_from.setObjectName("as_is_from")
        directions = [(Side.MARKETING, _("Marketing → Sales")), (Side.SALES, _("Sales → Marketing"))]
        self.as_is_from.set_choices(directions)
        self.as_is_from.setMinimumContentsLength(max(len(text) for _side, text in directions))  # never "Marketing → S"
        self.as_is_from.set_value(Side.MARKETING)
        self.as_is = RecordTable(
            doc, "elements",
            [Column("title", N_("Channel today"), stretch=True), _side_column("side", N_("From")),
             _side_column("to_side", N_("To")), Column("format", N_("Format"), stretch=True), Column("cadence", N_("Cadence")),
             Column("usefulness", N_("Usefulness"), "rating", colour=_usefulness_colour)],
            rows=_channels(Origin.AS_IS), title=_("Channels today"),
            add_placeholder=_("Add a channel used today and press Enter"),
            factory=lambda t: self._new_channel(t, Origin.AS_IS, self.as_is_from.value()),
        )
        self.as_is.setObjectName("channels_as_is")
        self.as_is.add_widget_to_add_row(self.as_is_from)

        self.agreed = RecordTable(
            doc, "elements",
            [Column("title", N_("Agreed channel"), stretch=True), Column("purpose", N_("Purpose"), stretch=True),
             Column("format", N_("Format"), stretch=True), Column("cadence", N_("Cadence")),
             Column("owner", N_("Owner"), "participant")],
            rows=_channels(Origin.AGREED), title=_("Agreed channels"),
            add_placeholder=_("Add an agreed channel and press Enter"),
            factory=lambda t: self._new_channel(t, Origin.AGREED, Side.JOINT),
        )
        self.agreed.setObjectName("channels_agreed")
        self.as_is.current_changed.connect(lambda item_id: self._on_current(self.as_is, item_id))
        self.agreed.current_changed.connect(lambda item_id: self._on_current(self.agreed, item_id))

        self.details_title = heading(_("Details"))
        self.details = ElementDetails(doc, [ElementKind.CHANNEL])
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.details)
        self.rating_hint = hint(_("Usefulness is rated by the receiving side: 0 useless … 5 essential. "
                                  "Channels rated 0 or 1 are shown in red: replace them."))

        tables = QSplitter(Qt.Orientation.Vertical)
        tables.addWidget(panel(self.as_is, self.rating_hint))
        tables.addWidget(panel(self.agreed))
        tables.setChildrenCollapsible(False)
        self.fill_with_columns(tables, panel(self.details_title, scroll), 0.62)
        self.last_table = self.agreed

    def _new_channel(self, title: str, origin: Origin, side: Side | None) -> Channel:
        side = side or Side.MARKETING
        to_side = {Side.MARKETING: Side.SALES, Side.SALES: Side.MARKETING}.get(side, Side.JOINT)
        return Channel(id=new_id("channel"), title=title, side=side, to_side=to_side, origin=origin)

    def _on_current(self, table: RecordTable, item_id: str | None) -> None:
        if item_id is None and table is not self.last_table:
            return
        self.last_table = table
        self.details.set_item(item_id)
        if item_id is None:
            self.details_title.setText(_("Details – select a channel"))
        elif table is self.agreed:
            self.details_title.setText(_("Agreed channel"))
        else:
            self.details_title.setText(_("Channel today"))

    def refresh(self) -> None:
        self.as_is.refresh()
        self.agreed.refresh()
        self.details.refresh()
        self._on_current(self.last_table, self.last_table.current_id())
        super().refresh()

    def document_replaced(self) -> None:
        self.details.set_item(None)

    def focus_first(self) -> None:
        if self.agreed.add_edit is not None:
            self.agreed.add_edit.setFocus()

    def select_initial(self) -> None:
        if self.agreed.current_id() is None and self.agreed.model.ids:
            self.agreed.select_id(self.agreed.model.ids[0])
