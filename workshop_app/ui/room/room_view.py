"""What the phones may see: the projector's content of the current stage, as plain :class:`RoomView` data.

Why built from ``audience_content``: that module already leaves out every
hidden entry (and every conflict naming one), so phones can never show more
than the wall. On top of that, some things never leave the laptop even when
revealed: budgets, incentives and people's names (participants, owners, the
facilitator, a pilot's team): their entries are left out, and only titles and
badges go out, never details, which is where names and amounts live. A
conflict's title may name an incentive; the room votes on it, so it goes out
as the wall shows it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workshop_app.i18n import _, current_language
from workshop_app.model import ElementKind, Phase, Workshop
from workshop_app.room.events import RoomView, ViewEntry
from workshop_app.ui.projector import audience_content as content
from workshop_app.ui.projector.audience_content import Column, Stage

if TYPE_CHECKING:
    from workshop_app.analysis import ConflictView

#: Inventory categories whose entries never go to phones (money and pay).
PRIVATE_CATEGORIES = frozenset({"incentives", "budgets", "horizons"})
PRIVATE_KINDS = frozenset({ElementKind.INCENTIVE, ElementKind.BUDGET})
_INVENTORY_CARDS = {"goals": ElementKind.GOAL, "incentives": ElementKind.INCENTIVE,
                    "channels": ElementKind.CHANNEL, "insights": ElementKind.INSIGHT}


def card_kinds(stage: Stage) -> tuple[ElementKind | None, ...]:
    """What a participant may send now: the phase's own kinds (the category on screen first), parking-lot items."""
    phase = stage.phase
    if phase == Phase.INVENTORY:
        first = _INVENTORY_CARDS.get(stage.category)
        rest = [k for k in (ElementKind.GOAL, ElementKind.INCENTIVE, ElementKind.CHANNEL, ElementKind.INSIGHT)
                if k != first]
        return (*([first] if first else []), *rest, None)
    if phase == Phase.GOALS:
        return (ElementKind.GOAL, None)
    if phase == Phase.COMMUNICATION:
        return (ElementKind.CHANNEL, None)
    if phase == Phase.CULTURE_PILOT:
        return (ElementKind.BELIEF, None)
    if phase in (Phase.CONFLICTS, Phase.WRAPUP):
        return (None,)
    return ()


def _line(entry: content.Entry) -> str:
    return f"{entry.title} · {entry.badge}" if entry.badge else entry.title


def _block(column: Column, private: set[str] | None = None) -> ViewEntry:
    lines = tuple(_line(e) for e in column.entries if not e.group and e.id not in (private or set()))
    return ViewEntry(column.title, lines, column.side)


def _private_ids(doc: Workshop) -> set[str]:
    return {el.id for el in doc.elements if el.kind in PRIVATE_KINDS}


def entries_for(doc: Workshop, stage: Stage, views: list[ConflictView] | None) -> tuple[ViewEntry, ...]:
    """The blocks of the stage's projector content that may go to phones."""
    phase = stage.phase
    if stage.alignment:  # the wall shows the alignment check, its results only when revealed: not sent here
        return (ViewEntry(_("Alignment check"), ()),)
    if phase == Phase.SETUP:  # the agenda only: the facts name the facilitator, the columns the participants
        _facts, agenda, _people = content.setup_columns(doc)
        return (_block(agenda),)
    if phase == Phase.INVENTORY:
        name, question, columns = content.inventory_columns(doc, stage.category)
        if stage.category in PRIVATE_CATEGORIES:
            return (ViewEntry(name, (question,)),)
        return (ViewEntry(name, (question,)), *tuple(_block(c) for c in columns))
    if phase == Phase.GOALS:
        return (_block(Column(_("Breakdown"), content.goal_entries(doc))),)
    if phase == Phase.CONFLICTS:
        views = views or []
        if stage.results:
            results = content.vote_results(doc, views)
            return (ViewEntry(_("Dot-vote results"), tuple(f"{title} · {dots}" for _id, title, dots in results.bars)),)
        blocks = [_block(Column(_("Our conflicts by dot votes"), content.conflict_entries(doc, views)))]
        findings = content.finding_entries(doc, views)
        if findings:
            blocks.append(_block(Column(_("New findings to take up"), findings)))
        return tuple(blocks)
    if phase == Phase.COMMUNICATION:
        return tuple(_block(c) for c in content.channel_columns(doc))
    if phase == Phase.CULTURE_PILOT:
        pilot = doc.pilot
        blocks = [_block(c) for c in content.belief_columns(doc)]
        if pilot.hypothesis.strip():
            blocks.append(ViewEntry(pilot.title.strip() or _("Protected-space pilot"), (pilot.hypothesis.strip(),)))
        return tuple(blocks)
    if phase == Phase.WRAPUP:  # decisions and actions by their text; what was agreed without the budget pots
        columns = content.agreement_columns(doc, views)
        return tuple(_block(c, _private_ids(doc)) for c in columns)
    return ()


def build_room_view(doc: Workshop, stage: Stage, views: list[ConflictView] | None, blank: bool = False) -> RoomView:
    """The RoomView of ``stage``; with the projector blanked, the phase and title only."""
    from workshop_app.ui.widgets.labels import phase_name

    lang = current_language()
    title = f"{phase_name(stage.phase)} — {doc.meta.title.strip()}" if doc.meta.title.strip() else phase_name(stage.phase)
    if blank:
        return RoomView(stage.phase, title, lang, card_kinds(stage), ())
    return RoomView(stage.phase, title, lang, card_kinds(stage), entries_for(doc, stage, views))
