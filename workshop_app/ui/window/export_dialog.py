"""File → Export minutes: choose file, language and draft/final, then write the PDF.

The PDF is built from a copy of the workshop in a worker thread, so the
window keeps painting; a progress dialog appears only if it takes longer
than half a second. Afterwards the facilitator may open the PDF.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QWidget,
)

from workshop_app.export.errors import ExportError
from workshop_app.i18n import _, current_language
from workshop_app.ui.widgets.fields import ChoiceField
from workshop_app.ui.widgets.plain import literal

FOLDER_KEY = "minutes_folder"


log = logging.getLogger(__name__)

class ExportDialog(QDialog):
    """Where to, in which language, draft or final."""

    def __init__(self, parent: QWidget, suggested: Path, lang: str):
        super().__init__(parent)
        self.setWindowTitle(_("Export minutes"))
        self.path_edit = QLineEdit(str(suggested))
        self.path_edit.setObjectName("minutes_path")
        self.path_edit.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)
        browse = QPushButton(_("Choose…"))
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        self.language = ChoiceField(self)
        self.language.setObjectName("minutes_language")
        self.language.set_choices([("de", "Deutsch"), ("en", "English")])
        self.language.set_value(lang if lang in ("de", "en") else "de")
        self.final = QCheckBox(_("Final version (without the DRAFT mark)"))
        self.final.setObjectName("minutes_final")
        form = QFormLayout(self)
        form.addRow(_("File:"), path_row)
        form.addRow(_("Language:"), self.language)
        form.addRow("", self.final)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Export"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _browse(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, _("Export minutes"), self.path_edit.text(), _("PDF files (*.pdf)"))
        if path:
            self.path_edit.setText(path if path.lower().endswith(".pdf") else path + ".pdf")

    def choice(self) -> tuple[Path, str, bool]:
        text = self.path_edit.text().strip()
        if text and not text.lower().endswith(".pdf"):
            text += ".pdf"
        return Path(text).expanduser(), self.language.value() or "de", self.final.isChecked()


def suggested_path(window) -> Path:
    from workshop_app.export.minutes import default_minutes_path

    default = default_minutes_path(window.doc.workshop)
    folder = str(window.settings.value(FOLDER_KEY, "") or "")
    if folder and Path(folder).is_dir():
        return Path(folder) / default.name
    return default


def write_minutes(window, path: Path, lang: str, final: bool) -> Path:
    """Build the PDF in a worker thread; raises what the export raised."""
    from workshop_app.export.minutes import export_minutes

    workshop = window.doc.workshop.model_copy(deep=True)
    state: dict = {"fraction": 0.0}

    def work() -> None:
        try:
            state["result"] = export_minutes(workshop, path, lang=lang, final=final,
                                             progress=lambda f: state.__setitem__("fraction", f))
        except BaseException as exc:  # handed to the UI thread
            state["error"] = exc

    thread = threading.Thread(target=work, name="tandem-minutes", daemon=True)
    dialog = QProgressDialog(_("Writing the minutes…"), "", 0, 100, window)
    dialog.setWindowTitle(_("Export minutes"))
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(500)
    dialog.setAutoClose(False)
    dialog.setValue(0)
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(50)

    def poll() -> None:
        dialog.setValue(int(state["fraction"] * 100))
        if not thread.is_alive():
            loop.quit()

    timer.timeout.connect(poll)
    thread.start()
    timer.start()
    if thread.is_alive():
        loop.exec()
    timer.stop()
    thread.join()
    dialog.close()
    dialog.deleteLater()
    if "error" in state:
        raise state["error"]
    return Path(state["result"])


def run_export(window) -> Path | None:
    """The whole File → Export minutes flow; returns the PDF written, or None."""
    dialog = ExportDialog(window, suggested_path(window), window.doc.workshop.meta.language or current_language())
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    path, lang, final = dialog.choice()
    if not path.name or path.name == ".pdf":
        QMessageBox.warning(window, _("Export minutes"), _("Please choose a file name for the minutes."))
        return None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        written = write_minutes(window, path, lang, final)
    except ExportError as exc:  # the layout could not finish: the sentence names the field to shorten
        QMessageBox.critical(window, _("Export minutes"), literal(str(exc)))
        return None
    except Exception as exc:
        if not isinstance(exc, OSError):
            log.exception("minutes not written")
        QMessageBox.critical(window, _("Export minutes"),  # a path and a reason are shown as they are, never as markup
                             literal(_("The minutes could not be written to “{path}”: {reason}").format(
                                 path=path, reason=(exc.strerror if isinstance(exc, OSError) and exc.strerror else exc))))
        return None
    window.settings.setValue(FOLDER_KEY, str(written.parent))
    answer = QMessageBox.question(window, _("Export minutes"),
                                  literal(_("The minutes were saved to “{path}”. Open them now?").format(path=written)),
                                  QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close,
                                  QMessageBox.StandardButton.Open)
    if answer == QMessageBox.StandardButton.Open:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(written)))
    window.statusBar().showMessage(_("Minutes written: {name}").format(name=written.name), 8000)
    return written
