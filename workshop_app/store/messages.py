"""Turn pydantic's validation errors into plain problems with a location.

``elements[3].horizon_months: must be a whole number ≥ 0`` is what the
facilitator (or whoever edited the file) needs; pydantic's internals such as
the union tag in the location are removed.
"""

from __future__ import annotations

from pydantic import ValidationError

from workshop_app.model.enums import ElementKind
from workshop_app.model.problems import Problem

_PLAIN = {
    "missing": "is required",
    "extra_forbidden": "is not a known field",
    "string_type": "must be text",
    "bool_type": "must be true or false",
    "bool_parsing": "must be true or false",
    "list_type": "must be a list",
    "dict_type": "must be an object",
    "model_type": "must be an object",
    "model_attributes_type": "must be an object",
    "float_type": "must be a number",
    "float_parsing": "must be a number",
    "finite_number": "must be a finite number",
    "int_type": "must be a whole number",
    "int_parsing": "must be a whole number",
    "union_tag_not_found": "needs a 'kind'",
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


def message_for(error: dict) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind == "enum":
        return f"must be one of: {ctx.get('expected', '')}".replace("'", "")
    if kind == "literal_error":
        return f"must be {ctx.get('expected', '')}"
    if kind == "union_tag_invalid":
        expected = str(ctx.get("expected_tags", "")).replace("'", "")
        return f"unknown kind '{ctx.get('tag')}'; expected one of: {expected}"
    if kind in ("string_too_long",):
        return f"is too long (at most {ctx.get('max_length')} characters)"
    if kind in _PLAIN:
        return _PLAIN[kind]
    if error.get("type", "").startswith(("non_negative", "rating", "date", "id")):
        return error["msg"]
    return error["msg"][:1].lower() + error["msg"][1:]


def problems_from(exc: ValidationError, prefix: str = "") -> list[Problem]:
    problems = []
    for error in exc.errors(include_url=False):
        loc = location_text(tuple(error["loc"]))
        if prefix:
            loc = f"{prefix}.{loc}" if loc else prefix
        problems.append(Problem(loc, message_for(error)))
    return problems
