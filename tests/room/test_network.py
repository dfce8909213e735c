"""The addresses the facilitator may pick from."""

from __future__ import annotations

from workshop_app.room.network import default_address, interfaces


def test_interfaces_list_loopback_last_and_the_default_first():
    found = interfaces()
    assert found[-1].is_loopback and found[-1].address.startswith("127.")
    default = default_address()
    if default is not None:
        assert found[0].address == default and found[0].is_default
    assert sum(i.is_default for i in found) <= 1
    assert all(":" not in i.address for i in found)  # IPv4, what a phone types or scans
