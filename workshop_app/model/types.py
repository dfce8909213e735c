"""Constrained field types whose validation errors read as plain sentences.

Pydantic's default messages ("Input should be greater than or equal to 0")
are written for developers; the facilitator sees these instead when a file
is broken, so each type raises one error with the whole rule in it.

Every field of the model uses one of these types, so the bounds below hold
for a loaded file and for every later assignment alike (the records validate
assignments). The bounds are far beyond any real workshop; they exist so a
damaged or hostile file is refused with a clear sentence instead of breaking
a view, a picture or the minutes later (docs/file-format.md lists them).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any

from pydantic import AfterValidator, Field, ValidationError, WrapValidator
from pydantic_core import PydanticCustomError

from workshop_app.model.problems import N_

#: Months of a horizon or period: at most 100 years.
MAX_MONTHS = 1200
#: Weeks of the pilot's duration: at most 100 years.
MAX_WEEKS = 5200
#: Minutes of a phase's timebox or actual time: at most one week.
MAX_MINUTES = 7 * 24 * 60
#: Dots per participant, votes of one participant, a conflict's tally.
MAX_DOTS = 1_000_000
#: A budget or pilot amount (in its currency): a million billion.
MAX_AMOUNT = 10**15
#: A dragged graph position, in node slots (layout units) from the origin.
MAX_COORDINATE = 100_000
#: The largest threshold ratio a workshop may set.
MAX_RATIO = 100
#: Characters of a name, title or other one-line text.
MAX_SHORT_TEXT = 10_000
#: Characters of a free text (notes, how, explanation, resolution, …).
MAX_LONG_TEXT = 1_000_000

#: The sentence of each error type raised here, before its values went in; the store
#: translates these (they are marked for the catalogs) and fills in the error's context.
MESSAGES: dict[str, str] = {
    "whole_months": N_("must be a whole number of months from 0 to {max}"),
    "whole_weeks": N_("must be a whole number of weeks from 0 to {max}"),
    "whole_minutes": N_("must be a whole number of minutes from 0 to {max}"),
    "dots": N_("must be a whole number of dots from 0 to {max}"),
    "amount": N_("must be a number from 0 to {max}"),
    "coordinate": N_("must be a number from -{max} to {max}"),
    "rating": N_("must be a whole number from 0 to 5"),
    "score": N_("must be a whole number from 1 to 5 (empty for don't know)"),
    "response_side": N_("must be marketing or sales"),
    "tally_counts": N_("must hold six counts: scores 1 to 5 and don't know"),
    "percent": N_("must be a whole number of percent from 0 to {max}"),
    "ratio": N_("must be a whole number from 1 to {max}"),
    "date": N_("must be a date written YYYY-MM-DD"),
    "id": N_("must be an id of 1 to 64 letters, digits, '-', '_', '.' or ':'"),
    "text_too_long": N_("is too long (at most {n} characters)"),
    "text_broken": N_("holds a broken character (an unpaired UTF-16 surrogate at position {position}), "
                      "probably from a damaged copy and paste"),
}


def _one_message(kind: str, **context: Any):
    """Validate with the handler; any refusal becomes the one sentence of ``kind``."""
    message = MESSAGES[kind]

    def validate(value: Any, handler):
        if isinstance(value, bool):
            raise PydanticCustomError(kind, message, context)
        try:
            return handler(value)
        except ValidationError:
            raise PydanticCustomError(kind, message, context) from None

    return WrapValidator(validate)


def _whole(kind: str, high: int):
    return Annotated[int, Field(ge=0, le=high), _one_message(kind, max=high)]


Months = _whole("whole_months", MAX_MONTHS)
Weeks = _whole("whole_weeks", MAX_WEEKS)
Minutes = _whole("whole_minutes", MAX_MINUTES)
Dots = _whole("dots", MAX_DOTS)
Amount = Annotated[
    float, Field(ge=0, le=MAX_AMOUNT, allow_inf_nan=False), _one_message("amount", max=MAX_AMOUNT)
]
Coordinate = Annotated[
    float,
    Field(ge=-MAX_COORDINATE, le=MAX_COORDINATE, allow_inf_nan=False),
    _one_message("coordinate", max=MAX_COORDINATE),
]
Rating = Annotated[int, Field(ge=0, le=5), _one_message("rating")]
#: An alignment-check score: 1 (strongly disagree) … 5 (strongly agree).
Score = Annotated[int, Field(ge=1, le=5), _one_message("score")]
#: A share in whole percent (an analysis threshold).
Percent = _whole("percent", 100)
#: How many times one span fits into another (an analysis threshold); 0 would make every pair a finding.
Ratio = Annotated[int, Field(ge=1, le=MAX_RATIO), _one_message("ratio", max=MAX_RATIO)]
Day = Annotated[date, _one_message("date")]
Id = Annotated[
    str,
    Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.:-]+$"),
    _one_message("id"),
]


def text_problem(value: str, max_length: int) -> PydanticCustomError | None:
    """Why ``value`` cannot be stored as a text of at most ``max_length`` characters, or None.

    A lone UTF-16 surrogate (JSON allows ``"\\ud800"``) is no character at all:
    it cannot be written as UTF-8, so a document holding one could be neither
    saved nor recovered.
    """
    if len(value) > max_length:
        return PydanticCustomError("text_too_long", MESSAGES["text_too_long"], {"n": max_length})
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            return PydanticCustomError("text_broken", MESSAGES["text_broken"], {"position": exc.start + 1})
    return None


@dataclass(frozen=True)
class TextCap:
    """Marks a text field and says how many characters it holds (read by :func:`text_cap`)."""

    max_length: int


def text_cap(field_info) -> int | None:
    """The character cap of a model field if it is a text field (ShortText, LongText), else None."""
    for meta in field_info.metadata:
        if isinstance(meta, TextCap):
            return meta.max_length
    return None


def _text(max_length: int):
    def check(value: str) -> str:
        problem = text_problem(value, max_length)
        if problem is not None:
            raise problem
        return value

    return Annotated[str, AfterValidator(check), TextCap(max_length)]


#: A name, title, unit, currency or other one-line text.
ShortText = _text(MAX_SHORT_TEXT)
#: A free text of several lines: notes, how, explanation, resolution, hypothesis, ….
LongText = _text(MAX_LONG_TEXT)
