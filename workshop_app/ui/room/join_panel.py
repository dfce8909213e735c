"""Turning the Room link on: which network, the address, the PIN and QR code, and who has joined.

Why the facilitator picks the network: a laptop often has several (the
venue's Wi-Fi, its own hotspot, a cable, a VPN). The default is the one with
the default route; loopback is offered for trying it on this laptop alone;
"all interfaces" would expose the room on every network at once and is only
offered after a warning. The page is plain HTTP unless a certificate file is
given, and the panel says so.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workshop_app.i18n import _, ngettext
from workshop_app.model import Side
from workshop_app.room import default_address
from workshop_app.ui.room.controller import RoomController
from workshop_app.ui.widgets.labels import side_name
from workshop_app.ui.widgets.plain import PlainLabel, make_plain, shown

ALL_INTERFACES = "0.0.0.0"
QR_SIDE = 260  # pixels in the panel: large enough to scan from the laptop's screen across a table
DEVICE_ROLE = Qt.ItemDataRole.UserRole


def interface_choices() -> list[tuple[str, str]]:
    """(label, address): the default interface first, others, loopback; "all interfaces" last."""
    from workshop_app.room import interfaces

    try:
        found = interfaces()
    except Exception:  # no psutil, no permission: loopback still works
        found = []
    choices = []
    for i in found:
        if i.is_loopback:
            label = _("{address} — this laptop only (for trying it)").format(address=i.address)
        elif i.is_default:
            label = _("{address} — {name} (the room's network)").format(address=i.address, name=i.name)
        else:
            label = f"{i.address} — {i.name}"
        choices.append((label, i.address))
    if not any(address.startswith("127.") for _label, address in choices):
        choices.append((_("{address} — this laptop only (for trying it)").format(address="127.0.0.1"), "127.0.0.1"))
    choices.append((_("All interfaces (every network this laptop is on)"), ALL_INTERFACES))
    return choices


class JoinPanel(QWidget):
    """Network, on/off, HTTPS files; when on: QR code, address, PIN, devices."""

    def __init__(self, controller: RoomController, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        self.setObjectName("room_join")
        self.network = QComboBox()
        self.network.setObjectName("room_network")
        self.network.setAccessibleName(_("Network to serve the room on"))
        self._chosen = 0
        self.fill_networks()
        self.network.activated.connect(self._network_chosen)
        self.toggle = QPushButton()
        self.toggle.setObjectName("room_toggle")
        self.toggle.setCheckable(True)
        self.toggle.clicked.connect(self._toggle_clicked)
        self.no_network = PlainLabel()
        self.no_network.setObjectName("room_no_network")
        self.no_network.setWordWrap(True)
        self.no_network.setProperty("role", "h3")
        self.error = PlainLabel()
        self.error.setObjectName("room_error")
        self.error.setWordWrap(True)
        self.error.setProperty("role", "h3")
        self.note = PlainLabel(_("The page is plain HTTP: anyone on this network could read what phones send. "
                                 "Use the room's own network or the laptop's hotspot. Phones refuse self-signed "
                                 "certificates, so HTTPS needs a certificate your company provides."))
        self.note.setWordWrap(True)
        self.note.setProperty("role", "hint")
        self.certfile, self.keyfile = QLineEdit(), QLineEdit()
        self.certfile.setObjectName("room_certfile")
        self.keyfile.setObjectName("room_keyfile")
        self.certfile.setPlaceholderText(_("Certificate file (PEM), optional"))
        self.keyfile.setPlaceholderText(_("Key file (PEM), if not in the certificate file"))
        https = QGroupBox(_("HTTPS (optional)"))
        grid = QGridLayout(https)
        for row, (edit, title) in enumerate(((self.certfile, _("Choose the certificate file")),
                                             (self.keyfile, _("Choose the key file")))):
            browse = QPushButton(_("Choose…"))
            browse.clicked.connect(lambda _c=False, e=edit, t=title: self._browse(e, t))
            grid.addWidget(edit, row, 0)
            grid.addWidget(browse, row, 1)

        self.qr = make_plain(QLabel())
        self.qr.setObjectName("room_qr")
        self.qr.setFixedSize(QR_SIDE, QR_SIDE)
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.url = PlainLabel()
        self.url.setObjectName("room_url")
        self.url.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.pin = PlainLabel()
        self.pin.setObjectName("room_pin")
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 1.8)
        big.setBold(True)
        self.pin.setFont(big)
        self.url.setFont(QFont(big.family(), int(self.font().pointSizeF() * 1.2), QFont.Weight.Bold))
        self.new_pin = QPushButton(_("New &PIN"))
        self.new_pin.setObjectName("room_new_pin")
        self.new_pin.setToolTip(_("The old PIN stops working; phones that joined stay"))
        self.new_pin.clicked.connect(controller.new_pin)
        self.joining = QCheckBox(_("Joining &open"))
        self.joining.setObjectName("room_joining")
        self.joining.toggled.connect(controller.set_joining_open)
        self.banner = QCheckBox(_("Show the join &banner on the projector"))
        self.banner.setObjectName("room_banner")
        self.banner.toggled.connect(controller.set_banner_on_wall)
        self.counts = PlainLabel()
        self.counts.setObjectName("room_counts")
        self.devices = QListWidget()
        self.devices.setObjectName("room_devices")
        self.devices.setAccessibleName(_("Joined devices"))
        self.kick = QPushButton(_("&Remove device"))
        self.kick.setObjectName("room_kick")
        self.kick.setToolTip(_("Its phone must join again with the PIN"))
        self.kick.clicked.connect(self.kick_selected)
        self.devices.currentItemChanged.connect(lambda *_a: self.kick.setEnabled(self.devices.currentItem() is not None))

        top = QHBoxLayout()
        top.addWidget(PlainLabel(_("Network:")))
        top.addWidget(self.network, 1)
        top.addWidget(self.toggle)
        left = QVBoxLayout()
        left.addLayout(top)
        left.addWidget(self.no_network)
        left.addWidget(self.error)
        left.addWidget(self.note)
        left.addWidget(https)
        left.addWidget(self.counts)
        left.addWidget(self.devices, 1)
        kick_row = QHBoxLayout()
        kick_row.addStretch(1)
        kick_row.addWidget(self.kick)
        left.addLayout(kick_row)
        left.addStretch(0)  # takes the height while the devices list is hidden (Room link off)
        right = QVBoxLayout()
        right.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignHCenter)
        right.addWidget(self.url)
        right.addWidget(self.pin)
        pin_row = QHBoxLayout()
        pin_row.addWidget(self.new_pin)
        pin_row.addStretch(1)
        right.addLayout(pin_row)
        right.addWidget(self.joining)
        right.addWidget(self.banner)
        right.addStretch(1)
        self.join_box = QWidget()
        self.join_box.setObjectName("room_join_box")
        self.join_box.setLayout(right)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addWidget(self.join_box, 2)
        controller.state_changed.connect(self.refresh)
        self._qr_for = ""
        self.refresh()

    # -- network ------------------------------------------------------------------------------------
    def fill_networks(self) -> None:
        """The laptop's networks as they are now; the one picked stays picked if it is still there."""
        if self.controller.running:
            return
        kept = self.address() if self.network.count() and self.address() != ALL_INTERFACES else None
        self.network.clear()
        for label, address in interface_choices():
            self.network.addItem(label, address)
        index = self.network.findData(kept) if kept else -1
        if index < 0:
            index = self.network.findData(default_address() or "127.0.0.1")
        self.network.setCurrentIndex(max(index, 0))
        self._chosen = self.network.currentIndex()

    def address(self) -> str:
        return str(self.network.currentData() or "")

    def on_room_network(self) -> bool:
        """The picked network is the one with the default route (not loopback, not all interfaces)."""
        default = default_address()
        return default is not None and self.address() == default

    def choose_address(self, address: str) -> bool:
        index = self.network.findData(address)
        if index < 0:
            return False
        self.network.setCurrentIndex(index)
        self._network_chosen(index)
        return self.address() == address

    def _network_chosen(self, index: int) -> None:
        if self.network.itemData(index) == ALL_INTERFACES:
            answer = QMessageBox.warning(
                self, _("Room link on every network?"),
                _("On all interfaces, anyone on any network this laptop is connected to (a VPN, a cable, "
                  "a second Wi-Fi) can reach the page and try the PIN. Use it only if the room's network "
                  "is not in the list."),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Yes:
                self.network.setCurrentIndex(self._chosen)
                return
        self._chosen = self.network.currentIndex()

    def _browse(self, edit: QLineEdit, title: str) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, title, edit.text(), _("Certificates (*.pem *.crt *.key);;All files (*)"))
        if path:
            edit.setText(path)

    # -- on and off ---------------------------------------------------------------------------------
    def _toggle_clicked(self, on: bool) -> None:
        if on:
            self.start()
        else:
            self.controller.stop()

    def start(self) -> bool:
        cert = Path(self.certfile.text().strip()) if self.certfile.text().strip() else None
        key = Path(self.keyfile.text().strip()) if self.keyfile.text().strip() else None
        done = self.controller.start(self.address(), cert, key)
        self.refresh()
        return done

    def kick_selected(self) -> None:
        item = self.devices.currentItem()
        if item is not None:
            self.controller.kick(item.data(DEVICE_ROLE))

    # -- showing ------------------------------------------------------------------------------------
    def refresh(self) -> None:
        c = self.controller
        running = c.running
        self.toggle.setChecked(running)
        self.toggle.setText(_("&Stop the Room link") if running else _("&Start the Room link"))
        self.network.setEnabled(not running)
        self.certfile.setEnabled(not running)
        self.keyfile.setEnabled(not running)
        no_network = default_address() is None
        self.no_network.setText(_("No network found: only “this laptop only” works. Connect to the room's Wi-Fi or "
                                  "turn on the laptop's hotspot, then open this window again.") if no_network else "")
        self.no_network.setVisible(no_network and not running)
        self.error.setText(c.last_error)
        self.error.setVisible(bool(c.last_error) and not running)
        self.join_box.setVisible(running)
        info = c.info
        if running and info is not None:
            if self._qr_for != info.url:
                from workshop_app.ui.room.qr import qr_pixmap

                self.qr.setPixmap(qr_pixmap(info.url, QR_SIDE))
                self._qr_for = info.url
            self.url.setText(info.url)
            self.pin.setText(_("PIN {pin}").format(pin=info.pin))
        self.joining.blockSignals(True)
        self.joining.setChecked(c.joining_open)
        self.joining.blockSignals(False)
        self.banner.blockSignals(True)
        self.banner.setChecked(c.banner_on_wall)
        self.banner.blockSignals(False)
        devices = c.devices if running else ()
        per_side = {side: sum(1 for d in devices if d.side == side) for side in (Side.MARKETING, Side.SALES)}
        self.counts.setText(
            ngettext("{n} device joined", "{n} devices joined", len(devices)).format(n=len(devices)) + ": " +
            ", ".join(f"{side_name(side)} {n}" for side, n in per_side.items()) if running else "")
        self.counts.setVisible(running)
        self.devices.setVisible(running)
        self.kick.setVisible(running)
        current = self.devices.currentItem().data(DEVICE_ROLE) if self.devices.currentItem() else None
        self.devices.clear()
        for device in devices:
            name = shown(device.name) or _("(no name)")
            item = QListWidgetItem(f"{side_name(device.side)} · {name} · {device.joined_at.strftime('%H:%M')}")
            item.setData(DEVICE_ROLE, device.id)
            self.devices.addItem(item)
            if device.id == current:
                self.devices.setCurrentItem(item)
        self.kick.setEnabled(self.devices.currentItem() is not None)
