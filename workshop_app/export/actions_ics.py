"""The open action items with a due date as an iCalendar file (``.ics``) any calendar imports.

One all-day event per open action on its due date: the summary is the action,
the description names the owner and the workshop. The UID is made from the
action's id and the workshop (title and date), so importing a later export
again updates the entries instead of doubling them. Done actions and actions
without a date have no place in a calendar and are left out.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

from workshop_app.export.actions_data import action_rows
from workshop_app.export.safe_text import clean
from workshop_app.model import Workshop
from workshop_app.vocabulary import Translator

#: RFC 5545 PRODID of the files Tandem writes.
PRODID = "-//Tandem//Workshop actions//EN"


def uid(doc: Workshop, action_id: str) -> str:
    """A UID stable across exports of the same workshop: the action id and a digest of the workshop."""
    workshop = f"{doc.meta.title}\x00{doc.meta.date.isoformat() if doc.meta.date else ''}"
    digest = hashlib.sha256(workshop.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return f"{clean(action_id)}-{digest}@tandem"


def actions_ics_bytes(doc: Workshop, lang: str = "de", now: datetime | None = None) -> bytes:
    """The calendar; raises :class:`~workshop_app.export.errors.ExportError` when no open action has a due date."""
    from icalendar import Calendar, Event

    from workshop_app.export.errors import ExportError

    tr = Translator(lang)
    rows = [r for r in action_rows(doc, tr.code) if r.due is not None and not r.done]
    if not rows:
        raise ExportError(tr("No open action has a due date, so there is nothing to put in a calendar."))
    stamp = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    title = clean(doc.meta.title).strip() or tr("Untitled workshop")
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", tr("Actions: {title}").format(title=title))
    for row in rows:
        assert row.due is not None
        event = Event()
        event.add("uid", uid(doc, row.id))
        event.add("dtstamp", stamp)
        event.add("dtstart", row.due)  # a date: an all-day entry
        event.add("dtend", row.due + timedelta(days=1))
        event.add("summary", clean(row.what) or tr("Action"))
        lines = [tr("Owner: {name}").format(name=row.owner) if row.owner else tr("No owner yet"),
                 tr("From the workshop: {title}").format(title=title)]
        if row.element:
            lines.append(tr("Linked element: {title}").format(title=clean(row.element)))
        event.add("description", "\n".join(lines))
        event.add("transp", "TRANSPARENT")  # a due date, not a meeting: it does not block the day
        cal.add_component(event)
    return cal.to_ical()


def export_actions_ics(doc: Workshop, path: str | Path, lang: str = "de") -> Path:
    """Write the calendar atomically (a failed write leaves the previous file as it was)."""
    from workshop_app.atomic import atomic_write_bytes

    target = Path(path)
    atomic_write_bytes(target, actions_ics_bytes(doc, lang))
    return target
