"""The menu's way in: open the Room link window, turn the server on and off.

Imported lazily by the menu action (``ui/window/actions.py``), so start-up
never loads aiohttp, segno or this package.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workshop_app.ui.room.controller import controller_for
from workshop_app.ui.room.dialog import DIALOG_NAME, RoomLinkDialog

if TYPE_CHECKING:
    from workshop_app.ui.window.main_window import MainWindow


def room_dialog(window: MainWindow) -> RoomLinkDialog:
    """The window's Room link dialog, made on first use."""
    found = window.findChild(RoomLinkDialog, DIALOG_NAME)
    if found is None:
        controller = controller_for(window)
        assert controller is not None
        found = RoomLinkDialog(controller, window)
        action = window.commands.room_link  # the menu's check mark follows the server
        if action is not None:
            controller.state_changed.connect(lambda: action.setChecked(controller.running))
    return found


def open_room_link(window: MainWindow) -> RoomLinkDialog:
    """Show the Room link window (the facilitator picks the network there and starts it)."""
    dialog = room_dialog(window)
    dialog.join.fill_networks()  # a network may have come or gone since it was last open
    dialog.join.refresh()
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


def toggle_room_link(window: MainWindow, on: bool | None = None) -> None:
    """The checkable menu entry: on starts the server on the room's network and shows its window (without a
    network, or with another network picked, the window waits for the facilitator's Start); off stops it."""
    action = window.commands.room_link
    if on is None:
        on = action.isChecked() if action is not None else True
    dialog = room_dialog(window)
    controller = dialog.controller
    if on and not controller.running:
        open_room_link(window)
        dialog.tabs.setCurrentWidget(dialog.join)
        if dialog.join.on_room_network():  # the usual case: one click, and the QR code is up
            dialog.join.start()
    elif not on and controller.running:
        controller.stop()
    if action is not None:
        action.setChecked(controller.running)
