"""Page by page: edit in place, reorder, delete, links, conflicts, and refresh behaviour."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.builders import small_workshop
from tests.ui.helpers import choose, click_cell, edit_cell, type_into
from workshop_app.model import ConflictStatus, LinkKind, Phase, Side

ALT = Qt.KeyboardModifier.AltModifier


def open_small(window, phase):
    window.set_workshop(small_workshop(), None)
    window.go_to_phase(phase)
    return window.page(phase)


def laid_out_on_the_laptop(qtbot, window, lang: str, phase: Phase, table_name: str):
    """A table of the demo's ``phase`` page, laid out in a 1280×720 window."""
    from workshop_app.store.demo import load_demo

    window.resize(1280, 720)
    window.set_workshop(load_demo(lang), None)
    window.go_to_phase(phase)
    table = getattr(window.page(phase), table_name)
    qtbot.waitUntil(lambda: table.view.viewport().width() > 0)
    table.layout_columns()
    return table


def test_inventory_reorder_edit_in_place_and_delete_with_keys(qtbot, window):
    page = open_small(window, Phase.INVENTORY)
    table = page.table(Side.MARKETING)
    type_into(qtbot, table.add_edit, "Leads per month")
    assert [r.title for r in table.model.records] == ["Brand awareness", "Leads per month"]
    click_cell(qtbot, table, 1)
    qtbot.keyClick(table.view, Qt.Key.Key_Up, ALT)
    assert [r.title for r in table.model.records] == ["Leads per month", "Brand awareness"]
    assert table.current_id() == table.model.ids[0]
    edit_cell(qtbot, table, 0, 0, "MQLs per month")
    assert window.doc.workshop.element(table.model.ids[0]).title == "MQLs per month"
    click_cell(qtbot, table, 0)
    qtbot.keyClick(table.view, Qt.Key.Key_Delete)
    assert [r.title for r in table.model.records] == ["Brand awareness"]
    window.undo()
    assert [r.title for r in table.model.records] == ["MQLs per month", "Brand awareness"]
    assert page.details_title.text()


def test_inventory_categories_filter_by_kind_and_side(qtbot, window):
    page = open_small(window, Phase.INVENTORY)
    page.set_category("incentives")
    assert [r.title for r in page.table(Side.SALES).model.records] == ["Lead commission"]
    assert page.table(Side.MARKETING).model.records == []
    page.set_category("horizons")
    horizons = page.table(Side.SALES)
    assert [r.title for r in horizons.model.records] == ["Quarterly revenue", "Lead commission"]
    edit_cell(qtbot, horizons, 1, 2, "6")  # the incentive's period
    assert window.doc.workshop.element("i-commission").period_months == 6
    assert "Incentives  1" in page.tabs.tabText(1)


def test_invalid_number_is_refused_and_field_restored(qtbot, window, boxes):
    page = open_small(window, Phase.INVENTORY)
    click_cell(qtbot, page.table(Side.MARKETING), 0)
    field = page.details.forms["goal"].editors["horizon_months"]
    type_into(qtbot, field, "soon")
    assert "whole number" in window.message_bar.current_text()
    assert field.text() == "24" and window.doc.workshop.element("g-brand").horizon_months == 24


def test_goal_tree_follows_links_and_deleting_a_goal_takes_its_links(qtbot, window):
    page = open_small(window, Phase.GOALS)
    assert page.tree.topLevelItemCount() == 2  # the strategy and "not yet linked"
    page.tree.select("s-grow")
    choose(qtbot, page.new_kind, "Department goal")
    choose(qtbot, page.new_side, "Sales")
    type_into(qtbot, page.new_title, "Close rate")
    new_id = page.tree.current_id()
    assert window.doc.workshop.element(new_id).side == Side.SALES
    assert any(lk.source == new_id and lk.target == "s-grow" for lk in window.doc.workshop.links)
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_Delete)
    assert window.doc.workshop.element(new_id) is None
    assert not any(new_id in (lk.source, lk.target) for lk in window.doc.workshop.links)


def test_links_can_be_added_and_removed(qtbot, window):
    page = open_small(window, Phase.GOALS)
    page.tree.select("g-shared")
    choose(qtbot, page.links.kind_choice, "contributes to")
    choose(qtbot, page.links.target_choice, "Grow profitably")
    qtbot.mouseClick(page.links.add_button, Qt.MouseButton.LeftButton)
    assert page.links.list.count() == 1
    assert page.tree.topLevelItem(0).child(0).text(0).endswith("Double the pipeline")
    page.links.list.setFocus()
    page.links.list.setCurrentRow(0)
    qtbot.keyClick(page.links.list, Qt.Key.Key_Delete)
    assert not any(lk.kind == LinkKind.CONTRIBUTES_TO for lk in window.doc.workshop.links)


def test_detected_conflicts_get_their_record_with_the_first_vote(qtbot, window):
    page = open_small(window, Phase.CONFLICTS)
    detected = [v for v in page.views if not v.declared]
    assert detected, "the small workshop has findings (e.g. a silo goal)"
    assert window.doc.workshop.conflicts == []
    page.table.select_id(detected[0].id)
    qtbot.mouseClick(page.vote_plus, Qt.MouseButton.LeftButton)
    records = window.doc.workshop.conflicts
    assert len(records) == 1 and records[0].id == detected[0].id and records[0].tally == 1
    assert window.doc.undo_stack.count() == 1
    window.undo()
    assert window.doc.workshop.conflicts == []
    choose(qtbot, page.form.editors["status"], "Parked")
    assert window.doc.workshop.conflicts[0].status == ConflictStatus.PARKED


def test_declared_conflict_reason_is_kept_on_its_link_and_delete_removes_both(qtbot, window):
    page = open_small(window, Phase.CONFLICTS)
    qtbot.mouseClick(page.declare_toggle, Qt.MouseButton.LeftButton)
    choose(qtbot, page.side_a, "Brand awareness")
    choose(qtbot, page.side_b, "Quarterly revenue")
    type_into(qtbot, page.reason, "Budget")
    conflict = next(c for c in window.doc.workshop.conflicts if c.rule == "declared")
    reason = page.declared_form.editors["explanation"]
    reason.setFocus()
    reason.selectAll()
    qtbot.keyClicks(reason, "Budget for brand goes to deals")
    qtbot.keyClick(reason, Qt.Key.Key_Tab)
    link = next(lk for lk in window.doc.workshop.links if lk.id == conflict.link_id)
    assert link.reason == "Budget for brand goes to deals"
    assert conflict.explanation == ""  # stored once, on the link
    assert page.current() is None or page.declared_form.editors["explanation"].toPlainText() == link.reason
    page.table.select_id(conflict.id)
    page.table.view.setFocus()
    qtbot.keyClick(page.table.view, Qt.Key.Key_Delete)
    assert window.doc.workshop.conflicts == [] and not any(lk.kind == LinkKind.CONFLICTS_WITH for lk in window.doc.workshop.links)


def test_graph_is_embedded_and_a_drag_is_one_undoable_move(qtbot, window):
    page = open_small(window, Phase.CONFLICTS)
    assert page.graph is not None
    page.graph.element_moved.emit("g-brand", 1.5, -2.0)
    assert window.doc.workshop.element("g-brand").position.x == 1.5
    assert "Move" in window.doc.undo_stack.undoText()
    window.undo()
    assert window.doc.workshop.element("g-brand").position is None
    page.graph.element_clicked.emit("g-brand")
    view = page.current()
    assert view is None or "g-brand" in view.element_ids


def test_a_graph_redraw_cut_short_by_leaving_the_page_happens_on_return(qtbot, window, monkeypatch):
    from workshop_app.model import UpdateItem

    page = open_small(window, Phase.CONFLICTS)
    redraw = page._refresh_graph
    calls = []
    monkeypatch.setattr(page, "_refresh_graph", lambda: (calls.append(page.active), redraw()))
    window.doc.push(UpdateItem("elements", "g-brand", {"title": "Brand, renamed"}))
    window.go_to_phase(Phase.SETUP)  # before the deferred redraw
    qtbot.wait(200)
    assert True not in calls  # nothing was drawn: the page is not on screen
    window.go_to_phase(Phase.CONFLICTS)
    qtbot.waitUntil(lambda: True in calls, timeout=2000)  # and on return the renamed node is drawn


def test_hidden_pages_refresh_only_when_shown(qtbot, window):
    page = open_small(window, Phase.WRAPUP)
    window.go_to_phase(Phase.SETUP)
    type_into(qtbot, window.page(Phase.SETUP).participants.add_edit, "Cara")
    assert page._stale
    window.go_to_phase(Phase.WRAPUP)
    assert not page._stale


def test_communication_flags_useless_channels(qtbot, window):
    page = open_small(window, Phase.COMMUNICATION)
    choose(qtbot, page.as_is_from, "Sales → Marketing")
    type_into(qtbot, page.as_is.add_edit, "Win/loss notes")
    channel = window.doc.workshop.element(page.as_is.current_id())
    assert (channel.side, channel.to_side) == (Side.SALES, Side.MARKETING)
    choose(qtbot, page.details.forms["channel"].editors["usefulness"], "1")
    index = page.as_is.model.index(0, [c.field for c in page.as_is.model.columns].index("usefulness"))
    assert index.data(Qt.ItemDataRole.DisplayRole) == "★☆☆☆☆"
    assert index.data(Qt.ItemDataRole.ForegroundRole).name() == "#c23b00"


def test_summary_escapes_user_text(qtbot, window):
    page = open_small(window, Phase.WRAPUP)
    type_into(qtbot, page.decisions.add_edit, "<b>bold</b> & <script>")
    assert "<b>bold</b> & <script>" in page.summary.toPlainText()


def test_dates_and_statuses_are_never_cut_off_in_a_narrow_table(qtbot, window):
    """On a 1280-wide laptop the names and references give way; a due date stays whole."""
    table = laid_out_on_the_laptop(qtbot, window, "de", Phase.WRAPUP, "actions_table")
    header, fm = table.view.horizontalHeader(), table.view.fontMetrics()
    columns = [c.field for c in table.model.columns]
    for field in ("due_date", "status"):
        column = columns.index(field)
        widest = max(fm.horizontalAdvance(table.model.data(table.model.index(r, column)) or "")
                     for r in range(table.model.rowCount()))
        assert header.sectionSize(column) >= widest, field
    owner = columns.index("owner")
    assert header.sectionSize(owner) < table._fits[owner]  # the owner column gave way instead
    assert table.model.headerData(owner, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == "Owner"


def test_wrapup_summary_counts_conflicts_as_the_minutes_do(qtbot, window):
    """The one definition of the counts (count_conflicts): the room hears the same numbers the minutes print."""
    from workshop_app.analysis import conflict_views, count_conflicts
    from workshop_app.store.demo import load_demo
    from workshop_app.ui.progress import conflict_count_parts

    window.set_workshop(load_demo("en"), None)
    window.go_to_phase(Phase.WRAPUP)
    counts = count_conflicts(conflict_views(window.doc.workshop, "en"))
    assert counts.room + counts.new_findings > 0
    assert " · ".join(conflict_count_parts(counts)) in window.page(Phase.WRAPUP).summary.toPlainText()


def test_on_a_large_workshop_the_summary_follows_the_page(qtbot, window):
    """The tables show at once; the summary (it needs the conflict analysis) a moment later."""
    from workshop_app.store.demo import load_demo

    doc = load_demo("en")
    for item in doc.agenda:  # a workshop with every phase done opens on the wrap-up: start at the beginning
        item.done = False
    window.set_workshop(doc, None)
    page = window.page(Phase.WRAPUP)
    assert not page.active
    page.defer_summary_above = 10  # the demo counts as large here
    page.summary.clear()
    window.go_to_phase(Phase.WRAPUP)
    assert page.actions_table.model.rowCount() > 0 and page.summary.toPlainText() == ""
    qtbot.waitUntil(lambda: "conflicts settled" in page.summary.toPlainText(), timeout=2000)


def test_leaving_the_wrap_up_before_its_summary_was_filled_fills_it_on_return_not_meanwhile(qtbot, window):
    """The summary's analysis must not land in the next page's switch; the summary is there on return."""
    from workshop_app.model import UpdateItem
    from workshop_app.store.demo import load_demo

    window.set_workshop(load_demo("en"), None)
    window.go_to_phase(Phase.WRAPUP)
    page = window.page(Phase.WRAPUP)
    page.defer_summary_above = 10
    page.summary.clear()
    window.doc.push(UpdateItem("meta", None, {"title": "A new title"}))  # the summary is deferred again
    assert page._summary_timer.isActive()
    window.go_to_phase(Phase.SETUP)  # gone before the timer fired
    assert not page._summary_timer.isActive()
    qtbot.wait(100)
    assert page.summary.toPlainText() == ""  # nothing was analysed for a page nobody sees
    window.go_to_phase(Phase.WRAPUP)
    qtbot.waitUntil(lambda: "conflicts settled" in page.summary.toPlainText(), timeout=2000)


def test_a_rating_stays_readable_in_a_cramped_table(qtbot, window):
    """Communication on a 1280×720 laptop: the names give way, the five stars are never cut to "☆☆☆…"."""
    table = laid_out_on_the_laptop(qtbot, window, "en", Phase.COMMUNICATION, "as_is")
    header = table.view.horizontalHeader()
    assert sum(header.sectionSize(i) for i in range(len(table._fits))) < sum(table._fits)  # cramped indeed
    column = [c.field for c in table.model.columns].index("usefulness")
    assert header.sectionSize(column) >= table._needs[column]  # stars and padding (its long heading may give way)


def test_agreements_keep_type_and_review_date_whole_on_the_laptop(qtbot, window):
    """The demo's agreements in German on a 1280×720 laptop: the type and the review date are never cut."""
    from workshop_app.store.demo import load_demo

    window.resize(1280, 720)
    window.set_workshop(load_demo("de"), None)
    window.go_to_phase(Phase.COMMUNICATION)
    page = window.page(Phase.COMMUNICATION)
    page.show_agreements()
    table = page.agreements
    qtbot.waitUntil(lambda: table.view.viewport().width() > 0)
    table.layout_columns()
    assert table.model.rowCount() > 0
    header, fm = table.view.horizontalHeader(), table.view.fontMetrics()
    columns = [c.field for c in table.model.columns]
    for field in ("agreement_type", "review_date"):
        column = columns.index(field)
        widest = max(fm.horizontalAdvance(table.model.data(table.model.index(r, column)) or "")
                     for r in range(table.model.rowCount()))
        assert header.sectionSize(column) >= widest, field
    assert header.sectionSize(columns.index("title")) > header.sectionSize(columns.index("owner"))
