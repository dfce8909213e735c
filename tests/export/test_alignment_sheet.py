"""The alignment check on paper and in pictures: the A4 sheet in both languages, the charts with any text."""

from __future__ import annotations

import io

import pypdf
import pytest

from workshop_app.analysis import alignment as al
from workshop_app.export.alignment_chart import picture_bytes
from workshop_app.export.alignment_sheet import sheet_bytes, write_sheet
from workshop_app.model import AlignmentResponse, AlignmentRound, AlignmentStatement, Side, Workshop

PNG = b"\x89PNG\r\n\x1a\n"


def _text(data: bytes) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def _doc() -> Workshop:
    doc = Workshop()
    doc.meta.title = "Kick-off"
    doc.alignment.statements = al.standard_statements()
    return doc


@pytest.mark.parametrize(("lang", "heading", "statement"), [
    ("en", "Alignment check", "Both sides use the same definition of a qualified lead."),
    ("de", "Abstimmungs-Check", "Beide Seiten verwenden dieselbe Definition eines qualifizierten Leads."),
])
def test_the_sheet_lists_every_statement_in_the_language_asked_for(lang, heading, statement):
    data = sheet_bytes(_doc(), lang)
    assert data.startswith(b"%PDF")
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert reader.pages[0].mediabox.width == pytest.approx(595.3, abs=1)  # A4 portrait
    text = _text(data)
    assert heading in text and statement in text and "Kick-off" in text
    assert "20." in text and ("blaming" if lang == "en" else "Schuld") in text  # the last of the 20, on one page
    assert len(reader.pages) == 1


def test_the_sheet_prints_user_text_literally(tmp_path):
    doc = _doc()
    doc.alignment.statements = [AlignmentStatement(id="as-x", dimension="culture",
                                                   text_en="<b>bold</b> & $x^2$ costs $5 \x07")]
    path = tmp_path / "sheet.pdf"
    write_sheet(doc, path, "en")
    text = _text(path.read_bytes())
    assert "<b>bold</b> & $x^2$ costs $5" in text


def _scored(text: str = "") -> al.RoundResult:
    doc = _doc()
    if text:
        doc.alignment.statements[0] = doc.alignment.statements[0].model_copy(update={"text_en": text})
    doc.alignment.rounds = [AlignmentRound(id="r-1", name=text or "before")]
    for i in range(4):
        for side, base in ((Side.MARKETING, 4), (Side.SALES, 2)):
            scores = {s.id: max(1, min(5, base + (k % 3) - 1)) for k, s in enumerate(doc.alignment.statements)}
            scores[doc.alignment.statements[1].id] = None if i == 0 else 3
            doc.alignment.responses.append(AlignmentResponse(id=f"r{i}{side}", round_id="r-1", side=side,
                                                             scores=scores))
    return al.score_round(doc.alignment, "r-1")


@pytest.mark.parametrize("kind", ["sides", "gaps"])
@pytest.mark.parametrize("lang", ["en", "de"])
def test_the_pictures_render(kind, lang):
    data = picture_bytes(kind, _scored(), lang)
    assert data.startswith(PNG) and len(data) > 5000


@pytest.mark.parametrize("kind", ["sides", "gaps"])
def test_hostile_statement_text_does_not_break_a_picture(kind):
    hostile = "$\\frac{1}{0}$ <script>&amp; \\x $$ ^_ \x1b[31m" + "long " * 200
    assert picture_bytes(kind, _scored(hostile), "en").startswith(PNG)
    assert b"<svg" in picture_bytes(kind, _scored(hostile), "en", fmt="svg")


def test_a_side_with_too_few_respondents_is_pictured_as_such():
    doc = _doc()
    doc.alignment.rounds = [AlignmentRound(id="r-1", name="before")]
    doc.alignment.responses = [AlignmentResponse(id="only", round_id="r-1", side=Side.SALES,
                                                 scores={s.id: 1 for s in doc.alignment.statements})]
    result = al.score_round(doc.alignment, "r-1")
    svg = picture_bytes("sides", result, "en", fmt="svg").decode()
    assert "too few to show" in svg
    assert picture_bytes("gaps", result, "en").startswith(PNG)


def test_the_change_picture_needs_the_round_before():
    result = _scored()
    assert picture_bytes("change", result, "en", before=result).startswith(PNG)
    with pytest.raises(ValueError):
        picture_bytes("change", result, "en")


def test_the_gap_chart_marks_the_previous_rounds_gaps():
    from matplotlib.figure import Figure

    from workshop_app.export.alignment_chart import draw_gaps

    result = _scored()
    figure = Figure()
    ax = draw_gaps(figure, result, "en", before=result)
    assert "| = the gap in “before”" in ax.get_xlabel()
    assert "gap in" not in draw_gaps(Figure(), result, "en").get_xlabel()


def test_round_pictures_for_the_minutes_skip_rounds_with_nothing_to_show_and_compare_with_the_last_shown():
    from workshop_app.export.alignment_chart import round_pictures

    doc = _doc()
    doc.alignment.rounds = [AlignmentRound(id=f"r-{n}", name=n) for n in ("before", "empty", "after")]
    for round_id, base in (("r-before", 2), ("r-after", 4)):
        for i in range(3):
            for side in (Side.MARKETING, Side.SALES):
                doc.alignment.responses.append(AlignmentResponse(
                    id=f"{round_id}-{side}-{i}", round_id=round_id, side=side,
                    scores={s.id: base for s in doc.alignment.statements}))
    pictures = round_pictures(doc, "de")
    assert [(r.round.name, sorted(p)) for r, p in pictures] == [("before", ["gaps", "sides"]),
                                                              ("after", ["change", "gaps", "sides"])]
    assert all(png.startswith(PNG) for _, p in pictures for png in p.values())


def test_pictures_scale_for_the_projector():
    from matplotlib.figure import Figure

    from workshop_app.export.alignment_chart import draw_gaps, draw_sides

    result = _scored()
    small, large = draw_gaps(Figure(), result, "en"), draw_gaps(Figure(), result, "en", scale=2)
    assert large.xaxis.label.get_fontsize() == 2 * small.xaxis.label.get_fontsize()
    assert draw_sides(Figure(figsize=(12, 8)), result, "en", scale=1.8) is not None
