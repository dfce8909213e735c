"""Benchmark: PDF minutes of an L workshop against a bare reportlab build of the same text.

DESIGN §7: minutes of L (400 elements, 800 links, 30 participants) in ≤ 3 s
and ≤ 1.5 × a bare reportlab build of the same text.

"Bare" means: every paragraph of the minutes (the same markup, the same
embedded DejaVu font, so every character can print) laid out one after the
other in a ``SimpleDocTemplate`` — no tables, pictures, analysis, header,
footer or page count. A second bare figure with reportlab's default Helvetica
is printed for reference.

    python benchmarks/bench_minutes.py [--repeat 3] [--elements 400 --links 800 --participants 30]
"""

from __future__ import annotations

import argparse
import io
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from workshop_app.model import (
    ActionItem,
    Belief,
    Budget,
    Channel,
    Conflict,
    Decision,
    Goal,
    Incentive,
    Insight,
    Link,
    Meta,
    ParkingItem,
    Participant,
    Strategy,
    Workshop,
)


def own_workshop(n_elements: int, n_links: int, n_participants: int, seed: int = 1) -> Workshop:
    """A random but valid workshop of the given size (used when benchmarks/generate.py is missing)."""
    rnd = random.Random(seed)
    words = ["pipeline", "lead", "brand", "campaign", "quarter", "nurturing", "whitepaper", "commission", "budget",
             "channel", "insight", "customer", "retrofit", "energy", "webinar", "forecast", "review", "target",
             "horizon", "Vertrieb", "Größe", "Maßnahme"]

    def text(n: int) -> str:
        return " ".join(rnd.choice(words) for _ in range(n)).capitalize()

    sides = ("marketing", "sales", "joint")
    people = [Participant(id=f"p{i}", name=f"Person {i} {text(1)}", side=sides[i % 3], role=text(3))
              for i in range(n_participants)]
    pids = [p.id for p in people]
    elements: list = []
    kinds = ["strategy"] * 2 + ["goal"] * 10 + ["incentive"] * 2 + ["budget", "channel", "channel", "insight", "belief"]
    for i in range(n_elements):
        kind, eid, side = kinds[i % len(kinds)], f"e{i}", sides[rnd.randrange(3)]
        origin = rnd.choice(("as_is", "agreed"))
        common = {"id": eid, "title": text(4), "notes": text(12) if rnd.random() < 0.4 else "", "side": side,
                  "origin": origin}
        if kind == "strategy":
            elements.append(Strategy(**common, horizon_months=36))
        elif kind == "goal":
            elements.append(Goal(**common, level=rnd.choice(("shared", "department", "department", "team")),
                                 metric=text(5), baseline=str(rnd.randint(1, 50)), target=str(rnd.randint(51, 99)),
                                 unit="%", horizon_months=rnd.choice((3, 12, 24)), how=text(20),
                                 owners=rnd.sample(pids, 2), due_date=date(2026, 1, 1) + timedelta(rnd.randint(0, 700))))
        elif kind == "incentive":
            elements.append(Incentive(**common, role=text(2), period_months=rnd.choice((3, 12)), rewards_what=text(6)))
        elif kind == "budget":
            elements.append(Budget(**common, amount=rnd.randint(1, 500) * 1000.0, period_months=12))
        elif kind == "channel":
            elements.append(Channel(**common, to_side=rnd.choice(sides), purpose=text(6), format=text(2),
                                    cadence=text(2), owner=rnd.choice(pids), usefulness=rnd.randint(0, 5)))
        elif kind == "insight":
            elements.append(Insight(**common, source=text(3)))
        else:
            elements.append(Belief(**common, resistance=text(8), mitigation=text(8)))
    by_kind: dict[str, list[str]] = {}
    for el in elements:
        by_kind.setdefault(el.kind, []).append(el.id)
    links, seen = [], set()
    plans = [("contributes_to", "goal", ("goal", "strategy"))] * 5 + [("rewards", "incentive", ("goal",)),
             ("funds", "budget", ("goal",)), ("depends_on", "goal", ("goal",)), ("conflicts_with", "goal", ("goal",))]
    while len(links) < n_links:
        kind, src_kind, dst_kinds = rnd.choice(plans)
        src = rnd.choice(by_kind[src_kind])
        dst = rnd.choice(by_kind[rnd.choice(dst_kinds)])
        if src == dst or (kind, src, dst) in seen:
            continue
        seen.add((kind, src, dst))
        links.append(Link(id=f"l{len(links)}", kind=kind, source=src, target=dst,
                          reason=text(8) if kind == "conflicts_with" else ""))
    conflicts = [Conflict(id=f"c{i}", link_id=ln.id, element_ids=[ln.source, ln.target], status="open",
                          votes={rnd.choice(pids): rnd.randint(1, 3)}, resolution=text(10))
                 for i, ln in enumerate(ln for ln in links if ln.kind == "conflicts_with")]
    n = max(5, n_elements // 10)
    return Workshop(
        meta=Meta(title="Benchmark L – Marketing & Vertrieb", organisation="Bench GmbH", date=date(2026, 3, 12),
                  venue="Room 1", facilitator="Dr. Bench"),
        participants=people, elements=elements, links=links, conflicts=conflicts,
        decisions=[Decision(id=f"d{i}", text=text(10), rationale=text(15), decided_by=text(2)) for i in range(n)],
        actions=[ActionItem(id=f"a{i}", what=text(8), owner=rnd.choice(pids),
                            due_date=None if i % 7 == 0 else date(2026, 1, 1) + timedelta(rnd.randint(0, 300)))
                 for i in range(n)],
        parking_lot=[ParkingItem(id=f"k{i}", text=text(8), raised_by=rnd.choice(pids)) for i in range(n // 2)],
    )


def make_l_workshop(n_elements: int, n_links: int, n_participants: int, seed: int) -> tuple[Workshop, str]:
    try:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from generate import make_workshop  # benchmarks/generate.py (shared generator)
    except ImportError:
        return own_workshop(n_elements, n_links, n_participants, seed), "own generator (benchmarks/generate.py missing)"
    return make_workshop(n_elements, n_links, n_participants, seed), "benchmarks/generate.py"


def paragraphs_of(flowables: list) -> list:
    """Every Paragraph of the minutes, also those inside table cells, in order."""
    from reportlab.platypus import Paragraph, Table

    found: list = []

    def walk(item: object) -> None:
        if isinstance(item, Paragraph):
            found.append(item)
        elif isinstance(item, Table):
            for row in item._cellvalues:
                for value in row:
                    walk(value)
        elif isinstance(item, (list, tuple)):
            for value in item:
                walk(value)

    walk(flowables)
    return found


def bare_build(texts: list[str], font: str | None) -> float:
    """Seconds to lay out the same paragraph markup in a plain SimpleDocTemplate."""
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    style = getSampleStyleSheet()["Normal"]
    if font:
        from reportlab.lib.styles import ParagraphStyle

        style = ParagraphStyle("bare", parent=style, fontName=font)
    start = time.perf_counter()
    story = [Paragraph(markup, style) for markup in texts]
    SimpleDocTemplate(io.BytesIO(), initialFontName=font).build(story)
    return time.perf_counter() - start


def picture_times(doc: Workshop, lang: str) -> tuple[float, float, float]:
    """Seconds for each picture section, and for the whole minutes with both pictures left out."""
    from reportlab.lib.pagesizes import A4

    from workshop_app.export import pdf_pictures
    from workshop_app.export.minutes import minutes_pdf_bytes
    from workshop_app.export.pdf_blocks import Ctx
    from workshop_app.export.pdf_layout import MARGIN_X
    from workshop_app.export.pdf_text import Lang

    ctx = Ctx(doc, Lang.of(lang), A4[0] - 2 * MARGIN_X)
    start = time.perf_counter()
    pdf_pictures.dependency_graph(ctx)
    mid = time.perf_counter()
    pdf_pictures.horizon_chart(ctx)
    end = time.perf_counter()
    saved = pdf_pictures.dependency_graph, pdf_pictures.horizon_chart
    pdf_pictures.dependency_graph = pdf_pictures.horizon_chart = lambda ctx: []
    try:
        t0 = time.perf_counter()
        minutes_pdf_bytes(doc, lang)
        text = time.perf_counter() - t0
    finally:
        pdf_pictures.dependency_graph, pdf_pictures.horizon_chart = saved
    return mid - start, end - mid, text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--elements", type=int, default=400)
    parser.add_argument("--links", type=int, default=800)
    parser.add_argument("--participants", type=int, default=30)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--lang", default="de")
    parser.add_argument("--out", help="also write the minutes here, to look at them")
    args = parser.parse_args()

    from workshop_app.export.fonts import register_fonts
    from workshop_app.export.minutes import build_story, minutes_pdf_bytes

    doc, source = make_l_workshop(args.elements, args.links, args.participants, args.seed)
    print(f"workshop: {len(doc.elements)} elements, {len(doc.links)} links, {len(doc.participants)} participants "
          f"({source})")
    font = register_fonts()
    minutes_pdf_bytes(doc, args.lang)  # warm-up: imports, font parsing, matplotlib caches
    story, _, _ = build_story(doc, args.lang)
    texts = [p.text for p in paragraphs_of(story)]
    bare_build(texts, font)

    full, bare, bare_helv, text_only, graph, horizon = [], [], [], [], [], []
    for _ in range(args.repeat):
        start = time.perf_counter()
        data = minutes_pdf_bytes(doc, args.lang)
        full.append(time.perf_counter() - start)
        bare.append(bare_build(texts, font))
        bare_helv.append(bare_build(texts, None))
        g, h, t = picture_times(doc, args.lang)
        graph.append(g)
        horizon.append(h)
        text_only.append(t)
    import pypdf

    pages = len(pypdf.PdfReader(io.BytesIO(data)).pages)
    if args.out:
        Path(args.out).write_bytes(data)
    t_full, t_bare, t_helv = statistics.median(full), statistics.median(bare), statistics.median(bare_helv)
    print(f"paragraphs: {len(texts)}, pages: {pages}, PDF size: {len(data) / 1e6:.2f} MB")
    print(f"minutes of L:                  {t_full:6.3f} s  (median of {args.repeat}; budget 3.0 s)")
    print(f"bare reportlab, same text:     {t_bare:6.3f} s  (DejaVu, plain paragraphs)")
    print(f"bare reportlab, Helvetica:     {t_helv:6.3f} s  (for reference)")
    print(f"ratio minutes / bare:          {t_full / t_bare:6.2f}    (budget 1.5)")
    t_text, t_graph, t_hor = statistics.median(text_only), statistics.median(graph), statistics.median(horizon)
    print("breakdown:")
    print(f"  dependency graph picture:    {t_graph:6.3f} s  (graph_picture_bytes, PNG)")
    print(f"  horizon chart picture:       {t_hor:6.3f} s  (draw_horizon_chart + PNG)")
    print(f"  minutes without pictures:    {t_text:6.3f} s  (ratio to bare {t_text / t_bare:.2f})")
    from workshop_app.store.demo import load_demo

    demo = load_demo(args.lang)
    small = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        minutes_pdf_bytes(demo, args.lang)
        small.append(time.perf_counter() - start)
    print(f"minutes of S (demo):           {statistics.median(small):6.3f} s")
    # The ratio budget is about text: the two pictures have no counterpart in a bare text build.
    ok = t_full <= 3.0 and t_text / t_bare <= 1.5
    print("within budget (L ≤ 3 s; text ≤ 1.5 × bare)" if ok else "OVER BUDGET")


if __name__ == "__main__":
    main()
