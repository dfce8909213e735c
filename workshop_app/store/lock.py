"""One writer per file: a lock tells a second Tandem that a file is already open.

The lock lives in the user's private data folder, keyed by the file's real
path, so it works for files in read-only folders and leaves nothing next to
the workshop file. A lock whose process has died is stale and taken over.
"""

from __future__ import annotations

import json
import os
import socket
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from workshop_app.atomic import atomic_write_bytes
from workshop_app.store.private_files import path_key, private_dir, process_alive


@dataclass(frozen=True)
class LockOwner:
    pid: int
    host: str
    since: str


class FileLock:
    """The lock of one workshop file for this process."""

    def __init__(self, doc_path: str | os.PathLike):
        self.doc_path = Path(doc_path)
        self.path = private_dir("locks") / f"{path_key(doc_path)}.lock"
        self.held = False

    def _record(self) -> bytes:
        return json.dumps({
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "since": datetime.now().astimezone().isoformat(timespec="seconds"),
            "path": os.fspath(self.doc_path),
        }).encode("utf-8")

    def owner(self) -> LockOwner | None:
        """Who holds the lock now, if anyone alive does."""
        try:
            data = json.loads(self.path.read_bytes())
            owner = LockOwner(int(data["pid"]), str(data["host"]), str(data.get("since", "")))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, TypeError, KeyError):
            return None  # a damaged lock protects nothing
        if owner.pid == os.getpid() and owner.host == socket.gethostname():
            return None if self.held else owner
        return owner if process_alive(owner.pid, owner.host) else None

    def acquire(self) -> LockOwner | None:
        """Take the lock; returns None on success, else the live owner (lock not taken)."""
        try:
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            owner = self.owner()
            if owner is not None:
                return owner
            atomic_write_bytes(self.path, self._record(), mode=0o600)  # stale: take it over
            self.held = True
            return None
        with os.fdopen(fd, "wb") as fh:
            fh.write(self._record())
        self.held = True
        return None

    def release(self) -> None:
        if not self.held:
            return
        self.held = False
        try:
            data = json.loads(self.path.read_bytes())
            if int(data.get("pid", -1)) == os.getpid():
                self.path.unlink()
        except (OSError, ValueError, TypeError):
            pass
