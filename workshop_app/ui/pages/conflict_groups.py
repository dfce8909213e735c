"""The Conflicts page's group tabs (the room's conflicts, new findings, set aside) that never cut their text.

Why a tab bar of its own: the selected tab is drawn semibold (the window's
style sheet), wider than the size Qt reserves for it once the bar is short of
room, so "Zielkonflikte (12)" came out as "ielkonflikte (12" on a laptop.
Here every tab is sized for its text in semibold, and when the full names
do not fit the bar's width the tabs say it shorter ("Konflikte (12)",
"Neu (2)") with the full name in the tooltip; the bar's minimum width is
what the short names need, so the layout never squeezes it further.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QTabBar, QWidget

from workshop_app.i18n import _
from workshop_app.ui.pages.conflict_triage import GROUP_HINTS, GROUP_NAMES, GROUP_SHORT_NAMES, Group
from workshop_app.ui.widgets.plain import plain_tooltip

#: The tabs' style (this bar's own sheet) and the window sheet's gap between tabs, in pixels.
PAD_X, PAD_Y, GAP = 7, 5, 2
STYLE = f"QTabBar::tab {{ padding: {PAD_Y}px {PAD_X}px; }}"


class GroupTabs(QTabBar):
    """Tabs whose data is a :class:`Group`; ``setTabText`` takes the full text ("Conflicts (12)")."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setStyleSheet(STYLE)
        self._full: dict[int, str] = {}
        self.short = False  # the tabs show their short names now

    # -- what a tab says -------------------------------------------------------
    def full_text(self, index: int) -> str:
        return self._full.get(index, super().tabText(index))

    def _short_text(self, index: int) -> str:
        full, group = self.full_text(index), self.tabData(index)
        if group is None:
            return full
        group = Group(group)
        return full.replace(_(GROUP_NAMES[group]), _(GROUP_SHORT_NAMES[group]), 1)

    def setTabText(self, index: int, text: str) -> None:  # Qt override: keeps the full text
        self._full[index] = text
        self._show(index)
        self._fit()

    def _show(self, index: int) -> None:
        text = self._short_text(index) if self.short else self.full_text(index)
        if super().tabText(index) != text:
            super().setTabText(index, text)
        group = self.tabData(index)
        if group is not None:
            hint = _(GROUP_HINTS[Group(group)])
            self.setTabToolTip(index, plain_tooltip(f"{self.full_text(index)}\n{hint}" if self.short else hint))

    # -- sizes -----------------------------------------------------------------
    def _text_width(self, text: str) -> int:
        font = QFont(self.font())
        font.setWeight(QFont.Weight.DemiBold)  # as the selected tab is drawn (the widest it gets)
        return QFontMetrics(font).horizontalAdvance(text) + 2 * PAD_X + GAP + 2

    def _needed(self, short: bool) -> int:
        texts = [self._short_text(i) if short else self.full_text(i) for i in range(self.count()) if self.isTabVisible(i)]
        return sum(self._text_width(t) for t in texts)

    def _fit(self) -> None:
        """Full names while they fit the bar's width, short ones when not; never narrower than the short ones."""
        self.setMinimumWidth(self._needed(True) + 4)  # a pixel or two of rounding in the tab layout
        short = self.width() < self._needed(False)
        if short != self.short:
            self.short = short
            for index in range(self.count()):
                self._show(index)

    def tabSizeHint(self, index: int) -> QSize:  # Qt override
        hint = super().tabSizeHint(index)
        return QSize(max(hint.width(), self._text_width(self.tabText(index))), hint.height())

    def minimumTabSizeHint(self, index: int) -> QSize:  # Qt override: a tab is not elided below its text
        return self.tabSizeHint(index)

    def resizeEvent(self, event) -> None:  # Qt override
        super().resizeEvent(event)
        self._fit()

    def tabLayoutChange(self) -> None:  # Qt override: a tab shown or hidden
        super().tabLayoutChange()
        self._fit()
