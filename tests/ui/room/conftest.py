"""The Room link's window tests: the demo workshop open, the server replaced by :class:`FakeLink`."""

from __future__ import annotations

import pytest

from tests.ui.room.fakes import FakeLink
from workshop_app.model import Phase
from workshop_app.room import Recovered
from workshop_app.store.demo import load_demo


@pytest.fixture
def fake_link(monkeypatch):
    import workshop_app.ui.room.controller as controller_module

    FakeLink.instances.clear()
    FakeLink.recovered_next = Recovered()
    FakeLink.fail_with = ""
    monkeypatch.setattr(controller_module, "RoomLink", FakeLink)
    return FakeLink


@pytest.fixture
def demo(window):
    window.set_workshop(load_demo("en"), None)
    window.go_to_phase(Phase.INVENTORY)
    return window


@pytest.fixture
def room(qtbot, demo, fake_link):
    """The Room link window of the demo, started on loopback; yields (dialog, the fake server)."""
    from workshop_app.ui.room.entry import open_room_link

    dialog = open_room_link(demo)
    qtbot.waitExposed(dialog)
    assert dialog.join.choose_address("127.0.0.1")
    assert dialog.join.start()
    yield dialog, FakeLink.instances[-1]
    dialog.controller.stop()
    dialog.close()
