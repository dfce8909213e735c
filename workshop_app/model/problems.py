"""A problem found in a document: where it is and what is wrong, in plain words."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    location: str  # e.g. "elements[3].horizon_months"; "" for the whole file
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}" if self.location else self.message


class ModelError(ValueError):
    """An operation would make the document inconsistent; nothing was changed."""
