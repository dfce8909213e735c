"""File → Export minutes: choose the formats, file, language and draft/final, then write them.

The formats are checkboxes — the PDF minutes (ticked by default), Word and
Markdown minutes, the actions as CSV and as a calendar — and several go into
one folder at once, sharing the file name's stem (``kick-off.pdf``,
``kick-off.docx``, ``kick-off-actions.csv`` …); the dialog lists the files it
will write. The choice of formats and the folder are remembered in the settings.
Everything is built from a copy of the workshop in a worker thread, so the
window keeps painting; a progress dialog appears only if it takes longer than
half a second. Afterwards the facilitator may open the PDF (or the folder).
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
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workshop_app.i18n import _, current_language
from workshop_app.ui.widgets.fields import ChoiceField
from workshop_app.ui.widgets.plain import literal

FOLDER_KEY = "minutes_folder"
FORMATS_KEY = "export_formats"
#: The formats offered, in this order (workshop_app.export.outputs.FORMATS; named here so the dialog opens
#: without importing the exports).
FORMATS = ("pdf", "docx", "md", "csv", "ics")
ENDINGS = {"pdf": ".pdf", "docx": ".docx", "md": ".md", "csv": "-actions.csv", "ics": "-actions.ics"}


log = logging.getLogger(__name__)

def format_labels() -> dict[str, str]:
    """What each format is for, in the UI language."""
    return {
        "pdf": _("PDF minutes — the record to send"),
        "docx": _("Word minutes (DOCX) — to edit before sending"),
        "md": _("Markdown minutes — for a wiki or an e-mail"),
        "csv": _("Actions as CSV — for Excel or an issue tracker"),
        "ics": _("Actions as calendar (ICS) — due dates for everyone's calendar"),
    }


def paths_for(base: Path, formats: list[str]) -> dict[str, Path]:
    """The file of each format: the stem of ``base`` in its folder with the format's ending."""
    stem = base.name[: -len(base.suffix)] if base.suffix.lower() in (".pdf", ".docx", ".md") else base.name
    return {f: base.with_name(stem + ENDINGS[f]) for f in formats}


class ExportDialog(QDialog):
    """Which formats, where to, in which language, draft or final."""

    def __init__(self, parent: QWidget, suggested: Path, lang: str, formats: list[str] | None = None):
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
        chosen = set(formats or ["pdf"])
        self.format_boxes: dict[str, QCheckBox] = {}
        format_column = QVBoxLayout()
        for fmt, label in format_labels().items():
            box = QCheckBox(label)
            box.setObjectName(f"export_format_{fmt}")
            box.setChecked(fmt in chosen)
            box.toggled.connect(self._update)
            self.format_boxes[fmt] = box
            format_column.addWidget(box)
        self.files = QLabel()
        self.files.setObjectName("export_files")
        self.files.setTextFormat(Qt.TextFormat.PlainText)  # file names are shown as they are
        self.files.setWordWrap(True)
        self.language = ChoiceField(self)
        self.language.setObjectName("minutes_language")
        self.language.set_choices([("de", "Deutsch"), ("en", "English")])
        self.language.set_value(lang if lang in ("de", "en") else "de")
        self.final = QCheckBox(_("Final version (without the DRAFT mark)"))
        self.final.setObjectName("minutes_final")
        form = QFormLayout(self)
        form.addRow(_("Formats:"), format_column)
        form.addRow(_("File:"), path_row)
        form.addRow("", self.files)
        form.addRow(_("Language:"), self.language)
        form.addRow("", self.final)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.export_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.export_button.setText(_("Export"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.path_edit.textChanged.connect(self._update)
        self._update()

    def formats(self) -> list[str]:
        return [f for f, box in self.format_boxes.items() if box.isChecked()]

    def _update(self) -> None:
        """List the files the export will write; nothing to export without a format."""
        formats = self.formats()
        self.export_button.setEnabled(bool(formats))
        if not formats:
            self.files.setText(_("Tick at least one format."))
            return
        paths = paths_for(self._base(), formats)
        self.files.setText(_("Writes: {files}").format(files=", ".join(p.name for p in paths.values())))

    def _browse(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, _("Export minutes"), self.path_edit.text(), _("PDF files (*.pdf)"))
        if path:
            self.path_edit.setText(path if path.lower().endswith(".pdf") else path + ".pdf")

    def _base(self) -> Path:
        text = self.path_edit.text().strip()
        if text and not text.lower().endswith(".pdf"):
            text += ".pdf"
        return Path(text).expanduser()

    def choice(self) -> tuple[Path, str, bool]:
        return self._base(), self.language.value() or "de", self.final.isChecked()


def suggested_path(window) -> Path:
    from workshop_app.export.minutes import default_minutes_path

    default = default_minutes_path(window.doc.workshop)
    folder = str(window.settings.value(FOLDER_KEY, "") or "")
    if folder and Path(folder).is_dir():
        return Path(folder) / default.name
    return default


def write_outputs(window, paths: dict[str, Path], lang: str, final: bool):
    """Write each format to its path in a worker thread; returns the ExportReport (written, failed)."""
    from workshop_app.export.outputs import export_formats

    workshop = window.doc.workshop.model_copy(deep=True)
    state: dict = {"fraction": 0.0}

    def work() -> None:
        try:
            state["result"] = export_formats(workshop, list(paths), lang=lang, final=final, paths=paths,
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
    return state["result"]


def write_minutes(window, path: Path, lang: str, final: bool) -> Path:
    """The PDF minutes alone, in a worker thread; raises what the export raised."""
    report = write_outputs(window, {"pdf": path}, lang, final)
    if report.failed:
        raise report.failed["pdf"]
    return report.written[0]


def run_export(window) -> Path | None:
    """The whole File → Export minutes flow; returns the first file written (the PDF if chosen), or None."""
    remembered = [f for f in str(window.settings.value(FORMATS_KEY, "") or "").split(",") if f in FORMATS]
    dialog = ExportDialog(window, suggested_path(window), window.doc.workshop.meta.language or current_language(),
                          remembered or ["pdf"])
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    path, lang, final = dialog.choice()
    formats = dialog.formats()
    if not formats:
        return None
    if not path.name or path.name == ".pdf":
        QMessageBox.warning(window, _("Export minutes"), _("Please choose a file name for the minutes."))
        return None
    window.settings.setValue(FORMATS_KEY, ",".join(formats))
    from workshop_app.export.errors import ExportError
    from workshop_app.export.outputs import ExportReport

    paths = paths_for(path, formats)
    try:
        if formats == ["pdf"]:  # the usual case: one PDF, and what went wrong is said about it
            report = ExportReport(written=[write_minutes(window, paths["pdf"], lang, final)])
        else:
            report = write_outputs(window, paths, lang, final)
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
    if report.failed:  # each failure is a sentence (a text that does not fit, a calendar without dates, a full disk)
        sentences = [str(e) for e in report.failed.values()]
        if report.written:
            sentences.insert(0, _("Written: {files}").format(files=", ".join(p.name for p in report.written)))
        QMessageBox.critical(window, _("Export minutes"), literal("\n\n".join(sentences)))
        if not report.written:
            return None
    written = report.written[0]
    window.settings.setValue(FOLDER_KEY, str(written.parent))
    if not report.failed:
        several = len(report.written) > 1
        message = (_("{n} files were saved to “{folder}”. Open the folder now?").format(
            n=len(report.written), folder=written.parent) if several else
            _("The minutes were saved to “{path}”. Open them now?").format(path=written))
        answer = QMessageBox.question(window, _("Export minutes"), literal(message),
                                      QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close,
                                      QMessageBox.StandardButton.Open)
        if answer == QMessageBox.StandardButton.Open:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(written.parent if several else written)))
    window.statusBar().showMessage(_("Minutes written: {name}").format(
        name=", ".join(p.name for p in report.written)), 8000)
    return written
