"""The words of the participants' page, from the same catalogs as the rest of Tandem.

The page asks once (``GET /api/words``) and picks German or English by the
phone's own language, which need not be the facilitator's. Phase, kind and
side names come from the product's one vocabulary; the page's own sentences
are listed here, so translators find them in the catalogs like any other.
"""

from __future__ import annotations

from workshop_app.i18n import N_, translator
from workshop_app.room.state import CARD_KINDS, JOIN_SIDES
from workshop_app.vocabulary import KIND_NAMES, PHASE_NAMES, SIDE_NAMES

LANGUAGES = ("de", "en")

PAGE_TEXT = {
    "app": N_("Tandem – Room link"),
    "join_heading": N_("Join the room"),
    "pin": N_("Room PIN (on the projector)"),
    "side": N_("Your side"),
    "name": N_("Your name (optional; only the facilitator sees it)"),
    "join": N_("Join"),
    "tab_show": N_("Projector"),
    "tab_card": N_("Add a card"),
    "tab_vote": N_("Vote"),
    "tab_check": N_("Alignment check"),
    "card_none": N_("No cards are being collected right now."),
    "card_kind": N_("What is it?"),
    "card_title": N_("Title"),
    "card_detail": N_("Details (optional)"),
    "card_send": N_("Send card"),
    "card_sent": N_("Card sent. The facilitator screens it before the room sees it."),
    "vote_send": N_("Send my dots"),
    "vote_left": N_("Dots left: {n} of {total}"),
    "vote_mine": N_("Your dots are in. Results appear when the facilitator reveals them."),
    "vote_closed": N_("Voting is closed."),
    "vote_more": N_("One more dot for {item}"),
    "vote_less": N_("One dot less for {item}"),
    "vote_count": N_("Dots: {n}"),
    "result": N_("Result"),
    "check_info": N_("How far do you agree? 1 = not at all, 5 = fully."),
    "check_send": N_("Send my answers"),
    "check_done": N_("Thank you – your answers were received."),
    "check_missing": N_("Please answer every statement."),
    "joined_as": N_("You take part for {side}."),
    "parking": N_("Parking lot"),
    "err_pin": N_("That PIN is not right. Look at the projector and try again."),
    "err_side": N_("Please choose Marketing or Sales."),
    "err_closed": N_("Joining is closed for now. Ask the facilitator."),
    "err_slow_down": N_("Too many tries. Please wait a moment."),
    "err_join": N_("Please join the room first."),
    "err_empty": N_("Please fill in a title (or give at least one dot)."),
    "err_too_long": N_("That text is too long."),
    "err_too_many": N_("That is more dots than you have."),
    "err_voted": N_("Your dots were already counted."),
    "err_no_round": N_("This voting round is closed."),
    "err_queue_full": N_("You have many cards waiting already. Please wait until the facilitator has screened some."),
    "err_kind": N_("Cards of this kind are not collected now."),
    "err_answered": N_("Your answers were already received."),
    "err_no_check": N_("The alignment check is closed."),
    "err_offline": N_("No connection to the facilitator's laptop. Trying again…"),
    "err_other": N_("That did not work. Please try again."),
}


def words() -> dict[str, dict[str, object]]:
    """Every word the page shows, per language: ``{"de": {...}, "en": {...}}``."""
    out: dict[str, dict[str, object]] = {}
    for lang in LANGUAGES:
        t = translator(lang)
        out[lang] = {
            "text": {key: t(text) for key, text in PAGE_TEXT.items()},
            "phases": {phase.value: t(name) for phase, name in PHASE_NAMES.items()},
            "kinds": {kind.value: t(KIND_NAMES[kind]) for kind in CARD_KINDS},
            "sides": {side.value: t(SIDE_NAMES[side]) for side in JOIN_SIDES},
        }
    return out
