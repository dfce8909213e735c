"""Pages without fragments, checked on reportlab's own layout: where every flowable landed.

The minutes are built as :func:`~workshop_app.export.minutes.minutes_pdf_bytes` builds them, with
``afterFlowable`` recording each placed flowable and its page. A table split between rows puts the
same row objects into its parts; a row cut in two gets new cell objects. So a printed table row
that is not one of the story's rows is a row split across a page break.
"""

from __future__ import annotations

import io
import itertools
from datetime import date
from typing import Any

import pytest
from reportlab.platypus import Paragraph, Table

from tests.builders import agreed_workshop
from tests.export.test_minutes_content import load_generate
from workshop_app.export.minutes import build_story
from workshop_app.export.pdf_layout import frame_size, make_doc, numbered_canvas_class
from workshop_app.model import ActionItem, Participant, Workshop
from workshop_app.store.demo import load_demo


def lay_out(doc: Workshop, lang: str) -> tuple[list[Table], list[tuple[int, Any]]]:
    """The story's tables, and (page, flowable) for every flowable placed, in order."""
    story, furniture, meta = build_story(doc, lang)
    tables = [f for f in story if isinstance(f, Table)]
    pdf = make_doc(io.BytesIO(), furniture, meta)
    placed: list[tuple[int, Any]] = []
    record = pdf.afterFlowable

    def after(flowable: Any) -> None:
        placed.append((pdf.page, flowable))
        record(flowable)

    pdf.afterFlowable = after
    pdf.build(story, canvasmaker=numbered_canvas_class(furniture))
    return tables, placed


def _row_key(row: list[Any]) -> tuple[int, ...]:
    return tuple(id(value) for value in row if not isinstance(value, str))


def split_rows(tables: list[Table], placed: list[tuple[int, Any]]) -> list[str]:
    """Rows printed in a part that is not a whole row of the story (their text, for the message)."""
    whole = {_row_key(row) for t in tables for row in t._cellvalues}
    broken = []
    for _page, flowable in placed:
        if not isinstance(flowable, Table):
            continue
        for row in flowable._cellvalues[flowable.repeatRows:]:
            if _row_key(row) not in whole:
                broken.append(" | ".join(_text(v) for v in row)[:120])
    return broken


def _text(value: Any) -> str:
    items = value if isinstance(value, (list, tuple)) else [value]
    return " ".join(i.getPlainText() if hasattr(i, "getPlainText") else str(i) for i in items)


def _actions_table(tables: list[Table]) -> Table:
    return next(t for t in tables if "What" in _text(t._cellvalues[0][1]))


def headings_alone(placed: list[tuple[int, Any]]) -> list[str]:
    """Headings (h1, h2) whose next printed block is on a later page."""
    content = [(page, f) for page, f in placed if isinstance(f, (Paragraph, Table)) or hasattr(f, "parts")
               or type(f).__name__ == "Image"]
    alone = []
    for (page, f), (next_page, _next) in itertools.pairwise(content):
        if isinstance(f, Paragraph) and f.style.name in ("h1", "h2") and next_page != page:
            alone.append(f.getPlainText())
    return alone


@pytest.fixture(scope="module", params=[("demo", "de"), ("demo", "en"), ("agreed", "de"), ("agreed", "en"),
                                        ("L", "en")], ids=lambda p: "-".join(p))
def laid_out(request) -> tuple[list[Table], list[tuple[int, Any]]]:
    case, lang = request.param
    if case == "demo":
        doc = load_demo(lang)
    elif case == "agreed":
        doc = agreed_workshop()
    else:
        doc = load_generate().make_workshop(400, 800, 30, seed=1)
    return lay_out(doc, lang)


def test_no_table_row_is_split_across_a_page_break(laid_out):
    tables, placed = laid_out
    assert sum(isinstance(f, Table) for _, f in placed) > len(tables) or len(tables) > 5  # tables were printed
    assert split_rows(tables, placed) == []


def test_no_heading_ends_a_page(laid_out):
    _tables, placed = laid_out
    assert headings_alone(placed) == []


def test_a_long_table_splits_between_rows_with_its_heading_row_repeated():
    people = [Participant(id="p1", name="Owner")]
    actions = [ActionItem(id=f"a{n}", what=" ".join([f"task{n}"] * (1 + 23 * (n % 9))), owner="p1",
                          due_date=date(2026, 1, 1 + n % 28)) for n in range(60)]
    tables, placed = lay_out(Workshop(participants=people, actions=actions), "en")
    table = _actions_table(tables)
    parts = [(page, f) for page, f in placed if isinstance(f, Table) and _row_key(f._cellvalues[0]) == _row_key(table._cellvalues[0])]
    assert len({page for page, _ in parts}) > 3  # the actions table runs over several pages
    assert split_rows(tables, placed) == []
    assert sum(len(f._cellvalues) - 1 for _, f in parts) == len(actions)  # every row once, under the heading row


def test_only_a_row_taller_than_a_page_is_split_and_continues_under_its_heading_row():
    page_height = frame_size("portrait")[1]
    people = [Participant(id="p1", name="Owner")]
    huge = " ".join(["word"] * 6000)  # ~ 3 pages in the "What" column
    actions = [ActionItem(id="a0", what="short first", owner="p1"), ActionItem(id="a1", what=huge, owner="p1"),
               ActionItem(id="a2", what="short last", owner="p1")]
    tables, placed = lay_out(Workshop(participants=people, actions=actions), "en")
    table = _actions_table(tables)
    first, huge_row, last = table._cellvalues[1:]
    parts = [(page, f) for page, f in placed if isinstance(f, Table) and _row_key(f._cellvalues[0]) == _row_key(table._cellvalues[0])]
    printed = {_row_key(row) for _, f in parts for row in f._cellvalues[1:]}
    assert _row_key(first) in printed and _row_key(last) in printed  # the short rows stay whole
    assert _row_key(huge_row) not in printed  # the row taller than a page is cut …
    assert len(split_rows(tables, placed)) >= 3  # … over about three pages
    pages = [page for page, _ in parts]
    assert len(set(pages)) == len(pages) >= 3  # each part on a page of its own, each under the heading row
    (what,) = huge_row[1]  # the cell's one paragraph: taller than a page at the column's width
    assert what.wrap(table._argW[1] - 10, 1e9)[1] > page_height
