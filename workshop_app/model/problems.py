"""A problem found in a document: where it is and what is wrong, in plain words.

The model imports nothing of ours, so it cannot translate. It writes its
messages in English and keeps, next to each, the template it filled in
(marked with :func:`N_` so the catalogs carry it) and the values; the layers
above hand a translate function to :meth:`Problem.translated` or
:meth:`ModelError.translated` and get the same sentence in the user's
language.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

Translate = Callable[[str], str]


def N_(message: str) -> str:
    """Mark a message template for the catalogs; it is translated where it is shown."""
    return message


def fill(translate: Translate, template: str, params: Mapping[str, Any], fallback: str) -> str:
    """``template`` translated and filled with ``params``; ``fallback`` if a translation does not fit."""
    if not template:
        return fallback
    text = translate(template)
    if not params:
        return text
    try:
        return text.format(**params)
    except Exception:  # a translation naming other placeholders ({x}, {id.x}, {0}): stay correct in English
        return fallback


@dataclass(frozen=True)
class Problem:
    location: str  # e.g. "elements[3].horizon_months"; "" for the whole file
    message: str
    #: the message before its values went in, and the values: what a catalog translates
    template: str = field(default="", compare=False)
    params: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @classmethod
    def of(cls, location: str, template: str, **params: Any) -> Problem:
        """A problem whose message is ``template`` filled with ``params`` (and translatable later)."""
        return cls(location, template.format(**params) if params else template, template, params)

    def translated(self, translate: Translate) -> Problem:
        """The same problem with its message in the language of ``translate``."""
        return Problem(self.location, fill(translate, self.template, self.params, self.message),
                       self.template, self.params)

    def __str__(self) -> str:
        return f"{self.location}: {self.message}" if self.location else self.message


class ModelError(ValueError):
    """An operation would make the document inconsistent; nothing was changed.

    ``ModelError(template, **values)`` for one reason; :meth:`of_problems` for several.
    """

    def __init__(self, template: str, **params: Any):
        self.problems = [Problem.of("", template, **params)]
        super().__init__(self.problems[0].message)

    @classmethod
    def of_problems(cls, problems: list[Problem]) -> ModelError:
        error = cls("; ".join(str(p) for p in problems))
        error.problems = list(problems)
        return error

    def translated(self, translate: Translate) -> str:
        """The reason(s) in the language of ``translate``."""
        return "; ".join(str(p.translated(translate)) for p in self.problems)
