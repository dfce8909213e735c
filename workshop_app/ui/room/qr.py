"""The join address as a QR code picture: ``segno`` draws it as PNG bytes, Qt shows them.

segno is imported here, when a code is first drawn, not when the window starts.
The code is drawn at a whole number of pixels per module (no resampling, so
every module is equally wide) with a quiet zone, so a phone reads it from the
back of the room.
"""

from __future__ import annotations

import io

from PySide6.QtGui import QPixmap

BORDER = 3  # modules of quiet zone around the code


def qr_png(text: str, side: int = 300) -> bytes:
    """``text`` as a QR code in PNG bytes, at most ``side`` pixels wide (error correction M: glare costs a few)."""
    import segno

    code = segno.make(text, error="m")
    modules = code.symbol_size(scale=1, border=BORDER)[0]
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=max(1, side // modules), border=BORDER, dark="#000000", light="#ffffff")
    return buffer.getvalue()


def qr_pixmap(text: str, side: int) -> QPixmap:
    """A square pixmap at most ``side`` pixels wide showing ``text`` as a QR code."""
    pixmap = QPixmap()
    pixmap.loadFromData(qr_png(text, side), "PNG")
    return pixmap
