"""A stand-in for the Room link server: the contract's methods, in memory, on the test's thread.

Widget tests drive the window against it so they need no network; the
browser test (test_browser.py) runs the real server.
"""

from __future__ import annotations

import queue
from datetime import datetime
from pathlib import Path
from typing import ClassVar

from workshop_app.model import ElementKind, Phase, Side
from workshop_app.room import (
    Card,
    CardArrived,
    Device,
    DevicesChanged,
    JoinInfo,
    Recovered,
    RoomError,
    RoomView,
    RoundResult,
    VoteCast,
    VoteRound,
)


class FakeLink:
    instances: ClassVar[list[FakeLink]] = []
    recovered_next: ClassVar[Recovered] = Recovered()
    fail_with: ClassVar[str] = ""

    def __init__(self, journal_dir: Path, on_event=None):
        self.journal_dir, self.on_event = Path(journal_dir), on_event
        self.events: queue.Queue = queue.Queue()
        self.join_info: JoinInfo | None = None
        self.published: list[RoomView] = []
        self.handled: list[str] = []
        self.screened: dict[str, Card] = {}
        self.pending: list[Card] = list(FakeLink.recovered_next.cards)  # the journal restored on start
        self.round: VoteRound | None = None
        self.votes: dict[str, int] = {}
        self.devices_voted = 0
        self.revealed = False
        self.joining_open = True
        self._devices: list[Device] = []
        self.stopped = False
        self.alignment: tuple[str, tuple] | None = None
        FakeLink.instances.append(self)

    @property
    def running(self) -> bool:
        return self.join_info is not None

    def start(self, host, port=0, *, pin=None, certfile=None, keyfile=None) -> JoinInfo:
        if FakeLink.fail_with:
            raise RoomError(FakeLink.fail_with)
        self.join_info = JoinInfo(f"http://{host}:8123/", pin or "4711", host, 8123, False)
        return self.join_info

    def stop(self) -> None:
        self.join_info, self.stopped = None, True

    def new_pin(self) -> str:
        return "9999"

    def set_joining_open(self, open: bool) -> None:
        self.joining_open = open

    def devices(self):
        return tuple(self._devices)

    def kick(self, device_id: str) -> None:
        self._devices = [d for d in self._devices if d.id != device_id]

    def publish(self, view: RoomView) -> None:
        self.published.append(view)

    def pending_cards(self):
        return tuple(self.pending)

    def card_handled(self, card_id: str) -> None:
        self.handled.append(card_id)
        self.screened.update((c.id, c) for c in self.pending if c.id == card_id)
        self.pending = [c for c in self.pending if c.id != card_id]

    def card_back(self, card_id: str) -> bool:
        if card_id not in self.screened:
            return False
        self.pending.append(self.screened.pop(card_id))
        return True

    def open_round(self, round: VoteRound) -> None:
        self.round, self.votes, self.devices_voted, self.revealed = round, {}, 0, False

    def round_result(self):
        return RoundResult(self.round.id, dict(self.votes), self.devices_voted) if self.round else None

    def close_round(self) -> RoundResult:
        if self.round is None:
            raise RoomError("No round is open.")
        return RoundResult(self.round.id, dict(self.votes), self.devices_voted)

    def reveal_round(self) -> None:
        self.revealed = True

    def open_alignment(self, round_id, statements) -> None:
        self.alignment = (round_id, statements)

    def close_alignment(self) -> None:
        self.alignment = None

    @staticmethod
    def recovered(journal_dir: Path) -> Recovered:
        return FakeLink.recovered_next

    # -- what a test makes phones do ----------------------------------------------------------------
    def _put(self, event) -> None:
        self.events.put(event)
        if self.on_event is not None:
            self.on_event()

    def send_card(self, title: str, detail: str = "", kind: ElementKind | None = ElementKind.GOAL,
                  side: Side = Side.SALES, card_id: str | None = None) -> Card:
        card = Card(card_id or f"card-{len(self.pending) + len(self.handled) + 1}", kind, side, title, detail,
                    Phase.INVENTORY, datetime.now())
        self.pending.append(card)
        self._put(CardArrived(card))
        return card

    def join(self, device_id: str, side: Side, name: str = "") -> None:
        self._devices.append(Device(device_id, side, name, datetime.now()))
        self._put(DevicesChanged(tuple(self._devices)))

    def vote(self, dots: dict[str, int]) -> None:
        for cid, n in dots.items():
            self.votes[cid] = self.votes.get(cid, 0) + n
        self.devices_voted += 1
        self._put(VoteCast(self.round.id, self.devices_voted))
