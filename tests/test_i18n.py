"""The translation function: German catalogs load, exports can pick their own language."""

import ast
from pathlib import Path

import pytest

import workshop_app
from workshop_app import i18n
from workshop_app.i18n import _, translations, translator

PACKAGE = Path(workshop_app.__file__).parent


def test_switching_language_translates():
    assert _("Conflicts") == "Conflicts"
    i18n.set_language("de")
    assert _("Conflicts") == "Zielkonflikte"
    assert i18n.current_language() == "de"
    i18n.set_language("xx")
    assert i18n.current_language() == "en"


def test_translator_is_independent_of_the_ui_language():
    i18n.set_language("en")
    assert translator("de")("Parking lot") == "Themenspeicher"
    assert _("Parking lot") == "Parking lot"


def test_multiline_entries_are_read_whole():
    catalog = translations("de")
    text = next(m for m in catalog._catalog if m.startswith("headless commands"))
    assert catalog.gettext(text).startswith("Befehle ohne Fenster")


def _literal_messages(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("_", "N_")
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.add(node.args[0].value)
    return found


@pytest.mark.parametrize("module", sorted(p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py")))
def test_every_marked_string_has_a_german_translation(module):
    catalog = translations("de")._catalog
    missing = sorted(m for m in _literal_messages(PACKAGE / module) if m not in catalog)
    assert missing == [], f"{module}: no German for {missing}"
