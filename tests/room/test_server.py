"""The Room link's security, tested against the real server on 127.0.0.1 with aiohttp's client."""

from __future__ import annotations

import asyncio
import json
import socket

import pytest
from yarl import URL

from tests.room.conftest import PIN, a_round, inventory_view
from tests.room.phones import Phone, run
from workshop_app.model import Phase, Side
from workshop_app.room import RoomView, ViewEntry
from workshop_app.room.security import token_hash
from workshop_app.room.server import CSP, MAX_BODY

EVIL = '<img src=x onerror=alert(1)>"\'&<script>alert(2)</script>'


def url(link) -> str:
    return link.join_info.url


# -- joining --------------------------------------------------------------------------------------------

def test_a_wrong_pin_does_not_let_a_phone_in(link):
    async def go():
        async with Phone(url(link)) as phone:
            refused = await phone.join("000000")
            return refused, await phone.state()

    refused, state = run(go())
    assert (refused.status, refused.data["error"]) == (403, "pin")
    assert "set-cookie" not in {k.lower() for k in refused.headers}
    assert state.status == 401
    assert link.devices() == ()


def test_guessing_the_pin_hits_the_join_limit_even_with_the_right_pin_then(link):
    async def go():
        async with Phone(url(link)) as phone:
            wrong = [await phone.join(f"{n:06d}") for n in range(5)]
            return wrong, await phone.join(PIN)

    wrong, right = run(go())
    assert [a.status for a in wrong] == [403] * 5
    assert right.status == 429
    assert int(right.headers["Retry-After"]) >= 1
    assert link.devices() == ()


def test_a_joined_phone_gets_an_httponly_strict_cookie_and_sees_its_side(link):
    async def go():
        async with Phone(url(link)) as phone:
            joined = await phone.join(PIN, "marketing", "Ann")
            return joined, await phone.state()

    joined, state = run(go())
    cookie = joined.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/" in cookie
    assert state.status == 200 and state.data["side"] == "marketing"
    assert [d.side for d in link.devices()] == [Side.MARKETING]


def test_device_tokens_are_long_random_and_kept_only_as_hashes(link, journal_dir):
    async def go():
        async with Phone(url(link)) as phone:
            await phone.join(PIN)
            return phone.session.cookie_jar.filter_cookies(URL(url(link)))["tandem_device"].value

    token = run(go())
    assert len(token) >= 43  # token_urlsafe(32): 256 bits
    assert token not in (journal_dir / "room-journal.jsonl").read_text()
    assert token_hash(token) in (journal_dir / "room-journal.jsonl").read_text()
    assert list(link._state._phones) == [token_hash(token)]


def test_closed_joining_and_a_new_pin_keep_joined_phones_in(link):
    async def go():
        async with Phone(url(link)) as first, Phone(url(link)) as late, Phone(url(link)) as later:
            await first.join(PIN)
            link.set_joining_open(False)
            closed = await late.join(PIN)
            link.set_joining_open(True)
            new = link.new_pin()
            old_pin = await later.join(PIN)
            new_pin = await later.join(new)
            return closed, old_pin, new_pin, await first.state()

    closed, old_pin, new_pin, first = run(go())
    assert (closed.status, closed.data["error"]) == (403, "closed")
    assert old_pin.status == 403 and new_pin.status == 200
    assert first.status == 200
    assert len(link.devices()) == 2


# -- tokens ------------------------------------------------------------------------------------------------

def test_requests_without_a_token_with_a_forged_or_a_revoked_one_are_refused(link):
    async def go():
        async with Phone(url(link)) as phone, Phone(url(link)) as forger:
            none = await phone.post("/api/cards", {"kind": "goal", "title": "x"}, csrf="anything")
            await phone.join(PIN)
            forger.session.cookie_jar.update_cookies({"tandem_device": "A" * 43})
            forged = await forger.state()
            before = await phone.state()
            link.kick(link.devices()[0].id)
            after = await phone.state()
            card = await phone.post("/api/cards", {"kind": "goal", "title": "x"})
            return none, forged, before, after, card

    none, forged, before, after, card = run(go())
    assert none.status == 401 and forged.status == 401
    assert before.status == 200
    assert after.status == 401 and card.status == 401
    assert link.devices() == () and link.pending_cards() == ()


@pytest.mark.parametrize("path", ["/api/state", "/static/room.css", "/", "/nothing-here"])
def test_a_phone_that_floods_the_server_is_slowed_down(link, path):
    async def go():
        async with Phone(url(link)) as phone:
            await phone.join(PIN)
            answers = await asyncio.gather(*(phone.request("GET", path) for _ in range(100)))
            return answers

    answers = run(go())
    limited = [a for a in answers if a.status == 429]
    assert limited and all(a.status in (200, 404, 429) for a in answers)
    assert int(limited[0].headers["Retry-After"]) >= 1


# -- CSRF, body size, content type ---------------------------------------------------------------------

def test_every_post_needs_the_devices_csrf_token_and_a_same_origin(link):
    async def go():
        async with Phone(url(link)) as phone, Phone(url(link)) as other:
            await phone.join(PIN)
            await other.join(PIN)
            body = {"kind": "goal", "title": "x"}
            missing = await phone.request("POST", "/api/cards", body)
            wrong = await phone.post("/api/cards", body, csrf=other.csrf)
            cross = await phone.request("POST", "/api/cards", body, headers={
                "X-CSRF-Token": phone.csrf, "Origin": "http://evil.example"})
            form = await phone.request("POST", "/api/cards", raw=b"kind=goal&title=x", headers={
                "X-CSRF-Token": phone.csrf, "Content-Type": "application/x-www-form-urlencoded"})
            join_without = await other.request("POST", "/api/join", {"pin": PIN, "side": "sales"})
            same = await phone.request("POST", "/api/cards", body, headers={
                "X-CSRF-Token": phone.csrf, "Origin": url(link).rstrip("/")})
            return missing, wrong, cross, form, join_without, same

    missing, wrong, cross, form, join_without, same = run(go())
    assert (missing.status, missing.data["error"]) == (403, "csrf")
    assert (wrong.status, wrong.data["error"]) == (403, "csrf")
    assert (cross.status, cross.data["error"]) == (403, "origin")
    assert form.status == 415
    assert join_without.status == 403
    assert same.status == 200
    assert len(link.pending_cards()) == 1


def test_oversized_bodies_and_overlong_fields_are_refused(link):
    async def go():
        async with Phone(url(link)) as phone:
            await phone.join(PIN)
            huge = await phone.post("/api/cards", {"kind": "goal", "title": "x", "detail": "y" * (MAX_BODY + 10)})
            chunked = await phone.request("POST", "/api/cards", raw=None, headers={
                "X-CSRF-Token": phone.csrf, "Content-Type": "application/json"})
            long_title = await phone.post("/api/cards", {"kind": "goal", "title": "t" * 201})
            long_name = await Phone(url(link)).join(PIN, name="n" * 41)
            return huge, chunked, long_title, long_name

    huge, chunked, long_title, long_name = run(go())
    assert huge.status == 413
    assert chunked.status == 400
    assert (long_title.status, long_title.data["error"]) == (400, "too_long")
    assert long_name.status == 400
    assert link.pending_cards() == ()


def test_the_host_header_must_name_the_server_by_its_address(link):
    async def go():
        async with Phone(url(link)) as phone:
            rebound = await phone.request("GET", "/", headers={"Host": f"evil.example:{link.join_info.port}"})
            other_port = await phone.request("GET", "/", headers={"Host": "127.0.0.1:1"})
            return rebound, other_port, await phone.request("GET", "/")

    rebound, other_port, fine = run(go())
    assert rebound.status == 421 and other_port.status == 421
    assert fine.status == 200


# -- routes and headers --------------------------------------------------------------------------------------

TRAVERSALS = ["/static/..%2f..%2fserver.py", "/static/..%2fserver.py", "/static/%2e%2e%2fserver.py",
              "/static/%2e%2e/%2e%2e/pyproject.toml", "/static/..%5cserver.py", "/static//etc/passwd",
              "/static/%2fetc%2fpasswd", "/static/index.html", "/static/", "/static/room.js%00.py",
              "/etc/passwd", "//etc/passwd", "/room.js", "/server.py", "/api", "/api/../server.py",
              "/static/ROOM.JS"]


def test_only_the_pages_files_are_served_no_path_leads_elsewhere(link):
    async def go():
        async with Phone(url(link)) as phone:
            answers = {path: await phone.request("GET", path, encoded=True) for path in TRAVERSALS}
            answers["ok"] = await phone.request("GET", "/static/room.js")
            return answers

    answers = run(go())
    ok = answers.pop("ok")
    assert ok.status == 200 and ok.headers["Content-Type"].startswith("text/javascript")
    for path, answer in answers.items():
        assert answer.status == 404, path
        assert "import" not in answer.text and "root:" not in answer.text, path


def test_raw_requests_with_dot_dot_and_absolute_paths_find_nothing(link):
    def raw(target: str) -> bytes:
        with socket.create_connection(("127.0.0.1", link.join_info.port), timeout=10) as s:
            s.sendall(f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{link.join_info.port}\r\n"
                      "Connection: close\r\n\r\n".encode())
            data = b""
            while chunk := s.recv(65536):
                data += chunk
        return data

    for target in ("/static/../server.py", "/static/../../../../etc/passwd", "/../../etc/passwd",
                   f"http://127.0.0.1:{link.join_info.port}/static/../server.py", "/static/%2e%2e/server.py"):
        answer = raw(target)
        assert answer.split(b"\r\n", 1)[0] == b"HTTP/1.1 404 Not Found", target
        assert b"root:" not in answer and b"import " not in answer, target


def test_every_response_has_the_strict_headers_and_no_cors(link):
    async def go():
        async with Phone(url(link)) as phone:
            await phone.join(PIN)
            return [await phone.request("GET", "/"), await phone.request("GET", "/static/room.css"),
                    await phone.state(), await phone.request("GET", "/nothing"),
                    await phone.request("OPTIONS", "/api/cards", headers={
                        "Origin": "http://evil.example", "Access-Control-Request-Method": "POST"}),
                    await phone.post("/api/votes", {"round": "none", "dots": {}})]

    for answer in run(go()):
        headers = {k.lower(): v for k, v in answer.headers.items()}
        assert headers["content-security-policy"] == CSP
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"
        assert headers["cache-control"] == "no-store"
        assert not [h for h in headers if h.startswith("access-control-")]
        assert "server" not in headers


def test_the_page_inserts_text_never_markup():
    from importlib import resources

    script = (resources.files("workshop_app.room") / "static" / "room.js").read_text()
    for unsafe in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert unsafe not in script
    page = (resources.files("workshop_app.room") / "static" / "index.html").read_text()
    assert "<script>" not in page and "style=" not in page and "http" not in page.replace("http-equiv", "")


# -- what phones see -------------------------------------------------------------------------------------------

def test_markup_in_every_field_comes_back_literally(link):
    link.publish(RoomView(phase=Phase.INVENTORY, title=EVIL, card_kinds=inventory_view().card_kinds,
                          entries=(ViewEntry(EVIL, (EVIL,), Side.SALES),)))

    async def go():
        async with Phone(url(link)) as phone:
            await phone.join(PIN, name=EVIL[:40])
            sent = await phone.post("/api/cards", {"kind": "goal", "title": EVIL, "detail": EVIL})
            return sent, await phone.state()

    sent, state = run(go())
    assert sent.status == 200
    view = state.data["view"]
    assert view["title"] == EVIL and view["entries"][0]["heading"] == EVIL and view["entries"][0]["lines"] == [EVIL]
    assert state.headers["Content-Type"].startswith("application/json")
    card = link.pending_cards()[0]
    assert (card.title, card.detail) == (EVIL, EVIL)
    assert link.devices()[0].name == EVIL[:40]


def test_a_phone_sees_exactly_the_published_view_and_no_names(link):
    view = RoomView(phase=Phase.GOALS, title="Goals", lang="de", card_kinds=(),
                    entries=(ViewEntry("Shared goal", ("Pipeline +20 %",), None),))
    link.publish(view)

    async def go():
        async with Phone(url(link)) as ann, Phone(url(link)) as bob:
            await ann.join(PIN, "marketing", "Ann Secretname")
            await bob.join(PIN, "sales", "Bob Hiddenname")
            return await ann.state(), await bob.state()

    for state in run(go()):
        assert state.data["view"] == {"phase": "goals", "title": "Goals", "lang": "de", "card_kinds": [],
                                      "entries": [{"heading": "Shared goal", "lines": ["Pipeline +20 %"],
                                                   "side": None}]}
        assert "Secretname" not in state.text and "Hiddenname" not in state.text
        assert "dev-" not in state.text  # no device ids either


def test_other_devices_inputs_and_tallies_stay_hidden_until_reveal(link):
    link.open_round(a_round())

    async def go():
        async with Phone(url(link)) as ann, Phone(url(link)) as bob:
            await ann.join(PIN, "marketing")
            await bob.join(PIN, "sales")
            await ann.post("/api/cards", {"kind": "goal", "title": "Ann's private idea"})
            await ann.post("/api/votes", {"round": "round-1", "dots": {"c1": 3}})
            before = await bob.state(), await ann.state()
            link.close_round()
            closed = await bob.state()
            link.reveal_round()
            return before, closed, await bob.state()

    (bob_before, ann_before), closed, revealed = run(go())
    assert "private idea" not in bob_before.text and "private idea" not in ann_before.text
    assert bob_before.data["round"]["mine"] is None and bob_before.data["round"]["result"] is None
    assert ann_before.data["round"]["mine"] == {"c1": 3} and ann_before.data["round"]["result"] is None
    assert closed.data["round"]["open"] is False and closed.data["round"]["result"] is None
    assert revealed.data["round"]["result"] == {"tallies": {"c1": 3, "c2": 0}, "devices_voted": 1}


# -- cards, votes, alignment --------------------------------------------------------------------------------------

def test_cards_of_the_phase_reach_the_queue_anonymously_and_other_kinds_do_not(link):
    async def go():
        async with Phone(url(link)) as phone:
            await phone.join(PIN, "marketing")
            return [await phone.post("/api/cards", {"kind": kind, "title": f"a {kind}"})
                    for kind in ("goal", "parking", "budget", "incentive", "strategy", None)]

    answers = run(go())
    assert [a.status for a in answers] == [200, 200, 400, 400, 400, 400]
    cards = link.pending_cards()
    assert [(c.kind, c.side, c.phase) for c in cards] == [("goal", Side.MARKETING, Phase.INVENTORY),
                                                           (None, Side.MARKETING, Phase.INVENTORY)]
    assert "device" not in {f for c in cards for f in c.__dataclass_fields__}


def test_one_device_cannot_queue_cards_without_end(link):
    from workshop_app.room.state import PENDING_PER_DEVICE

    async def go():
        async with Phone(url(link)) as phone:
            await phone.join(PIN)
            return [await phone.post("/api/cards", {"kind": "goal", "title": f"card {n}"})
                    for n in range(PENDING_PER_DEVICE + 1)]

    answers = run(go())
    assert [a.status for a in answers[:-1]] == [200] * PENDING_PER_DEVICE
    assert (answers[-1].status, answers[-1].data["error"]) == (429, "queue_full")
    link.card_handled(link.pending_cards()[0].id)

    async def again():
        async with Phone(url(link)) as phone:
            await phone.join(PIN)
            return await phone.post("/api/cards", {"kind": "goal", "title": "another phone"})

    assert run(again()).status == 200


def test_a_device_votes_once_and_within_its_dots(link):
    link.open_round(a_round(dots=3))

    async def go():
        async with Phone(url(link)) as phone:
            await phone.join(PIN)
            return [await phone.post("/api/votes", body) for body in (
                {"round": "round-1", "dots": {"c1": 4}},
                {"round": "round-1", "dots": {"c1": 2, "c2": 2}},
                {"round": "round-1", "dots": {"c1": -1, "c2": 4}},
                {"round": "round-1", "dots": {"c3": 1}},
                {"round": "round-1", "dots": {"c1": 1.5}},
                {"round": "round-1", "dots": {"c1": True}},
                {"round": "other", "dots": {"c1": 1}},
                {"round": "round-1", "dots": {"c1": 2, "c2": 1}},
                {"round": "round-1", "dots": {"c1": 1}},
            )]

    answers = run(go())
    assert [a.status for a in answers] == [400, 400, 400, 400, 400, 400, 409, 200, 409]
    assert answers[0].data["error"] == "too_many" and answers[-1].data["error"] == "voted"
    result = link.round_result()
    assert result.tallies == {"c1": 2, "c2": 1} and result.devices_voted == 1


def test_no_votes_after_the_round_is_closed(link):
    link.open_round(a_round())
    link.close_round()

    async def go():
        async with Phone(url(link)) as phone:
            await phone.join(PIN)
            return await phone.post("/api/votes", {"round": "round-1", "dots": {"c1": 1}})

    assert run(go()).status == 409
    assert link.round_result().devices_voted == 0


def test_the_alignment_check_takes_one_anonymous_answer_per_device(link):
    from workshop_app.room import AlignmentArrived

    link.open_alignment("check-1", (("s1", "We share one lead definition"), ("s2", "We plan together")))

    async def go():
        async with Phone(url(link)) as phone:
            await phone.join(PIN, "sales")
            shown = await phone.state()
            bad = [await phone.post("/api/alignment", {"round": "check-1", "scores": s})
                   for s in ({"s1": 6}, {"s1": 0}, {"s9": 3}, {"s1": "3"})]
            good = await phone.post("/api/alignment", {"round": "check-1", "scores": {"s1": 4, "s2": 2}})
            twice = await phone.post("/api/alignment", {"round": "check-1", "scores": {"s1": 1}})
            return shown, bad, good, twice, await phone.state()

    shown, bad, good, twice, after = run(go())
    assert shown.data["alignment"]["statements"][0] == {"id": "s1", "text": "We share one lead definition"}
    assert [a.status for a in bad] == [400] * 4
    assert good.status == 200 and twice.status == 409
    assert after.data["alignment"]["done"] is True
    answers = _drain(link, AlignmentArrived)
    assert [(a.answers.side, a.answers.scores) for a in answers] == [(Side.SALES, {"s1": 4, "s2": 2})]


def _drain(link, kind):
    found = []
    while not link.events.empty():
        event = link.events.get_nowait()
        if isinstance(event, kind):
            found.append(event)
    return found


def test_the_window_hears_of_devices_cards_and_votes(journal_dir):
    from workshop_app.room import CardArrived, DevicesChanged, RoomLink, VoteCast

    pings = []
    room = RoomLink(journal_dir, on_event=lambda: pings.append(1))
    room.publish(inventory_view())
    info = room.start("127.0.0.1", 0, pin=PIN)
    room.open_round(a_round())
    try:
        async def go():
            async with Phone(info.url) as phone:
                await phone.join(PIN)
                await phone.post("/api/cards", {"kind": "channel", "title": "Weekly call"})
                await phone.post("/api/votes", {"round": "round-1", "dots": {"c2": 1}})

        run(go())
    finally:
        room.stop()
    events = []
    while not room.events.empty():
        events.append(room.events.get_nowait())
    kinds = [type(e).__name__ for e in events]
    assert kinds == ["DevicesChanged", "CardArrived", "VoteCast", "ServerStopped"]
    assert isinstance(events[0], DevicesChanged) and isinstance(events[1], CardArrived)
    assert isinstance(events[2], VoteCast) and events[2].devices_voted == 1
    assert events[1].card.title == "Weekly call"
    assert len(pings) == 4
    assert json.dumps(events[1].card.title)  # plain data


def test_the_page_and_its_words_are_served(link):
    async def go():
        async with Phone(url(link)) as phone:
            return await phone.request("GET", "/"), await phone.request("GET", "/api/words")

    page, words = run(go())
    assert page.status == 200 and page.headers["Content-Type"].startswith("text/html")
    assert '<script src="/static/room.js" defer></script>' in page.text
    assert words.data["de"]["kinds"]["belief"] == "Glaubenssatz"
    assert words.data["de"]["sides"]["sales"] == "Vertrieb"
    assert words.data["en"]["text"]["join"] == "Join"


def test_what_the_disk_will_not_take_is_refused_and_undone_so_sending_again_counts_once(link, monkeypatch):
    import errno

    journal = link._journal
    real_append = journal.append
    full = [True]

    def append(records):
        if full[0]:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_append(records)

    link.open_round(a_round())
    monkeypatch.setattr(journal, "append", append)

    async def go():
        async with Phone(url(link)) as phone:
            refused_join = await phone.join(PIN)
            full[0] = False
            assert (await phone.join(PIN)).status == 200
            full[0] = True
            card = {"kind": "goal", "title": "Shared lead definition"}
            vote = {"round": "round-1", "dots": {"c1": 2}}
            refused = [await phone.post("/api/cards", card), await phone.post("/api/votes", vote)]
            full[0] = False
            again = [await phone.post("/api/cards", card), await phone.post("/api/votes", vote)]
            return refused_join, refused, again

    refused_join, refused, again = run(go())
    assert refused_join.status == 503 and refused_join.data == {"error": "journal"}
    assert [a.status for a in refused] == [503, 503]
    assert [a.status for a in again] == [200, 200]  # not "voted" and no card twice
    assert [c.title for c in link.pending_cards()] == ["Shared lead definition"]
    assert len(link.devices()) == 1 and link.round_result().devices_voted == 1


def test_what_the_facilitator_does_stands_when_the_disk_will_not_take_it_and_the_window_hears_why(link,
                                                                                                  monkeypatch):
    from workshop_app.room import JournalFailed

    def append(records):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(link._journal, "append", append)
    link.open_round(a_round())  # no exception for the window to show as a traceback
    assert link.round_result() is not None
    events = []
    while not link.events.empty():
        events.append(link.events.get_nowait())
    assert JournalFailed("No space left on device") in events
