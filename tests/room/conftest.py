"""A real Room link server on 127.0.0.1 for each test, with its journal in the test's folder."""

from __future__ import annotations

import pytest

from workshop_app.model import ElementKind, Phase, Side
from workshop_app.room import RoomLink, RoomView, ViewEntry, VoteItem, VoteRound

PIN = "482913"


def inventory_view() -> RoomView:
    return RoomView(phase=Phase.INVENTORY, title="Kick-off", lang="en",
                    card_kinds=(ElementKind.GOAL, ElementKind.CHANNEL, None),
                    entries=(ViewEntry("Revealed goal", ("more leads",), Side.SALES),))


def a_round(dots: int = 3) -> VoteRound:
    return VoteRound(id="round-1", items=(VoteItem("c1", "Quarterly commission"), VoteItem("c2", "No pot")),
                     dots_per_device=dots)


@pytest.fixture
def journal_dir(tmp_path):
    return tmp_path / "journal"


@pytest.fixture
def link(journal_dir):
    room = RoomLink(journal_dir)
    room.publish(inventory_view())
    room.start("127.0.0.1", 0, pin=PIN)
    yield room
    room.stop()
