"""Nothing lost: what phones sent to a window that went away comes back in the next window's Room link."""

from __future__ import annotations

import http.cookiejar
import json
import urllib.request

from workshop_app.model import Phase
from workshop_app.store.demo import load_demo


class Phone:
    """A participant's phone over plain HTTP: a cookie jar and the CSRF token the server hands out."""

    def __init__(self, url: str):
        self.url = url
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        self.csrf = "join"

    def post(self, path: str, body: dict) -> dict:
        request = urllib.request.Request(self.url + path.lstrip("/"), data=json.dumps(body).encode(), method="POST",
                                         headers={"Content-Type": "application/json", "X-CSRF-Token": self.csrf})
        with self.opener.open(request, timeout=10) as answer:
            return json.loads(answer.read())

    def join(self, pin: str, side: str) -> None:
        self.csrf = self.post("/api/join", {"pin": pin, "side": side, "name": ""})["csrf"]


def test_cards_of_a_window_that_died_come_back_when_taken_back(qtbot, window, tmp_path, monkeypatch, boxes):
    from PySide6.QtWidgets import QMessageBox

    from workshop_app.ui.room.controller import RoomController

    monkeypatch.setenv("TANDEM_DATA_DIR", str(tmp_path / "data"))
    window.set_workshop(load_demo("en"), None)
    window.go_to_phase(Phase.INVENTORY)
    first = RoomController(window)  # the window that will "crash": its server is never stopped cleanly
    assert first.start("127.0.0.1"), first.last_error
    phone = Phone(first.info.url)
    phone.join(first.info.pin, "marketing")
    phone.post("/api/cards", {"kind": "insight", "title": "Customers ask for case studies", "detail": ""})
    qtbot.waitUntil(lambda: len(first.cards) == 1, timeout=10_000)
    dying = first.link
    first.link = first.info = None  # the window is gone; the journal on disk is all that is left
    dying.stop()
    first.deleteLater()

    second = RoomController(window)
    boxes.answers.append(QMessageBox.StandardButton.Yes)
    assert second.start("127.0.0.1"), second.last_error
    assert "1 card not yet screened" in boxes.texts()[-1]
    assert [c.title for c in second.cards] == ["Customers ask for case studies"]
    assert second.accept(second.cards[0])
    assert any(el.title == "Customers ask for case studies" for el in window.doc.workshop.elements)
    assert second.link.pending_cards() == ()
    second.stop()
