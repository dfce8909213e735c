"""Turn pydantic's validation errors into plain problems with a location.

``elements[3].horizon_months: must be a whole number ≥ 0`` is what the
facilitator (or whoever edited the file) needs; pydantic's internals such as
the union tag in the location are removed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from workshop_app.i18n import N_, _, current_language
from workshop_app.locale_format import format_number
from workshop_app.model.enums import ElementKind
from workshop_app.model.problems import Problem, fill
from workshop_app.model.types import MESSAGES

#: The verdict on a file that is no workshop at all (another program's JSON, a text, a picture);
#: the problems after it say what the file holds instead.
NOT_A_WORKSHOP = N_("this is not a Tandem workshop file")

_PLAIN = {
    "missing": N_("is required"),
    "extra_forbidden": N_("is not a known field"),
    "string_type": N_("must be text"),
    "bool_type": N_("must be true or false"),
    "bool_parsing": N_("must be true or false"),
    "list_type": N_("must be a list"),
    "dict_type": N_("must be an object"),
    "model_type": N_("must be an object"),
    "model_attributes_type": N_("must be an object"),
    "float_type": N_("must be a number"),
    "float_parsing": N_("must be a number"),
    "finite_number": N_("must be a finite number"),
    "int_type": N_("must be a whole number"),
    "int_parsing": N_("must be a whole number"),
    "union_tag_not_found": N_("needs a 'kind'"),
    "string_unicode": N_("holds a broken character (an unpaired UTF-16 surrogate), "
                         "probably from a damaged copy and paste"),
}


def location_text(loc: tuple) -> str:
    parts: list[str] = []
    for i, part in enumerate(loc):
        if isinstance(part, int):
            parts.append(f"[{part}]")
            continue
        # a discriminated union adds the tag ("goal") after the index
        if i >= 2 and loc[i - 2] == "elements" and isinstance(loc[i - 1], int) and part in ElementKind.__members__.values():
            continue
        parts.append(f".{part}" if parts else str(part))
    return "".join(parts)


def message_for(error: Mapping[str, Any]) -> str:
    """One pydantic error as a plain sentence in the UI language (pydantic's own words as a last resort)."""
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind == "enum":
        return _("must be one of: {values}").format(values=str(ctx.get("expected", "")).replace("'", ""))
    if kind == "literal_error":
        return _("must be {value}").format(value=ctx.get("expected", ""))
    if kind == "union_tag_invalid":
        expected = str(ctx.get("expected_tags", "")).replace("'", "")
        return _("unknown kind '{kind}'; expected one of: {kinds}").format(kind=ctx.get("tag"), kinds=expected)
    if kind in ("string_too_long",):
        return _("is too long (at most {n} characters)").format(n=_number(ctx.get("max_length")))
    if kind in _PLAIN:
        return _(_PLAIN[kind])
    if kind in MESSAGES:  # the model's own sentences (model/types.py), marked for the catalogs there
        return fill(_, MESSAGES[kind], {k: _number(v) for k, v in ctx.items()}, error["msg"])
    return error["msg"][:1].lower() + error["msg"][1:]


def _number(value):
    """A bound in a message as the UI language writes numbers (1,200 / 1.200); other values as they are."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return format_number(value, current_language())
    return value


def problems_from(exc: ValidationError, prefix: str = "") -> list[Problem]:
    problems = []
    for error in exc.errors(include_url=False):
        loc = location_text(tuple(error["loc"]))
        if prefix:
            loc = f"{prefix}.{loc}" if loc else prefix
        problems.append(Problem(loc, message_for(error)))
    return problems
