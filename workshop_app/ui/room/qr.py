"""The join address as a QR code picture: ``segno`` draws it as PNG bytes, Qt shows them.

segno is imported here, when a code is first drawn, not when the window starts.
The code is drawn with a quiet zone and no smoothing when scaled, so a phone
reads it from the back of the room.
"""

from __future__ import annotations

import io

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap


def qr_png(text: str, scale: int = 10) -> bytes:
    """``text`` as a QR code in PNG bytes (error correction M: a projector's glare costs a few modules)."""
    import segno

    buffer = io.BytesIO()
    segno.make(text, error="m").save(buffer, kind="png", scale=scale, border=3, dark="#000000", light="#ffffff")
    return buffer.getvalue()


def qr_pixmap(text: str, size: int) -> QPixmap:
    """A square pixmap about ``size`` pixels wide showing ``text`` as a QR code."""
    pixmap = QPixmap()
    pixmap.loadFromData(qr_png(text), "PNG")
    return pixmap.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.FastTransformation)
