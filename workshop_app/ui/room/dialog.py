"""The "Room link" window: joining, the screening queue and the voting rounds, in three tabs.

Non-modal, owned by the main window, so the facilitator keeps editing and
presenting while cards arrive. Sized for a 1366×768 laptop.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTabWidget, QVBoxLayout, QWidget

from workshop_app.i18n import _
from workshop_app.ui.room.controller import RoomController
from workshop_app.ui.room.join_panel import JoinPanel
from workshop_app.ui.room.queue_panel import QueuePanel
from workshop_app.ui.room.round_panel import RoundPanel
from workshop_app.ui.widgets.message_bar import MessageBar

DIALOG_NAME = "room_link_dialog"


class RoomLinkDialog(QDialog):
    """Join, Cards (with the count waiting) and Voting tabs over one message bar."""

    def __init__(self, controller: RoomController, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        self.setObjectName(DIALOG_NAME)
        self.setWindowTitle(_("Room link"))
        self.setModal(False)
        self.message_bar = MessageBar(self)
        self.join = JoinPanel(controller)
        self.queue = QueuePanel(controller)
        self.voting = RoundPanel(controller)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("room_tabs")
        self.tabs.addTab(self.join, _("&Join"))
        self.tabs.addTab(self.queue, "")
        self.tabs.addTab(self.voting, _("&Voting"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        doc = controller.doc
        for said in (doc.refused, doc.cautioned):
            said.connect(lambda text: self.message_bar.show_refusal(text) if self.isVisible() else None)
        controller.cards_changed.connect(self._count_cards)
        self._count_cards()
        self.resize(960, 600)

    def _count_cards(self) -> None:
        n = len(self.controller.cards)
        self.tabs.setTabText(1, _("&Cards ({n})").format(n=n) if n else _("&Cards"))
