"""Nothing lost: cards, votes and devices are journaled as they arrive and come back after a crash."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import textwrap

from tests.room.conftest import PIN, a_round, inventory_view
from tests.room.phones import Phone, run
from workshop_app.room import RoomLink
from workshop_app.room.journal import JOURNAL_NAME

SERVER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    sys.path.insert(0, {root!r})
    from tests.room.conftest import inventory_view, a_round, PIN
    from workshop_app.room import RoomLink
    link = RoomLink(Path({folder!r}))
    link.publish(inventory_view())
    info = link.start("127.0.0.1", 0, pin=PIN)
    link.open_round(a_round())
    print(info.url, flush=True)
    while True:
        time.sleep(1)
""")


def _killed_server(journal_dir) -> None:
    """A server in another process that phones use, then killed without warning (SIGKILL)."""
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    process = subprocess.Popen([sys.executable, "-c", SERVER.format(root=root, folder=str(journal_dir))],
                               stdout=subprocess.PIPE, text=True)
    try:
        url = process.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:")

        async def go():
            async with Phone(url) as ann, Phone(url) as bob:
                await ann.join(PIN, "marketing")
                await bob.join(PIN, "sales")
                assert (await ann.post("/api/cards", {"kind": "goal", "title": "Shared lead definition"})).status == 200
                assert (await bob.post("/api/cards", {"kind": None, "title": "Later: CRM"})).status == 400
                assert (await bob.post("/api/cards", {"kind": "parking", "title": "Later: CRM"})).status == 200
                assert (await ann.post("/api/votes", {"round": "round-1", "dots": {"c1": 2, "c2": 1}})).status == 200
                assert (await bob.post("/api/votes", {"round": "round-1", "dots": {"c1": 3}})).status == 200

        run(go())
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(30)


def test_a_crash_during_a_round_loses_no_card_and_no_vote(journal_dir):
    _killed_server(journal_dir)
    recovered = RoomLink.recovered(journal_dir)
    assert [(c.title, c.side.value, c.kind) for c in recovered.cards] == [
        ("Shared lead definition", "marketing", "goal"), ("Later: CRM", "sales", None)]
    assert recovered.round == a_round()
    assert recovered.votes == {"c1": 5, "c2": 1}
    assert recovered.devices_voted == 2


def test_after_a_crash_the_next_start_carries_the_queue_the_round_and_the_phones_on(journal_dir):
    _killed_server(journal_dir)
    link = RoomLink(journal_dir)
    link.publish(inventory_view())
    info = link.start("127.0.0.1", 0, pin=PIN)
    try:
        assert [c.title for c in link.pending_cards()] == ["Shared lead definition", "Later: CRM"]
        link.open_round(a_round())  # the window opens the recovered round again: its votes stay
        assert link.round_result().tallies == {"c1": 5, "c2": 1}
        assert len(link.devices()) == 2  # their cookies still work, without the PIN again
        link.card_handled(link.pending_cards()[0].id)
    finally:
        link.stop()
    assert info.port > 0
    after = RoomLink.recovered(journal_dir)
    assert [c.title for c in after.cards] == ["Later: CRM"]


def test_a_link_abandoned_without_stop_leaves_its_cards_for_the_next_start(journal_dir):
    link = RoomLink(journal_dir)
    link.publish(inventory_view())
    info = link.start("127.0.0.1", 0, pin=PIN)

    async def go():
        async with Phone(info.url) as phone:
            await phone.join(PIN)
            await phone.post("/api/cards", {"kind": "channel", "title": "Weekly stand-up"})

    run(go())
    # no stop(): as if the app died; the journal on disk already holds the card
    assert [c.title for c in RoomLink.recovered(journal_dir).cards] == ["Weekly stand-up"]
    link.stop()
    assert [c.title for c in RoomLink.recovered(journal_dir).cards] == ["Weekly stand-up"]


def test_handled_cards_and_a_closed_round_do_not_come_back(link, journal_dir):
    link.open_round(a_round())

    async def go():
        async with Phone(link.join_info.url) as phone:
            await phone.join(PIN)
            await phone.post("/api/cards", {"kind": "goal", "title": "one"})
            await phone.post("/api/cards", {"kind": "goal", "title": "two"})
            await phone.post("/api/votes", {"round": "round-1", "dots": {"c1": 1}})

    run(go())
    link.card_handled(link.pending_cards()[0].id)
    link.close_round()
    recovered = RoomLink.recovered(journal_dir)
    assert [c.title for c in recovered.cards] == ["two"]
    assert recovered.round is None and recovered.votes == {}


def test_a_card_put_back_in_the_queue_comes_back_after_a_crash(link, journal_dir):
    async def go():
        async with Phone(link.join_info.url) as phone:
            await phone.join(PIN)
            await phone.post("/api/cards", {"kind": "goal", "title": "one"})

    run(go())
    [card] = link.pending_cards()
    link.card_handled(card.id)
    assert RoomLink.recovered(journal_dir).cards == ()
    assert link.card_back(card.id)  # the facilitator undid the acceptance
    assert [c.id for c in link.pending_cards()] == [card.id]
    assert [(c.id, c.title) for c in RoomLink.recovered(journal_dir).cards] == [(card.id, "one")]
    assert not link.card_back("card-unknown")  # a card this session never screened: nothing happens
    assert len(link.pending_cards()) == 1


def test_the_journal_is_private_and_holds_json_lines(link, journal_dir):
    async def go():
        async with Phone(link.join_info.url) as phone:
            await phone.join(PIN, name="Ann")
            await phone.post("/api/cards", {"kind": "goal", "title": "<b>x</b>"})

    run(go())
    path = journal_dir / JOURNAL_NAME
    if hasattr(os, "getuid"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(journal_dir.stat().st_mode) == 0o700
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [r["t"] for r in records] == ["start", "device", "card"]
    assert records[2]["title"] == "<b>x</b>"


def test_a_torn_last_line_does_not_hide_the_records_before_it(journal_dir):
    link = RoomLink(journal_dir)
    link.publish(inventory_view())
    info = link.start("127.0.0.1", 0, pin=PIN)

    async def go():
        async with Phone(info.url) as phone:
            await phone.join(PIN)
            await phone.post("/api/cards", {"kind": "goal", "title": "kept"})

    run(go())
    link.stop()
    with open(journal_dir / JOURNAL_NAME, "ab") as journal:
        journal.write(b'{"t":"card","id":"card-x","ti')
    assert [c.title for c in RoomLink.recovered(journal_dir).cards] == ["kept"]


def test_the_journal_is_compacted_at_each_start(journal_dir):
    for _ in range(3):
        link = RoomLink(journal_dir)
        link.publish(inventory_view())
        info = link.start("127.0.0.1", 0, pin=PIN)

        async def go(url=info.url):
            async with Phone(url) as phone:
                await phone.join(PIN)
                await phone.post("/api/cards", {"kind": "goal", "title": "again"})

        run(go())
        for card in link.pending_cards():
            link.card_handled(card.id)
        link.stop()
    link = RoomLink(journal_dir)
    link.start("127.0.0.1", 0)
    link.stop()
    lines = (journal_dir / JOURNAL_NAME).read_text().splitlines()
    assert [json.loads(line)["t"] for line in lines] == ["start", "stop"]
