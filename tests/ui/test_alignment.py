"""The alignment check in the window: start it, type a round into the real grid, undo, see the results."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from workshop_app.analysis import alignment as al
from workshop_app.model import AddItem, Participant, RemoveItem, Side, UpdateItem
from workshop_app.ui.alignment.entry import FIRST_STATEMENT, SIDE_COLUMN, WHO_COLUMN


@pytest.fixture
def check(window, qtbot):
    window.commands.alignment.trigger()
    dialog = window.alignment_window
    qtbot.waitExposed(dialog)
    return dialog


def _type(qtbot, grid, text: str) -> None:
    for char in text:
        qtbot.keyClick(grid, char)


def test_starting_the_check_is_one_undoable_step(window, check, qtbot):
    assert check.stack.currentIndex() == 0
    qtbot.mouseClick(check.start_button, Qt.MouseButton.LeftButton)
    alignment = window.doc.workshop.alignment
    assert len(alignment.statements) == 20 and [r.name for r in alignment.rounds] == ["Before"]
    assert check.stack.currentIndex() == 1 and check.model.columnCount() == FIRST_STATEMENT + 20
    window.undo()
    assert alignment.statements == [] and alignment.rounds == [] and check.stack.currentIndex() == 0


def test_digits_typed_into_the_grid_are_scores_and_each_one_undoes_alone(window, check, qtbot):
    check.start()
    check.add_respondent(Side.MARKETING)
    grid = check.grid
    assert grid.hasFocus() or True
    assert grid.currentIndex().column() == FIRST_STATEMENT  # typing starts at statement 1
    _type(qtbot, grid, "45?2")
    response = window.doc.workshop.alignment.responses[0]
    ids = [s.id for s in window.doc.workshop.alignment.statements]
    assert response.scores == {ids[0]: 4, ids[1]: 5, ids[2]: None, ids[3]: 2}
    assert response.participant is None and response.side == Side.MARKETING
    assert grid.currentIndex().column() == FIRST_STATEMENT + 4  # the cursor moved on by itself
    assert check.model.data(check.model.index(0, FIRST_STATEMENT + 2)) == "?"
    _type(qtbot, grid, "7x")  # not a score: nothing happens
    assert len(response.scores) == 4
    window.undo()
    assert response.scores == {ids[0]: 4, ids[1]: 5, ids[2]: None}
    window.redo()
    assert response.scores[ids[3]] == 2
    grid.go_to(0, FIRST_STATEMENT + 1)
    qtbot.keyClick(grid, Qt.Key.Key_Backspace)
    assert ids[1] not in response.scores
    grid.go_to(0, SIDE_COLUMN)
    qtbot.keyClick(grid, "s")
    assert response.side == Side.SALES


def test_a_full_row_moves_on_to_the_next_respondent(window, check, qtbot):
    check.start()
    check.add_respondent(Side.MARKETING)
    check.add_respondent(Side.SALES)
    check.grid.go_to(0, FIRST_STATEMENT)
    _type(qtbot, check.grid, "3" * 20)
    assert check.grid.currentIndex().row() == 1 and check.grid.currentIndex().column() == FIRST_STATEMENT
    assert len(window.doc.workshop.alignment.responses[0].scores) == 20


def test_a_named_respondent_is_cleared_when_the_participant_goes(window, check, qtbot):
    window.doc.push(AddItem("participants", Participant(id="p-anna", name="Anna", side=Side.SALES)))
    check.start()
    check.add_respondent(Side.SALES)
    assert check.model.set_participant(0, "p-anna")
    assert check.model.data(check.model.index(0, WHO_COLUMN)) == "Anna"
    changed = []
    check.model.dataChanged.connect(lambda top, _bottom, *_r: changed.append(top.row()))
    window.doc.push(UpdateItem("participants", "p-anna", {"name": "Anna B."}))
    assert changed == [0] and check.model.data(check.model.index(0, WHO_COLUMN)) == "Anna B."
    window.doc.push(RemoveItem("participants", "p-anna"))
    assert window.doc.workshop.alignment.responses[0].participant is None
    assert check.model.data(check.model.index(0, WHO_COLUMN)) == "anonymous"


def test_results_show_stages_once_each_side_has_three_respondents(window, check, qtbot):
    check.start()
    for side, digit in ((Side.MARKETING, "4"), (Side.SALES, "2")):
        for _ in range(3):
            check.add_respondent(side)
            _type(qtbot, check.grid, digit * 20)
    check.tabs.setCurrentWidget(check.results)
    qtbot.waitUntil(lambda: check.results.result is not None, timeout=3000)
    result = check.results.result
    assert result.sides[Side.MARKETING].stage == "integrated" and result.sides[Side.SALES].stage == "defined"
    findings = [v for v in window.doc.conflict_views("en") if v.rule == al.RULE_ID]
    assert len(findings) == 20  # every statement 2 points apart: all of them are findings
    window.undo()  # the last answer goes: that statement has only 2 Sales answers, so its gap is not shown
    assert len([v for v in window.doc.conflict_views("en") if v.rule == al.RULE_ID and not v.resolved_by_change]) \
        == 19


def test_a_second_round_starts_empty_and_keeps_the_first(window, check, qtbot):
    check.start()
    check.add_respondent(Side.MARKETING)
    _type(qtbot, check.grid, "1")
    check.add_round()
    assert check.model.rowCount() == 0 and check.rounds.count() == 2
    check.round_name.setText("End of day")
    check.round_name.editingFinished.emit()
    assert window.doc.workshop.alignment.rounds[1].name == "End of day"
    check.rounds.setCurrentIndex(0)
    assert check.model.rowCount() == 1


def test_the_room_tally_counts_for_its_side_and_undoes(window, check, qtbot):
    check.start()
    check.tabs.setCurrentWidget(check.tally_page)
    model = check.tally_model
    assert model.rowCount() == 20
    for column, count in ((3, 4), (6 + 1, 5)):  # Marketing: four said 4; Sales: five said 2
        assert model.setData(model.index(0, column), count)
    tallies = window.doc.workshop.alignment.tallies
    assert [(t.side, t.counts) for t in tallies] == [(Side.MARKETING, [0, 0, 0, 4, 0, 0]),
                                                      (Side.SALES, [0, 5, 0, 0, 0, 0])]
    assert model.data(model.index(0, 3)) == "4"
    result = al.score_round(window.doc.workshop.alignment, check.current_round())
    assert result.sides[Side.MARKETING].respondents == 4 and result.statements[0].gap == pytest.approx(2)
    window.undo()
    assert [t.counts for t in tallies] == [[0, 0, 0, 4, 0, 0]]


def test_the_facilitator_rewords_adds_and_drops_statements(window, check, qtbot):
    check.start()
    check.tabs.setCurrentWidget(check.statements)
    editor = check.statements
    window.doc.workshop.meta.language = "en"
    assert editor.model.setData(editor.model.index(0, 1), "We share goals.")
    first = window.doc.workshop.alignment.statements[0]
    assert first.text_en == "We share goals." and first.text_de.startswith("Marketing und Vertrieb")
    editor.add_statement()
    assert len(window.doc.workshop.alignment.statements) == 21
    assert check.model.columnCount() == FIRST_STATEMENT + 21
    check.add_respondent(Side.SALES)
    _type(qtbot, check.grid, "5")
    editor.table.setCurrentIndex(editor.model.index(0, 1))
    editor.remove_statement()
    assert window.doc.workshop.alignment.responses[0].scores == {}
    window.undo()
    assert window.doc.workshop.alignment.responses[0].scores == {first.id: 5}


def test_a_second_round_shows_the_change_per_side(window, check, qtbot):
    check.start()
    for round_digits in (("2", "2"), ("4", "3")):
        if check.model.rowCount():
            check.add_round()
        for side, digit in zip((Side.MARKETING, Side.SALES), round_digits, strict=True):
            for _ in range(3):
                check.add_respondent(side)
                _type(qtbot, check.grid, digit * 20)
    check.tabs.setCurrentWidget(check.results)
    qtbot.waitUntil(lambda: check.results.result is not None, timeout=3000)
    assert check.results.change.text() == "Since “Before”: Marketing +40, Sales +20"


def test_a_round_entered_as_a_tally_opens_on_the_tally(window, check, qtbot):
    from workshop_app.ui.alignment import AlignmentWindow

    check.start()
    check.tabs.setCurrentWidget(check.tally_page)
    assert check.tally_model.setData(check.tally_model.index(0, 2), 3)
    again = AlignmentWindow(window.doc, window)
    assert again.tabs.currentWidget() is again.tally_page
    again.close()
    again.deleteLater()
    check.add_respondent(Side.SALES)
    again = AlignmentWindow(window.doc, window)
    assert again.tabs.currentIndex() == 0  # answers typed per person: the grid
    again.deleteLater()


def test_the_sheet_is_written_where_the_facilitator_chose(window, check, qtbot, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    check.start()
    target = tmp_path / "sheet.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    check.export_sheet()
    assert target.read_bytes().startswith(b"%PDF")


def test_enter_starts_the_next_respondent_of_the_same_side(window, check, qtbot):
    check.start()
    check.add_respondent(Side.SALES)
    _type(qtbot, check.grid, "42")
    qtbot.keyClick(check.grid, Qt.Key.Key_Return)
    responses = window.doc.workshop.alignment.responses
    assert [r.side for r in responses] == [Side.SALES, Side.SALES] and responses[1].scores == {}
    assert check.grid.currentIndex().row() == 1 and check.grid.currentIndex().column() == FIRST_STATEMENT
    _type(qtbot, check.grid, "5")
    assert list(responses[1].scores.values()) == [5]
