"""Background imports that no other thread can meet half-way.

Python's per-module import locks do not make a package with circular
imports safe across threads: when the preload thread is inside
``matplotlib.figure`` and the main thread starts on ``matplotlib.transforms``,
the deadlock detection hands one of them a partially initialised module
("cannot import name 'Transform' from partially initialized module").
While a preload runs, every other thread that is about to import one of its
packages first waits for the preload to finish, so the main thread never
starts a module the preload may need. The guard is removed when the
preload ends; it costs nothing afterwards. Qt-free.
"""

from __future__ import annotations

import builtins
import importlib
import logging
import threading
from collections.abc import Callable, Iterable

log = logging.getLogger(__name__)

_original_import = builtins.__import__
#: Longer than any preload takes (about a second); a wait that reaches it falls back to Python's own locks.
WAIT_SECONDS = 15.0
_thread: threading.Thread | None = None
_packages: frozenset[str] = frozenset()


def _top_package(name: str, globals_: dict | None, level: int) -> str:
    if level == 0:
        return name.partition(".")[0]
    return str((globals_ or {}).get("__package__") or "").partition(".")[0]


def _guarded_import(name, globals=None, locals=None, fromlist=(), level=0):
    thread = _thread
    if (thread is not None and thread is not threading.current_thread()
            and _top_package(name, globals, level) in _packages):
        # the preload finishes the package; then this import finds it complete. Bounded: should the
        # preload ever need a module this thread is importing right now, waiting for ever would hang.
        thread.join(WAIT_SECONDS)
    return _original_import(name, globals, locals, fromlist, level)


def wait_for_preload() -> None:
    """Block until a running preload has finished (a no-op on the preload thread itself)."""
    thread = _thread
    if thread is not None and thread is not threading.current_thread():
        thread.join()


def preload(names: Iterable[str], packages: Iterable[str], done: Callable[[], None] | None = None) -> threading.Thread:
    """Import ``names`` on a background thread; other threads wait before importing from ``packages``."""
    global _thread, _packages
    wait_for_preload()  # one preload at a time
    modules = list(names)

    def work() -> None:
        global _thread
        try:
            for module in modules:
                try:
                    importlib.import_module(module)
                except Exception:  # a missing library shows up where it is used, with its message
                    log.exception("preloading %s failed", module)
                    return
        finally:
            if builtins.__import__ is _guarded_import:
                builtins.__import__ = _original_import
            _thread = None
        if done is not None:
            done()

    _packages = frozenset(packages)
    thread = _thread = threading.Thread(target=work, name="tandem-preload", daemon=True)
    builtins.__import__ = _guarded_import
    thread.start()
    return thread
