"""Keep Tandem's gettext catalogs in step with the code: extract, update, compile, check.

Usage (from the checkout, with the ``test`` extra installed, which brings Babel)::

    python scripts/catalogs.py update    # extract with Babel, write the .pot files, update de and en .po
    python scripts/catalogs.py compile   # compile every .po into the .mo the app reads at run time
    python scripts/catalogs.py check     # exit 1 when a catalog is stale, untranslated or not compiled
    python scripts/catalogs.py missing   # print the untranslated German messages as JSON {msgid: ""}
    python scripts/catalogs.py fill F.json  # enter translations from {msgid: msgstr} (plurals: a list)

Why a script and not the runtime: Babel is a development/test dependency
only. The app reads the compiled ``.mo`` files with the standard library's
``gettext`` (workshop_app/i18n.py), so an installed Tandem needs neither
Babel nor a compile step.

The catalogs are split into areas (ui, presentation, safekeeping, minutes,
analysis, cli), one gettext domain each, so translators of one part of the
app do not wade through the others; the app merges them on load. Which area a
message belongs to follows from the file it is used in (:func:`area_of`); a
message used in two areas is in both. ``update`` keeps every existing
translation, also when a message moves to another area (the translations of
all areas of a language serve as translation memory), and drops messages the
code no longer uses. English is the source language: the ``en`` catalogs
carry no translations (empty ``msgstr``), which gettext answers with the
English source text and English plural rules.
"""

from __future__ import annotations

import copy
import io
import re
import sys
from collections.abc import Iterable
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from workshop_app.atomic import atomic_write_bytes
from workshop_app.i18n import AREAS

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "resources" / "locale"
LANGUAGES = ("de", "en")
#: the translation functions, as for ``pybabel extract -k``; see babel.cfg
KEYWORDS: dict[str, tuple[int, ...] | None] = {
    "_": None,
    "N_": None,
    "ngettext": (1, 2),
    "tr": None,
    "lang": None,
    "gettext": None,
    "plural": (1, 2),
}
HEADERS = {
    "ui": "the Tandem user interface (workshop_app/ui)",
    "presentation": "presentation mode, the audience window, dot voting and reveal (workshop_app/ui)",
    "safekeeping": "recovery, locks and safe saving (workshop_app/store, ui/window/safekeeping.py, questions.py)",
    "minutes": "the PDF minutes (workshop_app/export)",
    "analysis": "the conflict analysis, the graph picture and the horizon chart",
    "cli": "the tandem command line",
}
_PRESENTATION = ("presentation.py", "reveal.py", "voting.py", "stage.py")


def area_of(path: str) -> str:
    """The catalog area of a source file (path relative to the checkout, with ``/``)."""
    name = path.rsplit("/", 1)[-1]
    if path in ("workshop_app/cli.py", "workshop_app/__main__.py", "workshop_app/ui/app.py"):
        return "cli"
    if path.startswith("workshop_app/store/") or path in ("workshop_app/ui/window/safekeeping.py",
                                                             "workshop_app/ui/window/questions.py"):
        return "safekeeping"
    if path.startswith("workshop_app/analysis/") or name in ("graph_canvas.py", "audience_graph.py") or (
        path.startswith("workshop_app/export/") and (name.startswith("graph_") or name == "horizon_chart.py")
    ):
        return "analysis"
    if path.startswith("workshop_app/export/"):
        return "minutes"
    if path.startswith("workshop_app/ui/") and (
        name in _PRESENTATION or name.startswith(("present_", "audience"))
    ):
        return "presentation"
    return "ui"


def _method_map() -> tuple[list[tuple[str, str]], dict[str, dict[str, str]]]:
    with open(ROOT / "babel.cfg", encoding="utf-8") as cfg:
        return parse_mapping_cfg(cfg, str(ROOT / "babel.cfg"))


def extract() -> dict[str, Catalog]:
    """One template catalog per area, extracted with Babel from every Python file of the package."""
    method_map, options_map = _method_map()
    templates = {area: Catalog(project="Tandem", charset="utf-8", fuzzy=False, msgid_bugs_address="")
                 for area in AREAS}
    found = extract_from_dir(str(ROOT), method_map, options_map, keywords=KEYWORDS)
    for filename, lineno, message, comments, context in found:
        path = Path(filename).as_posix()
        templates[area_of(path)].add(message, None, [(path, lineno)], auto_comments=comments, context=context)
    return templates


def po_path(lang: str, area: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / f"{area}.po"


def read(path: Path, lang: str | None = None) -> Catalog:
    with open(path, "rb") as file:
        return read_po(file, locale=lang, domain=path.stem)


def memory(lang: str) -> dict[str, str]:
    """Every translated form of every area of ``lang``: msgid (singular or plural form) → translation."""
    known: dict[str, str] = {}
    for area in AREAS:
        path = po_path(lang, area)
        if not path.is_file():
            continue
        for message in read(path, lang):
            if not message.id or message.fuzzy:
                continue
            ids = message.id if isinstance(message.id, tuple | list) else (message.id,)
            strings = message.string if isinstance(message.string, tuple | list) else (message.string,)
            for msgid, msgstr in zip(ids, strings, strict=False):
                if msgstr:
                    known.setdefault(msgid, msgstr)
    return known


def _fill(message: Message, known: dict[str, str]) -> None:
    if isinstance(message.id, tuple | list):
        if not all(message.string or ()):
            forms = [known.get(message.id[0], ""), known.get(message.id[1], "")]
            message.string = tuple(forms) if all(forms) else ("", "")
    elif not message.string:
        message.string = known.get(message.id, "")


def updated(lang: str, area: str, template: Catalog, known: dict[str, str]) -> Catalog:
    """The ``lang`` catalog of ``area`` brought in line with ``template``; translations are kept."""
    path = po_path(lang, area)
    catalog = read(path, lang) if path.is_file() else Catalog(locale=lang, domain=area, charset="utf-8", fuzzy=False)
    if not path.is_file() or not catalog.header_comment.startswith("# "):
        language = {"de": "German", "en": "English"}[lang]
        catalog.header_comment = (f"# {language} messages of {HEADERS[area]}.\n"
                                  "# Source language: English. Glossary: DESIGN §1. "
                                  "Maintained with scripts/catalogs.py (Babel).")
    # a copy: Babel adopts the template's Message objects, and filling them would leak into the next language
    catalog.update(copy.deepcopy(template), no_fuzzy_matching=True, update_creation_date=False)
    catalog.obsolete.clear()
    catalog.fuzzy = False
    catalog.project, catalog.version = "Tandem", ""
    catalog.msgid_bugs_address = ""
    catalog.last_translator = "Tandem maintainers"
    catalog.language_team = {"de": "German", "en": "English"}[lang]
    for message in catalog:
        if message.id:
            message.flags.discard("fuzzy")
            if lang != "en":
                _fill(message, known)
    return catalog


def _po_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=100, include_lineno=False, omit_header=False)
    return out.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def _significant(data: bytes) -> bytes:
    """The file without its creation-date header, which alone is no change worth a write."""
    return b"\n".join(line for line in data.split(b"\n") if not line.startswith(b'"POT-Creation-Date:'))


def _write(path: Path, data: bytes) -> bool:
    if path.is_file() and _significant(path.read_bytes()) == _significant(data):
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(path, data)  # an interrupted compile must not leave half a catalog behind
    return True


def update() -> list[Path]:
    """Extract, write ``<area>.pot``, update every ``.po``; returns the files that changed."""
    changed = []
    templates = extract()
    for area, template in templates.items():
        pot = LOCALE / f"{area}.pot"
        if _write(pot, _po_bytes(template)):
            changed.append(pot)
    for lang in LANGUAGES:
        known = memory(lang)
        for area, template in templates.items():
            path = po_path(lang, area)
            if _write(path, _po_bytes(updated(lang, area, template, known))):
                changed.append(path)
    return changed


def compile_all() -> list[Path]:
    """Compile every ``.po`` into its ``.mo``; returns the files that changed."""
    changed = []
    for lang in LANGUAGES:
        for area in AREAS:
            path = po_path(lang, area)
            if _write(path.with_suffix(".mo"), mo_bytes(read(path, lang))):
                changed.append(path.with_suffix(".mo"))
    return changed


def untranslated(catalog: Catalog) -> list[str]:
    """msgids without a (complete, non-fuzzy) translation."""
    missing = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple | list) else (message.string,)
        if message.fuzzy or not all(strings):
            missing.append(message.id if isinstance(message.id, str) else message.id[0])
    return missing


#: ``{name}`` (str.format) and ``%(name)s`` / ``%s`` (printf, argparse's texts) placeholders
_PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\([a-z_]+\)[a-z]|%[a-z]")


def placeholders(text: str) -> list[str]:
    return sorted(_PLACEHOLDER.findall(text.replace("{{", "").replace("}}", "")))


def placeholder_mismatches(catalog: Catalog) -> list[str]:
    """msgids whose translation names a placeholder the code does not fill (it would fail at run time)
    or leaves one out (a value would go missing; only the count ``{n}`` may be spelt out, "einen")."""
    bad = []
    for message in catalog:
        if not message.id or not message.string:
            continue
        ids = message.id if isinstance(message.id, tuple | list) else (message.id,)
        strings = message.string if isinstance(message.string, tuple | list) else (message.string,)
        allowed = set().union(*(placeholders(i) for i in ids))
        for text in strings:
            got = set(placeholders(text))
            if text and (not got <= allowed or (allowed - {"{n}"}) - got):
                bad.append(ids[0])
                break
    return bad


def translated_ids(catalog: Catalog) -> list[str]:
    return [m.id if isinstance(m.id, str) else m.id[0] for m in catalog
            if m.id and any(m.string if isinstance(m.string, tuple | list) else (m.string,))]


def msgids(catalog: Catalog) -> set[str | tuple[str, ...]]:
    return {m.id if isinstance(m.id, str) else tuple(m.id) for m in catalog if m.id}


def problems() -> list[str]:
    """Everything ``check`` complains about, one line each (empty: all in order)."""
    found: list[str] = []
    templates = extract()
    for lang in LANGUAGES:
        for area, template in templates.items():
            path = po_path(lang, area)
            if not path.is_file():
                found.append(f"{path}: missing")
                continue
            catalog = read(path, lang)
            wanted, have = msgids(template), msgids(catalog)
            found += [f"{path}: not in the catalog: {m!r}" for m in _sorted(wanted - have)]
            found += [f"{path}: no longer used: {m!r}" for m in _sorted(have - wanted)]
            if lang != "en":
                found += [f"{path}: no translation: {m!r}" for m in untranslated(catalog)]
                found += [f"{path}: placeholders differ: {m!r}" for m in placeholder_mismatches(catalog)]
            else:  # the source language: a stray translation would replace the English text
                found += [f"{path}: English needs no translation: {m!r}" for m in translated_ids(catalog)]
            mo = path.with_suffix(".mo")
            if not mo.is_file() or mo.read_bytes() != mo_bytes(catalog):
                found.append(f"{mo}: not compiled from the current .po (run: python scripts/catalogs.py compile)")
    return found


def missing() -> dict[str, str | list[str]]:
    """Every untranslated German message, msgid → "" (a plural's msgid → ["", ""]), for a translator."""
    found: dict[str, str | list[str]] = {}
    for area in AREAS:
        path = po_path("de", area)
        if not path.is_file():
            continue
        for message in read(path, "de"):
            if not message.id:
                continue
            strings = message.string if isinstance(message.string, tuple | list) else (message.string,)
            if all(strings):
                continue
            key = message.id if isinstance(message.id, str) else message.id[0]
            found[key] = ["", ""] if isinstance(message.id, tuple | list) else ""
    return found


def fill(translations: dict[str, str | list[str]]) -> list[Path]:
    """Enter German translations (keyed by msgid, a plural by its singular) into every area that uses them."""
    written = []
    for area in AREAS:
        path = po_path("de", area)
        if not path.is_file():
            continue
        catalog = read(path, "de")
        changed = False
        for message in catalog:
            if not message.id:
                continue
            key = message.id if isinstance(message.id, str) else message.id[0]
            text = translations.get(key)
            if not text:
                continue
            message.string = tuple(text) if isinstance(text, list) else text
            changed = True
        if changed and _write(path, _po_bytes(catalog)):
            written.append(path)
    return written


def _sorted(items: Iterable[str | tuple[str, ...]]) -> list[str | tuple[str, ...]]:
    return sorted(items, key=str)


def main(argv: list[str]) -> int:
    command = argv[0] if argv else ""
    if command == "update":
        for path in update():
            print(f"updated {path.relative_to(ROOT)}")
        return 0
    if command == "compile":
        for path in compile_all():
            print(f"compiled {path.relative_to(ROOT)}")
        return 0
    if command == "missing":
        import json

        print(json.dumps(missing(), ensure_ascii=False, indent=2))
        return 0
    if command == "fill" and len(argv) == 2:
        import json

        for path in fill(json.loads(Path(argv[1]).read_text(encoding="utf-8"))):
            print(f"filled {path.relative_to(ROOT)}")
        return 0
    if command == "check":
        found = problems()
        for line in found:
            print(line)
        return 1 if found else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
