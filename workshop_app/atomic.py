"""Atomic file writes: the old file stays intact until the new one is complete."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def atomic_write_bytes(path: str | os.PathLike, data: bytes, mode: int | None = None) -> None:
    """Write ``data`` to ``path`` so that readers see the old or the new file, never half.

    The bytes go to a temporary file in the same folder (so ``os.replace`` is a
    rename on one file system), are flushed and fsynced, then replace the
    target. On any error the temporary file is removed and the error raised;
    the previous file is untouched. ``mode`` sets the permissions of the new
    file; by default an existing file keeps its own, and its group (a team
    folder's file must stay readable to the team after someone else saved it).
    """
    target = Path(path)
    group = None
    try:
        old = target.stat()
        group = old.st_gid
        if mode is None:
            mode = old.st_mode & 0o777
    except FileNotFoundError:
        if mode is None:
            mode = 0o666 & ~_umask()
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        _keep_group(tmp_name, group)
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    _fsync_dir(target.parent)


def _keep_group(tmp_name: str, group: int | None) -> None:
    """Give the new file the old one's group where the user may (a member of it); else leave it."""
    if group is None or not hasattr(os, "chown"):
        return
    with contextlib.suppress(OSError):
        if os.stat(tmp_name).st_gid != group:
            os.chown(tmp_name, -1, group)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (POSIX); a no-op where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
