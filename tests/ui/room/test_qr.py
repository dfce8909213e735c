"""The QR codes a phone scans decode to the join address: in the window, on the wall, and from afar."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from tests.ui.helpers import press
from workshop_app.ui.room.join_panel import QR_SIDE
from workshop_app.ui.room.qr import qr_pixmap

zxingcpp = pytest.importorskip("zxingcpp", reason="zxing-cpp (a test dependency) reads the codes")


def decoded(image: QImage, scale: float = 1.0) -> list[str]:
    """The texts of the QR codes a barcode reader finds in ``image`` (shrunk by ``scale``, smoothly)."""
    import numpy as np

    if scale != 1.0:
        image = image.scaledToWidth(max(1, int(image.width() * scale)), Qt.TransformationMode.SmoothTransformation)
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    rows = np.frombuffer(grey.constBits(), dtype=np.uint8).reshape(grey.height(), grey.bytesPerLine())
    pixels = np.ascontiguousarray(rows[:, :grey.width()])
    return [found.text for found in zxingcpp.read_barcodes(pixels) if found.format == zxingcpp.BarcodeFormat.QRCode]


@pytest.mark.parametrize("url", ["http://192.168.178.20:51234/", "https://[fe80::1a2b:3c4d:5e6f:7081]:65535/",
                                 "http://10.0.0.5:8080/"])
def test_a_code_of_every_kind_of_address_reads_back(qtbot, url):
    assert decoded(qr_pixmap(url, QR_SIDE).toImage()) == [url]


def test_the_codes_in_the_window_and_on_the_wall_read_back_as_the_join_address(qtbot, room, demo):
    dialog, link = room
    url = link.join_info.url
    assert decoded(dialog.join.qr.grab().toImage()) == [url]
    press(qtbot, demo, Qt.Key.Key_F5, Qt.KeyboardModifier.ShiftModifier)
    audience = demo.presenter.audience
    qtbot.waitUntil(audience.isVisible, timeout=2000)
    banner = audience.view.join_banner
    qtbot.waitUntil(banner.isVisible, timeout=2000)
    wall = banner.grab().toImage()
    assert decoded(wall) == [url]
    # a phone at the back of the room sees the wall small: a third of its size still reads
    assert decoded(wall, scale=1 / 3) == [url]
