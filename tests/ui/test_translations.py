"""Every user-visible string of the UI has a German translation.

The UI's strings live in several catalogs (ui.po, safekeeping.po, …), merged
on load; tests/test_i18n.py checks every module of the package against the
merged catalog, this file checks the UI with its ngettext forms too.
"""

from __future__ import annotations

import ast
from pathlib import Path

from workshop_app.i18n import _parse_po
from workshop_app.paths import resources_dir

UI = Path(__file__).resolve().parents[2] / "workshop_app" / "ui"
OTHERS = {"graph_canvas.py"}  # another issue's module with its own catalog


def ui_messages() -> dict[str, str]:
    """msgid → 'file:line' for every _(…), N_(…) and ngettext(…) literal in workshop_app/ui."""
    found: dict[str, str] = {}
    for path in sorted(UI.rglob("*.py")):
        if path.name in OTHERS:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "N_", "ngettext"):
                for arg in node.args[: 2 if node.func.id == "ngettext" else 1]:
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                        found.setdefault(arg.value, f"{path.relative_to(UI)}:{node.lineno}")
    return found


def catalog() -> dict[str, str]:
    merged: dict[str, str] = {}
    for po in sorted((resources_dir() / "locale" / "de" / "LC_MESSAGES").glob("*.po")):
        merged.update(_parse_po(po.read_text(encoding="utf-8")))
    return merged


def test_every_ui_string_has_a_german_translation():
    german = catalog()
    missing = {m: where for m, where in ui_messages().items() if not german.get(m)}
    assert not missing, f"add German translations (ui.po or the module's own catalog) for: {missing}"


def test_placeholders_survive_translation():
    import re

    german = catalog()
    for msgid, msgstr in german.items():
        if msgid and msgstr:
            assert set(re.findall(r"{\w*}", msgid)) == set(re.findall(r"{\w*}", msgstr)), msgid
