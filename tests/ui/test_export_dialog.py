"""File → Export minutes: the dialog, the PDF written in a worker thread, remembering the folder."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QMessageBox

from tests.builders import small_workshop
from workshop_app.ui.features import minutes_export_available
from workshop_app.ui.window import export_dialog

pytestmark = pytest.mark.skipif(not minutes_export_available(), reason="PDF minutes not installed")


@pytest.fixture
def answer_dialog(monkeypatch):
    """Fill the export dialog as the facilitator would and press Export."""
    choices = {}

    def exec_dialog(self):
        choices["offered"] = self.formats()  # what the dialog had ticked when it opened
        self.path_edit.setText(str(choices["path"]))
        self.language.set_value(choices.get("lang", "de"))
        self.final.setChecked(choices.get("final", False))
        if "formats" in choices:
            for fmt, box in self.format_boxes.items():
                box.setChecked(fmt in choices["formats"])
        choices["files"] = self.files.text()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(export_dialog.ExportDialog, "exec", exec_dialog)
    return choices


def test_export_writes_the_pdf_offers_to_open_it_and_remembers_the_folder(qtbot, window, boxes, answer_dialog,
                                                                          monkeypatch, tmp_path):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    window.set_workshop(small_workshop(), None)
    answer_dialog.update(path=tmp_path / "out" / "minutes", lang="en", final=True)
    assert window.commands.export_minutes.isEnabled()
    window.commands.export_minutes.trigger()
    pdf = tmp_path / "out" / "minutes.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    assert opened == [str(pdf)]
    assert window.settings.value(export_dialog.FOLDER_KEY) == str(pdf.parent)
    assert export_dialog.suggested_path(window).parent == pdf.parent
    assert not window.isWindowModified()  # exporting is not an edit


def test_export_failure_is_reported(qtbot, window, boxes, answer_dialog, monkeypatch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    answer_dialog.update(path=blocker / "minutes.pdf")
    boxes.answers.append(QMessageBox.StandardButton.Ok)
    assert export_dialog.run_export(window) is None
    assert boxes.shown[-1][1] == "Export minutes" and "could not be written" in boxes.shown[-1][2]


def test_minutes_that_cannot_be_laid_out_name_the_field(qtbot, window, boxes, answer_dialog, monkeypatch, tmp_path):
    from workshop_app.export.errors import ExportError

    def too_long(*args, **kwargs):
        raise ExportError("The minutes could not be laid out: the text of goal “Leads” › how does not fit on a page.",
                          "goal “Leads” › how")

    monkeypatch.setattr("workshop_app.export.minutes.minutes_pdf_bytes", too_long)
    answer_dialog.update(path=tmp_path / "minutes.pdf")
    assert export_dialog.run_export(window) is None
    assert boxes.shown[-1][2].startswith("The minutes could not be laid out: the text of goal “Leads” › how")
    assert not (tmp_path / "minutes.pdf").exists()


def test_pdf_is_ticked_by_default_and_several_formats_go_into_one_folder(qtbot, window, boxes, answer_dialog,
                                                                         monkeypatch, tmp_path):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    window.set_workshop(small_workshop(), None)
    answer_dialog.update(path=tmp_path / "kick-off", lang="en", formats=["pdf", "docx", "md", "csv"])
    written = export_dialog.run_export(window)
    assert answer_dialog["offered"] == ["pdf"]  # a first export offers the PDF alone
    assert answer_dialog["files"] == "Writes: kick-off.pdf, kick-off.docx, kick-off.md, kick-off-actions.csv"
    assert written == tmp_path / "kick-off.pdf"
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == [
        "kick-off-actions.csv", "kick-off.docx", "kick-off.md", "kick-off.pdf"]
    assert opened == [str(tmp_path)]  # several files: the folder is what to open


def test_the_choice_of_formats_is_remembered(qtbot, window, boxes, answer_dialog, monkeypatch, tmp_path):
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: True)
    window.set_workshop(small_workshop(), None)
    answer_dialog.update(path=tmp_path / "a", lang="en", formats=["docx", "csv"])
    export_dialog.run_export(window)
    answer_dialog.pop("formats")
    answer_dialog.update(path=tmp_path / "b")
    export_dialog.run_export(window)
    assert answer_dialog["offered"] == ["docx", "csv"]
    assert (tmp_path / "b.docx").exists() and (tmp_path / "b-actions.csv").exists()
    assert not (tmp_path / "b.pdf").exists()


def test_without_a_format_nothing_can_be_exported(qtbot, window):
    dialog = export_dialog.ExportDialog(window, export_dialog.suggested_path(window), "en", ["pdf"])
    qtbot.addWidget(dialog)
    dialog.format_boxes["pdf"].setChecked(False)
    assert not dialog.export_button.isEnabled() and dialog.formats() == []
    dialog.format_boxes["ics"].setChecked(True)
    assert dialog.export_button.isEnabled() and dialog.files.text().endswith("-actions.ics")


def test_a_calendar_without_dates_says_so_and_the_rest_is_written(qtbot, window, boxes, answer_dialog, tmp_path):
    from workshop_app.model import ActionItem

    doc = small_workshop()
    doc.actions = [ActionItem(id="a", what="Undated")]
    window.set_workshop(doc, None)
    boxes.answers.append(QMessageBox.StandardButton.Ok)
    answer_dialog.update(path=tmp_path / "m", lang="en", formats=["csv", "ics"])
    assert export_dialog.run_export(window) == tmp_path / "m-actions.csv"
    assert "nothing to put in a calendar" in boxes.shown[-1][2] and "m-actions.csv" in boxes.shown[-1][2]
    assert not (tmp_path / "m-actions.ics").exists()
