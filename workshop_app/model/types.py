"""Constrained field types whose validation errors read as plain sentences.

Pydantic's default messages ("Input should be greater than or equal to 0")
are written for developers; the facilitator sees these instead when a file
is broken, so each type raises one error with the whole rule in it.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from pydantic import Field, ValidationError, WrapValidator
from pydantic_core import PydanticCustomError

from workshop_app.model.problems import N_


def _one_message(kind: str, message: str):
    def validate(value: Any, handler):
        if isinstance(value, bool):
            raise PydanticCustomError(kind, message)
        try:
            return handler(value)
        except ValidationError:
            raise PydanticCustomError(kind, message) from None

    return WrapValidator(validate)


NonNegInt = Annotated[
    int, Field(ge=0), _one_message("non_negative_int", N_("must be a whole number ≥ 0"))
]
NonNegFloat = Annotated[
    float, Field(ge=0, allow_inf_nan=False), _one_message("non_negative_number", N_("must be a number ≥ 0"))
]
Rating = Annotated[
    int, Field(ge=0, le=5), _one_message("rating", N_("must be a whole number from 0 to 5"))
]
Day = Annotated[date, _one_message("date", N_("must be a date written YYYY-MM-DD"))]
Id = Annotated[
    str,
    Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.:-]+$"),
    _one_message("id", N_("must be an id of 1 to 64 letters, digits, '-', '_', '.' or ':'")),
]
