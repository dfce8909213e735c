"""The Room link seen from the window: one object, called from the UI thread, the server in its own thread.

The aiohttp server runs on an asyncio loop of its own in a daemon thread, so
nothing the phones do can stall the window. The window talks to it through
the methods below (each thread-safe) and hears from it through ``events``, a
``queue.Queue`` it drains on its own thread after ``on_event`` pinged it.
The link never touches the document: the window turns what arrives into
undoable commands.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import dataclasses
import errno
import ipaddress
import queue
import secrets
import ssl
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from workshop_app.i18n import _
from workshop_app.room.connections import ConnectionGuard, ConnectionLimits
from workshop_app.room.events import (
    Card,
    Device,
    JoinInfo,
    JournalFailed,
    Recovered,
    RoomError,
    RoomEvent,
    RoomView,
    RoundResult,
    ServerStopped,
    VoteRound,
)
from workshop_app.room.journal import JOURNAL_NAME, Journal, replay
from workshop_app.room.security import valid_pin
from workshop_app.room.server import RoomServer
from workshop_app.room.state import RoomState

_START_TIMEOUT = 15.0


def _reachable(host: str) -> str:
    """The address phones type for ``host``: all interfaces (asked for explicitly) means the default one."""
    if host in ("0.0.0.0", "::"):
        from workshop_app.room.network import default_address

        return default_address() or ("127.0.0.1" if host == "0.0.0.0" else "::1")
    return host


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host


class _GroupCommit:
    """Journal appends from the server's loop: what arrives while one write and fsync runs shares the next.

    The write and its fsync run on a thread of their own, so the loop goes on
    reading and answering requests while the disk syncs (an fsync takes
    milliseconds on a laptop's disk, and the interpreter lock is free during
    it). At most one flush is under way; the records queued meanwhile go
    together in the next one, so the busier the room, the fewer fsyncs per
    record. A phone is answered only after its record is on disk.
    """

    def __init__(self, journal: Journal, loop: asyncio.AbstractEventLoop) -> None:
        self.journal, self.loop = journal, loop
        self.waiting: list[tuple[list[dict[str, Any]], asyncio.Future[None]]] = []
        self.flushing = False
        self.writer = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="room-journal")

    async def commit(self, records: list[dict[str, Any]]) -> None:
        if not records:
            return
        done: asyncio.Future[None] = self.loop.create_future()
        self.waiting.append((records, done))
        if not self.flushing:
            self.flushing = True
            self.loop.call_soon(self._flush)  # after the other handlers of this turn queued theirs
        await done

    def _flush(self) -> None:
        batch, self.waiting = self.waiting, []
        records = [rec for recs, _f in batch for rec in recs]
        try:
            written = self.loop.run_in_executor(self.writer, self.journal.append, records)
        except RuntimeError:  # the writer is shut down: the server is stopping
            self._answer(batch, OSError("the Room link is stopping"))
            self.flushing = bool(self.waiting)
            return
        written.add_done_callback(lambda result: self._flushed(batch, result))

    def _flushed(self, batch: list[tuple[list[dict[str, Any]], asyncio.Future[None]]],
                 result: asyncio.Future[None]) -> None:
        error = result.exception()
        self._answer(batch, error)
        if self.waiting:
            self.loop.call_soon(self._flush)
        else:
            self.flushing = False

    @staticmethod
    def _answer(batch: list[tuple[list[dict[str, Any]], asyncio.Future[None]]],
                error: BaseException | None) -> None:
        for _recs, done in batch:
            if done.done():
                continue
            if error is None:
                done.set_result(None)
            else:
                done.set_exception(error)

    async def close(self, timeout: float = 2.0) -> None:
        """Let the flushes under way and queued reach the disk (briefly), then stop the writer."""
        deadline = self.loop.time() + timeout
        while (self.flushing or self.waiting) and self.loop.time() < deadline:
            await asyncio.sleep(0.005)
        self.writer.shutdown(wait=False)


class RoomLink:
    """The server in its own thread and asyncio loop. Every method is called from the UI thread and is thread-safe."""

    def __init__(self, journal_dir: Path, on_event: Callable[[], None] | None = None,
                 limits: ConnectionLimits | None = None) -> None:
        self.journal_dir = Path(journal_dir)
        self.on_event = on_event
        self.limits = limits or ConnectionLimits()
        self.events: queue.Queue[RoomEvent] = queue.Queue()
        self.join_info: JoinInfo | None = None
        self._state = RoomState()
        self._journal = Journal(self.journal_dir)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._runner: Any = None
        self._listener: asyncio.Server | None = None
        self._guard: ConnectionGuard | None = None
        self._commit: _GroupCommit | None = None
        self._stopping = False

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    @property
    def listening(self) -> list[tuple[str, int]]:
        """The (address, port) of every socket the server listens on."""
        listener = self._listener
        return [(str(sock.getsockname()[0]), int(sock.getsockname()[1])) for sock in listener.sockets] \
            if listener is not None else []

    # -- start and stop -------------------------------------------------------------------------------

    def start(self, host: str, port: int = 0, *, pin: str | None = None,
              certfile: Path | None = None, keyfile: Path | None = None) -> JoinInfo:
        """Listen on ``host`` only (an address of this machine) and return what phones need to join."""
        if self.running:
            raise RoomError(_("The Room link is already running."))
        try:
            ipaddress.ip_address(host)
        except ValueError:
            if host != "localhost":
                raise RoomError(_("“{host}” is not an address of this computer.").format(host=host)) from None
        if pin is not None and not valid_pin(pin):
            raise RoomError(_("The room PIN must have 6 to 12 digits."))
        context = _ssl_context(certfile, keyfile)
        self._prepare_journal()
        published = self._state.view  # published before the start: phones see it from the first request
        self._state = RoomState(pin)
        self._state.publish(published)
        self._journal.open(self._state.restore(replay(self._journal.path)))
        loop = asyncio.new_event_loop()
        self._loop = loop
        self._stopping = False
        self._thread = threading.Thread(target=self._run, args=(loop,), name="room-link", daemon=True)
        self._thread.start()
        try:
            bound = asyncio.run_coroutine_threadsafe(self._serve(host, port, context), loop).result(_START_TIMEOUT)
        except OSError as exc:
            self._shutdown(quiet=True)
            raise RoomError(_bind_problem(exc, host, port)) from None
        except Exception as exc:
            self._shutdown(quiet=True)
            raise RoomError(_("The Room link could not start: {reason}").format(reason=exc)) from None
        scheme = "https" if context else "http"
        self.join_info = JoinInfo(url=f"{scheme}://{_url_host(_reachable(host))}:{bound}/", pin=self._state.pin, host=host,
                                  port=bound, https=context is not None)
        return self.join_info

    def _prepare_journal(self) -> None:
        from workshop_app.store.private_files import DataFolderProblem, check_private

        try:
            self.journal_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
            check_private(self.journal_dir, is_dir=True)
            if (self.journal_dir / JOURNAL_NAME).exists():
                check_private(self.journal_dir / JOURNAL_NAME, is_dir=False)
        except DataFolderProblem as problem:
            raise RoomError(str(problem)) from None
        except OSError as exc:
            raise RoomError(_("The Room link cannot keep its journal in “{folder}”: {reason}").format(
                folder=self.journal_dir, reason=exc.strerror or exc)) from None

    def _run(self, loop: asyncio.AbstractEventLoop) -> None:
        asyncio.set_event_loop(loop)
        reason = ""
        try:
            loop.run_forever()
        except Exception as exc:  # the server died under us: the window must hear of it
            reason = str(exc) or type(exc).__name__
        finally:
            if not self._stopping:
                self._emit([ServerStopped(reason or _("The Room link stopped unexpectedly."))])

    async def _serve(self, host: str, port: int, context: ssl.SSLContext | None) -> int:
        from aiohttp import web

        loop = self._loop
        assert loop is not None
        self._commit = _GroupCommit(self._journal, loop)
        self._guard = guard = ConnectionGuard(self.limits, loop, tls=context)
        server = RoomServer(self._state, self._commit.commit, self._emit, secret=secrets.token_bytes(32),
                            https=context is not None, guard=guard)
        # aiohttp closes an idle kept-alive connection itself, cleanly, before the guard's deadline would
        runner = web.AppRunner(server.app(), access_log=None, handle_signals=False,
                               keepalive_timeout=max(1.0, self.limits.between_requests_s - 5))
        await runner.setup()
        self._runner = runner
        handlers = runner.server  # aiohttp's protocol factory: one request handler per connection
        assert handlers is not None
        # not a TCPSite: every connection passes the guard before aiohttp (or the TLS handshake) sees a byte
        self._listener = await loop.create_server(lambda: guard.protocol(handlers()), host, port, backlog=256)
        bound = int(self._listener.sockets[0].getsockname()[1])
        server.port = bound
        return bound

    async def _close(self) -> None:
        if self._listener is not None:
            self._listener.close()
        if self._runner is not None:
            await self._runner.cleanup()  # closes aiohttp's connections
        if self._guard is not None:
            self._guard.close()  # and the guard what is left (handshakes under way)
            if self._guard.handshakes:  # cut, they end at once; never wait long on the way out
                await asyncio.wait(list(self._guard.handshakes), timeout=1.0)
        if self._commit is not None:
            await self._commit.close()

    def stop(self) -> None:
        """Stop serving (idempotent): phones' tokens end with the session; the queue and round stay journaled."""
        if self._thread is None:
            return
        self._shutdown(quiet=False)

    def _shutdown(self, *, quiet: bool) -> None:
        self._stopping = True
        loop, thread = self._loop, self._thread
        if loop is not None and thread is not None and thread.is_alive():
            # a server that will not close still must not keep the app from quitting
            with contextlib.suppress(Exception):
                asyncio.run_coroutine_threadsafe(self._close(), loop).result(5)
            loop.call_soon_threadsafe(loop.stop)
            thread.join(5)
        if loop is not None and not loop.is_running():
            loop.close()
        if not quiet:  # a start that failed leaves a crashed session's devices as they were
            self._journal_quietly([{"t": "stop"}])
        self._journal.close()
        self._loop = self._thread = self._runner = self._commit = None
        self._listener = self._guard = None
        self.join_info = None
        if not quiet:
            self._emit([ServerStopped("")])

    def _emit(self, events: list[RoomEvent]) -> None:
        for event in events:
            self.events.put(event)
        if events and self.on_event is not None:
            self.on_event()

    def _record(self, change: tuple[list[dict[str, Any]], list[RoomEvent]]) -> None:
        records, events = change
        self._journal_quietly(records)
        self._emit(events)

    def _journal_quietly(self, records: list[dict[str, Any]]) -> None:
        """Journal what the facilitator did; if the disk will not take it, it still stands and the window
        hears why (a crash now could not bring it back)."""
        try:
            self._journal.append(records)
        except OSError as exc:
            self._emit([JournalFailed(exc.strerror or str(exc))])

    # -- joining --------------------------------------------------------------------------------------

    def new_pin(self) -> str:
        """A fresh PIN: the old one stops working; joined devices stay."""
        pin = self._state.new_pin()
        if self.join_info is not None:
            self.join_info = dataclasses.replace(self.join_info, pin=pin)
        return pin

    def set_joining_open(self, open: bool) -> None:
        self._state.set_joining_open(open)

    def devices(self) -> tuple[Device, ...]:
        return self._state.devices()

    def kick(self, device_id: str) -> None:
        """Revoke the device's token: its next request is refused (its votes and cards stay, anonymous)."""
        self._record(self._state.kick(device_id))

    # -- what phones see, the queue, voting, the alignment check --------------------------------------

    def publish(self, view: RoomView) -> None:
        self._state.publish(view)

    def pending_cards(self) -> tuple[Card, ...]:
        return self._state.pending_cards()

    def card_handled(self, card_id: str) -> None:
        self._record(self._state.card_handled(card_id))

    def card_back(self, card_id: str) -> bool:
        """A card screened in this session waits in the queue again (journaled: a crash keeps it there).

        False when the server no longer holds it (another session, or screened long ago).
        """
        change = self._state.card_back(card_id)
        self._record(change)
        return bool(change[0])

    def open_round(self, round: VoteRound) -> None:
        """Open a voting round (opening the recovered round again keeps its votes)."""
        self._record(self._state.open_round(round))

    def round_result(self) -> RoundResult | None:
        return self._state.round_result()

    def close_round(self) -> RoundResult:
        result, records = self._state.close_round()
        self._journal_quietly(records)
        return result

    def reveal_round(self) -> None:
        self._state.reveal_round()

    def open_alignment(self, round_id: str, statements: tuple[tuple[str, str], ...]) -> None:
        self._state.open_alignment(round_id, statements)

    def close_alignment(self) -> None:
        self._state.close_alignment()

    @staticmethod
    def recovered(journal_dir: Path) -> Recovered:
        """What the journal of an earlier session still holds: pending cards, the open round and its votes."""
        state = replay(Path(journal_dir) / JOURNAL_NAME)
        tallies: dict[str, int] = {}
        if state.round is not None and state.round_open:
            tallies = {item.id: 0 for item in state.round.items}
            for dots in state.votes.values():
                for item, count in dots.items():
                    tallies[item] = tallies.get(item, 0) + count
        open_round = state.round if state.round_open else None
        return Recovered(cards=tuple(card for card, _d in state.cards.values()), round=open_round,
                         votes=tallies, devices_voted=len(state.votes) if open_round else 0)


def _ssl_context(certfile: Path | None, keyfile: Path | None) -> ssl.SSLContext | None:
    if certfile is None:
        return None
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    try:
        context.load_cert_chain(str(certfile), str(keyfile) if keyfile else None)
    except (OSError, ssl.SSLError) as exc:
        raise RoomError(_("The certificate “{file}” cannot be used: {reason}").format(
            file=certfile, reason=getattr(exc, "strerror", None) or exc)) from None
    return context


def _bind_problem(exc: OSError, host: str, port: int) -> str:
    if exc.errno == errno.EADDRINUSE:
        return _("Port {port} on {host} is taken by another program; choose another port or let Tandem pick "
                 "one (0).").format(port=port, host=host)
    if exc.errno == errno.EADDRNOTAVAIL:
        return _("“{host}” is not an address of this computer (is the network connected?).").format(host=host)
    if exc.errno == errno.EACCES:
        return _("Port {port} needs administrator rights; choose a port above 1024 or 0.").format(port=port)
    return _("The Room link cannot listen on {host}:{port}: {reason}").format(
        host=host, port=port, reason=exc.strerror or exc)
