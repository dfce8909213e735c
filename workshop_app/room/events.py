"""What the Room link hands to the window: plain frozen data, safe to pass between threads.

The server thread builds these and puts them on ``RoomLink.events``; the UI
thread drains that queue and turns what it wants to keep into undoable
commands. Text fields hold raw participant text: escape it on display.
A card or an answer carries no device id, so nothing anonymous can be traced
back to a phone once it reaches the document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from workshop_app.model.enums import ElementKind, Phase, Side

#: Longest card title and detail the server accepts (characters).
TITLE_MAX = 200
DETAIL_MAX = 2000
NAME_MAX = 40


class RoomError(Exception):
    """The Room link cannot do what was asked; ``str()`` is one sentence for the facilitator."""


@dataclass(frozen=True)
class Device:
    """One joined phone. ``name`` is optional and stays on the laptop (never sent to phones)."""

    id: str
    side: Side
    name: str
    joined_at: datetime


@dataclass(frozen=True)
class Card:
    """A submission into the screening queue (anonymous: no device id)."""

    id: str
    kind: ElementKind | None  # None = a parking-lot item
    side: Side
    title: str
    detail: str
    phase: Phase
    submitted_at: datetime


@dataclass(frozen=True)
class VoteItem:
    id: str  # a conflict id of the document
    label: str


@dataclass(frozen=True)
class VoteRound:
    id: str
    items: tuple[VoteItem, ...]
    dots_per_device: int


@dataclass(frozen=True)
class RoundResult:
    round_id: str
    tallies: dict[str, int]
    devices_voted: int


@dataclass(frozen=True)
class AlignmentAnswers:
    """One anonymous filled-in alignment check: statement id -> 1..5."""

    round_id: str
    side: Side
    scores: dict[str, int]


@dataclass(frozen=True)
class ViewEntry:
    """One block of what the projector shows: a heading and its lines."""

    heading: str
    lines: tuple[str, ...] = ()
    side: Side | None = None


@dataclass(frozen=True)
class RoomView:
    """What phones may see: only what the projector shows (the UI builds it from revealed entries only)."""

    phase: Phase
    title: str
    lang: str = "en"
    card_kinds: tuple[ElementKind | None, ...] = ()  # what a participant may submit now; empty = no cards
    entries: tuple[ViewEntry, ...] = ()


@dataclass(frozen=True)
class JoinInfo:
    url: str
    pin: str
    host: str
    port: int
    https: bool


@dataclass(frozen=True)
class Recovered:
    """What the journal of an unfinished session still holds."""

    cards: tuple[Card, ...] = ()
    round: VoteRound | None = None
    votes: dict[str, int] = field(default_factory=dict)
    devices_voted: int = 0


# -- events the UI receives ---------------------------------------------------------------------------

@dataclass(frozen=True)
class CardArrived:
    card: Card


@dataclass(frozen=True)
class DevicesChanged:
    devices: tuple[Device, ...]


@dataclass(frozen=True)
class VoteCast:
    round_id: str
    devices_voted: int


@dataclass(frozen=True)
class AlignmentArrived:
    answers: AlignmentAnswers


@dataclass(frozen=True)
class ServerStopped:
    reason: str  # "" when asked to stop


@dataclass(frozen=True)
class JournalFailed:
    """The journal could not take what the facilitator did (full disk, …): it stands, unjournaled."""

    reason: str


RoomEvent = CardArrived | DevicesChanged | VoteCast | AlignmentArrived | ServerStopped | JournalFailed
