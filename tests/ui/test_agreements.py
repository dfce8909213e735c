"""The things of file format v2 a facilitator edits: agreements, pots formed from budgets, agreed channels
replacing today's, goals depending on their handover agreement, decisions that restructure.

Every edit goes through real widgets and is one undoable step.
"""

from __future__ import annotations

import datetime

from PySide6.QtCore import Qt

from tests.builders import small_workshop
from tests.ui.helpers import choose, click_cell, tick, type_into, type_text
from workshop_app.model import Agreement, AgreementType, LinkKind, Origin, Phase, Side


def open_small(window, phase, doc=None):
    window.set_workshop(doc or small_workshop(), None)
    window.go_to_phase(phase)
    return window.page(phase)


def show_agreements(qtbot, page) -> None:
    bar = page.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    assert page.tabs.currentIndex() == 1


def links(window, kind):
    return [(lk.source, lk.target) for lk in window.doc.workshop.links if lk.kind == kind]


def with_agreement():
    doc = small_workshop()
    doc.elements.append(Agreement(id="a-sla", title="Lead handover within 24 h", parties=[Side.MARKETING, Side.SALES]))
    return doc


def test_an_agreement_is_added_edited_field_by_field_and_each_edit_undoes_alone(qtbot, window):
    page = open_small(window, Phase.COMMUNICATION)
    show_agreements(qtbot, page)
    type_into(qtbot, page.agreements.add_edit, "Lead handover within 24 h")
    agreement = window.doc.workshop.element(page.agreements.current_id())
    assert agreement.kind == "agreement" and agreement.parties == [Side.MARKETING, Side.SALES]
    assert page.details_title.text() == "Agreement" and "1" in page.tabs.tabText(1)

    form = page.details.forms["agreement"]
    choose(qtbot, form.editors["agreement_type"], "Definition")
    type_text(qtbot, form.editors["commitment"], "Sales calls every qualified lead back")
    type_into(qtbot, form.editors["within"], "24 hours")
    type_into(qtbot, form.editors["metric"], "share of leads called back in time")
    choose(qtbot, form.editors["owner"], "Ben Cole")
    tick(qtbot, form.editors["parties"], "Marketing")  # untick: only Sales is bound
    type_into(qtbot, form.editors["review_date"], "2027-03-31")
    agreement = window.doc.workshop.element(agreement.id)
    assert (agreement.agreement_type, agreement.commitment, agreement.within, agreement.metric, agreement.owner,
            agreement.parties, agreement.review_date) == (
        AgreementType.DEFINITION, "Sales calls every qualified lead back", "24 hours",
        "share of leads called back in time", "p-ben", [Side.SALES], datetime.date(2027, 3, 31))
    column = [c.field for c in page.agreements.model.columns].index("agreement_type")
    assert page.agreements.model.index(0, column).data() == "Definition"

    window.undo()
    assert window.doc.workshop.element(agreement.id).review_date is None
    window.undo()
    assert window.doc.workshop.element(agreement.id).parties == [Side.MARKETING, Side.SALES]
    assert window.doc.workshop.element(agreement.id).owner == "p-ben"  # the edit before stays
    window.redo()
    window.redo()
    assert window.doc.workshop.element(agreement.id).review_date == datetime.date(2027, 3, 31)

    page.agreements.view.setFocus()
    click_cell(qtbot, page.agreements, 0)
    qtbot.keyClick(page.agreements.view, Qt.Key.Key_Delete)
    assert window.doc.workshop.element(agreement.id) is None
    window.undo()
    assert window.doc.workshop.element(agreement.id).within == "24 hours"


def test_ticking_a_goal_in_the_agreement_records_that_it_depends_on_it(qtbot, window):
    page = open_small(window, Phase.COMMUNICATION, with_agreement())
    show_agreements(qtbot, page)
    click_cell(qtbot, page.agreements, 0)
    governs = page.details.forms["agreement"].editors["governs"]
    assert governs.item(0).text().startswith("Double the pipeline")  # the shared goal first
    tick(qtbot, governs, "Double the pipeline")
    assert links(window, LinkKind.DEPENDS_ON) == [("g-shared", "a-sla")]
    assert window.doc.undo_stack.count() == 1
    window.undo()
    assert links(window, LinkKind.DEPENDS_ON) == []
    assert governs.item(0).checkState() == Qt.CheckState.Unchecked


def test_goal_drafting_links_a_shared_goal_to_the_agreement_governing_its_handover(qtbot, window):
    page = open_small(window, Phase.GOALS, with_agreement())
    page.tree.select("g-shared")
    choose(qtbot, page.links.kind_choice, "depends on")
    choose(qtbot, page.links.target_choice, "Lead handover within 24 h")
    qtbot.mouseClick(page.links.add_button, Qt.MouseButton.LeftButton)
    assert links(window, LinkKind.DEPENDS_ON) == [("g-shared", "a-sla")]
    assert page.links.list.item(0).text().startswith("depends on → Lead handover within 24 h")
    window.undo()
    assert page.links.list.count() == 0


def test_a_joint_pot_is_formed_from_ticked_budgets_and_gets_a_start_date(qtbot, window):
    page = open_small(window, Phase.INVENTORY)
    page.set_category("budgets")
    type_into(qtbot, page.table(Side.MARKETING).add_edit, "Campaign budget")
    type_into(qtbot, page.table(Side.SALES).add_edit, "Events budget")
    pot_table = page.table(Side.JOINT)
    assert pot_table.isVisible()
    type_into(qtbot, pot_table.add_edit, "Pipeline pot")
    pot = window.doc.workshop.element(pot_table.current_id())
    assert (pot.side, pot.origin) == (Side.JOINT, Origin.AGREED)

    form = page.details.forms["budget"]
    assert form.editors["pooled_from"].isVisible() and not form.editors["goes_into"].isVisible()
    type_into(qtbot, form.editors["start_date"], "2027-04-01")
    tick(qtbot, form.editors["pooled_from"], "Campaign budget")
    tick(qtbot, form.editors["pooled_from"], "Events budget")
    sources = {window.doc.workshop.element(s).title for s, t in links(window, LinkKind.POOLS) if t == pot.id}
    assert sources == {"Campaign budget", "Events budget"}
    assert window.doc.workshop.element(pot.id).start_date == datetime.date(2027, 4, 1)
    window.undo()
    assert len(links(window, LinkKind.POOLS)) == 1
    window.undo()
    assert links(window, LinkKind.POOLS) == []
    assert window.doc.workshop.element(pot.id).start_date == datetime.date(2027, 4, 1)

    window.redo()
    click_cell(qtbot, page.table(Side.MARKETING), 0)  # the source sees where its money goes
    goes_into = form.editors["goes_into"]
    assert goes_into.isVisible() and not form.editors["pooled_from"].isVisible()
    assert goes_into.item(0).text() == "Pipeline pot (Joint)" and goes_into.item(0).checkState() == Qt.CheckState.Checked
    assert "Budgets  3" in page.tabs.tabText(3)


def test_an_agreed_channel_replaces_one_of_today_which_the_list_of_today_shows(qtbot, window):
    page = open_small(window, Phase.COMMUNICATION)
    type_into(qtbot, page.as_is.add_edit, "Strategy deck by email")
    form = page.details.forms["channel"]
    assert not form.editors["replaces"].isVisible()  # a channel of today replaces nothing
    choose(qtbot, form.editors["usefulness"], "1")
    rating = page.as_is.model.index(0, [c.field for c in page.as_is.model.columns].index("usefulness"))
    assert rating.data(Qt.ItemDataRole.ForegroundRole).name() == "#c23b00"  # useless and still in use: red
    type_into(qtbot, page.agreed.add_edit, "One-page brief in the CRM")
    assert form.editors["replaces"].isVisible()
    tick(qtbot, form.editors["replaces"], "Strategy deck by email")
    agreed = page.agreed.current_id()
    today = page.as_is.model.ids[0]
    assert links(window, LinkKind.REPLACES) == [(agreed, today)]
    column = [c.field for c in page.as_is.model.columns].index("replaced_by")
    assert page.as_is.model.index(0, column).data() == "One-page brief in the CRM"
    assert rating.data(Qt.ItemDataRole.ForegroundRole) is None  # replaced: history, no longer a warning
    window.undo()
    assert links(window, LinkKind.REPLACES) == [] and page.as_is.model.index(0, column).data() == ""
    assert window.doc.workshop.element(today) is not None  # today's channel stays, as history


def test_a_decision_is_marked_as_restructuring_with_the_space_bar(qtbot, window):
    page = open_small(window, Phase.WRAPUP)
    type_into(qtbot, page.decisions.add_edit, "Merge the two lead teams")
    column = [c.field for c in page.decisions.model.columns].index("restructuring")
    click_cell(qtbot, page.decisions, 0, column)
    qtbot.keyClick(page.decisions.view, Qt.Key.Key_Space)
    decision = window.doc.workshop.decisions[0]
    assert decision.restructuring is True
    assert page.decisions.model.index(0, column).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    window.undo()
    assert window.doc.workshop.decisions[0].restructuring is False
    assert window.doc.workshop.decisions[0].text == "Merge the two lead teams"


def test_ctrl_tab_goes_from_the_channels_to_the_agreements_and_back(qtbot, window):
    page = open_small(window, Phase.COMMUNICATION, with_agreement())
    page.as_is.add_edit.setFocus()
    qtbot.keyClick(page.as_is.add_edit, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert page.tabs.currentIndex() == 1 and page.followed_list() is page.agreements
    click_cell(qtbot, page.agreements, 0)
    assert page.details.forms["agreement"].isVisible()
    qtbot.keyClick(page.agreements.view, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert page.tabs.currentIndex() == 0 and page.followed_list() is not page.agreements


def test_a_read_only_workshop_greys_the_ticks_and_no_link_is_made(qtbot, window):
    page = open_small(window, Phase.COMMUNICATION, with_agreement())
    show_agreements(qtbot, page)
    click_cell(qtbot, page.agreements, 0)
    window.doc.read_only = True
    governs = page.details.forms["agreement"].editors["governs"]
    assert not governs.isEnabled() and not page.details.forms["agreement"].editors["parties"].isEnabled()
    governs.item(0).setCheckState(Qt.CheckState.Checked)  # even if a tick got through, the document refuses it
    assert links(window, LinkKind.DEPENDS_ON) == []
    assert governs.item(0).checkState() == Qt.CheckState.Unchecked  # and the list shows the document again


def test_the_poor_channel_mark_follows_the_workshops_threshold(qtbot, window):
    from workshop_app.model import UpdateItem

    page = open_small(window, Phase.COMMUNICATION)
    type_into(qtbot, page.as_is.add_edit, "Free-text notes in the CRM")
    choose(qtbot, page.details.forms["channel"].editors["usefulness"], "2")
    rating = page.as_is.model.index(0, [c.field for c in page.as_is.model.columns].index("usefulness"))
    assert rating.data(Qt.ItemDataRole.ForegroundRole).name() == "#c23b00"  # 2 of 5 is poor by default
    assert "rated 2 or less" in page.rating_hint.text()
    window.doc.push(UpdateItem("analysis", None, {"poor_channel_rating": 1}), "threshold")
    rating = page.as_is.model.index(0, rating.column())
    assert rating.data(Qt.ItemDataRole.ForegroundRole) is None
    assert "rated 1 or less" in page.rating_hint.text()
