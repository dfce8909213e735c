"""Which addresses of this laptop the Room link can listen on.

The facilitator picks one; the default is the interface that carries the
default route (the room's Wi-Fi or the laptop's hotspot), never "all
interfaces". Nothing here sends a packet: the default route is found by
asking the kernel which source address a UDP socket would use.
"""

from __future__ import annotations

import socket
from dataclasses import dataclass

#: A documentation address (RFC 5737); ``connect`` on UDP only picks a route, it sends nothing.
_PROBE = ("192.0.2.1", 9)


@dataclass(frozen=True)
class Interface:
    name: str
    address: str
    is_default: bool
    is_loopback: bool


def default_address() -> str | None:
    """The IPv4 address of the interface with the default route; None when there is no network."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(_PROBE)
            address = str(probe.getsockname()[0])
    except OSError:
        return None
    if not address or address.startswith("0.") or address.startswith("127."):
        return None
    return address


def interfaces() -> list[Interface]:
    """The IPv4 addresses of this machine, default first, loopback last."""
    import psutil  # loaded only when the facilitator opens the Room link

    default = default_address()
    found: list[Interface] = []
    seen: set[str] = set()
    for name, addresses in psutil.net_if_addrs().items():
        for entry in addresses:
            if entry.family != socket.AF_INET or not entry.address or entry.address in seen:
                continue
            seen.add(entry.address)
            found.append(Interface(name=name, address=entry.address, is_default=entry.address == default,
                                   is_loopback=entry.address.startswith("127.")))
    if not any(i.is_loopback for i in found):
        found.append(Interface(name="lo", address="127.0.0.1", is_default=False, is_loopback=True))
    found.sort(key=lambda i: (not i.is_default, i.is_loopback, i.name, i.address))
    return found
