"""German conventions in German output, English ones in English output (workshop_app/locale_format.py)."""

from datetime import date, datetime

import pytest

from workshop_app import i18n
from workshop_app.locale_format import (
    NBSP,
    format_date,
    format_datetime,
    format_money,
    format_number,
    format_percent,
    quote,
)
from workshop_app.model import Goal
from workshop_app.vocabulary import Translator

DAY = date(2026, 11, 26)


def test_dates():
    assert format_date(DAY, "de") == "26.11.2026"
    assert format_date(date(2026, 3, 5), "de") == "05.03.2026"
    assert format_date(DAY, "en") == "26 November 2026"
    assert format_date(DAY, "en", short=True) == "2026-11-26"
    assert format_date(DAY, "de", short=True) == "26.11.2026"
    assert format_date(None, "de") == ""
    assert format_datetime(datetime(2026, 11, 26, 14, 5, 9), "de") == "26.11.2026, 14:05"
    assert format_datetime(datetime(2026, 11, 26, 14, 5, 9), "en", seconds=True) == "26 November 2026, 14:05:09"


@pytest.mark.parametrize(("value", "decimals", "de", "en"), [
    (1234.5, None, "1.234,50", "1,234.50"),
    (1234.5, 1, "1.234,5", "1,234.5"),
    (480000, None, "480.000", "480,000"),
    (480000.0, None, "480.000", "480,000"),
    (0.25, 2, "0,25", "0.25"),
    (-1234567.891, 2, "-1.234.567,89", "-1,234,567.89"),
    (12, None, "12", "12"),
])
def test_numbers(value, decimals, de, en):
    assert format_number(value, "de", decimals) == de
    assert format_number(value, "en", decimals) == en


def test_percent_and_money():
    assert format_percent(12.5, "de", 1) == f"12,5{NBSP}%"
    assert format_percent(12, "en") == "12%"
    assert format_money(480000, "EUR", "de") == f"480.000{NBSP}EUR"
    assert format_money(480000, "EUR", "en") == f"EUR{NBSP}480,000"
    assert format_money(1234.5, "€", "de") == f"1.234,50{NBSP}€"
    assert format_money(1234.5, "€", "en") == "€1,234.50"
    assert format_money(5, "", "en") == "5"
    assert format_money(None, "EUR", "de") == ""


def test_quotes():
    assert quote("Pipeline", "de") == "„Pipeline“"
    assert quote("Pipeline", "en") == "“Pipeline”"
    assert quote("x", "fr") == "“x”"  # unknown languages get English


def test_pdf_and_analysis_use_the_same_rules():
    de, en = Translator("de"), Translator("en")
    assert (de.date(DAY), en.date(DAY)) == ("26.11.2026", "26 November 2026")
    assert (de.money(1500, "EUR"), en.money(1500, "EUR")) == (f"1.500{NBSP}EUR", f"EUR{NBSP}1,500")
    assert (de.months(1), de.months(6), en.months(1), en.months(6)) == ("1 Monat", "6 Monate", "1 month", "6 months")
    assert (de.weeks(1), en.weeks(3)) == ("1 Woche", "3 weeks")
    goal = Goal(id="g", title="Pipeline")
    assert Translator("de").name(goal) == "„Pipeline“" and Translator("en").name(goal) == "“Pipeline”"
    assert Translator("de").money(2500.5, "EUR") == f"2.500,50{NBSP}EUR"


def test_ui_formats_follow_the_ui_language():
    from workshop_app.ui.widgets.formats import format_date as ui_date
    from workshop_app.ui.widgets.formats import format_long_date, format_money, format_number, parse_date, parse_number

    i18n.set_language("de")
    assert (ui_date(DAY), format_long_date(DAY), format_number(1500.5)) == ("26.11.2026", "26.11.2026", "1.500,50")
    assert format_money(1500, "EUR") == f"1.500{NBSP}EUR"
    assert parse_date(ui_date(DAY)) == DAY and parse_number(format_number(1500.5)) == 1500.5
    i18n.set_language("en")
    assert (ui_date(DAY), format_long_date(DAY), format_number(1500.5)) == ("2026-11-26", "26 November 2026", "1,500.50")
    assert parse_date(ui_date(DAY)) == DAY and parse_number(format_number(1500.5)) == 1500.5


def test_a_figure_keeps_its_unit_on_the_same_line():
    from workshop_app.locale_format import NBSP, with_unit

    assert with_unit("30", "%", "de") == f"30{NBSP}%"
    assert with_unit("30", "%", "en") == "30%"
    assert with_unit("8", "Mio. €", "de") == f"8{NBSP}Mio. €"
    assert with_unit("6", "", "de") == "6" and with_unit("", "%", "en") == "%"


def test_quotes_inside_a_quote_become_single_ones():
    from workshop_app.locale_format import quote

    assert quote("Dachkampagne „Vorausschauend warten“", "de") == "„Dachkampagne ‚Vorausschauend warten‘“"
    assert quote("Umbrella campaign “Maintain ahead”", "en") == "“Umbrella campaign ‘Maintain ahead’”"
    assert quote("plain", "de") == "„plain“"


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("value", [0.5, 7.0, 999.0, 1000.0, 1500.5, 25000.0, 480000.0, 1234567.0, 1234.56])
def test_every_number_reads_back_as_it_is_shown(lang, value):
    """A budget of 25,000 shown as „25.000“ must not come back as 25 when the field is committed."""
    from workshop_app.ui.widgets.formats import format_number, parse_number

    i18n.set_language(lang)
    assert parse_number(format_number(value)) == value


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("25.000", "de", 25000), ("1,5", "de", 1.5), ("1.5", "de", 1.5), ("1.500,50", "de", 1500.5),
    ("25,000", "en", 25000), ("1.5", "en", 1.5), ("1,5", "en", 1.5), ("1,500.50", "en", 1500.5),
    ("1.500.000", "en", 1500000), ("1 500", "de", 1500), ("-2,5", "de", -2.5),
])
def test_typed_numbers_are_read_the_languages_way(text, lang, expected):
    from workshop_app.ui.widgets.formats import parse_number

    assert parse_number(text, lang=lang) == expected


def test_whole_number_fields_take_grouped_thousands_either_way():
    from workshop_app.ui.widgets.formats import ParseError, parse_number

    assert parse_number("1.500", whole=True, lang="en") == 1500
    assert parse_number("1,500", whole=True, lang="de") == 1500
    with pytest.raises(ParseError):
        parse_number("1,5,3", lang="de")


def test_straight_and_foreign_quotes_inside_a_quote_nest_too():
    from workshop_app.locale_format import quote

    assert quote('Kampagne "Warten"', "de") == "„Kampagne ‚Warten‘“"
    assert quote('Campaign "Wait"', "en") == "“Campaign ‘Wait’”"
    assert quote('5" screen', "en") == "“5\" screen”"  # a lone inch mark stays as typed


def test_rounding_and_signs_read_naturally():
    from workshop_app.locale_format import format_money, format_number

    assert format_number(2.999, "en") == "3" and format_number(-0.0, "de") == "0"
    assert format_number(-1234.5, "de") == "-1.234,50"
    assert format_money(-1234.5, "€", "en") == "-€1,234.50" and format_money(-1234.5, "EUR", "en") == "-EUR\u00a01,234.50"
