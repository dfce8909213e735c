"""Benchmark: start to first painted window and to a usable first page, with the demo (DESIGN §7).

Run ``python -m benchmarks.bench_startup [--quick]``.
Budgets, each against a bare PySide6 window's start measured in the same run:
start to first painted window ≤ 1.5 ×; start to first page usable ≤ 2.5 ×.

What is timed, from just before the child process is spawned, on the
system-wide monotonic clock in both processes:

* *first paint*: the end of the first paint pass of the main window (the
  window's Expose/UpdateRequest has been handled and the MainWindow itself
  received a Paint) — Tandem's shell: title, navigator, empty page frame;
* *first page usable*: the end of the first paint pass after the window says
  it is ready (``MainWindow.is_ready()``: the demo is in, its first page is
  filled and the event loop is taking input again); the child exits there.

Production code has no hooks: a ``python -c`` harness patches
``workshop_app.ui.app.create_application`` to install an event filter on the
QApplication, then runs ``tandem --demo`` as ``python -m workshop_app`` would.

The baseline is the same harness starting a bare PySide6 window (QApplication
+ QMainWindow with a label, same geometry as the app, shown maximized): its
first paint is also when it is usable. Both pay the same interpreter, PySide6
import, platform plugin and harness costs, so the ratios are what Tandem adds.
Runs alternate bare/app after one discarded warm-up each; each run gets fresh
TANDEM_CONFIG_DIR/TANDEM_DATA_DIR. Bytecode is cached as in an installed app
(PYTHONDONTWRITEBYTECODE is dropped) but only in a private PYTHONPYCACHEPREFIX,
so the checkout is not written to. Platforms: ``offscreen`` (a 1920 × 1080
screen from a config file) and ``xcb`` under a private Xvfb started here, when
Xvfb is installed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.rows import Row, log, median, p95, suite_main

ROOT = Path(__file__).resolve().parent.parent
PAINT_RATIO = 1.5  # start to first painted window
USABLE_RATIO = 2.5  # start to first page usable
SCREEN = (1920, 1080)

HARNESS = r"""
import json, os, sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

class FirstPaint(QObject):
    # App-wide until the first QMainWindow shows up, then only on it and its QWindow (cheap, same in both).
    def __init__(self):
        super().__init__()
        self.found, self.painted, self.hooked, self.first = False, False, False, None

    def report(self, obj):
        now, size = time.monotonic(), obj.size()
        # the bare window is usable when painted; the app's is found anew (the object seen while it
        # was being constructed may be a plain QMainWindow wrapper)
        windows = [w for w in QApplication.topLevelWidgets() if hasattr(w, "is_ready")]
        ready = all(w.is_ready() for w in windows)
        if self.first is None:
            self.first = {"t": now, "size": [size.width(), size.height()], "title": obj.title()}
        if ready:
            print(json.dumps({**self.first, "usable": now, "usable_title": obj.title()}), flush=True)
            os._exit(0)

    def eventFilter(self, obj, event):
        kind = event.type()
        if not self.found:
            if isinstance(obj, QMainWindow):
                self.found = True
                QApplication.instance().removeEventFilter(self)
                obj.installEventFilter(self)
            return False
        if obj.isWidgetType():  # the main window itself (wrappers made during construction are not `is`-stable)
            if kind == QEvent.Type.Paint:
                self.painted = True
            elif kind in (QEvent.Type.UpdateRequest, QEvent.Type.UpdateLater) and self.first is not None:
                obj.event(event)  # later repaints come to the widget: paint and flush now, then look
                self.report(obj.windowHandle())
                return True
            elif not self.hooked and obj.windowHandle() is not None:
                self.hooked = True
                obj.windowHandle().installEventFilter(self)
            return False
        if kind in (QEvent.Type.Expose, QEvent.Type.UpdateRequest):
            obj.event(event)  # let Qt paint and flush the window now, then look
            if self.painted:  # the first paint; after it, any flush once the window is ready
                self.report(obj)
            return True
        return False

FILTER = FirstPaint()
if sys.argv[1] == "bare":
    app = QApplication(sys.argv[:1])
    app.installEventFilter(FILTER)
    window = QMainWindow()
    window.setWindowTitle("bare")
    window.setCentralWidget(QLabel("Hello"))
    window.resize(1400, 860)
    window.setGeometry(app.primaryScreen().availableGeometry())
    window.showMaximized()
    sys.exit(app.exec())
else:
    import workshop_app.ui.app as app_module
    create = app_module.create_application
    def create_application():
        app = create()
        app.installEventFilter(FILTER)
        return app
    app_module.create_application = create_application
    from workshop_app.cli import main
    sys.exit(main(["--demo"]))
"""


#: Where the app's start-up goes, step by step (same interpreter flags and environment as the runs above).
#: The steps of ``tandem --demo`` in its order, called one after the other (the real start runs the
#: second part from a zero-delay timer after the shell's paint).
BREAKDOWN = r"""
import json, os, sys, time
start = time.monotonic()
marks = {}
def mark(name):
    marks[name] = time.monotonic()
from PySide6.QtWidgets import QApplication
mark("PySide6")
import gc
import workshop_app.ui.app as app_module
from workshop_app.cli import main
gc.disable()  # as run_gui does, until the window is ready
app = app_module.create_application()
mark("QApplication + cli")
from workshop_app.ui.window.main_window import MainWindow
mark("shell modules")
window = MainWindow(shell_only=True)
mark("shell (MainWindow)")
window.setGeometry(app.primaryScreen().availableGeometry())
window.showMaximized()
app.processEvents()
mark("show + first paint")
from pydantic import BaseModel, ConfigDict, Field  # pydantic loads lazily: the model classes are what costs
mark("pydantic")
from workshop_app.model import Workshop
mark("model (schemas)")
from workshop_app.ui.window.crash_report import CrashReporter, start_logging
CrashReporter(window, start_logging()).install()
mark("store, crash reporter")
window.finish_start(lambda: (mark("document, menus, timebox"), window.open_demo()))
mark("open demo (first page)")
gc.freeze()
gc.enable()
app.processEvents()
mark("paint (usable)")
print(json.dumps({"t0": start, "marks": marks}), flush=True)
os._exit(0)
"""


def breakdown(env: dict[str, str], runs: int) -> str:
    """Median ms of each start-up step in the app (from the child's own first line of Python)."""
    steps: dict[str, list[float]] = {}
    for _ in range(runs + 1):
        with tempfile.TemporaryDirectory(prefix="tandem-bench-") as home:
            run_env = {**env, "TANDEM_CONFIG_DIR": f"{home}/config", "TANDEM_DATA_DIR": f"{home}/data"}
            spawned = time.monotonic()
            proc = subprocess.run([sys.executable, "-c", BREAKDOWN], env=run_env, cwd=ROOT, capture_output=True,
                                  text=True, timeout=120)
        line = next((x for x in proc.stdout.splitlines() if x.startswith("{")), None)
        if line is None:
            return f"breakdown failed: {proc.stderr[-300:]}"
        seen = json.loads(line)
        last = spawned
        for name, t in [("interpreter", seen["t0"]), *seen["marks"].items()]:
            steps.setdefault(name, []).append((t - last) * 1000)
            last = t
    return "app start-up by step, median ms: " + ", ".join(
        f"{name} {median(values[1:]):.0f}" for name, values in steps.items())


def run_once(kind: str, env: dict[str, str]) -> tuple[float, float, dict]:
    """Seconds from spawn to the first paint and to the first page usable, and what the child saw."""
    with tempfile.TemporaryDirectory(prefix="tandem-bench-") as home:
        env = {**env, "TANDEM_CONFIG_DIR": f"{home}/config", "TANDEM_DATA_DIR": f"{home}/data"}
        start = time.monotonic()
        proc = subprocess.run([sys.executable, "-c", HARNESS, kind], env=env, cwd=ROOT, capture_output=True,
                              text=True, timeout=120)
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise RuntimeError(f"{kind}: no first paint (exit {proc.returncode})\n{proc.stderr[-2000:]}")
    seen = json.loads(lines[-1])
    return seen["t"] - start, seen["usable"] - start, seen


def bench(platform: str, env: dict[str, str], runs: int) -> list[Row]:
    """Alternating bare/app runs after one discarded warm-up each (.pyc files, font caches)."""
    paint: dict[str, list[float]] = {"bare": [], "app": []}
    usable: list[float] = []
    seen: dict[str, dict] = {}
    for kind in paint:
        run_once(kind, env)
    for _ in range(runs):
        for kind in paint:
            first, ready, seen[kind] = run_once(kind, env)
            paint[kind].append(first * 1000)
            if kind == "app":
                usable.append(ready * 1000)
    bare = median(paint["bare"])
    caught = "; ".join(f"{k}: {v['size'][0]}×{v['size'][1]} “{v['title']}”" for k, v in seen.items())
    return [
        Row(f"start to first painted window ({platform})", "S", median(paint["app"]), p95=p95(paint["app"]),
            baseline=bare, baseline_name="bare PySide6 window", max_ratio=PAINT_RATIO, runs=runs,
            notes=[f"first paint caught — {caught}"]),
        Row(f"start to first page usable ({platform})", "S", median(usable), p95=p95(usable),
            baseline=bare, baseline_name="bare PySide6 window", max_ratio=USABLE_RATIO, runs=runs,
            notes=[f"usable caught — app: “{seen['app']['usable_title']}”, "
                   f"{median(u - f for u, f in zip(usable, paint['app'], strict=True)):.0f} ms after its first paint"]),
    ]


def start_xvfb() -> tuple[subprocess.Popen, str] | None:
    if not shutil.which("Xvfb"):
        return None
    number = next(n for n in range(90, 200) if not Path(f"/tmp/.X11-unix/X{n}").exists()
                  and not Path(f"/tmp/.X{n}-lock").exists())
    proc = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", f"{SCREEN[0]}x{SCREEN[1]}x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):
        if Path(f"/tmp/.X11-unix/X{number}").exists():
            return proc, f":{number}"
        time.sleep(0.05)
    proc.terminate()
    proc.wait()
    return None


def collect(quick: bool) -> list[Row]:
    runs = 5 if quick else 15
    rows = []
    with tempfile.TemporaryDirectory(prefix="tandem-bench-") as tmp:
        # bytecode cached as in an installed app, but in a private folder (never next to the sources)
        base_env = {k: v for k, v in os.environ.items()
                    if not k.startswith(("QT_", "TANDEM_")) and k != "PYTHONDONTWRITEBYTECODE"}
        base_env["PYTHONPYCACHEPREFIX"] = f"{tmp}/pycache"
        config = Path(tmp) / "offscreen.json"
        config.write_text(json.dumps({"screens": [{"name": "bench", "x": 0, "y": 0, "width": SCREEN[0],
                                                   "height": SCREEN[1], "logicalDpi": 96, "dpr": 1}]}))
        log("   start-up, offscreen")
        offscreen = {**base_env, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
        rows += bench("offscreen", offscreen, runs)
        rows[-1].notes.append(breakdown(offscreen, 3 if quick else 7))
        xvfb = start_xvfb()
        if xvfb is None:
            log("   start-up, xcb: skipped (no Xvfb)")
        else:
            log("   start-up, xcb under Xvfb")
            try:
                rows += bench("xcb, Xvfb", {**base_env, "QT_QPA_PLATFORM": "xcb", "DISPLAY": xvfb[1]}, runs)
            finally:
                xvfb[0].terminate()
                xvfb[0].wait()
    return rows


if __name__ == "__main__":
    sys.exit(suite_main(collect))
