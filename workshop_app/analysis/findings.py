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
from functools import cache

from workshop_app.i18n import LANGUAGES, translations
from workshop_app.locale_format import format_money, quote
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


@cache
def _memo_gettext(catalog: object) -> Callable[[str], str]:
    """``catalog.gettext`` remembered per message.

    The analysis asks for the same few dozen messages thousands of times per
    run (~7,000 on L), and a miss walks the whole fallback chain of catalogs:
    uncached that was a third of a conflicts-page refresh on L.
    """
    return cache(catalog.gettext)


class Tr:
    """The translation function of one language, plus plurals and element names."""

    def __init__(self, lang: str):
        self.lang = lang if lang in LANGUAGES else "en"
        self._catalog = translations(self.lang)
        self.gettext: Callable[[str], str] = _memo_gettext(self._catalog)

    def __call__(self, message: str, **values: object) -> str:
        text = self.gettext(message)
        return text.format(**values) if values else text

    def plural(self, singular: str, plural: str, n: int, **values: object) -> str:
        return self._catalog.ngettext(singular, plural, n).format(n=n, **values)

    def months(self, n: int) -> str:
        return self.plural("{n} month", "{n} months", n)

    def money(self, amount: float | None, currency: str) -> str:
        """An amount with its currency, written the language's way (``1.234 EUR`` / ``EUR 1,234``)."""
        return format_money(amount, currency, self.lang)

    def side(self, side: str) -> str:
        names = {"marketing": self.gettext("Marketing"), "sales": self.gettext("Sales"), "joint": self.gettext("Joint")}
        return names.get(side, side)

    def name(self, element: ElementBase) -> str:
        """An element as the explanation names it: its title (or id when untitled) in the language's quotes."""
        return quote(element.title.strip() or element.id, self.lang)

    def names(self, elements: Iterable[ElementBase], limit: int = 5) -> str:
        """A readable list of quoted titles; long lists end with “and N more”."""
        items = list(elements)
        shown = ", ".join(self.name(el) for el in items[:limit])
        if len(items) > limit:
            return self.plural("{items} and {n} more", "{items} and {n} more", len(items) - limit, items=shown)
        return shown
