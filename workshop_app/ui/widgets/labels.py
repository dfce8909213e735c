"""What the user reads for the model's closed vocabularies, in the UI language.

The names themselves are the product's one vocabulary
(:mod:`workshop_app.vocabulary`), shared with the minutes, the graph and the
command line; this module adds what only the UI needs (phase hints, the
sides' text colours) and the helpers that name participants and elements.
"""

from __future__ import annotations

from workshop_app.analysis.rules import rule_spec
from workshop_app.i18n import _
from workshop_app.model import ElementKind, Phase, Side, Workshop
from workshop_app.ui.widgets.theme import SIDE_TEXT
from workshop_app.vocabulary import (  # noqa: F401 (the UI's names are the product's names)
    ACTION_STATUS_COLOURS,
    ACTION_STATUS_NAMES,
    AGREEMENT_TYPE_NAMES,
    CONFLICT_STATUS_COLOURS,
    CONFLICT_STATUS_NAMES,
    INCENTIVE_TYPE_NAMES,
    KIND_NAMES,
    LANGUAGE_NAMES,
    LEVEL_NAMES,
    LINK_NAMES,
    ORIGIN_NAMES,
    PHASE_NAMES,
    RATING_NAMES,
    SIDE_NAMES,
)

#: A side's colour as *text* (headings, side columns): the graph's Okabe–Ito hues (DESIGN §6), with
#: Sales orange and joint green darkened to keep 4.5:1 on white (see ui/widgets/theme.py for the fills).
SIDE_COLOURS = SIDE_TEXT


def choices(names: dict) -> list[tuple[object, str]]:
    """(value, translated name) pairs in declaration order, for combo boxes."""
    return [(value, _(name)) for value, name in names.items()]


def phase_name(phase: Phase) -> str:
    return _(PHASE_NAMES[Phase(phase)])


def side_name(side: Side) -> str:
    return _(SIDE_NAMES[Side(side)])


def rating_stars(rating: int | None) -> str:
    """★★★☆☆ for 3 of 5; a dash for no rating yet."""
    if rating is None:
        return "–"
    return "★" * rating + "☆" * (5 - rating)


def participant_label(doc: Workshop, participant_id: str | None) -> str:
    """A participant's name with side, e.g. 'Anna Berg (Marketing)'; '' for none."""
    if not participant_id:
        return ""
    person = doc.participant(participant_id)
    if person is None:
        return ""
    name = person.name or _("(no name)")
    return f"{name} ({side_name(person.side)})"


def element_label(doc: Workshop, element_id: str | None, with_kind: bool = True) -> str:
    """An element's title with kind and side, for pickers and link lists."""
    if not element_id:
        return ""
    el = doc.element(element_id)
    if el is None:
        return ""
    return describe_element(el, with_kind)


def describe_element(el, with_kind: bool = True) -> str:
    """Like :func:`element_label` for an element already at hand (no lookup: cheap in long lists)."""
    title = el.title or _("(untitled)")
    if not with_kind:
        return title
    if el.kind == ElementKind.STRATEGY:
        return f"{title} · {_(KIND_NAMES[ElementKind.STRATEGY])}"
    return f"{title} · {_(KIND_NAMES[ElementKind(el.kind)])}, {side_name(el.side)}"


def rule_name(rule: str) -> str:
    """A conflict's kind as lists name it: "Declared", or the registered rule's name."""
    if rule == "declared":
        return _("Declared")
    spec = rule_spec(rule)
    return _(spec.name) if spec is not None else rule
