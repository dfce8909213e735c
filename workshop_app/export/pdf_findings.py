"""The last section of the minutes: further findings for follow-up.

Findings the analysis detected but the room never took up are not the room's
conflicts: they neither count as open nor get a status, resolution or lever
paragraph. They are listed here, one line each, so a follow-up can pick them
up; below them the findings the room set aside, each with its reason. Which
views belong here is decided by the same properties ``count_conflicts`` counts
(``new_finding``, ``set_aside``), so the appendix and the counts agree.
"""

from __future__ import annotations

from typing import Any

from workshop_app.export.pdf_blocks import Ctx, para, sub_heading
from workshop_app.export.pdf_styles import table
from workshop_app.export.pdf_text import esc


def listed_new(views: list[Any]) -> list[Any]:
    """The untriaged findings the appendix lists (as ``count_conflicts`` counts them: still present)."""
    return [v for v in views if v.new_finding and not v.resolved_by_change]


def listed_set_aside(views: list[Any]) -> list[Any]:
    return [v for v in views if v.set_aside]


def appendix(ctx: Ctx, views: list[Any]) -> list[Any]:
    _, st = ctx.lang, ctx.st
    new, aside = listed_new(views), listed_set_aside(views)
    out: list[Any] = []
    if new:
        intro = para(esc(_("Detected in the workshop's graph, not yet discussed by the room.")), st.small)
        rows: list[list[Any]] = [[para(esc(h), st.th) for h in ("#", _("Finding"), _("Votes"))]]
        for n, v in enumerate(new, start=1):
            rows.append([para(str(n), st.cell), para(esc(v.title), st.cell), para(str(v.votes) if v.votes else "–", st.cell)])
        t = table(rows, [22, ctx.width - 22 - 44, 44])
        out += [*sub_heading(ctx, _("New findings"), [intro, t]), intro, t]
    if aside:
        rows = [[para(esc(h), st.th) for h in ("#", _("Finding"), _("Reason"))]]
        for n, v in enumerate(aside, start=1):
            rows.append([para(str(n), st.cell), para(esc(v.title), st.cell),
                         para(esc(v.set_aside_reason) or "–", st.cell)])
        t = table(rows, [22, ctx.width * 0.55, ctx.width * 0.45 - 22])
        out += [*sub_heading(ctx, _("Set aside as not relevant here"), t), t]
    return out
