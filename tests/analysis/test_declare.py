"""Declaring a conflict is one operation of the analysis, usable without the UI."""

from __future__ import annotations

import pytest

from tests.builders import small_workshop
from workshop_app.analysis import conflict_views, declare_conflict
from workshop_app.model import LinkKind, ModelError, UpdateItem


def test_a_declared_conflict_is_named_after_its_entries_as_they_are_called_now():
    doc = small_workshop()
    operation, conflict_id = declare_conflict(doc, "g-brand", "g-revenue", "  Budget goes to one or the other  ")
    operation.apply(doc)
    [link] = [link for link in doc.links if link.kind == LinkKind.CONFLICTS_WITH]
    assert link.reason == "Budget goes to one or the other"
    record = next(c for c in doc.conflicts if c.id == conflict_id)
    assert record.title == "" and record.explanation == ""  # the reason lives once, on the link
    view = next(v for v in conflict_views(doc, "en") if v.id == conflict_id)
    assert "Brand awareness" in view.title and view.explanation == "Budget goes to one or the other"

    UpdateItem("elements", "g-brand", {"title": "Brand reach"}).apply(doc)
    view = next(v for v in conflict_views(doc, "en") if v.id == conflict_id)
    assert "Brand reach" in view.title and "Brand awareness" not in view.title

    UpdateItem("conflicts", conflict_id, {"title": "Brand vs. quarter"}).apply(doc)
    UpdateItem("elements", "g-brand", {"title": "Brand again"}).apply(doc)
    assert next(v for v in conflict_views(doc, "en") if v.id == conflict_id).title == "Brand vs. quarter"

    operation.revert(doc)
    assert not any(c.id == conflict_id for c in doc.conflicts) and link not in doc.links


def test_a_conflict_needs_two_different_existing_entries():
    doc = small_workshop()
    with pytest.raises(ModelError):
        declare_conflict(doc, "g-brand", "g-brand")
    with pytest.raises(ModelError):
        declare_conflict(doc, "g-brand", "g-nowhere")
