"""The printed graph: every part of it readable on A4 (labels ≥ 7 pt), words never broken mid-syllable."""

from __future__ import annotations

import pytest

from tests.builders import link
from tests.export.test_minutes_content import load_generate
from workshop_app.analysis import conflict_views
from workshop_app.analysis.subtree import goal_subtree
from workshop_app.cli import main
from workshop_app.export import graph_pages as gp
from workshop_app.export.graph_style import wrap_label
from workshop_app.export.pdf_layout import frame_size
from workshop_app.store.demo import load_demo


def boxes() -> dict[str, tuple[float, float]]:
    """The picture boxes of the minutes' graph pages (the text frame less heading and caption)."""
    return {o: (frame_size(o)[0], frame_size(o)[1] - 70) for o in ("portrait", "landscape")}


@pytest.fixture(scope="module", params=["demo", "L"])
def planned(request):
    doc = load_demo("de") if request.param == "demo" else load_generate().make_document("L")
    views = conflict_views(doc, "de")
    return request.param, doc, views, gp.graph_parts(doc, views, boxes(), "de", overview_box=boxes()["landscape"])


def test_every_graph_page_has_labels_of_at_least_7_pt(planned):
    _, doc, views, plan = planned
    for part in plan.parts:
        box = boxes()[part.page or "landscape"]
        if part.ids is not None:  # computed from the layout and the page size
            sub = gp.part_document(doc, part.ids), gp.part_views(views, part.ids)
            assert gp.label_points(*sub, box, "de", part.layout, title=gp._titled(part, sub[1]),
                                   legend=part.legend) >= gp.PRINT_FONT
        drawn = gp.render_part(doc, views, part, box, "de", dpi=40)
        assert all(size >= gp.PRINT_FONT for size in drawn.label_sizes), (part.subject, min(drawn.label_sizes))
        if part.ids is not None:  # a part shows every one of its elements by name
            assert len(drawn.label_sizes) == len(part.ids)


def test_a_graph_too_large_for_one_page_gets_subtree_and_conflict_pages(planned):
    name, doc, _, plan = planned
    kinds = [part.kind for part in plan.parts]
    assert kinds[0] == "overview"
    assert "goal" in kinds  # both the demo (47 elements) and L are too large for 7 pt on one page
    if name == "L":
        assert len(plan.parts) == gp.MAX_PARTS + 1
        assert plan.left_out  # named in the overview's caption, not silently dropped
    else:  # the demo: every shared goal has its page, and the room's conflicts are shown somewhere
        shared = [el.title for el in doc.elements if el.kind == "goal" and el.level.value == "shared"]
        assert {part.subject for part in plan.parts if part.kind == "goal"} == set(shared)
        assert "conflicts" in kinds


def test_a_small_graph_is_one_page():
    doc = load_demo("en")
    keep = goal_subtree(doc, "g-sh-brand")
    small = gp.part_document(doc, frozenset(keep))
    views = gp.part_views(conflict_views(doc, "en"), frozenset(keep))
    plan = gp.graph_parts(small, views, {"portrait": gp.page_box("A4", "portrait")}, "en")
    assert [part.kind for part in plan.parts] == ["overview"]


def test_a_subtree_holds_the_contributing_goals_their_incentives_and_budgets():
    doc = load_demo("en")
    ids = goal_subtree(doc, "g-sh-brand")
    assert "g-sh-brand" in ids
    contributing = {ln.source for ln in doc.links if ln.kind.value == "contributes_to" and ln.target == "g-sh-brand"}
    assert contributing and contributing <= ids
    rewarded = {ln.source for ln in doc.links if ln.kind.value == "rewards" and ln.target in ids}
    assert rewarded and rewarded <= ids
    assert not {"g-sh-pipeline", "g-sh-winrate"} & ids  # other shared goals are not part of it
    doc.links.append(link("l-loop", "contributes_to", "g-sh-brand", "g-sh-brand"))
    assert goal_subtree(doc, "g-sh-brand") == ids  # a loop ends
    assert goal_subtree(doc, "nope") == set()


@pytest.mark.parametrize("title", ["Markenbekanntheit in den Zielbranchen", "Donaudampfschifffahrtsgesellschaft",
                                   "Content-Marketing-Managerin", "Als PdM-Anbieter bekannt werden"])
@pytest.mark.parametrize("width", [6, 9, 12, 16])
def test_a_label_breaks_only_at_spaces_and_hyphens_of_the_title(title, width):
    lines = wrap_label(title, width, max_lines=6).split("\n")
    for line in lines:
        if line.endswith("-"):  # a hyphen that is the title's own ("Markenbekannt-" is not in any title)
            assert line.split()[-1] in title, line
    joined = " ".join(lines).replace("- ", "-")
    # nothing added; only a word far too long for any label (over three lines' width) is elided with …
    assert joined == title or (joined.endswith("…") and title.startswith(joined[:-1]) and width * 3 < 34)


def test_no_label_of_the_demo_ends_in_a_hyphen_the_title_has_not():
    doc = load_demo("de")
    for el in doc.elements:
        for width in (8, 12, 16):
            for line in wrap_label(el.title, width, max_lines=4).split("\n")[:-1]:
                if line.endswith("-"):
                    assert line.split()[-1] in el.title, (el.title, line)


def test_tandem_graph_goal_writes_a_picture_of_the_subtree(tmp_path):
    out = tmp_path / "brand.png"
    assert main(["graph", "--demo", "--lang", "en", "--goal", "g-sh-brand", "--page", "A4", "-o", str(out)]) == 0
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    from PIL import Image

    w, h = Image.open(out).size
    assert h > w  # the A4 portrait page asked for


def test_tandem_graph_conflict_and_an_unknown_goal(tmp_path, capsys):
    out = tmp_path / "c.svg"
    assert main(["graph", "--demo", "--lang", "en", "--conflict", "c-umbrella", "-o", str(out)]) == 0
    assert b"<svg" in out.read_bytes()[:400]
    assert main(["graph", "--demo", "--goal", "nope", "-o", str(tmp_path / "x.png")]) != 0
    assert not (tmp_path / "x.png").exists()
