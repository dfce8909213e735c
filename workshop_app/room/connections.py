"""Who may hold a connection to the Room link, and for how long.

Why a layer below aiohttp: its server waits as long as a client likes for a
request's head and keeps any number of connections from one address. On a
room's Wi-Fi one hostile device could then hold every connection open by
sending a byte now and then (slowloris). So each connection is admitted here
first (at most ``per_address`` from one address, ``total`` in all), must bring
a complete request head within ``first_request_s`` of opening and another
within ``between_requests_s`` of the previous one (a phone's page asks every
2 s; a browser opens a new connection when an idle one was closed), and
requests from an address that has no device token are limited too (the page
and joining need a handful).

Connections from this computer itself (loopback: the headless mode's own
browser, the benchmarks' simulated phones) are exempt unless the limits say
otherwise; the tests say otherwise.
"""

from __future__ import annotations

import asyncio
import ipaddress
from dataclasses import dataclass
from typing import Any

from workshop_app.room.security import TokenBucket

SWEEP_EVERY_S = 1.0


@dataclass(frozen=True)
class ConnectionLimits:
    per_address: int = 16
    total: int = 600
    first_request_s: float = 10.0
    between_requests_s: float = 30.0
    #: requests without a device token per address: a burst, and how many per second it earns back
    stranger_burst: int = 30
    stranger_rate: float = 3.0
    loopback_exempt: bool = True


def _is_loopback(address: str) -> bool:
    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:
        return False


class ConnectionGuard:
    """The open connections of one server, on its event loop (not thread-safe: the loop is one thread)."""

    def __init__(self, limits: ConnectionLimits, loop: asyncio.AbstractEventLoop) -> None:
        self.limits, self.loop = limits, loop
        self._open: dict[asyncio.Transport, list[Any]] = {}  # transport -> [address, deadline]
        self._per_address: dict[str, int] = {}
        self._strangers: dict[str, TokenBucket] = {}
        self._sweep: asyncio.TimerHandle | None = None
        self.refused = 0
        self.timed_out = 0

    def protocol(self, inner: asyncio.Protocol) -> asyncio.Protocol:
        """``inner`` (aiohttp's handler of one connection) behind this guard."""
        return _Guarded(inner, self)

    def exempt(self, address: str) -> bool:
        return self.limits.loopback_exempt and _is_loopback(address)

    # -- connections --------------------------------------------------------------------------------

    def admit(self, transport: asyncio.Transport) -> bool:
        peer = transport.get_extra_info("peername")
        address = str(peer[0]) if isinstance(peer, tuple) and peer else "?"
        if not self.exempt(address) and (len(self._open) >= self.limits.total
                                         or self._per_address.get(address, 0) >= self.limits.per_address):
            self.refused += 1
            return False
        self._open[transport] = [address, self.loop.time() + self.limits.first_request_s]
        self._per_address[address] = self._per_address.get(address, 0) + 1
        if self._sweep is None:
            self._sweep = self.loop.call_later(SWEEP_EVERY_S, self._expire)
        return True

    def gone(self, transport: asyncio.Transport) -> None:
        entry = self._open.pop(transport, None)
        if entry is None:
            return
        left = self._per_address.get(entry[0], 1) - 1
        if left > 0:
            self._per_address[entry[0]] = left
        else:
            self._per_address.pop(entry[0], None)

    def request_head(self, transport: Any) -> None:
        """A complete request head arrived on ``transport``: the next one has ``between_requests_s``."""
        entry = self._open.get(transport)
        if entry is not None:
            entry[1] = self.loop.time() + self.limits.between_requests_s

    def _expire(self) -> None:
        self._sweep = None
        now = self.loop.time()
        late = [t for t, (address, deadline) in self._open.items() if deadline < now and not self.exempt(address)]
        for transport in late:
            self.timed_out += 1
            transport.abort()  # connection_lost follows and calls gone()
        if self._open:
            self._sweep = self.loop.call_later(SWEEP_EVERY_S, self._expire)

    def close(self) -> None:
        if self._sweep is not None:
            self._sweep.cancel()
            self._sweep = None

    # -- requests without a device -----------------------------------------------------------------

    def stranger_wait(self, address: str) -> float:
        """0 when a request without a device token from ``address`` may go ahead, else seconds to wait."""
        if self.exempt(address):
            return 0.0
        bucket = self._strangers.get(address)
        if bucket is None:
            if len(self._strangers) >= 10_000:  # bounded memory under a flood of addresses
                for old in list(self._strangers)[:1_000]:
                    del self._strangers[old]
            bucket = self._strangers[address] = TokenBucket(self.limits.stranger_burst, self.limits.stranger_rate)
        return bucket.take()


class _Guarded(asyncio.Protocol):
    """Passes everything to aiohttp's protocol once the guard admitted the connection."""

    def __init__(self, inner: asyncio.Protocol, guard: ConnectionGuard) -> None:
        self.inner, self.guard = inner, guard
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)  # a stream server's connection
        if not self.guard.admit(transport):
            transport.abort()
            return
        self.transport = transport
        self.inner.connection_made(transport)

    def connection_lost(self, exc: Exception | None) -> None:
        if self.transport is None:
            return
        self.guard.gone(self.transport)
        self.inner.connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        if self.transport is not None:
            self.inner.data_received(data)

    def eof_received(self) -> bool | None:
        return self.inner.eof_received() if self.transport is not None else None

    def pause_writing(self) -> None:
        self.inner.pause_writing()

    def resume_writing(self) -> None:
        self.inner.resume_writing()
