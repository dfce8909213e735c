"""Connections a hostile device could hold: capped per address, closed when their request heads do not come.

The link here does not exempt loopback, so the limits apply to the test's own
connections on 127.0.0.1, with short deadlines.
"""

from __future__ import annotations

import json
import socket
import time

import pytest

from tests.room.conftest import PIN, inventory_view
from tests.room.phones import Phone, run
from workshop_app.room import RoomLink
from workshop_app.room.connections import ConnectionLimits

LIMITS = ConnectionLimits(per_address=3, total=50, first_request_s=0.5, between_requests_s=1.0,
                          stranger_burst=6, stranger_rate=0.5, loopback_exempt=False)
#: the deadline plus the guard's sweep (every second) plus slack for a busy machine
CLOSED_WITHIN_S = 4.0


@pytest.fixture
def guarded(journal_dir):
    room = RoomLink(journal_dir, limits=LIMITS)
    room.publish(inventory_view())
    room.start("127.0.0.1", 0, pin=PIN)
    yield room
    room.stop()


def _connect(link) -> socket.socket:
    return socket.create_connection(("127.0.0.1", link.join_info.port), timeout=CLOSED_WITHIN_S + 2)


def _closed_by_server(sock: socket.socket) -> bool:
    """True when the server closed the connection (end of stream or reset) before the socket's timeout."""
    try:
        return sock.recv(1024) == b""
    except ConnectionResetError:
        return True
    except TimeoutError:
        return False


def _get(link, sock: socket.socket) -> bytes:
    host = f"127.0.0.1:{link.join_info.port}"
    sock.sendall(f"GET /static/room.css HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())
    return sock.recv(65536)


def test_one_address_holds_only_so_many_connections(guarded):
    held = [_connect(guarded) for _ in range(LIMITS.per_address)]
    try:
        for sock in held:
            assert _get(guarded, sock).startswith(b"HTTP/1.1 200")
        extra = _connect(guarded)  # the kernel accepts it; the guard closes it at once
        assert _closed_by_server(extra)
        extra.close()
    finally:
        for sock in held:
            sock.close()
    time.sleep(0.2)  # the server hears of the closes
    again = _connect(guarded)
    assert _get(guarded, again).startswith(b"HTTP/1.1 200")
    again.close()


def test_idle_and_slow_connections_are_closed_and_free_their_place(guarded):
    silent = _connect(guarded)
    started = time.monotonic()
    assert _closed_by_server(silent)  # not a byte sent
    assert time.monotonic() - started < CLOSED_WITHIN_S
    silent.close()

    # slowloris: a request head that never ends, a header line now and then
    slow = _connect(guarded)
    slow.sendall(f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{guarded.join_info.port}\r\n".encode())
    slow.settimeout(0.2)
    started = time.monotonic()
    closed = False
    while time.monotonic() - started < CLOSED_WITHIN_S and not closed:
        try:
            slow.sendall(b"X-a: b\r\n")
        except (BrokenPipeError, ConnectionResetError):
            closed = True
            break
        closed = _closed_by_server(slow)
    assert closed
    slow.close()

    # a kept-alive connection that goes quiet after its request is closed too
    kept = _connect(guarded)
    assert _get(guarded, kept).startswith(b"HTTP/1.1 200")
    assert _closed_by_server(kept)
    kept.close()


def test_requests_without_a_device_are_limited_per_address_and_a_joined_phone_is_not(guarded):
    async def go():
        async with Phone(guarded.join_info.url) as phone, Phone(guarded.join_info.url) as stranger:
            assert (await phone.join(PIN)).status == 200  # one stranger request
            statuses = [(await stranger.state()).status for _ in range(LIMITS.stranger_burst + 2)]
            mine = [(await phone.state()).status for _ in range(10)]
            return statuses, mine

    statuses, mine = run(go())
    assert statuses[:LIMITS.stranger_burst - 1] == [401] * (LIMITS.stranger_burst - 1)
    assert statuses[-1] == 429
    assert mine == [200] * 10  # its device's own budget, not the address's


def test_loopback_is_exempt_by_default(link):
    held = [_connect(link) for _ in range(ConnectionLimits().per_address + 4)]
    try:
        assert all(_get(link, sock).startswith(b"HTTP/1.1 200") for sock in held)
    finally:
        for sock in held:
            sock.close()


@pytest.fixture
def guarded_tls(journal_dir, tmp_path):
    import subprocess

    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out",
                    str(cert), "-days", "1", "-subj", "/CN=127.0.0.1"], check=True, capture_output=True)
    room = RoomLink(journal_dir, limits=LIMITS)
    room.publish(inventory_view())
    room.start("127.0.0.1", 0, pin=PIN, certfile=cert, keyfile=key)
    yield room
    room.stop()


def test_with_https_a_connection_counts_and_times_out_before_its_handshake_too(guarded_tls):
    import ssl

    silent = [_connect(guarded_tls) for _ in range(LIMITS.per_address)]  # not even a TLS hello
    try:
        extra = _connect(guarded_tls)
        assert _closed_by_server(extra)  # the cap counts connections still before their handshake
        extra.close()
        started = time.monotonic()
        assert all(_closed_by_server(sock) for sock in silent)
        assert time.monotonic() - started < CLOSED_WITHIN_S
    finally:
        for sock in silent:
            sock.close()
    time.sleep(0.2)
    context = ssl.create_default_context()
    context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
    with context.wrap_socket(_connect(guarded_tls), server_hostname="127.0.0.1") as secure:
        assert _get(guarded_tls, secure).startswith(b"HTTP/1.1 200")  # an honest phone gets in


def test_stopping_with_handshakes_under_way_ends_them_at_once(guarded_tls):
    silent = [_connect(guarded_tls) for _ in range(2)]
    time.sleep(0.2)  # the server has them, waiting for a TLS hello
    guard = guarded_tls._guard
    assert len(guard.handshakes) == 2
    started = time.monotonic()
    guarded_tls.stop()
    assert time.monotonic() - started < 3 and not guard.handshakes
    assert all(_closed_by_server(sock) for sock in silent)
    for sock in silent:
        sock.close()


def test_with_every_place_taken_strangers_make_room_for_each_other_never_for_a_joined_phone(journal_dir):
    import dataclasses

    limits = dataclasses.replace(LIMITS, per_address=50, total=4, first_request_s=30.0, between_requests_s=30.0)
    room = RoomLink(journal_dir, limits=limits)
    room.publish(inventory_view())
    room.start("127.0.0.1", 0, pin=PIN)
    try:
        phone = _connect(room)
        host = f"127.0.0.1:{room.join_info.port}"
        body = json.dumps({"pin": PIN, "side": "sales"}).encode()
        phone.sendall(f"POST /api/join HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n"
                      f"X-CSRF-Token: join\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body)
        answer = phone.recv(65536).decode()
        cookie = answer.split("Set-Cookie: ", 1)[1].split(";", 1)[0]
        state = f"GET /api/state HTTP/1.1\r\nHost: {host}\r\nCookie: {cookie}\r\n\r\n".encode()
        phone.sendall(state)
        assert phone.recv(65536).startswith(b"HTTP/1.1 200")  # this connection carried the device's token
        strangers = [_connect(room) for _ in range(8)]  # twice the places there are
        time.sleep(0.3)
        open_ones = []
        for sock in strangers:
            sock.settimeout(0.2)
            if not _closed_by_server(sock):
                open_ones.append(sock)
        assert open_ones == strangers[-3:]  # the newest strangers: the oldest made room
        phone.sendall(state)
        assert phone.recv(65536).startswith(b"HTTP/1.1 200")  # the joined phone kept its place
        for sock in [*strangers, phone]:
            sock.close()
    finally:
        room.stop()


def test_a_device_protects_only_so_many_connections_and_none_once_removed(journal_dir):
    import dataclasses

    limits = dataclasses.replace(LIMITS, per_address=50, total=4, per_device=2, first_request_s=30.0,
                                 between_requests_s=30.0)
    room = RoomLink(journal_dir, limits=limits)
    room.publish(inventory_view())
    room.start("127.0.0.1", 0, pin=PIN)
    host = f"127.0.0.1:{room.join_info.port}"
    try:
        joining = _connect(room)
        body = json.dumps({"pin": PIN, "side": "sales"}).encode()
        joining.sendall(f"POST /api/join HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n"
                        f"X-CSRF-Token: join\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body)
        cookie = joining.recv(65536).decode().split("Set-Cookie: ", 1)[1].split(";", 1)[0]
        state = f"GET /api/state HTTP/1.1\r\nHost: {host}\r\nCookie: {cookie}\r\n\r\n".encode()
        hoard = [joining, *(_connect(room) for _ in range(3))]
        for sock in hoard:
            sock.sendall(state)
            assert sock.recv(65536).startswith(b"HTTP/1.1 200")
        stranger = _connect(room)  # every place taken: the oldest connection the device cannot protect goes
        time.sleep(0.3)
        for sock in hoard:
            sock.settimeout(0.2)
        assert [_closed_by_server(sock) for sock in hoard] == [False, False, True, False]
        [device] = room.devices()
        room.kick(device.id)
        for sock in (hoard[0], hoard[1]):  # now only a stranger's requests: nothing protects them
            sock.sendall(state)
            assert b"401" in sock.recv(65536).split(b"\r\n", 1)[0]
        newcomer = _connect(room)
        time.sleep(0.3)
        assert _closed_by_server(hoard[0])  # the oldest unprotected one made room
        for sock in [*hoard, stranger, newcomer]:
            sock.close()
    finally:
        room.stop()
