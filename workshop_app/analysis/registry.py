"""The one registry of detected-conflict rules, and what every rule module shares.

A rule is a function ``(DocIndex, Translator) -> Iterator[Finding]``
registered with :func:`rule` under its id, its name and its lever. The rule
modules (``rules_*.py``) are imported in listing order by
:mod:`workshop_app.analysis.rules`, which is the module the rest of the
product asks (``rule_spec``, ``RULE_IDS``, ``detect``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from workshop_app.analysis.findings import Finding
from workshop_app.analysis.index import DocIndex
from workshop_app.i18n import N_
from workshop_app.model import ElementBase, Side
from workshop_app.vocabulary import Translator

#: How much of an element's title a finding's title repeats.
SUBJECT_CHARS = 40
#: Marketing first, then joint, then Sales: the order explanations name the sides in.
SIDE_ORDER = {Side.MARKETING: 0, Side.JOINT: 1, Side.SALES: 2}
#: The two departments the workshop brings together.
DEPARTMENTS = (Side.MARKETING, Side.SALES)

Rule = Callable[[DocIndex, Translator], Iterator[Finding]]


@dataclass(frozen=True)
class RuleSpec:
    """One detected-conflict rule: registered once, everything else derives from it."""

    id: str  # what a finding and a ``Conflict.rule`` carry
    name: str  # the kind as lists name it (``N_``-marked, translated when shown)
    lever: str  # which lever of the system it concerns (a key of :data:`LEVERS`)
    detect: Rule


#: The levers of DESIGN §1 (and the structure they act through), as the rules name them.
LEVERS = {
    "horizons": N_("Time horizons"), "incentives": N_("Incentives"), "budget": N_("Budget"),
    "goals": N_("Goal breakdown"), "agreements": N_("Agreements"), "channels": N_("Communication channels"),
    "culture": N_("Culture patterns"), "pilot": N_("Protected-space pilot"), "alignment": N_("Alignment check"),
}

#: Every rule by id, in the order findings are listed; filled by :func:`rule`.
REGISTRY: dict[str, RuleSpec] = {}


def rule(rule_id: str, name: str, lever: str) -> Callable[[Rule], Rule]:
    """Register a rule function under ``rule_id``; its findings must carry that id."""
    if lever not in LEVERS:
        raise ValueError(f"unknown lever {lever!r}")

    def register(function: Rule) -> Rule:
        if rule_id in REGISTRY:
            raise ValueError(f"rule {rule_id!r} is registered twice")
        REGISTRY[rule_id] = RuleSpec(rule_id, name, lever, function)
        return function

    return register


def about(tr: Translator, title: str, element: ElementBase) -> str:
    """A rule's title naming the element it is about, so two findings of one rule differ in a list.

    ``title`` is an ``N_``-marked message, translated here.
    """
    name = (element.title or element.id).strip()
    if len(name) > SUBJECT_CHARS:
        name = name[: SUBJECT_CHARS - 1].rstrip() + "…"
    return f"{tr(title)}: {name}"


def by_side(elements: Iterable[ElementBase]) -> list:
    """Elements in the order explanations name them: Marketing, joint, Sales, then by id."""
    return sorted(elements, key=lambda el: (SIDE_ORDER.get(el.side, 1), el.id))


def listing(tr: Translator, items: list[str]) -> str:
    """``a, b and c`` in the language (items already translated)."""
    if len(items) <= 1:
        return "".join(items)
    return tr("{items} and {last}", items=", ".join(items[:-1]), last=items[-1])


def blank(text: str | None) -> bool:
    """Whether a text field says nothing (empty or only spaces): a blank target is no target."""
    return not (text or "").strip()
