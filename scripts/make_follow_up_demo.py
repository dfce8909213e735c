"""Make the follow-up demo (``resources/demo/demo-follow-up.{de,en}.workshop.json``) from the demo.

The demo workshop of 12 March 2026, three months later: carried over with
``workshop_app.store.follow_up.carry_over`` (so it keeps the demo's ids),
then what the room changed since and its review of what moved. Both
languages get the same ids, numbers and dates; only the text differs.
Run ``python scripts/make_follow_up_demo.py`` after the demo changes.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from workshop_app.analysis.then_now import conflict_snapshot  # noqa: E402
from workshop_app.atomic import atomic_write_bytes  # noqa: E402
from workshop_app.model import (  # noqa: E402
    AlignmentRound,
    AlignmentTally,
    Dimension,
    Goal,
    GoalLevel,
    Origin,
    Side,
    UpdateReview,
)
from workshop_app.store.demo import demo_path  # noqa: E402
from workshop_app.store.demo_follow_up import follow_up_demo_path  # noqa: E402
from workshop_app.store.document_file import to_json_bytes  # noqa: E402
from workshop_app.store.follow_up import carry_over, read_earlier  # noqa: E402

DAY = date(2026, 6, 12)

TITLE = {"de": "Folge-Workshop: Marketing & Vertrieb – was hat sich bewegt?",
         "en": "Follow-up: Marketing & Sales – what moved?"}
ROUND_NAME = {"de": "Drei Monate später", "en": "Three months later"}
NEW_GOAL = {"de": ("Verlängerungen von Serviceverträgen je Quartal",
                   "Seit April neu im Quartalsziel des Außendiensts; zahlt auf kein gemeinsames Ziel ein."),
            "en": ("Service-contract renewals per quarter",
                   "New in field sales' quarterly target since April; serves no shared goal.")}

#: action id → (outcome, new date, German note, English note)
ACTIONS = {
    "a-standup-invite": ("done", None, "Läuft seit 24. März jeden Dienstag.", "Runs every Tuesday since 24 March."),
    "a-brief-template": ("done", None, "Vorlage im CRM, 14 Briefings bisher.", "Template in the CRM, 14 briefs so far."),
    "a-brand-coowner": ("done", None, "Frank Jäger ist Mitverantwortlicher (seit April).",
                        "Frank Jäger is co-owner (since April)."),
    "a-crm-view": ("done", None, "Eigene Sicht und Kampagnen-ID seit 10. April.",
                   "Own view and campaign ID since 10 April."),
    "a-nurture-track": ("done", None, "Drei Wochen später als geplant fertig (30. April).",
                        "Finished three weeks late (30 April)."),
    "a-perf-ta": ("dropped", None, "Entfällt: ab Q3 zählt der gemeinsame Pipeline-Bonus.",
                  "Dropped: from Q3 the joint pipeline bonus counts instead."),
    "a-retire-deck": ("in_progress", date(2026, 7, 15), "Kernbotschaften stehen, das Deck geht noch raus.",
                      "Key messages are done; the deck still goes out."),
    "a-lead-definition": ("done", None, "Im Scoring seit 1. Mai; Schulung Innendienst erledigt.",
                          "In the scoring since 1 May; inside sales briefed."),
    "a-lead-queue": ("blocked", date(2026, 7, 31), "Wartet auf die Freigabe der IT-Sicherheit.",
                     "Waiting for IT security's approval."),
    "a-commission": ("in_progress", date(2026, 6, 30), "Mit HR abgestimmt, gilt ab Q3.",
                     "Agreed with HR; applies from Q3."),
    "a-brand-kicker": ("dropped", None, "Ersetzt durch die Entscheidung, den Marken-Kicker ab 2027 jährlich zu zahlen.",
                       "Superseded by the decision to pay the brand kicker yearly from 2027."),
}
#: shared goal id → (value reached, German note, English note)
GOALS = {
    "g-sh-pipeline": ("5.6", "Pipeline stieg von 4 auf 5,6 Mio. €.", "Pipeline rose from €4 m to €5.6 m."),
    "g-sh-winrate": ("4.8", "Im Pilotgebiet 7,1 %, sonst 3,4 %.", "7.1 % in the pilot region, 3.4 % elsewhere."),
    "g-sh-brand": ("21", "Nächste Panelwelle im Herbst.", "Next panel wave in the autumn."),
}
#: agreement or agreed channel id → (kept 1–5, German why, English why)
KEPT = {
    "ag-lead-def": (4, "Gilt im CRM; wenige Grenzfälle, die die Lead-Runde klärt.",
                    "Used in the CRM; a few borderline cases, settled in the lead review."),
    "ag-lead-sla": (2, "Nur 55 % der Leads binnen 48 Stunden nachgefasst: die Lead-Queue fehlt noch.",
                    "Only 55 % of leads followed up within 48 hours: the lead queue is still missing."),
    "ag-references": (3, "Zwei Referenzkunden gewonnen, zugesagt waren vier.",
                      "Two reference customers won; four were promised."),
    "ch-standup": (5, "Jeden Dienstag, beide Seiten vollzählig; der Kanal, den alle loben.",
                   "Every Tuesday, both sides in full; the channel everyone praises."),
    "ch-brief": (4, "Wird gelesen; der Vertrieb will noch eine Zeile zu Wettbewerbern.",
                 "It is read; Sales wants one more line on competitors."),
    "ch-lead-review": (3, "Zweimal ausgefallen, sonst hilfreich.", "Cancelled twice, otherwise useful."),
    "ch-voc": (2, "Nach April kaum noch Beiträge.", "Hardly any posts after April."),
    "ch-lead-queue": (1, "Noch nicht live (IT-Freigabe).", "Not live yet (IT approval)."),
}
PILOT = {"actual": "7.1%", "verdict": "confirmed", "decision": "roll_out"}
PILOT_NOTE = {"de": "Nach zwölf Wochen 7,1 % Abschlussquote im Süden, 3,2 % in den Vergleichsgebieten: die Hypothese "
                    "hält. Ausrollen auf alle Regionen ab Q4.",
              "en": "After twelve weeks a win rate of 7.1 % in the south, 3.2 % in the comparison regions: the "
                    "hypothesis holds. Roll out to all regions from Q4."}
#: the dimensions the room moved on in three months: each answer there one point higher
MOVED = {Dimension.GOALS, Dimension.CHANNELS, Dimension.LEADS, Dimension.PLANNING, Dimension.BUDGET}


def _round(doc, lang: str) -> None:
    round_id = "ar-three-months"
    doc.alignment.rounds.append(AlignmentRound(id=round_id, name=ROUND_NAME[lang], date=DAY))
    dimensions = {s.id: s.dimension for s in doc.alignment.statements}
    earlier = doc.follow_up.earlier_round_id
    for tally in [t for t in doc.alignment.tallies if t.round_id == earlier]:
        counts = list(tally.counts)
        if dimensions[tally.statement_id] in MOVED:
            counts = [0, counts[0], counts[1], counts[2], counts[3] + counts[4], counts[5]]
        doc.alignment.tallies.append(AlignmentTally(
            id=f"at-3m-{tally.statement_id}-{tally.side.value}", round_id=round_id,
            statement_id=tally.statement_id, side=tally.side, counts=counts))


def make(lang: str):
    earlier, reference = read_earlier(demo_path(lang))
    doc = carry_over(earlier, reference, conflict_snapshot(earlier), today=DAY)
    doc.meta.title = TITLE[lang]
    assert doc.follow_up is not None
    # what changed since: the brand goal has a co-owner from Sales; a new quarterly target serves nothing shared
    brand = doc.element("g-sh-brand")
    brand.owners = [*brand.owners, "p-jaeger"]
    title, notes = NEW_GOAL[lang]
    doc.elements.append(Goal(id="g-sa-renewals", title=title, notes=notes, side=Side.SALES,
                             level=GoalLevel.DEPARTMENT, origin=Origin.AS_IS, metric="renewals", baseline="40",
                             target="55", unit="%", horizon_months=3))
    _round(doc, lang)
    de = lang == "de"
    for action_id, (outcome, new_date, note_de, note_en) in ACTIONS.items():
        UpdateReview("actions", action_id, {"outcome": outcome, "new_date": new_date,
                                            "note": note_de if de else note_en}).apply(doc)
    for goal_id, (reached, note_de, note_en) in GOALS.items():
        UpdateReview("goals", goal_id, {"reached": reached.replace(".", ",") if de else reached,
                                        "note": note_de if de else note_en}).apply(doc)
    for element_id, (kept, why_de, why_en) in KEPT.items():
        UpdateReview("kept", element_id, {"kept": kept, "why": why_de if de else why_en}).apply(doc)
    actual = PILOT["actual"].replace(".", ",").replace("%", " %") if de else PILOT["actual"]
    UpdateReview("pilot", None, {**PILOT, "actual": actual, "note": PILOT_NOTE[lang]}).apply(doc)
    return doc


def main() -> None:
    for lang in ("de", "en"):
        path = follow_up_demo_path(lang)
        atomic_write_bytes(path, to_json_bytes(make(lang)))
        print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
