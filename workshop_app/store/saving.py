"""Saving a workshop over its file without losing anybody's work.

Before the atomic write (:mod:`workshop_app.atomic`) a save checks what it
is about to replace, and refuses with a reason the user can act on:

* a symbolic link is followed: the file it points to (in a synced folder,
  say) is written, and the link stays a link;
* something that is not a regular file is never replaced;
* a file marked read-only is replaced only when the user said so;
* a file that changed on disk since this window read or wrote it (another
  user, another program, the same file through a hard link) is not saved
  over unless the user said so;
* the file keeps its permissions and its group, so a team folder's file
  stays readable to the team.

Keeping the previous version as a backup is a courtesy: when the backup
cannot be written (full or unwritable data folder) the save still happens
and the outcome says why the backup is missing.
"""

from __future__ import annotations

import logging
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from workshop_app.atomic import atomic_write_bytes
from workshop_app.i18n import _
from workshop_app.model.workshop import Workshop
from workshop_app.store.disk import DiskStamp, NotARegularFile, kind_name, read_regular
from workshop_app.store.document_file import MAX_FILE_BYTES, to_json_bytes

log = logging.getLogger(__name__)


class SaveRefused(Exception):
    """The save did not happen; ``str()`` says why, for the user. The file on disk is unchanged."""


class ReadOnlyFile(SaveRefused):
    """The file is marked read-only; saving over it needs the user's yes."""


class ChangedOnDisk(SaveRefused):
    """The file changed on disk since it was read or saved here; ``current`` is what is there now."""

    def __init__(self, message: str, current: DiskStamp):
        super().__init__(message)
        self.current = current


@dataclass(frozen=True)
class SaveOutcome:
    path: Path  # the file actually written (a link's target)
    stamp: DiskStamp  # what is on disk now
    backup_problem: str | None = None  # the previous version was not kept as a backup: why


def save_target(path: str | os.PathLike) -> Path:
    """The file a save writes: a link's final target, else the path itself."""
    p = Path(path)
    return Path(os.path.realpath(p)) if p.is_symlink() else p


def json_bytes(doc: Workshop) -> bytes:
    """The file content, or SaveRefused naming the field whose text cannot be written."""
    try:
        return to_json_bytes(doc)
    except UnicodeEncodeError:
        raise SaveRefused(_("the text in {field} holds a character that cannot be saved (a broken "
                            "character from a copy and paste); retype that text.").format(
                                field=_bad_text_location(doc.model_dump(mode="json")) or "?")) from None


def _bad_text_location(value: object, where: str = "") -> str | None:
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return where
        return None
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, inner in items:
        found = _bad_text_location(inner, f"{where}[{key}]" if isinstance(key, int) else
                                   (f"{where}.{key}" if where else str(key)))
        if found is not None:
            return found
    return None


def save_file(doc: Workshop, path: str | os.PathLike, keep_backup: bool = False,
              expected: DiskStamp | None = None, replace_read_only: bool = False) -> SaveOutcome:
    """Write ``doc`` to ``path`` atomically after the checks above.

    ``expected`` is the stamp of what this window last read or wrote there
    (None: do not compare). Raises SaveRefused (or a subclass) when the
    checks refuse, OSError when the disk does; the old file stays intact.
    """
    data = json_bytes(doc)
    target = save_target(path)
    old: bytes | None = None
    try:
        info = os.stat(target)
    except FileNotFoundError:
        info = None
    if info is not None:
        if not stat.S_ISREG(info.st_mode):
            raise SaveRefused(_("“{path}” is {what}, not a workshop file; it was not replaced.").format(
                path=target, what=kind_name(info.st_mode)))
        if not replace_read_only and (stat.S_IMODE(info.st_mode) & 0o222 == 0 or not os.access(target, os.W_OK)):
            raise ReadOnlyFile(_("“{path}” is marked read-only.").format(path=target))
        try:
            old, current = read_regular(target, MAX_FILE_BYTES)
        except NotARegularFile as exc:
            raise SaveRefused(str(exc)) from None
        except OSError:
            old, current = None, None  # cannot be read back (too large, no read permission): nothing to compare
        if expected is not None and current is not None and current.changed_since(expected):
            raise ChangedOnDisk(_("“{path}” was changed on disk since it was opened or saved here.")
                                .format(path=target), current)
    backup_problem = None
    if keep_backup and old is not None:
        from workshop_app.store.backup import keep_previous_version

        try:
            keep_previous_version(target, old)
        except OSError as exc:
            log.warning("previous version not kept: %s", exc)
            backup_problem = exc.strerror or str(exc)
    atomic_write_bytes(target, data)
    return SaveOutcome(target, DiskStamp.of_bytes(data, os.stat(target)), backup_problem)
