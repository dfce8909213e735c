"""What every phase page shares: binding to the document and lazy refresh.

Only the page on screen refreshes after an edit; the others mark themselves
stale and refresh when shown. That keeps an edit on a large workshop cheap
(DESIGN §7) and means switching phases never rebuilds anything twice.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QFrame, QLabel, QSplitter, QTabBar, QVBoxLayout, QWidget

from workshop_app.model import Operation, Phase
from workshop_app.ui.document import Document
from workshop_app.ui.widgets.plain import PlainLabel
from workshop_app.ui.widgets.roles import Committable, Deletable


class PhasePage(QWidget):
    """Base of the seven pages. Subclasses set ``phase`` and implement ``refresh``."""

    phase: Phase = Phase.SETUP

    def __init__(self, doc: Document, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        self.active = False
        self._stale = True
        self._selected_initially = False
        self._shares: list[tuple[QSplitter, tuple[float, ...]]] = []
        doc.changed.connect(self._on_changed)
        doc.replaced.connect(self._on_replaced)
        doc.read_only_changed.connect(lambda _ro: self._on_changed(None))

    # -- what the projector asks of every page (workshop_app/ui/projector/stage.py) ------------
    def followed_list(self) -> QWidget | None:
        """The list or tree whose selection the room follows, if the page keeps track of it itself."""
        return None

    def default_list(self) -> QWidget | None:
        """The list the room sees when nothing was selected yet (None: the first visible one)."""
        return None

    def categories(self) -> QTabBar | None:
        """The page's own tab bar of categories (the inventory's), stepped with Tab in presentation mode."""
        return None

    def category_key(self) -> str:
        """The category on screen, for the projector's view ('' for pages without categories)."""
        return ""

    def vote(self, step: int) -> bool:
        """Give (+1) or take back (−1) a dot for the selected entry; False where nothing is voted on."""
        return False

    # -- lifecycle -----------------------------------------------------------
    def _on_changed(self, _operation: Operation | None) -> None:
        if self.active:
            self.refresh()
        else:
            self._stale = True

    def _on_replaced(self) -> None:
        self.document_replaced()
        self._on_changed(None)

    def document_replaced(self) -> None:
        """Hook: forget selections and per-document state when another workshop opens."""

    def activate(self) -> None:
        """The page comes on screen: refresh if anything changed while hidden."""
        self.active = True
        if self._stale:
            self.refresh()
        if not self._selected_initially:
            self._selected_initially = True
            self.select_initial()

    def deactivate(self) -> None:
        self.active = False

    def refresh(self) -> None:
        """Show the document's current state. Subclasses call ``super().refresh()`` last."""
        for control in self.edit_controls():
            control.setEnabled(not self.doc.read_only)
        self._stale = False

    def edit_controls(self) -> list[QWidget]:
        """The page's own always-usable buttons and boxes that change the document: greyed while the
        workshop is read-only. (Tables and forms see to theirs; controls that depend on a selection
        leave out read-only where they are enabled.)"""
        return []

    # -- keyboard and editing ------------------------------------------------
    def focus_first(self) -> None:
        """Where the keyboard lands when the facilitator opens the page."""
        self.focusNextChild()

    def commit_pending(self) -> None:
        """Commit text typed but not yet committed in the focused field (before undo, save, switching)."""
        widget = QApplication.focusWidget()
        while widget is not None and widget is not self:
            if isinstance(widget, Committable):
                widget.commit_edit()
                return
            if isinstance(widget, QAbstractItemView) and widget.state() == QAbstractItemView.State.EditingState:
                widget.setFocus()  # the delegate commits the open in-place editor
                return
            widget = widget.parentWidget()

    def delete_selected(self) -> bool:
        """Edit → Delete: delete what the focused list has selected."""
        widget = QApplication.focusWidget()
        while widget is not None and widget is not self:
            if isinstance(widget, Deletable):
                return bool(widget.delete_selected())
            widget = widget.parentWidget()
        return False

    def select_initial(self) -> None:
        """Select something meaningful the first time the page is shown, so details panels are not empty."""

    def fill_with_columns(self, left: QWidget, right: QWidget, left_share: float) -> QSplitter:
        """The page as two resizable columns, ``left_share`` of the width on the left."""
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setChildrenCollapsible(False)
        self.share(splitter, left_share, 1 - left_share)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        return splitter

    def share(self, splitter: QSplitter, *fractions: float) -> None:
        """Give the splitter's parts these shares of its width once it has one (size hints would decide otherwise):
        at once when the page is already laid out (a part added on first visit), else at the first resize."""
        self._shares.append((splitter, fractions))
        if self.isVisible():
            self._apply_shares()

    def resizeEvent(self, e) -> None:  # Qt override
        super().resizeEvent(e)
        self._apply_shares()

    def _apply_shares(self) -> None:
        for splitter, fractions in list(self._shares):
            size = splitter.width() if splitter.orientation() == Qt.Orientation.Horizontal else splitter.height()
            if size > 100 and splitter.count() == len(fractions):
                splitter.setSizes([int(size * f) for f in fractions])
                self._shares.remove((splitter, fractions))


def heading(text: str, role: str = "h2") -> QLabel:
    """A section heading (styled by role in the window's style sheet); its text is never markup."""
    label = PlainLabel(text)
    label.setProperty("role", role)
    return label


def hint(text: str) -> QLabel:
    label = PlainLabel(text)
    label.setProperty("role", "hint")
    label.setWordWrap(True)
    return label


def panel(*widgets: QWidget, margins: int = 14) -> QFrame:
    """A white card with a subtle border holding ``widgets`` one above the other."""
    frame = QFrame()
    frame.setProperty("role", "card")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(margins, margins, margins, margins)
    layout.setSpacing(8)
    for widget in widgets:
        layout.addWidget(widget)
    return frame
