"""Room link on loopback: 60 phones joining, then voting and sending cards at once (DESIGN §7).

``python -m benchmarks.bench_room [--quick]``. Budgets: p95 request ≤ 50 ms,
no request lost, the facilitator's edit p95 on L ≤ 30 ms while the burst
runs, memory growth of the process ≤ 30 MB.

The laptop's process as in a room: the server (RoomLink's own thread and
asyncio loop) and the main thread with the real window on L, which times
edits the way ``bench_ui`` does (``document.push(UpdateItem)`` until Qt is
idle) and drains the link's events as the window would. The phones are 60
``aiohttp.ClientSession`` (one per device, each with its own device cookie)
on one loop in a child process: real phones do their client work on their own
processors, never under the laptop's interpreter lock (on this 2-core machine
the child still takes a core). The phones first join together; then in waves
every 1.5 s every device at once casts its dots in a fresh round and sends a
card, and polls the state once at a moment of its own within the wave (the
page polls every 2 s). A request counts from the phone's call to its parsed
answer; it is lost when it raises or answers anything but 200.

Baselines: the edit's is the same edits with no phones, in the same window; a
request's is the same burst (60 other phones) while the window idles, run
first. Memory: RSS of the laptop's process before the first phones and after
the second burst. Last, for reading those figures, the same burst with the
phones simulated inside the laptop's process (their client work then waits
for the same interpreter lock): informational rows.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import json
import os
import random
import sys
import tempfile
import threading
import time
from pathlib import Path

from benchmarks.rows import Row, log, median, p95, suite_main

DEVICES = 60
BUDGET_REQUEST_MS, BUDGET_EDIT_MS, BUDGET_GROWTH_MB = 50.0, 30.0, 30.0
WAVE_EVERY_S = 1.5
PIN = "424242"


class Burst(threading.Thread):
    """The phones: join together, then ``waves`` waves of dots and a card at once, and a state poll each."""

    def __init__(self, url: str, facilitator, waves: int, name: str) -> None:
        super().__init__(name="room-phones", daemon=True)
        self.url, self.facilitator, self.waves, self.name = url.rstrip("/"), facilitator, waves, name
        self.join_ms: list[float] = []
        self.request_ms: list[float] = []
        self.lost: list[str] = []
        self.joined = threading.Event()
        self.error: BaseException | None = None
        self.cpu_s = 0.0

    def run(self) -> None:
        start = time.thread_time()
        try:
            asyncio.run(self._main())
        except BaseException as exc:  # the main thread reports it
            self.error = exc
        self.cpu_s = time.thread_time() - start

    async def _timed(self, into: list[float], call) -> dict | None:
        start = time.perf_counter()
        try:
            async with call() as response:
                data = await response.json(content_type=None)
                status = response.status
        except Exception as exc:
            self.lost.append(f"{type(exc).__name__}: {exc}")
            return None
        into.append((time.perf_counter() - start) * 1000)
        if status != 200:
            self.lost.append(f"HTTP {status} {data}")
            return None
        return data

    async def _phone(self, url: str, session, csrf: str, n: int, wave: int) -> None:
        """One device's wave: its dots in this round and a card at once, then later its state poll."""
        headers = {"X-CSRF-Token": csrf}
        dots = {f"c{(n + wave) % 8}": 2, f"c{(n * 3 + wave + 1) % 8}": 1}
        if len(dots) == 1:
            dots = {next(iter(dots)): 3}
        vote = {"round": f"{self.name}-{wave}", "dots": dots}
        kind = ("goal", "parking")[(n + wave) % 2]
        card = {"kind": kind, "title": f"Card {n}.{wave}", "detail": "x" * (40 * (n % 10))}
        await asyncio.gather(
            self._timed(self.request_ms, lambda: session.post(url + "/api/votes", json=vote, headers=headers)),
            self._timed(self.request_ms, lambda: session.post(url + "/api/cards", json=card, headers=headers)))
        # the page polls every 2 s, each phone on its own clock: spread over the rest of the wave
        await asyncio.sleep(random.Random(n * 1000 + wave).uniform(0.1, WAVE_EVERY_S - 0.3))
        await self._timed(self.request_ms, lambda: session.get(url + "/api/state"))

    async def _main(self) -> None:
        import aiohttp

        from workshop_app.room.server import COOKIE

        url = self.url
        # A phone's browser keeps a few connections open and sends its cookie with every request. The
        # simulated phones share one interpreter, so each keeps its device cookie itself and sends it as a
        # header: aiohttp's cookie jar would add its matching of every stored cookie to every request, work
        # a real phone does on its own processor, not the laptop's.
        sessions = [aiohttp.ClientSession(cookie_jar=aiohttp.DummyCookieJar(),
                                          connector=aiohttp.TCPConnector(limit=4)) for _ in range(DEVICES)]
        csrf: list[str] = [""] * DEVICES
        try:
            async def join(n: int) -> None:
                cookie: list[str] = []

                @contextlib.asynccontextmanager
                async def call():
                    async with sessions[n].post(url + "/api/join", json={
                            "pin": PIN, "side": ("marketing", "sales")[n % 2], "name": f"P{n}"},
                            headers={"X-CSRF-Token": "join"}) as response:
                        morsel = response.cookies.get(COOKIE)
                        if morsel is not None:
                            cookie.append(f"{COOKIE}={morsel.value}")
                        yield response

                data = await self._timed(self.join_ms, call)
                if data and cookie:
                    csrf[n] = data["csrf"]
                    sessions[n].headers["Cookie"] = cookie[0]

            await asyncio.gather(*(join(n) for n in range(DEVICES)))
            self.joined.set()
            for wave in range(self.waves):
                started = time.perf_counter()
                round_id = f"{self.name}-{wave}"
                self.facilitator.open_round(round_id)
                await asyncio.gather(*(self._phone(url, sessions[n], csrf[n], n, wave) for n in range(DEVICES)))
                voted = self.facilitator.close_round()
                if voted != DEVICES:
                    self.lost.append(f"round {round_id}: {voted} of {DEVICES} devices counted")
                await asyncio.sleep(max(0.0, WAVE_EVERY_S - (time.perf_counter() - started)))
        finally:
            for session in sessions:
                await session.close()


class Facilitator:
    """Opens a round per wave and, after it, closes it and screens the cards: RoomLink's thread-safe calls."""

    def __init__(self, link) -> None:
        self.link = link

    def open_round(self, round_id: str) -> None:
        from workshop_app.room import VoteItem, VoteRound

        items = tuple(VoteItem(f"c{i}", f"Conflict {i}") for i in range(8))
        self.link.open_round(VoteRound(round_id, items, dots_per_device=3))

    def close_round(self) -> int:
        result = self.link.close_round()
        for card in self.link.pending_cards():  # the facilitator screens them between waves
            self.link.card_handled(card.id)
        return result.devices_voted


class _AskParent:
    """The facilitator as seen from the phones' own process: one JSON line out, one back."""

    def open_round(self, round_id: str) -> None:
        print(json.dumps({"open": round_id}), flush=True)
        sys.stdin.readline()

    def close_round(self) -> int:
        print(json.dumps({"close": True}), flush=True)
        return int(json.loads(sys.stdin.readline())["voted"])


def phones_process(url: str, waves: int, name: str) -> int:
    """``python -m benchmarks.bench_room --phones URL WAVES NAME``: the phones on a process of their own."""
    burst = Burst(url, _AskParent(), waves, name)
    burst.run()
    if burst.error is not None:
        raise burst.error
    print(json.dumps({"done": {"join_ms": burst.join_ms, "request_ms": burst.request_ms, "lost": burst.lost}}),
          flush=True)
    return 0


class ChildBurst(threading.Thread):
    """The same burst with the phones in a child process (as in a room: their work is not in the laptop's
    process); this thread answers its requests to open and close rounds."""

    def __init__(self, link, waves: int, name: str) -> None:
        super().__init__(name="room-phones-child", daemon=True)
        self.link, self.waves, self.name = link, waves, name
        self.facilitator = Facilitator(link)
        self.join_ms: list[float] = []
        self.request_ms: list[float] = []
        self.lost: list[str] = []
        self.error: BaseException | None = None

    def run(self) -> None:
        import subprocess

        try:
            child = subprocess.Popen([sys.executable, "-m", "benchmarks.bench_room", "--phones",
                                      self.link.join_info.url, str(self.waves), self.name],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
            assert child.stdin is not None and child.stdout is not None
            for line in child.stdout:
                message = json.loads(line)
                if "open" in message:
                    self.facilitator.open_round(message["open"])
                    child.stdin.write("{}\n")
                elif "close" in message:
                    child.stdin.write(json.dumps({"voted": self.facilitator.close_round()}) + "\n")
                elif "done" in message:
                    done = message["done"]
                    self.join_ms, self.request_ms, self.lost = done["join_ms"], done["request_ms"], done["lost"]
                child.stdin.flush()
            if child.wait(60) != 0:
                raise RuntimeError(f"the phones' process ended with exit code {child.returncode}")
        except BaseException as exc:  # the main thread reports it
            self.error = exc


def thread_cpu_s(thread: threading.Thread | None) -> float:
    """CPU seconds a thread of this process has used so far (psutil knows threads by their native id)."""
    import psutil

    for entry in psutil.Process().threads():
        if thread is not None and entry.id == thread.native_id:
            return entry.user_time + entry.system_time
    return float("nan")


def rss_mb() -> float:
    import psutil

    return psutil.Process().memory_info().rss / 2**20


def collect(quick: bool) -> list[Row]:
    waves = 3 if quick else 8
    tmp = tempfile.mkdtemp(prefix="tandem-bench-")
    os.environ.update(TANDEM_CONFIG_DIR=f"{tmp}/config", TANDEM_DATA_DIR=f"{tmp}/data")
    Path(f"{tmp}/screen.json").write_text(json.dumps({"screens": [{"name": "bench", "x": 0, "y": 0, "width": 1920,
                                                                   "height": 1080, "logicalDpi": 96, "dpr": 1}]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={tmp}/screen.json"
    from PySide6.QtWidgets import QApplication

    from benchmarks.bench_ui import edit_target, quiet, settle, timed
    from benchmarks.generate import make_document
    from workshop_app.model import ElementKind, Phase, UpdateItem
    from workshop_app.room import RoomLink, RoomView
    from workshop_app.ui.window.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    window = MainWindow()
    window.showMaximized()
    settle(app, 1.0)
    window.set_workshop(make_document("L"), None)
    quiet(app, window)
    window.go_to_phase(Phase.INVENTORY)
    settle(app, 0.5)
    collection, item_id, field = edit_target(window.doc.workshop, Phase.INVENTORY)
    counter = [0]

    def edit() -> float:
        counter[0] += 1
        op = UpdateItem(collection, item_id, {field: f"bench edit {counter[0]}"}, label="bench")
        return timed(app, lambda: window.doc.push(op))

    def drain() -> None:
        while not link.events.empty():
            link.events.get_nowait()

    link = RoomLink(Path(tmp) / "room")
    link.publish(RoomView(phase=Phase.INVENTORY, title="L", card_kinds=(ElementKind.GOAL, None)))
    info = link.start("127.0.0.1", 0, pin=PIN)
    log(f"   Room link on {info.url}; edits on L with no phones (the baseline)")
    for _ in range(3):
        edit()
    quiet_edits = [edit() for _ in range(15 if quick else 40)]
    gc.collect()
    settle(app, 0.3)
    before = rss_mb()

    def run(burst: threading.Thread, editing: bool) -> list[float]:
        """Let ``burst`` run to its end; the facilitator edits all along when ``editing``, else the window idles."""
        edits: list[float] = []
        burst.start()
        while burst.is_alive():
            if editing:
                edits.append(edit())
            else:
                settle(app, 0.05)
            drain()
        burst.join()
        drain()
        return edits

    log(f"   {DEVICES} phones (a process of their own) join, then {waves} waves of dots + a card at once + a "
        "state poll each; the window idle")
    idle = ChildBurst(link, waves, "idle")
    run(idle, editing=False)
    log("   the same burst with 60 new phones, while the facilitator edits")
    server_cpu = thread_cpu_s(link._thread)
    busy = ChildBurst(link, waves, "busy")
    busy_edits = run(busy, editing=True)
    server_cpu = thread_cpu_s(link._thread) - server_cpu
    gc.collect()
    after = rss_mb()
    log("   the same again with the phones simulated in this process (sharing its interpreter lock), "
        "while the facilitator edits")
    inside = Burst(info.url, Facilitator(link), waves, "inside")
    inside_edits = run(inside, editing=True)
    link.stop()
    window.doc.undo_stack.setClean()
    window.close()
    bursts = (idle, busy, inside)
    for done in bursts:
        if done.error is not None:
            raise done.error

    def requests(burst: Burst | ChildBurst) -> list[float]:
        return burst.request_ms + burst.join_ms

    expected = DEVICES + DEVICES * 3 * waves
    lost = sum(len(b.lost) + (expected - len(requests(b))) for b in bursts)
    notes = [f"{len(requests(busy))} requests of {expected}; joins: median {median(busy.join_ms):.1f} ms, "
             f"p95 {p95(busy.join_ms):.1f} ms; with the window idle: p95 {p95(requests(idle)):.1f} ms",
             f"server thread CPU per request: {server_cpu * 1000 / max(1, len(requests(busy))):.2f} ms",
             "the phones run in a process of their own, as real phones do their own work on their own processors; "
             "on this 2-core machine they still take one of its cores"]
    lost_why = sorted({why for b in bursts for why in b.lost})
    if lost_why:
        notes.append("lost: " + "; ".join(lost_why[:3]))
    return [
        Row(f"Room link: request ({DEVICES} phones joining, then voting and sending cards at once)", "60 devices",
            median(requests(busy)), p95=p95(requests(busy)), baseline=median(requests(idle)),
            baseline_name="same, the window idle", limit=BUDGET_REQUEST_MS, limit_on="p95",
            runs=len(requests(busy)), notes=notes),
        Row("Room link: requests lost in the bursts", "60 devices", float(lost), unit="requests", limit=0.0,
            runs=len(bursts) * expected),
        Row("facilitator's edit while the phones' burst runs", "L", median(busy_edits), p95=p95(busy_edits),
            baseline=median(quiet_edits), baseline_name="same with no phones", limit=BUDGET_EDIT_MS,
            limit_on="p95", runs=len(busy_edits),
            notes=[f"p95 with no phones {p95(quiet_edits):.1f} ms"]),
        Row("Room link: memory growth of the process in the burst", "60 devices", max(0.0, after - before), unit="MB",
            limit=BUDGET_GROWTH_MB, runs=1,
            notes=[f"RSS {before:.0f} MB before the phones, {after:.0f} MB after two bursts of 60 devices each"]),
        Row("  the same request, the phones simulated inside the laptop's process", "60 devices",
            median(requests(inside)), p95=p95(requests(inside)), runs=len(requests(inside)),
            notes=["the 60 phones' own client work then waits for the same interpreter lock as the server and the "
                   "window, which no real phone does; an upper bound, for reading the rows above"]),
        Row("  facilitator's edit while those phones' burst runs", "L", median(inside_edits), p95=p95(inside_edits),
            baseline=median(quiet_edits), baseline_name="same with no phones", runs=len(inside_edits)),
    ]


if __name__ == "__main__":
    if sys.argv[1:2] == ["--phones"]:
        sys.exit(phones_process(sys.argv[2], int(sys.argv[3]), sys.argv[4]))
    sys.exit(suite_main(collect))
