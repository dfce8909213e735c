"""The workshop file on disk: read only regular files, know what was read, tidy after a crash.

* A FIFO, a device or a socket named ``*.workshop.json`` would block a plain
  ``open()`` forever; files are opened without blocking and refused unless
  they are regular files.
* :class:`DiskStamp` (size, modification time, content hash) records what a
  window read or wrote, so a save notices that someone else changed the
  file since — another user in a shared folder, or the same file through a
  hard link — instead of silently overwriting their work.
* An atomic write killed half-way leaves its temporary file (``.NAME.*.tmp``,
  see :mod:`workshop_app.atomic`) beside the workshop; the next open of that
  folder removes the user's own leftovers.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import stat
import time
from dataclasses import dataclass
from pathlib import Path

from workshop_app.i18n import _

#: Leftovers of other workshops in the folder are removed once no save can still be writing them.
STALE_TEMP_SECONDS = 600
_TEMP = re.compile(r"^\.(?P<name>.+\.json)\.[A-Za-z0-9_]{6,}\.tmp$")


class NotARegularFile(OSError):
    """The path names a folder, a pipe, a device or a socket; ``str()`` says so for the user."""


class FileTooLarge(OSError):
    """The file is larger than any workshop file; ``size`` holds its size in bytes."""

    def __init__(self, size: int):
        super().__init__(f"{size} bytes")
        self.size = size


@dataclass(frozen=True)
class DiskStamp:
    size: int
    mtime_ns: int
    sha256: str
    inode: int = 0
    links: int = 1  # names of the file (hard links)

    @classmethod
    def of_bytes(cls, data: bytes, info: os.stat_result) -> DiskStamp:
        return cls(len(data), info.st_mtime_ns, hashlib.sha256(data).hexdigest(), info.st_ino, info.st_nlink)

    def changed_since(self, earlier: DiskStamp) -> bool:
        """Whether someone else wrote the file since ``earlier`` was taken.

        A different content says so; so does the same file with fewer names:
        another name of it (a hard link) was saved, which gave that name a file
        of its own with their changes.
        """
        if self.sha256 != earlier.sha256:
            return True
        return bool(self.inode and self.inode == earlier.inode and self.links < earlier.links)


def kind_name(mode: int) -> str:
    """What a non-regular file is, in words."""
    if stat.S_ISDIR(mode):
        return _("a folder")
    if stat.S_ISFIFO(mode):
        return _("a pipe")
    if stat.S_ISSOCK(mode):
        return _("a socket")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("a device")
    return _("not a regular file")


def read_regular(path: str | os.PathLike, limit: int) -> tuple[bytes, DiskStamp]:
    """The bytes of a regular file and their stamp; NotARegularFile, or FileTooLarge above ``limit`` bytes.

    The file is opened without blocking, so a pipe is refused instead of
    waiting forever for a writer; the check is made on the opened file, so
    it cannot be swapped between check and read.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except IsADirectoryError:
        raise NotARegularFile(_("'{path}' is a folder, not a workshop file").format(path=path)) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotARegularFile(_("'{path}' is {what}, not a workshop file").format(
                path=path, what=kind_name(info.st_mode)))
        if info.st_size > limit:
            raise FileTooLarge(info.st_size)
        if hasattr(os, "set_blocking"):
            with contextlib.suppress(OSError):  # a regular file reads the same either way
                os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(limit + 1)
        return data, DiskStamp.of_bytes(data, info)
    finally:
        os.close(fd)


def current_stamp(path: str | os.PathLike, limit: int) -> DiskStamp | None:
    """The stamp of what is on disk now; None if there is no file (or none that can be read)."""
    try:
        return read_regular(path, limit)[1]
    except OSError:
        return None


def remove_leftover_temps(folder: Path, own_file: Path | None = None, now: float | None = None) -> list[Path]:
    """Remove the user's own leftover temporary files of atomic writes in ``folder``.

    Leftovers of ``own_file`` (whose lock this window holds, so nobody of
    ours is writing it) go at once; others once they are older than
    :data:`STALE_TEMP_SECONDS`. Other users' files are never touched.
    """
    now = time.time() if now is None else now
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        match = _TEMP.match(entry.name)
        if not match:
            continue
        with contextlib.suppress(OSError):
            info = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(info.st_mode) or (hasattr(os, "getuid") and info.st_uid != os.getuid()):
                continue
            mine = own_file is not None and match.group("name") == own_file.name
            if mine or now - info.st_mtime > STALE_TEMP_SECONDS:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed
