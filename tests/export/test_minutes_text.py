"""User text in the minutes is data: it prints literally and never breaks the build."""

from __future__ import annotations

import io
import re
from datetime import date

import pypdf
import pytest

from workshop_app.export.minutes import minutes_pdf_bytes
from workshop_app.export.minutes_records import sorted_actions
from workshop_app.export.pdf_text import esc
from workshop_app.model import (
    ActionItem,
    Belief,
    Budget,
    Channel,
    Conflict,
    Decision,
    Goal,
    Incentive,
    Link,
    Meta,
    ParkingItem,
    Participant,
    Pilot,
    Strategy,
    Workshop,
)

LONG_WORD = "Donau" + "dampfschifffahrts" * 29  # 498 characters, no space to break at
HOSTILE = [
    "<b>not bold</b>",
    "Fish &amp; Chips & more",
    "</para> <para> <br/> <font size=40>",
    "price $x$ and $\\alpha$",
    "emoji 😀 ☀ ✓ 👍🏽 in text",
    "Umlaute äöüß € → ł ğ",
]


def pages_text(data: bytes) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages]


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def hostile_workshop() -> Workshop:
    text = " | ".join(HOSTILE)
    people = [Participant(id="p1", name="<i>Ana</i> & Co", side="marketing", role=text),
              Participant(id="p2", name="Ben 😀", side="sales", role="line one\nline two\r\nline three")]
    elements = [
        Strategy(id="s1", title=text, notes=LONG_WORD),
        Goal(id="g1", title="<b>Goal</b> & $x$", level="shared", metric=LONG_WORD, how="first\nsecond",
             owners=["p1", "p2"], origin="agreed"),
        Goal(id="g2", title=LONG_WORD, side="sales", metric="m", target="10 €"),
        Incentive(id="i1", title="Inc </para>", side="sales", rewards_what=text, period_months=3),
        Channel(id="c1", title="Chan <br/>", side="marketing", to_side="sales", usefulness=0, origin="agreed",
                purpose=LONG_WORD),
        Belief(id="b1", title="\"They never read\" & <u>", side="sales", resistance=text, mitigation=LONG_WORD),
    ]
    links = [Link(id="l1", kind="contributes_to", source="g1", target="s1"),
             Link(id="l2", kind="contributes_to", source="g2", target="g1"),
             Link(id="l3", kind="conflicts_with", source="g1", target="g2", reason=text)]
    return Workshop(
        meta=Meta(title="Workshop <b>&amp;</b> 😀", organisation="A & B <GmbH>", facilitator="Zoë <script>",
                  venue=text, date=date(2026, 3, 12)),
        participants=people, elements=elements, links=links,
        conflicts=[Conflict(id="k1", link_id="l3", element_ids=["g1", "g2"], resolution=text)],
        decisions=[Decision(id="d1", text=text, rationale=LONG_WORD, decided_by="<all>")],
        actions=[ActionItem(id="a1", what=LONG_WORD, owner="p1"),
                 ActionItem(id="a2", what=text + "\nsecond line", owner="p2", due_date=date(2026, 4, 1))],
        pilot=Pilot(title="Pilot <x>", hypothesis=text, team=["p1"], data_slice=LONG_WORD),
        parking_lot=[ParkingItem(id="k9", text="\x00control\x07chars\x1b and \ufffe non-characters")],
    )


@pytest.mark.parametrize("lang", ["de", "en"])
def test_hostile_text_builds_and_prints_literally(lang):
    data = minutes_pdf_bytes(hostile_workshop(), lang)
    text = "\n".join(pages_text(data))
    flat = squash(text)
    for needle in ("<b>notbold</b>", "Fish&amp;Chips&more", "</para><para><br/><fontsize=40>", "$x$",
                   "$\\alpha$", "äöüß€→łğ", "😀", "☀✓", "<i>Ana</i>&Co", "Zoë<script>", "Chan<br/>", "<u>"):
        assert needle in flat, needle
    assert LONG_WORD in flat  # wrapped over several lines, every character printed
    assert "line one" in text and "line two" in text and "line three" in text
    assert "controlchars" in flat


def test_newlines_become_line_breaks():
    assert esc("a\nb\r\nc\rd") == "a<br/>b<br/>c<br/>d"
    assert esc("<b>&amp;</b>") == "&lt;b&gt;&amp;amp;&lt;/b&gt;"
    assert esc("\x00x\x1by") == "xy"


def test_500_character_word_wraps_inside_a_table_cell():
    doc = Workshop(actions=[ActionItem(id="a1", what="x" * 500, due_date=date(2026, 1, 1))])
    pages = pages_text(minutes_pdf_bytes(doc, "en"))
    assert len(pages) == 1
    lines = [ln for ln in pages[0].splitlines() if set(ln.strip()) == {"x"}]
    assert len(lines) > 3  # wrapped within the column, not one line running off the page
    assert sum(len(ln.strip()) for ln in lines) == 500


def test_field_longer_than_a_page_splits_inside_its_table_row():
    huge = " ".join(f"word{n}" for n in range(6000))
    doc = Workshop(decisions=[Decision(id="d1", text="short", rationale=huge)],
                   actions=[ActionItem(id="a1", what=huge)])
    pages = pages_text(minutes_pdf_bytes(doc, "en"))
    assert len(pages) > 4
    assert "word5999" in "\n".join(pages)


def test_action_table_is_sorted_by_due_date_undated_last():
    actions = [
        ActionItem(id="a1", what="ACT-undated-1"),
        ActionItem(id="a2", what="ACT-june", due_date=date(2026, 6, 1)),
        ActionItem(id="a3", what="ACT-january", due_date=date(2026, 1, 15)),
        ActionItem(id="a4", what="ACT-undated-2"),
        ActionItem(id="a5", what="ACT-march", due_date=date(2026, 3, 3)),
    ]
    text = "\n".join(pages_text(minutes_pdf_bytes(Workshop(actions=actions), "en")))
    order = re.findall(r"ACT-[a-z0-9-]+", text)
    assert order == ["ACT-january", "ACT-march", "ACT-june", "ACT-undated-1", "ACT-undated-2"]
    assert [a.id for a in sorted_actions(actions)] == ["a3", "a5", "a2", "a1", "a4"]


def test_long_table_repeats_its_header_row_on_every_page():
    people = [Participant(id="p1", name="Owner Person")]
    actions = [ActionItem(id=f"a{n}", what=f"Task number {n}", owner="p1", due_date=date(2026, 1, 1 + n % 28))
               for n in range(120)]
    pages = pages_text(minutes_pdf_bytes(Workshop(participants=people, actions=actions), "en"))
    with_rows = [p for p in pages if "Task number" in p]
    assert len(with_rows) >= 3
    for page in with_rows:
        assert re.search(r"What\s+Owner\s+Due\s+Status", page), page[:300]


def _body_lines(page: str, footer: str) -> list[str]:
    """A page's lines without "page x of y" and the DRAFT mark (drawn over the content, so it comes last)."""
    lines = [ln.strip() for ln in page.splitlines() if ln.strip()]
    return [ln for ln in lines if not ln.startswith(footer) and ln not in ("DRAFT", "ENTWURF")]


@pytest.mark.parametrize("filler", range(20, 44, 2))
def test_no_section_heading_is_left_alone_at_the_bottom_of_a_page(filler):
    people = [Participant(id=f"p{n}", name=f"Person {n}", side="marketing" if n % 2 else "sales", role="Role")
              for n in range(filler)]
    elements = [Incentive(id=f"i{n}", title=f"Incentive {n}", side="sales", period_months=3) for n in range(3)]
    elements += [Budget(id=f"b{n}", title=f"Budget {n}", side="marketing", amount=1000.0) for n in range(3)]
    doc = Workshop(participants=people, elements=elements,
                   decisions=[Decision(id=f"d{n}", text=f"Decision {n}") for n in range(8)],
                   actions=[ActionItem(id=f"a{n}", what=f"Action {n}") for n in range(8)],
                   parking_lot=[ParkingItem(id=f"k{n}", text=f"Topic {n}") for n in range(8)])
    for page in pages_text(minutes_pdf_bytes(doc, "en")):
        body = _body_lines(page, "Page ")
        assert body
        assert not re.match(r"^(\d+\s+)?(Participants|What was agreed|Inventory|Incentives|Planning horizons|"
                            r"Budgets|Decisions|Action items|Parking lot)$", body[-1]), body[-1]
