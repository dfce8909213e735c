"""Reading and writing dates and numbers the way the facilitator types them.

German facilitators type ``15.3.2026`` and ``1.500,50``; English ones
``2026-03-15`` and ``1500.50``. Both are accepted in either language; display
follows the UI language, by the rules of :mod:`workshop_app.locale_format`
(the PDF and the graph use the same ones). English dates in fields are ISO:
they are typed and read back, so they must be unambiguous.
"""

from __future__ import annotations

import re
from datetime import date

from workshop_app import locale_format
from workshop_app.i18n import current_language


class ParseError(ValueError):
    """The typed text is not a valid value; the message says what is expected."""


def format_date(value: date | None) -> str:
    """``26.11.2026`` in German, ``2026-11-26`` in English (the form :func:`parse_date` reads back)."""
    return locale_format.format_date(value, current_language(), short=True)


def format_long_date(value: date | None) -> str:
    """A date in running text: ``26.11.2026`` / ``26 November 2026`` (not meant to be typed back)."""
    return locale_format.format_date(value, current_language())


def format_money(amount: float | None, currency: str) -> str:
    """``1.500 EUR`` / ``EUR 1,500`` in the UI language."""
    return locale_format.format_money(amount, currency, current_language())


def parse_date(text: str) -> date | None:
    """'' → None; accepts YYYY-MM-DD, DD.MM.YYYY, D.M.YY and DD/MM/YYYY."""
    text = text.strip()
    if not text:
        return None
    try:
        m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
        if m:
            return date(int(m[1]), int(m[2]), int(m[3]))
        m = re.fullmatch(r"(\d{1,2})[./](\d{1,2})[./](\d{2}|\d{4})", text)
        if m:
            year = int(m[3])
            if year < 100:
                year += 2000
            return date(year, int(m[2]), int(m[1]))
    except ValueError:
        pass
    raise ParseError(text)


def format_number(value: float | int | None) -> str:
    """``1.500,5`` / ``1,500.5``: whole numbers without decimals, others with two."""
    return locale_format.format_number(value, current_language())


def parse_number(text: str, whole: bool = False, lang: str | None = None) -> float | int | None:
    """'' → None; '1.500,50', '1,500.50', '1500.5', '25 000' are all read.

    With one kind of separator the language decides what it is, so every
    number reads back as :func:`format_number` shows it: in German ``25.000``
    is twenty-five thousand and ``1,5`` one and a half; in English ``25,000``
    and ``1.5``. A separator that cannot group thousands (``1.5`` in German)
    is taken as the decimal point people also type.
    """
    lang = lang or current_language()
    raw = text.strip().replace(" ", "").replace("\u00a0", "").replace("\u202f", "").replace("'", "")
    for symbol in ("€", "EUR", "$", "%"):
        raw = raw.replace(symbol, "")
    if not raw:
        return None
    if "," in raw and "." in raw:
        # the later one is the decimal separator
        raw = raw.replace(".", "").replace(",", ".") if raw.rfind(",") > raw.rfind(".") else raw.replace(",", "")
    elif "," in raw or "." in raw:
        sep = "," if "," in raw else "."
        head, *groups = raw.lstrip("+-").split(sep)
        grouped = bool(head) and len(head) <= 3 and all(len(g) == 3 for g in groups)
        thousands = "." if lang == "de" else ","
        if grouped and (sep == thousands or whole or len(groups) > 1):
            raw = raw.replace(sep, "")
        elif len(groups) == 1:
            raw = raw.replace(sep, ".")
        else:
            raise ParseError(text)
    try:
        number = float(raw)
    except ValueError:
        raise ParseError(text) from None
    if number != number or number in (float("inf"), float("-inf")):
        raise ParseError(text)
    if whole:
        if not number.is_integer():
            raise ParseError(text)
        return int(number)
    return number
