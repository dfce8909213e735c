"""Phase 5 – Communication: how the sides will talk and what they promise each other.

Two tabs on the left: the channels (today's with their usefulness above, the
agreed ones below) and the agreements (service levels, definitions, rules of
engagement). The selected entry's fields are on the right, in one details
panel for both tabs.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea, QSplitter, QTabWidget, QWidget

from workshop_app.i18n import N_, _
from workshop_app.model import Agreement, Channel, ElementKind, LinkKind, Origin, Phase, Side, Workshop, new_id
from workshop_app.ui.document import Document
from workshop_app.ui.pages.base import PhasePage, heading, hint, panel
from workshop_app.ui.widgets.element_forms import ElementDetails
from workshop_app.ui.widgets.fields import ChoiceField
from workshop_app.ui.widgets.labels import AGREEMENT_TYPE_NAMES, SIDE_COLOURS, SIDE_NAMES, element_label
from workshop_app.ui.widgets.record_table import Column, RecordTable


def _channels(origin: Origin):
    def rows(doc: Workshop) -> list:
        return [el for el in doc.elements if el.kind == ElementKind.CHANNEL and el.origin == origin]
    return rows


def _agreements(doc: Workshop) -> list:
    return [el for el in doc.elements if el.kind == ElementKind.AGREEMENT]


def replacements(doc: Workshop) -> dict[str, list[str]]:
    """Channel id -> the ids of the agreed channels that replace it (``replaces`` links), in link order."""
    found: dict[str, list[str]] = {}
    for lk in doc.links:
        if lk.kind == LinkKind.REPLACES:
            found.setdefault(lk.target, []).append(lk.source)
    return found



def _side_column(field: str, title: str) -> Column:
    return Column(field, title, "enum", choices=SIDE_NAMES, colour=lambda c, f=field: SIDE_COLOURS.get(getattr(c, f)))


def _usefulness_colour(channel: Channel, poor: int, replaced: bool = False) -> str | None:
    """Red for a poor channel still in use (rated ``poor`` or less, the workshop's threshold), green for a
    valued one; a replaced one is history, uncoloured."""
    if channel.usefulness is None or (replaced and channel.usefulness <= poor):
        return None
    return "#C23B00" if channel.usefulness <= poor else ("#007A5A" if channel.usefulness >= 4 else None)


class CommunicationPage(PhasePage):
    """Today's channels above, agreed channels below, the selected channel's fields on the right."""

    phase = Phase.COMMUNICATION

    def followed_list(self) -> QWidget | None:
        return self.last_table

    def __init__(self, doc: Document, parent: QWidget | None = None):
        super().__init__(doc, parent)
        self._replacements_key: tuple[int, int] | None = None
        self._replacements_of: dict[str, list[str]] = {}
        self.as_is_from = ChoiceField(self)
        self.as_is_from.setObjectName("as_is_from")
        directions = [(Side.MARKETING, _("Marketing → Sales")), (Side.SALES, _("Sales → Marketing"))]
        self.as_is_from.set_choices(directions)
        self.as_is_from.setMinimumContentsLength(max(len(text) for _side, text in directions))  # never "Marketing → S"
        self.as_is_from.set_value(Side.MARKETING)
        self.as_is = RecordTable(
            doc, "elements",
            # the format is in the details (the title of today's channel mostly says it): the
            # column goes to what the room agreed instead, the channel that replaces it
            [Column("title", N_("Channel today"), stretch=True), _side_column("side", N_("From")),
             _side_column("to_side", N_("To")), Column("cadence", N_("Cadence"), secondary=True),
             Column("usefulness", N_("Usefulness"), "rating", colour=self._usefulness_colour),
             Column("replaced_by", N_("Replaced by"), "label", display=self._replaced_by, stretch=True)],
            rows=_channels(Origin.AS_IS), title=_("Channels today"),
            add_placeholder=_("Add a channel used today and press Enter"),
            factory=lambda t: self._new_channel(t, Origin.AS_IS, self.as_is_from.value()),
        )
        self.as_is.setObjectName("channels_as_is")
        self.as_is.add_widget_to_add_row(self.as_is_from)

        self.agreed = RecordTable(
            doc, "elements",
            [Column("title", N_("Agreed channel"), stretch=True), Column("purpose", N_("Purpose"), stretch=True),
             Column("format", N_("Format"), stretch=True, secondary=True),
             Column("cadence", N_("Cadence"), secondary=True),
             Column("owner", N_("Owner"), "participant")],
            rows=_channels(Origin.AGREED), title=_("Agreed channels"),
            add_placeholder=_("Add an agreed channel and press Enter"),
            factory=lambda t: self._new_channel(t, Origin.AGREED, Side.JOINT),
        )
        self.agreed.setObjectName("channels_agreed")

        self.agreements = RecordTable(
            doc, "elements",
            [Column("title", N_("Agreement"), stretch=True),
             Column("agreement_type", N_("Type"), "enum", choices=AGREEMENT_TYPE_NAMES),
             # how fast and measured how: in the details, so the title stays readable on a laptop
             Column("owner", N_("Owner"), "participant", stretch=True), Column("review_date", N_("Review"), "date")],
            rows=_agreements, title=_("Agreements"),
            add_placeholder=_("Add an agreement (e.g. lead handover within 24 h) and press Enter"),
            factory=self._new_agreement, add_label=_("Add agreement “{title}”"),
        )
        self.agreements.setObjectName("agreements")
        self.agreements_hint = hint(_("What the sides promise each other: service levels (who does what within how "
                                      "long, measured how), definitions (what counts as a qualified lead) and rules of "
                                      "engagement. Tick the goals whose handover an agreement governs."))
        for table in (self.as_is, self.agreed, self.agreements):
            table.current_changed.connect(lambda item_id, t=table: self._on_current(t, item_id))
            # back to a table whose selection did not change: its entry's details again
            table.view.clicked.connect(lambda _index, t=table: self._on_current(t, t.current_id()))

        self.details_title = heading(_("Details"))
        self.details = ElementDetails(doc, [ElementKind.CHANNEL, ElementKind.AGREEMENT])
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.details)
        self.rating_hint = hint("")

        tables = QSplitter(Qt.Orientation.Vertical)
        tables.addWidget(panel(self.as_is, self.rating_hint))
        tables.addWidget(panel(self.agreed))
        tables.setChildrenCollapsible(False)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("communication_tabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(tables, _("Channels"))
        self.tabs.addTab(panel(self.agreements, self.agreements_hint), _("Agreements"))
        self.tabs.currentChanged.connect(self._on_tab)
        self.fill_with_columns(self.tabs, panel(self.details_title, scroll), 0.62)
        self.last_table = self.agreed
        self.last_channels: RecordTable | None = None

    def _replacements(self) -> dict[str, list[str]]:
        """:func:`replacements` of the workshop as it is now, worked out once per change, not once per cell."""
        key = (self.doc.revision, id(self.doc.workshop))
        if self._replacements_key != key:
            self._replacements_key, self._replacements_of = key, replacements(self.doc.workshop)
        return self._replacements_of

    def _replaced_by(self, doc: Workshop, channel: Channel) -> str:
        """The agreed channels that replace a channel of today ('' while nothing does): it stays as history."""
        return ", ".join(element_label(doc, source, False) for source in self._replacements().get(channel.id, ()))

    def _usefulness_colour(self, channel: Channel) -> str | None:
        replaced = channel.id in self._replacements()
        return _usefulness_colour(channel, self.doc.workshop.analysis.poor_channel_rating, replaced)

    def _new_agreement(self, title: str) -> Agreement:
        return Agreement(id=new_id("agreement"), title=title, side=Side.JOINT, parties=[Side.MARKETING, Side.SALES])

    def show_agreements(self, on: bool = True) -> None:
        """Bring the agreements (True) or the channels (False) to the front."""
        self.tabs.setCurrentIndex(1 if on else 0)

    def _on_tab(self, index: int) -> None:
        self.commit_pending()
        table = self.agreements if index == 1 else (self.last_channels if self.last_channels is not None else self.agreed)
        self.last_table = table
        self._on_current(table, table.current_id())

    def _new_channel(self, title: str, origin: Origin, side: Side | None) -> Channel:
        side = side or Side.MARKETING
        to_side = {Side.MARKETING: Side.SALES, Side.SALES: Side.MARKETING}.get(side, Side.JOINT)
        return Channel(id=new_id("channel"), title=title, side=side, to_side=to_side, origin=origin)

    def _on_current(self, table: RecordTable, item_id: str | None) -> None:
        if item_id is None and table is not self.last_table:
            return
        self.last_table = table
        if table is not self.agreements:
            self.last_channels = table
        self.details.set_item(item_id)
        if item_id is None:
            self.details_title.setText(_("Details – select an agreement") if table is self.agreements
                                       else _("Details – select a channel"))
        elif table is self.agreements:
            self.details_title.setText(_("Agreement"))
        elif table is self.agreed:
            self.details_title.setText(_("Agreed channel"))
        else:
            self.details_title.setText(_("Channel today"))

    def refresh(self) -> None:
        self.rating_hint.setText(_("Usefulness is rated by the receiving side: 0 useless … 5 essential. Channels "
                                   "rated {n} or less are shown in red until an agreed channel replaces them.").format(
            n=self.doc.workshop.analysis.poor_channel_rating))
        self.as_is.refresh()
        self.agreed.refresh()
        self.agreements.refresh()
        count = len(self.agreements.model.ids)
        self.tabs.setTabText(1, f"{_('Agreements')}  {count}" if count else _("Agreements"))
        self.details.refresh()
        self._on_current(self.last_table, self.last_table.current_id())
        super().refresh()

    def document_replaced(self) -> None:
        self.details.set_item(None)

    def focus_first(self) -> None:
        table = self.agreements if self.tabs.currentIndex() == 1 else self.agreed
        if table.add_edit is not None:
            table.add_edit.setFocus()

    def select_initial(self) -> None:
        for table in (self.agreements, self.agreed):
            if table.current_id() is None and table.model.ids:
                table.select_id(table.model.ids[0])
        self._on_tab(self.tabs.currentIndex())
