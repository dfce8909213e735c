"""One writer per file: a lock tells a second Tandem that a file is already open.

The lock lives in the user's private data folder, keyed by the file's real
path, so it works for files in read-only folders and leaves nothing next to
the workshop file. A lock whose program has gone (see
:mod:`workshop_app.store.owners`) is stale and taken over; one written under
another host name cannot be checked and is taken over only when the user
says so (:meth:`FileLock.take_over`).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from workshop_app.atomic import atomic_write_bytes
from workshop_app.store.owners import Liveness, Owner, liveness, this_process
from workshop_app.store.private_files import check_private, path_key, private_dir


@dataclass(frozen=True)
class LockOwner:
    pid: int
    host: str
    since: str
    elsewhere: bool = False  # written under another host name (another computer, or this one renamed)


class FileLock:
    """The lock of one workshop file for this process."""

    def __init__(self, doc_path: str | os.PathLike):
        self.doc_path = Path(doc_path)
        self.path = private_dir("locks") / f"{path_key(doc_path)}.lock"
        self.held = False

    def _record(self) -> bytes:
        return json.dumps({
            **this_process().record(),
            "since": datetime.now().astimezone().isoformat(timespec="seconds"),
            "path": os.fspath(self.doc_path),
        }).encode("utf-8")

    def owner(self) -> LockOwner | None:
        """Who holds the lock now, if anyone who may still run does."""
        try:
            check_private(self.path, is_dir=False)
            data = json.loads(self.path.read_bytes())
            who = Owner.from_record(data)
            since = str(data.get("since", ""))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return None  # a damaged or foreign lock protects nothing
        if who.is_me():
            return None if self.held else LockOwner(who.pid, who.host, since)
        state = liveness(who)
        if state is Liveness.GONE:
            return None
        return LockOwner(who.pid, who.host, since, elsewhere=state is Liveness.ELSEWHERE)

    def acquire(self) -> LockOwner | None:
        """Take the lock; returns None on success, else the owner who may still run (lock not taken)."""
        try:
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            owner = self.owner()
            if owner is not None:
                return owner
            self.take_over()
            return None
        with os.fdopen(fd, "wb") as fh:
            fh.write(self._record())
        self.held = True
        return None

    def take_over(self) -> None:
        """Write this process into the lock, whoever held it (stale, or the user said so)."""
        atomic_write_bytes(self.path, self._record(), mode=0o600)
        self.held = True

    def release(self) -> None:
        if not self.held:
            return
        self.held = False
        try:
            if Owner.from_record(json.loads(self.path.read_bytes())).is_me():
                self.path.unlink()
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            pass
