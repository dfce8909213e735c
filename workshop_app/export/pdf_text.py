"""Text for the minutes: user text made safe for Paragraph markup, labels, dates, numbers.

User text is data, never markup: :func:`esc` escapes ``<``, ``>`` and ``&``,
turns line breaks into ``<br/>`` and removes what the XML parser of reportlab
would choke on (control characters, lone surrogates). Nothing here imports
reportlab.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from xml.sax.saxutils import escape

from workshop_app.i18n import N_, translator

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
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
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")


def clean(text: object) -> str:
    """Plain text safe for a PDF: no control characters, no lone surrogates, tabs as spaces."""
    s = "" if text is None else str(text)
    s = s.encode("utf-8", "replace").decode("utf-8")  # lone surrogates → '?'
    return _CONTROL.sub("", s.replace("\t", "    "))


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
        return cls(code, translator(code))

    def __call__(self, message: str) -> str:
        return self.gettext(message)

    def plural(self, singular: str, plural: str, n: int, **values: object) -> str:
        """The singular or plural form (English rule, which German shares), formatted with ``n``."""
        return self.gettext(singular if n == 1 else plural).format(n=n, **values)

    def label(self, table: dict[str, str], value: object) -> str:
        key = getattr(value, "value", value)
        return self.gettext(table[key]) if key in table else clean(key)

    def date(self, day: date | None) -> str:
        if day is None:
            return ""
        if self.code == "de":
            return f"{day.day:02d}.{day.month:02d}.{day.year}"
        return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"

    def number(self, value: float | None) -> str:
        if value is None:
            return ""
        text = f"{value:,.2f}" if value != int(value) else f"{int(value):,}"
        if self.code == "de":
            text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
        return text

    def money(self, amount: float | None, currency: str) -> str:
        if amount is None:
            return ""
        return f"{self.number(amount)} {clean(currency)}".strip()

    def months(self, n: int | None) -> str:
        if n is None:
            return ""
        return self.gettext("1 month") if n == 1 else self.gettext("{n} months").format(n=n)

    def weeks(self, n: int | None) -> str:
        if n is None:
            return ""
        return self.gettext("1 week") if n == 1 else self.gettext("{n} weeks").format(n=n)
