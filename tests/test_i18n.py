"""The gettext catalogs: extracted with Babel from the code, German complete, compiled, found at run time.

The catalogs are maintained with ``scripts/catalogs.py`` (Babel); these
tests use the same extraction, so "run ``python scripts/catalogs.py update``
and translate" is the fix for every failure about a missing message.
"""

from __future__ import annotations

import ast
import gettext
import re
import tomllib
from functools import cache
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo

import workshop_app
from tests.catalogs_tool import catalogs_tool
from workshop_app import i18n
from workshop_app.i18n import _, ngettext, translations, translator
from workshop_app.paths import resources_dir

PACKAGE = Path(workshop_app.__file__).parent
ROOT = PACKAGE.parent


@cache
def extracted():
    return catalogs_tool().extract()


def po(lang: str, area: str):
    tool = catalogs_tool()
    return tool.read(tool.po_path(lang, area), lang)


def flat_ids(ids) -> set[str]:
    out: set[str] = set()
    for i in ids:
        out |= {i} if isinstance(i, str) else set(i)
    return out


# -- the runtime -----------------------------------------------------------------
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


def test_runtime_reads_compiled_catalogs_with_the_standard_library():
    catalog = translations("de")
    assert isinstance(catalog, gettext.GNUTranslations)
    assert catalog.info().get("language") == "de"


def test_multiline_entries_are_read_whole():
    message = next(m.id for m in po("de", "cli") if isinstance(m.id, str) and m.id.startswith("headless commands"))
    assert "\n" in message
    assert translator("de")(message).startswith("Befehle ohne Fenster")


def test_every_area_catalog_is_merged():
    de = translator("de")
    for area in catalogs_tool().AREAS:
        message = next(m for m in po("de", area) if m.id and isinstance(m.id, str))
        assert de(message.id) == message.string, area


def test_plural_forms_follow_the_catalog():
    i18n.set_language("de")
    assert ngettext("{n} entry", "{n} entries", 1).format(n=1) == "1 Eintrag"
    assert ngettext("{n} entry", "{n} entries", 3).format(n=3) == "3 Einträge"
    i18n.set_language("en")
    assert ngettext("{n} entry", "{n} entries", 1).format(n=1) == "1 entry"
    assert ngettext("{n} entry", "{n} entries", 0).format(n=0) == "0 entries"
    assert translations("en").ngettext("{n} month", "{n} months", 2) == "{n} months"


def test_english_is_a_real_catalog_that_falls_back_to_the_source():
    for area in catalogs_tool().AREAS:
        folder = resources_dir() / "locale" / "en" / "LC_MESSAGES"
        assert (folder / f"{area}.mo").is_file()
        with open(folder / f"{area}.mo", "rb") as file:
            info = gettext.GNUTranslations(file).info()
        assert "nplurals=2" in info["plural-forms"]
    assert translator("en")("Parking lot") == "Parking lot"


# -- the catalogs match the code ------------------------------------------------
@pytest.mark.parametrize("lang", ["de", "en"])
def test_catalogs_hold_exactly_the_messages_babel_extracts(lang):
    tool = catalogs_tool()
    for area, template in extracted().items():
        wanted, have = tool.msgids(template), tool.msgids(po(lang, area))
        assert sorted(wanted - have, key=str) == [], f"{lang}/{area}.po lacks these (run scripts/catalogs.py update)"
        assert sorted(have - wanted, key=str) == [], f"{lang}/{area}.po has messages the code no longer uses"


def test_every_message_is_translated_into_german():
    tool = catalogs_tool()
    missing = {area: tool.untranslated(po("de", area)) for area in tool.AREAS}
    assert {a: m for a, m in missing.items() if m} == {}


def test_the_whole_check_passes():
    assert catalogs_tool().problems() == []


def _translation_calls(path: Path) -> set[str]:
    """Literal messages of every translation call, also inside f-strings (which Babel cannot read)."""
    tool = catalogs_tool()
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        if name not in tool.KEYWORDS:
            continue
        count = len(tool.KEYWORDS[name] or (1,))
        found |= {a.value for a in node.args[:count] if isinstance(a, ast.Constant) and isinstance(a.value, str)}
    return found


def test_babel_sees_every_message_the_code_marks():
    """A message hidden from Babel (in an f-string, say) would silently stay English."""
    seen = set()
    for template in extracted().values():
        seen |= flat_ids(catalogs_tool().msgids(template))
    hidden = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        missed = sorted(_translation_calls(path) - seen)
        if missed:
            hidden[path.relative_to(PACKAGE).as_posix()] = missed
    assert hidden == {}, "move these out of f-strings (or extract them another way)"


def test_extraction_covers_the_analysis_and_the_pictures():
    seen = flat_ids(catalogs_tool().msgids(extracted()["analysis"]))
    for message in ("Goal in a silo", "No elements yet.", "Labels appear when there is room: enlarge "
                    "or hover over a node.", "Amount: {amount}"):
        assert message in seen
    assert "{n} months" in flat_ids(catalogs_tool().msgids(extracted()["ui"]))  # the vocabulary's formats


def test_placeholders_survive_translation():
    tool = catalogs_tool()
    for area in tool.AREAS:
        for message in po("de", area):
            if not message.id:
                continue
            ids = [message.id] if isinstance(message.id, str) else list(message.id)
            strings = [message.string] if isinstance(message.string, str) else list(message.string)
            wanted = set(re.findall(r"{\w*}", ids[-1])) - {"{n}"}  # a singular may spell out n
            for msgstr in strings:
                assert wanted <= set(re.findall(r"{\w*}", msgstr)), (area, message.id)
                assert set(re.findall(r"{\w*}", msgstr)) <= set(re.findall(r"{\w*}", " ".join(ids))), message.id


# -- compiled and shipped ---------------------------------------------------------
def key(message) -> str | tuple[str, ...]:
    return message.id if isinstance(message.id, str) else tuple(message.id)


def strings(message) -> str | tuple[str, ...]:
    return message.string if isinstance(message.string, str) else tuple(message.string)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_compiled_catalogs_match_their_sources(lang):
    tool = catalogs_tool()
    for area in tool.AREAS:
        source = po(lang, area)
        mo_path = tool.po_path(lang, area).with_suffix(".mo")
        with open(mo_path, "rb") as file:
            compiled = read_mo(file)
        have = {key(m): strings(m) for m in compiled if m.id}
        # a plural entry is always compiled, an empty form as the source form (so English plurals are real)
        want = {key(m): strings(m) for m in source if m.id and not m.fuzzy and (isinstance(key(m), tuple) or m.string)}
        for k, forms in want.items():
            if isinstance(k, tuple):
                want[k] = tuple(form or k[min(i, 1)] for i, form in enumerate(forms))
        assert have == want, f"{lang}/{area}.mo is stale: run python scripts/catalogs.py compile"
        assert mo_path.read_bytes() == tool.mo_bytes(source)


def test_catalogs_ship_inside_the_wheel():
    """``resources/`` goes into the wheel as workshop_app/resources, where paths.resources_dir() looks."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    include = pyproject["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    assert include.get("resources") == "workshop_app/resources"
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8")
    assert not re.search(r"^\*?\.?mo$|^\*\.mo|resources", ignored, re.M), "compiled catalogs must be committed"
    for lang in ("de", "en"):
        assert sorted(p.stem for p in (resources_dir() / "locale" / lang / "LC_MESSAGES").glob("*.mo")) == sorted(
            catalogs_tool().AREAS)


def test_a_damaged_catalog_costs_its_translations_not_the_start(tmp_path, monkeypatch):
    folder = tmp_path / "locale" / "de" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "ui.mo").write_bytes(b"not a catalog")
    monkeypatch.setattr(i18n, "resources_dir", lambda: tmp_path)
    translations.cache_clear()
    try:
        assert translations("de").gettext("Parking lot") == "Parking lot"
    finally:
        monkeypatch.undo()
        translations.cache_clear()
    assert translator("de")("Parking lot") == "Themenspeicher"


def test_the_check_notices_a_translation_with_wrong_placeholders():
    """argparse's %(…)s texts and our {…} ones: a typo in a translation would fail at run time."""
    from babel.messages.catalog import Catalog

    tool = catalogs_tool()
    catalog = Catalog(locale="de")
    catalog.add("%(prog)s: error: %(message)s\n", "%(prog)s: Fehler: %(mesage)s\n")
    catalog.add("by {date}", "bis")
    catalog.add(("{n} dot", "{n} dots"), ("ein Punkt", "{n} Punkte"))  # the count may be spelt out
    catalog.add("Delete “{title}”", "„{title}“ löschen")
    assert tool.placeholder_mismatches(catalog) == ["%(prog)s: error: %(message)s\n", "by {date}"]


def test_a_damaged_or_unknown_catalog_never_stops_the_start(tmp_path, monkeypatch):
    import shutil

    from workshop_app import i18n as module

    folder = tmp_path / "locale" / "de" / "LC_MESSAGES"
    shutil.copytree(ROOT / "resources" / "locale" / "de" / "LC_MESSAGES", folder)
    (folder / "ui.mo").write_bytes(b"\xde\x12\x04\x95" + b"\x00" * 20)  # truncated
    cli = (folder / "cli.mo").read_bytes()  # a header naming a charset Python does not know (same length)
    (folder / "cli.mo").write_bytes(cli.replace(b"charset=utf-8", b"charset=xxx-8"))
    (folder / "stale.mo").write_bytes((folder / "minutes.mo").read_bytes())
    monkeypatch.setattr(module, "resources_dir", lambda: tmp_path)
    module.translations.cache_clear()
    try:
        catalog = module.translations("de")
        assert catalog.gettext("Parking lot") == "Themenspeicher"  # the other areas still translate
    finally:
        module.translations.cache_clear()
