"""One definition of the conflict counts: the navigator, the wrap-up summary and the projector say the same numbers.

A workshop with a conflict of every kind the counts tell apart: declared,
taken up and resolved, taken up and parked, taken up and open, a new
finding and a set-aside one. Every view is compared with
``count_conflicts`` worded by ``conflict_count_parts``; none counts on its own.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.builders import small_workshop
from tests.ui.helpers import press
from workshop_app.analysis import conflict_views, count_conflicts, declare_conflict
from workshop_app.model import Conflict, ConflictStatus, Phase, Triage
from workshop_app.ui.progress import conflict_count_parts
from workshop_app.ui.window.navigator import ROLE_PROGRESS


def triaged_workshop():
    doc = small_workshop(with_links=True)
    findings = [v for v in conflict_views(doc) if not v.declared]
    assert len(findings) >= 5, "the small workshop has enough findings for every kind"
    kinds = [(Triage.TAKEN_UP, ConflictStatus.RESOLVED), (Triage.TAKEN_UP, ConflictStatus.PARKED),
             (Triage.TAKEN_UP, ConflictStatus.OPEN), (Triage.SET_ASIDE, ConflictStatus.OPEN)]
    for view, (triage, status) in zip(findings, kinds, strict=False):
        doc.conflicts.append(Conflict(id=view.id, rule=view.rule, element_ids=list(view.element_ids), title=view.title,
                                      triage=triage, status=status, resolution=f"Resolution of {view.title}",
                                      set_aside_reason="not here" if triage == Triage.SET_ASIDE else ""))
    declare_conflict(doc, "g-brand", "g-revenue", "brand vs quarter")[0].apply(doc)
    return doc, findings


@pytest.fixture
def triaged(window):
    doc, findings = triaged_workshop()
    window.set_workshop(doc, None)
    return window, findings


def expected():
    return count_conflicts(conflict_views(triaged_workshop()[0]))


def test_the_workshop_has_every_kind_of_count():
    counts = expected()
    assert (counts.room, counts.settled, counts.parked, counts.open) == (4, 1, 1, 2)
    assert counts.set_aside == 1 and counts.new_findings >= 1


def test_the_navigator_counts_with_count_conflicts(qtbot, triaged):
    window, _findings = triaged
    row = list(Phase).index(Phase.CONFLICTS)
    line = " · ".join(conflict_count_parts(expected(), short=True))
    qtbot.waitUntil(lambda: window.navigator.item(row).data(ROLE_PROGRESS) == line, timeout=3000)
    assert "1/4 settled" in line and "1 parked" in line, "parked is said, and not counted settled"


def test_the_summary_counts_with_count_conflicts_and_never_lists_parked_as_settled(qtbot, triaged):
    window, findings = triaged
    window.go_to_phase(Phase.WRAPUP)
    page = window.page(Phase.WRAPUP)
    qtbot.waitUntil(lambda: "conflicts settled" in page.summary.toPlainText(), timeout=3000)
    text = page.summary.toPlainText()
    assert " · ".join(conflict_count_parts(expected())) in text
    assert "1 of 4 conflicts settled" in text and "1 parked, not settled" in text
    settled_section = text.split("Conflicts settled", 1)[1].split("conflicts settled", 1)[0]
    assert findings[0].title in settled_section  # resolved
    assert findings[1].title not in settled_section  # parked
    assert findings[2].title not in settled_section  # open


def test_the_projector_counts_with_count_conflicts(qtbot, triaged):
    window, findings = triaged
    counts = expected()
    window.go_to_phase(Phase.WRAPUP)
    press(qtbot, window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: window.presenter.presenting, timeout=3000)
    surface = window.presenter.surface
    surface.refresh(force=True)
    agreed = surface.current_view().columns[2].column
    lines = {e.id: e for e in agreed.entries}
    line = lines["conflict-counts"]
    assert f"{line.title} · {line.detail}" == " · ".join(conflict_count_parts(counts))
    assert findings[0].id in lines and findings[1].id not in lines, "resolved is agreed, parked is not"

    window.go_to_phase(Phase.CONFLICTS)
    surface.refresh(force=True)
    assert surface.header.data.progress == " · ".join(conflict_count_parts(counts, short=True))
    view = surface.current_view()
    room = {e.id for e in view.list.column.entries}
    offered = {e.id for e in view.findings.column.entries}
    assert len(room) == counts.room and len(offered) == counts.new_findings
    assert findings[3].id not in room | offered, "a set-aside finding is not on the wall"
    press(qtbot, window, Qt.Key.Key_Escape)


def test_the_projector_shows_agreements_and_the_agreed_pot_where_the_room_reads_what_was_agreed(qtbot, window):
    from tests.builders import link
    from workshop_app.model import Agreement, AgreementType, Budget, LinkKind, Origin, Side
    from workshop_app.ui.projector import audience_content as content

    doc = small_workshop()
    doc.elements += [
        Budget(id="b-mk", title="Campaign budget", side=Side.MARKETING, amount=80000),
        Budget(id="b-pot", title="One pot", side=Side.JOINT, amount=120000, origin=Origin.AGREED),
        Agreement(id="a-sla", title="Lead handover", agreement_type=AgreementType.SERVICE_LEVEL,
                  parties=[Side.MARKETING, Side.SALES], commitment="Sales calls back", within="48 hours"),
        Agreement(id="a-hidden", title="Not yet revealed", hidden=True),
    ]
    doc.links.append(link("l-pool", LinkKind.POOLS, "b-mk", "b-pot"))
    window.set_workshop(doc, None)
    agreed_channels = content.channel_columns(doc)[1]
    assert "a-sla" in {e.id for e in agreed_channels.entries} and "a-hidden" not in {e.id for e in agreed_channels.entries}
    sla = next(e for e in agreed_channels.entries if e.id == "a-sla")
    assert "Sales calls back" in sla.detail and "within 48 hours" in sla.detail
    agreed = content.agreement_columns(doc, conflict_views(doc))[2].entries
    ids = [e.id for e in agreed]
    assert "b-pot" in ids and "a-sla" in ids and "a-hidden" not in ids and "b-mk" not in ids
    pot = next(e for e in agreed if e.id == "b-pot")
    assert "formed from Campaign budget" in pot.detail
    assert ids[0] == "conflict-counts", "the counts lead what the room reads"
