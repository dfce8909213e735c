"""What phones see when no window decides it: the headless ``tandem room FILE``.

The window publishes whatever its projector shows (revealed entries only).
Without a window there is no projector state to follow, so the headless
mode publishes what the projector shows before anything is revealed: the
setup phase's workshop facts and agenda. People's names, which the setup
wall also lists (participants, the facilitator), stay out, as they do from
everything the window sends: a phone need not know who is in the room.
"""

from __future__ import annotations

from workshop_app.i18n import N_, translator
from workshop_app.locale_format import format_date
from workshop_app.model.enums import Phase
from workshop_app.room.events import RoomView, ViewEntry
from workshop_app.room.state import CARD_KINDS
from workshop_app.vocabulary import PHASE_NAMES

#: what a participant may send in the headless mode: every inventory card and the parking lot
HEADLESS_CARD_KINDS = (*CARD_KINDS, None)


def setup_view(doc, lang: str | None = None) -> RoomView:
    """The setup wall of ``doc`` as a RoomView: title, workshop facts, agenda; nothing hidden, no names."""
    lang = lang or doc.meta.language.value
    t = translator(lang)
    meta = doc.meta
    facts = [(N_("Organisation"), meta.organisation), (N_("Date"), format_date(meta.date, lang)),
             (N_("Venue"), meta.venue)]
    lines = tuple(f"{t(name)}: {value}" for name, value in facts if value)
    agenda = []
    for number, phase in enumerate(Phase, start=1):
        item = doc.agenda_item(phase)
        minutes = item.timebox_minutes if item else 0
        agenda.append(f"{number}. {t(PHASE_NAMES[phase])} – {t(N_('{n} min')).format(n=minutes)}")
    entries = [ViewEntry(heading=t(N_("Workshop")), lines=lines)] if lines else []
    entries.append(ViewEntry(heading=t(N_("Agenda")), lines=tuple(agenda)))
    return RoomView(phase=Phase.SETUP, title=meta.title.strip(), lang=lang, card_kinds=HEADLESS_CARD_KINDS,
                    entries=tuple(entries))
