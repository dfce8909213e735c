"""Dates, numbers, money and quotation marks the way German and English readers expect them.

One place for the conventions, used by the UI, the PDF minutes, the graph
labels and the conflict explanations alike, always for a language passed in
(an export has its own language, independent of the UI's):

======== ======================= ============================
         German (``de``)          English (``en``)
======== ======================= ============================
date      26.11.2026              26 November 2026 (``short``: 2026-11-26)
number    1.234,5                 1,234.5
percent   12 %                    12%
money     1.234,50 €, 1.234 EUR   €1,234.50, EUR 1,234
quote     „Titel“                 “Title”
======== ======================= ============================

A leaf utility (DESIGN §4): no Qt, and no Babel — Babel only extracts the
catalogs at development time; these few rules are written out here so the
app needs no locale database at run time. Unknown languages get English.
"""

from __future__ import annotations

from datetime import date, datetime, time

MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")
#: currency symbols written before the amount in English (codes like EUR stay after a space)
_SYMBOLS = ("€", "$", "£", "¥", "₣", "₹")
#: no-break space, so "12 %" and "1.234 €" never break across lines
NBSP = "\u00a0"


def _german(lang: str) -> bool:
    return lang == "de"


def format_date(day: date | None, lang: str, short: bool = False) -> str:
    """``26.11.2026`` in German; ``26 November 2026`` in English (``short``: ISO ``2026-11-26``).

    The short English form is for editable fields and dense tables, where an
    unambiguous, typeable date beats a long one; German needs no short form.
    """
    if day is None:
        return ""
    if _german(lang):
        return f"{day.day:02d}.{day.month:02d}.{day.year:04d}"
    if short:
        return day.isoformat()
    return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"


def format_time(moment: time | datetime, lang: str, seconds: bool = False) -> str:
    """24-hour clock in both languages (``14:05``), as business English in Europe writes it too."""
    del lang  # same in both; the parameter keeps every formatter's signature alike
    return moment.strftime("%H:%M:%S" if seconds else "%H:%M")


def format_datetime(moment: datetime | None, lang: str, seconds: bool = False) -> str:
    """``26.11.2026, 14:05`` / ``26 November 2026, 14:05``."""
    if moment is None:
        return ""
    return f"{format_date(moment.date(), lang)}, {format_time(moment, lang, seconds)}"


def format_number(value: float | None, lang: str, decimals: int | None = None) -> str:
    """``1.234,5`` in German, ``1,234.5`` in English.

    ``decimals=None`` prints whole numbers without decimals and others with
    two; a fixed ``decimals`` always prints that many.
    """
    if value is None:
        return ""
    if decimals is None:  # rounded first: 2.999 is shown as 3, not as "3.00"
        decimals = 0 if round(float(value), 2).is_integer() else 2
    value = round(float(value), decimals) + 0.0  # + 0.0 turns -0.0 into 0.0: no "-0"
    text = f"{value:,.{decimals}f}"
    if _german(lang):
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def format_percent(value: float | None, lang: str, decimals: int = 0) -> str:
    """``12 %`` in German (DIN 5008: a space before the sign), ``12%`` in English; ``value`` is in percent."""
    if value is None:
        return ""
    number = format_number(value, lang, decimals)
    return f"{number}{NBSP}%" if _german(lang) else f"{number}%"


def format_money(amount: float | None, currency: str, lang: str) -> str:
    """``1.234,50 €`` / ``€1,234.50``; a currency code: ``1.234 EUR`` / ``EUR 1,234``; no currency: the number."""
    if amount is None:
        return ""
    number = format_number(amount, lang)
    currency = (currency or "").strip()
    if not currency:
        return number
    if _german(lang):
        return f"{number}{NBSP}{currency}"
    sign, number = ("-", number[1:]) if number.startswith("-") else ("", number)  # -€1,234.50, not €-1,234.50
    if currency in _SYMBOLS:
        return f"{sign}{currency}{number}"
    return f"{sign}{currency}{NBSP}{number}"


def quote(text: str, lang: str) -> str:
    """``text`` in the language's quotation marks: „…“ in German, “…” in English.

    Quotes already inside become the single ones (‚…‘ / ‘…’), as typesetting
    nests them: „Dachkampagne ‚Vorausschauend warten‘“.
    """
    if _german(lang):
        return "„" + _paired(text.replace("„", "‚").replace("“", "‘").replace("”", "‘"), "‚", "‘") + "“"
    return "“" + _paired(text.replace("“", "‘").replace("”", "’"), "‘", "’") + "”"


def _paired(text: str, opening: str, closing: str) -> str:
    """Straight quotes typed on a keyboard ("…") become the inner pair, opening and closing in turn."""
    parts = text.split('"')
    if len(parts) % 2 == 0:  # an odd number of quotes: leave them as typed rather than guess
        return text
    return "".join(part + (opening if n % 2 == 0 else closing) for n, part in enumerate(parts[:-1])) + parts[-1]


def with_unit(value: str, unit: str, lang: str) -> str:
    """``30 %`` / ``30%``, ``8 Mio. €``: a figure and its unit, never broken apart at a line end.

    Either may be empty (a target typed without unit, a unit without target yet).
    """
    value, unit = (value or "").strip(), (unit or "").strip()
    if not value or not unit:
        return value or unit
    if unit == "%" and not _german(lang):
        return f"{value}%"
    return f"{value}{NBSP}{unit}"

