"""The live graph canvas: clicks and drags become signals; the document is never touched."""

import pytest
from PySide6.QtCore import QPoint, Qt

from workshop_app.model import Goal, GoalLevel, Incentive, Link, LinkKind, Side, Strategy, Workshop

pytest.importorskip("matplotlib")

from workshop_app.ui.graph.graph_canvas import GraphCanvas, HorizonChartWidget


def small_doc() -> Workshop:
    return Workshop(
        elements=[
            Strategy(id="s1", title="Grow $x$ profitably"),
            Goal(id="g1", title="Shared pipeline", level=GoalLevel.SHARED, horizon_months=24),
            Goal(id="g2", title="Leads", side=Side.SALES, horizon_months=12),
            Goal(id="g3", title="Brand", side=Side.MARKETING, horizon_months=36),
            Incentive(id="i1", title="Lead commission", side=Side.SALES, period_months=3),
        ],
        links=[
            Link(id="l1", kind=LinkKind.CONTRIBUTES_TO, source="g1", target="s1"),
            Link(id="l2", kind=LinkKind.CONTRIBUTES_TO, source="g2", target="g1"),
            Link(id="l3", kind=LinkKind.REWARDS, source="i1", target="g2"),
            Link(id="l4", kind=LinkKind.CONFLICTS_WITH, source="g3", target="g2", reason="topic A vs B"),
        ],
    )


@pytest.fixture
def canvas(qtbot):
    widget = GraphCanvas(lang="en")
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_document(small_doc())
    widget.canvas.draw()
    return widget


def test_clicking_a_node_emits_its_id(canvas, qtbot):
    for element_id in ("g2", "i1", "s1"):
        point = canvas.node_position(element_id)
        with qtbot.waitSignal(canvas.element_clicked, timeout=2000) as blocker:
            qtbot.mouseClick(canvas.canvas, Qt.MouseButton.LeftButton, pos=point)
        assert blocker.args == [element_id]


def test_clicking_empty_space_emits_nothing(canvas, qtbot):
    with qtbot.assertNotEmitted(canvas.element_clicked):
        qtbot.mouseClick(canvas.canvas, Qt.MouseButton.LeftButton, pos=QPoint(3, 3))


def test_dragging_a_node_emits_the_new_position_and_leaves_the_document_alone(canvas, qtbot):
    doc = canvas.doc
    before = doc.model_dump()
    start = canvas.node_position("g3")
    end = start + QPoint(120, 60)
    clicks = []
    canvas.element_clicked.connect(clicks.append)
    with qtbot.waitSignal(canvas.element_moved, timeout=2000) as blocker:
        qtbot.mousePress(canvas.canvas, Qt.MouseButton.LeftButton, pos=start)
        for step in range(1, 7):
            qtbot.mouseMove(canvas.canvas, start + (end - start) * (step / 6))
        qtbot.mouseRelease(canvas.canvas, Qt.MouseButton.LeftButton, pos=end)
    element_id, x, y = blocker.args
    assert element_id == "g3" and clicks == []
    # the reported position is where the mouse let go, in layout units
    ax = canvas.drawn.ax
    ratio = canvas.canvas.device_pixel_ratio or 1
    ex, ey = ax.transData.inverted().transform((end.x() * ratio, canvas.figure.bbox.height - end.y() * ratio))
    assert x == pytest.approx(ex, abs=0.05) and y == pytest.approx(ey, abs=0.05)
    ox, oy = canvas.drawn.layout.positions["g3"]
    assert x > ox and y < oy
    assert doc.model_dump() == before


def test_highlight_and_refresh_keep_nodes_clickable(canvas, qtbot):
    canvas.set_highlight("declared:l4")
    canvas.canvas.draw()
    point = canvas.node_position("g3")
    with qtbot.waitSignal(canvas.element_clicked, timeout=2000) as blocker:
        qtbot.mouseClick(canvas.canvas, Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args == ["g3"]


def test_tooltip_escapes_user_text(canvas):
    canvas.doc.elements[0].title = "<b>bold</b> & $x$"
    text = canvas.tooltip_html("s1")
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; $x$" in text


def test_empty_and_missing_documents_draw_without_error(qtbot):
    widget = GraphCanvas(lang="de")
    qtbot.addWidget(widget)
    widget.set_document(None)
    widget.set_document(Workshop())
    assert widget.drawn is None


def test_horizon_chart_widget_draws_the_document(qtbot):
    widget = HorizonChartWidget(lang="en")
    qtbot.addWidget(widget)
    widget.resize(800, 500)
    widget.set_document(small_doc())
    widget.canvas.draw()
    labels = [t.get_text() for t in widget.figure.axes[0].get_yticklabels()]
    assert "Lead commission" in labels and "Brand" in labels


def test_horizon_chart_redraws_after_a_resize(qtbot):
    widget = HorizonChartWidget(lang="en")
    qtbot.addWidget(widget)
    widget.resize(800, 500)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_document(small_doc())
    widget.resize(500, 400)
    assert widget.figure.axes == []  # cleared at once: the old type would not fit
    qtbot.waitUntil(lambda: bool(widget.figure.axes), timeout=2000)
    widget.resize(60, 40)  # too small to draw into
    qtbot.wait(300)
    assert widget.figure.axes == []


def test_selected_conflict_only_draws_its_neighbourhood_and_keeps_positions(canvas, qtbot):
    from workshop_app.analysis import conflict_views

    declared = next(v for v in conflict_views(canvas.doc, "en") if set(v.element_ids) == {"g2", "g3"})
    canvas.set_highlight(declared.id)
    whole_font = canvas.drawn.metrics.font
    canvas.set_focus(True)
    canvas.canvas.draw()
    # the conflict, what is linked to it (the shared goal, the commission), not the strategy beyond
    assert set(canvas.drawn.ids) == {"g2", "g3", "g1", "i1"} and canvas.focused
    assert canvas.drawn.metrics.font >= whole_font
    start = canvas.node_position("g3")
    with qtbot.assertNotEmitted(canvas.element_moved):  # placed afresh: a drag here would move nothing real
        qtbot.mousePress(canvas.canvas, Qt.MouseButton.LeftButton, pos=start)
        for step in range(1, 5):
            qtbot.mouseMove(canvas.canvas, start + QPoint(30 * step, 10 * step))
        qtbot.mouseRelease(canvas.canvas, Qt.MouseButton.LeftButton, pos=start + QPoint(120, 40))
    with qtbot.waitSignal(canvas.element_clicked, timeout=2000) as blocker:
        qtbot.mouseClick(canvas.canvas, Qt.MouseButton.LeftButton, pos=canvas.node_position("i1"))
    assert blocker.args == ["i1"]
    canvas.set_highlight(None)  # nothing selected: the whole graph, even with the box ticked
    assert set(canvas.drawn.ids) == {"s1", "g1", "g2", "g3", "i1"} and not canvas.focused


def test_an_agreement_a_goal_depends_on_is_a_node_with_its_facts_in_the_tooltip(canvas, qtbot):
    from workshop_app.model import Agreement, AgreementType

    doc = small_doc()
    doc.elements.append(Agreement(id="a1", title="Lead handover", agreement_type=AgreementType.SERVICE_LEVEL,
                                  within="24 hours", metric="leads called back in time"))
    doc.links.append(Link(id="l9", kind=LinkKind.DEPENDS_ON, source="g1", target="a1"))
    canvas.set_document(doc)
    canvas.canvas.draw()
    point = canvas.node_position("a1")
    assert point is not None
    with qtbot.waitSignal(canvas.element_clicked) as clicked:
        qtbot.mouseClick(canvas.canvas, Qt.MouseButton.LeftButton, pos=point)
    assert clicked.args == ["a1"]
    tip = canvas.tooltip_html("a1")
    assert "Service level" in tip and "24 hours" in tip and "leads called back in time" in tip


def test_a_pot_that_starts_later_says_so_in_its_tooltip(canvas):
    import datetime

    from workshop_app.model import Budget

    doc = small_doc()
    doc.elements.append(Budget(id="b1", title="Joint pot", amount=1000, start_date=datetime.date(2027, 4, 1)))
    doc.links.append(Link(id="l9", kind=LinkKind.FUNDS, source="b1", target="g1"))
    canvas.set_document(doc)
    canvas.set_language("de")
    assert "Beginnt am 01.04.2027" in canvas.tooltip_html("b1")


# -- reading and navigating ------------------------------------------------------------------------

def limits(canvas):
    return canvas.view_limits()


def width(lims):
    return lims[1] - lims[0]


def label_sizes(canvas):
    return {el_id: text.get_fontsize() for el_id, text in canvas.drawn.labels}


def test_ctrl_wheel_and_ctrl_plus_minus_zoom_and_labels_keep_their_point_size(canvas, qtbot):
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    home = limits(canvas)
    sizes = label_sizes(canvas)
    assert sizes and min(sizes.values()) >= 9  # readable at 100 %
    centre = QPointF(canvas.canvas.width() / 2, canvas.canvas.height() / 2)
    wheel = QWheelEvent(centre, canvas.canvas.mapToGlobal(centre), QPoint(0, 0), QPoint(0, 240),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase,
                        False)
    QApplication.sendEvent(canvas.canvas, wheel)
    assert width(limits(canvas)) < width(home) * 0.7  # two notches in
    assert label_sizes(canvas) == sizes  # the same point size, only the distances grow
    canvas.canvas.setFocus()
    zoomed = width(limits(canvas))
    qtbot.keyClick(canvas.canvas, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert width(limits(canvas)) > zoomed
    qtbot.keyClick(canvas.canvas, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(canvas.canvas, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert width(limits(canvas)) < zoomed
    canvas.render_view()
    canvas.canvas.draw()
    assert label_sizes(canvas) == sizes
    # nodes are still where the mouse finds them at the new limits
    with qtbot.waitSignal(canvas.element_clicked, timeout=2000) as blocker:
        qtbot.mouseClick(canvas.canvas, Qt.MouseButton.LeftButton, pos=canvas.node_position("g2"))
    assert blocker.args == ["g2"]


def test_the_zoom_buttons_and_fit_show_all_nodes_again(canvas, qtbot):
    home = limits(canvas)
    from PySide6.QtWidgets import QToolButton

    zoom_in = canvas.findChild(QToolButton, "graph_zoom_in")
    for _ in range(3):
        qtbot.mouseClick(zoom_in, Qt.MouseButton.LeftButton)
    x0, x1, y0, y1 = limits(canvas)
    inside = [i for i, (x, y) in canvas.drawn.layout.positions.items() if x0 <= x <= x1 and y0 <= y <= y1]
    assert len(inside) < len(canvas.drawn.ids)  # zoomed in: some nodes are out of view
    qtbot.mouseClick(canvas.findChild(QToolButton, "graph_fit"), Qt.MouseButton.LeftButton)
    assert limits(canvas) == pytest.approx(home)
    x0, x1, y0, y1 = limits(canvas)
    assert all(x0 <= x <= x1 and y0 <= y <= y1 for x, y in canvas.drawn.layout.positions.values())
    canvas.zoom_by(2.0)
    canvas.canvas.setFocus()
    qtbot.keyClick(canvas.canvas, Qt.Key.Key_0)
    assert limits(canvas) == pytest.approx(home)


def test_dragging_the_background_and_the_arrow_keys_pan(canvas, qtbot):
    canvas.zoom_by(2.0)
    canvas.render_view()
    canvas.canvas.draw()
    before = limits(canvas)
    start = QPoint(canvas.canvas.width() // 2, 8)  # the top margin: no node there
    assert canvas.drawn.node_at(*_display(canvas, start)) is None
    moved = []
    canvas.element_moved.connect(lambda *args: moved.append(args))
    with qtbot.assertNotEmitted(canvas.element_clicked):
        qtbot.mousePress(canvas.canvas, Qt.MouseButton.LeftButton, pos=start)
        for step in range(1, 6):
            qtbot.mouseMove(canvas.canvas, start + QPoint(-20 * step, 0))
        qtbot.mouseRelease(canvas.canvas, Qt.MouseButton.LeftButton, pos=start + QPoint(-100, 0))
    after = limits(canvas)
    assert after[0] > before[0] and width(after) == pytest.approx(width(before))  # dragged left: view moved right
    assert moved == []
    canvas.canvas.setFocus()
    qtbot.keyClick(canvas.canvas, Qt.Key.Key_Left)
    assert limits(canvas)[0] < after[0]
    qtbot.keyClick(canvas.canvas, Qt.Key.Key_Up)
    assert limits(canvas)[2] > after[2]


def _display(canvas, point):
    ratio = canvas.canvas.device_pixel_ratio or 1
    return point.x() * ratio, canvas.figure.bbox.height - point.y() * ratio


def test_a_redraw_after_an_edit_keeps_the_zoom(canvas):
    canvas.zoom_by(2.0)
    canvas.render_view()
    zoomed = limits(canvas)
    canvas.refresh()
    assert limits(canvas) == pytest.approx(zoomed)


def test_focus_on_a_clicked_element_shows_its_neighbourhood_only(canvas, qtbot):
    canvas.set_focus(True)
    assert not canvas.focused  # nothing selected: the whole graph
    with qtbot.waitSignal(canvas.element_clicked, timeout=2000):
        qtbot.mouseClick(canvas.canvas, Qt.MouseButton.LeftButton, pos=canvas.node_position("i1"))
    assert canvas.focused and set(canvas.drawn.ids) == {"i1", "g2"}


def test_focus_on_a_shared_goal_shows_its_subtree(canvas):
    doc = small_doc()
    doc.elements += [Goal(id="t1", title="Webinars", side=Side.SALES, level=GoalLevel.TEAM),
                     Goal(id="o1", title="Elsewhere", side=Side.MARKETING)]
    doc.links += [Link(id="l5", kind=LinkKind.CONTRIBUTES_TO, source="t1", target="g2"),
                  Link(id="l6", kind=LinkKind.CONTRIBUTES_TO, source="o1", target="s1")]
    canvas.set_document(doc)
    canvas.set_focus(True)
    canvas.set_selected_element("g1")
    # the goal, the goals below it at any depth, what hangs on them (the commission, the conflicting goal,
    # the strategy above), not a goal that serves the strategy elsewhere
    assert canvas.focused and set(canvas.drawn.ids) == {"g1", "g2", "t1", "i1", "g3", "s1"}


def test_labels_appear_at_a_readable_size_once_zoomed_in_on_a_crowded_graph(canvas):
    doc = Workshop(elements=[Goal(id=f"g{i}", title=f"A goal with a rather long title number {i}",
                                  side=[Side.MARKETING, Side.SALES][i % 2]) for i in range(120)])
    canvas.set_document(doc)
    drawn = canvas.drawn
    assert drawn.label_zoom > 1  # too crowded at 100 %: labels wait for the zoom
    assert all(text.get_fontsize() >= 9 for _, text in drawn.labels)
    assert not any(text.get_visible() for _, text in drawn.labels) and canvas.hint.text()  # it says why
    canvas.zoom_by(drawn.label_zoom * 1.01)
    canvas.render_view()
    visible = [text for _, text in drawn.labels if text.get_visible()]
    assert visible and len(visible) < len(drawn.labels)  # those in view
    assert all(t.get_fontsize() >= 9 for t in visible) and not canvas.hint.text()
    assert any(t.get_text().endswith("…") for t in visible)  # elided; the full title is in the tooltip
    el_id = next(i for i, t in drawn.labels if t.get_visible())
    assert "A goal with a rather long title number" in canvas.tooltip_html(el_id)


def test_a_pinch_on_the_touchpad_zooms(canvas):
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QNativeGestureEvent, QPointingDevice
    from PySide6.QtWidgets import QApplication

    home = limits(canvas)
    centre = QPointF(canvas.canvas.width() / 2, canvas.canvas.height() / 2)
    pinch = QNativeGestureEvent(Qt.NativeGestureType.ZoomNativeGesture, QPointingDevice.primaryPointingDevice(), 2,
                                centre, centre, canvas.canvas.mapToGlobal(centre), 0.5, QPointF(0, 0))
    QApplication.sendEvent(canvas.canvas, pinch)
    assert width(limits(canvas)) == pytest.approx(width(home) / 1.5)
