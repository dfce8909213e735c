"""Where Tandem finds its resources and keeps the user's data. No Qt.

Tests and CI point ``TANDEM_DATA_DIR`` and ``TANDEM_CONFIG_DIR`` at temporary
folders so they never touch the user's real recovery files or settings.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def resources_dir() -> Path:
    """``resources/`` inside an installed wheel, else the checkout's top-level one."""
    bundled = _PACKAGE / "resources"
    return bundled if bundled.is_dir() else _PACKAGE.parent / "resources"


def checkout_dir() -> Path | None:
    """The source checkout this package runs from, or None when installed."""
    root = _PACKAGE.parent
    return root if (root / "pyproject.toml").is_file() and (root / "resources").is_dir() else None


def default_exports_dir() -> Path:
    """``exports/`` in a checkout; otherwise the user's Documents (or home) folder."""
    root = checkout_dir()
    if root is not None:
        return root / "exports"
    docs = Path.home() / "Documents"
    return docs if docs.is_dir() else Path.home()


def _platform_dir(env: str, windows: str, mac: str, xdg: str, xdg_default: str) -> Path:
    override = os.environ.get(env)
    if override:
        return Path(override)
    if sys.platform == "win32":
        return Path(os.environ.get(windows) or Path.home() / "AppData" / "Local") / "Tandem"
    if sys.platform == "darwin":
        return Path.home() / "Library" / mac / "Tandem"
    return Path(os.environ.get(xdg) or Path.home() / xdg_default) / "tandem"


def user_data_dir() -> Path:
    """The user's own data folder (recovery copies, backups of nothing else)."""
    return _platform_dir("TANDEM_DATA_DIR", "LOCALAPPDATA", "Application Support", "XDG_DATA_HOME", ".local/share")


def user_config_dir() -> Path:
    """Settings and the recent-files list."""
    return _platform_dir("TANDEM_CONFIG_DIR", "APPDATA", "Preferences", "XDG_CONFIG_HOME", ".config")
