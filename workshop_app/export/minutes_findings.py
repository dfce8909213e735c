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

from workshop_app.export.content import Block, Column, Heading, Paragraph, Table, Width, plain, text_cell
from workshop_app.export.minutes_content import Context


def listed_new(views: list[Any]) -> list[Any]:
    """The untriaged findings the appendix lists (as ``count_conflicts`` counts them: still present)."""
    return [v for v in views if v.new_finding and not v.resolved_by_change]


def listed_set_aside(views: list[Any]) -> list[Any]:
    return [v for v in views if v.set_aside]


def appendix(ctx: Context) -> list[Block]:
    _ = ctx.lang
    new, aside = listed_new(ctx.views), listed_set_aside(ctx.views)
    out: list[Block] = []
    if new:
        intro = Paragraph(plain(_("Detected in the workshop's graph, not yet discussed by the room.")), "small")
        rows = tuple((text_cell(plain(str(n))), text_cell(plain(v.title)), text_cell(plain(str(v.votes) if v.votes else "–")))
                     for n, v in enumerate(new, start=1))
        columns = (Column(plain("#"), "number", Width(points=22)), Column(plain(_("Finding")), "text", Width(1.0, -66)),
                   Column(plain(_("Votes")), "number", Width(points=44)))
        out += [Heading(_("New findings"), keep_with=2), intro, Table(columns, rows)]
    if aside:
        rows = tuple((text_cell(plain(str(n))), text_cell(plain(v.title)),
                      text_cell(plain(v.set_aside_reason) or plain("–"))) for n, v in enumerate(aside, start=1))
        columns = (Column(plain("#"), "number", Width(points=22)), Column(plain(_("Finding")), "text", Width(0.55)),
                   Column(plain(_("Reason")), "text", Width(0.45, -22)))
        out += [Heading(_("Set aside as not relevant here")), Table(columns, rows)]
    return out
