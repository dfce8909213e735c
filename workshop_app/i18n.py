"""The one translation function every user-visible string goes through.

Source strings are English. Catalogs are gettext ``.po`` files in
``resources/locale/<lang>/LC_MESSAGES/``, one per area of the app (``ui.po``,
``minutes.po``, …) and merged on load; they are read directly (no compile
step, nothing to forget at install time). The UI language is set
once with :func:`set_language`; an export in another language asks for its
own :func:`translator`, independent of the UI's.
"""

from __future__ import annotations

import ast
import gettext
from collections.abc import Callable
from functools import cache

from workshop_app.paths import resources_dir

LANGUAGES = ("de", "en")


class PoTranslations(gettext.NullTranslations):
    """gettext translations read straight from a ``.po`` file (msgid/msgstr pairs)."""

    def __init__(self, texts: list[str]):
        super().__init__()
        self._catalog: dict[str, str] = {}
        for text in texts:
            for msgid, msgstr in _parse_po(text):
                if msgid and msgstr:
                    self._catalog[msgid] = msgstr

    def gettext(self, message: str) -> str:
        return self._catalog.get(message, message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return self.gettext(msgid1 if n == 1 else msgid2)


def _unquote(chunk: str) -> str:
    return ast.literal_eval(chunk) if chunk.startswith('"') else ""


def _parse_po(text: str) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    msgid = msgstr = None
    current = None
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("#") or not line:
            continue
        if line.startswith("msgid "):
            if msgid is not None and msgstr is not None:
                pairs.append((msgid, msgstr))
            msgid, msgstr, current = _unquote(line[6:]), None, "id"
        elif line.startswith("msgstr "):
            msgstr, current = _unquote(line[7:]), "str"
        elif line.startswith('"'):
            if current == "id" and msgid is not None:
                msgid += _unquote(line)
            elif current == "str" and msgstr is not None:
                msgstr += _unquote(line)
    if msgid is not None and msgstr is not None:
        pairs.append((msgid, msgstr))
    return pairs


@cache
def translations(lang: str) -> gettext.NullTranslations:
    """The catalog for ``lang``; English (the source language) or a missing catalog gives identity."""
    folder = resources_dir() / "locale" / lang / "LC_MESSAGES"
    texts = []
    for po in sorted(folder.glob("*.po")):
        try:
            texts.append(po.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            continue
    try:
        return PoTranslations(texts)
    except (ValueError, SyntaxError):
        return gettext.NullTranslations()


_current: gettext.NullTranslations = gettext.NullTranslations()
_current_lang = "en"


def set_language(lang: str) -> None:
    """Switch the UI/CLI language for every later call of :func:`_`."""
    global _current, _current_lang
    _current_lang = lang if lang in LANGUAGES else "en"
    _current = translations(_current_lang)


def current_language() -> str:
    return _current_lang


def _(message: str) -> str:
    """Translate ``message`` into the current language."""
    return _current.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _current.ngettext(singular, plural, n)


def translator(lang: str) -> Callable[[str], str]:
    """A translation function fixed to ``lang`` (for exports in another language)."""
    return translations(lang if lang in LANGUAGES else "en").gettext


def N_(message: str) -> str:
    """Mark a string for translation where it is defined; translate where shown."""
    return message
