"""Benchmark: start to first painted window with the demo, against a bare PySide6 window (DESIGN §7).

Run ``python benchmarks/bench_startup.py [--runs N] [--platform offscreen|xcb|all]``.
Budget: start to first painted window (demo) ≤ 2 × a bare PySide6 window's start.

What is timed: from just before the child process is spawned to the end of the
first paint pass of the main window (the window's Expose/UpdateRequest has
been handled and the MainWindow itself received a Paint), read on the
system-wide monotonic clock in both processes; the child exits right there.
Production code has no hooks: a ``python -c`` harness patches
``workshop_app.ui.app.create_application`` to install an event filter on the
QApplication, then runs ``tandem --demo`` as ``python -m workshop_app`` would.

The baseline is the same harness starting a bare PySide6 window (QApplication
+ QMainWindow with a label, same geometry as the app, shown maximized), so
both pay the same interpreter, PySide6 import, platform plugin and harness
costs and the ratio is what Tandem adds. Runs alternate bare/app after one
discarded warm-up each; each run gets fresh TANDEM_CONFIG_DIR/TANDEM_DATA_DIR.
Bytecode is cached as in an installed app (PYTHONDONTWRITEBYTECODE is dropped)
but only in a private PYTHONPYCACHEPREFIX, so the checkout is not written to.
Platforms: ``offscreen`` (a 1920 × 1080 screen from a config file) and
``xcb`` under a private Xvfb started here, when Xvfb is installed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUDGET_RATIO = 2.0
SCREEN = (1920, 1080)

HARNESS = r"""
import json, os, sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

class FirstPaint(QObject):
    # App-wide until the first QMainWindow shows up, then only on it and its QWindow (cheap, same in both).
    def __init__(self):
        super().__init__()
        self.found, self.painted, self.hooked = False, False, False

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
            elif not self.hooked and obj.windowHandle() is not None:
                self.hooked = True
                obj.windowHandle().installEventFilter(self)
            return False
        if kind in (QEvent.Type.Expose, QEvent.Type.UpdateRequest):
            obj.event(event)  # let Qt paint and flush the window now, then look
            if self.painted:
                now, size = time.monotonic(), obj.size()
                print(json.dumps({"t": now, "size": [size.width(), size.height()], "title": obj.title()}), flush=True)
                os._exit(0)
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


def run_once(kind: str, env: dict[str, str]) -> tuple[float, dict]:
    """Seconds from spawn to the end of the main window's first paint, and what the child saw."""
    with tempfile.TemporaryDirectory(prefix="tandem-bench-") as home:
        env = {**env, "TANDEM_CONFIG_DIR": f"{home}/config", "TANDEM_DATA_DIR": f"{home}/data"}
        start = time.monotonic()
        proc = subprocess.run([sys.executable, "-c", HARNESS, kind], env=env, cwd=ROOT, capture_output=True,
                              text=True, timeout=120)
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise RuntimeError(f"{kind}: no first paint (exit {proc.returncode})\n{proc.stderr[-2000:]}")
    seen = json.loads(lines[-1])
    return seen["t"] - start, seen


def bench(platform: str, env: dict[str, str], runs: int) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {"bare": [], "app": []}
    seen: dict[str, dict] = {}
    for kind in times:  # warm-up: .pyc files, font caches
        run_once(kind, env)
    for _ in range(runs):
        for kind in times:
            elapsed, seen[kind] = run_once(kind, env)
            times[kind].append(elapsed)
    print(f"  {platform}: first paint caught — " + "; ".join(f"{k}: {v['size'][0]}×{v['size'][1]} “{v['title']}”"
                                                        for k, v in seen.items()))
    return times


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
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--platform", choices=("offscreen", "xcb", "all"), default="all")
    args = parser.parse_args()
    results: dict[str, dict[str, list[float]]] = {}
    print(f"Python {sys.version.split()[0]} on {os.cpu_count()} CPU(s); {args.runs} alternating runs each")
    with tempfile.TemporaryDirectory(prefix="tandem-bench-") as tmp:
        # bytecode cached as in an installed app, but in a private folder (never next to the sources)
        base_env = {k: v for k, v in os.environ.items()
                    if not k.startswith(("QT_", "TANDEM_")) and k != "PYTHONDONTWRITEBYTECODE"}
        base_env["PYTHONPYCACHEPREFIX"] = f"{tmp}/pycache"
        if args.platform in ("offscreen", "all"):
            config = Path(tmp) / "offscreen.json"
            config.write_text(json.dumps({"screens": [{"name": "bench", "x": 0, "y": 0, "width": SCREEN[0],
                                                       "height": SCREEN[1], "logicalDpi": 96, "dpr": 1}]}))
            env = {**base_env, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
            results["offscreen"] = bench("offscreen", env, args.runs)
        if args.platform in ("xcb", "all"):
            xvfb = start_xvfb()
            if xvfb is None:
                print("  xcb: skipped (no Xvfb)")
            else:
                try:
                    env = {**base_env, "QT_QPA_PLATFORM": "xcb", "DISPLAY": xvfb[1]}
                    results["xcb (Xvfb)"] = bench("xcb", env, args.runs)
                finally:
                    xvfb[0].terminate()
                    xvfb[0].wait()
    print(f"\n{'platform':12} {'bare median':>12} {'app median':>11} {'app min–max':>15} {'ratio':>6}  budget ≤ {BUDGET_RATIO:.0f}×")
    ok = True
    for platform, times in results.items():
        bare, app = statistics.median(times["bare"]), statistics.median(times["app"])
        ratio = app / bare
        ok &= ratio <= BUDGET_RATIO
        spread = f"{min(times['app']) * 1000:.0f}–{max(times['app']) * 1000:.0f} ms"
        print(f"{platform:12} {bare * 1000:9.0f} ms {app * 1000:8.0f} ms {spread:>15} {ratio:6.2f}  "
              f"{'OK' if ratio <= BUDGET_RATIO else 'OVER'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
