"""PDF minutes of S and L against a bare reportlab build of the same text (DESIGN §7).

``python -m benchmarks.bench_minutes [--quick]``. Budget: minutes of L ≤ 3 s
and ≤ 1.5 × a bare reportlab build of the same text. Also: minutes with 5 MB
of notes ≤ 6 × those with 1 MB (text handling is linear), and the minutes of XL.

"Bare" means: every paragraph of the minutes (the same markup, the same
embedded DejaVu font, so every character can print) laid out one after the
other in a ``SimpleDocTemplate`` — no tables, pictures, analysis, header,
footer or page count. The ratio budget is judged on the minutes with their
two pictures (dependency graph, horizon chart) left out, because a text
build has nothing to compare a picture with; the full minutes' ratio is
printed too, and the pictures' own time is in the notes.
"""

from __future__ import annotations

import io
import os
import sys
import time

from benchmarks.generate import make_document
from benchmarks.rows import Row, log, median, suite_main, timed_ms

BUDGET_L_MS = 3000.0
BUDGET_RATIO = 1.5
LANG = "en"


def paragraphs_of(flowables: list) -> list:
    """Every Paragraph of the minutes, also those inside table cells, in order."""
    from reportlab.platypus import Paragraph, Table

    found: list = []

    def walk(item: object) -> None:
        if isinstance(item, Paragraph):
            found.append(item)
        elif hasattr(item, "parts"):  # a long text laid out in pieces (pdf_blocks.long_text_class)
            walk(item.parts)
        elif isinstance(item, Table):
            for row in item._cellvalues:
                for value in row:
                    walk(value)
        elif isinstance(item, (list, tuple)):
            for value in item:
                walk(value)

    walk(flowables)
    return found


def bare_build(texts: list[str], font: str) -> float:
    """Milliseconds to lay out the same paragraph markup in a plain SimpleDocTemplate."""
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    style = ParagraphStyle("bare", parent=getSampleStyleSheet()["Normal"], fontName=font)
    start = time.perf_counter()
    story = [Paragraph(markup, style) for markup in texts]
    SimpleDocTemplate(io.BytesIO(), initialFontName=font).build(story)
    return (time.perf_counter() - start) * 1000


def picture_times(doc) -> tuple[float, float, float]:
    """Milliseconds of each picture section, and of the whole minutes with both pictures left out."""
    from workshop_app.export import minutes_pictures as pdf_pictures
    from workshop_app.export.minutes import minutes_pdf_bytes
    from workshop_app.export.minutes_content import Context
    from workshop_app.vocabulary import Translator

    ctx = Context(doc, Translator(LANG))
    graph = timed_ms(lambda: pdf_pictures.dependency_graph(ctx))
    horizon = timed_ms(lambda: pdf_pictures.horizon_chart(ctx))
    saved = pdf_pictures.dependency_graph, pdf_pictures.horizon_chart
    pdf_pictures.dependency_graph = pdf_pictures.horizon_chart = lambda ctx: []
    try:
        text = timed_ms(lambda: minutes_pdf_bytes(doc, LANG))
    finally:
        pdf_pictures.dependency_graph, pdf_pictures.horizon_chart = saved
    return graph, horizon, text


def size_rows(size: str, repeat: int) -> list[Row]:
    import pypdf

    from workshop_app.export.fonts import register_fonts
    from workshop_app.export.minutes import build_story, minutes_pdf_bytes

    doc = make_document(size)
    font = register_fonts()
    data = minutes_pdf_bytes(doc, LANG)  # warm-up: imports, font parsing, matplotlib caches
    story, _, _ = build_story(doc, LANG)
    texts = [p.text for p in paragraphs_of(story)]
    bare_build(texts, font)
    full, bare, graph, horizon, text = [], [], [], [], []
    for _ in range(repeat):
        full.append(timed_ms(lambda: minutes_pdf_bytes(doc, LANG)))
        bare.append(bare_build(texts, font))
        g, h, t = picture_times(doc)
        graph.append(g)
        horizon.append(h)
        text.append(t)
    pages = len(pypdf.PdfReader(io.BytesIO(data)).pages)
    is_l = size == "L"
    return [
        Row("PDF minutes (full, with pictures)", size, median(full), baseline=median(bare),
            baseline_name="bare reportlab, same text", limit=BUDGET_L_MS if is_l else None, runs=repeat,
            notes=[f"{pages} pages, {len(texts)} paragraphs; pictures: dependency graph "
                   f"{median(graph):.0f} ms, horizon chart {median(horizon):.0f} ms"]),
        Row("PDF minutes, text only (pictures left out)", size, median(text), baseline=median(bare),
            baseline_name="bare reportlab, same text", max_ratio=BUDGET_RATIO if is_l else None, runs=repeat),
    ]


#: Text export must be linear: minutes with 5 MB of notes ≤ this × the time with 1 MB.
NOTES_RATIO = 6.0


def notes_document(megabytes: int):
    """The demo with one goal's notes of ``megabytes`` MB (words and line breaks).

    5 MB is beyond the model's limit for one text; the notes are set without validation,
    since what is measured is the text path of the minutes, not the model.
    """
    import random

    doc = make_document("S")
    rng = random.Random(megabytes)
    words = ("pipeline", "brand", "leads", "webinar", "Donaudampfschifffahrt", "a", "quota", "follow-up")
    parts, size = [], 0
    while size < megabytes * 1_000_000:
        word = rng.choice(words) + ("\n" if rng.random() < 0.02 else " ")
        parts.append(word)
        size += len(word)
    goal = next(e for e in doc.elements if e.kind == "goal")
    index = doc.elements.index(goal)
    doc.elements[index] = goal.model_copy(update={"notes": "".join(parts)})
    return doc


def notes_rows(repeat: int) -> list[Row]:
    from workshop_app.export.minutes import minutes_pdf_bytes

    one, five = notes_document(1), notes_document(5)
    t1 = median([timed_ms(lambda: minutes_pdf_bytes(one, LANG)) for _ in range(repeat)])
    t5 = median([timed_ms(lambda: minutes_pdf_bytes(five, LANG)) for _ in range(repeat)])
    return [
        Row("PDF minutes with 1 MB of notes", "S+1 MB", t1, runs=repeat),
        Row("PDF minutes with 5 MB of notes (linear: ≤ 6× the 1 MB time)", "S+5 MB", t5, baseline=t1,
            baseline_name="same with 1 MB", max_ratio=NOTES_RATIO, runs=repeat),
    ]


def xl_rows() -> list[Row]:
    from workshop_app.export.minutes import minutes_pdf_bytes

    doc = make_document("XL")
    full = timed_ms(lambda: minutes_pdf_bytes(doc, LANG))
    return [Row("PDF minutes (full, with pictures)", "XL", full, runs=1,
                notes=["one run: 10,000 elements, 20,000 links"])]


def collect(quick: bool) -> list[Row]:
    os.environ.setdefault("MPLBACKEND", "Agg")
    rows = []
    for size in ("S", "L"):
        log(f"   PDF minutes of {size}")
        rows += size_rows(size, 1 if quick else 3)
    log("   PDF minutes with 1 MB and 5 MB of notes")
    rows += notes_rows(1)
    log("   PDF minutes of XL")
    rows += xl_rows()
    return rows


if __name__ == "__main__":
    sys.exit(suite_main(collect))
