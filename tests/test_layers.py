"""The floor plan of DESIGN §4: only ``ui`` may import Qt; heavy libraries load lazily."""

import ast
import subprocess
import sys
from pathlib import Path

import workshop_app

PACKAGE = Path(workshop_app.__file__).parent
QT_FREE = ("model", "store", "analysis", "export", "room")
#: what each layer may import from the project (DESIGN §4)
ALLOWED = {
    "model": {"model"},
    "store": {"model", "store", "i18n", "paths", "atomic", "locale_format", "vocabulary"},
    "analysis": {"model", "analysis", "i18n", "paths", "locale_format", "vocabulary"},
    "export": {"model", "analysis", "export", "i18n", "paths", "atomic", "palette", "locale_format", "vocabulary"},
    "room": {"model", "store", "room", "i18n", "paths", "atomic", "locale_format", "vocabulary"},
}
#: The product's one vocabulary sits on the model and below everything else.
VOCABULARY_MAY_IMPORT = {"model", "i18n", "locale_format"}


def run_python(code: str) -> str:
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_lower_layers_import_without_pyside6():
    code = f"""
import importlib, pkgutil, sys
import workshop_app
for layer in {QT_FREE!r}:
    pkg = importlib.import_module("workshop_app." + layer)
    for info in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."):
        importlib.import_module(info.name)
print(sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6")))
"""
    assert run_python(code) == "[]"


def test_headless_cli_loads_no_qt_nor_heavy_libraries():
    code = """
import sys
from workshop_app import cli
import workshop_app.store, workshop_app.model
heavy = ("PySide6", "matplotlib", "reportlab", "networkx")
print(sorted({m.split(".")[0] for m in sys.modules if m.split(".")[0] in heavy}))
"""
    assert run_python(code) == "[]"


def _project_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module == "workshop_app":
            names = [f"workshop_app.{a.name}" for a in node.names]  # from workshop_app import palette
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        for name in names:
            parts = name.split(".")
            if parts[0] == "workshop_app" and len(parts) > 1:
                found.add(parts[1])
            if parts[0] in ("PySide6", "shiboken6"):
                found.add("PySide6")
    return found


def test_no_layer_imports_upwards():
    offences = []
    for layer, allowed in ALLOWED.items():
        for path in (PACKAGE / layer).rglob("*.py"):
            # i18n, paths, atomic, palette, locale_format and vocabulary are leaves the layers above the model may use
            bad = _project_imports(path) - allowed
            if bad:
                offences.append(f"{path.relative_to(PACKAGE)} imports {sorted(bad)}")
    assert offences == []


def test_the_vocabulary_stands_on_the_model_alone():
    assert _project_imports(PACKAGE / "vocabulary.py") <= VOCABULARY_MAY_IMPORT


def _runtime_imports(path: Path) -> set[str]:
    """Modules ``path`` imports when it runs (imports under ``if TYPE_CHECKING:`` left out)."""
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            return
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    return found


def test_the_ui_rooms_keep_their_floor_plan():
    """The projector imports no editor page and nothing of the window; widgets and graph import neither."""
    rules = {"projector": ("workshop_app.ui.pages", "workshop_app.ui.window"),
             "widgets": ("workshop_app.ui.pages", "workshop_app.ui.window", "workshop_app.ui.projector"),
             "graph": ("workshop_app.ui.pages", "workshop_app.ui.window", "workshop_app.ui.projector")}
    offences = []
    for room, forbidden in rules.items():
        for path in (PACKAGE / "ui" / room).rglob("*.py"):
            bad = sorted(m for m in _runtime_imports(path) if m.startswith(forbidden))
            if bad:
                offences.append(f"{path.relative_to(PACKAGE)} imports {bad}")
    assert offences == []
