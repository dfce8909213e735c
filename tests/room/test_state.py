"""What the Room link keeps, without HTTP: text cleaning and what a phone's state may hold."""

from __future__ import annotations

import pytest

from tests.room.conftest import PIN, a_round, inventory_view
from workshop_app.room.state import Refused, RoomState, clean_text


def test_control_characters_are_dropped_line_breaks_kept_only_where_asked():
    assert clean_text("Lead\x00 defi\x1bnition\x85", 100) == "Lead definition"
    assert clean_text("first\nsecond\tthird\r", 100, lines=True) == "first\nsecond\tthird"
    assert clean_text("one\ntwo", 100) == "onetwo"
    assert clean_text("  <b>bold</b>  ", 100) == "<b>bold</b>"  # markup is kept as typed, never interpreted
    with pytest.raises(Refused):
        clean_text(["not", "text"], 100)
    with pytest.raises(Refused):
        clean_text("x" * 101, 100)


def test_a_phones_state_holds_its_own_inputs_only():
    state = RoomState(PIN)
    state.publish(inventory_view())
    state.open_round(a_round())
    tokens = [state.join(PIN, side, name)[0] for side, name in (("marketing", "Ann"), ("sales", "Bob"))]
    ann, bob = (state.phone(t) for t in tokens)
    state.add_card(ann, "goal", "Ann's card", "")
    state.vote(ann, "round-1", {"c1": 3})
    seen = repr(state.phone_state(bob, "csrf"))
    assert "Ann" not in seen and "Bob" not in seen and "dev-" not in seen
    assert state.phone_state(bob, "csrf")["round"]["mine"] is None
    assert state.phone_state(ann, "csrf")["round"]["mine"] == {"c1": 3}
