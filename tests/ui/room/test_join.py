"""Turning the Room link on and off: the network, the address and PIN, the banner on the wall, who joined."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.helpers import press
from workshop_app.model import Side
from workshop_app.ui.room import join_panel
from workshop_app.ui.room.join_banner import join_state


def test_the_default_network_is_the_one_with_the_default_route_and_loopback_is_offered(qtbot, demo, fake_link,
                                                                                        monkeypatch):
    from workshop_app.room import Interface

    monkeypatch.setattr("workshop_app.room.interfaces", lambda: [
        Interface("wlan0", "192.168.7.20", True, False), Interface("docker0", "172.17.0.1", False, False),
        Interface("lo", "127.0.0.1", False, True)])
    monkeypatch.setattr(join_panel, "default_address", lambda: "192.168.7.20")
    from workshop_app.ui.room.entry import open_room_link

    dialog = open_room_link(demo)
    addresses = [dialog.join.network.itemData(i) for i in range(dialog.join.network.count())]
    assert dialog.join.address() == "192.168.7.20"
    assert addresses == ["192.168.7.20", "172.17.0.1", "127.0.0.1", "0.0.0.0"]
    dialog.close()


def test_all_interfaces_only_after_the_warning_is_confirmed(qtbot, demo, fake_link, boxes):
    from PySide6.QtWidgets import QMessageBox

    from workshop_app.ui.room.entry import open_room_link

    dialog = open_room_link(demo)
    before = dialog.join.address()
    assert not dialog.join.choose_address("0.0.0.0")  # the warning's default answer is Cancel
    assert dialog.join.address() == before and boxes.shown[-1][1] == "Room link on every network?"
    boxes.answers.append(QMessageBox.StandardButton.Yes)
    assert dialog.join.choose_address("0.0.0.0")
    dialog.close()


def test_on_shows_address_pin_and_qr_and_the_banner_on_the_wall(qtbot, room, demo):
    dialog, link = room
    panel = dialog.join
    assert panel.url.text() == "http://127.0.0.1:8123/" and panel.pin.text() == "PIN 4711"
    assert not panel.qr.pixmap().isNull() and panel.qr.pixmap().width() >= 200
    assert demo.commands.room_link.isChecked()
    press(qtbot, demo, Qt.Key.Key_F5, Qt.KeyboardModifier.ShiftModifier)
    audience = demo.presenter.audience
    qtbot.waitUntil(audience.isVisible, timeout=2000)
    banner = audience.view.join_banner
    assert banner.isVisible() and banner.texts()[1:] == ["http://127.0.0.1:8123/", "PIN 4711"]
    qtbot.mouseClick(panel.new_pin, Qt.MouseButton.LeftButton)
    assert panel.pin.text() == "PIN 9999" and banner.texts()[2] == "PIN 9999"
    panel.joining.setChecked(False)  # joining closed: no banner
    assert not link.joining_open and not banner.isVisible()
    panel.joining.setChecked(True)
    panel.banner.setChecked(False)
    assert link.joining_open and not banner.isVisible()
    panel.banner.setChecked(True)
    assert banner.isVisible()
    qtbot.mouseClick(panel.toggle, Qt.MouseButton.LeftButton)  # off
    assert link.stopped and not banner.isVisible() and not demo.commands.room_link.isChecked()
    assert not join_state(demo.doc).shown


def test_devices_per_side_and_removing_one(qtbot, room):
    dialog, link = room
    link.join("dev-1", Side.MARKETING, "<i>Ana</i>")
    link.join("dev-2", Side.SALES)
    link.join("dev-3", Side.SALES)
    panel = dialog.join
    qtbot.waitUntil(lambda: panel.devices.count() == 3, timeout=3000)
    assert panel.counts.text() == "3 devices joined: Marketing 1, Sales 2"
    assert "<i>Ana</i>" in panel.devices.item(0).text()
    panel.devices.setCurrentRow(0)
    qtbot.mouseClick(panel.kick, Qt.MouseButton.LeftButton)
    assert [d.id for d in link.devices()] == ["dev-2", "dev-3"] and panel.devices.count() == 2


def test_a_server_that_cannot_start_says_why_in_a_sentence(qtbot, demo, fake_link):
    from workshop_app.ui.room.entry import open_room_link

    fake_link.fail_with = "Port 8123 is in use by another program."
    dialog = open_room_link(demo)
    assert not dialog.join.start()
    assert dialog.join.error.text() == "Port 8123 is in use by another program."
    assert dialog.join.error.isVisibleTo(dialog)
    assert not dialog.controller.running and not demo.commands.room_link.isChecked()
    dialog.close()


def test_the_menu_entry_turns_the_server_off_and_on_again_on_the_rooms_network(qtbot, room, demo, monkeypatch):
    dialog, link = room
    demo.commands.room_link.trigger()  # checked → unchecked: off
    assert link.stopped and not dialog.controller.running and not demo.commands.room_link.isChecked()
    monkeypatch.setattr(join_panel, "default_address", lambda: None)  # no network: the window waits for Start
    demo.commands.room_link.trigger()
    assert dialog.isVisible() and dialog.tabs.currentWidget() is dialog.join and not dialog.controller.running
    assert not demo.commands.room_link.isChecked() and dialog.join.no_network.isVisibleTo(dialog)
    monkeypatch.setattr(join_panel, "default_address", lambda: "127.0.0.1")  # the room's network is picked
    demo.commands.room_link.trigger()
    assert dialog.controller.running and demo.commands.room_link.isChecked()
    assert dialog.join.url.text() == "http://127.0.0.1:8123/"


def test_quitting_stops_the_server(qtbot, room):
    from PySide6.QtWidgets import QApplication

    dialog, link = room
    QApplication.instance().aboutToQuit.emit()
    assert link.stopped and not dialog.controller.running


def test_the_last_sessions_queue_comes_back_when_taken_back(qtbot, demo, fake_link, boxes):
    from datetime import datetime

    from workshop_app.model import ElementKind, Phase
    from workshop_app.room import Card, Recovered
    from workshop_app.ui.room.entry import open_room_link

    card = Card("card-old", ElementKind.INSIGHT, Side.SALES, "From before the crash", "", Phase.INVENTORY, datetime.now())
    fake_link.recovered_next = Recovered(cards=(card,))
    dialog = open_room_link(demo)
    assert dialog.join.choose_address("127.0.0.1") and dialog.join.start()
    assert "1 card not yet screened" in boxes.texts()[-1]
    assert [c.id for c in dialog.controller.cards] == ["card-old"] and dialog.queue.list.count() == 1
    dialog.controller.stop()
    dialog.close()


def test_the_room_link_window_fits_a_laptop_screen_in_both_languages(qtbot, demo, fake_link, tmp_path):
    """The test laptop is 1280×720 (tests/ui/conftest.py), smaller than the 1366×768 the window is made for."""
    from workshop_app import i18n
    from workshop_app.ui.room.dialog import RoomLinkDialog
    from workshop_app.ui.room.entry import open_room_link

    dialog = open_room_link(demo)
    assert dialog.join.choose_address("127.0.0.1") and dialog.join.start()
    screen = demo.screen().availableGeometry()
    for lang in ("en", "de"):
        i18n.set_language(lang)
        fresh = RoomLinkDialog(dialog.controller, demo)
        fresh.show()
        qtbot.waitExposed(fresh)
        for index in range(fresh.tabs.count()):
            fresh.tabs.setCurrentIndex(index)
            hint = fresh.minimumSizeHint()
            assert hint.width() <= screen.width() and hint.height() + 40 <= screen.height(), (lang, index, hint)
            fresh.grab().save(str(tmp_path / f"room-{lang}-{index}.png"))
        assert fresh.frameGeometry().height() <= screen.height()
        fresh.close()
        fresh.deleteLater()
    dialog.controller.stop()
    dialog.close()


def test_off_and_on_again_brings_the_queue_back_without_asking(qtbot, room, fake_link, boxes):
    from workshop_app.room import Recovered

    dialog, link = room
    card = link.send_card("Still waiting")
    qtbot.waitUntil(lambda: dialog.controller.card(card.id) is not None, timeout=3000)
    dialog.controller.stop()
    assert dialog.queue.list.count() == 0  # no queue while off: nothing can be accepted behind the server
    fake_link.recovered_next = Recovered(cards=(card,))  # what the journal keeps
    shown = len(boxes.shown)
    assert dialog.join.start()
    assert len(boxes.shown) == shown and [c.id for c in dialog.controller.cards] == [card.id]


def test_phones_follow_the_phase_on_the_wall(qtbot, room, demo):
    from workshop_app.model import Phase

    _dialog, link = room
    demo.go_to_phase(Phase.CULTURE_PILOT)
    qtbot.waitUntil(lambda: link.published and link.published[-1].phase == Phase.CULTURE_PILOT, timeout=3000)
    assert link.published[-1].card_kinds[0] == "belief"


def test_a_server_that_stops_by_itself_says_so_and_the_window_carries_on(qtbot, room, demo):
    from workshop_app.room import ServerStopped

    dialog, link = room
    link._put(ServerStopped("the network went away"))
    qtbot.waitUntil(lambda: not dialog.controller.running, timeout=3000)
    assert demo.message_bar.current_text() == "The Room link stopped: the network went away"
    assert not demo.commands.room_link.isChecked() and dialog.join.toggle.text() == "&Start the Room link"
