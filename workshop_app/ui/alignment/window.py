"""The alignment check's own window: start it, enter a round, see the results, print the sheet.

It opens from the Phase menu (Ctrl+Shift+A) and is meant for the start of
the Inventory: the room scores the statements before the inventory makes
each side's goals, incentives and channels visible, so the "before" round
is not coloured by what the day brings up. A window of its own (not a page)
because it belongs to no single phase: a follow-up or the end of the day
adds a round, and the results are shown whenever the room discusses them.
It edits only through the document's commands, like every page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workshop_app.i18n import _, current_language
from workshop_app.model import RemoveItem, Side, UpdateItem
from workshop_app.paths import default_exports_dir
from workshop_app.ui.alignment.edits import new_response, new_round, start_check
from workshop_app.ui.alignment.entry import FIRST_STATEMENT, EntryGrid, ResponsesModel
from workshop_app.ui.alignment.results import ResultsView
from workshop_app.ui.alignment.statements import StatementsEditor
from workshop_app.ui.alignment.tally import TallyGrid, TallyModel
from workshop_app.ui.document import Document
from workshop_app.ui.widgets.labels import side_name
from workshop_app.ui.widgets.plain import literal, shown
from workshop_app.ui.widgets.undo_keys import add_undo_keys

if TYPE_CHECKING:
    from workshop_app.ui.projector.presentation import Presenter


class AlignmentWindow(QDialog):
    """Non-modal: the main window stays usable while answers are typed in here."""

    def __init__(self, doc: Document, parent: QWidget | None = None, presenter: Presenter | None = None):
        super().__init__(parent)
        self.doc = doc
        self.presenter = presenter  # the projector: the round goes on the wall from here
        self.setObjectName("alignment_window")
        self.setWindowTitle(_("Alignment check"))
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setModal(False)
        self.resize(1300, 720)

        self.rounds = QComboBox()
        self.rounds.setObjectName("alignment_rounds")
        self.rounds.setAccessibleName(_("Round"))
        self.rounds.currentIndexChanged.connect(self._round_chosen)
        self.round_name = QLineEdit()
        self.round_name.setObjectName("alignment_round_name")
        self.round_name.setPlaceholderText(_("Name of the round"))
        self.round_name.editingFinished.connect(self._rename_round)
        add_round = QPushButton(_("New round"))
        add_round.clicked.connect(self.add_round)
        sheet = QPushButton(_("Print sheet (PDF)…"))
        sheet.setToolTip(_("An A4 sheet of the statements, to score on paper before the day"))
        sheet.clicked.connect(self.export_sheet)
        top = QHBoxLayout()
        top.addWidget(QLabel(_("Round:")))
        top.addWidget(self.rounds, 1)
        top.addWidget(self.round_name, 1)
        top.addWidget(add_round)
        top.addStretch(1)
        top.addWidget(sheet)
        # the projector: the round goes on the wall with its results hidden, and is revealed when the room is ready
        self.on_projector = QPushButton(_("Show on projector"))
        self.on_projector.setObjectName("alignment_on_projector")
        self.on_projector.setCheckable(True)
        self.on_projector.setToolTip(_("The room sees this round instead of the phase; its results stay hidden "
                                       "until you reveal them"))
        self.on_projector.toggled.connect(self._put_on_projector)
        self.reveal = QPushButton(_("Reveal results"))
        self.reveal.setObjectName("alignment_reveal")
        self.reveal.setCheckable(True)
        self.reveal.setEnabled(False)
        self.reveal.toggled.connect(self._reveal_on_projector)
        if presenter is not None:
            top.addWidget(self.on_projector)
            top.addWidget(self.reveal)

        self.model = ResponsesModel(doc, self)
        self.grid = EntryGrid(self.model)
        self.grid.row_wanted.connect(self.add_respondent)
        add_m = QPushButton(_("+ Marketing respondent"))
        add_m.setObjectName("add_marketing")
        add_m.clicked.connect(lambda: self.add_respondent(Side.MARKETING))
        add_s = QPushButton(_("+ Sales respondent"))
        add_s.setObjectName("add_sales")
        add_s.clicked.connect(lambda: self.add_respondent(Side.SALES))
        remove = QPushButton(_("Remove respondent"))
        remove.clicked.connect(self.remove_respondent)
        buttons = QHBoxLayout()
        for button in (add_m, add_s, remove):
            buttons.addWidget(button)
        buttons.addStretch(1)
        keys = QLabel(_("Type 1–5 for a score (strongly disagree … strongly agree), 0 or ? for don't know, "
                        "Backspace to clear; the cursor moves on by itself, Enter starts the next respondent of the same "
                        "side. In the side column M or S (V) sets the side. Responses are anonymous unless you pick a name under “Who”. "
                        "Hover over a column number to read its statement."))
        keys.setWordWrap(True)
        self.statement_line = QLabel()
        self.statement_line.setObjectName("alignment_statement")
        self.statement_line.setWordWrap(True)
        self.statement_line.setTextFormat(Qt.TextFormat.PlainText)
        entry = QWidget()
        entry_layout = QVBoxLayout(entry)
        entry_layout.addLayout(buttons)
        entry_layout.addWidget(self.grid, 1)
        entry_layout.addWidget(self.statement_line)
        entry_layout.addWidget(keys)
        self.grid.selectionModel().currentChanged.connect(lambda *_a: self._show_statement())

        self.tally_model = TallyModel(doc, self)
        self.tally = TallyGrid(self.tally_model)
        self.tally_page = tally_page = QWidget()
        tally_layout = QVBoxLayout(tally_page)
        tally_hint = QLabel(_("For a show of hands: per statement and side, type how many answered 1, 2, 3, 4, 5 "
                              "or don't know. Counts add to the answers typed per person."))
        tally_hint.setWordWrap(True)
        tally_layout.addWidget(tally_hint)
        tally_layout.addWidget(self.tally, 1)
        self.tally_statement = QLabel()
        self.tally_statement.setTextFormat(Qt.TextFormat.PlainText)
        self.tally_statement.setWordWrap(True)
        tally_layout.addWidget(self.tally_statement)
        self.tally.selectionModel().currentChanged.connect(lambda *_a: self._show_statement())
        self.results = ResultsView()
        self.statements = StatementsEditor(doc)
        self.tabs = QTabWidget()
        self.tabs.addTab(entry, _("Enter answers"))
        self.tabs.addTab(tally_page, _("Room tally"))
        self.tabs.addTab(self.results, _("Results"))
        self.tabs.addTab(self.statements, _("Statements"))
        self.tabs.currentChanged.connect(lambda _i: self._show_round(self.current_round()))
        self.refusal = QLabel()
        self.refusal.setObjectName("alignment_refusal")
        self.refusal.setTextFormat(Qt.TextFormat.PlainText)
        self.refusal.setWordWrap(True)
        self.refusal.setProperty("role", "hint")
        doc.refused.connect(self.refusal.setText)

        start_page = QWidget()
        start_layout = QVBoxLayout(start_page)
        intro = QLabel(_("Before the inventory, both sides score the same statements about their collaboration "
                         "from 1 (strongly disagree) to 5 (strongly agree). The room then sees each side's "
                         "stage — undefined, defined, aligned, integrated — and where the two sides see "
                         "things differently."))
        intro.setWordWrap(True)
        self.start_button = QPushButton(_("Start with Tandem's 20 statements"))
        self.start_button.setObjectName("alignment_start")
        self.start_button.clicked.connect(self.start)
        start_layout.addStretch(1)
        start_layout.addWidget(intro)
        start_layout.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignHCenter)
        start_layout.addStretch(2)

        self.work_page = QWidget()
        work_layout = QVBoxLayout(self.work_page)
        work_layout.addLayout(top)
        work_layout.addWidget(self.tabs, 1)
        work_layout.addWidget(self.refusal)
        self.stack = QStackedWidget()
        self.stack.addWidget(start_page)
        self.stack.addWidget(self.work_page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)

        add_undo_keys(self, doc)

        doc.changed.connect(lambda _op: self.refresh())
        doc.replaced.connect(self.refresh)
        self.refresh()
        self._open_on_the_way_it_was_entered()

    def _open_on_the_way_it_was_entered(self) -> None:
        """A round entered as the room's tally opens on the tally, not on an empty grid."""
        round_id = self.current_round()
        alignment = self.doc.workshop.alignment
        if round_id and not any(r.round_id == round_id for r in alignment.responses) and \
                any(t.round_id == round_id for t in alignment.tallies):
            self.tabs.setCurrentWidget(self.tally_page)

    # -- showing -------------------------------------------------------------------------------------
    def _put_on_projector(self, on: bool) -> None:
        if self.presenter is None:
            return
        self.presenter.show_alignment(self.current_round() if on else None)
        self.reveal.blockSignals(True)
        self.reveal.setChecked(False)
        self.reveal.blockSignals(False)
        self.reveal.setEnabled(on)

    def _reveal_on_projector(self, on: bool) -> None:
        if self.presenter is not None:
            self.presenter.reveal_alignment(on)

    def current_round(self) -> str | None:
        data = self.rounds.currentData()
        return data if isinstance(data, str) else None

    def refresh(self) -> None:
        """Show the document as it is now (after any edit, undo or another workshop)."""
        self.refusal.setText("")
        alignment = self.doc.workshop.alignment
        started = bool(alignment.statements and alignment.rounds)
        wanted = self.current_round()
        ids = [r.id for r in alignment.rounds]
        if wanted not in ids:
            wanted = ids[-1] if ids else None
        self.rounds.blockSignals(True)
        self.rounds.clear()
        for r in alignment.rounds:
            self.rounds.addItem(shown(r.name) or _("(unnamed round)"), r.id)
        self.rounds.setCurrentIndex(ids.index(wanted) if wanted in ids else -1)
        self.rounds.blockSignals(False)
        self._show_round(wanted)
        self.stack.setCurrentIndex(1 if started else 0)

    def _round_chosen(self, _index: int) -> None:
        self._show_round(self.current_round())
        if self.on_projector.isChecked():  # the wall follows the round chosen, hidden again
            self._put_on_projector(True)

    def _show_round(self, round_id: str | None) -> None:
        found = self.doc.workshop.alignment.round(round_id) if round_id else None
        if not self.round_name.hasFocus():
            self.round_name.setText(found.name if found else "")
        if self.model.round_id != round_id:
            self.model.set_round(round_id)
        else:
            self.model.reload()
        self.grid.fit_columns()
        shown_tab = self.tabs.currentWidget()
        if shown_tab is self.tally_page:  # the other tabs catch up when they are shown: typing stays cheap
            where = self.tally.currentIndex()
            self.tally_model.set_round(round_id)
            if where.isValid():
                self.tally.setCurrentIndex(self.tally_model.index(where.row(), where.column()))
        elif shown_tab is self.statements:
            row = self.statements.table.currentIndex().row()
            self.statements.reload()
            if row >= 0:
                self.statements.table.setCurrentIndex(self.statements.model.index(row, 1))
        self.results.show_round(self.doc.workshop, round_id)
        self._show_statement()

    def _show_statement(self) -> None:
        row = self.tally.currentIndex().row()
        statements = self.doc.workshop.alignment.statements
        self.tally_statement.setText(f"{row + 1}. {shown(statements[row].text(current_language()))}"
                                     if 0 <= row < len(statements) else "")
        statement_id = self.model.statement_id(self.grid.currentIndex().column())
        statement = self.doc.workshop.alignment.statement(statement_id) if statement_id else None
        if statement is None:
            self.statement_line.setText("")
            return
        number = self.grid.currentIndex().column() - FIRST_STATEMENT + 1
        self.statement_line.setText(f"{number}. {shown(statement.text(current_language()))}")

    # -- editing (one command each) ------------------------------------------------------------------
    def start(self) -> None:
        self.doc.push(start_check(self.doc.workshop))

    def add_round(self) -> None:
        number = len(self.doc.workshop.alignment.rounds) + 1
        operation = new_round(self.doc.workshop, _("Round {n}").format(n=number))
        if self.doc.push(operation):
            self.rounds.setCurrentIndex(self.rounds.findData(operation.item.id))
            self.round_name.setFocus()
            self.round_name.selectAll()

    def _rename_round(self) -> None:
        round_id = self.current_round()
        found = self.doc.workshop.alignment.round(round_id) if round_id else None
        name = self.round_name.text().strip()
        if found is not None and name and name != found.name:
            self.doc.push(UpdateItem("alignment_rounds", found.id, {"name": name}, label=_("Rename round")))

    def add_respondent(self, side: Side) -> None:
        round_id = self.current_round()
        if round_id is None:
            return
        operation = new_response(round_id, side)
        if self.doc.push(operation, _("Add a {side} respondent").format(side=side_name(side))):
            self.tabs.setCurrentIndex(0)
            self.grid.setFocus()
            self.grid.go_to(self.model.row_of(operation.item.id), FIRST_STATEMENT)

    def remove_respondent(self) -> None:
        response = self.model.response(self.grid.currentIndex().row())
        if response is not None:
            self.doc.push(RemoveItem("alignment_responses", response.id, label=_("Remove respondent")))

    # -- the paper sheet ---------------------------------------------------------------------------------
    def export_sheet(self) -> None:
        from workshop_app.export.alignment_sheet import write_sheet

        workshop = self.doc.workshop
        lang = workshop.meta.language.value
        suggested = str(default_exports_dir() / (_("alignment-check") + ".pdf"))
        path, _filter = QFileDialog.getSaveFileName(self, _("Print sheet (PDF)"), suggested, _("PDF (*.pdf)"))
        if not path:
            return
        try:
            write_sheet(workshop, path, lang)
        except OSError as exc:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(self, _("Print sheet (PDF)"), literal(_("The sheet could not be written: {reason}")
                                                                      .format(reason=exc)))
