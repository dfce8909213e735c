"""The projector theme: one colour language with the graph, contrast that survives a projector.

Why this module exists: a projector washes out light greys, pale fills and
thin lines, and about one man in twelve in the room does not tell red from
green. So on the wall

* the two sides use the Okabe–Ito pair of the graph and the PDF minutes
  (``export/graph_style``: Marketing blue, Sales orange, joint bluish green;
  vermillion stays reserved for conflicts), and every side is also named in
  words, never told by colour alone;
* text is black on white, and text *in* a colour or *on* a colour keeps at
  least the WCAG AA ratio of 4.5:1 (:func:`contrast_ratio`; the tests check
  every pair used). Orange on white is only 2.3:1, so orange is a fill with
  black text on it, and a darker orange is used where it has to be text.

The side colours come from :mod:`workshop_app.palette`, the one source the
graph pictures and the PDF minutes use too.
"""

from __future__ import annotations

from functools import cache

from workshop_app import palette
from workshop_app.model import Side

# -- the Okabe–Ito fills (workshop_app.palette) ----------------------------------
SIDE_FILLS = {side: palette.SIDE_FILLS[side.value] for side in Side}
MARKETING_FILL, SALES_FILL, JOINT_FILL = (SIDE_FILLS[s] for s in (Side.MARKETING, Side.SALES, Side.JOINT))
CONFLICT_FILL = palette.CONFLICT

#: Text on a side's fill: white on blue (5.2:1), black on orange (9.3:1) and on green (6.1:1).
ON_SIDE_FILL = {Side.MARKETING: "#FFFFFF", Side.SALES: "#000000", Side.JOINT: "#000000"}

#: A side's colour used *as text* on white or the editor's light greys: the fill itself where it
#: is dark enough, else the same hue darkened until it reaches 4.5:1 on every editor background.
SIDE_TEXT = {side: palette.SIDE_TEXT[side.value] for side in Side}

#: The editor's light backgrounds that side-coloured text sits on (card, alternate row, page).
EDITOR_BACKGROUNDS = ("#FFFFFF", "#F6F8FA", "#EEF1F4")

# -- the projector palette -----------------------------------------------------
PAPER = "#FFFFFF"
INK = "#000000"
MUTED = "#333333"  # 12.6:1 on white: secondary lines stay readable on a washed-out wall
RULE = "#000000"
FAINT_RULE = "#8C8C8C"
SELECTED_FILL = "#FFF1B8"  # behind the followed entry, always with a thick black frame too
DONE = "#006E52"  # 6.3:1 on white
TIME_WARN = "#8F5B00"  # 5.7:1
TIME_ALERT = "#B83700"  # 5.8:1
BLANK = "#000000"

#: The editor greys out entries hidden from the audience (still 4.5:1 on white: they are being edited).
HIDDEN_TEXT = "#6B6B6B"
HIDDEN_MARK = "#4A4A4A"

#: Presentation type scale: steps for Ctrl+Plus/Minus; 1.6 × the editor's type by default.
SCALE_STEPS = (1.0, 1.2, 1.4, 1.6, 1.8, 2.0, 2.3, 2.6, 3.0)
DEFAULT_SCALE = 1.6


def relative_luminance(colour: str) -> float:
    """WCAG 2.x relative luminance of ``#RRGGBB``."""
    value = colour.lstrip("#")
    channels = [int(value[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG contrast ratio (1 … 21) of two colours; 4.5 is the AA minimum for text."""
    a, b = sorted((relative_luminance(foreground), relative_luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def nearest_scale_index(scale: float) -> int:
    """The step of :data:`SCALE_STEPS` closest to ``scale`` (a stored value may be anything)."""
    return min(range(len(SCALE_STEPS)), key=lambda i: abs(SCALE_STEPS[i] - scale))


@cache
def hidden_icon(size: int = 32):
    """An eye with a slash through it: the editor's mark for "not shown to the audience".

    Drawn rather than taken from a font because no common font has an eye-slash glyph.
    """
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(QColor(HIDDEN_MARK), size / 12)
    painter.setPen(pen)
    s = float(size)
    eye = QPainterPath()
    eye.moveTo(s * 0.08, s * 0.5)
    eye.quadTo(s * 0.5, s * 0.08, s * 0.92, s * 0.5)
    eye.quadTo(s * 0.5, s * 0.92, s * 0.08, s * 0.5)
    painter.drawPath(eye)
    painter.drawEllipse(QRectF(s * 0.38, s * 0.38, s * 0.24, s * 0.24))
    pen.setWidthF(size / 9)
    painter.setPen(pen)
    painter.drawLine(QPointF(s * 0.16, s * 0.86), QPointF(s * 0.84, s * 0.14))
    painter.end()
    return QIcon(pixmap)

