"""The join banner on the wall: QR code, address and PIN, so the room can join from their phones.

Why a painted strip under the phase view: the audience window and
presentation mode are both an ``AudienceView``; one line there
(:func:`attach_join_banner`) puts the banner in both. It shows only while
the Room link runs, joining is open and the facilitator wants it on the wall
(:class:`JoinState`, one per document, set by the controller). Blank and
freeze cover it like the rest of the wall, because it lives on the live layer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRect, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

from workshop_app.i18n import _
from workshop_app.ui.widgets.theme import INK, MUTED, PAPER

if TYPE_CHECKING:
    from workshop_app.ui.document import Document
    from workshop_app.ui.projector.audience_view import AudienceView

STATE_NAME = "room_join_state"
QR_LINES = 10  # the code is this many text lines high: readable from the back of a room (it goes when joining closes)


class JoinState(QObject):
    """What the banner shows: the address and PIN while joining is open and shown, else nothing."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.setObjectName(STATE_NAME)
        self.url = ""
        self.pin = ""

    def set(self, url: str = "", pin: str = "") -> None:
        if (url, pin) != (self.url, self.pin):
            self.url, self.pin = url, pin
            self.changed.emit()

    @property
    def shown(self) -> bool:
        return bool(self.url)


def join_state(doc: Document) -> JoinState:
    """The document's join state (made on first use, owned by the document)."""
    found = doc.findChild(JoinState, STATE_NAME)
    return found if found is not None else JoinState(doc)


class JoinBanner(QWidget):
    """QR code on the left, "Join: address" and the PIN large beside it."""

    def __init__(self, state: JoinState, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("join_banner")
        self.state = state
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._qr: QPixmap | None = None
        self._qr_for: tuple[str, int] = ("", 0)
        state.changed.connect(self.follow)
        self.follow()

    def follow(self) -> None:
        self._fit()
        self.setVisible(self.state.shown)
        self.update()

    def _line(self) -> int:
        return QFontMetrics(self.font()).height()

    def _fit(self) -> None:
        self.setFixedHeight(self._line() * QR_LINES + self._line())

    def changeEvent(self, event) -> None:  # Qt override
        super().changeEvent(event)
        if event.type() == event.Type.FontChange:
            self._fit()

    def qr(self, side: int) -> QPixmap:
        if self._qr is None or self._qr_for != (self.state.url, side):
            from workshop_app.ui.room.qr import qr_pixmap

            self._qr, self._qr_for = qr_pixmap(self.state.url, side), (self.state.url, side)
        return self._qr

    def texts(self) -> list[str]:
        """The lines next to the code (for tests and screen readers)."""
        return [_("Join from your phone"), self.state.url, _("PIN {pin}").format(pin=self.state.pin)]

    def paintEvent(self, _event: QPaintEvent) -> None:  # Qt override
        if not self.state.shown:
            return
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(PAPER))
        line = self._line()
        painter.setPen(QPen(QColor(INK), max(2, line // 10)))
        painter.drawLine(0, line // 4, self.width(), line // 4)
        side = line * QR_LINES
        top = line // 2 + line // 4
        painter.drawPixmap(0, top, self.qr(side))
        left, width = side + line, self.width() - side - line
        heading, address, pin = self.texts()
        fonts = [self._font(1.0, False), self._font(1.5, True), self._font(2.4, True)]
        colours = [MUTED, INK, INK]
        y = top
        for text, font, colour in zip((heading, address, pin), fonts, colours, strict=True):
            painter.setFont(font)
            painter.setPen(QColor(colour))
            height = QFontMetrics(font).height()
            painter.drawText(QRect(left, y, width, height), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideMiddle, width))
            y += int(height * 1.25)
        painter.end()

    def _font(self, factor: float, bold: bool) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(self.font().pointSizeF(), 6.0) * factor)
        font.setBold(bold)
        return font


def attach_join_banner(view: AudienceView) -> JoinBanner:
    """Put the join banner under ``view``'s phase content (hidden until the Room link shows it)."""
    banner = JoinBanner(join_state(view.doc), view.live)
    view.live_layout.addWidget(banner)
    return banner
