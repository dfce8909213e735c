"""The thresholds of the conflict rules, per workshop: a small panel on the Conflicts page.

Why per workshop: horizons and what counts as a poor channel differ from
brand to brand and between B2B, B2C and D2C (issue 17 point 8). The values
live in the document (``Workshop.analysis``), so the minutes and ``tandem
check`` judge by the same thresholds the room saw. Each change is one
undoable command; clicking an arrow several times in a row merges into one
step (as the dots per participant do). The defaults are the model's own, so
they are stated once (``AnalysisSettings``) and shown here beside each value.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QPushButton, QSpinBox, QWidget

from workshop_app.i18n import N_, _
from workshop_app.model import AnalysisSettings, UpdateItem
from workshop_app.model.types import MAX_RATIO
from workshop_app.ui.document import Document
from workshop_app.ui.widgets.plain import PlainLabel, plain_tooltip


@dataclass(frozen=True)
class Threshold:
    field: str
    label: str
    explanation: str
    low: int
    high: int
    suffix: str = ""


THRESHOLDS = (
    Threshold("period_ratio", N_("Period ratio"),
              N_("An incentive's period counts as much shorter than a goal's horizon when the horizon is at least "
                 "this many times longer (4: a quarterly commission on a 12-month goal)."), 1, MAX_RATIO, "×"),
    Threshold("poor_channel_rating", N_("Poor channel at or below"),
              N_("A channel its receiving side rates at or below this (of 5) is a finding."), 0, 5, "/5"),
    Threshold("split_share_percent", N_("Split budget above"),
              N_("A shared goal counts as funded from split pots when more than this share of its money comes from "
                 "the two sides' own budgets."), 0, 100, "%"),
)


def default_of(field: str) -> int:
    return int(AnalysisSettings.model_fields[field].default)


class AnalysisSettingsPanel(QWidget):
    """Three spin boxes with their defaults, and a button that puts the defaults back (one step)."""

    def __init__(self, doc: Document, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        self.setObjectName("analysis_settings")
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        self.spins: dict[str, QSpinBox] = {}
        for column, spec in enumerate(THRESHOLDS):
            label = PlainLabel(_(spec.label))
            label.setProperty("role", "hint")
            label.setWordWrap(True)  # a long German label takes two lines, not the page's width
            spin = QSpinBox(self)
            spin.setObjectName(f"threshold_{spec.field}")
            spin.setRange(spec.low, spec.high)
            spin.setSuffix(spec.suffix)
            spin.setAccelerated(False)
            spin.setMinimumWidth(spin.fontMetrics().horizontalAdvance("100%") * 2)
            tip = plain_tooltip(_(spec.explanation) + "\n" + _("Default: {value}").format(value=default_of(spec.field)))
            spin.setToolTip(tip)
            label.setToolTip(tip)
            label.setBuddy(spin)
            spin.valueChanged.connect(lambda value, s=spec: self._changed(s, value))
            grid.addWidget(label, 0, column, Qt.AlignmentFlag.AlignBottom)
            grid.addWidget(spin, 1, column)
            grid.setColumnStretch(column, 1)
            self.spins[spec.field] = spin
        self.defaults_button = QPushButton(_("Defaults"))
        self.defaults_button.setObjectName("threshold_defaults")
        self.defaults_button.setToolTip(plain_tooltip(_("Put the documented defaults back: {values}").format(
            values=", ".join(f"{_(s.label)} {default_of(s.field)}{s.suffix}" for s in THRESHOLDS))))
        self.defaults_button.clicked.connect(self.restore_defaults)
        grid.addWidget(self.defaults_button, 1, len(THRESHOLDS))
        self.refresh()

    def _changed(self, spec: Threshold, value: int) -> None:
        if getattr(self.doc.workshop.analysis, spec.field) == value:
            return
        text = _("{setting}: {value}").format(setting=_(spec.label), value=f"{value}{spec.suffix}")
        if not self.doc.push(UpdateItem("analysis", None, {spec.field: value}), text,
                             merge_key=f"analysis:{spec.field}"):
            self.refresh()

    def restore_defaults(self) -> bool:
        changes = {s.field: default_of(s.field) for s in THRESHOLDS
                   if getattr(self.doc.workshop.analysis, s.field) != default_of(s.field)}
        if not changes:
            return False
        return self.doc.push(UpdateItem("analysis", None, changes), _("Analysis thresholds back to their defaults"))

    def refresh(self) -> None:
        settings = self.doc.workshop.analysis
        for spec in THRESHOLDS:
            spin = self.spins[spec.field]
            value = getattr(settings, spec.field)
            if spin.value() != value:
                spin.blockSignals(True)
                spin.setValue(value)
                spin.blockSignals(False)
            spin.setReadOnly(self.doc.read_only)
            changed = value != default_of(spec.field)
            font = spin.font()
            if font.bold() != changed:  # a value the workshop changed stands out from the defaults
                font.setBold(changed)
                spin.setFont(font)
        self.defaults_button.setEnabled(not self.doc.read_only and any(
            getattr(settings, s.field) != default_of(s.field) for s in THRESHOLDS))
