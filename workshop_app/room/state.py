"""What the Room link knows, behind one lock: devices, the queue of cards, the round, the alignment check.

Both threads call in: the server's handlers (a phone joined, sent a card,
voted) and the window (publish, open a round, kick). Each change returns the
journal records that make it durable and the events the window should get,
so the caller decides when they are written and sent: the server only answers
a phone, and only tells the window, once the record is on disk.

What a phone gets back is built here (``phone_state``) from the published
view and the device's own inputs only: no other device's input, no names,
no tallies before the facilitator reveals them.
"""

from __future__ import annotations

import re
import secrets
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from workshop_app.model.enums import ElementKind, Phase, Side
from workshop_app.room import journal as records
from workshop_app.room.events import (
    DETAIL_MAX,
    NAME_MAX,
    TITLE_MAX,
    AlignmentAnswers,
    AlignmentArrived,
    Card,
    CardArrived,
    Device,
    DevicesChanged,
    RoomEvent,
    RoomView,
    RoundResult,
    VoteCast,
    VoteRound,
)
from workshop_app.room.journal import Replayed
from workshop_app.room.security import TokenBucket, new_pin, new_token, pin_matches, token_hash

#: cards one device may have waiting in the screening queue at once
PENDING_PER_DEVICE = 20
#: handled cards kept in memory, so an undone acceptance can put one back in the queue
HANDLED_KEPT = 500
MAX_DEVICES = 500
JOIN_SIDES = (Side.MARKETING, Side.SALES)
CARD_KINDS = (ElementKind.GOAL, ElementKind.INCENTIVE, ElementKind.CHANNEL, ElementKind.INSIGHT, ElementKind.BELIEF)


class Refused(Exception):
    """A phone's request that cannot be granted: an HTTP status and a short code the page translates."""

    def __init__(self, status: int, code: str) -> None:
        super().__init__(code)
        self.status, self.code = status, code


@dataclass
class _Phone:
    device: Device
    token_hash: str
    bucket: TokenBucket = field(default_factory=TokenBucket)


#: Unicode category Cc: C0 controls, DEL and C1 controls (a card's detail keeps its line breaks and tabs)
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f]")
_CONTROLS_BUT_LINES = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")

Change = tuple[list[dict[str, Any]], list[RoomEvent]]


def clean_text(value: object, limit: int, *, lines: bool = False) -> str:
    """Participant text as data: a string, control characters dropped, at most ``limit`` characters."""
    if not isinstance(value, str):
        raise Refused(400, "field")
    text = (_CONTROLS_BUT_LINES if lines else _CONTROLS).sub("", value).strip()
    if len(text) > limit:
        raise Refused(400, "too_long")
    return text


def _now() -> datetime:
    return datetime.now(UTC)


def view_json(view: RoomView) -> dict[str, Any]:
    return {"phase": view.phase.value, "title": view.title, "lang": view.lang,
            "card_kinds": [kind.value if kind else "parking" for kind in view.card_kinds],
            "entries": [{"heading": e.heading, "lines": list(e.lines), "side": e.side.value if e.side else None}
                        for e in view.entries]}


class RoomState:
    def __init__(self, pin: str | None = None) -> None:
        self._lock = threading.Lock()
        self.pin = pin or new_pin()
        self.joining_open = True
        self._phones: dict[str, _Phone] = {}  # token hash -> phone
        self._view = RoomView(phase=Phase.SETUP, title="")
        self._view_data = view_json(self._view)  # what every state poll sends of it, made once per view
        self._cards: dict[str, tuple[Card, str]] = {}  # card id -> (card, device id): ids never leave
        self._handled: dict[str, tuple[Card, str]] = {}  # the same, for cards screened this session
        self._round: VoteRound | None = None
        self._round_open = False
        self._revealed = False
        self._votes: dict[str, dict[str, int]] = {}  # device id -> item id -> dots
        self._alignment: tuple[str, tuple[tuple[str, str], ...]] | None = None
        self._answered: set[tuple[str, str]] = set()  # (round id, device id)

    # -- recovery -------------------------------------------------------------------------------------

    def restore(self, replayed: Replayed) -> list[dict[str, Any]]:
        """Take over a journal's live state; returns the records that describe it (the compacted journal)."""
        with self._lock:
            self._cards = dict(replayed.cards)
            self._round, self._round_open = replayed.round, replayed.round_open
            self._votes = {device: dict(dots) for device, dots in replayed.votes.items()}
            if not replayed.ended:
                self._phones = {hashed: _Phone(device, hashed) for device, hashed in replayed.devices.values()}
            live: list[dict[str, Any]] = [{"t": "start"}]
            live += [records.device_record(p.device, p.token_hash) for p in self._phones.values()]
            live += [records.card_record(card, device) for card, device in self._cards.values()]
            if self._round is not None:
                live.append(records.round_record(self._round))
                live += [{"t": "vote", "round": self._round.id, "device": device, "dots": dots}
                         for device, dots in self._votes.items()]
                if not self._round_open:
                    live.append({"t": "round_close", "round": self._round.id})
            return live

    # -- the window's side ----------------------------------------------------------------------------

    def new_pin(self, pin: str | None = None) -> str:
        with self._lock:
            self.pin = pin or new_pin()
            return self.pin

    def set_joining_open(self, open_: bool) -> None:
        with self._lock:
            self.joining_open = open_

    def devices(self) -> tuple[Device, ...]:
        with self._lock:
            return self._devices()

    def _devices(self) -> tuple[Device, ...]:
        return tuple(sorted((p.device for p in self._phones.values()), key=lambda d: d.joined_at))

    def kick(self, device_id: str) -> Change:
        with self._lock:
            gone = [h for h, p in self._phones.items() if p.device.id == device_id]
            for hashed in gone:
                del self._phones[hashed]
            if not gone:
                return [], []
            return [{"t": "kick", "id": device_id}], [DevicesChanged(self._devices())]

    @property
    def view(self) -> RoomView:
        with self._lock:
            return self._view

    def publish(self, view: RoomView) -> None:
        with self._lock:
            self._view = view
            self._view_data = view_json(view)

    def pending_cards(self) -> tuple[Card, ...]:
        with self._lock:
            return tuple(card for card, _device in self._cards.values())

    def card_handled(self, card_id: str) -> Change:
        with self._lock:
            entry = self._cards.pop(card_id, None)
            if entry is None:
                return [], []
            self._handled[card_id] = entry
            while len(self._handled) > HANDLED_KEPT:
                del self._handled[next(iter(self._handled))]
            return [{"t": "card_handled", "id": card_id}], []

    def card_back(self, card_id: str) -> Change:
        """A screened card waits in the queue again (the facilitator undid its acceptance or merge)."""
        with self._lock:
            entry = self._handled.pop(card_id, None)
            if entry is None:
                return [], []
            card, device_id = entry
            self._cards[card_id] = entry
            return [dict(records.card_record(card, device_id), t="card_back")], []

    def open_round(self, round_: VoteRound) -> Change:
        with self._lock:
            if self._round is not None and self._round.id == round_.id and self._round_open:
                return [], []  # the recovered round, opened again: its votes stay
            if self._round is None or self._round.id != round_.id:
                self._votes = {}
            self._round, self._round_open, self._revealed = round_, True, False
            return [records.round_record(round_)] + [
                {"t": "vote", "round": round_.id, "device": d, "dots": dots} for d, dots in self._votes.items()], []

    def _result(self) -> RoundResult | None:
        if self._round is None:
            return None
        tallies = {item.id: 0 for item in self._round.items}
        for dots in self._votes.values():
            for item, count in dots.items():
                if item in tallies:
                    tallies[item] += count
        return RoundResult(round_id=self._round.id, tallies=tallies, devices_voted=len(self._votes))

    def round_result(self) -> RoundResult | None:
        with self._lock:
            return self._result()

    def close_round(self) -> tuple[RoundResult, list[dict[str, Any]]]:
        with self._lock:
            result = self._result()
            if result is None or self._round is None:
                raise RuntimeError("no voting round is open")
            was_open, self._round_open = self._round_open, False
            return result, [{"t": "round_close", "round": self._round.id}] if was_open else []

    def reveal_round(self) -> None:
        with self._lock:
            if self._round is not None and not self._round_open:
                self._revealed = True

    def open_alignment(self, round_id: str, statements: tuple[tuple[str, str], ...]) -> None:
        with self._lock:
            self._alignment = (round_id, tuple(statements))

    def close_alignment(self) -> None:
        with self._lock:
            self._alignment = None

    # -- the phones' side -----------------------------------------------------------------------------

    def join(self, pin: object, side: object, name: object) -> tuple[str, Device, Change]:
        """A new device; raises Refused. Returns its token (given to the phone once, kept only hashed)."""
        if not isinstance(pin, str) or len(pin) > 32:
            raise Refused(400, "field")
        with self._lock:
            if not self.joining_open:
                raise Refused(403, "closed")
            if not pin_matches(pin, self.pin):
                raise Refused(403, "pin")
            if side not in {s.value for s in JOIN_SIDES}:
                raise Refused(400, "side")
            if len(self._phones) >= MAX_DEVICES:
                raise Refused(503, "full")
            token = new_token()
            hashed = token_hash(token)
            device = Device(id="dev-" + secrets.token_hex(8), side=Side(str(side)),
                            name=clean_text(name or "", NAME_MAX), joined_at=_now())
            self._phones[hashed] = _Phone(device, hashed)
            return token, device, ([records.device_record(device, hashed)], [DevicesChanged(self._devices())])

    def revert(self, records: list[dict[str, Any]], device_id: str | None = None) -> None:
        """Take back in memory what ``records`` made (a join, a card, a vote, an answer by ``device_id``):
        they could not be journaled, and the phone was told so."""
        with self._lock:
            for rec in records:
                kind = rec.get("t")
                if kind == "card":
                    self._cards.pop(str(rec["id"]), None)
                elif kind == "vote" and self._round is not None and rec.get("round") == self._round.id:
                    self._votes.pop(str(rec["device"]), None)
                elif kind == "device":
                    self._phones.pop(str(rec["hash"]), None)
                elif kind == "alignment" and device_id is not None:
                    self._answered.discard((str(rec["round"]), device_id))

    def phone(self, token: str | None) -> _Phone | None:
        if not token or len(token) > 100:
            return None
        with self._lock:
            return self._phones.get(token_hash(token))

    def phone_state(self, phone: _Phone, csrf: str) -> dict[str, Any]:
        """Everything a phone may see: the published view, the open round and its own dots, the check."""
        with self._lock:
            device_id = phone.device.id
            state: dict[str, Any] = {"side": phone.device.side.value, "csrf": csrf, "view": self._view_data,
                                     "round": None, "alignment": None}
            if self._round is not None:
                round_: dict[str, Any] = {
                    "id": self._round.id, "open": self._round_open, "dots": self._round.dots_per_device,
                    "items": [{"id": i.id, "label": i.label} for i in self._round.items],
                    "mine": self._votes.get(device_id), "result": None}
                if self._revealed:
                    result = self._result()
                    if result is not None:
                        round_["result"] = {"tallies": result.tallies, "devices_voted": result.devices_voted}
                state["round"] = round_
            if self._alignment is not None:
                round_id, statements = self._alignment
                state["alignment"] = {"id": round_id, "statements": [{"id": s, "text": t} for s, t in statements],
                                      "done": (round_id, device_id) in self._answered}
            return state

    def add_card(self, phone: _Phone, kind: object, title: object, detail: object) -> tuple[Card, Change]:
        text = clean_text(title, TITLE_MAX)
        more = clean_text(detail or "", DETAIL_MAX, lines=True)
        if not text:
            raise Refused(400, "empty")
        with self._lock:
            allowed = {k.value if k else "parking": k for k in self._view.card_kinds}
            if not isinstance(kind, str) or kind not in allowed:
                raise Refused(400, "kind")
            device_id = phone.device.id
            if sum(1 for _c, d in self._cards.values() if d == device_id) >= PENDING_PER_DEVICE:
                raise Refused(429, "queue_full")
            card = Card(id="card-" + secrets.token_hex(8), kind=allowed[kind], side=phone.device.side,
                        title=text, detail=more, phase=self._view.phase, submitted_at=_now())
            self._cards[card.id] = (card, device_id)
            return card, ([records.card_record(card, device_id)], [CardArrived(card)])

    def vote(self, phone: _Phone, round_id: object, dots: object) -> Change:
        with self._lock:
            if self._round is None or not self._round_open or round_id != self._round.id:
                raise Refused(409, "no_round")
            device_id = phone.device.id
            if device_id in self._votes:
                raise Refused(409, "voted")
            if not isinstance(dots, dict) or len(dots) > len(self._round.items):
                raise Refused(400, "field")
            items = {item.id for item in self._round.items}
            given: dict[str, int] = {}
            for item, count in dots.items():
                if item not in items or type(count) is not int or count < 0:
                    raise Refused(400, "field")
                if count:
                    given[item] = count
            total = sum(given.values())
            if total == 0:
                raise Refused(400, "empty")
            if total > self._round.dots_per_device:
                raise Refused(400, "too_many")
            self._votes[device_id] = given
            rec = {"t": "vote", "round": self._round.id, "device": device_id, "dots": given}
            return [rec], [VoteCast(self._round.id, len(self._votes))]

    def answer(self, phone: _Phone, round_id: object, scores: object) -> Change:
        with self._lock:
            if self._alignment is None or round_id != self._alignment[0]:
                raise Refused(409, "no_check")
            key = (self._alignment[0], phone.device.id)
            if key in self._answered:
                raise Refused(409, "answered")
            statements = {s for s, _t in self._alignment[1]}
            if not isinstance(scores, dict) or not scores or len(scores) > len(statements):
                raise Refused(400, "field")
            clean: dict[str, int] = {}
            for statement, score in scores.items():
                if statement not in statements or type(score) is not int or not 1 <= score <= 5:
                    raise Refused(400, "field")
                clean[statement] = score
            self._answered.add(key)
            answers = AlignmentAnswers(round_id=self._alignment[0], side=phone.device.side, scores=clean)
            rec = {"t": "alignment", "round": answers.round_id, "side": answers.side.value, "scores": clean}
            return [rec], [AlignmentArrived(answers)]
