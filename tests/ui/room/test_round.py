"""Voting rounds on phones: closing records the dots as one undo step; the room sees them only after the reveal."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.helpers import press
from workshop_app.i18n import current_language
from workshop_app.model import Phase


def conflict(window, conflict_id):
    return next(v for v in window.doc.conflict_views(current_language()) if v.id == conflict_id)


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
    demo.go_to_phase(Phase.CONFLICTS)
    press(qtbot, demo, Qt.Key.Key_F5, Qt.KeyboardModifier.ShiftModifier)  # the audience window
    presenter = demo.presenter
    qtbot.waitUntil(lambda: presenter.audience is not None and presenter.audience.isVisible(), timeout=2000)
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
    # the room does not see the new dots yet: the wall is frozen, phones get nothing new, no results chart
    assert presenter.frozen and not presenter.results and not link.revealed
    dialog.controller.publish_now()
    assert len(link.published) == published
    assert panel.reveal_button.isEnabled()
    qtbot.mouseClick(panel.reveal_button, Qt.MouseButton.LeftButton)
    assert link.revealed and presenter.results and not presenter.frozen
    chart = presenter.audience.view.current_view().chart
    qtbot.waitUntil(lambda: any(bar[0] == ids[0] and bar[2] == before[ids[0]] + 3 for bar in chart.results.bars),
                    timeout=2000)
    assert len(link.published) > published and link.published[-1].entries[0].heading == "Dot-vote results"
    demo.undo()  # the whole round, in one step
    assert {cid: conflict(demo, cid).votes for cid in ids} == before


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
