"""``tandem room FILE``: serves the page for a workshop, prints address and PIN, never changes FILE."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

from tests.room.phones import Phone, run
from workshop_app.room.journal import JOURNAL_NAME
from workshop_app.store import save_workshop
from workshop_app.store.demo import load_demo


def _start(file, journal, *more):
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    return subprocess.Popen([sys.executable, "-m", "workshop_app", "room", str(file), "--host", "127.0.0.1",
                             "--port", "0", "--journal", str(journal), *more],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def test_headless_room_serves_the_workshop_journals_cards_and_stops_on_ctrl_c(tmp_path):
    file = tmp_path / "demo.workshop.json"
    doc = load_demo("en")
    save_workshop(doc, file)
    before = file.read_bytes()
    journal = tmp_path / "journal"
    process = _start(file, journal, "--pin", "246810")
    try:
        first = process.stdout.readline()
        url = first.rsplit(" ", 1)[-1].strip()
        assert url.startswith("http://127.0.0.1:")
        assert process.stdout.readline().strip() == "PIN: 246810"

        async def go():
            async with Phone(url) as phone:
                assert (await phone.join("246810", "sales", "Ann")).status == 200
                state = await phone.state()
                sent = await phone.post("/api/cards", {"kind": "insight", "title": "Customers ask for ROI"})
                return state, sent

        state, sent = run(go())
        assert sent.status == 200
        view = state.data["view"]
        assert view["phase"] == "setup" and view["title"] == doc.meta.title
        assert "insight" in view["card_kinds"] and "parking" in view["card_kinds"]
        names = [p.name for p in doc.participants if p.name]
        assert names and not any(name in state.text for name in names)
        hidden = [el.title for el in doc.elements if el.hidden]
        assert not any(title in state.text for title in hidden)
    finally:
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=30)
    assert process.returncode in (0, 130)
    assert "Traceback" not in err and "Traceback" not in out
    assert file.read_bytes() == before
    records = [json.loads(line) for line in (journal / JOURNAL_NAME).read_text().splitlines()]
    assert [r["title"] for r in records if r["t"] == "card"] == ["Customers ask for ROI"]


def test_headless_room_says_in_a_sentence_why_it_cannot_start(tmp_path):
    file = tmp_path / "demo.workshop.json"
    save_workshop(load_demo("en"), file)
    process = _start(file, tmp_path / "journal", "--pin", "12")
    _out, err = process.communicate(timeout=60)
    assert process.returncode == 1
    assert "tandem room: The room PIN must have 6 to 12 digits." in err
    assert "Traceback" not in err


def test_headless_room_refuses_a_file_that_is_no_workshop(tmp_path):
    file = tmp_path / "broken.workshop.json"
    file.write_text("{ not json")
    process = _start(file, tmp_path / "journal")
    _out, err = process.communicate(timeout=60)
    assert process.returncode == 2
    assert "Traceback" not in err
    assert file.read_text() == "{ not json"


def test_headless_room_with_vote_takes_dots_and_prints_them_when_stopped(tmp_path):
    from workshop_app.analysis import conflict_views

    file = tmp_path / "demo.workshop.json"
    doc = load_demo("en")
    save_workshop(doc, file)
    before = file.read_bytes()
    process = _start(file, tmp_path / "journal", "--pin", "246810", "--vote")
    try:
        url = process.stdout.readline().rsplit(" ", 1)[-1].strip()

        async def go():
            async with Phone(url) as phone:
                assert (await phone.join("246810", "marketing")).status == 200
                round_ = (await phone.state()).data["round"]
                first = round_["items"][0]["id"]
                voted = await phone.post("/api/votes", {"round": round_["id"], "dots": {first: 2}})
                return round_, first, voted

        round_, first, voted = run(go())
        assert voted.status == 200
    finally:
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=30)
    room = [v for v in conflict_views(doc, "en") if v.taken_up and not v.hidden]
    assert {item["id"] for item in round_["items"]} <= {v.id for v in room}
    assert round_["dots"] == doc.meta.dots_per_participant
    title = next(item["label"] for item in round_["items"] if item["id"] == first)
    assert "Voting closed: 1 device voted." in out and f"  2 dots: {title}" in out
    assert "Traceback" not in err and file.read_bytes() == before


def test_headless_room_with_vote_and_nothing_to_vote_on_says_so(tmp_path):
    from workshop_app.model import Workshop

    file = tmp_path / "empty.workshop.json"
    save_workshop(Workshop(), file)
    process = _start(file, tmp_path / "journal", "--vote")
    _out, err = process.communicate(timeout=60)
    assert process.returncode == 1 and "no conflicts the room has taken up" in err and "Traceback" not in err
