"""An inline message bar above the page: why an edit was refused, or that the file is read-only.

A refused edit used to pop a modal box. In front of the room that stops the
facilitator mid-sentence and has to be clicked away; the bar says the same
thing where the eye already is, keeps the typing going, and goes away by
itself (or with Esc / its close button). A read-only workshop gets a bar that
stays, so the reason fields cannot be edited is always in sight.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QSizePolicy, QToolButton, QWidget

from workshop_app.i18n import _
from workshop_app.ui.widgets.plain import PlainLabel, plain_tooltip

#: How long a refusal stays in view; long enough to read twice aloud.
REFUSAL_MS = 12_000


class MessageBar(QFrame):
    """One line of plain text with an optional action button and a close button."""

    #: The action button was pressed (e.g. "Save as…" for a read-only workshop).
    action_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("message_bar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(_("Message"))
        self.text = PlainLabel()  # user text is data, never markup
        self.text.setObjectName("message_text")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.action = QPushButton()
        self.action.setObjectName("message_action")
        self.action.clicked.connect(self.action_requested)
        self.close_button = QToolButton()
        self.close_button.setObjectName("message_close")
        self.close_button.setText("✕")
        self.close_button.setToolTip(plain_tooltip(_("Close this message")))
        self.close_button.setAccessibleName(_("Close this message"))
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 6, 6)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.action)
        layout.addWidget(self.close_button)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.dismiss)
        self._persistent: tuple[str, str] | None = None  # (text, action) shown when nothing else is
        self.setProperty("kind", "info")
        # a row of the layout above the page, never squeezed under it: the page moves down by its height
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.hide()

    def show_refusal(self, message: str) -> None:
        """Say why a change was not made; hides itself after :data:`REFUSAL_MS`."""
        self._show(message, "", "warning")
        self._timer.start(REFUSAL_MS)

    def set_persistent(self, message: str | None, action_text: str = "") -> None:
        """A standing notice (or none) that comes back whenever a refusal goes away."""
        self._persistent = (message, action_text) if message else None
        if not self._timer.isActive():
            self.dismiss()

    def dismiss(self) -> None:
        """Close the current refusal; a standing notice stays (it cannot be closed)."""
        self._timer.stop()
        if self._persistent:
            self._show(*self._persistent, "info")
        else:
            self.hide()

    def current_text(self) -> str:
        return self.text.text() if self.isVisible() else ""

    def _show(self, message: str, action_text: str, kind: str) -> None:
        self.text.setText(message)
        self.action.setText(action_text)
        self.action.setVisible(bool(action_text))
        self.close_button.setVisible(kind != "info" or not self._persistent)
        self.setProperty("kind", kind)
        self.style().unpolish(self)
        self.style().polish(self)
        self.show()
