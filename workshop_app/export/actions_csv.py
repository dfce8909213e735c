"""The action items as CSV that Excel, LibreOffice and issue trackers open directly.

UTF-8 with a byte-order mark (Excel reads the umlauts right only with it), the
separator of the language (``;`` where the decimal comma is German, ``,`` in
English), a heading row in the language, dates as ISO 8601 (every tracker and
spreadsheet reads them). A cell is data, never a formula: text starting with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading ``'``, so a
spreadsheet shows it instead of running it (OWASP "CSV injection").
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from workshop_app.export.actions_data import action_rows
from workshop_app.export.safe_text import strip_forbidden
from workshop_app.i18n import N_
from workshop_app.model import Workshop
from workshop_app.vocabulary import Translator

#: Column headings (English source strings, translated when written), in this order.
COLUMNS = (N_("What"), N_("Owner"), N_("Side"), N_("Due date"), N_("Status"), N_("Linked element"), N_("Decision"))
SEPARATORS = {"de": ";", "en": ","}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralised(text: str) -> str:
    """A cell a spreadsheet shows as text: a leading ``'`` before what would start a formula."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def actions_csv_bytes(doc: Workshop, lang: str = "de") -> bytes:
    """The action items as CSV bytes (UTF-8 with BOM)."""
    tr = Translator(lang)
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, delimiter=SEPARATORS.get(tr.code, ","), quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow([tr(c) for c in COLUMNS])
    for row in action_rows(doc, tr.code):
        writer.writerow([neutralised(strip_forbidden(v)) for v in (
            row.what, row.owner, row.side, row.due.isoformat() if row.due else "", row.status, row.element,
            row.decisions)])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def export_actions_csv(doc: Workshop, path: str | Path, lang: str = "de") -> Path:
    """Write the CSV atomically (a failed write leaves the previous file as it was)."""
    from workshop_app.atomic import atomic_write_bytes

    target = Path(path)
    atomic_write_bytes(target, actions_csv_bytes(doc, lang))
    return target
