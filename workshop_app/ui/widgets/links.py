"""The links of one element (contributes to, rewarded by, funded by, depends on a goal or an agreement) and a row to add one."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from workshop_app.i18n import N_, _
from workshop_app.model import AddItem, ElementKind, Link, LinkKind, RemoveItem, Workshop, new_id
from workshop_app.ui.document import Document
from workshop_app.ui.widgets.fields import ChoiceField
from workshop_app.ui.widgets.labels import describe_element, element_label
from workshop_app.ui.widgets.plain import plain_tooltip, shown
from workshop_app.ui.widgets.roles import Deletable

#: What the facilitator can add from a goal: (key, label, link kind, the goal is the source?, candidate kinds)
LINK_CHOICES = [
    ("contributes_to", N_("contributes to"), LinkKind.CONTRIBUTES_TO, True, (ElementKind.GOAL, ElementKind.STRATEGY)),
    ("rewarded_by", N_("is rewarded by"), LinkKind.REWARDS, False, (ElementKind.INCENTIVE,)),
    ("funded_by", N_("is funded by"), LinkKind.FUNDS, False, (ElementKind.BUDGET,)),
    # a goal depends on another goal, or on the agreement that governs its handover (an SLA, a definition)
    ("depends_on", N_("depends on"), LinkKind.DEPENDS_ON, True, (ElementKind.GOAL, ElementKind.AGREEMENT)),
]

OUTGOING = {
    LinkKind.CONTRIBUTES_TO: N_("contributes to → {other}"),
    LinkKind.DEPENDS_ON: N_("depends on → {other}"),
    LinkKind.REWARDS: N_("rewards → {other}"),
    LinkKind.FUNDS: N_("funds → {other}"),
    LinkKind.CONFLICTS_WITH: N_("conflicts with → {other}"),
    LinkKind.POOLS: N_("goes into → {other}"),
    LinkKind.REPLACES: N_("replaces → {other}"),
}
INCOMING = {
    LinkKind.CONTRIBUTES_TO: N_("← {other} contributes to it"),
    LinkKind.DEPENDS_ON: N_("← {other} depends on it"),
    LinkKind.REWARDS: N_("rewarded by ← {other}"),
    LinkKind.FUNDS: N_("funded by ← {other}"),
    LinkKind.CONFLICTS_WITH: N_("← in conflict with {other}"),
    LinkKind.POOLS: N_("formed from ← {other}"),
    LinkKind.REPLACES: N_("replaced by ← {other}"),
}


def link_text(doc: Workshop, link: Link, element_id: str) -> str:
    if link.source == element_id:
        return _(OUTGOING[link.kind]).format(other=element_label(doc, link.target))
    return _(INCOMING[link.kind]).format(other=element_label(doc, link.source))


class LinkList(QListWidget, Deletable):
    """Links of one element; Del removes the selected link (undoable)."""

    def __init__(self, doc: Document, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        self.setObjectName("link_list")
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)

    def show_links(self, element_id: str | None, kinds: tuple[LinkKind, ...]) -> None:
        doc = self.doc.workshop
        wanted = []
        if element_id:
            wanted = [(lk.id, shown(link_text(doc, lk, element_id))) for lk in doc.links
                      if lk.kind in kinds and element_id in (lk.source, lk.target)]
        current = [(self.item(i).data(Qt.ItemDataRole.UserRole), self.item(i).text()) for i in range(self.count())]
        if wanted == current:
            return
        row = self.currentRow()
        self.clear()
        for link_id, text in wanted:
            item = QListWidgetItem(text, self)
            item.setData(Qt.ItemDataRole.UserRole, link_id)
            item.setToolTip(plain_tooltip(text))
        if wanted:
            self.setCurrentRow(min(max(row, 0), len(wanted) - 1))

    def delete_selected(self) -> bool:
        item = self.currentItem()
        if item is None:
            return False
        return self.doc.push(RemoveItem("links", item.data(Qt.ItemDataRole.UserRole)),
                             _("Remove link “{text}”").format(text=item.text()))


class LinkEditor(QWidget):
    """The list of a goal's links and, below, '[kind] [element] [Add link]'."""

    linked = Signal()

    def __init__(self, doc: Document, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        self.element_id: str | None = None
        self.list = LinkList(doc, self)
        self.kind_choice = ChoiceField(self)
        self.kind_choice.setObjectName("link_kind")
        self.kind_choice.setMinimumContentsLength(10)
        self.kind_choice.set_choices([(key, _(label)) for key, label, *_rest in LINK_CHOICES])
        self.kind_choice.set_value("contributes_to")
        self.kind_choice.committed.connect(self._fill_targets)
        self.target_choice = ChoiceField(self)
        self.target_choice.setObjectName("link_target")
        self.target_choice.setMinimumContentsLength(10)
        self.add_button = QPushButton(_("Add link"))
        self.add_button.setObjectName("add_link")
        self.add_button.clicked.connect(self.add_link)
        row = QHBoxLayout()
        row.setSpacing(6)
        row.addWidget(self.kind_choice)
        row.addWidget(self.target_choice, 1)
        row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)

    def _spec(self) -> tuple:
        key = self.kind_choice.value() or "contributes_to"
        return next(c for c in LINK_CHOICES if c[0] == key)

    def _fill_targets(self) -> None:
        doc = self.doc.workshop
        _key, _label, _kind, _outgoing, kinds = self._spec()
        candidates = [el for el in doc.elements if el.kind in kinds and el.id != self.element_id]
        self.target_choice.set_choices([(el.id, describe_element(el)) for el in candidates])

    def set_element(self, element_id: str | None) -> None:
        self.element_id = element_id
        self.refresh()

    def refresh(self) -> None:
        el = self.doc.workshop.element(self.element_id) if self.element_id else None
        self.list.show_links(self.element_id, (LinkKind.CONTRIBUTES_TO, LinkKind.REWARDS, LinkKind.FUNDS, LinkKind.DEPENDS_ON))
        can_add = el is not None and el.kind == ElementKind.GOAL and not self.doc.read_only
        for widget in (self.kind_choice, self.target_choice, self.add_button):
            widget.setEnabled(can_add)
        if can_add:
            self._fill_targets()

    def add_link(self) -> bool:
        other = self.target_choice.value()
        if not self.element_id or not other:
            return False
        _key, label, kind, outgoing, _kinds = self._spec()
        source, target = (self.element_id, other) if outgoing else (other, self.element_id)
        doc = self.doc.workshop
        if any(lk.kind == kind and lk.source == source and lk.target == target for lk in doc.links):
            self.doc.refused.emit(_("This link exists already."))
            return False
        link = Link(id=new_id("link"), kind=kind, source=source, target=target)
        text = _("Link: {a} {kind} {b}").format(a=element_label(doc, self.element_id, False), kind=_(label),
                                                b=element_label(doc, other, False))
        if self.doc.push(AddItem("links", link), text):
            self.linked.emit()
            return True
        return False
