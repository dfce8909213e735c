"""The editor's graph places its labels so a reader sees each whole: none over another, none over a node.

Measured on the real canvas, at 100 % zoom, in display pixels: the white box of
every label drawn (as matplotlib rendered it) against every other and against
every node's disc, on the demo with a conflict selected (its labels are bold and
larger, the ones that used to run into each other).
"""

from __future__ import annotations

import pytest

from workshop_app.store.demo import load_demo
from workshop_app.ui.graph.graph_canvas import LABEL_FLOOR_PT, GraphCanvas


def _canvas(qtbot, lang: str, size: tuple[int, int]) -> GraphCanvas:
    widget = GraphCanvas(lang=lang)
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_document(load_demo(lang))
    return widget


def _drawn_boxes(canvas: GraphCanvas) -> list[tuple[str, object]]:
    canvas.canvas.draw()
    renderer = canvas.canvas.get_renderer()
    return [(el_id, text.get_bbox_patch().get_window_extent(renderer))
            for el_id, text in canvas.drawn.labels if text.get_visible()]


def _faults(canvas: GraphCanvas) -> list[str]:
    boxes = _drawn_boxes(canvas)
    found = [f"{a} and {b} overlap" for n, (a, box_a) in enumerate(boxes) for b, box_b in boxes[n + 1:]
             if box_a.overlaps(box_b)]
    ax, dpi = canvas.drawn.ax, canvas.figure.dpi
    for node, (x, y) in zip(canvas.drawn.ids, ax.transData.transform(canvas.drawn.xy).tolist(), strict=True):
        r = canvas.drawn.radius_pt[node] * dpi / 72
        for el_id, box in boxes:
            if box.x0 < x + r and x - r < box.x1 and box.y0 < y + r and y - r < box.y1:
                found.append(f"the label of {el_id} lies over the node {node}")
    return found


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("size", [(420, 520), (960, 720)])  # the Conflicts page's graph at 1366×768, at 1920×1080
def test_no_label_overlaps_another_or_a_node_with_a_conflict_selected(qtbot, lang, size):
    canvas = _canvas(qtbot, lang, size)
    canvas.set_highlight("c-umbrella")
    boxes = _drawn_boxes(canvas)
    assert {el_id for el_id, _box in boxes} & canvas.drawn.lit  # the selected conflict's elements are labelled
    assert all(text.get_fontsize() >= LABEL_FLOOR_PT for _id, text in canvas.drawn.labels if text.get_visible())
    assert _faults(canvas) == []


def test_labels_stay_clear_of_each_other_after_zooming_in(qtbot):
    canvas = _canvas(qtbot, "de", (420, 520))
    canvas.set_highlight("c-umbrella")
    canvas.zoom_by(2.5)
    canvas.render_view()
    assert len(_drawn_boxes(canvas)) > 2
    assert _faults(canvas) == []


def test_hovering_over_a_label_names_its_element(qtbot):
    canvas = _canvas(qtbot, "en", (420, 520))
    canvas.set_highlight("c-umbrella")
    canvas.canvas.draw()
    el_id, (x0, y0, x1, y1) = canvas.label_boxes[0]

    class Event:
        x, y = (x0 + x1) / 2, (y0 + y1) / 2

    assert canvas._label_at(Event()) == el_id
