"""The outputs people work with: Word and Markdown minutes, actions as CSV and as a calendar.

Each is read back the way its tool would (python-docx, csv, icalendar, the
Markdown text) and must hold every participant, decision and action of the
demo in both languages; hostile text survives literally (CSV formulas are
neutralised) in every format.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
from datetime import date, datetime

import docx
import pytest
from icalendar import Calendar

from workshop_app.export.actions_csv import actions_csv_bytes, neutralised
from workshop_app.export.actions_ics import actions_ics_bytes
from workshop_app.export.content import blocks_text
from workshop_app.export.docx_render import minutes_docx_bytes
from workshop_app.export.errors import ExportError
from workshop_app.export.md_render import minutes_markdown, write_markdown
from workshop_app.export.minutes_content import build_minutes
from workshop_app.export.outputs import FORMATS, export_formats, output_path
from workshop_app.model import ActionItem, Decision, Meta, Participant, Workshop
from workshop_app.store.demo import load_demo
from workshop_app.vocabulary import Translator

HOSTILE = {
    "markup": "<b>bold</b> <script>alert(1)</script> [click](javascript:alert(1)) **x** _y_ | pipe # head",
    "formula": "=HYPERLINK(\"http://evil.example\",\"x\")",
    "plus": "+1",
    "minus": "-1",
    "at": "@SUM(A1:A9)",
    "word": "W" * 10_000,
    "emoji": "Ziel 🎯👩🏽‍💻 erreicht",
    "rtl": "שלום עולם مرحبا بالعالم",
}
CONTROL = "a\x00b\x1bc\x7fd"  # control characters: removed, the rest kept


def hostile_workshop() -> Workshop:
    people = [Participant(id="p1", name=HOSTILE["markup"], side="marketing"),
              Participant(id="p2", name=HOSTILE["rtl"], side="sales"),
              Participant(id="p3", name=HOSTILE["emoji"], side="joint")]
    actions = [ActionItem(id=f"a-{key}", what=text, owner="p1", due_date=date(2026, 5, n + 1))
               for n, (key, text) in enumerate(HOSTILE.items())]
    actions.append(ActionItem(id="a-control", what=CONTROL, owner="p2", due_date=date(2026, 6, 1)))
    return Workshop(
        meta=Meta(title=HOSTILE["markup"], organisation=HOSTILE["rtl"], facilitator=HOSTILE["emoji"],
                  date=date(2026, 3, 12)),
        participants=people,
        decisions=[Decision(id=f"d-{key}", text=text) for key, text in HOSTILE.items()],
        actions=actions,
    )


def facts(doc: Workshop) -> list[str]:
    """What every output of the minutes must name: participants, decisions, actions."""
    return ([p.name.strip() for p in doc.participants] + [d.text.strip() for d in doc.decisions]
            + [a.what.strip() for a in doc.actions])


@pytest.fixture(scope="module", params=["de", "en"])
def demo(request):
    lang = request.param
    doc = load_demo(lang)
    return lang, doc, build_minutes(doc, lang, now=datetime(2026, 3, 12, 17, 0))


# ---- the content model ---------------------------------------------------------------------------


def test_the_content_holds_every_participant_decision_and_action(demo):
    _lang, doc, minutes = demo
    text = "\n".join(t for s in minutes.sections for t in blocks_text(s.blocks))
    missing = [f for f in facts(doc) if f not in text]
    assert not missing


def test_sections_are_numbered_in_print_order_and_empty_ones_left_out():
    minutes = build_minutes(Workshop(participants=[Participant(id="p", name="Ana")]), "en")
    assert [s.title for s in minutes.sections] == ["1\u2002Participants"]


# ---- Word ----------------------------------------------------------------------------------------


def docx_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts)


@pytest.fixture(scope="module")
def word(demo):
    lang, doc, minutes = demo
    data = minutes_docx_bytes(minutes)
    return lang, doc, minutes, data, docx.Document(io.BytesIO(data))


def test_word_holds_every_participant_decision_and_action(word):
    _lang, doc, _minutes, _data, document = word
    text = docx_text(document)
    assert not [f for f in facts(doc) if f not in text]


def test_word_sections_are_real_headings(word):
    lang, _doc, minutes, _data, document = word
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert [t for s, t in headings if s == "Heading 1"] == [s.title for s in minutes.sections]
    assert any(s == "Heading 2" for s, _t in headings)  # sub-sections (inventory categories, beliefs …)
    title = next(p for p in document.paragraphs if p.style.name == "Title")
    assert title.text == load_demo(lang).meta.title


def test_word_tables_have_header_rows_and_pictures(word):
    _lang, _doc, _minutes, data, document = word
    decisions = next(t for t in document.tables if t.rows[0].cells[1].text in ("Decision", "Entscheidung"))
    assert decisions._tbl.tr_lst[0].trPr.xml.count("tblHeader") == 1  # repeated on every page
    assert len(document.inline_shapes) >= 3  # dependency graph pages, horizons, alignment gaps
    assert b"image/png" in data or b"media/image" in data


def test_word_knows_its_language_title_author_and_draft(word):
    lang, doc, _minutes, _data, document = word
    core = document.core_properties
    assert core.language == ("de-DE" if lang == "de" else "en")
    assert core.title.endswith(doc.meta.title) and core.author == doc.meta.facilitator
    styles_xml = document.styles.element.xml
    assert f'w:val="{core.language}"' in styles_xml
    header = "\n".join(p.text for p in document.sections[0].header.paragraphs)
    assert Translator(lang)("DRAFT") in header
    final = docx.Document(io.BytesIO(minutes_docx_bytes(build_minutes(doc, lang, final=True))))
    assert Translator(lang)("DRAFT") not in "\n".join(p.text for p in final.sections[0].header.paragraphs)


def test_word_opens_in_libreoffice(word, tmp_path):
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice (soffice) is not installed here; CI installs it")
    import pypdf

    _lang, doc, minutes, data, _document = word
    source = tmp_path / "minutes.docx"
    source.write_bytes(data)
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=240)
    reader = pypdf.PdfReader(tmp_path / "minutes.pdf")
    assert len(reader.pages) >= 10
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))
    for section in minutes.sections:
        assert re.sub(r"\s+", " ", section.title) in text
    assert doc.participants[0].name in text


# ---- Markdown ------------------------------------------------------------------------------------


def unescape(markdown: str) -> str:
    """The text a Markdown viewer shows (escapes and our line breaks undone; emphasis markers dropped)."""
    text = re.sub(r"(?<!\\)\*\*|(?<!\\)\*", "", markdown)
    text = text.replace("<br>", "\n").replace("\\\n", "\n")
    return re.sub(r"\\(.)", r"\1", text).replace("\u00a0", " ")


def test_markdown_holds_everything_and_its_pictures(demo, tmp_path):
    _lang, doc, minutes = demo
    target = write_markdown(minutes, tmp_path / "minutes.md")
    text = target.read_text(encoding="utf-8")
    shown = unescape(text)
    assert not [f for f in facts(doc) if f.replace("\u00a0", " ") not in shown]
    for section in minutes.sections:
        assert f"## {section.title}" in text
    links = re.findall(r"!\[[^\n]*?\]\((minutes-files/[a-z0-9-]+\.png)\)", text)
    assert links and all((tmp_path / link).read_bytes().startswith(b"\x89PNG") for link in links)
    assert re.search(r"^\| .* \|$\n^\|[-:|]+\|$", text, re.M)  # a pipe table with its heading row


def test_markdown_escapes_user_text():
    text, _files = minutes_markdown(build_minutes(hostile_workshop(), "en"), "x-files")
    assert "<script>" not in text and "<b>" not in text and not re.search(r"(?<!\\)\]\(javascript", text)
    assert "\\<script\\>" in text and "\\[click\\]" in text
    body = unescape(text)
    for value in HOSTILE.values():
        assert value in body
    assert "abcd" in body and "\x00" not in text and "\x1b" not in text  # control characters removed, text kept
    assert "http://evil" not in text  # no automatic link either
    # a cell's pipe never opens a new column: every table row has as many cells as its heading row
    for table in re.findall(r"(?:^\|.*\|$\n?)+", text, re.M):
        rows = [re.split(r"(?<!\\)\|", row)[1:-1] for row in table.strip().splitlines()]
        assert len({len(r) for r in rows}) == 1


# ---- CSV -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "separator", "heading"), [
    ("de", ";", ["Was", "Verantwortlich", "Seite", "Fällig am", "Status", "Verknüpftes Element", "Entscheidung"]),
    ("en", ",", ["What", "Owner", "Side", "Due date", "Status", "Linked element", "Decision"]),
])
def test_csv_opens_with_the_languages_columns_and_separator(lang, separator, heading):
    doc = load_demo(lang)
    data = actions_csv_bytes(doc, lang)
    assert data.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 only with the byte-order mark
    text = data.decode("utf-8-sig")
    assert text.splitlines()[0].split(separator) == heading
    rows = list(csv.reader(io.StringIO(text), delimiter=separator))
    assert rows[0] == heading and len(rows) == len(doc.actions) + 1
    assert sorted(r[0] for r in rows[1:]) == sorted(a.what.strip() for a in doc.actions)
    names = {p.name for p in doc.participants}
    assert all(r[1] in names for r in rows[1:] if r[1])
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", r[3]) for r in rows[1:] if r[3])
    assert any(r[6] for r in rows[1:])  # decisions taken on the same conflict


def test_csv_neutralises_formulas_and_keeps_everything_else():
    rows = list(csv.reader(io.StringIO(actions_csv_bytes(hostile_workshop(), "en").decode("utf-8-sig"))))
    what = {r[0] for r in rows[1:]}
    for key in ("formula", "plus", "minus", "at"):
        assert "'" + HOSTILE[key] in what
    for key in ("markup", "word", "emoji", "rtl"):
        assert HOSTILE[key] in what
    assert "abcd" in what
    assert rows[1][1] == HOSTILE["markup"]  # the owner's name, as typed
    assert neutralised("\tx") == "'\tx" and neutralised("\rx") == "'\rx" and neutralised("x=1") == "x=1"


# ---- iCalendar -----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["de", "en"])
def test_calendar_has_an_all_day_entry_per_open_action_with_a_due_date(lang):
    doc = load_demo(lang)
    cal = Calendar.from_ical(actions_ics_bytes(doc, lang))
    events = cal.walk("VEVENT")
    expected = [a for a in doc.actions if a.due_date and a.status != "done"]
    assert len(events) == len(expected) > 0
    by_summary = {str(e["SUMMARY"]): e for e in events}
    people = {p.id: p.name for p in doc.participants}
    for action in expected:
        event = by_summary[action.what.strip()]
        assert event.decoded("DTSTART") == action.due_date  # a date, not a time: all day
        assert event.decoded("DTEND") == date.fromordinal(action.due_date.toordinal() + 1)
        assert people[action.owner] in str(event["DESCRIPTION"]) and doc.meta.title in str(event["DESCRIPTION"])
        assert "DTSTAMP" in event
    again = Calendar.from_ical(actions_ics_bytes(doc, lang))
    assert sorted(str(e["UID"]) for e in again.walk("VEVENT")) == sorted(str(e["UID"]) for e in events)
    assert len({str(e["UID"]) for e in events}) == len(events)


def test_calendar_keeps_hostile_text_and_needs_a_dated_action():
    cal = Calendar.from_ical(actions_ics_bytes(hostile_workshop(), "en"))
    summaries = {str(e["SUMMARY"]) for e in cal.walk("VEVENT")}
    assert set(HOSTILE.values()) <= summaries and "abcd" in summaries
    with pytest.raises(ExportError, match="due date"):
        actions_ics_bytes(Workshop(actions=[ActionItem(id="a", what="x")]), "en")


# ---- every format at once ------------------------------------------------------------------------


def test_every_format_in_one_go_into_one_folder(tmp_path):
    doc = load_demo("en")
    report = export_formats(doc, FORMATS, tmp_path, lang="en")
    assert not report.failed
    assert [p.name for p in report.written] == [output_path(doc, f, tmp_path).name for f in FORMATS]
    assert all(p.stat().st_size > 0 for p in report.written)


def test_hostile_text_survives_in_word(tmp_path):
    document = docx.Document(io.BytesIO(minutes_docx_bytes(build_minutes(hostile_workshop(), "de"))))
    text = docx_text(document)
    for value in HOSTILE.values():
        assert value in text
    assert "abcd" in text and "\x00" not in text


def test_a_failed_format_is_a_sentence_and_the_others_are_written(tmp_path):
    doc = Workshop(meta=Meta(title="No dates"), participants=[Participant(id="p", name="Ana")],
                   actions=[ActionItem(id="a", what="Undated")])
    report = export_formats(doc, ["csv", "ics", "md"], tmp_path, lang="en")
    assert [p.suffix for p in report.written] == [".md", ".csv"]
    assert "nothing to put in a calendar" in str(report.failed["ics"])
    assert not list(tmp_path.glob("*.ics"))


def test_an_unwritable_folder_leaves_nothing_half_written(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    report = export_formats(load_demo("en"), ["docx", "csv"], blocker / "sub", lang="en")
    assert not report.written and set(report.failed) == {"docx", "csv"}
    assert all("could not be written" in str(e) for e in report.failed.values())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]

