"""The built-in demo workshop, shipped in German and English.

The demo is an ordinary ``.workshop.json`` file under ``resources/demo/``
(``demo.de.workshop.json`` and ``demo.en.workshop.json``): the same
workshop with identical ids, links, numbers and dates, only the user text
differs. It is read with the normal loader, so it is validated like any
file the facilitator opens. No Qt.
"""

from __future__ import annotations

import re
from pathlib import Path

from workshop_app import paths
from workshop_app.model.workshop import Workshop
from workshop_app.store.document_file import load_workshop

#: Language used when the requested one has no demo file.
DEFAULT_DEMO_LANGUAGE = "de"

_LANGUAGE_CODE = re.compile(r"[a-z]{2,3}")


def demo_path(lang: str = DEFAULT_DEMO_LANGUAGE) -> Path:
    """The demo file for ``lang``, or the German one if there is none for it.

    ``lang`` may be a plain code (``"en"``) or a locale name (``"en_GB"``,
    ``"de-AT"``); only the language part counts.
    """
    folder = paths.resources_dir() / "demo"
    code = re.split(r"[_\-.@]", (lang or "").strip(), maxsplit=1)[0].lower()
    if _LANGUAGE_CODE.fullmatch(code):
        candidate = folder / f"demo.{code}.workshop.json"
        if candidate.is_file():
            return candidate
    return folder / f"demo.{DEFAULT_DEMO_LANGUAGE}.workshop.json"


def load_demo(lang: str = DEFAULT_DEMO_LANGUAGE) -> Workshop:
    """Load a fresh copy of the demo workshop in ``lang`` (German for unknown languages).

    Raises :class:`~workshop_app.store.document_file.LoadError` only if the
    installed demo file is missing or damaged.
    """
    return load_workshop(demo_path(lang))
