"""The screening queue: cards from phones wait here until the facilitator accepts, merges or rejects them.

Why nothing reaches the document on its own: a card is what one person typed
on a phone, anonymously; the facilitator reads it first. Accepting is one
undoable edit (the card becomes an element of its side, hidden until revealed
unless the box is cleared), merging appends it to an existing entry's notes,
rejecting only drops it. Card text is shown as plain text everywhere: list
items, the detail label and the edit dialog never interpret markup.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workshop_app.i18n import _, ngettext
from workshop_app.model import ElementKind, Side
from workshop_app.room import Card
from workshop_app.room.events import DETAIL_MAX, TITLE_MAX
from workshop_app.ui.room import edits
from workshop_app.ui.room.controller import CardDraft, RoomController
from workshop_app.ui.widgets.labels import KIND_NAMES, side_name
from workshop_app.ui.widgets.plain import PlainLabel, plain_tooltip, shown

CARD_ROLE = Qt.ItemDataRole.UserRole


def kind_label(kind: ElementKind | None) -> str:
    return _("Parking lot") if kind is None else _(KIND_NAMES[ElementKind(kind)])


def card_line(card: Card) -> str:
    """One list line: kind, side, title (plain text; control characters visible)."""
    return f"{kind_label(card.kind)} · {side_name(card.side)} — {shown(card.title)}"


class CardEditDialog(QDialog):
    """Edit a card before accepting it: kind, side, title and detail."""

    def __init__(self, card: Card, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("card_edit_dialog")
        self.setWindowTitle(_("Edit the card, then accept it"))
        self.kind = QComboBox()
        self.kind.setObjectName("card_kind")
        for kind in (*edits.CARD_KINDS, None):
            self.kind.addItem(kind_label(kind), kind)
        self.kind.setCurrentIndex(self.kind.findData(card.kind))
        self.side = QComboBox()
        self.side.setObjectName("card_side")
        for side in (Side.MARKETING, Side.SALES, Side.JOINT):
            self.side.addItem(side_name(side), side)
        self.side.setCurrentIndex(self.side.findData(card.side))
        self.title = QLineEdit(card.title)
        self.title.setObjectName("card_title")
        self.title.setMaxLength(TITLE_MAX)
        self.detail = QPlainTextEdit(card.detail)  # plain text: markup stays literal
        self.detail.setObjectName("card_detail")
        self.detail.setTabChangesFocus(True)
        form = QFormLayout()
        form.addRow(_("&Kind:"), self.kind)
        form.addRow(_("&Side:"), self.side)
        form.addRow(_("&Title:"), self.title)
        form.addRow(_("&Detail:"), self.detail)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.accept_button = buttons.addButton(_("&Accept"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(560, 360)

    def draft(self) -> CardDraft:
        return CardDraft(self.kind.currentData(), self.side.currentData(), self.title.text(),
                         self.detail.toPlainText()[:DETAIL_MAX])


class QueuePanel(QWidget):
    """The cards waiting, the selected card's text, and what to do with it."""

    def __init__(self, controller: RoomController, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        self.setObjectName("room_queue")
        self.count = PlainLabel()
        self.count.setObjectName("queue_count")
        self.list = QListWidget()
        self.list.setObjectName("queue_list")
        self.list.setAccessibleName(_("Cards waiting"))
        self.list.setWordWrap(True)
        self.list.currentItemChanged.connect(lambda *_a: self._show_selected())
        self.detail = PlainLabel()
        self.detail.setObjectName("queue_detail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setMinimumHeight(self.fontMetrics().height() * 4)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.hidden_box = QCheckBox(_("Accepted cards stay &hidden from the room until revealed"))
        self.hidden_box.setObjectName("accept_hidden")
        self.hidden_box.setChecked(controller.hide_accepted)
        self.hidden_box.toggled.connect(lambda on: setattr(controller, "hide_accepted", on))

        self.accept_button = QPushButton(_("&Accept"))
        self.accept_button.setObjectName("accept_card")
        self.accept_button.clicked.connect(self.accept_selected)
        self.edit_button = QPushButton(_("&Edit, then accept…"))
        self.edit_button.setObjectName("edit_card")
        self.edit_button.clicked.connect(self.edit_selected)
        self.reject_button = QPushButton(_("&Reject"))
        self.reject_button.setObjectName("reject_card")
        self.reject_button.clicked.connect(self.reject_selected)
        self.merge_target = QComboBox()
        self.merge_target.setObjectName("merge_target")
        self.merge_target.setAccessibleName(_("Entry to merge the card into"))
        self.merge_target.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.merge_target.setMinimumContentsLength(24)
        self.merge_button = QPushButton(_("&Merge into:"))
        self.merge_button.setObjectName("merge_card")
        self.merge_button.clicked.connect(self.merge_selected)

        buttons = QHBoxLayout()
        for button in (self.accept_button, self.edit_button, self.reject_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        merge = QHBoxLayout()
        merge.addWidget(self.merge_button)
        merge.addWidget(self.merge_target, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.count)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.detail)
        layout.addLayout(buttons)
        layout.addLayout(merge)
        layout.addWidget(self.hidden_box)
        controller.cards_changed.connect(self.refresh)
        controller.doc.changed.connect(lambda _op: self._fill_targets())
        self.refresh()

    # -- showing ----------------------------------------------------------------------------------
    def refresh(self) -> None:
        selected = self.selected_card()
        self.list.blockSignals(True)
        self.list.clear()
        for card in self.controller.cards:
            item = QListWidgetItem(card_line(card))
            item.setData(CARD_ROLE, card.id)
            item.setToolTip(plain_tooltip(card.detail) if card.detail.strip() else "")
            self.list.addItem(item)
        row = next((i for i, c in enumerate(self.controller.cards) if selected and c.id == selected.id), 0)
        if self.controller.cards:
            self.list.setCurrentRow(row)
        self.list.blockSignals(False)
        n = len(self.controller.cards)
        self.count.setText(ngettext("{n} card waiting", "{n} cards waiting", n).format(n=n) if n
                           else _("No cards waiting. Cards the participants send appear here."))
        self._show_selected()

    def selected_card(self) -> Card | None:
        item = self.list.currentItem()
        return self.controller.card(item.data(CARD_ROLE)) if item is not None else None

    def select(self, card_id: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(CARD_ROLE) == card_id:
                self.list.setCurrentRow(row)

    def _show_selected(self) -> None:
        card = self.selected_card()
        self.detail.setText("" if card is None else (card.detail or _("(no detail)")))
        for button in (self.accept_button, self.edit_button, self.reject_button):
            button.setEnabled(card is not None)
        self._fill_targets()

    def _fill_targets(self) -> None:
        card = self.selected_card()
        kept = self.merge_target.currentData()
        self.merge_target.clear()
        if card is not None:
            for target_id, label in edits.merge_targets(self.controller.doc.workshop, card.kind):
                self.merge_target.addItem(shown(label), target_id)
            index = self.merge_target.findData(kept)
            if index >= 0:
                self.merge_target.setCurrentIndex(index)
        self.merge_button.setEnabled(card is not None and self.merge_target.count() > 0)
        self.merge_target.setEnabled(self.merge_button.isEnabled())

    # -- doing ------------------------------------------------------------------------------------
    def accept_selected(self) -> bool:
        card = self.selected_card()
        return card is not None and self.controller.accept(card)

    def edit_selected(self) -> bool:
        card = self.selected_card()
        if card is None:
            return False
        dialog = CardEditDialog(card, self)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            return self.controller.accept(card, dialog.draft())
        finally:
            dialog.deleteLater()

    def merge_selected(self) -> bool:
        card, target = self.selected_card(), self.merge_target.currentData()
        return card is not None and target is not None and self.controller.merge(card, target)

    def reject_selected(self) -> bool:
        card = self.selected_card()
        if card is None:
            return False
        self.controller.reject(card)
        return True
