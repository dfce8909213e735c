"""The audience window: a read-only, full-screen view on the projector while the laptop keeps the editor.

Why a window of its own: with two screens the facilitator prepares and edits
on the laptop without the room watching every keystroke, and the wall shows
only what is meant for it. The window never takes the keyboard focus
(typing stays on the laptop), hides the mouse pointer, and does not keep the
application running once the facilitator's window is closed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QScreen
from PySide6.QtWidgets import QVBoxLayout, QWidget

from workshop_app.i18n import _
from workshop_app.ui.document import Document
from workshop_app.ui.projector.audience_view import AudienceView
from workshop_app.ui.widgets.timebox import TimeboxClock


class AudienceWindow(QWidget):
    """A top-level window showing an :class:`AudienceView`, full screen on a chosen screen.

    ``closed`` tells the presenter when the window went away by other means than its menu entry.
    """

    closed = Signal()

    def __init__(self, doc: Document, clock: TimeboxClock, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint
                         | Qt.WindowType.WindowDoesNotAcceptFocus)
        self.setObjectName("audience_window")
        self.setWindowTitle(_("Tandem – audience view"))
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
        self.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        self.setCursor(Qt.CursorShape.BlankCursor)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.view = AudienceView(doc, clock, parent=self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def show_on(self, screen: QScreen) -> None:
        """Full screen on ``screen``: placed there first, because a full-screen window fills the screen it is on."""
        self.setScreen(screen)
        self.setGeometry(screen.geometry())
        self.setWindowState(Qt.WindowState.WindowFullScreen)  # not showFullScreen(): that would take the focus
        self.show()
        self.view.refresh()

    def closeEvent(self, event: QCloseEvent) -> None:  # Qt override
        super().closeEvent(event)
        self.closed.emit()
