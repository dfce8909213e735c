"""Folders for confidential copies (recovery, backups, locks): the user's only.

Workshop files hold commissions, budgets and beliefs about colleagues, so
every copy Tandem makes lives in the user's own data folder with
permissions 0700 for folders and 0600 for files. The folder is not trusted
blindly: a folder or file that belongs to another user, or that others may
write, is never used (a copy planted there would be offered as the user's
own unsaved work), and one left too open by an older version is tightened.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from workshop_app.i18n import _
from workshop_app.paths import user_data_dir

#: Where ownership means something (POSIX); Windows guards the profile folder itself.
_POSIX = hasattr(os, "getuid")


class DataFolderProblem(OSError):
    """The private data folder cannot be used; ``str()`` says why and how to fix it, for the user."""


def _owner_name(uid: int) -> str:
    try:
        import pwd

        return pwd.getpwuid(uid).pw_name
    except (ImportError, KeyError):
        return str(uid)


def _fix_hint(folder: Path) -> str:
    user = _owner_name(os.getuid()) if _POSIX else ""
    return _("To fix it, run in a terminal: sudo chown -R {user} {folder}").format(user=user, folder=folder)


def check_private(path: Path, is_dir: bool) -> None:
    """Raise DataFolderProblem unless ``path`` is the user's own, not a link, and private (tightened if needed)."""
    try:
        info = os.lstat(path)
    except OSError as exc:
        raise DataFolderProblem(_("“{path}” cannot be checked: {reason}").format(
            path=path, reason=exc.strerror or exc)) from None
    if stat.S_ISLNK(info.st_mode):
        raise DataFolderProblem(_("“{path}” is a link to somewhere else; Tandem keeps its confidential copies "
                                  "only in a folder of its own.").format(path=path))
    if is_dir != stat.S_ISDIR(info.st_mode) or not (is_dir or stat.S_ISREG(info.st_mode)):
        raise DataFolderProblem(_("“{path}” is not a {what}.").format(
            path=path, what=_("folder") if is_dir else _("file")))
    if not _POSIX:
        return
    if info.st_uid != os.getuid():
        raise DataFolderProblem(_("“{path}” belongs to the user {owner}, not to you (perhaps Tandem once ran "
                                  "with sudo). {fix}").format(path=path, owner=_owner_name(info.st_uid),
                                                              fix=_fix_hint(path)))
    wanted = 0o700 if is_dir else 0o600
    if stat.S_IMODE(info.st_mode) & 0o077:
        try:
            os.chmod(path, wanted)
        except OSError as exc:
            raise DataFolderProblem(_("“{path}” is open to other users and cannot be made private: "
                                      "{reason}").format(path=path, reason=exc.strerror or exc)) from None


def private_dir(name: str) -> Path:
    """``<user data>/<name>``, created readable by the user only; DataFolderProblem if it cannot be trusted."""
    base = user_data_dir()
    folder = base / name
    try:
        base.mkdir(parents=True, exist_ok=True, mode=0o700)
        folder.mkdir(exist_ok=True, mode=0o700)
    except PermissionError:
        raise DataFolderProblem(_("Tandem may not write in its data folder “{folder}”. {fix}").format(
            folder=base, fix=_fix_hint(base))) from None
    except OSError as exc:
        raise DataFolderProblem(_("Tandem's data folder “{folder}” cannot be created: {reason}").format(
            folder=base, reason=exc.strerror or exc)) from None
    check_private(base, is_dir=True)
    check_private(folder, is_dir=True)
    if not os.access(folder, os.W_OK):
        raise DataFolderProblem(_("Tandem may not write in its data folder “{folder}”. {fix}").format(
            folder=folder, fix=_fix_hint(base)))
    return folder


def path_key(path: str | os.PathLike) -> str:
    """A short stable key for a document path (same file → same key).

    A file with several names (hard links) is keyed by its inode, so two
    windows that opened it under different names still see each other.
    """
    resolved = os.path.normcase(os.path.realpath(os.fspath(path)))
    try:
        info = os.stat(resolved)
        if info.st_nlink > 1 and info.st_ino:
            resolved = f"inode:{info.st_dev}:{info.st_ino}"
    except OSError:
        pass
    return hashlib.sha256(resolved.encode("utf-8", "surrogatepass")).hexdigest()[:16]
