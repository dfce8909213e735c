"""The minutes' section on adopted what-if scenarios: what the room changed, and the findings before and after.

Only adopted scenarios are printed (those tried and dropped, or still open,
are no part of what was agreed). The before/after is what the scenario
recorded when it was adopted (``Scenario.vanished`` / ``appeared``), so the
minutes say what the room saw then, whatever was edited afterwards.
"""

from __future__ import annotations

from workshop_app.export.content import Block, Column, Heading, Item, Paragraph, Table, Width, plain, text_cell
from workshop_app.export.minutes_content import Context
from workshop_app.model import Scenario
from workshop_app.vocabulary import LINK_NAMES


def _title(ctx: Context, element_id: str) -> str:
    el = ctx.doc.element(element_id)
    return el.title if el is not None and el.title else element_id


def edit_lines(ctx: Context, scenario: Scenario) -> list[str]:
    """One plain line per edit, in the minutes' language."""
    _ = ctx.lang
    lines = [_("Added: {title}").format(title=el.title or el.id) for el in scenario.added_elements]
    lines += [_("Removed: {title}").format(title=r.label or r.id) for r in scenario.removed_elements]
    lines += [_("Link added: {source} {kind} {target}").format(
        source=_title(ctx, lk.source), kind=ctx.lang.label(LINK_NAMES, lk.kind), target=_title(ctx, lk.target))
        for lk in scenario.added_links]
    lines += [_("Link removed: {link}").format(link=r.label or r.id) for r in scenario.removed_links]
    lines += [_("Changed: {title}, {field}: {before} → {after}").format(
        title=c.label or c.item_id or "", field=c.field, before="—" if c.before in (None, "") else c.before,
        after="—" if c.after in (None, "") else c.after) for c in scenario.changes]
    return lines


def adopted_scenarios(ctx: Context) -> list[Block]:
    _ = ctx.lang
    adopted = [s for s in ctx.doc.scenarios if s.adopted]
    if not adopted:
        return []
    blocks: list[Block] = [Paragraph(plain(_(
        "Changes the room first tried as a what-if scenario and then adopted, with the findings "
        "that vanished and appeared by them at that moment.")))]
    columns = (Column(plain(_("Findings that vanished")), "text", Width(0.5)),
               Column(plain(_("New findings")), "text", Width(0.5)))
    for scenario in adopted:
        blocks.append(Heading(ctx.lang.quote(scenario.name), level=2, keep_with=2))
        vanished = tuple(text_cell(plain(t)) for t in scenario.vanished)
        appeared = tuple(text_cell(plain(t)) for t in scenario.appeared)
        none = text_cell(plain(_("none")))
        rows = tuple((vanished[i] if i < len(vanished) else none if i == 0 else text_cell(()),
                      appeared[i] if i < len(appeared) else none if i == 0 else text_cell(()))
                     for i in range(max(len(vanished), len(appeared), 1)))
        blocks.append(Table(columns, rows))
        lines = edit_lines(ctx, scenario)
        if lines:
            blocks.append(Paragraph(plain(_("Its edits:")), "small"))
            blocks += [Item(plain(line)) for line in lines]
    return blocks
