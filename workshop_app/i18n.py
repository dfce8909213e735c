"""The one translation function every user-visible string goes through.

Source strings are English. The catalogs are standard gettext: ``.po``
sources, extracted from the code with Babel (``scripts/catalogs.py``), and
the compiled ``.mo`` files next to them in
``resources/locale/<lang>/LC_MESSAGES/``, which ship inside the wheel
(``workshop_app/resources``, see :func:`workshop_app.paths.resources_dir`).
At run time only the ``.mo`` files are read, with the standard library's
:class:`gettext.GNUTranslations` (fast, and no Babel needed). There is one
domain per area of the app (``ui``, ``minutes``, …); they are chained into
one translations object per language.

The UI language is set once with :func:`set_language`; an export in another
language asks for its own :func:`translations` / :func:`translator`,
independent of the UI's.
"""

from __future__ import annotations

import gettext
import logging
import struct
from collections.abc import Callable
from functools import cache

from workshop_app.paths import resources_dir

LANGUAGES = ("de", "en")
#: The catalog areas (one gettext domain each, see scripts/catalogs.py).
AREAS = ("ui", "presentation", "safekeeping", "minutes", "analysis", "cli")
log = logging.getLogger(__name__)


@cache
def translations(lang: str) -> gettext.NullTranslations:
    """Every area catalog of ``lang``, chained; a missing catalog or language gives the English source text.

    English is the source language: its catalogs carry no translations, so
    lookups fall through to the source text with English plural rules.
    """
    folder = resources_dir() / "locale" / lang / "LC_MESSAGES"
    merged: gettext.NullTranslations | None = None
    for area in sorted(AREAS):  # only known areas: a leftover .mo of a renamed one would outrank them
        mo = folder / f"{area}.mo"
        try:
            with open(mo, "rb") as file:
                catalog = gettext.GNUTranslations(file)
        except FileNotFoundError:
            log.warning("translation catalog %s is missing", mo)
            continue
        except (OSError, ValueError, LookupError, struct.error):  # LookupError: an unknown charset in the header
            log.warning("translation catalog %s is damaged and was skipped", mo)
            continue  # a damaged catalog costs its translations, never the start
        if merged is None:
            merged = catalog
        else:
            merged.add_fallback(catalog)
    return merged if merged is not None else gettext.NullTranslations()


_current: gettext.NullTranslations = gettext.NullTranslations()
_current_lang = "en"


def set_language(lang: str) -> None:
    """Switch the UI/CLI language for every later call of :func:`_`."""
    global _current, _current_lang
    _current_lang = lang if lang in LANGUAGES else "en"
    _current = translations(_current_lang)


def current_language() -> str:
    """The UI language: ``de`` or ``en``."""
    return _current_lang


def _(message: str) -> str:
    """Translate ``message`` into the current language."""
    return _current.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The plural form of the current language for ``n`` (format ``{n}`` yourself)."""
    return _current.ngettext(singular, plural, n)


def translator(lang: str) -> Callable[[str], str]:
    """A translation function fixed to ``lang`` (for exports in another language)."""
    return translations(lang if lang in LANGUAGES else "en").gettext


def N_(message: str) -> str:
    """Mark a string for translation where it is defined; translate where shown."""
    return message
