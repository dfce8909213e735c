"""What the minutes say, read back with pypdf: the demo's people, shared goals, resolutions,
decisions and actions in both languages; A4 pages; hostile and large workshops; ``--lang``.

Extracted text is compared after :func:`normalise` (line breaks and runs of spaces become one
space, a line broken after a hyphen is joined again), applied to the expected text as well.
Page furniture (watermark, header, footer) is cut off every page first, so text that runs on
over a page break reads on. :func:`test_the_check_notices_a_missing_item` shows the check
still fails when an item is not printed.
"""

from __future__ import annotations

import importlib.util
import io
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pypdf
import pytest

from workshop_app.export.graph_pages import MAX_PARTS
from workshop_app.export.minutes import minutes_pdf_bytes
from workshop_app.i18n import translator
from workshop_app.model import (
    ActionItem,
    Conflict,
    Decision,
    Goal,
    Link,
    Meta,
    Participant,
    Strategy,
    Workshop,
)
from workshop_app.store.demo import load_demo

REPO = Path(__file__).parents[2]
A4 = (595.2756, 841.8898)  # points, portrait
_FOOTER_LEFT = re.compile(r"^((DRAFT|ENTWURF) · )?(Generated on|Erstellt am) .* (with|mit) Tandem$")
_PAGE_OF = re.compile(r"^(Page|Seite) \d+ (of|von) \d+$")
_WATERMARK = re.compile(r"^(DRAFT|ENTWURF)$")


def load_generate():
    """``benchmarks/generate.py`` (not a package) imported from the repository."""
    spec = importlib.util.spec_from_file_location("tandem_bench_generate", REPO / "benchmarks" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read(data: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(data))


def pages_text(data: bytes) -> list[str]:
    return [page.extract_text() for page in read(data).pages]


def body_text(page: str) -> str:
    """One page's text without its furniture.

    The furniture is drawn first (header left and right, "Generated on …"), the DRAFT watermark
    after the content (so no picture covers it) and "page x of y" last, so it opens and closes
    the extracted text of every page.
    """
    lines = page.splitlines()
    head = next((n for n, line in enumerate(lines[:5]) if _FOOTER_LEFT.match(line.strip())), None)
    assert head is not None, f"page furniture not found: {lines[:5]}"
    while lines and not lines[-1].strip():
        lines.pop()
    assert lines and _PAGE_OF.match(lines[-1].strip()), lines[-1:]
    end = -2 if len(lines) > 1 and _WATERMARK.match(lines[-2].strip()) else -1
    return "\n".join(lines[head + 1:end])


def document_body(data: bytes) -> str:
    return "\n".join(body_text(page) for page in pages_text(data))


def normalise(text: str) -> str:
    """Text as one line: whitespace runs become one space; "Brücken-⏎Whitepaper" reads "Brücken-Whitepaper"."""
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"(?<=\w-) (?=\w)", "", text)


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def missing(text: str, expected: list[str]) -> list[str]:
    """The expected strings that ``text`` (extracted from a PDF) does not contain."""
    flat = normalise(text)
    return [item for item in expected if normalise(item) not in flat]


# --- what the demo must print -------------------------------------------------------------

CATEGORIES: dict[str, Callable[[Workshop], list[str]]] = {
    "participant names": lambda doc: [p.name for p in doc.participants],
    "shared goal titles": lambda doc: [e.title for e in doc.elements if e.kind == "goal" and e.level == "shared"],
    # the room's conflicts (declared or taken up); findings the room did not take up have no resolution to print
    "conflict resolutions": lambda doc: [c.resolution for c in doc.conflicts
                                         if c.resolution.strip() and (c.rule == "declared" or c.triage == "taken_up")],
    "decisions": lambda doc: [d.text for d in doc.decisions],
    "action items": lambda doc: [a.what for a in doc.actions],
}


@pytest.fixture(scope="module", params=["de", "en"])
def demo_pdf(request) -> tuple[str, bytes]:
    lang = request.param
    return lang, minutes_pdf_bytes(load_demo(lang), lang)


@pytest.mark.parametrize("category", list(CATEGORIES))
def test_demo_prints_every_item(demo_pdf, category):
    lang, data = demo_pdf
    expected = CATEGORIES[category](load_demo(lang))
    assert expected, f"the demo has no {category}: nothing would be checked"
    assert missing(document_body(data), expected) == []


def test_the_check_notices_a_missing_item(demo_pdf):
    """The comparison is not so lax that anything passes: absent and near-miss strings are missing."""
    lang, data = demo_pdf
    doc = load_demo(lang)
    body = document_body(data)
    name, action = doc.participants[0].name, doc.actions[0].what
    absent = ["Nicht im Protokoll 4711", name.upper(), name.replace(" ", " von "), action + " sofort",
              " ".join(reversed(action.split()))]
    assert missing(body, [name, action, *absent]) == absent


def _rename_one_of_each(doc: Workshop) -> list[str]:
    """Change one item of every category (in place); return the texts that must disappear."""
    person = doc.participants[0]
    stored = " ".join(c.title + " " + c.explanation for c in doc.conflicts)  # a vanished finding keeps its words
    goal = next(e for e in doc.elements if e.kind == "goal" and e.level == "shared" and e.title not in stored)
    conflict = next(c for c in doc.conflicts if c.resolution.strip() and (c.rule == "declared" or c.triage == "taken_up"))
    gone = [person.name, goal.title, conflict.resolution, doc.decisions[-1].text, doc.actions[-1].what]
    person.name = "Renamed Person"
    goal.title = "Renamed shared goal"
    conflict.resolution = "Renamed resolution"
    doc.decisions[-1].text = "Renamed decision"
    doc.actions[-1].what = "Renamed action"
    return gone


@pytest.mark.parametrize("lang", ["de", "en"])
def test_an_item_left_out_of_the_pdf_is_reported(lang):
    """Mutation check: print the demo with one item of each category changed; exactly those are missing."""
    doc = load_demo(lang)
    gone = _rename_one_of_each(doc)
    expected = [item for items in CATEGORIES.values() for item in items(load_demo(lang))]
    assert set(gone) <= set(expected)
    body = document_body(minutes_pdf_bytes(doc, lang))
    assert missing(body, expected) == [item for item in expected if item in gone]
    assert missing(body, ["Renamed Person", "Renamed shared goal", "Renamed resolution", "Renamed decision",
                          "Renamed action"]) == []


# --- A4 -----------------------------------------------------------------------------------

def page_orientations(data: bytes) -> list[str]:
    """"portrait" or "landscape" per page; fails unless every page is A4 and unrotated."""
    out = []
    for n, page in enumerate(read(data).pages, start=1):
        box = page.mediabox
        width, height = float(box.width), float(box.height)
        assert (float(box.left), float(box.bottom)) == (0, 0), n
        assert page.rotation == 0, n
        assert page.cropbox == box, n
        if width == pytest.approx(A4[0], abs=0.01) and height == pytest.approx(A4[1], abs=0.01):
            out.append("portrait")
        elif width == pytest.approx(A4[1], abs=0.01) and height == pytest.approx(A4[0], abs=0.01):
            out.append("landscape")
        else:
            pytest.fail(f"page {n} is {width} × {height} pt, not A4")
    return out


def test_every_demo_page_is_a4_and_only_the_graph_is_landscape(demo_pdf):
    lang, data = demo_pdf
    orientations = page_orientations(data)
    graph = translator(lang)("Dependency graph")
    pages = pages_text(data)
    landscape = [n for n, o in enumerate(orientations) if o == "landscape"]
    assert len(landscape) == 1  # the dependency graph, on a page of its own
    assert re.search(rf"^\d+\s+{re.escape(graph)}$", pages[landscape[0]], re.M)
    assert all(graph not in body_text(p) for n, p in enumerate(pages) if n not in landscape)


# --- a table's header row once per page ---------------------------------------------------

def _header(lang: str, *labels: str) -> str:
    tr = translator(lang)
    return "".join(squash(tr(label)) for label in labels)


def test_a_split_table_repeats_its_header_once_per_page(demo_pdf):
    """A row split over a page break must not print the header row twice on the first page."""
    lang, data = demo_pdf
    conflicts = _header(lang, "#", "Conflict", "Votes", "Status", "Resolution")
    counts = [squash(body_text(page)).count(conflicts) for page in pages_text(data)]
    assert sum(counts) > 1  # the conflict table runs over several pages
    assert max(counts) == 1, counts


def test_rows_of_every_height_never_double_the_header():
    people = [Participant(id="p1", name="Owner")]
    actions = [ActionItem(id=f"a{n}", what=" ".join([f"task{n}"] * (1 + 23 * (n % 9))), owner="p1",
                          due_date=date(2026, 1, 1 + n % 28)) for n in range(60)]
    data = minutes_pdf_bytes(Workshop(participants=people, actions=actions), "en")
    header = _header("en", "What", "Owner", "Due", "Status")
    pages = [squash(body_text(page)) for page in pages_text(data)]
    assert len(pages) > 4
    assert [page.count(header) for page in pages] == [1] * len(pages)
    printed = Counter(re.findall(r"task(\d+)", "".join(pages)))  # rows split between words
    assert printed == {str(n): 1 + 23 * (n % 9) for n in range(60)}


# --- hostile content ----------------------------------------------------------------------

MARKUP = "<b>x</b> & </para> <font size=99>"
EMOJI = "😀 👍🏽 🇩🇪"
HEBREW = "שלום עולם"
ARABIC = "مرحبا بالعالم"


def long_word(letter: str) -> str:
    """10,000 characters without a space; every 5-character piece differs, so a lost piece shows."""
    word = "".join(f"{letter}{n:04d}" for n in range(2000))
    assert len(word) == 10_000
    return word


TITLE_WORD, HOW_WORD, WHAT_WORD = long_word("T"), long_word("H"), long_word("W")


def hostile_workshop() -> Workshop:
    mixed = f"{MARKUP} {EMOJI} {HEBREW} {ARABIC}"
    people = [Participant(id="p1", name=f"Ana {MARKUP}", side="marketing", role=EMOJI),
              Participant(id="p2", name=HEBREW, side="sales", role=ARABIC)]
    elements = [
        Strategy(id="s1", title=f"Strategy {MARKUP}", notes=mixed),
        Goal(id="g1", title=TITLE_WORD, level="shared", metric=MARKUP, owners=["p1", "p2"]),
        Goal(id="g2", title=f"Goal {EMOJI}", side="sales", how=HOW_WORD, owners=["p2"]),
        Goal(id="g3", title=f"{HEBREW} / {ARABIC}", side="marketing", how=mixed, origin="agreed"),
    ]
    links = [Link(id="l1", kind="contributes_to", source="g1", target="s1"),
             Link(id="l2", kind="contributes_to", source="g2", target="g1"),
             Link(id="l3", kind="conflicts_with", source="g2", target="g3", reason=mixed)]
    return Workshop(
        meta=Meta(title=f"Hostile {MARKUP} {EMOJI}", organisation=f"{HEBREW} & {ARABIC}", facilitator=MARKUP,
                  date=date(2026, 3, 12)),
        participants=people, elements=elements, links=links,
        conflicts=[Conflict(id="k1", link_id="l3", element_ids=["g2", "g3"], resolution=mixed)],
        decisions=[Decision(id="d1", text=mixed, rationale=ARABIC, decided_by=HEBREW)],
        actions=[ActionItem(id="a1", what=WHAT_WORD),
                 ActionItem(id="a2", what=mixed, owner="p2", due_date=date(2026, 4, 1))],
    )


@pytest.fixture(scope="module", params=["de", "en"])
def hostile_pdf(request) -> tuple[str, bytes]:
    lang = request.param
    return lang, minutes_pdf_bytes(hostile_workshop(), lang)


def test_hostile_workshop_gives_a_valid_pdf(hostile_pdf):
    _, data = hostile_pdf
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    pages = pages_text(data)
    assert len(pages) > 3
    assert set(page_orientations(data)) == {"portrait", "landscape"}
    assert all(_PAGE_OF.match(page.splitlines()[-1].strip()) for page in pages if page.strip())


def test_markup_characters_print_literally(hostile_pdf):
    _, data = hostile_pdf
    text = "\n".join(pages_text(data))
    assert squash(f"Ana {MARKUP}") in squash(text)
    assert squash(f"Strategy {MARKUP}") in squash(text)
    assert "size=99" in text and "&amp;" not in text and "&lt;" not in text


def test_ten_thousand_character_words_wrap_and_print_in_full(hostile_pdf):
    lang, data = hostile_pdf
    pages = pages_text(data)
    # The action's row splits over pages: its other cells (only the status is filled in) follow the
    # first part of the word, the repeated header row precedes the next part.
    flat = squash(document_body(data))
    for noise in (_header(lang, "#", "What", "Owner", "Due", "Status"), translator(lang)("Open")):
        flat = flat.replace(noise, "")
    for word in (TITLE_WORD, HOW_WORD, WHAT_WORD):
        assert word in flat, word[:10]
    longest = max(len(line) for page in pages for line in page.splitlines())
    assert longest < 150  # wrapped within the page, not one line running off it


def test_emoji_build_and_the_text_around_them_survives(hostile_pdf):
    """😀 is in DejaVu Sans and extracts as itself. 👍, the skin-tone modifier 🏽 and the flag's
    regional indicators are not in the font: they print as its .notdef box (and extract as NUL),
    the build does not fail and the text around them stays intact."""
    _, data = hostile_pdf
    text = "\n".join(pages_text(data))
    assert "😀" in text
    assert squash(f"Goal{EMOJI[0]}") in squash(text)
    assert squash(f"{MARKUP}😀") in squash(text)


def test_right_to_left_text_prints_its_letters(hostile_pdf):
    """reportlab does not shape or reorder right-to-left text: the letters are drawn left to right
    in logical order, which pypdf then reads back reversed. Either order counts; nothing may be lost."""
    _, data = hostile_pdf
    text = normalise("\n".join(pages_text(data)))
    for rtl in (HEBREW, ARABIC):
        assert rtl in text or rtl[::-1] in text, rtl
        assert text.count(rtl) + text.count(rtl[::-1]) >= 4  # name/role, goal, conflict, decision, action…


@pytest.mark.parametrize("lang", ["de", "en"])
def test_empty_workshop_gives_one_a4_page(lang):
    data = minutes_pdf_bytes(Workshop(), lang)
    assert page_orientations(data) == ["portrait"]
    (page,) = pages_text(data)
    assert translator(lang)("Untitled workshop") in body_text(page)


# --- a large workshop (L: 400 elements, 800 links, 30 participants) -----------------------

@pytest.fixture(scope="module")
def large() -> tuple[Workshop, bytes]:
    doc = load_generate().make_workshop(400, 800, 30, seed=1)
    return doc, minutes_pdf_bytes(doc, "en")


def test_large_workshop_gives_a_valid_a4_pdf(large):
    doc, data = large
    orientations = page_orientations(data)
    assert len(orientations) > 20
    assert 1 <= orientations.count("landscape") <= 1 + MAX_PARTS  # the graph's overview, and parts that are wide
    pages = pages_text(data)
    assert all(page.strip() for page in pages)
    body = document_body(data)
    assert missing(body, [p.name for p in doc.participants]) == []
    shared = [e.title for e in doc.elements if e.kind == "goal" and e.level == "shared"]
    assert len(shared) == 40
    assert missing(body, shared) == []


# --- the export command -------------------------------------------------------------------

HEADINGS = {
    "de": ["Was vereinbart wurde", "Entscheidungen", "Maßnahmen", "Vom Raum aufgegriffene Zielkonflikte",
           "Themenspeicher", "Teilnehmende", "Bestandsaufnahme", "Zielbaum"],
    "en": ["What was agreed", "Decisions", "Action items", "Conflicts taken up by the room", "Parking lot",
           "Participants", "Inventory", "Goal tree"],
}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_export_command_writes_minutes_in_the_language_asked_for(lang, tmp_path):
    out = tmp_path / f"minutes-{lang}.pdf"
    run = subprocess.run([sys.executable, "-m", "workshop_app", "export", "--demo", "-o", str(out), "--lang", lang],
                         capture_output=True, text=True, cwd=REPO, timeout=120)
    assert run.returncode == 0, run.stderr
    text = "\n".join(pages_text(out.read_bytes()))
    for heading in HEADINGS[lang]:
        assert re.search(rf"^\d+\s+{re.escape(heading)}$", text, re.M), heading
    other = HEADINGS["en" if lang == "de" else "de"]
    for heading in other:
        assert not re.search(rf"^\d+\s+{re.escape(heading)}$", text, re.M), heading
    assert missing(text, [a.what for a in load_demo(lang).actions]) == []  # the demo in that language, too
