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
import ssl
from dataclasses import dataclass
from typing import Any

from workshop_app.room.security import TokenBucket

SWEEP_EVERY_S = 1.0
#: seconds a connection told to close may take to go before it is cut
CLOSE_GRACE_S = 5.0
#: bytes of a request kept while the TLS handshake hands over (more than a request's head and body)
EARLY_LIMIT = 64 * 1024
#: descriptors kept beside those open at the start, for the app's files to come (saving, the recovery copy)
DESCRIPTOR_RESERVE = 64


@dataclass(frozen=True)
class ConnectionLimits:
    per_address: int = 16
    total: int = 600
    first_request_s: float = 10.0
    between_requests_s: float = 30.0
    #: requests without a device token per address: a burst, and how many per second it earns back
    #: connections one joined device's token keeps from eviction (a browser opens up to six)
    per_device: int = 6
    stranger_burst: int = 30
    stranger_rate: float = 3.0
    loopback_exempt: bool = True


def _is_loopback(address: str) -> bool:
    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:
        return False


class _Entry:
    """One admitted connection: its address, its deadline, its TCP transport, and whether it was told to close."""

    __slots__ = ("address", "closing", "deadline", "device", "raw", "tls")

    def __init__(self, address: str, deadline: float, raw: asyncio.Transport) -> None:
        self.address, self.deadline, self.raw, self.closing = address, deadline, raw, False
        self.device: str | None = None  # the joined device whose token its last request carried
        self.tls: asyncio.BaseTransport | None = None  # the TLS transport over it, once its handshake is done


class ConnectionGuard:
    """The open connections of one server, on its event loop (not thread-safe: the loop is one thread).

    With a certificate the guard admits the TCP connection *before* the TLS
    handshake and runs the handshake itself (``loop.start_tls``), so a
    connection that never finishes its handshake counts and times out like
    one that never finishes its request head.
    """

    def __init__(self, limits: ConnectionLimits, loop: asyncio.AbstractEventLoop,
                 tls: ssl.SSLContext | None = None) -> None:
        self.limits, self.loop, self.tls = limits, loop, tls
        self.total = min(limits.total, descriptor_room())
        self._entries: dict[asyncio.BaseTransport, _Entry] = {}  # TCP transport -> entry, oldest first
        self._secured: dict[asyncio.BaseTransport, _Entry] = {}  # TLS transport -> the entry of its TCP one
        self._per_address: dict[str, int] = {}
        self._strangers: dict[str, TokenBucket] = {}
        self._sweep: asyncio.TimerHandle | None = None
        self.handshakes: set[asyncio.Task[None]] = set()  # TLS handshakes under way
        self._per_device: dict[str, int] = {}  # device key -> connections its token protects
        self.closed = False
        self.refused = 0
        self.timed_out = 0

    def protocol(self, inner: asyncio.Protocol) -> asyncio.Protocol:
        """``inner`` (aiohttp's handler of one connection) behind this guard."""
        return _Guarded(inner, self)

    def exempt(self, address: str) -> bool:
        return self.limits.loopback_exempt and _is_loopback(address)

    # -- connections --------------------------------------------------------------------------------

    def admit(self, raw: asyncio.Transport) -> bool:
        """Whether ``raw`` may stay. With every place taken, the oldest connection that never carried a
        device's token makes room: strangers crowd out each other, never the joined phones."""
        peer = raw.get_extra_info("peername")
        address = str(peer[0]) if isinstance(peer, tuple) and peer else "?"
        if not self.exempt(address):
            if self._per_address.get(address, 0) >= self.limits.per_address:
                self.refused += 1
                return False
            if len(self._entries) >= self.total:
                victim = next((e for e in self._entries.values()
                               if not e.device and not e.closing and not self.exempt(e.address)), None)
                if victim is None:
                    self.refused += 1
                    return False
                self.gone(victim.raw)  # counted out now; its connection_lost finds nothing more to do
                victim.raw.abort()
        self._entries[raw] = _Entry(address, self.loop.time() + self.limits.first_request_s, raw)
        self._per_address[address] = self._per_address.get(address, 0) + 1
        if self._sweep is None:
            self._sweep = self.loop.call_later(SWEEP_EVERY_S, self._expire)
        return True

    def secured(self, raw: asyncio.Transport, tls: asyncio.BaseTransport) -> None:
        """The TLS transport over ``raw``: request heads on it count for ``raw``'s connection, whose first
        one has ``first_request_s`` from now (a slow handshake does not eat the request's time)."""
        entry = self._entries.get(raw)
        if entry is not None:
            entry.tls, self._secured[tls] = tls, entry
            entry.deadline = self.loop.time() + self.limits.first_request_s

    def gone(self, raw: asyncio.Transport) -> None:
        entry = self._entries.pop(raw, None)
        if entry is None:
            return
        if entry.tls is not None:
            self._secured.pop(entry.tls, None)
        self._protect(entry, None)
        left = self._per_address.get(entry.address, 1) - 1
        if left > 0:
            self._per_address[entry.address] = left
        else:
            self._per_address.pop(entry.address, None)

    def request_head(self, transport: Any, device: str | None = None) -> None:
        """A request on ``transport`` was let through (``device``: the joined device whose token it
        carried, else None): the next one has ``between_requests_s``.

        Only the last request decides whether a connection is a device's, and
        one device protects at most ``per_device`` connections from eviction:
        a device removed from the room, or one opening connections to hoard
        them, cannot keep the places of phones still to come.
        """
        entry = self._entries.get(transport) or self._secured.get(transport)
        if entry is None:
            return
        entry.deadline = self.loop.time() + self.limits.between_requests_s
        if device is not None and device != entry.device and self._per_device.get(device, 0) >= self.limits.per_device:
            device = None
        self._protect(entry, device)

    def _protect(self, entry: _Entry, device: str | None) -> None:
        if entry.device == device:
            return
        if entry.device is not None:
            left = self._per_device.get(entry.device, 1) - 1
            if left > 0:
                self._per_device[entry.device] = left
            else:
                self._per_device.pop(entry.device, None)
        entry.device = device
        if device is not None:
            self._per_device[device] = self._per_device.get(device, 0) + 1

    def _expire(self) -> None:
        """Past its deadline a connection is closed (what it was sent still goes out); one that does not
        close within the grace (a client that reads nothing) is cut."""
        self._sweep = None
        now = self.loop.time()
        for entry in list(self._entries.values()):
            if entry.deadline >= now or self.exempt(entry.address):
                continue
            if not entry.closing:
                self.timed_out += 1
                entry.closing, entry.deadline = True, now + CLOSE_GRACE_S
                entry.raw.close()
            else:
                entry.raw.abort()  # connection_lost follows and calls gone()
        if self._entries:
            self._sweep = self.loop.call_later(SWEEP_EVERY_S, self._expire)

    def close(self) -> None:
        """Stop sweeping and cut what is still open (aiohttp closed its own connections before this)."""
        self.closed = True
        if self._sweep is not None:
            self._sweep.cancel()
            self._sweep = None
        for entry in list(self._entries.values()):
            entry.raw.abort()

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


def descriptor_room() -> int:
    """Connections this process can hold beside its own files: its descriptor limit less a reserve.

    Raises the soft limit to the hard one (at most 4096) first where the system
    allows it; a Mac starts GUI programs with 256.
    """
    try:
        import resource
    except ImportError:  # Windows: no such limit on sockets
        return 1 << 30
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = 4096 if hard == resource.RLIM_INFINITY else min(hard, 4096)
    if soft != resource.RLIM_INFINITY and soft < wanted:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
            soft = wanted
        except (ValueError, OSError):
            pass
    if soft == resource.RLIM_INFINITY:
        return 1 << 30
    return max(16, soft - DESCRIPTOR_RESERVE - _open_descriptors())


def _open_descriptors() -> int:
    """Descriptors this process has open now (Qt, fonts, the document…), where the system tells; else 0."""
    import os

    for folder in ("/proc/self/fd", "/dev/fd"):
        try:
            return len(os.listdir(folder))
        except OSError:
            continue
    return 0


class _Guarded(asyncio.Protocol):
    """Passes everything to aiohttp's protocol once the guard admitted the connection (and, with a
    certificate, once the TLS handshake it runs is done: then this is the TLS transport's protocol)."""

    def __init__(self, inner: asyncio.Protocol, guard: ConnectionGuard) -> None:
        self.inner, self.guard = inner, guard
        self.raw: asyncio.Transport | None = None
        self.connected = False  # inner has its connection
        self._handshake: asyncio.Task[None] | None = None
        #: what the TLS layer decrypted between the handshake's end and start_tls returning
        self._early: list[bytes] = []

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)  # a stream server's connection
        if not self.guard.admit(transport):
            transport.abort()
            return
        self.raw = transport
        if self.guard.tls is None:
            self.connected = True
            self.inner.connection_made(transport)
            return
        transport.pause_reading()  # nothing is read before the handshake takes over
        self._handshake = task = self.guard.loop.create_task(self._secure(transport, self.guard.tls))
        self.guard.handshakes.add(task)
        task.add_done_callback(self.guard.handshakes.discard)

    async def _secure(self, raw: asyncio.Transport, context: ssl.SSLContext) -> None:
        try:
            secure = await self.guard.loop.start_tls(raw, self, context, server_side=True,
                                                     ssl_handshake_timeout=self.guard.limits.first_request_s)
        except Exception:  # a failed or timed-out handshake, a connection gone meanwhile: all end the same
            raw.abort()
            self.guard.gone(raw)  # (connection_lost may reach us too: gone() twice is harmless)
            return
        if secure is None or raw.is_closing() or secure.is_closing() or self.guard.closed:
            raw.abort()  # gone during the handshake, closed by the client at once, or the server stopping
            self.guard.gone(raw)
            return
        self.guard.secured(raw, secure)
        self.connected = True
        self.inner.connection_made(secure)
        early, self._early = self._early, []
        for data in early:
            self.inner.data_received(data)

    def connection_lost(self, exc: Exception | None) -> None:
        if self.raw is None:
            return
        self.guard.gone(self.raw)
        if self.connected:
            self.connected = False
            self.inner.connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        if self.connected:
            self.inner.data_received(data)
        elif self._handshake is not None and sum(map(len, self._early)) + len(data) <= EARLY_LIMIT:
            self._early.append(data)  # the request right behind the handshake

    def eof_received(self) -> bool | None:
        return self.inner.eof_received() if self.connected else None

    def pause_writing(self) -> None:
        if self.connected:
            self.inner.pause_writing()

    def resume_writing(self) -> None:
        if self.connected:
            self.inner.resume_writing()
