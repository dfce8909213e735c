"""The Room link's journal: every card, vote and device as it arrives, so a crash loses none.

One JSON object per line, appended and fsynced before the phone is told
"received" (records that arrive together share one fsync). The file lives in
the private data folder (0600; the folder 0700): it holds what participants
wrote before the facilitator screened it. ``replay`` rebuilds the live state
from it; ``compact`` rewrites it with that state only, so it never grows past
one session's worth. A torn last line (the crash came mid-write) is skipped.
"""

from __future__ import annotations

import json
import os
import threading
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from workshop_app.atomic import atomic_write_bytes
from workshop_app.model.enums import ElementKind, Phase, Side
from workshop_app.room.events import Card, Device, VoteItem, VoteRound

JOURNAL_NAME = "room-journal.jsonl"


def card_record(card: Card, device_id: str) -> dict[str, Any]:
    return {"t": "card", "device": device_id, "id": card.id, "kind": card.kind.value if card.kind else None,
            "side": card.side.value, "title": card.title, "detail": card.detail, "phase": card.phase.value,
            "at": card.submitted_at.isoformat()}


def _card(rec: dict[str, Any]) -> Card:
    return Card(id=str(rec["id"]), kind=ElementKind(rec["kind"]) if rec.get("kind") else None,
                side=Side(rec["side"]), title=str(rec["title"]), detail=str(rec["detail"]),
                phase=Phase(rec["phase"]), submitted_at=datetime.fromisoformat(rec["at"]))


def device_record(device: Device, hashed: str) -> dict[str, Any]:
    return {"t": "device", "id": device.id, "side": device.side.value, "name": device.name, "hash": hashed,
            "at": device.joined_at.isoformat()}


def round_record(round_: VoteRound) -> dict[str, Any]:
    return {"t": "round_open", "id": round_.id, "dots": round_.dots_per_device,
            "items": [[item.id, item.label] for item in round_.items]}


@dataclass
class Replayed:
    """The live state a journal describes."""

    cards: dict[str, tuple[Card, str]] = field(default_factory=dict)  # card id -> (card, device id)
    round: VoteRound | None = None
    round_open: bool = False
    votes: dict[str, dict[str, int]] = field(default_factory=dict)  # device id -> item id -> dots
    devices: dict[str, tuple[Device, str]] = field(default_factory=dict)  # device id -> (device, token hash)
    ended: bool = True  # the last session was stopped (its devices are gone)


def replay(path: Path) -> Replayed:
    state = Replayed()
    handled: set[str] = set()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return state
    for line in raw.splitlines():
        try:
            rec = json.loads(line)
            _apply(state, rec, handled)
        except (ValueError, KeyError, TypeError):
            continue  # a torn or foreign line: the rest still counts
    return state


def _apply(state: Replayed, rec: dict[str, Any], handled: set[str]) -> None:
    kind = rec["t"]
    if kind == "start":
        if state.ended:
            state.devices.clear()
        state.ended = False
    elif kind == "stop":
        state.ended = True
        state.devices.clear()
    elif kind == "device":
        device = Device(id=str(rec["id"]), side=Side(rec["side"]), name=str(rec["name"]),
                        joined_at=datetime.fromisoformat(rec["at"]))
        state.devices[device.id] = (device, str(rec["hash"]))
    elif kind == "kick":
        state.devices.pop(str(rec["id"]), None)
    elif kind == "card":
        if rec["id"] not in handled:
            state.cards[str(rec["id"])] = (_card(rec), str(rec["device"]))
    elif kind == "card_back":  # screened, then the screening was undone: in the queue again
        handled.discard(str(rec["id"]))
        state.cards[str(rec["id"])] = (_card(rec), str(rec["device"]))
    elif kind == "card_handled":
        handled.add(str(rec["id"]))
        state.cards.pop(str(rec["id"]), None)
    elif kind == "round_open":
        state.round = VoteRound(id=str(rec["id"]), dots_per_device=int(rec["dots"]),
                                items=tuple(VoteItem(id=str(i), label=str(label)) for i, label in rec["items"]))
        state.round_open = True
        state.votes = {}
    elif kind == "vote":
        if state.round is not None and rec["round"] == state.round.id:
            state.votes[str(rec["device"])] = {str(k): int(v) for k, v in rec["dots"].items()}
    elif kind == "round_close" and state.round is not None and rec["round"] == state.round.id:
        state.round_open = False


class Journal:
    """Append-only JSON lines, one writer at a time (a lock), fsynced per append."""

    def __init__(self, folder: Path) -> None:
        self.path = Path(folder) / JOURNAL_NAME
        self._lock = threading.Lock()
        self._file: Any = None

    def open(self, live: list[dict[str, Any]]) -> None:
        """Start a session: rewrite the file with ``live`` records only (atomically, 0600), then append."""
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        data = b"".join(_line(rec) for rec in live)
        with self._lock:
            atomic_write_bytes(self.path, data, mode=0o600)
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | getattr(os, "O_NOFOLLOW", 0), 0o600)
            self._file = os.fdopen(fd, "ab", buffering=0)

    def append(self, records: list[dict[str, Any]]) -> None:
        if not records:
            return
        data = b"".join(_line(rec) for rec in records)
        with self._lock:
            if self._file is None:
                return
            self._file.write(data)
            os.fsync(self._file.fileno())

    def close(self) -> None:
        with self._lock:
            if self._file is not None:
                self._file.close()
                self._file = None


def _line(rec: dict[str, Any]) -> bytes:
    return json.dumps(rec, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"
