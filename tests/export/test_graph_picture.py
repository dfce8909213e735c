"""Graph picture and horizon chart: SVG/PNG written atomically, user text shown literally."""

import re
import subprocess
import sys

import pytest

from workshop_app.analysis import conflict_views
from workshop_app.model import (
    Belief,
    Budget,
    Channel,
    Goal,
    GoalLevel,
    Incentive,
    Link,
    LinkKind,
    Position,
    Side,
    Strategy,
    Workshop,
)

matplotlib = pytest.importorskip("matplotlib")

from workshop_app.export import graph_picture  # noqa: E402
from workshop_app.export.graph_picture import draw_graph, graph_picture_bytes, write_graph_picture  # noqa: E402
from workshop_app.export.horizon_chart import draw_horizon_chart, write_horizon_chart  # noqa: E402


def workshop() -> Workshop:
    return Workshop(
        elements=[
            Strategy(id="s1", title="Grow profitably"),
            Goal(id="g1", title="Shared $x$ pipeline & <more>", level=GoalLevel.SHARED, horizon_months=24),
            Goal(id="g2", title="Retrofit leads from the whitepaper", side=Side.SALES, horizon_months=24),
            Goal(id="g3", title="Markenbekanntheit in den Zielbranchen", side=Side.MARKETING, horizon_months=36),
            Goal(id="g4", title="Webinar series", side=Side.MARKETING, level=GoalLevel.TEAM, horizon_months=6),
            Incentive(id="i1", title="Lead commission", side=Side.SALES, period_months=3),
            Incentive(id="i2", title="Campaign bonus", side=Side.MARKETING, period_months=12),
            Budget(id="b1", title="Campaign budget", side=Side.MARKETING),
            Channel(id="c1", title="Strategy deck", side=Side.MARKETING, to_side=Side.SALES, usefulness=0),
            Belief(id="be1", title="Sales never reads anything", side=Side.MARKETING),
        ],
        links=[
            Link(id="l1", kind=LinkKind.CONTRIBUTES_TO, source="g1", target="s1"),
            Link(id="l2", kind=LinkKind.CONTRIBUTES_TO, source="g2", target="g1"),
            Link(id="l3", kind=LinkKind.CONTRIBUTES_TO, source="g4", target="g3"),
            Link(id="l4", kind=LinkKind.REWARDS, source="i1", target="g2"),
            Link(id="l5", kind=LinkKind.REWARDS, source="i2", target="g3"),
            Link(id="l6", kind=LinkKind.FUNDS, source="b1", target="g1"),
            Link(id="l7", kind=LinkKind.DEPENDS_ON, source="g2", target="g3"),
            Link(id="l8", kind=LinkKind.CONFLICTS_WITH, source="g3", target="g2", reason="topic A vs B"),
        ],
    )


def svg_text(data: bytes) -> str:
    """The text content of all <text> elements (what a reader of the SVG sees)."""
    from xml.etree import ElementTree

    root = ElementTree.fromstring(data)
    return "\n".join("".join(node.itertext()) for node in root.iter() if node.tag.endswith("text"))


def test_svg_is_written_with_titles_as_literal_text(tmp_path):
    out = tmp_path / "graph.svg"
    write_graph_picture(workshop(), out, lang="en")
    data = out.read_bytes()
    assert data.startswith(b"<?xml") and b"<svg" in data
    text = " ".join(svg_text(data).split())  # labels are wrapped onto several lines
    assert "Shared $x$ pipeline & <more>" in text  # not mathtext, and XML-escaped in the file
    assert "Lead commission" in text and "Markenbekanntheit" in text
    for word in ("Marketing", "Sales", "Joint", "contributes to", "rewards", "conflicts with", "in an open conflict"):
        assert word in text


def test_png_is_written_at_200_dpi_or_more(tmp_path):
    from PIL import Image

    out = tmp_path / "graph.png"
    write_graph_picture(workshop(), out, lang="de")
    with Image.open(out) as image:
        assert image.format == "PNG"
        assert image.info["dpi"][0] >= 199
        assert image.width >= 2000


def test_german_picture_uses_the_german_catalog():
    text = svg_text(graph_picture_bytes(workshop(), "svg", lang="de"))
    assert "Vertrieb" in text and "Gemeinsam" in text and "belohnt" in text and "Abteilungsziele" in text


def test_highlight_shows_the_conflict_title(tmp_path):
    doc = workshop()
    target = next(v for v in conflict_views(doc) if v.rule == "short-incentive-period")
    text = svg_text(graph_picture_bytes(doc, "svg", highlight=target.id))
    assert target.title in text


def test_output_is_reproducible():
    assert graph_picture_bytes(workshop(), "svg") == graph_picture_bytes(workshop(), "svg")


def test_a_failed_export_leaves_the_old_file_intact(tmp_path, monkeypatch):
    out = tmp_path / "graph.png"
    out.write_bytes(b"old picture")

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(graph_picture, "draw_graph", broken)
    with pytest.raises(RuntimeError):
        write_graph_picture(workshop(), out)
    assert out.read_bytes() == b"old picture"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.png"]


def test_unknown_formats_are_refused(tmp_path):
    with pytest.raises(ValueError, match=r"\.svg or \.png"):
        write_graph_picture(workshop(), tmp_path / "graph.pdf")
    with pytest.raises(ValueError):
        graph_picture_bytes(workshop(), "gif")


def test_draw_into_an_existing_axes_and_find_nodes_again():
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(12, 7))
    FigureCanvasAgg(figure)
    ax = figure.add_subplot()
    drawn = draw_graph(workshop(), ax, lang="en")
    figure.canvas.draw()
    assert drawn.ax is ax and set(drawn.ids) >= {"s1", "g1", "i1", "c1"}
    assert "be1" not in drawn.ids  # unlinked beliefs are inventory, not graph
    x, y = ax.transData.transform(drawn.layout.positions["i1"])
    assert drawn.node_at(x, y) == "i1"
    assert drawn.node_at(x + 500, y + 500) != "i1"


def test_labels_never_overlap_each_other_or_other_nodes():
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    doc = workshop()
    doc.elements += [Goal(id=f"x{i}", title=f"Another fairly long goal title number {i}", side=Side.SALES)
                     for i in range(8)]
    layout = graph_picture.compute_layout(doc)
    figure = graph_picture.figure_for(doc, layout)
    FigureCanvasAgg(figure)
    drawn = draw_graph(doc, figure, layout=layout)
    renderer = figure.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in drawn.ax.texts if t.get_zorder() == 5]
    assert len(boxes) == len(drawn.ids)
    for n, a in enumerate(boxes):
        for b in boxes[n + 1:]:
            assert not a.overlaps(b)
    centres = drawn.ax.transData.transform(drawn.xy)
    for box in boxes:
        inside = [(x, y) for x, y in centres if box.x0 < x < box.x1 and box.y0 < y < box.y1]
        assert inside == []


def test_dragged_positions_are_drawn_where_they_were_dropped():
    doc = workshop()
    doc.elements[2].position = Position(x=-3.0, y=2.0)
    from matplotlib.figure import Figure

    drawn = draw_graph(doc, Figure(figsize=(10, 6)))
    assert drawn.layout.positions["g2"] == (-3.0, 2.0)
    xmin, xmax = drawn.ax.get_xlim()
    ymin, ymax = drawn.ax.get_ylim()
    assert xmin < -3.0 < xmax and ymin < 2.0 < ymax


def test_empty_workshop_draws():
    assert graph_picture_bytes(Workshop(), "png")[:8] == b"\x89PNG\r\n\x1a\n"


def test_horizon_chart_lists_goals_and_incentives_by_side(tmp_path):
    out = tmp_path / "horizons.svg"
    write_horizon_chart(workshop(), out, lang="en")
    text = svg_text(out.read_bytes())
    assert "Lead commission" in text and "36 months" in text and "3 months" in text and "Months" in text
    assert text.index("Marketing") < text.index("Sales")


def test_horizon_chart_draws_into_a_given_figure_and_handles_empty_documents():
    from matplotlib.figure import Figure

    figure = Figure(figsize=(7.5, 4.2), layout="constrained")
    ax = draw_horizon_chart(workshop(), figure, "de")
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[0] == "Marketing" and "Vertrieb" in labels and "Shared $x$ pipeline & <more>" in labels
    figure.savefig(__import__("io").BytesIO(), format="png")
    draw_horizon_chart(Workshop(), figure, "en")


def test_picture_modules_import_neither_pyplot_nor_qt():
    code = (
        "import sys\n"
        "from workshop_app.export import graph_picture, horizon_chart\n"
        "assert 'matplotlib' not in sys.modules, 'matplotlib loaded at import'\n"
        "from workshop_app.model import Workshop\n"
        "graph_picture.graph_picture_bytes(Workshop(), 'svg')\n"
        "bad = [m for m in sys.modules if m == 'matplotlib.pyplot' or m.startswith(('PySide6', 'matplotlib.backends.backend_qt'))]\n"
        "print(bad)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_svg_text_helper_sees_mathtext_as_missing_dollars():
    """Guard for the literal-text test above: mathtext would drop the dollar signs."""
    from io import BytesIO

    from matplotlib.figure import Figure

    figure = Figure()
    figure.text(0.5, 0.5, "$x$")
    buf = BytesIO()
    with matplotlib.rc_context({"svg.fonttype": "none"}):
        figure.savefig(buf, format="svg")
    assert not re.search(r"\$x\$", svg_text(buf.getvalue()))


def test_large_graphs_on_a_small_screen_drop_unreadable_labels_but_exports_keep_them():
    from matplotlib.figure import Figure

    doc = Workshop(elements=[Goal(id=f"g{i}", title=f"Goal number {i}", side=[Side.MARKETING, Side.SALES][i % 2])
                             for i in range(200)])
    drawn = draw_graph(doc, Figure(figsize=(8, 5)))
    labels = [t for t in drawn.ax.texts if 5 <= t.get_zorder() < 6]
    assert labels == [] and any("hover" in t.get_text() for t in drawn.ax.texts)
    focus = next(v for v in conflict_views(doc) if v.rule == "silo-goal")
    drawn = draw_graph(doc, Figure(figsize=(8, 5)), highlight=focus.id)
    assert [t.get_text() for t in drawn.ax.texts if 5 <= t.get_zorder() < 6] == [doc.elements[0].title]
    assert "Goal number 199" in " ".join(svg_text(graph_picture_bytes(doc, "svg", figsize=(8, 5))).split())


def test_the_editor_sees_hidden_entries_pale_and_dashed_the_minutes_do_not():
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.collections import PathCollection
    from matplotlib.figure import Figure

    doc = workshop()
    doc.element("i1").hidden = True

    def node_style(mark_hidden: bool, element_id: str) -> tuple[float, str]:
        figure = Figure(figsize=(12, 7))
        FigureCanvasAgg(figure)
        drawn = draw_graph(doc, figure, lang="en", mark_hidden=mark_hidden)
        where = drawn.layout.positions[element_id]
        for artist in drawn.ax.collections:
            if isinstance(artist, PathCollection) and artist.get_zorder() == 3 and \
                    any(tuple(xy) == tuple(where) for xy in artist.get_offsets()):
                return artist.get_alpha(), artist.get_linestyle()[0][1] is not None
        raise AssertionError(f"{element_id} not drawn")

    assert node_style(True, "i1") == (0.4, True)  # hidden from the room: pale, dashed edge
    assert node_style(True, "i2") == (1.0, False)
    assert node_style(False, "i1") == (1.0, False)  # minutes and pictures draw every entry alike


def test_pay_out_ticks_stop_at_the_longest_horizon():
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.collections import PathCollection
    from matplotlib.figure import Figure

    figure = Figure(figsize=(10, 6))
    FigureCanvasAgg(figure)
    ax = draw_horizon_chart(workshop(), figure, "en")  # horizons up to 36 months, a 3-month commission
    ticks = [x for c in ax.collections if isinstance(c, PathCollection) for x, _y in c.get_offsets()]
    assert ticks and max(ticks) <= 36 and 36 in ticks


def test_agreements_pots_and_replaced_channels_are_drawn_and_explained_in_the_legend():
    """A goal depending on its handover agreement, a pot formed from a budget, an agreed channel replacing
    today's: each drawn, the agreement in its own shape, and each named in the legend."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from workshop_app.export import graph_style as gs
    from workshop_app.model import Agreement, Origin

    doc = workshop()
    doc.elements += [
        Agreement(id="a1", title="Lead handover within 24 h", parties=[Side.MARKETING, Side.SALES]),
        Budget(id="b2", title="Joint pot", side=Side.JOINT, origin=Origin.AGREED),
        Channel(id="c2", title="One-page brief", side=Side.MARKETING, to_side=Side.SALES, origin=Origin.AGREED),
    ]
    doc.links += [
        Link(id="l9", kind=LinkKind.DEPENDS_ON, source="g1", target="a1"),
        Link(id="l10", kind=LinkKind.POOLS, source="b1", target="b2"),
        Link(id="l11", kind=LinkKind.REPLACES, source="c2", target="c1"),
    ]
    figure = Figure(figsize=(14, 9))
    FigureCanvasAgg(figure)
    drawn = draw_graph(doc, figure, lang="en")
    figure.canvas.draw()
    assert {"a1", "b2", "c2"} <= set(drawn.ids)
    assert gs.NODE_SHAPES["agreement"][0] not in {m for cls, (m, _f) in gs.NODE_SHAPES.items() if cls != "agreement"}
    legend = [t.get_text() for t in drawn.ax.get_legend().get_texts()]
    assert {"Agreement", "goes into", "replaces", "depends on"} <= set(legend)
    german = draw_graph(doc, Figure(figsize=(14, 9)), lang="de")
    assert {"Vereinbarung", "ersetzt"} <= {t.get_text() for t in german.ax.get_legend().get_texts()}


def test_a_finding_set_aside_is_no_longer_drawn_as_an_open_conflict():
    from workshop_app.analysis import record_operation
    from workshop_app.export.graph_picture import open_conflict_elements
    from workshop_app.model import Triage, UpdateItem

    doc = workshop()
    views = conflict_views(doc, "en")
    channel = next(v for v in views if v.element_ids == ("c1",))
    assert "c1" in open_conflict_elements(views)
    record_operation(doc, [channel.id]).apply(doc)
    UpdateItem("conflicts", channel.id, {"triage": Triage.SET_ASIDE, "set_aside_reason": "Deck retires"}).apply(doc)
    assert "c1" not in open_conflict_elements(conflict_views(doc, "en"))


def _segments_between(drawn, a, b):
    from matplotlib.collections import LineCollection

    pa, pb = drawn.layout.positions[a], drawn.layout.positions[b]
    found = []
    for coll in drawn.ax.collections:
        if isinstance(coll, LineCollection):
            for seg in coll.get_segments():
                ends = {tuple(seg[0]), tuple(seg[-1])}
                if ends == {tuple(pa), tuple(pb)}:
                    found.append(seg)
    return found


def test_two_links_between_the_same_pair_are_drawn_apart():
    import numpy as np
    from matplotlib.figure import Figure

    doc = workshop()
    doc.links.append(Link(id="l9", kind=LinkKind.DEPENDS_ON, source="g2", target="g1"))  # besides contributing
    drawn = draw_graph(doc, Figure(figsize=(12, 7)))
    paths = _segments_between(drawn, "g2", "g1")
    assert len(paths) == 2
    first, second = (np.asarray(p) for p in paths)
    mid = lambda seg: seg[len(seg) // 2]  # noqa: E731
    assert np.linalg.norm(mid(first) - mid(second)) > 0.2  # apart at the middle, in slot units
    # a link alone between its two elements stays straight
    assert len(_segments_between(drawn, "i1", "g2")[0]) == 2


def test_with_a_label_floor_labels_are_that_large_and_clear_of_each_other_and_of_nodes_once_shown():
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    doc = workshop()
    doc.elements += [Goal(id=f"x{i}", title=f"Another fairly long goal title number {i}", side=Side.SALES)
                     for i in range(30)]
    figure = Figure(figsize=(7, 4.5), dpi=100)  # a laptop's graph pane
    FigureCanvasAgg(figure)
    drawn = draw_graph(doc, figure, label_floor=9.0)
    assert drawn.label_zoom > 1 and len(drawn.labels) < len(drawn.ids)  # the crowded row waits for the zoom
    assert drawn.labels  # the strategy, alone in its row, is labelled at 100 %
    drawn.ensure_labels()
    assert len(drawn.labels) == len(drawn.ids)
    assert all(text.get_fontsize() >= 9 for _, text in drawn.labels)
    for _, text in drawn.labels:
        text.set_visible(True)
    ax = drawn.ax
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    renderer = figure.canvas.get_renderer()
    for zoom in (1.0, (1 + drawn.label_zoom) / 2, drawn.label_zoom * 1.001):
        ax.set_xlim(cx - (x1 - x0) / 2 / zoom, cx + (x1 - x0) / 2 / zoom)
        ax.set_ylim(cy - (y1 - y0) / 2 / zoom, cy + (y1 - y0) / 2 / zoom)
        shown = [t for i, t in drawn.labels if drawn.label_zooms[i] <= zoom]  # as the canvas shows them
        boxes = [t.get_window_extent(renderer) for t in shown]
        for n, a in enumerate(boxes):
            for b in boxes[n + 1:]:
                assert not a.overlaps(b)
        for box in boxes:
            centres = ax.transData.transform(drawn.xy)
            assert not [(x, y) for x, y in centres if box.x0 < x < box.x1 and box.y0 < y < box.y1]
    assert len(shown) == len(drawn.ids)


def test_label_zooms_compare_near_nodes_only_and_agree_with_every_pair():
    """The zoom at which each label is clear, from near pairs only, equals the all-pairs answer from 50 % on."""
    import numpy as np

    from workshop_app.export.graph_picture import label_zooms

    rng = np.random.default_rng(7)
    xy = np.round(rng.uniform(0, 25, (300, 2)))
    widths, heights = rng.uniform(0.5, 3, 300), rng.uniform(0.2, 0.8, 300)
    width = (widths[:, None] + widths[None, :]) / 2
    height = np.maximum(heights[:, None], heights[None, :])
    dx, dy = np.abs(xy[:, None, 0] - xy[None, :, 0]), np.abs(xy[:, None, 1] - xy[None, :, 1])
    with np.errstate(divide="ignore"):
        need = np.minimum(np.where(dx > 0, width / dx, np.inf), np.where(dy > 0, height / dy, np.inf))
    np.fill_diagonal(need, 0.0)
    expected = np.maximum(np.minimum(need.max(axis=1), 1e6), 0.5)
    assert np.allclose(label_zooms(xy, widths, heights), expected)
