"""The user's settings, always in an INI file under :func:`user_config_dir`.

Never the platform default store: tests point ``TANDEM_CONFIG_DIR`` at a
temporary folder and must not touch the real registry or plist.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QSettings

from workshop_app.paths import user_config_dir

MAX_RECENT = 8


def app_settings() -> QSettings:
    """A QSettings on ``<config dir>/tandem.ini`` (created on first write)."""
    folder = user_config_dir()
    with contextlib.suppress(OSError):  # settings then simply are not kept
        folder.mkdir(parents=True, exist_ok=True)
    return QSettings(str(folder / "tandem.ini"), QSettings.Format.IniFormat)


def _as_list(value: object) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]  # type: ignore[union-attr]


def recent_files(settings: QSettings) -> list[str]:
    return _as_list(settings.value("recent_files"))


def add_recent_file(settings: QSettings, path: str) -> list[str]:
    """Put ``path`` first in the recent list (without duplicates) and return it."""
    files = [path] + [f for f in recent_files(settings) if f != path]
    files = files[:MAX_RECENT]
    settings.setValue("recent_files", files)
    return files


def remove_recent_file(settings: QSettings, path: str) -> list[str]:
    files = [f for f in recent_files(settings) if f != path]
    settings.setValue("recent_files", files)
    return files


#: the choices of View ▸ Language; "system" follows the operating system's language
LANGUAGE_CHOICES = ("system", "de", "en")


def language_choice(settings: QSettings) -> str:
    """The stored UI language choice: ``system`` (also when unset or unknown), ``de`` or ``en``."""
    stored = str(settings.value("language", "") or "")
    return stored if stored in LANGUAGE_CHOICES else "system"


def set_language_choice(settings: QSettings, choice: str) -> None:
    """Store the choice; "system" is stored explicitly so a later system change is followed."""
    settings.setValue("language", choice if choice in LANGUAGE_CHOICES else "system")


def system_language() -> str:
    """``de`` when the operating system's UI languages start with German, else ``en``."""
    from PySide6.QtCore import QLocale

    for name in [*QLocale.system().uiLanguages(), QLocale.system().name()]:
        code = name.replace("_", "-").split("-")[0].lower()
        if code in ("de", "en"):
            return code
    return "en"


def resolve_language(choice: str) -> str:
    """The language a stored choice means now: ``de``/``en`` as chosen, ``system`` as the OS says."""
    return choice if choice in ("de", "en") else system_language()
