"""Who wrote a lock or a recovery copy, and whether that program still runs.

A process id alone says little: after a reboot or an empty battery the same
number often belongs to an unrelated program, so a crashed Tandem's copy
would never be offered and its file would stay "open in another window".
An owner is therefore recorded as process id, the process's start time and
the boot time of the machine, and checked through ``psutil``, which never
sends a signal (``os.kill(pid, 0)`` terminates the process on Windows).
"""

from __future__ import annotations

import enum
import os
import socket
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import psutil

#: Start times are floats from the kernel's clock ticks; a little slack absorbs rounding.
START_SLACK_SECONDS = 1.0
#: Boot times move by a second or so when the clock is adjusted; a reboot moves them by far more.
BOOT_SLACK_SECONDS = 5.0


class Liveness(enum.Enum):
    ALIVE = "alive"  # this very program, or another one that is certainly Tandem's writer
    GONE = "gone"  # crashed, killed, or the machine was restarted since
    ELSEWHERE = "elsewhere"  # written under another host name: cannot be checked from here


@dataclass(frozen=True)
class Owner:
    """The program that wrote a lock or recovery file."""

    pid: int
    host: str
    started: float | None = None  # the process's start time (seconds since the epoch)
    boot: float | None = None  # the machine's boot time when it wrote
    boot_id: str | None = None  # the kernel's id of this boot, where it has one (Linux)

    def record(self) -> dict[str, Any]:
        return {"pid": self.pid, "host": self.host, "started": self.started, "boot": self.boot,
                "boot_id": self.boot_id}

    @classmethod
    def from_record(cls, data: dict[str, Any]) -> Owner:
        """Read an owner from a file's JSON; raises ValueError/TypeError/KeyError on nonsense."""
        boot_id = data.get("boot_id")
        return cls(int(data["pid"]), str(data["host"]), _number(data.get("started")), _number(data.get("boot")),
                   boot_id if isinstance(boot_id, str) else None)

    @property
    def since_boot(self) -> float | None:
        """When the process started, counted from the boot: unlike both times, unmoved when the clock is set."""
        return None if self.started is None or self.boot is None else self.started - self.boot

    def is_me(self) -> bool:
        me = this_process()
        return self.pid == me.pid and self.host == me.host and _same_start(self, me)


def _number(value: Any) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    return float(value)


def _close(a: float | None, b: float | None, slack: float) -> bool:
    return a is None or b is None or abs(a - b) <= slack


def _same_start(a: Owner, b: Owner) -> bool:
    """Whether two records describe the same process start (by the offset from boot where both have it)."""
    if a.since_boot is not None and b.since_boot is not None:
        return abs(a.since_boot - b.since_boot) <= START_SLACK_SECONDS
    return _close(a.started, b.started, START_SLACK_SECONDS)


def _boot_id() -> str | None:
    """Linux's id of the current boot: a reboot changes it, setting the clock does not."""
    try:
        with open("/proc/sys/kernel/random/boot_id", encoding="ascii") as fh:
            return fh.read().strip() or None
    except OSError:
        return None


_ME: Owner | None = None


def this_process() -> Owner:
    """This program as an owner (computed once; the values do not change while it runs)."""
    global _ME
    if _ME is None or _ME.pid != os.getpid():  # a forked child is another owner
        import psutil  # ~15 ms: loaded at the first lock or copy, after the window is up, not at start

        try:
            started: float | None = psutil.Process().create_time()
            boot: float | None = psutil.boot_time()
        except (psutil.Error, OSError):
            started = boot = None
        _ME = Owner(os.getpid(), socket.gethostname(), started, boot, _boot_id())
    return _ME


def liveness(owner: Owner) -> Liveness:
    """Whether ``owner`` still runs; a process that merely reuses the number does not count."""
    import psutil

    me = this_process()
    if owner.host != me.host:
        return Liveness.ELSEWHERE
    if owner.pid == me.pid and _same_start(owner, me):
        return Liveness.ALIVE
    if owner.pid <= 0:
        return Liveness.GONE
    if owner.boot_id and me.boot_id:
        if owner.boot_id != me.boot_id:
            return Liveness.GONE  # written before the last restart: that process is gone, whatever runs now
    elif owner.boot is not None and me.boot is not None and abs(owner.boot - me.boot) > BOOT_SLACK_SECONDS:
        return Liveness.GONE  # no boot id here: the boot time tells (a clock set by hours could mislead it)
    try:
        process = psutil.Process(owner.pid)
        if process.status() == psutil.STATUS_ZOMBIE:  # killed, not yet reaped by its parent
            return Liveness.GONE
        if owner.started is not None:
            now = Owner(owner.pid, owner.host, process.create_time(), psutil.boot_time())
            return Liveness.ALIVE if _same_start(owner, now) else Liveness.GONE
        return Liveness.ALIVE if _looks_like_tandem(process) else Liveness.GONE
    except psutil.NoSuchProcess:
        return Liveness.GONE
    except (psutil.Error, OSError):
        return Liveness.ALIVE  # cannot tell: better to ask than to take over someone's file


def _looks_like_tandem(process: psutil.Process) -> bool:
    """For records of older versions without a start time: a Python or Tandem program, not any program."""
    import psutil

    try:
        words = " ".join([process.name(), *process.cmdline()]).lower()
    except (psutil.Error, OSError):
        return True
    return any(word in words for word in ("tandem", "python", "workshop_app"))
