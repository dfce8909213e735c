"""What a conflict rule reports, and how its id is made.

A finding's id is the key of the workshop's ``Conflict`` record for it, so
votes, status and resolution survive re-analysis. It is therefore derived
only from the rule and the sorted ids of the elements that *define* the
finding (its key) — never from document order, titles or language.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from workshop_app.i18n import LANGUAGES, translations
from workshop_app.model import ElementBase

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


class Tr:
    """The translation function of one language, plus plurals and element names."""

    def __init__(self, lang: str):
        self.lang = lang if lang in LANGUAGES else "en"
        self._catalog = translations(self.lang)
        self.gettext: Callable[[str], str] = self._catalog.gettext

    def __call__(self, message: str, **values: object) -> str:
        text = self.gettext(message)
        return text.format(**values) if values else text

    def plural(self, singular: str, plural: str, n: int, **values: object) -> str:
        return self._catalog.ngettext(singular, plural, n).format(n=n, **values)

    def months(self, n: int) -> str:
        return self.plural("{n} month", "{n} months", n)

    def side(self, side: str) -> str:
        return {"marketing": self("Marketing"), "sales": self("Sales"), "joint": self("Joint")}.get(side, side)

    def name(self, element: ElementBase) -> str:
        """An element as the explanation names it: its quoted title (or id when untitled)."""
        return self("“{title}”", title=element.title.strip() or element.id)

    def names(self, elements: Iterable[ElementBase], limit: int = 5) -> str:
        """A readable list of quoted titles; long lists end with “and N more”."""
        items = list(elements)
        shown = ", ".join(self.name(el) for el in items[:limit])
        if len(items) > limit:
            return self("{items} and {n} more", items=shown, n=len(items) - limit)
        return shown
