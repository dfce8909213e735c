"""Text for the minutes: user text made safe for Paragraph markup, labels, dates, numbers.

User text is data, never markup: :func:`esc` escapes ``<``, ``>`` and ``&``,
turns line breaks into ``<br/>`` and removes what the XML parser of reportlab
would choke on (control characters, non-characters, lone surrogates; see
:mod:`workshop_app.export.safe_text`). Nothing here imports reportlab.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from xml.sax.saxutils import escape

from workshop_app.export.safe_text import clean
from workshop_app.i18n import N_, translations
from workshop_app.locale_format import format_date, format_money, format_number, quote

_NEWLINE = re.compile(r"\r\n|\r|\n|\u2028|\u2029")

SIDE_LABELS = {"marketing": N_("Marketing"), "sales": N_("Sales"), "joint": N_("Joint")}
LEVEL_LABELS = {"shared": N_("Shared goal"), "department": N_("Department goal"), "team": N_("Team goal")}
CONFLICT_STATUS_LABELS = {
    "open": N_("open"),
    "resolved": N_("resolved"),
    "balanced": N_("balanced"),
    "accepted": N_("accepted"),
    "parked": N_("parked"),
}
ACTION_STATUS_LABELS = {"open": N_("open"), "in_progress": N_("in progress"), "done": N_("done")}
INCENTIVE_TYPE_LABELS = {
    "commission": N_("Commission"),
    "bonus": N_("Bonus"),
    "target_agreement": N_("Target agreement"),
}
PHASE_LABELS = {
    "setup": N_("Setup"),
    "inventory": N_("Inventory"),
    "goals": N_("Goal drafting"),
    "conflicts": N_("Conflicts"),
    "communication": N_("Communication"),
    "culture_pilot": N_("Culture & pilot"),
    "wrapup": N_("Wrap-up"),
}
KIND_LABELS = {
    "strategy": N_("Company strategy"),
    "goal": N_("Goal"),
    "incentive": N_("Incentive"),
    "budget": N_("Budget"),
    "channel": N_("Channel"),
    "insight": N_("Customer insight"),
    "belief": N_("Belief"),
}


def esc(text: object) -> str:
    """User text as Paragraph markup that prints literally; line breaks become ``<br/>``."""
    return _NEWLINE.sub("<br/>", escape(clean(text).strip("\r\n")))


@dataclass(frozen=True)
class Lang:
    """Everything language-specific for one export: translation and formatting."""

    code: str
    gettext: Callable[[str], str]

    @classmethod
    def of(cls, code: str) -> Lang:
        code = code if code in ("de", "en") else "en"
        return cls(code, translations(code).gettext)

    def __call__(self, message: str) -> str:
        return self.gettext(message)

    def plural(self, singular: str, plural: str, n: int, **values: object) -> str:
        """The catalog's plural form for ``n``, formatted with ``n`` and ``values``."""
        return translations(self.code).ngettext(singular, plural, n).format(n=n, **values)

    def label(self, table: dict[str, str], value: object) -> str:
        key = getattr(value, "value", value)
        return self.gettext(table[key]) if key in table else clean(key)

    def date(self, day: date | None) -> str:
        """``26.11.2026`` / ``26 November 2026`` (workshop_app/locale_format.py)."""
        return format_date(day, self.code)

    def number(self, value: float | None) -> str:
        """``1.234,5`` / ``1,234.5``."""
        return format_number(value, self.code)

    def money(self, amount: float | None, currency: str) -> str:
        """``1.234 EUR`` / ``EUR 1,234``; the currency is user text, cleaned."""
        return format_money(amount, clean(currency), self.code)

    def quote(self, text: str) -> str:
        """User text in the language's quotation marks (escape the result for Paragraphs)."""
        return quote(text, self.code)

    def months(self, n: int | None) -> str:
        if n is None:
            return ""
        return self.plural("{n} month", "{n} months", n)

    def weeks(self, n: int | None) -> str:
        if n is None:
            return ""
        return self.plural("{n} week", "{n} weeks", n)
