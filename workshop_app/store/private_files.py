"""Folders for confidential copies (recovery, backups, locks): the user's only.

Workshop files hold commissions, budgets and beliefs about colleagues, so
every copy Tandem makes lives in the user's own data folder with
permissions 0700 for folders and 0600 for files.
"""

from __future__ import annotations

import hashlib
import os
import socket
from pathlib import Path

from workshop_app.paths import user_data_dir


def private_dir(name: str) -> Path:
    """``<user data>/<name>``, created readable by the user only."""
    folder = user_data_dir() / name
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        os.chmod(folder, 0o700)
        os.chmod(folder.parent, 0o700)
    except OSError:
        pass
    return folder


def path_key(path: str | os.PathLike) -> str:
    """A short stable key for a document path (same file → same key)."""
    resolved = os.path.normcase(os.path.realpath(os.fspath(path)))
    return hashlib.sha256(resolved.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def process_alive(pid: int, host: str) -> bool:
    """Whether the process that wrote a lock or recovery file may still run.

    A process on another host cannot be checked, so it counts as alive:
    better to ask the user than to take over someone's file.
    """
    if host != socket.gethostname():
        return True
    if pid == os.getpid():
        return True
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return True
    return _not_a_zombie(pid)


def _not_a_zombie(pid: int) -> bool:
    """A killed child not yet reaped still answers kill(0); /proc tells the truth."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return True
