"""The Room link of one window: owns the server, applies what arrives as undoable commands, feeds the phones.

Why one object between the widgets and the server: the server calls back
from its own thread, and every change to the document must happen on the UI
thread as an undoable command. So ``on_event`` only emits a queued signal;
:meth:`RoomController.drain` empties ``RoomLink.events`` on the UI thread.
What phones see (:meth:`publish_now`) is built from the projector's stage
only (``room_view``), again after every edit, phase switch or reveal — but not
while the wall is frozen. Between closing a round and revealing it the
projector, whenever it is opened, and the phones leave the round's dots out
(``Presenter.withhold``).

An undone acceptance or merge puts its card back in the screening queue (a
redo takes it out again); what the room sends never goes into a what-if
scenario, only into the workshop itself: screening and closing a round wait
until the facilitator is back there, alignment answers go there at once.
"""

from __future__ import annotations

import contextlib
import logging
import queue
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from workshop_app.i18n import _, current_language, ngettext
from workshop_app.model import ElementKind, Side, new_id
from workshop_app.room import (
    AlignmentArrived,
    Card,
    CardArrived,
    Device,
    DevicesChanged,
    JoinInfo,
    JournalFailed,
    RoomError,
    RoomLink,
    RoomView,
    RoundResult,
    ServerStopped,
    VoteCast,
    VoteItem,
    VoteRound,
)
from workshop_app.ui.room import edits
from workshop_app.ui.room.join_banner import join_state

if TYPE_CHECKING:
    from workshop_app.ui.window.main_window import MainWindow

log = logging.getLogger(__name__)

#: Edits within this many milliseconds reach the phones as one update.
PUBLISH_DELAY_MS = 250
#: How often the stage (category, results chart, blank) is compared with what phones last got.
STAGE_POLL_MS = 1000
CONTROLLER_NAME = "room_controller"
#: screened cards whose acceptance an undo can still take back into the queue
SCREENED_KEPT = 200


def journal_dir() -> Path:
    """``room/`` in the private data folder (0700): the journal of cards and votes (tests: a tmp folder).

    Raises DataFolderProblem (a sentence for the facilitator) when the folder cannot be trusted.
    """
    from workshop_app.store.private_files import private_dir

    return private_dir("room")


@dataclass(frozen=True)
class CardDraft:
    """A card as the facilitator accepts it, maybe edited first (kind None: a parking-lot item)."""

    kind: ElementKind | None
    side: Side
    title: str
    detail: str

    @staticmethod
    def of(card: Card) -> CardDraft:
        return CardDraft(card.kind, card.side, card.title, card.detail)


@dataclass
class RoundState:
    """The voting round of this session: open, closed (recorded, not yet shown), revealed."""

    round: VoteRound
    state: str = "open"  # open | closed | revealed
    devices_voted: int = 0
    result: RoundResult | None = None
    #: where closing put the dots on the undo stack (``Document.last_command``): the wall withholds
    #: them until the reveal, as long as that edit is done
    recorded: tuple | None = None


class RoomController(QObject):
    """See the module docstring. One per main window: :func:`controller_for`."""

    #: running, join info, joining open, devices or the banner changed
    state_changed = Signal()
    #: the screening queue changed
    cards_changed = Signal()
    #: the voting round changed (opened, a vote came in, closed, revealed)
    round_changed = Signal()
    #: something was put on ``RoomLink.events`` (emitted from the server thread; queued)
    _arrived = Signal()

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.setObjectName(CONTROLLER_NAME)
        self.window = window
        self.doc = window.doc
        self.link: RoomLink | None = None
        self.info: JoinInfo | None = None
        self.cards: list[Card] = []
        self.devices: tuple[Device, ...] = ()
        self.round: RoundState | None = None
        self.alignment_round: str | None = None
        self.joining_open = True
        self.banner_on_wall = True
        self.hide_accepted = True  # accepted cards wait hidden until the facilitator reveals them
        self.last_error = ""
        #: cards and rounds this window has had in hand (a restart brings them back without asking)
        self._seen_cards: set[str] = set()
        self._seen_rounds: set[str] = set()
        #: screened cards with where their edit sits on the undo stack: an undo puts the card back
        self._screened: list[tuple[Card, tuple]] = []
        self._published: RoomView | None = None
        self._arrived.connect(self.drain, Qt.ConnectionType.QueuedConnection)
        self._publish_timer = QTimer(self)
        self._publish_timer.setSingleShot(True)
        self._publish_timer.setInterval(PUBLISH_DELAY_MS)
        self._publish_timer.timeout.connect(self.publish_now)
        self._stage_timer = QTimer(self)
        self._stage_timer.setInterval(STAGE_POLL_MS)
        self._stage_timer.timeout.connect(self.publish_now)
        self.doc.changed.connect(lambda _op: self.schedule_publish())
        # today's stack, the one object for the window's life: what the room sends goes only there
        self.doc.today_stack.indexChanged.connect(self._undo_moved)
        self.doc.replaced.connect(self._workshop_replaced)
        window.phase_shown.connect(lambda _phase: self.schedule_publish())
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)
        window.destroyed.connect(self._stop_with_window(self))

    @staticmethod
    def _stop_with_window(controller: RoomController):
        """A slot that stops the server when the window goes, even while this object goes with it."""
        def stop() -> None:
            if controller.link is not None:
                controller.link.stop()
        return stop

    # -- on and off --------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self.link is not None and self.info is not None

    def start(self, host: str, certfile: Path | None = None, keyfile: Path | None = None, port: int = 0) -> bool:
        """Start the server on ``host``; False (and :attr:`last_error`, a sentence) when it cannot."""
        if self.running:
            return True
        self.last_error = ""
        from workshop_app.store.private_files import DataFolderProblem

        try:
            folder = journal_dir()
        except DataFolderProblem as problem:
            self.last_error = str(problem)
            self.state_changed.emit()
            return False
        try:
            recovered = RoomLink.recovered(folder)
        except Exception:  # a journal that cannot be read must not keep the room out
            log.exception("reading the room journal failed")
            recovered = None
        link = RoomLink(folder, on_event=self._arrived.emit)
        try:
            self.info = link.start(host, port, certfile=certfile, keyfile=keyfile)
        except RoomError as exc:
            self.last_error = str(exc)
            link.stop()
            self.state_changed.emit()
            return False
        except OSError as exc:
            self.last_error = _("The Room link could not start: {reason}").format(reason=exc.strerror or exc)
            link.stop()
            self.state_changed.emit()
            return False
        self.link = link
        self.joining_open = True
        self.cards = list(link.pending_cards())
        self.devices = link.devices()
        self._take_back(recovered)
        self._published = None
        self._stage_timer.start()
        self._update_banner()
        self.publish_now()
        self.state_changed.emit()
        self.cards_changed.emit()
        self.round_changed.emit()
        return True

    def _take_back(self, recovered) -> None:
        """Offer what an earlier session left in the journal: its screening queue and its open round.

        What this window saw before it turned the link off and on again comes
        back without a question; only what a crash (or another start of Tandem)
        left behind is offered.
        """
        if recovered is None:
            return
        cards = [c for c in recovered.cards if c.id not in self._seen_cards]
        round_ = recovered.round if recovered.round is not None and recovered.round.id not in self._seen_rounds else None
        if not cards and round_ is None:
            if recovered.round is not None and self.round is not None and self.round.round.id == recovered.round.id:
                self.round.state = "open"  # turned off and on again mid-round: the server kept it open
            return
        parts = []
        if cards:
            parts.append(ngettext("{n} card not yet screened", "{n} cards not yet screened", len(cards)).format(
                n=len(cards)))
        if round_ is not None:
            parts.append(ngettext("a voting round with {n} device voted", "a voting round with {n} devices voted",
                                  recovered.devices_voted).format(n=recovered.devices_voted))
        answer = QMessageBox.question(
            self.window, _("Room link"),
            _("The last Room link session ended before it was finished: {what}. Take them back?")
            .format(what=_(" and ").join(parts)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes)
        link = self.link
        assert link is not None
        self._seen_cards.update(c.id for c in cards)
        if answer == QMessageBox.StandardButton.Yes:
            listed = {c.id for c in self.cards}
            self.cards += [c for c in cards if c.id not in listed]
            if round_ is not None:
                self._seen_rounds.add(round_.id)
                self.round = RoundState(round_, "open", recovered.devices_voted)
            return
        for card in cards:
            self._handled(card.id)
        dropped = {c.id for c in cards}
        self.cards = [c for c in self.cards if c.id not in dropped]
        if round_ is not None:
            with contextlib.suppress(RoomError, RuntimeError):
                link.close_round()

    def stop(self) -> None:
        """Stop the server (idempotent): phones lose the page; the queue stays in the journal."""
        self._stage_timer.stop()
        self._publish_timer.stop()
        link, self.link, self.info = self.link, None, None
        if link is not None:
            link.stop()
        self.devices = ()
        self.cards = []  # they stay in the journal and come back with the next start
        self._screened = []  # a new session's server does not know them any more
        self._update_banner()
        self.state_changed.emit()
        self.cards_changed.emit()

    def _workshop_replaced(self) -> None:
        """Another workshop: the round's conflicts and the queue's categories belong to the old one."""
        if self.round is not None and self.round.state == "open" and self.link is not None:
            with contextlib.suppress(RoomError, RuntimeError):
                self.link.close_round()
        self.round = None
        self._screened = []
        self.window.presenter.withhold({})
        self.round_changed.emit()
        self.schedule_publish()

    def _undo_moved(self, _index: int) -> None:
        self._follow_undo()

    def _in_scenario(self) -> bool:
        """True (and a message) while a what-if scenario is edited: the room's input belongs to the workshop."""
        name = self.doc.scenario_name
        if name:
            self.doc.refused.emit(_("Go back to today's workshop first: what the room sends belongs in the "
                                    "workshop itself, not in the what-if scenario “{name}”.").format(name=name))
        return bool(name)

    # -- joining -----------------------------------------------------------------------------------
    def set_joining_open(self, on: bool) -> None:
        if self.link is not None:
            self.link.set_joining_open(on)
        self.joining_open = on
        self._update_banner()
        self.state_changed.emit()

    def set_banner_on_wall(self, on: bool) -> None:
        self.banner_on_wall = on
        self._update_banner()
        self.state_changed.emit()

    def new_pin(self) -> None:
        if self.link is None or self.info is None:
            return
        pin = self.link.new_pin()
        self.info = JoinInfo(self.info.url, pin, self.info.host, self.info.port, self.info.https)
        self._update_banner()
        self.state_changed.emit()

    def kick(self, device_id: str) -> None:
        if self.link is not None:
            self.link.kick(device_id)
            self.devices = self.link.devices()
            self.state_changed.emit()

    def _update_banner(self) -> None:
        state = join_state(self.doc)
        if self.running and self.joining_open and self.banner_on_wall and self.info is not None:
            state.set(self.info.url, self.info.pin)
        else:
            state.set()

    # -- what arrives --------------------------------------------------------------------------------
    def drain(self) -> None:
        """Empty the server's queue on the UI thread (the queued slot of ``on_event``)."""
        link = self.link
        if link is None:
            return
        cards = devices = voted = False
        while True:
            try:
                event = link.events.get_nowait()
            except queue.Empty:
                break
            if isinstance(event, CardArrived):
                self._seen_cards.add(event.card.id)
                if all(c.id != event.card.id for c in self.cards):
                    self.cards.append(event.card)
                cards = True
            elif isinstance(event, DevicesChanged):
                self.devices, devices = event.devices, True
            elif isinstance(event, VoteCast):
                if self.round is not None and self.round.round.id == event.round_id:
                    self.round.devices_voted, voted = event.devices_voted, True
            elif isinstance(event, AlignmentArrived):
                self._record_alignment(event)
            elif isinstance(event, JournalFailed):
                self.window.show_refusal(_("The Room link could not write its journal ({reason}): what you "
                                           "just did stands, but a crash now would not bring it back.")
                                         .format(reason=event.reason))
            elif isinstance(event, ServerStopped):
                self._server_stopped(event.reason)
                return
        if cards:
            self.cards_changed.emit()
        if devices:
            self.state_changed.emit()
        if voted:
            self.round_changed.emit()

    def _server_stopped(self, reason: str) -> None:
        was_running = self.running
        self.stop()
        if reason and was_running:
            self.last_error = _("The Room link stopped: {reason}").format(reason=reason)
            self.window.show_refusal(self.last_error)
            self.state_changed.emit()

    def _record_alignment(self, event: AlignmentArrived) -> None:
        """One anonymous response, in today's workshop even while a what-if scenario is edited."""
        answers = event.answers
        op = edits.alignment_operation(self.doc.today, answers.round_id, answers.side, answers.scores)
        if op is not None:
            self.doc.push_today(op)

    # -- the screening queue ---------------------------------------------------------------------------
    def card(self, card_id: str) -> Card | None:
        return next((c for c in self.cards if c.id == card_id), None)

    def _handled(self, card_id: str) -> None:
        if self.link is not None:
            try:
                self.link.card_handled(card_id)
            except RoomError:
                log.warning("the server did not know card %s", card_id)

    def _done(self, card: Card) -> None:
        self._handled(card.id)
        self.cards = [c for c in self.cards if c.id != card.id]
        self.cards_changed.emit()

    def accept(self, card: Card, draft: CardDraft | None = None) -> bool:
        """The card (or the facilitator's edit of it) becomes an element of its side: ONE undo step."""
        draft = draft or CardDraft.of(card)
        if not draft.title.strip():
            self.doc.refused.emit(_("A card needs a title before it can be accepted."))
            return False
        if self._in_scenario() or not self.doc.push(edits.accept_operation(
                draft.kind, draft.side, draft.title, draft.detail, self.hide_accepted)):
            return False
        self._screened_by_last_edit(card)
        return True

    def merge(self, card: Card, target_id: str) -> bool:
        """The card's words appended to an element's notes: ONE undo step."""
        if self._in_scenario():
            return False
        try:
            op = edits.merge_operation(self.doc.workshop, target_id, card.title, card.detail)
        except StopIteration:
            self.doc.refused.emit(_("The entry to merge into is gone."))
            return False
        if not self.doc.push(op):
            return False
        self._screened_by_last_edit(card)
        return True

    def _screened_by_last_edit(self, card: Card) -> None:
        place = self.doc.last_command()
        if place is not None:
            self._screened = [(c, p) for c, p in self._screened if c.id != card.id][-(SCREENED_KEPT - 1):]
            self._screened.append((card, place))
        self._done(card)

    def _follow_undo(self) -> None:
        """After an undo or redo: a card whose acceptance is undone waits in the queue again, and the wall
        withholds a closed round's dots only while they are recorded."""
        changed, kept = False, []
        for card, place in self._screened:
            applied = self.doc.applied(place)
            if applied is None:
                continue  # undone and replaced by another edit: the card stays where it is now
            kept.append((card, place))
            queued = any(c.id == card.id for c in self.cards)
            if not applied and not queued:
                # back in the queue where the server still has it (it journals it); else gone with its session
                if self.link is not None and self.link.card_back(card.id):
                    self.cards.insert(0, card)
                    changed = True
            elif applied and queued:
                self._handled(card.id)
                self.cards = [c for c in self.cards if c.id != card.id]
                changed = True
        self._screened = kept
        if changed:
            self.cards_changed.emit()
        round_ = self.round
        if round_ is not None and round_.state == "closed" and round_.result is not None:
            recorded = self.doc.applied(round_.recorded) if round_.recorded is not None else False
            if recorded is not None:  # None: off the stack, and its undo already let go of the dots
                self.window.presenter.withhold(round_.result.tallies if recorded else {})

    def reject(self, card: Card) -> None:
        """The card leaves the queue; the document does not change."""
        self._done(card)

    # -- voting rounds -------------------------------------------------------------------------------
    def dots_per_device(self) -> int:
        """The workshop's dots per participant; with "no limit" (0) one dot per item of the round."""
        return self.doc.workshop.meta.dots_per_participant

    def open_round(self, conflict_ids: list[str]) -> bool:
        if self.link is None or not conflict_ids:
            return False
        from workshop_app.analysis.visibility import visible_conflicts

        # what the wall may not show never goes to phones: a hidden conflict, or one naming a hidden entry
        views = {v.id: v for v in visible_conflicts(self.doc.workshop, self.doc.conflict_views(current_language()))}
        items = tuple(VoteItem(cid, views[cid].title) for cid in conflict_ids if cid in views)
        if not items:
            return False
        dots = self.dots_per_device() or len(items)
        round_ = VoteRound(new_id("vote"), items, dots)
        try:
            self.link.open_round(round_)
        except RoomError as exc:
            self.window.show_refusal(str(exc))
            return False
        self._seen_rounds.add(round_.id)
        self.round = RoundState(round_)
        self.round_changed.emit()
        return True

    def live_result(self) -> RoundResult | None:
        """The counts so far, for the facilitator's eyes only."""
        if self.link is None or self.round is None or self.round.state != "open":
            return None
        return self.link.round_result()

    def close_round(self) -> bool:
        """No more votes; the dots are added to the conflicts as ONE undoable edit. The wall waits for reveal."""
        if self.link is None or self.round is None or self.round.state != "open" or self._in_scenario():
            return False
        try:
            result = self.link.close_round()
        except RoomError as exc:
            self.window.show_refusal(str(exc))
            return False
        self.round.result, self.round.state = result, "closed"
        self.round.devices_voted = result.devices_voted
        self.window.presenter.withhold(result.tallies)  # before the edit: no wall ever shows the dots early
        op = edits.round_operation(self.doc.workshop, self.doc.conflict_views(current_language()), result.tallies,
                                   current_language())
        if op is not None and self.doc.push(op):
            self.round.recorded = self.doc.last_command()
        self._follow_undo()
        self.round_changed.emit()
        return True

    def reveal_round(self) -> bool:
        """Phones and the wall show the closed round's result (the wall: the dot-vote chart)."""
        if self.round is None or self.round.state != "closed":
            return False
        if self.link is not None:  # with the link off since the close, the wall alone shows it
            try:
                self.link.reveal_round()
            except RoomError as exc:
                self.window.show_refusal(str(exc))
                return False
        self.round.state = "revealed"
        self.window.presenter.withhold({})
        self.window.presenter.set_results(True)
        self.round_changed.emit()
        self.publish_now()
        return True

    # -- the alignment check on phones ---------------------------------------------------------------
    def open_alignment(self, round_id: str) -> bool:
        if self.link is None:
            return False
        lang = current_language()
        statements = tuple((st.id, st.text(lang)) for st in self.doc.workshop.alignment.statements)
        if not statements:
            return False
        try:
            self.link.open_alignment(round_id, statements)
        except RoomError as exc:
            self.window.show_refusal(str(exc))
            return False
        self.alignment_round = round_id
        self.state_changed.emit()
        return True

    def close_alignment(self) -> None:
        if self.link is not None and self.alignment_round is not None:
            with contextlib.suppress(RoomError, RuntimeError):
                self.link.close_alignment()
        self.alignment_round = None
        self.state_changed.emit()

    # -- what phones see -------------------------------------------------------------------------------
    def schedule_publish(self) -> None:
        if self.link is not None:
            self._publish_timer.start()

    def room_view(self) -> RoomView | None:
        """What phones should see now (as the wall: a closed round's dots withheld), or None while frozen."""
        from workshop_app.ui.projector.audience_content import wall_conflicts
        from workshop_app.ui.room.room_view import build_room_view

        presenter = self.window.presenter
        if presenter.frozen:
            return None
        stage = presenter.current_stage()
        return build_room_view(self.doc.workshop, stage, wall_conflicts(self.doc, stage), blank=presenter.blank)

    def publish_now(self) -> None:
        self._publish_timer.stop()
        link = self.link
        if link is None:
            return
        view = self.room_view()
        if view is None or view == self._published:
            return
        try:
            link.publish(view)
        except RoomError as exc:
            log.warning("publishing to the room failed: %s", exc)
            return
        self._published = view


def controller_for(window: MainWindow, create: bool = True) -> RoomController | None:
    """The window's Room link controller (made on first use)."""
    found = window.findChild(RoomController, CONTROLLER_NAME)
    if found is None and create:
        found = RoomController(window)
    return found
