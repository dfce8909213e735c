"""Starting and stopping the Room link: only the address asked for, clear sentences when it cannot start."""

from __future__ import annotations

import shutil
import socket
import ssl
import subprocess

import pytest

from tests.room.conftest import PIN, inventory_view
from tests.room.phones import Phone, run
from workshop_app.room import RoomError, RoomLink, ServerStopped
from workshop_app.room.network import default_address


def test_it_listens_on_the_address_given_only(link):
    bound = {address for address, _port in link.listening}
    assert bound == {"127.0.0.1"}
    assert link.join_info.url == f"http://127.0.0.1:{link.join_info.port}/"
    other = default_address()
    if other is None:
        pytest.skip("this machine has no address besides loopback")
    with pytest.raises(OSError), socket.create_connection((other, link.join_info.port), timeout=5):
        pass


def test_port_zero_picks_a_free_port_and_a_taken_port_is_said_so(link, journal_dir):
    assert link.join_info.port > 0
    second = RoomLink(journal_dir.parent / "other")
    with pytest.raises(RoomError, match=f"Port {link.join_info.port} on 127.0.0.1 is taken"):
        second.start("127.0.0.1", link.join_info.port)
    assert not second.running


def test_an_address_not_of_this_machine_or_not_an_address_is_refused(journal_dir):
    room = RoomLink(journal_dir)
    with pytest.raises(RoomError, match="not an address of this computer"):
        room.start("192.0.2.123", 0)
    with pytest.raises(RoomError, match="not an address of this computer"):
        room.start("example.com", 0)
    assert not room.running


def test_a_pin_must_have_six_digits_at_least_and_a_random_one_has(journal_dir):
    room = RoomLink(journal_dir)
    for bad in ("12345", "12ab56", "１２３４５６", ""):
        with pytest.raises(RoomError, match="6 to 12 digits"):
            room.start("127.0.0.1", 0, pin=bad)
    info = room.start("127.0.0.1", 0)
    try:
        assert len(info.pin) == 6 and info.pin.isdigit()
        new = room.new_pin()
        assert len(new) == 6 and room.join_info.pin == new
    finally:
        room.stop()


def test_stop_is_idempotent_and_tells_the_window(journal_dir):
    room = RoomLink(journal_dir)
    room.start("127.0.0.1", 0)
    port = room.join_info.port
    room.stop()
    room.stop()
    assert not room.running and room.join_info is None
    assert isinstance(room.events.get_nowait(), ServerStopped)
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=5):
        pass
    room.start("127.0.0.1", 0)  # and it starts again
    assert room.running
    room.stop()


def test_an_unreadable_certificate_is_said_so(journal_dir, tmp_path):
    bad = tmp_path / "cert.pem"
    bad.write_text("not a certificate")
    room = RoomLink(journal_dir)
    with pytest.raises(RoomError, match=r"certificate .* cannot be used"):
        room.start("127.0.0.1", 0, certfile=bad)
    with pytest.raises(RoomError, match=r"certificate .* cannot be used"):
        room.start("127.0.0.1", 0, certfile=tmp_path / "missing.pem")
    assert not room.running


@pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl is not installed to make a certificate")
def test_with_a_certificate_file_it_serves_https_and_marks_the_cookie_secure(journal_dir, tmp_path):
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out",
                    str(cert), "-days", "1", "-subj", "/CN=127.0.0.1"], check=True, capture_output=True)
    room = RoomLink(journal_dir)
    room.publish(inventory_view())
    info = room.start("127.0.0.1", 0, pin=PIN, certfile=cert, keyfile=key)
    try:
        assert info.https and info.url.startswith("https://127.0.0.1:")
        context = ssl.create_default_context(cafile=str(cert))
        context.check_hostname = False

        async def go():
            import aiohttp

            phone = Phone(info.url)
            await phone.session.close()
            phone.session = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True),
                                                  connector=aiohttp.TCPConnector(ssl=context))
            async with phone:
                return await phone.join(PIN)

        joined = run(go())
        assert joined.status == 200 and "Secure" in joined.headers["Set-Cookie"]
    finally:
        room.stop()


def test_a_journal_folder_open_to_others_is_tightened_one_of_another_kind_refused(tmp_path):
    import os

    folder = tmp_path / "open"
    folder.mkdir(mode=0o777)
    os.chmod(folder, 0o777)
    room = RoomLink(folder)
    room.start("127.0.0.1", 0)
    room.stop()
    assert os.stat(folder).st_mode & 0o077 == 0
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    with pytest.raises(RoomError):
        RoomLink(not_a_folder).start("127.0.0.1", 0)


def test_all_interfaces_only_when_asked_and_then_the_address_shown_is_a_reachable_one(journal_dir):
    room = RoomLink(journal_dir)
    info = room.start("0.0.0.0", 0)
    try:
        assert {address for address, _port in room.listening} == {"0.0.0.0"}
        assert "0.0.0.0" not in info.url
        assert info.url.startswith(f"http://{default_address() or '127.0.0.1'}:")
    finally:
        room.stop()
