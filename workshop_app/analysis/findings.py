"""What a conflict rule reports, and how its id is made.

A finding's id is the key of the workshop's ``Conflict`` record for it, so
votes, status and resolution survive re-analysis. It is therefore derived
only from the rule and the sorted ids of the elements that *define* the
finding (its key) — never from document order, titles or language.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field

#: The model's ``Id`` type allows 64 characters; longer ids are hashed.
MAX_ID = 64
#: Joins element ids inside a finding id. ``+`` would read better but is not
#: allowed by the model's id pattern ``^[A-Za-z0-9_.:-]+$``.
SEPARATOR = ":"


def finding_id(rule: str, key_ids: Iterable[str]) -> str:
    """``rule-<rule>:<id>:<id>…`` over the sorted ids, hashed when longer than 64 characters."""
    ids = sorted(set(key_ids))
    plain = f"rule-{rule}" + "".join(SEPARATOR + i for i in ids)
    if len(plain) <= MAX_ID:
        return plain
    digest = hashlib.sha256("\n".join(ids).encode("utf-8")).hexdigest()
    return f"rule-{rule}{SEPARATOR}{digest[: MAX_ID - len(rule) - 6]}"


@dataclass(frozen=True)
class Finding:
    """One conflict found in the graph: detected by a rule or declared by the room."""

    rule: str
    element_ids: tuple[str, ...]
    title: str
    explanation: str
    lever: str
    #: the ids that identify the finding; defaults to ``element_ids``
    key_ids: tuple[str, ...] | None = None
    link_id: str | None = None
    id: str = field(default="")

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", finding_id(self.rule, self.key_ids or self.element_ids))

    @property
    def declared(self) -> bool:
        return self.rule == "declared"

