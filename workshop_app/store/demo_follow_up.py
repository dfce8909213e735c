"""The built-in follow-up demo: the demo workshop three months later, its review filled in.

Like the demo (``workshop_app/store/demo.py``) an ordinary file per language
under ``resources/demo/`` (``demo-follow-up.de.workshop.json`` and
``demo-follow-up.en.workshop.json``), read with the normal loader. It was
made from the demo with the carry-over function and then reviewed
(``scripts/make_follow_up_demo.py``), so its ids are the demo's.
"""

from __future__ import annotations

from pathlib import Path

from workshop_app import paths
from workshop_app.model.workshop import Workshop
from workshop_app.store.demo import DEFAULT_DEMO_LANGUAGE, demo_path
from workshop_app.store.document_file import load_workshop


def follow_up_demo_path(lang: str = DEFAULT_DEMO_LANGUAGE) -> Path:
    """The follow-up demo in the language :func:`demo_path` picks for ``lang``."""
    code = demo_path(lang).name.split(".")[1]
    return paths.resources_dir() / "demo" / f"demo-follow-up.{code}.workshop.json"


def load_follow_up_demo(lang: str = DEFAULT_DEMO_LANGUAGE) -> Workshop:
    """A fresh copy of the follow-up demo in ``lang``; LoadError only if the installed file is broken."""
    return load_workshop(follow_up_demo_path(lang))
