"""The coloured strip "What if: <name> — not agreed" above every page while a scenario is edited.

It sits above the phase header (inserted into the window's layout from
outside, so the window's own code needs no change) and offers the way back.
Its colour is the scenario colour the projector and the compare panel use too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QBoxLayout, QFrame, QHBoxLayout, QLayout, QPushButton, QWidget

from workshop_app.i18n import _
from workshop_app.ui.widgets.plain import PlainLabel, plain_tooltip

if TYPE_CHECKING:
    from workshop_app.ui.window.main_window import MainWindow

#: A deep purple, apart from the sides' blue and orange and the conflicts' vermilion; white text on it is 9:1.
SCENARIO_COLOUR = "#5B2A86"
SCENARIO_TEXT = "#FFFFFF"


def banner_text(name: str) -> str:
    return _("What if: {name} — not agreed").format(name=name)


class ScenarioBanner(QFrame):
    """One line: what scenario the pages show, and the button back to today."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("scenario_banner")
        self.setStyleSheet(f"#scenario_banner {{ background: {SCENARIO_COLOUR}; }}"
                           f"#scenario_banner QLabel {{ color: {SCENARIO_TEXT}; font-weight: bold; }}")
        self.text = PlainLabel()
        self.text.setObjectName("scenario_banner_text")
        self.back = QPushButton(_("Back to today"))
        self.back.setObjectName("scenario_back")
        self.back.setToolTip(plain_tooltip(_("Leave the scenario: the workshop is shown exactly as it was; "
                                             "the scenario is kept and can be opened again")))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 4, 12, 4)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.back)
        self.hide()

    def show_scenario(self, name: str) -> None:
        self.text.setText(banner_text(name))
        self.show()

    def show_today(self) -> None:
        self.hide()


def _holding(layout: QLayout, widget: QWidget) -> tuple[QBoxLayout, int] | None:
    """The box layout (searched through nested layouts) that holds ``widget``, and its index there."""
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item.widget() is widget and isinstance(layout, QBoxLayout):
            return layout, index
        inner = item.layout()
        if inner is not None:
            found = _holding(inner, widget)
            if found is not None:
                return found
    return None


def install_banner(window: MainWindow) -> ScenarioBanner:
    """A banner above the window's phase header (or at the top of its central widget)."""
    banner = ScenarioBanner()
    banner.back.clicked.connect(lambda: _back(window))
    central = window.centralWidget()
    found = _holding(central.layout(), window.header) if central is not None and central.layout() else None
    if found is not None:
        found[0].insertWidget(found[1], banner)
    else:
        banner.setParent(window)
    return banner


def _back(window: MainWindow) -> None:
    from workshop_app.ui.whatif.controller import what_if

    what_if(window).leave()
