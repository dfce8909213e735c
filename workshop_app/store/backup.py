"""The previous version of a workshop file, kept when it is saved over.

Backups live in the user's private data folder (0600), one per document
path, and are pruned after two weeks: long enough to undo a bad save after
the workshop, short enough not to keep confidential copies forever.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from workshop_app.atomic import atomic_write_bytes
from workshop_app.store.private_files import path_key, private_dir

KEEP_SECONDS = 14 * 24 * 3600


def backup_dir() -> Path:
    return private_dir("backups")


def backup_path(doc_path: str | os.PathLike) -> Path:
    stem = Path(doc_path).name.removesuffix(".json").removesuffix(".workshop")
    return backup_dir() / f"{stem}-{path_key(doc_path)}.previous.workshop.json"


def keep_previous_version(doc_path: str | os.PathLike, data: bytes) -> Path:
    """Keep ``data``, the content of the file about to be overwritten, in the backups.

    The caller has read it already (as a regular file, see
    :func:`workshop_app.store.disk.read_regular`), so nothing here can block
    on a pipe. Raises OSError (or DataFolderProblem) when it cannot be kept.
    """
    target = backup_path(doc_path)
    atomic_write_bytes(target, data, mode=0o600)
    return target


def prune_backups(now: float | None = None) -> int:
    """Remove backups older than two weeks; returns how many went."""
    cutoff = (now or time.time()) - KEEP_SECONDS
    removed = 0
    for path in backup_dir().glob("*.previous.workshop.json"):
        try:
            if path.stat().st_mtime < cutoff:
                path.unlink()
                removed += 1
        except OSError:
            continue
    return removed
