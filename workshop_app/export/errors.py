"""The one error an export raises when it cannot finish: a plain sentence naming the field.

Qt-free, so the command line and the UI can both show ``str(error)``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from workshop_app.export.safe_text import clean, shorten
from workshop_app.i18n import _


class ExportError(Exception):
    """The minutes or a picture could not be made; ``field`` names the text that caused it ("" if unknown)."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


def layout_failed(doc: Any, flowable_text: str) -> ExportError:
    """The error for a page layout that failed on a flowable showing ``flowable_text``."""
    field = find_field(doc, flowable_text)
    if field:
        return ExportError(_("The minutes could not be laid out: the text of {field} does not fit on a page. "
                             "Shorten it and export again.").format(field=field), field)
    return ExportError(_("The minutes could not be laid out: a text does not fit on a page. "
                         "Shorten long texts and export again."))


def _texts(obj: Any, where: str) -> Iterator[tuple[str, str]]:
    if isinstance(obj, BaseModel):
        label = getattr(obj, "title", "") or getattr(obj, "name", "") or getattr(obj, "id", "")
        here = f"{where} “{shorten(clean(label), 40)}”" if label and where else where
        for name in type(obj).model_fields:
            value = getattr(obj, name)
            if isinstance(value, str):
                yield f"{here} › {name.replace('_', ' ')}".strip(" ›"), value
            elif isinstance(value, (BaseModel, list)):
                yield from _texts(value, here if isinstance(value, list) else f"{here} › {name}".strip(" ›"))
    elif isinstance(obj, list):
        for item in obj:
            yield from _texts(item, getattr(item, "kind", type(item).__name__.lower()))


def find_field(doc: Any, shown: str) -> str:
    """Where the longest user text that ``shown`` contains (by its first words) lives: ``goal “Brand” › how``."""
    squashed = "".join(clean(shown).split())
    best, best_len = "", 0
    for where, value in _texts(doc, ""):
        key = "".join(clean(value[:400]).split())[:80]
        if len(key) >= 3 and len(value) > best_len and key in squashed:
            best, best_len = where, len(value)
    return best


def write_failed(path: Any, exc: OSError) -> ExportError:
    """The error for a file that could not be written (full disk, no permission, a folder in the way)."""
    reason = exc.strerror or str(exc) or type(exc).__name__
    return ExportError(_("{path} could not be written: {reason}. Nothing was changed there.").format(
        path=path, reason=reason))
