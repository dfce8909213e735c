"""The projector theme and layout: one colour language, contrast that survives a projector, nothing cut off."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics

from tests.builders import small_workshop
from workshop_app.export import graph_style
from workshop_app.model import Goal, GoalLevel, Link, LinkKind, Origin, Phase, Side, UpdateItem
from workshop_app.store.demo import load_demo
from workshop_app.ui.projector import audience_content as content
from workshop_app.ui.projector.audience_content import Column, Entry, Stage
from workshop_app.ui.projector.entry_list import EntryList, wrap
from workshop_app.ui.widgets import labels, theme
from workshop_app.ui.widgets.theme import contrast_ratio


def test_the_sides_have_the_graphs_colours_everywhere():
    assert {Side(k): v for k, v in graph_style.SIDE_COLOURS.items()} == theme.SIDE_FILLS
    assert theme.CONFLICT_FILL == graph_style.CONFLICT  # vermillion stays the conflicts' colour
    assert labels.SIDE_COLOURS is theme.SIDE_TEXT
    assert theme.SIDE_TEXT[Side.MARKETING] == graph_style.MARKETING
    from workshop_app.export import pdf_styles

    assert {Side(k): v for k, v in pdf_styles.SIDE_COLOURS.items()} == theme.SIDE_TEXT  # minutes as on screen


def test_contrast_ratio_matches_wcag_reference_values():
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio(theme.SALES_FILL, "#FFFFFF") < 2.5  # why orange is never text on white


@pytest.mark.parametrize("side", list(Side))
def test_side_colours_keep_aa_contrast_as_text_and_behind_text(side):
    for background in theme.EDITOR_BACKGROUNDS:
        assert contrast_ratio(theme.SIDE_TEXT[side], background) >= 4.5, (side, background)
    assert contrast_ratio(theme.ON_SIDE_FILL[side], theme.SIDE_FILLS[side]) >= 4.5


@pytest.mark.parametrize("colour", ["INK", "MUTED", "DONE", "TIME_WARN", "TIME_ALERT", "HIDDEN_TEXT"])
def test_projector_text_colours_keep_aa_contrast(colour):
    assert contrast_ratio(getattr(theme, colour), theme.PAPER) >= 4.5
    assert contrast_ratio(getattr(theme, colour), theme.SELECTED_FILL) >= 4.5 or colour == "HIDDEN_TEXT"


def test_wrapping_keeps_words_whole_breaks_after_hyphens_and_ends_cut_text_with_an_ellipsis(qapp):
    fm = QFontMetrics(QFont("DejaVu Sans", 18))
    width = fm.horizontalAdvance("Content-Marketing-") + 4
    assert wrap(fm, "Content-Marketing-Managerin", width, 3) == ["Content-Marketing-", "Managerin"]
    lines = wrap(fm, "one two three four five six seven eight nine ten", fm.horizontalAdvance("one two three"), 2)
    assert len(lines) == 2 and lines[-1].endswith("…")
    assert all(fm.horizontalAdvance(line) <= fm.horizontalAdvance("one two three") for line in lines)
    narrow = wrap(fm, "Markenbekanntheitskampagne", 80, 4)
    assert all(fm.horizontalAdvance(line) <= 80 for line in narrow)


def test_a_long_list_shows_a_window_around_the_selected_entry(qtbot):
    widget = EntryList()
    qtbot.addWidget(widget)
    widget.resize(500, 400)
    entries = [Entry(f"e{n}", f"Entry number {n}", "a detail line") for n in range(40)]
    widget.set_column(Column("Many", entries), "e30")
    rows, above, below = widget.layout_rows()
    shown = widget.shown_ids()
    assert "e30" in shown and above > 0 and below > 0 and above + below + len(shown) == 40
    assert rows[-1].top + rows[-1].height + widget.indicator_height() <= widget.height()
    widget.set_column(Column("Many", entries), "e0")
    assert widget.shown_ids()[0] == "e0" and widget.layout_rows()[1] == 0


def test_hidden_goals_leave_the_tree_and_their_children_move_up():
    doc = small_workshop()
    doc.elements.append(Goal(id="g-child", title="Child", side=Side.SALES, origin=Origin.AGREED))
    doc.links += [Link(id="l1", kind=LinkKind.CONTRIBUTES_TO, source="g-shared", target="s-grow"),
                  Link(id="l2", kind=LinkKind.CONTRIBUTES_TO, source="g-child", target="g-shared")]
    levels = {e.id: e.level for e in content.goal_entries(doc)}
    assert levels["g-shared"] == 1 and levels["g-child"] == 2
    UpdateItem("elements", "g-shared", {"hidden": True}).apply(doc)
    levels = {e.id: e.level for e in content.goal_entries(doc)}
    assert "g-shared" not in levels and levels["g-child"] == 1
    assert content.goal_facts(doc, "g-shared") is None  # not even when selected


def test_agreements_and_channels_leave_hidden_entries_out():
    doc = load_demo("en")
    channel = next(el for el in doc.elements if el.kind == "channel" and el.origin == Origin.AGREED)
    goal = next(el for el in doc.elements if el.kind == "goal" and el.level == GoalLevel.SHARED)
    for el in (channel, goal):
        UpdateItem("elements", el.id, {"hidden": True}).apply(doc)
    shown = {e.id for column in content.agreement_columns(doc) + content.channel_columns(doc) for e in column.entries}
    assert channel.id not in shown and goal.id not in shown


def all_rows_fit(view) -> list[str]:
    """Every entry list of the view: what it draws ends inside it (problems as text)."""
    problems = []
    for widget in view.findChildren(EntryList):
        if not widget.isVisibleTo(view):
            continue
        rows, _above, below = widget.layout_rows()
        bottom = (rows[-1].top + rows[-1].height) if rows else widget.head_height()
        if below:
            bottom += widget.indicator_height()
        if bottom > widget.height() or len(widget.head_lines()) > 2:
            problems.append(f"{view.objectName()}: {widget.column.title!r} needs {bottom}px of {widget.height()}px")
    return problems


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720)])
def test_every_phase_fits_on_the_projector_at_both_sizes(qtbot, window, size):
    from workshop_app.ui.projector.audience_view import AudienceView

    window.set_workshop(load_demo("de"), None)
    view = AudienceView(window.doc, window.clock)
    qtbot.addWidget(view)
    view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    view.resize(*size)
    view.show()
    problems = []
    for phase in Phase:
        window.go_to_phase(phase, focus=False)
        window.page(phase).select_initial()
        view.set_stage(window.presenter.current_stage())
        qtbot.wait(30)
        current = view.current_view()
        assert current.phase == phase and current.width() > size[0] * 0.8
        assert view.header.height() < size[1] * 0.2  # the content keeps most of the wall
        problems += all_rows_fit(current)
        if phase != Phase.SETUP:
            assert current.shown_ids(), f"{phase}: nothing on the wall"
    assert problems == []


def test_stage_results_only_in_the_conflicts_phase(window):
    window.presenter.set_results(True)
    assert window.presenter.current_stage().results is False  # Setup
    window.go_to_phase(Phase.CONFLICTS)
    assert window.presenter.current_stage() == Stage(Phase.CONFLICTS, "", window.page(Phase.CONFLICTS).table.current_id(),
                                                     True)
