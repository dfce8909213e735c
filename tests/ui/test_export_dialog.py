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
        self.path_edit.setText(str(choices["path"]))
        self.language.set_value(choices.get("lang", "de"))
        self.final.setChecked(choices.get("final", False))
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
