"""The product's names, once: what every output calls the model's closed vocabularies.

Phases, sides, element kinds, goal levels, incentive types, link kinds,
conflict and action statuses, origins and ratings are named here, keyed by
the model's enums, marked with ``N_`` and translated where shown — by the
UI (``workshop_app.ui.widgets.labels``), the minutes, the graph pictures, the command
line and the conflict explanations alike. :class:`Translator` is the one
translation object of a language for the layers that work in a language
other than the UI's (the minutes may be exported in German from an English
UI). Names are capitalised as each language writes them standing alone (a
status in a table cell reads "Open", in German "Offen").

Conflict *rule* names live with their rules (``workshop_app.analysis.rules``),
so a new rule is one function and its catalog entries.

Qt-free and light: it imports the model's enums and the i18n leaf only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import cache
from typing import Any

from workshop_app.i18n import LANGUAGES, N_, translations
from workshop_app.locale_format import format_date, format_money, format_number, quote
from workshop_app.model.enums import (
    ActionStatus,
    AgreementType,
    ConflictStatus,
    ElementKind,
    GoalLevel,
    IncentiveType,
    Language,
    LinkKind,
    Origin,
    Phase,
    Side,
    Triage,
)

PHASE_NAMES = {
    Phase.SETUP: N_("Setup"),
    Phase.INVENTORY: N_("Inventory"),
    Phase.GOALS: N_("Goal drafting"),
    Phase.CONFLICTS: N_("Conflicts"),
    Phase.COMMUNICATION: N_("Communication"),
    Phase.CULTURE_PILOT: N_("Culture & pilot"),
    Phase.WRAPUP: N_("Wrap-up"),
}

SIDE_NAMES = {Side.MARKETING: N_("Marketing"), Side.SALES: N_("Sales"), Side.JOINT: N_("Joint")}

KIND_NAMES = {
    ElementKind.STRATEGY: N_("Company strategy"),
    ElementKind.GOAL: N_("Goal"),
    ElementKind.INCENTIVE: N_("Incentive"),
    ElementKind.BUDGET: N_("Budget"),
    ElementKind.CHANNEL: N_("Channel"),
    ElementKind.INSIGHT: N_("Customer insight"),
    ElementKind.BELIEF: N_("Belief"),
    ElementKind.AGREEMENT: N_("Agreement"),
}

#: How a count of each kind is introduced ("goals 4" in ``tandem check``'s summary).
KIND_COUNT_NAMES = {
    ElementKind.STRATEGY: N_("strategy"), ElementKind.GOAL: N_("goals"), ElementKind.INCENTIVE: N_("incentives"),
    ElementKind.BUDGET: N_("budgets"), ElementKind.CHANNEL: N_("channels"), ElementKind.INSIGHT: N_("insights"),
    ElementKind.BELIEF: N_("beliefs"), ElementKind.AGREEMENT: N_("agreements"),
}

LEVEL_NAMES = {GoalLevel.SHARED: N_("Shared goal"), GoalLevel.DEPARTMENT: N_("Department goal"),
               GoalLevel.TEAM: N_("Team goal")}

INCENTIVE_TYPE_NAMES = {
    IncentiveType.COMMISSION: N_("Commission"),
    IncentiveType.BONUS: N_("Bonus"),
    IncentiveType.TARGET_AGREEMENT: N_("Target agreement"),
}

#: A link as the phrase between its two ends ("Lead commission rewards Pipeline").
LINK_NAMES = {
    LinkKind.CONTRIBUTES_TO: N_("contributes to"),
    LinkKind.REWARDS: N_("rewards"),
    LinkKind.FUNDS: N_("funds"),
    LinkKind.DEPENDS_ON: N_("depends on"),
    LinkKind.CONFLICTS_WITH: N_("conflicts with"),
    LinkKind.POOLS: N_("goes into"),
    LinkKind.REPLACES: N_("replaces"),
}

AGREEMENT_TYPE_NAMES = {
    AgreementType.SERVICE_LEVEL: N_("Service level"),
    AgreementType.DEFINITION: N_("Definition"),
    AgreementType.RULE_OF_ENGAGEMENT: N_("Rule of engagement"),
}

TRIAGE_NAMES = {Triage.NEW: N_("New finding"), Triage.TAKEN_UP: N_("Taken up"), Triage.SET_ASIDE: N_("Set aside")}

CONFLICT_STATUS_NAMES = {
    ConflictStatus.OPEN: N_("Open"),
    ConflictStatus.RESOLVED: N_("Resolved"),
    ConflictStatus.BALANCED: N_("Balanced"),
    ConflictStatus.ACCEPTED: N_("Accepted"),
    ConflictStatus.PARKED: N_("Parked"),
}

#: One colour per conflict status for the Conflicts page and the minutes (each ≥ 4.5:1 on white).
CONFLICT_STATUS_COLOURS = {
    ConflictStatus.OPEN: "#C23B00", ConflictStatus.RESOLVED: "#007A5A", ConflictStatus.BALANCED: "#0B6E99",
    ConflictStatus.ACCEPTED: "#5F6B73", ConflictStatus.PARKED: "#8A6D00",
}

ACTION_STATUS_NAMES = {ActionStatus.OPEN: N_("Open"), ActionStatus.IN_PROGRESS: N_("In progress"),
                       ActionStatus.DONE: N_("Done")}

#: Open actions need no colour; the others take the matching conflict status colours.
ACTION_STATUS_COLOURS = {ActionStatus.OPEN: None, ActionStatus.IN_PROGRESS: "#0B6E99", ActionStatus.DONE: "#007A5A"}

ORIGIN_NAMES = {Origin.AS_IS: N_("As is (inventory)"), Origin.AGREED: N_("Agreed")}

#: A follow-up's review (``workshop_app.model.follow_up``), keyed by the stored values: the enums live with
#: the pydantic records there, which this light module does not import (StrEnum members find these keys).
ACTION_OUTCOME_NAMES = {"done": N_("Done"), "in_progress": N_("In progress"), "blocked": N_("Blocked"),
                        "dropped": N_("Dropped")}
PILOT_VERDICT_NAMES = {"confirmed": N_("Confirmed"), "refuted": N_("Refuted"), "not_yet": N_("Not yet")}
PILOT_DECISION_NAMES = {"extend": N_("Extend the pilot"), "roll_out": N_("Roll out to the organisation"),
                        "stop": N_("Stop")}

#: Each language names itself.
LANGUAGE_NAMES = {Language.DE: "Deutsch", Language.EN: "English"}

RATING_NAMES = {
    0: N_("0 – useless"),
    1: N_("1 – rarely useful"),
    2: N_("2 – sometimes useful"),
    3: N_("3 – useful"),
    4: N_("4 – very useful"),
    5: N_("5 – essential"),
}


def name_in(table: Mapping[Any, str], value: object, gettext: Callable[[str], str]) -> str:
    """The translated name of ``value`` (an enum member or its stored value); the value itself if unknown.

    The model's enums are ``StrEnum``s, so a stored string finds its member's entry.
    """
    try:
        name = table.get(value)
    except TypeError:  # an unhashable value is no key of any table
        name = None
    if name is not None:
        return gettext(name)
    return "" if value is None else str(getattr(value, "value", value))


@cache
def _memo_gettext(catalog: object) -> Callable[[str], str]:
    """``catalog.gettext`` remembered per message.

    The analysis asks for the same few dozen messages thousands of times per
    run (~7,000 on L), and a miss walks the whole fallback chain of catalogs:
    uncached that was a third of a conflicts-page refresh on L.
    """
    return cache(catalog.gettext)  # type: ignore[attr-defined]


class Translator:
    """Everything language-specific for one language: messages, plurals, names and formats."""

    def __init__(self, lang: str):
        self.lang = lang if lang in LANGUAGES else "en"
        self._catalog = translations(self.lang)
        self.gettext: Callable[[str], str] = _memo_gettext(self._catalog)

    @property
    def code(self) -> str:
        return self.lang

    @classmethod
    def of(cls, lang: str) -> Translator:
        return cls(lang)

    def __call__(self, message: str, **values: object) -> str:
        text = self.gettext(message)
        return text.format(**values) if values else text

    def plural(self, singular: str, plural: str, n: int, **values: object) -> str:
        """The catalog's plural form for ``n``, formatted with ``n`` and ``values``."""
        return self._catalog.ngettext(singular, plural, n).format(n=n, **values)

    # -- the vocabulary -------------------------------------------------------------
    def label(self, table: Mapping[Any, str], value: object) -> str:
        """``value``'s name from one of the tables above, in this language."""
        return name_in(table, value, self.gettext)

    def side(self, side: object) -> str:
        return self.label(SIDE_NAMES, side)

    def phase(self, phase: object) -> str:
        return self.label(PHASE_NAMES, phase)

    def kind(self, kind: object) -> str:
        return self.label(KIND_NAMES, kind)

    def conflict_status(self, status: object) -> str:
        return self.label(CONFLICT_STATUS_NAMES, status)

    def action_status(self, status: object) -> str:
        return self.label(ACTION_STATUS_NAMES, status)

    # -- formats --------------------------------------------------------------------
    def months(self, n: int | None) -> str:
        return "" if n is None else self.plural("{n} month", "{n} months", n)

    def weeks(self, n: int | None) -> str:
        return "" if n is None else self.plural("{n} week", "{n} weeks", n)

    def date(self, day: Any) -> str:
        """``26.11.2026`` / ``26 November 2026``."""
        return format_date(day, self.lang)

    def number(self, value: float | None) -> str:
        """``1.234,5`` / ``1,234.5``."""
        return format_number(value, self.lang)

    def money(self, amount: float | None, currency: str) -> str:
        """An amount with its currency, written the language's way (``1.234 EUR`` / ``EUR 1,234``)."""
        return format_money(amount, currency, self.lang)

    def quote(self, text: str) -> str:
        """Text in the language's quotation marks."""
        return quote(text, self.lang)

    # -- elements, for explanations -------------------------------------------------
    def name(self, element: Any) -> str:
        """An element as an explanation names it: its title (or id when untitled) in the language's quotes."""
        return quote(element.title.strip() or element.id, self.lang)

    def names(self, elements: Iterable[Any], limit: int = 5) -> str:
        """A readable list of quoted titles; long lists end with “and N more”."""
        items = list(elements)
        shown = ", ".join(self.name(el) for el in items[:limit])
        if len(items) > limit:
            return self.plural("{items} and {n} more", "{items} and {n} more", len(items) - limit, items=shown)
        return shown
