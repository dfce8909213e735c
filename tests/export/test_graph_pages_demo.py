"""Every neighbourhood page of the demo's graph is readable on A4: labels of at least 7 pt.

The sizes are those the picture is drawn with (the label artists' font sizes
on a figure of exactly the page's printable box, so points are points on
paper), for every conflict the room took up, in both languages.
"""

from __future__ import annotations

import pytest

from workshop_app.analysis import conflict_views
from workshop_app.export import graph_pages as gp
from workshop_app.store.demo import load_demo

PAGES = {"portrait": gp.page_box("A4", "portrait"), "landscape": gp.page_box("A4", "landscape")}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_taken_up_conflicts_neighbourhood_fits_an_a4_page_at_7_pt(lang):
    doc = load_demo(lang)
    views = conflict_views(doc, lang)
    small = {}
    for view in (v for v in views if v.taken_up and v.element_ids):  # an alignment gap has no elements
        part = gp.conflict_part(doc, views, view.id)
        fitted = gp._fit_part(doc, views, part, PAGES, lang)
        if fitted is None:
            small[view.id] = "fits no A4 page"
            continue
        drawn = gp.render_part(doc, views, fitted, PAGES[fitted.page], lang, dpi=30, min_label_font=0.0)
        if not drawn.label_sizes or min(drawn.label_sizes) < gp.PRINT_FONT:
            small[view.id] = f"{min(drawn.label_sizes, default=0):.2f} pt on {fitted.page}"
    assert small == {}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_minutes_graph_pages_of_the_demo_leave_out_no_part_as_too_large(lang):
    doc = load_demo(lang)
    views = conflict_views(doc, lang)
    plan = gp.graph_parts(doc, views, PAGES, lang, overview_box=PAGES["landscape"])
    assert plan.too_large == []
    for part in plan.parts[1:]:
        drawn = gp.render_part(doc, views, part, PAGES[part.page], lang, dpi=30)
        assert min(drawn.label_sizes) >= gp.PRINT_FONT, part.subject
