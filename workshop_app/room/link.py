"""The Room link server seen from the window: one object, called from the UI thread.

Being filled in; the signatures are the contract of /work/brief/room-contract.md.
"""

from __future__ import annotations

import queue
from collections.abc import Callable
from pathlib import Path

from workshop_app.room.events import Card, Device, JoinInfo, Recovered, RoomView, RoundResult, VoteRound


class RoomLink:
    """The server in its own thread and asyncio loop. Every method is thread-safe."""

    def __init__(self, journal_dir: Path, on_event: Callable[[], None] | None = None) -> None:
        self.journal_dir = Path(journal_dir)
        self.on_event = on_event
        self.events: queue.Queue = queue.Queue()
        self.join_info: JoinInfo | None = None

    @property
    def running(self) -> bool:
        return False

    def start(self, host: str, port: int = 0, *, pin: str | None = None,
              certfile: Path | None = None, keyfile: Path | None = None) -> JoinInfo:
        raise NotImplementedError

    def stop(self) -> None:
        return None

    def new_pin(self) -> str:
        raise NotImplementedError

    def set_joining_open(self, open: bool) -> None:
        raise NotImplementedError

    def devices(self) -> tuple[Device, ...]:
        return ()

    def kick(self, device_id: str) -> None:
        raise NotImplementedError

    def publish(self, view: RoomView) -> None:
        raise NotImplementedError

    def pending_cards(self) -> tuple[Card, ...]:
        return ()

    def card_handled(self, card_id: str) -> None:
        raise NotImplementedError

    def open_round(self, round: VoteRound) -> None:
        raise NotImplementedError

    def round_result(self) -> RoundResult | None:
        return None

    def close_round(self) -> RoundResult:
        raise NotImplementedError

    def reveal_round(self) -> None:
        raise NotImplementedError

    def open_alignment(self, round_id: str, statements: tuple[tuple[str, str], ...]) -> None:
        raise NotImplementedError

    def close_alignment(self) -> None:
        raise NotImplementedError

    @staticmethod
    def recovered(journal_dir: Path) -> Recovered:
        return Recovered()
