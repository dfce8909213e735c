"""Voting rounds on phones: closing records the dots as one undo step; the room sees them only after the reveal."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.helpers import press, wall_dots
from workshop_app.i18n import current_language
from workshop_app.model import Phase


def conflict(window, conflict_id):
    return next(v for v in window.doc.conflict_views(current_language()) if v.id == conflict_id)


def open_audience(qtbot, window):
    window.go_to_phase(Phase.CONFLICTS)
    press(qtbot, window, Qt.Key.Key_F5, Qt.KeyboardModifier.ShiftModifier)  # the audience window
    presenter = window.presenter
    qtbot.waitUntil(lambda: presenter.audience is not None and presenter.audience.isVisible(), timeout=2000)
    return presenter


def closed_round(qtbot, dialog, votes):
    """A round on the first two ticked conflicts, the phones' ``votes`` cast, then closed: (ids, votes before)."""
    window = dialog.controller.window
    panel = dialog.voting
    ids = panel.checked_ids()[:2]
    panel.set_checked(set(ids))
    assert panel.open_round()
    before = {cid: conflict(window, cid).votes for cid in ids}
    link = dialog.controller.link
    for dots in votes:
        link.vote({ids[n]: d for n, d in enumerate(dots) if d})
    qtbot.waitUntil(lambda: dialog.controller.round.devices_voted == len(votes), timeout=3000)
    assert panel.close_round()
    return ids, before


def test_a_round_opens_on_the_ticked_conflicts_with_the_workshops_dots(qtbot, room, demo):
    dialog, link = room
    panel = dialog.voting
    dialog.tabs.setCurrentWidget(panel)
    ids = panel.checked_ids()
    taken_up = [v.id for v in demo.doc.conflict_views(current_language()) if v.taken_up]
    assert ids and set(ids) <= set(taken_up)  # the room's conflicts are ticked; new findings are not
    panel.set_checked(set(ids[:2]))
    qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    assert [i.id for i in link.round.items] == ids[:2]
    assert link.round.dots_per_device == demo.doc.workshop.meta.dots_per_participant
    assert not panel.open_button.isEnabled() and panel.close_button.isEnabled() and not panel.reveal_button.isEnabled()
    link.vote({ids[0]: 2, ids[1]: 1})
    qtbot.waitUntil(lambda: "1 device has voted" in panel.status.text(), timeout=3000)


def test_closing_records_the_tallies_as_one_undo_step_and_the_wall_waits_for_the_reveal(qtbot, room, demo):
    dialog, link = room
    presenter = open_audience(qtbot, demo)
    panel = dialog.voting
    ids = panel.checked_ids()[:2]
    panel.set_checked(set(ids))
    assert panel.open_round()
    before = {cid: conflict(demo, cid).votes for cid in ids}
    tally_before = {cid: (conflict(demo, cid).record.tally if conflict(demo, cid).record else 0) for cid in ids}
    link.vote({ids[0]: 2, ids[1]: 1})
    link.vote({ids[0]: 1})
    qtbot.waitUntil(lambda: dialog.controller.round.devices_voted == 2, timeout=3000)
    steps = demo.doc.undo_stack.count()
    published = len(link.published)
    qtbot.mouseClick(panel.close_button, Qt.MouseButton.LeftButton)
    assert demo.doc.undo_stack.count() == steps + 1
    assert conflict(demo, ids[0]).votes == before[ids[0]] + 3 and conflict(demo, ids[1]).votes == before[ids[1]] + 1
    assert conflict(demo, ids[0]).record.tally == tally_before[ids[0]] + 3
    # the room does not see the new dots yet: the wall's list keeps the old counts, phones get nothing new,
    # no results chart
    assert wall_dots(presenter, ids) == before and not presenter.results and not link.revealed
    dialog.controller.publish_now()
    assert len(link.published) == published
    assert panel.reveal_button.isEnabled()
    qtbot.mouseClick(panel.reveal_button, Qt.MouseButton.LeftButton)
    assert link.revealed and presenter.results and not presenter.withheld
    chart = presenter.audience.view.current_view().chart
    qtbot.waitUntil(lambda: any(bar[0] == ids[0] and bar[2] == before[ids[0]] + 3 for bar in chart.results.bars),
                    timeout=2000)
    assert len(link.published) > published and link.published[-1].entries[0].heading == "Dot-vote results"
    demo.undo()  # the whole round, in one step
    assert {cid: conflict(demo, cid).votes for cid in ids} == before


def test_a_projector_opened_after_the_close_shows_the_new_dots_only_after_the_reveal(qtbot, room, demo):
    dialog, _link = room
    ids, before = closed_round(qtbot, dialog, [(2, 1), (1, 0)])
    assert conflict(demo, ids[0]).votes == before[ids[0]] + 3  # recorded in the document
    presenter = open_audience(qtbot, demo)  # no projector was on when the round closed
    assert wall_dots(presenter, ids) == before
    order = [e.id for e in presenter.audience.view.current_view().list.column.entries]
    presenter.set_presenting(True)  # presentation mode is a projector too
    assert wall_dots(presenter, ids, presenter.surface) == before
    presenter.set_presenting(False)
    assert dialog.controller.reveal_round()
    presenter.set_results(False)  # back to the list from the chart
    assert wall_dots(presenter, ids) == {ids[0]: before[ids[0]] + 3, ids[1]: before[ids[1]] + 1}
    assert order  # the list was in the vote order of before; after the reveal in the new one
    views = [v.id for v in demo.doc.conflict_views(current_language()) if v.taken_up]
    assert [e.id for e in presenter.audience.view.current_view().list.column.entries] == views


def test_undoing_the_recorded_dots_before_the_reveal_leaves_nothing_withheld(qtbot, room, demo):
    dialog, _link = room
    presenter = open_audience(qtbot, demo)
    ids, before = closed_round(qtbot, dialog, [(3, 0)])
    assert presenter.withheld == ((ids[0], 3),)
    demo.undo()  # the round's dots go: the wall shows the document as it is, with no dots taken off
    assert not presenter.withheld and wall_dots(presenter, ids) == before
    demo.redo()
    assert presenter.withheld == ((ids[0], 3),) and wall_dots(presenter, ids) == before


def test_a_round_nobody_voted_in_changes_nothing(qtbot, room, demo):
    dialog, _link = room
    panel = dialog.voting
    assert panel.open_round()
    steps = demo.doc.undo_stack.count()
    assert panel.close_round()
    assert demo.doc.undo_stack.count() == steps


def test_alignment_answers_from_a_phone_are_one_anonymous_response(qtbot, room, demo):
    from workshop_app.model import Side
    from workshop_app.room import AlignmentAnswers, AlignmentArrived

    dialog, link = room
    alignment = demo.doc.workshop.alignment
    round_id = alignment.rounds[0].id
    panel = dialog.voting
    panel.alignment_round.setCurrentIndex(panel.alignment_round.findData(round_id))
    qtbot.mouseClick(panel.alignment_button, Qt.MouseButton.LeftButton)
    opened_round, statements = link.alignment
    assert opened_round == round_id and [s[0] for s in statements] == [st.id for st in alignment.statements]
    first, second = alignment.statements[0].id, alignment.statements[1].id
    responses, steps = len(alignment.responses), demo.doc.undo_stack.count()
    link._put(AlignmentArrived(AlignmentAnswers(round_id, Side.SALES, {first: 4, second: 9, "unknown": 3})))
    qtbot.waitUntil(lambda: len(demo.doc.workshop.alignment.responses) == responses + 1, timeout=3000)
    response = demo.doc.workshop.alignment.responses[-1]
    assert (response.side, response.participant, response.scores) == (Side.SALES, None, {first: 4})
    assert demo.doc.undo_stack.count() == steps + 1
    qtbot.mouseClick(panel.alignment_button, Qt.MouseButton.LeftButton)
    assert link.alignment is None



def test_a_hidden_conflict_is_never_put_to_the_phones(qtbot, room, demo):
    from workshop_app.model import UpdateItem

    dialog, link = room
    panel = dialog.voting
    views = [v for v in demo.doc.conflict_views(current_language()) if v.taken_up]
    secret, named = views[0], views[1]
    assert demo.doc.push(UpdateItem("conflicts", secret.id, {"hidden": True}))
    hidden_element = next(e for e in named.element_ids if e not in secret.element_ids)
    assert demo.doc.push(UpdateItem("elements", hidden_element, {"hidden": True}))
    panel.refresh()
    listed = [panel.items.item(r).data(Qt.ItemDataRole.UserRole) for r in range(panel.items.count())]
    assert secret.id not in listed and named.id not in listed
    # and even asked for by id, the round leaves them out
    others = [v.id for v in views[2:] if hidden_element not in v.element_ids]
    assert dialog.controller.open_round([secret.id, named.id, *others])
    assert [item.id for item in link.round.items] == others


def test_phones_follow_the_wall_between_close_and_reveal_without_the_new_dots(qtbot, room, demo):
    dialog, link = room
    demo.go_to_phase(Phase.CONFLICTS)
    ids, before = closed_round(qtbot, dialog, [(2, 2)])
    view = dialog.controller.room_view()
    lines = [line for entry in view.entries for line in entry.lines]
    title = conflict(demo, ids[0]).title
    shown_before = f"{title} · {before[ids[0]]} dots" if before[ids[0]] else title
    assert shown_before in lines and f"{title} · {before[ids[0]] + 2} dots" not in lines
    published = len(link.published)
    demo.go_to_phase(Phase.WRAPUP)  # the facilitator moves on before revealing: the phones follow
    dialog.controller.publish_now()
    assert len(link.published) == published + 1 and link.published[-1].phase == Phase.WRAPUP


def test_a_what_if_on_the_wall_does_not_tell_the_withheld_dots_by_its_order(qtbot, room, demo):
    from workshop_app.ui.whatif.controller import what_if

    dialog, _link = room
    presenter = open_audience(qtbot, demo)
    panel = dialog.voting
    order = [v.id for v in demo.doc.conflict_views(current_language())]  # by dots, before the round
    last = [cid for cid in order if cid in panel.checked_ids()][-1]  # the last the room may vote on
    panel.set_checked({last})
    assert panel.open_round()
    for _ in range(12):  # enough dots to put the last conflict first
        dialog.controller.link.vote({last: 3})
    qtbot.waitUntil(lambda: dialog.controller.round.devices_voted == 12, timeout=3000)
    assert panel.close_round()
    assert next(v.id for v in demo.doc.conflict_views(current_language())) == last
    assert what_if(demo).start("Later")
    view = presenter.audience.view
    view.refresh()
    shown_today = [e.id for e in view.current_view().today.column.entries]
    assert [cid for cid in order if cid in shown_today] == shown_today  # today's order of before the close
    what_if(demo).leave()
