"""The wrap-up summary and the minutes list the same agreed content (one source: the minutes' content model)."""

from __future__ import annotations

from workshop_app.export.content import as_plain
from workshop_app.export.minutes_agreed import agreed_rows
from workshop_app.export.minutes_content import Context
from workshop_app.model import Goal, Origin, Participant, Workshop
from workshop_app.store.demo import load_demo
from workshop_app.ui.widgets.summary import summary_html
from workshop_app.vocabulary import Translator


def _goals_in(html: str) -> str:
    return html.split("</ul>", 1)[0]  # the first list of the summary: the shared goals


def test_a_shared_goal_from_the_inventory_is_in_the_summary_as_in_the_minutes():
    doc = Workshop(participants=[Participant(id="p", name="Ana")],
                   elements=[Goal(id="g", title="Pipeline <b>verdoppeln</b>", level="shared", origin=Origin.AS_IS,
                                  owners=["p"]),
                             Goal(id="d", title="Department only", level="department", origin=Origin.AGREED)])
    rows = dict((key, items) for key, _label, items in agreed_rows(Context(doc, Translator("en"))))
    assert [as_plain(t).split(" — ")[0] for t in rows["goals"]] == ["Pipeline <b>verdoppeln</b>"]
    goals = _goals_in(summary_html(doc, []))
    assert "Pipeline &lt;b&gt;verdoppeln&lt;/b&gt;" in goals and "Department only" not in goals
    assert "Ana" in goals  # the owners, as the minutes print them


def test_the_summary_names_every_agreed_item_of_the_demo_the_minutes_name():
    doc = load_demo("en")
    html = summary_html(doc, [])
    for _key, _label, items in agreed_rows(Context(doc, Translator("en"))):
        for item in items:
            title = item[0].text  # each item starts with its title (bold)
            assert title.replace("&", "&amp;") in html
