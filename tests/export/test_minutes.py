"""The PDF minutes as a whole: sections, fonts, metadata, page furniture, atomic writes."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from datetime import date

import pypdf
import pytest

from workshop_app import atomic
from workshop_app.export.minutes import SECTION_TITLES, default_minutes_path, export_minutes, minutes_pdf_bytes
from workshop_app.i18n import translator
from workshop_app.model import Meta, Participant, Workshop
from workshop_app.store.demo import load_demo

BASE14 = ("Helvetica", "Times", "Courier", "Symbol", "ZapfDingbats")


def pages_text(data: bytes) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages]


def all_fonts(data: bytes) -> list[pypdf.generic.DictionaryObject]:
    """Every font dictionary in the file (whatever refers to it)."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    fonts = []
    for num in range(1, reader.trailer["/Size"]):
        try:
            obj = reader.get_object(num)
        except Exception:  # free or missing object numbers
            continue
        if isinstance(obj, pypdf.generic.DictionaryObject) and obj.get("/Type") == "/Font":
            fonts.append(obj)
    return fonts


def heading_positions(text: str, headings: list[str]) -> list[int]:
    """Where each numbered heading starts in ``text`` (searching after the previous one)."""
    positions, start = [], 0
    for n, heading in enumerate(headings, start=1):
        match = re.compile(rf"^{n}\s+{re.escape(heading)}\s*$", re.M).search(text, start)
        assert match, f"heading {n} {heading!r} missing (or out of order)"
        positions.append(match.start())
        start = match.end()
    return positions


@pytest.fixture(scope="module", params=["de", "en"])
def demo_pdf(request) -> tuple[str, bytes]:
    lang = request.param
    return lang, minutes_pdf_bytes(load_demo(lang), lang)


#: The sections every workshop like the demo prints (a follow-up or an adopted scenario adds more).
DEMO_SECTIONS = (
    "What was agreed", "Decisions", "Action items", "Conflicts taken up by the room", "Alignment check",
    "Communication agreements", "Culture patterns and pilot", "Parking lot", "Participants",
    "Agenda: planned and actual time", "Inventory", "Goal tree", "Dependency graph", "Time horizons",
    "Appendix: further findings for follow-up",
)


def test_demo_has_every_section_heading_in_order(demo_pdf):
    from workshop_app.export.minutes_content import build_minutes

    lang, data = demo_pdf
    tr = translator(lang)
    if lang == "de":
        assert all(tr(t) != t for t in SECTION_TITLES), "German headings missing"
    printed = [s.key for s in build_minutes(load_demo(lang), lang).sections]
    assert [t for t in printed if t in DEMO_SECTIONS] == list(DEMO_SECTIONS)
    assert [t for t in SECTION_TITLES if t in printed] == printed  # in the declared order
    positions = heading_positions("\n".join(pages_text(data)), [tr(title) for title in printed])
    assert positions == sorted(positions)


def test_demo_prints_translated_labels_and_enum_values(demo_pdf):
    lang, data = demo_pdf
    text = "\n".join(pages_text(data))
    if lang == "de":
        for word in ("Vertrieb", "Gemeinsames Ziel", "erledigt", "Teilnehmende", "Seite 1 von"):
            assert word in text
        assert "Page 1 of" not in text
    else:
        for word in ("Sales", "Shared goal", "done", "Participants", "Page 1 of"):
            assert word in text


def test_every_font_is_embedded_and_none_is_base14(demo_pdf):
    _, data = demo_pdf
    fonts = all_fonts(data)
    assert fonts
    for font in fonts:
        name = str(font["/BaseFont"])
        assert not any(b in name for b in BASE14), name
        descriptor = font.get("/FontDescriptor")
        if descriptor is None:  # a composite font: the descendant carries the descriptor
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        descriptor = descriptor.get_object()
        assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), f"{name} not embedded"
    assert b"/Helvetica" not in data and b"/Times-Roman" not in data


def test_metadata_title_author_language(demo_pdf):
    lang, data = demo_pdf
    doc = load_demo(lang)
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert doc.meta.title in reader.metadata.title
    assert reader.metadata.author == doc.meta.facilitator
    assert reader.metadata.subject
    assert str(reader.trailer["/Root"]["/Lang"]).startswith(lang)


def test_every_page_has_header_footer_and_page_x_of_y(demo_pdf):
    lang, data = demo_pdf
    doc = load_demo(lang)
    pages = pages_text(data)
    assert len(pages) > 3
    word = {"de": "Seite {} von {}", "en": "Page {} of {}"}[lang]
    generated = {"de": "Erstellt am", "en": "Generated on"}[lang]
    for n, text in enumerate(pages, start=1):
        assert word.format(n, len(pages)) in text
        assert doc.meta.title in text
        assert generated in text


def test_draft_watermark_on_every_page_unless_final():
    doc = load_demo("de")
    draft = pages_text(minutes_pdf_bytes(doc, "de"))
    assert all("ENTWURF" in page for page in draft)
    # the footer says so as well, on pages where a picture covers the diagonal mark too
    assert all(page.count("ENTWURF") >= 2 for page in draft)
    final = pages_text(minutes_pdf_bytes(doc, "de", final=True))
    assert not any("ENTWURF" in page for page in final)
    english = pages_text(minutes_pdf_bytes(doc, "en"))
    assert all("DRAFT" in page for page in english)


def test_minimal_workshop_leaves_empty_sections_out():
    text = "\n".join(pages_text(minutes_pdf_bytes(Workshop(meta=Meta(title="Nur Titel")), "en")))
    assert "Nur Titel" in text
    for title in SECTION_TITLES:
        assert title not in text, title
    one = Workshop(meta=Meta(title="T"), participants=[Participant(id="p1", name="Ana", side="sales")])
    text = "\n".join(pages_text(minutes_pdf_bytes(one, "en")))
    assert re.search(r"^1\s+Participants", text, re.M)
    assert "Management summary" not in text and "Inventory" not in text and "Action items" not in text


def test_progress_rises_to_one(tmp_path):
    seen: list[float] = []
    export_minutes(load_demo("en"), tmp_path / "m.pdf", lang="en", progress=seen.append)
    assert seen[0] == 0.0 and seen[-1] == 1.0
    assert seen == sorted(seen)
    assert len(seen) > 5


def test_export_writes_a_pdf_and_returns_its_path(tmp_path):
    out = export_minutes(load_demo("en"), tmp_path / "sub" / "minutes.pdf", lang="en", final=True)
    assert out == tmp_path / "sub" / "minutes.pdf"
    assert out.read_bytes().startswith(b"%PDF")


def test_failed_write_leaves_the_old_file_intact(tmp_path, monkeypatch):
    out = tmp_path / "minutes.pdf"
    out.write_bytes(b"old minutes")

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(atomic.os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        export_minutes(load_demo("en"), out, lang="en")
    assert out.read_bytes() == b"old minutes"
    assert [p.name for p in tmp_path.iterdir()] == ["minutes.pdf"]  # no temporary file left


def test_failed_build_leaves_the_old_file_intact(tmp_path, monkeypatch):
    out = tmp_path / "minutes.pdf"
    out.write_bytes(b"old minutes")
    from workshop_app.export import minutes_records

    def boom(ctx):
        raise RuntimeError("midway")

    monkeypatch.setattr(minutes_records, "decisions", boom)
    with pytest.raises(RuntimeError, match="midway"):
        export_minutes(load_demo("en"), out, lang="en")
    assert out.read_bytes() == b"old minutes"


def test_failed_fsync_midway_leaves_the_old_file_intact(tmp_path, monkeypatch):
    out = tmp_path / "minutes.pdf"
    out.write_bytes(b"old minutes")

    def broken_fsync(fd):
        raise OSError("I/O error")

    monkeypatch.setattr(atomic.os, "fsync", broken_fsync)
    with pytest.raises(OSError):
        export_minutes(Workshop(meta=Meta(title="x")), out, lang="en")
    assert out.read_bytes() == b"old minutes"
    assert [p.name for p in tmp_path.iterdir()] == ["minutes.pdf"]


def test_the_suggested_name_does_not_repeat_the_year_or_date_of_the_title():
    doc = Workshop()
    doc.meta.date = date(2027, 3, 12)
    for title, name in (("Kick-off 2027", "kick-off-2027-03-12.pdf"), ("Review 2027-03-12", "review-2027-03-12.pdf"),
                        ("2027", "2027-03-12.pdf"), ("Kick-off 2026", "kick-off-2026-2027-03-12.pdf")):
        doc.meta.title = title
        assert default_minutes_path(doc).name == name, title


def test_default_minutes_path_is_ascii_slug_and_date():
    doc = Workshop(meta=Meta(title="Größe & Café: Q3/2026 – Kick-off 🚀", date=date(2026, 3, 12)))
    path = default_minutes_path(doc)
    assert path.name == "groesse-cafe-q3-2026-kick-off-2026-03-12.pdf"
    assert path.name.isascii()
    untitled = default_minutes_path(Workshop())
    assert untitled.name == f"workshop-{date.today().isoformat()}.pdf"
    assert path.parent == untitled.parent


def test_language_is_the_exports_not_the_uis():
    from workshop_app import i18n

    i18n.set_language("en")
    text = "\n".join(pages_text(minutes_pdf_bytes(Workshop(participants=[Participant(id="p", name="A")]), "de")))
    assert "Teilnehmende" in text and "Participants" not in text


def test_importing_minutes_is_cheap():
    code = (
        "import sys, workshop_app.export.minutes\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'reportlab', 'matplotlib', 'networkx', 'PySide6'}))"
    )
    env = dict(os.environ)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.strip() == "[]"
