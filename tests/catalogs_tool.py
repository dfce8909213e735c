"""scripts/catalogs.py for the tests, loaded by path (a development script, not part of the package)."""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


@cache
def catalogs_tool() -> ModuleType:
    """The module, loaded once: the tests extract, read and check catalogs exactly as it does."""
    spec = importlib.util.spec_from_file_location("tandem_catalogs", ROOT / "scripts" / "catalogs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
