"""Voting rounds on phones: pick the conflicts, open the round, watch the count, close it, reveal it.

Why close and reveal are two steps: closing ends the voting and records the
dots on the conflicts (one undoable edit) while the wall and the phones keep
what they showed; only the reveal puts the result in front of the room. The
live counts are for the facilitator's eyes only. Each phone has the
workshop's dots per participant.

The alignment check can be filled in on phones too: one anonymous response
per phone arrives in the chosen round.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workshop_app.i18n import _, current_language, ngettext
from workshop_app.ui.room.controller import RoomController
from workshop_app.ui.widgets.plain import PlainLabel, plain_tooltip, shown

ID_ROLE = Qt.ItemDataRole.UserRole
LIVE_MS = 1000  # how often the facilitator's live counts are read while a round is open


class RoundPanel(QWidget):
    """The conflicts to vote on (checked), the round's buttons and its state."""

    def __init__(self, controller: RoomController, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        self.setObjectName("room_round")
        self.hint = PlainLabel()
        self.hint.setObjectName("round_hint")
        self.hint.setWordWrap(True)
        self.items = QListWidget()
        self.items.setObjectName("round_items")
        self.items.setAccessibleName(_("Conflicts to vote on"))
        self.open_button = QPushButton(_("&Open the round"))
        self.open_button.setObjectName("open_round")
        self.open_button.clicked.connect(self.open_round)
        self.close_button = QPushButton(_("C&lose the round"))
        self.close_button.setObjectName("close_round")
        self.close_button.clicked.connect(self.close_round)
        self.reveal_button = QPushButton(_("&Reveal the result"))
        self.reveal_button.setObjectName("reveal_round")
        self.reveal_button.clicked.connect(self.reveal_round)
        self.status = PlainLabel()
        self.status.setObjectName("round_status")
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.open_button, self.close_button, self.reveal_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.alignment = QGroupBox(_("Alignment check on phones"))
        self.alignment_round = QComboBox()
        self.alignment_round.setObjectName("alignment_round")
        self.alignment_button = QPushButton()
        self.alignment_button.setObjectName("alignment_toggle")
        self.alignment_button.clicked.connect(self.toggle_alignment)
        row = QHBoxLayout(self.alignment)
        row.addWidget(self.alignment_round, 1)
        row.addWidget(self.alignment_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.items, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.alignment)
        self._live = QTimer(self)
        self._live.setInterval(LIVE_MS)
        self._live.timeout.connect(self.show_state)
        controller.round_changed.connect(self.refresh)
        controller.state_changed.connect(self.refresh)
        controller.doc.changed.connect(lambda _op: self.refresh() if self.isVisible() else None)
        controller.doc.replaced.connect(self.refresh)
        self.refresh()

    def showEvent(self, event) -> None:  # Qt override
        super().showEvent(event)
        self.refresh()

    # -- the conflicts -------------------------------------------------------------------------------
    def refresh(self) -> None:
        """The list follows the document while no round is open; the open round's items stay as they are."""
        round_ = self.controller.round
        if round_ is None or round_.state == "revealed":
            self._fill_items()
        self._fill_alignment()
        self.show_state()

    def _fill_items(self) -> None:
        from workshop_app.analysis.visibility import visible_conflicts, votable

        checked = self.checked_ids() if self.items.count() else None
        self.items.clear()
        doc = self.controller.doc
        for view in visible_conflicts(doc.workshop, doc.conflict_views(current_language())):  # hidden: not on phones
            if not votable(view):
                continue
            title = shown(view.title) if view.taken_up else "◇ " + shown(view.title)
            item = QListWidgetItem(title)
            item.setData(ID_ROLE, view.id)
            item.setToolTip(plain_tooltip(view.title if view.taken_up else _("New finding: {title}").format(title=view.title)))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            on = view.id in checked if checked is not None else view.taken_up
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            self.items.addItem(item)

    def checked_ids(self) -> list[str]:
        return [self.items.item(r).data(ID_ROLE) for r in range(self.items.count())
                if self.items.item(r).checkState() == Qt.CheckState.Checked]

    def set_checked(self, ids: set[str]) -> None:
        for r in range(self.items.count()):
            item = self.items.item(r)
            item.setCheckState(Qt.CheckState.Checked if item.data(ID_ROLE) in ids else Qt.CheckState.Unchecked)

    # -- the state -----------------------------------------------------------------------------------
    def show_state(self) -> None:
        c = self.controller
        round_ = c.round
        running = c.running
        state = round_.state if round_ is not None else "none"
        dots = c.dots_per_device()
        self.hint.setText(
            _("Tick the conflicts the room votes on. Each phone has {n} dots (the workshop's dots per participant).")
            .format(n=dots) if dots else
            _("Tick the conflicts the room votes on. The workshop sets no dot limit: each phone gets one dot per "
              "conflict in the round."))
        self.items.setEnabled(state in ("none", "revealed"))
        self.open_button.setEnabled(running and state in ("none", "revealed"))
        self.close_button.setEnabled(running and state == "open")
        self.reveal_button.setEnabled(running and state == "closed")
        if state == "open":
            self._live.start()
        else:
            self._live.stop()
        if not running:
            text = _("Turn the Room link on to vote from phones.")
        elif round_ is None:
            text = _("No round open.")
        elif state == "open":
            live = c.live_result()
            voted = live.devices_voted if live is not None else round_.devices_voted
            text = ngettext("Round open: {n} device has voted.", "Round open: {n} devices have voted.", voted).format(
                n=voted) + self._tallies(live.tallies if live is not None else {})
        elif state == "closed":
            text = _("Round closed: the dots are recorded; the room sees them when you reveal them.") + \
                self._tallies(round_.result.tallies if round_.result else {})
        else:
            text = _("Result revealed on the projector and on the phones.")
        self.status.setText(text)

    def _tallies(self, tallies: dict[str, int]) -> str:
        round_ = self.controller.round
        if round_ is None or not tallies:
            return ""
        labels = {item.id: item.label for item in round_.round.items}
        ranked = sorted(tallies.items(), key=lambda kv: -kv[1])
        return "\n" + "\n".join(f"{dots} · {labels.get(cid, cid)}" for cid, dots in ranked if dots)

    # -- doing ---------------------------------------------------------------------------------------
    def open_round(self) -> bool:
        ids = self.checked_ids()
        if not ids:
            self.status.setText(_("Tick at least one conflict to vote on."))
            return False
        return self.controller.open_round(ids)

    def close_round(self) -> bool:
        return self.controller.close_round()

    def reveal_round(self) -> bool:
        return self.controller.reveal_round()

    # -- the alignment check ---------------------------------------------------------------------------
    def _fill_alignment(self) -> None:
        c = self.controller
        rounds = c.doc.workshop.alignment.rounds
        kept = self.alignment_round.currentData()
        self.alignment_round.blockSignals(True)
        self.alignment_round.clear()
        for r in rounds:
            self.alignment_round.addItem(shown(r.name) or _("(no name)"), r.id)
        index = self.alignment_round.findData(c.alignment_round or kept)
        self.alignment_round.setCurrentIndex(max(index, 0))
        self.alignment_round.blockSignals(False)
        on = c.alignment_round is not None
        self.alignment_button.setText(_("Close on phones") if on else _("Open on phones"))
        self.alignment_button.setEnabled(c.running and (on or bool(rounds and c.doc.workshop.alignment.statements)))
        self.alignment_round.setEnabled(not on and bool(rounds))
        self.alignment.setToolTip(plain_tooltip(
            _("Start the alignment check (Phase menu) to fill it in on phones.") if not rounds else
            _("Each phone sends one anonymous response into the chosen round.")))

    def toggle_alignment(self) -> None:
        c = self.controller
        if c.alignment_round is not None:
            c.close_alignment()
        elif self.alignment_round.currentData():
            c.open_alignment(self.alignment_round.currentData())
