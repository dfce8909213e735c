"""The screening queue: cards from phones become elements only when the facilitator accepts them, one undo step each."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from workshop_app.model import ElementKind, Side, UpdateItem


def arrive(qtbot, dialog, link, *args, **kwargs):
    card = link.send_card(*args, **kwargs)
    qtbot.waitUntil(lambda: dialog.controller.card(card.id) is not None, timeout=3000)
    dialog.queue.select(card.id)
    return card


def elements_titled(window, title):
    return [el for el in window.doc.workshop.elements if el.title == title]


def test_a_card_waits_in_the_queue_until_accepted_then_is_one_hidden_element_and_one_undo_step(qtbot, room, demo):
    dialog, link = room
    before = demo.doc.workshop.model_dump()
    card = arrive(qtbot, dialog, link, "Lead response within 24 h", "we lose leads", ElementKind.GOAL, Side.SALES)
    assert elements_titled(demo, card.title) == []  # nothing reaches the document on its own
    assert "1 card waiting" in dialog.queue.count.text() and dialog.tabs.tabText(1) == "&Cards (1)"
    steps = demo.doc.undo_stack.count()
    qtbot.mouseClick(dialog.queue.accept_button, Qt.MouseButton.LeftButton)
    [element] = elements_titled(demo, card.title)
    assert (element.kind, element.side, element.notes, element.hidden) == ("goal", Side.SALES, "we lose leads", True)
    assert demo.doc.undo_stack.count() == steps + 1
    assert link.handled == [card.id] and dialog.controller.cards == [] and dialog.queue.list.count() == 0
    demo.undo()
    assert elements_titled(demo, card.title) == [] and demo.doc.workshop.model_dump() == before  # exactly as before


def test_accepted_cards_can_be_shown_at_once_and_parking_lot_cards_go_to_the_parking_lot(qtbot, room, demo):
    dialog, link = room
    dialog.queue.hidden_box.setChecked(False)
    arrive(qtbot, dialog, link, "Webinar feedback", kind=ElementKind.INSIGHT, side=Side.MARKETING)
    dialog.queue.accept_selected()
    [element] = elements_titled(demo, "Webinar feedback")
    assert not element.hidden and element.kind == "insight" and element.side == Side.MARKETING
    arrive(qtbot, dialog, link, "Who owns the CRM?", "later", kind=None)
    dialog.queue.accept_selected()
    assert demo.doc.workshop.parking_lot[-1].text == "Who owns the CRM?\nlater"


def test_edit_then_accept_takes_the_facilitators_words(qtbot, room, demo, monkeypatch):
    dialog, link = room
    arrive(qtbot, dialog, link, "leads r bad", kind=ElementKind.GOAL, side=Side.SALES)

    def edited(self):
        self.title.setText("Lead quality")
        self.side.setCurrentIndex(self.side.findData(Side.MARKETING))
        self.kind.setCurrentIndex(self.kind.findData(ElementKind.BELIEF))
        return QDialog.DialogCode.Accepted

    from workshop_app.ui.room.queue_panel import CardEditDialog

    monkeypatch.setattr(CardEditDialog, "exec", edited)
    steps = demo.doc.undo_stack.count()
    assert dialog.queue.edit_selected()
    [element] = elements_titled(demo, "Lead quality")
    assert element.kind == "belief" and element.side == Side.MARKETING
    assert elements_titled(demo, "leads r bad") == [] and demo.doc.undo_stack.count() == steps + 1


def test_merge_appends_the_card_to_an_entry_as_one_undo_step(qtbot, room, demo):
    dialog, link = room
    target = next(el for el in demo.doc.workshop.elements if el.kind == "goal")
    notes = target.notes
    arrive(qtbot, dialog, link, "Also count webinars", "as MQL", kind=ElementKind.GOAL)
    combo = dialog.queue.merge_target
    combo.setCurrentIndex(combo.findData(target.id))
    steps = demo.doc.undo_stack.count()
    qtbot.mouseClick(dialog.queue.merge_button, Qt.MouseButton.LeftButton)
    merged = demo.doc.workshop.element(target.id)
    assert merged.notes.endswith("Also count webinars — as MQL") and merged.notes.startswith(notes.rstrip())
    assert demo.doc.undo_stack.count() == steps + 1 and elements_titled(demo, "Also count webinars") == []
    demo.undo()
    assert demo.doc.workshop.element(target.id).notes == notes


def test_reject_drops_the_card_and_leaves_the_document_alone(qtbot, room, demo):
    dialog, link = room
    card = arrive(qtbot, dialog, link, "spam spam")
    steps = demo.doc.undo_stack.count()
    qtbot.mouseClick(dialog.queue.reject_button, Qt.MouseButton.LeftButton)
    assert link.handled == [card.id] and dialog.controller.cards == []
    assert demo.doc.undo_stack.count() == steps and elements_titled(demo, "spam spam") == []


def test_markup_in_a_card_is_shown_literally(qtbot, room, demo):
    dialog, link = room
    title, detail = "<b>bold</b> <a href='file:///etc'>x</a>", "<img src=x onerror=alert(1)>\x1b"
    arrive(qtbot, dialog, link, title, detail)
    item = dialog.queue.list.currentItem()
    assert "<b>bold</b>" in item.text()
    assert dialog.queue.detail.textFormat() == Qt.TextFormat.PlainText
    assert dialog.queue.detail.text() == "<img src=x onerror=alert(1)>␛"
    dialog.queue.accept_selected()
    assert elements_titled(demo, title)[0].notes == detail.strip()


def test_undoing_an_acceptance_puts_the_card_back_in_the_queue_and_redo_takes_it_out(qtbot, room, demo):
    dialog, link = room
    card = arrive(qtbot, dialog, link, "Lead response within 24 h", kind=ElementKind.GOAL, side=Side.SALES)
    dialog.queue.accept_selected()
    assert dialog.controller.cards == [] and link.pending == []
    demo.undo()
    assert [c.id for c in dialog.controller.cards] == [card.id] and dialog.queue.list.count() == 1
    assert [c.id for c in link.pending] == [card.id]  # the server has it back (and journals it)
    assert elements_titled(demo, card.title) == []
    demo.redo()
    assert dialog.controller.cards == [] and link.pending == [] and len(elements_titled(demo, card.title)) == 1
    demo.undo()
    demo.doc.push(UpdateItem("meta", None, {"title": "Another edit"}))  # the acceptance can never be redone now
    assert [c.id for c in dialog.controller.cards] == [card.id]
    dialog.queue.select(card.id)
    dialog.queue.accept_selected()  # and it can be accepted again
    assert len(elements_titled(demo, card.title)) == 1 and dialog.controller.cards == []


def test_undoing_a_merge_puts_the_card_back_in_the_queue(qtbot, room, demo):
    dialog, link = room
    target = next(el for el in demo.doc.workshop.elements if el.kind == "goal")
    card = arrive(qtbot, dialog, link, "Also count webinars", kind=ElementKind.GOAL)
    assert dialog.controller.merge(card, target.id)
    assert dialog.controller.cards == []
    demo.undo()
    assert [c.id for c in dialog.controller.cards] == [card.id]


def test_nothing_from_the_room_goes_into_a_what_if_scenario(qtbot, room, demo):
    from workshop_app.room import AlignmentAnswers, AlignmentArrived
    from workshop_app.ui.whatif.controller import what_if

    dialog, link = room
    card = arrive(qtbot, dialog, link, "Shared pipeline review", kind=ElementKind.GOAL)
    whatif = what_if(demo)
    assert whatif.start("One pot")
    refusals = []
    demo.doc.refused.connect(refusals.append)
    assert not dialog.controller.accept(card)
    assert "what-if scenario “One pot”" in refusals[-1] and dialog.controller.cards == [card]
    round_id = demo.doc.today.alignment.rounds[0].id
    statement = demo.doc.today.alignment.statements[0].id
    answers_before = len(demo.doc.today.alignment.responses)
    today_steps = demo.doc.today_stack.count()
    link._put(AlignmentArrived(AlignmentAnswers(round_id, Side.SALES, {statement: 4})))
    qtbot.waitUntil(lambda: len(demo.doc.today.alignment.responses) == answers_before + 1, timeout=3000)
    assert demo.doc.today_stack.count() == today_steps + 1 and demo.doc.undo_stack.count() == 0  # today's step
    assert demo.doc.is_modified  # today's workshop has changed: closing asks first
    assert whatif.leave()  # nothing of the scenario's is lost: no question
    assert len(demo.doc.workshop.alignment.responses) == answers_before + 1  # there, in today's workshop
    assert dialog.controller.accept(card)
    demo.undo()  # the acceptance
    demo.undo()  # keeping the scenario in the workshop's list
    demo.undo()  # the phone's answers: one step of today's workshop
    assert len(demo.doc.workshop.alignment.responses) == answers_before
