"""The minutes follow the conventions of their own language: headings, dates, numbers, quotation marks.

The headings per ``--lang`` of the ``tandem export`` command are checked in
test_minutes_content.py; these tests check the conventions in the text.
"""

from __future__ import annotations

import io
from datetime import date

import pypdf
import pytest

from workshop_app.export.minutes import minutes_pdf_bytes
from workshop_app.store.demo import load_demo


def pdf_text(data: bytes) -> str:
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)
    return text.replace("\u00a0", " ")


@pytest.fixture(scope="module", params=["de", "en"])
def demo(request) -> tuple[str, str]:
    doc = load_demo(request.param)
    doc.meta.date = date(2026, 11, 26)
    return request.param, pdf_text(minutes_pdf_bytes(doc, request.param))


def test_dates_numbers_and_headings_follow_the_language(demo):
    lang, text = demo
    if lang == "de":
        assert "26.11.2026" in text and "26 November 2026" not in text
        assert "480.000 EUR" in text and "480,000" not in text
        assert "Was vereinbart wurde" in text
    else:
        assert "26 November 2026" in text and "26.11.2026" not in text
        assert "EUR 480,000" in text and "480.000" not in text
        assert "What was agreed" in text


def test_conflict_explanations_quote_in_the_language(demo):
    lang, text = demo
    if lang == "de":
        assert "„" in text and "“" in text
        assert "”" not in text, "English closing quotes in German minutes"
    else:
        assert "“" in text and "”" in text
        assert "„" not in text, "German opening quotes in English minutes"
