"""Hostile and huge input: every export finishes, stays well-formed and shows user text literally."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET

import pypdf
import pytest
from matplotlib.figure import Figure

from tests.builders import small_workshop
from workshop_app.export.errors import ExportError, find_field
from workshop_app.export.graph_picture import graph_picture_bytes
from workshop_app.export.horizon_chart import AXIS_MONTHS, MAX_PAYOUT_TICKS, draw_horizon_chart, horizon_chart_bytes
from workshop_app.export.minutes import minutes_pdf_bytes
from workshop_app.export.pdf_blocks import CHUNK_CHARS, long_text_class, para, split_markup
from workshop_app.export.pdf_text import esc
from workshop_app.export.safe_text import clean
from workshop_app.model import (
    ActionItem,
    Decision,
    Goal,
    Incentive,
    Link,
    LinkKind,
    ParkingItem,
    Side,
    Workshop,
)

CONTROLS = "Esc\x1b[31m Bel\x07 Nul\x00 Bs\x08 FF\x0c DEL\x7f C1\x85\x9b nonchars\ufffe\uffff\ufdd0\U0001fffe"
LITERAL = "$x$ <b>b</b> A & B &amp;"  # short enough for one label line
HYPHENATED = "ab-" * 3333  # one word of 9,999 characters; reportlab's split of it did not fit its own page


def element(doc: Workshop, el_id: str):
    return next(e for e in doc.elements if e.id == el_id)


def pdf_text(data: bytes) -> str:
    return "".join("".join(page.extract_text().split()) for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def test_a_long_hyphenated_word_in_how_exports():
    doc = small_workshop(with_links=True)
    element(doc, "g-shared").how = HYPHENATED
    text = pdf_text(minutes_pdf_bytes(doc, "en"))
    assert "ab-ab-ab-ab-ab" in text


@pytest.mark.parametrize("word", [HYPHENATED[:2000], "x" * 10_000, "Donau-dampf-" * 150 + "schiff"])
def test_a_long_word_in_every_table_cell_exports(word):
    doc = small_workshop(with_links=True)
    for el in doc.elements:
        el.notes = word
    element(doc, "i-commission").rewards_what = word
    doc.decisions.append(Decision(id="d-1", text=word, rationale=word, decided_by=word))
    doc.actions.append(ActionItem(id="a-1", what=word, owner="p-anna"))
    doc.parking_lot.append(ParkingItem(id="k-1", text=word, raised_by="p-ben"))
    doc.participants[0].role = word
    assert minutes_pdf_bytes(doc, "de").startswith(b"%PDF")


def test_long_notes_print_completely_and_in_order():
    doc = small_workshop(with_links=True)
    lines = [f"line{n:05d} " + "word " * 30 for n in range(400)]  # about 70,000 characters, many pages
    element(doc, "g-brand").notes = "\n".join(lines)
    text = pdf_text(minutes_pdf_bytes(doc, "en"))
    found = [int(m) for m in re.findall(r"line(\d{5})", text)]
    assert found == list(range(400))


def test_split_markup_keeps_the_text_and_balances_tags():
    markup = "<b>" + esc("Fish & Chips " * 2000) + "</b><br/>" + esc("tail " * 3000)
    pieces = split_markup(markup)
    assert len(pieces) > 2 and all(len(p) <= CHUNK_CHARS + 20 for p in pieces)
    for piece in pieces:
        assert piece.count("<b>") == piece.count("</b>")
    plain = lambda s: re.sub(r"<[^>]*>|\s", "", s)  # noqa: E731
    assert "".join(plain(p) for p in pieces) == plain(markup)


def test_a_long_paragraph_is_laid_out_in_pieces():
    from workshop_app.export.pdf_styles import styles

    assert isinstance(para(esc("word " * 5000), styles().body), long_text_class())


def test_clean_removes_what_no_output_may_hold():
    assert clean(CONTROLS) == "Esc[31m Bel Nul Bs FF DEL C1 nonchars"
    assert clean("lone \ud83d surrogate") == "lone ? surrogate"
    assert clean("tab\there\nline") == "tab    here\nline"


def hostile_picture_workshop() -> Workshop:
    doc = small_workshop(with_links=True)
    element(doc, "g-brand").title = "\x1b[31m" + LITERAL + "\x07"
    element(doc, "i-commission").title = CONTROLS
    doc.links.append(Link(id="l-3", kind=LinkKind.CONFLICTS_WITH, source="g-brand", target="g-revenue", reason=CONTROLS))
    return doc


@pytest.mark.parametrize("picture", [graph_picture_bytes, horizon_chart_bytes])
def test_svg_pictures_stay_well_formed_and_literal(picture):
    svg = picture(hostile_picture_workshop(), "svg")
    root = ET.fromstring(svg)  # not well-formed XML raises here
    text = "".join("".join(root.itertext()).split())  # labels wrap over lines
    for needle in ("[31m$x$<b>b</b>A&B&amp;", "Esc[31mBel"):
        assert needle in text, needle


@pytest.mark.parametrize("picture", [graph_picture_bytes, horizon_chart_bytes])
def test_png_pictures_with_control_characters(picture):
    assert picture(hostile_picture_workshop(), "png").startswith(b"\x89PNG")


def test_pdf_text_has_no_control_characters_and_markup_is_literal():
    doc = hostile_picture_workshop()
    doc.meta.title = CONTROLS
    raw = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(minutes_pdf_bytes(doc, "en"))).pages)
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]", raw)
    flat = "".join(raw.split())
    assert "$x$<b>b</b>A&B&amp;" in flat


def huge_horizon_workshop(months: int) -> Workshop:
    doc = small_workshop(with_links=True)
    # beyond any bound a model may set: the chart must not depend on the values' size
    doc.elements.append(Goal.model_construct(id="g-huge", title="Forever", side=Side.MARKETING, horizon_months=months))
    doc.elements.append(Incentive(id="i-monthly", title="Monthly bonus", side=Side.SALES, period_months=1))
    return doc


@pytest.mark.parametrize("months", [1200, 10**7, 10**18, 10**400])
def test_horizon_chart_is_bounded_for_any_horizon(months):
    figure = Figure(figsize=(11, 6))
    ax = draw_horizon_chart(huge_horizon_workshop(months), figure, "en")
    assert ax.get_xlim()[1] <= AXIS_MONTHS * 1.2
    assert len(ax.get_xticks()) <= 30
    ticks = sum(len(c.get_offsets()) for c in ax.collections)
    assert ticks <= 3 * MAX_PAYOUT_TICKS
    labels = [t.get_text() for t in ax.texts]
    assert any(label.startswith("> ") for label in labels) == (months > AXIS_MONTHS)


def test_minutes_with_a_huge_horizon_finish():
    assert minutes_pdf_bytes(huge_horizon_workshop(10**18), "en").startswith(b"%PDF")


class _Unsplittable:
    """A flowable taller than any page that cannot be split, showing a parking-lot text."""

    def __new__(cls, text: str):
        from reportlab.platypus import Flowable

        class Tall(Flowable):
            def wrap(self, aw, ah):
                return aw, 5000

            def split(self, aw, ah):
                return []

            def getPlainText(self, identify=None):
                return text

            def draw(self):
                pass

        return Tall()


def test_a_layout_that_still_fails_names_the_field(monkeypatch):
    from workshop_app.export import pdf_render
    from workshop_app.export.content import blocks_text

    doc = small_workshop(with_links=True)
    doc.parking_lot.append(ParkingItem(id="k-1", text="A topic nobody can lay out", raised_by="p-ben"))
    table = pdf_render.Renderer.table

    def unsplittable(self, t):  # the parking lot's table, as a flowable no page can hold
        text = " ".join(blocks_text([t]))
        return _Unsplittable("A topic nobody can lay out") if "A topic nobody" in text else table(self, t)

    monkeypatch.setattr(pdf_render.Renderer, "table", unsplittable)
    with pytest.raises(ExportError) as caught:
        minutes_pdf_bytes(doc, "en")
    message = str(caught.value)
    assert "could not be laid out" in message and "parking" in message and "text" in message
    assert caught.value.field == find_field(doc, "A topic nobody can lay out")
    assert "LayoutError" not in message
