"""The projector picture: header with phase, progress and timebox over the view of the current phase.

Used twice: as the audience window on a second screen, and as the
presentation-mode surface in the facilitator's own window. It only reads the
document; it follows a :class:`Stage` given by the presenter.

Blank and freeze work on layers, not on the content: *blank* shows a black
layer, *freeze* shows a picture of the view taken at that moment. While
either is on, the view underneath stops refreshing (nothing the facilitator
prepares can leak through a repaint) and catches up when it is lifted.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from workshop_app.i18n import _, current_language
from workshop_app.model import Phase
from workshop_app.ui.document import Document
from workshop_app.ui.phases import PHASES
from workshop_app.ui.progress import element_counts, phase_progress
from workshop_app.ui.projector.audience_content import Stage, wall_conflicts
from workshop_app.ui.projector.audience_views import PhaseView
from workshop_app.ui.projector.present_widgets import HeaderBar, HeaderData
from workshop_app.ui.widgets.labels import phase_name
from workshop_app.ui.widgets.plain import make_plain, shown
from workshop_app.ui.widgets.style import DEFAULT_POINT_SIZE, base_font
from workshop_app.ui.widgets.theme import BLANK, DEFAULT_SCALE, PAPER
from workshop_app.ui.widgets.timebox import TimeboxClock, format_clock

#: Edits arriving within this many milliseconds are shown in one refresh.
REFRESH_DELAY_MS = 40
MARGIN = 0.022  # of the width: a projector crops a little at the edges


class Paper(QWidget):
    """A plain white (or black) surface; painted, so no style sheet of a parent window can tint it."""

    def __init__(self, colour: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.colour = colour

    def paintEvent(self, _event: QPaintEvent) -> None:  # Qt override
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(self.colour))
        painter.end()


class AudienceView(QWidget):
    """Header and phase view; blank and frozen layers on top. ``on_key`` receives keys when interactive."""

    def __init__(self, doc: Document, clock: TimeboxClock, interactive: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc, self.clock = doc, clock
        self.stage = Stage()
        self.scale = DEFAULT_SCALE
        self.blank = self.frozen = False
        self.on_key: Callable[[QKeyEvent], bool] | None = None
        self.views: dict[Phase, PhaseView] = {}
        self._alignment: PhaseView | None = None  # the alignment check's view, made when first needed
        self._stale = True

        self.live = Paper(PAPER)
        self.header = HeaderBar(self.live)
        self.phase_stack = QStackedWidget(self.live)
        self.live_layout = QVBoxLayout(self.live)
        self.live_layout.setSpacing(0)
        self.live_layout.addWidget(self.header)
        self.live_layout.addSpacing(12)
        self.live_layout.addWidget(self.phase_stack, 1)
        from workshop_app.ui.room.join_banner import attach_join_banner  # the Room link's QR code, address, PIN
        self.join_banner = attach_join_banner(self)
        from workshop_app.ui.projector.whatif import attach_what_if  # "What if: …" and today | if we did this
        self.what_if = attach_what_if(self)
        self.frozen_layer = make_plain(QLabel())  # shows a picture of the wall, never text
        self.frozen_layer.setObjectName("frozen_layer")
        self.frozen_layer.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.frozen_layer.setStyleSheet(f"background: {PAPER};")
        self.blank_layer = Paper(BLANK)
        self.blank_layer.setObjectName("blank_layer")
        self.layers = QStackedWidget(self)
        for layer in (self.live, self.frozen_layer, self.blank_layer):
            self.layers.addWidget(layer)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.layers)
        if interactive:
            self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        doc.changed.connect(lambda _op: self.schedule_refresh())
        doc.replaced.connect(self.schedule_refresh)
        clock.tick.connect(self.update_header)
        self.set_scale(self.scale)

    # -- state -----------------------------------------------------------------
    def set_stage(self, stage: Stage) -> None:
        if stage != self.stage:
            self.stage = stage
            self.schedule_refresh(now=True)

    def set_scale(self, scale: float) -> None:
        """Type ``scale`` × the editor's normal size; margins follow the width."""
        self.scale = scale
        font = base_font(DEFAULT_POINT_SIZE * scale)
        self.setFont(font)
        # and as a style sheet: inside the editor's window (presentation mode) its style sheet would
        # otherwise stop the font from reaching the painted widgets
        self.setStyleSheet(f"QWidget {{ font-family: '{font.family()}'; font-size: {font.pointSizeF():.2f}pt; }}")
        for view in [*self.views.values(), *([self._alignment] if self._alignment is not None else [])]:
            view.set_scale(scale)
        self._apply_margins()
        self.schedule_refresh(now=True)

    def _apply_margins(self) -> None:
        margin = int(max(self.width(), 640) * MARGIN)
        self.live_layout.setContentsMargins(margin, int(margin * 0.6), margin, margin)

    def set_blank(self, blank: bool) -> None:
        self.blank = blank
        self._show_layer()

    def set_frozen(self, frozen: bool) -> None:
        if frozen and not self.frozen:
            if self._stale:
                self.refresh(force=True)
            self.frozen_layer.setPixmap(self.live.grab())
        self.frozen = frozen
        self._show_layer()

    def _show_layer(self) -> None:
        if self.blank:
            self.layers.setCurrentWidget(self.blank_layer)
        elif self.frozen:
            self.layers.setCurrentWidget(self.frozen_layer)
        else:
            self.layers.setCurrentWidget(self.live)
            if self._stale:
                self.refresh()
            else:
                self.update_header()

    def showing(self) -> str:
        """'blank', 'frozen' or 'live': what the room sees right now."""
        return "blank" if self.blank else ("frozen" if self.frozen else "live")

    # -- content ---------------------------------------------------------------
    def schedule_refresh(self, now: bool = False) -> None:
        self._stale = True
        if now:
            self.refresh()
        else:
            self._timer.start()

    def view(self, phase: Phase) -> PhaseView:
        if phase not in self.views:
            view = PHASES[phase].view_class()(self.phase_stack)
            view.setObjectName(f"audience_{phase}")
            view.set_scale(self.scale)
            self.views[phase] = view
            self.phase_stack.addWidget(view)
        return self.views[phase]

    def alignment_view(self) -> PhaseView:
        """The alignment check's view, built when a round is first put on the wall."""
        if self._alignment is None:
            from workshop_app.ui.projector.audience_alignment import AlignmentView

            self._alignment = AlignmentView(self.phase_stack)
            self._alignment.set_scale(self.scale)
            self.phase_stack.addWidget(self._alignment)
        return self._alignment

    def current_view(self) -> PhaseView | None:
        widget = self.phase_stack.currentWidget()
        return widget if isinstance(widget, PhaseView) else None

    def refresh(self, force: bool = False) -> None:
        """Show the document as it is now — unless the room is looking at a blank or frozen picture."""
        self._timer.stop()
        if (self.blank or self.frozen or not self.isVisible()) and not force:
            self._stale = True  # caught up when shown, unblanked or unfrozen
            return
        self._stale = False
        stage = self.stage
        view = self.alignment_view() if stage.alignment else self.view(stage.phase)
        view = self.what_if.view_for(stage, view)
        view.show_stage(self.doc.workshop, stage, wall_conflicts(self.doc, stage))
        self.phase_stack.setCurrentWidget(view)
        self.update_header()

    def update_header(self) -> None:
        if self.blank or self.frozen:  # the live layer is not on the wall; refresh() catches up
            return
        doc, phase, clock = self.doc.workshop, self.stage.phase, self.clock
        phases = list(Phase)
        total, remaining, state = clock.timebox_seconds(phase), clock.remaining(phase), clock.state(phase)
        if state == "over":
            time_text, caption = "+" + format_clock(-remaining), _("over time")
        else:
            time_text, caption = format_clock(max(remaining, 0)), _("left of {n} min").format(n=int(total // 60))
        if clock.running != phase:
            caption += " · " + _("paused")
        done = [bool(item and item.done) for item in (doc.agenda_item(p) for p in phases)]
        self.header.set_data(HeaderData(phases.index(phase) + 1, len(phases), phase_name(phase),
                                        shown(doc.meta.title.strip()), phase_progress(doc, phase, self._counts(phase)),
                                        done,
                                        time_text, caption, state))

    def _counts(self, phase: Phase):
        """What the progress line counts; the conflicts as the navigator counts them (``count_conflicts``)."""
        conflicts = None
        if phase == Phase.CONFLICTS:
            from workshop_app.analysis import count_conflicts

            conflicts = count_conflicts(self.doc.conflict_views(current_language()))
        return element_counts(self.doc.workshop, conflicts)

    # -- Qt --------------------------------------------------------------------
    def showEvent(self, event) -> None:  # Qt override
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def resizeEvent(self, event) -> None:  # Qt override
        super().resizeEvent(event)
        self._apply_margins()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt override
        if self.on_key is not None and self.on_key(event):
            event.accept()
            return
        super().keyPressEvent(event)

    def focusNextPrevChild(self, _next: bool) -> bool:  # Qt override: Tab is a presentation key
        return self.on_key is None and super().focusNextPrevChild(_next)
