"""Then vs now as the review shows it: conflicts gone, still there and new; the alignment then and now.

Plain HTML for a read-only text browser. Every piece of user text is escaped
(titles, statements, round names): text is data, never markup.
"""

from __future__ import annotations

from html import escape

from workshop_app.analysis.alignment import SIDES, STAGE_NAMES
from workshop_app.analysis.then_now import alignment_then_now, conflicts_then_now
from workshop_app.i18n import _
from workshop_app.locale_format import format_number
from workshop_app.model import Workshop
from workshop_app.ui.widgets.labels import CONFLICT_STATUS_NAMES, side_name
from workshop_app.ui.widgets.plain import shown


def _t(text: object) -> str:
    return escape(shown(text))


def _score(value: float | None, lang: str) -> str:
    return "–" if value is None else format_number(value, lang, 0)


def _change(value: float | None, lang: str, digits: int = 0) -> str:
    if value is None:
        return ""
    text = format_number(abs(value), lang, digits)
    return f"+{text}" if value > 0.05 else (f"−{text}" if value < -0.05 else "±0")


def then_now_html(doc: Workshop, views: list, lang: str) -> str:
    result = conflicts_then_now(doc, lang, views)
    if result is None:
        return ""
    conflicts_title = _("Conflicts then and now")
    parts = [f"<h3>{_t(conflicts_title)}</h3>"]

    def section(title: str, lines: list[str]) -> None:
        parts.append(f"<p><b>{_t(title)}</b></p>")
        nothing = _("None.")
        parts.append("<ul>" + "".join(f"<li>{line}</li>" for line in lines) + "</ul>" if lines
                     else f"<p>{_t(nothing)}</p>")

    section(_("Gone ({n})").format(n=len(result.gone)), [_t(c.title(lang)) for c in result.gone])
    then_word, now_word = _("then"), _("now")
    section(_("Still there ({n})").format(n=len(result.still)),
            [f"{_t(s.now.title)} — {_t(then_word)}: {_t(_(CONFLICT_STATUS_NAMES[s.then.status]))}, "
             f"{_t(now_word)}: {_t(_(CONFLICT_STATUS_NAMES[s.now.status]))}" for s in result.still])
    section(_("New ({n})").format(n=len(result.new)), [_t(v.title) for v in result.new])

    alignment = alignment_then_now(doc)
    alignment_title = _("Alignment check then and now")
    parts.append(f"<h3>{_t(alignment_title)}</h3>")
    if alignment is None:
        missing = _("No comparison yet: the earlier workshop has no alignment round, or this one has no new round "
                    "(Phase ▸ Alignment check… ▸ New round).")
        parts.append(f"<p>{_t(missing)}</p>")
        return "".join(parts)
    then_name = alignment.then.round.name or alignment.then.round.id
    now_name = alignment.now.round.name or alignment.now.round.id
    head = "".join(f"<th>{_t(side_name(side))} {_t(then_name)}</th><th>{_t(now_name)}</th>" for side in SIDES)
    rows = []
    stages = []
    for side in SIDES:
        then_side, now_side = alignment.then.sides[side], alignment.now.sides[side]
        moved = None if alignment.score_change(side) is None else \
            round(now_side.score or 0.0) - round(then_side.score or 0.0)  # the change of the figures shown
        stages.append(f"<td>{_score(then_side.score, lang)}</td><td>{_score(now_side.score, lang)} "
                      f"{_change(moved, lang)}</td>")
    score_label, stage_label = _("Score (20–100)"), _("Stage")
    rows.append(f"<tr><td><b>{_t(score_label)}</b></td>{''.join(stages)}</tr>")
    stage_cells = "".join(
        f"<td>{_t(_(STAGE_NAMES[alignment.then.sides[side].stage]) if alignment.then.sides[side].stage else '–')}</td>"
        f"<td>{_t(_(STAGE_NAMES[alignment.now.sides[side].stage]) if alignment.now.sides[side].stage else '–')}</td>"
        for side in SIDES)
    rows.append(f"<tr><td><b>{_t(stage_label)}</b></td>{stage_cells}</tr>")
    for row in alignment.statements:
        cells = "".join(f"<td>{_score1(row.then[side], lang)}</td><td>{_score1(row.now[side], lang)} "
                        f"{_change(row.change(side), lang, 1)}</td>" for side in SIDES)
        rows.append(f"<tr><td>{_t(row.statement.text(lang) or row.statement.id)}</td>{cells}</tr>")
    statement_label = _("Statement (mean 1–5)")
    parts.append(f"<table cellspacing='0' cellpadding='3' border='1'><tr><th>{_t(statement_label)}</th>"
                 f"{head}</tr>{''.join(rows)}</table>")
    return "".join(parts)


def _score1(value: float | None, lang: str) -> str:
    return "–" if value is None else format_number(value, lang, 1)
