"""What phones see: the projector's content only — hidden entries, budgets, incentives and names never."""

from __future__ import annotations

from workshop_app.model import ElementKind, Phase, Side
from workshop_app.ui.projector.audience_content import Stage
from workshop_app.ui.room.room_view import build_room_view


def texts(view) -> str:
    return "\n".join([view.title] + [e.heading + "\n" + "\n".join(e.lines) for e in view.entries])


def test_an_accepted_card_reaches_phones_only_once_revealed(qtbot, room, demo):
    dialog, link = room
    controller = dialog.controller
    card = link.send_card("Win rate by segment", kind=ElementKind.GOAL, side=Side.SALES)
    qtbot.waitUntil(lambda: controller.card(card.id) is not None, timeout=3000)
    assert controller.accept(card)
    controller.publish_now()
    assert "Win rate by segment" not in texts(controller.room_view())
    assert all("Win rate by segment" not in texts(v) for v in link.published)
    element = next(el for el in demo.doc.workshop.elements if el.title == "Win rate by segment")
    stage = Stage(Phase.INVENTORY, "goals")
    assert "Win rate by segment" not in texts(build_room_view(demo.doc.workshop, stage, None))
    from workshop_app.model import UpdateItem

    demo.doc.push(UpdateItem("elements", element.id, {"hidden": False}))
    assert "Win rate by segment" in texts(build_room_view(demo.doc.workshop, stage, None))


def test_budgets_incentives_and_names_never_reach_phones(demo):
    """Not as entries of their own (a conflict's title may name an incentive: the room votes on it), and
    no person's name anywhere."""
    doc = demo.doc.workshop
    private = {el.title for el in doc.elements if el.kind in ("budget", "incentive") and el.title}
    names = [p.name for p in doc.participants if p.name] + [doc.meta.facilitator]
    assert private and names
    seen, lines = "", set()
    for phase in Phase:
        categories = ("goals", "incentives", "horizons", "budgets", "channels", "insights") \
            if phase == Phase.INVENTORY else ("",)
        for category in categories:
            for results in (False, True):
                view = build_room_view(doc, Stage(phase, category, results=results), demo.doc.conflict_views("en"))
                seen += texts(view)
                lines |= {line.split(" · ")[0] for entry in view.entries for line in entry.lines}
    assert not private & lines
    for name in names:
        assert name not in seen, name


def test_phones_see_nothing_while_the_wall_is_blank(room, demo):
    dialog, _link = room
    demo.presenter.set_blank(True)
    view = dialog.controller.room_view()
    assert view is not None and view.entries == ()
    demo.presenter.set_blank(False)
    assert dialog.controller.room_view().entries


def test_what_a_participant_may_send_follows_the_phase():
    from workshop_app.ui.room.room_view import card_kinds

    assert card_kinds(Stage(Phase.SETUP)) == ()
    assert card_kinds(Stage(Phase.INVENTORY, "channels"))[0] == ElementKind.CHANNEL
    assert card_kinds(Stage(Phase.CULTURE_PILOT)) == (ElementKind.BELIEF, None)
    assert card_kinds(Stage(Phase.CONFLICTS)) == (None,)


def test_with_the_alignment_check_on_the_wall_phones_see_that_it_is_on_and_no_results(demo):
    doc = demo.doc.workshop
    view = build_room_view(doc, Stage(Phase.CONFLICTS, alignment=doc.alignment.rounds[0].id, alignment_revealed=True),
                           demo.doc.conflict_views("en"))
    assert [(e.heading, e.lines) for e in view.entries] == [("Alignment check", ())]
