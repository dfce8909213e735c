"""The action items as rows for the tools people track them in (CSV, calendars).

One place decides what an action row says — what, owner, the owner's side,
due date, status, the element it belongs to, the decisions taken on the same
conflict — so the CSV and the calendar never disagree. Texts are the export's
language (:class:`~workshop_app.vocabulary.Translator`), user text is cleaned of
what no file may contain but otherwise kept as typed (tabs too: the CSV neutralises
what a spreadsheet would run, :mod:`~workshop_app.export.actions_csv`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from workshop_app.export.minutes_records import sorted_actions
from workshop_app.export.safe_text import strip_forbidden
from workshop_app.model import ActionStatus, Workshop
from workshop_app.vocabulary import ACTION_STATUS_NAMES, SIDE_NAMES, Translator


@dataclass(frozen=True)
class ActionRow:
    id: str
    what: str
    owner: str
    side: str
    due: date | None
    status: str  # translated
    done: bool
    element: str
    decisions: str


def action_rows(doc: Workshop, lang: str) -> list[ActionRow]:
    """Every action in the minutes' order (by due date, undated last)."""
    tr = Translator(lang)
    people = {p.id: p for p in doc.participants}
    titles = {e.id: e.title.strip() or e.id for e in doc.elements}
    decisions = {d.id: d for d in doc.decisions}
    decided: dict[str, list[str]] = {}
    for record in doc.conflicts:  # a decision and an action taken on the same conflict belong together
        for action_id in record.action_ids:
            decided.setdefault(action_id, []).extend(
                i for i in record.decision_ids if i in decisions and i not in decided.get(action_id, []))
    rows = []
    for a in sorted_actions(doc.actions):
        owner = people.get(a.owner or "")
        rows.append(ActionRow(
            id=a.id,
            what=_kept(a.what),
            owner=(_kept(owner.name) or owner.id) if owner else "",
            side=tr.label(SIDE_NAMES, owner.side) if owner and owner.side else "",
            due=a.due_date,
            status=tr.label(ACTION_STATUS_NAMES, a.status),
            done=a.status == ActionStatus.DONE,
            element=_kept(titles.get(a.element_id or "", "")),
            decisions="; ".join(_kept(decisions[i].text) for i in decided.get(a.id, [])),
        ))
    return rows


def _kept(text: str) -> str:
    return strip_forbidden(text).strip(" \r\n")
