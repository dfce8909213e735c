"""The document controller: one command per edit, refusals, hooks, clean state."""

from __future__ import annotations

from workshop_app.model import AddItem, ModelError, Participant, RemoveItem, UpdateItem, Workshop
from workshop_app.ui.document import Document


def person(pid="p1", name="Anna"):
    return Participant(id=pid, name=name)


def test_push_applies_once_and_undo_redo_restore_exactly(qtbot):
    doc = Document()
    before = doc.workshop.model_dump()
    changes = []
    doc.changed.connect(changes.append)
    assert doc.push(AddItem("participants", person()), "Add Anna")
    assert [p.name for p in doc.workshop.participants] == ["Anna"]
    assert doc.undo_stack.count() == 1 and doc.undo_stack.undoText() == "Add Anna"
    assert doc.is_modified
    doc.undo_stack.undo()
    assert doc.workshop.model_dump() == before
    assert not doc.is_modified
    doc.undo_stack.redo()
    assert [p.name for p in doc.workshop.participants] == ["Anna"]
    assert len(changes) == 3


def test_refused_operation_changes_nothing_and_says_why(qtbot):
    doc = Document()
    doc.push(AddItem("participants", person()))
    messages = []
    doc.refused.connect(messages.append)
    assert not doc.push(AddItem("participants", person()))  # same id twice
    assert not doc.push(UpdateItem("participants", "p1", {"nonsense": 1}))
    assert doc.undo_stack.count() == 1
    assert len(messages) == 2 and "not made" in messages[0]


def test_a_refusal_from_the_model_reads_in_the_ui_language(qtbot):
    from workshop_app import i18n

    doc = Document()
    doc.push(AddItem("participants", person()))
    messages = []
    doc.refused.connect(messages.append)
    i18n.set_language("de")
    assert not doc.push(AddItem("participants", person()))
    assert messages == ["Die Änderung wurde nicht übernommen: die ID „p1“ ist schon vergeben"]


def test_read_only_refuses_every_edit(qtbot):
    doc = Document()
    messages = []
    doc.refused.connect(messages.append)
    with qtbot.waitSignal(doc.read_only_changed):
        doc.read_only = True
    assert not doc.push(AddItem("participants", person()))
    assert doc.workshop.participants == [] and "read-only" in messages[0]


def test_after_change_hooks_run_after_edit_undo_and_redo_and_never_break_editing(qtbot):
    doc = Document()
    seen = []

    def broken(_doc):
        raise RuntimeError("disk full")

    doc.after_change += [broken, lambda d: seen.append(len(d.workshop.participants))]
    doc.push(AddItem("participants", person()))
    doc.undo_stack.undo()
    doc.undo_stack.redo()
    assert seen == [1, 0, 1]


def test_removal_cascade_undoes_as_one_command(qtbot):
    from workshop_app.model import Goal

    doc = Document()
    doc.push(AddItem("participants", person()))
    doc.push(AddItem("elements", Goal(id="g1", title="G", owners=["p1"])))
    full = doc.workshop.model_dump()
    doc.push(RemoveItem("participants", "p1"))
    assert doc.workshop.element("g1").owners == []
    doc.undo_stack.undo()
    assert doc.workshop.model_dump() == full


def test_save_marks_clean_and_replace_clears_the_stack(qtbot, tmp_path):
    doc = Document()
    doc.push(AddItem("participants", person()))
    with qtbot.waitSignal(doc.path_changed):
        doc.save(tmp_path / "a.workshop.json")
    assert not doc.is_modified and doc.path == tmp_path / "a.workshop.json"
    with qtbot.waitSignal(doc.replaced):
        doc.replace(Workshop(), None)
    assert doc.undo_stack.count() == 0 and doc.path is None


def test_merged_commands_undo_together(qtbot):
    from workshop_app.model import Phase, UpdateAgenda

    doc = Document()
    doc.push(UpdateAgenda(Phase.SETUP, {"actual_minutes": 3}), "time", merge_key="time:setup")
    doc.push(UpdateAgenda(Phase.SETUP, {"actual_minutes": 5}), "time", merge_key="time:setup")
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert doc.workshop.agenda[0].actual_minutes is None


def test_update_agenda_refuses_bad_values_without_change():
    import pytest

    from workshop_app.model import Phase, UpdateAgenda

    w = Workshop()
    with pytest.raises(ModelError):
        UpdateAgenda(Phase.GOALS, {"timebox_minutes": -5}).apply(w)
    assert w.agenda[2].timebox_minutes == 75
    w.agenda.pop(3)  # a file without the conflicts row
    op = UpdateAgenda(Phase.CONFLICTS, {"timebox_minutes": 10})
    op.apply(w)
    assert [a.phase for a in w.agenda][3] == Phase.CONFLICTS
    op.revert(w)
    assert len(w.agenda) == 6


def test_the_conflict_analysis_is_shared_until_the_next_change(qtbot):
    from workshop_app.model import Goal, Side

    doc = Document()
    first = doc.conflict_views("en")
    assert doc.conflict_views("en") is first  # the page, summary and projector share one analysis
    assert doc.conflict_views("de") is not first
    doc.push(AddItem("elements", Goal(id="g1", title="Leads", side=Side.SALES)))
    after_edit = doc.conflict_views("en")
    assert after_edit is not first and any("g1" in v.element_ids for v in after_edit)
    doc.undo_stack.undo()
    assert not any("g1" in v.element_ids for v in doc.conflict_views("en"))
    doc.replace(Workshop(), None)
    assert doc.conflict_views("en") == []
