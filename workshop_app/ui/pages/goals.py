"""Phase 3 – Goal drafting: company strategy → shared goals → department goals.

The breakdown is a tree of ``contributes_to`` links. New goals go under the
selected entry; goals from the inventory are adopted by linking them in
(the as-is record stays what it is). The tree is rebuilt only when its
shape changes; otherwise its texts are updated in place.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QTreeWidgetItemIterator,
    QWidget,
)

from workshop_app.analysis.breakdown import breakdown
from workshop_app.i18n import _, current_language
from workshop_app.locale_format import with_unit
from workshop_app.model import (
    AddItem,
    Batch,
    ElementKind,
    Goal,
    GoalLevel,
    Link,
    LinkKind,
    Origin,
    Phase,
    RemoveItem,
    Side,
    Strategy,
    Workshop,
    new_id,
)
from workshop_app.ui.document import Document
from workshop_app.ui.pages.base import PhasePage, heading, hint, panel
from workshop_app.ui.widgets.element_forms import ElementDetails
from workshop_app.ui.widgets.fields import ChoiceField, TextField
from workshop_app.ui.widgets.labels import LEVEL_NAMES, SIDE_COLOURS, SIDE_NAMES, element_label, side_name
from workshop_app.ui.widgets.links import LinkEditor
from workshop_app.ui.widgets.plain import plain_tooltip, shown
from workshop_app.ui.widgets.roles import Deletable
from workshop_app.ui.widgets.theme import HIDDEN_TEXT, hidden_icon

UNLINKED = "__unlinked__"
HIDDEN_ROLE = Qt.ItemDataRole.UserRole + 1
#: A goal's title wraps over at most this many lines (the whole title is in its tooltip and the details).
TITLE_LINES = 3
#: Characters a title line keeps three levels deep; owners, then targets fold into the details panel
#: (they are there too) on a laptop too narrow for both.
TITLE_CHARS = 24
#: The style sheet's item padding (``QTreeView::item { padding: 2px 4px }``), left plus right.
ITEM_PADDING = 8


class WrappingDelegate(QStyledItemDelegate):
    """Row heights for wrapped titles: the width each cell really has.

    QTreeView asks its delegate for a row's height with no width at all (so a
    plain delegate never wraps): here the width is the column's, less the
    indentation of the item's depth, and the height at most TITLE_LINES lines.
    """

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        view = self.parent()
        width = view.header().sectionSize(index.column()) - ITEM_PADDING
        if index.column() == 0:
            depth, parent = 0, index.parent()
            while parent.isValid():
                depth, parent = depth + 1, parent.parent()
            width -= view.indentation() * (depth + int(view.rootIsDecorated()))
        sized = QStyleOptionViewItem(option)
        sized.rect = QRect(0, 0, max(width, 1), max(option.rect.height(), 1))
        hint = super().sizeHint(sized, index)
        most = TITLE_LINES * option.fontMetrics.lineSpacing() + option.fontMetrics.height() // 2 + 6
        return QSize(hint.width(), min(hint.height(), most))



class _Known:
    """The workshop's elements and participants' names by id, looked up once per fill of the tree."""

    def __init__(self, doc: Workshop) -> None:
        self.elements = {el.id: el for el in doc.elements}
        self.names = {p.id: p.name for p in doc.participants}

class GoalTree(QTreeWidget, Deletable):
    """The breakdown; Del removes the selected goal (with its links, undoable)."""

    def __init__(self, page: GoalsPage):
        super().__init__(page)
        self.page = page
        self.setObjectName("goal_tree")
        self.setColumnCount(4)
        self.setHeaderLabels([_("Goal"), _("Side"), _("Target"), _("Owners")])
        self.setAlternatingRowColors(True)
        # a long goal title wraps (over up to TITLE_LINES lines) instead of being cut to a few characters
        self.setUniformRowHeights(False)
        self.setWordWrap(True)
        self.setItemDelegate(WrappingDelegate(self))
        self.setIndentation(16)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.header()
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header.setStretchLastSection(False)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.sectionResized.connect(lambda *_a: self.scheduleDelayedItemsLayout())  # rows re-wrap to the width
        self._shape: tuple = ()

    def fit_columns(self) -> None:
        """Side and target are never cut; owners and targets show only while the titles keep their room.

        The target column gets what its texts need (a target of "6 %" leaves its room to the title); the
        owners, then the targets, fold into the details panel on a narrow laptop rather than squeezing
        the titles to a few characters.
        """
        fm = self.fontMetrics()
        char = fm.averageCharWidth()
        pad = ITEM_PADDING + 2 * char
        side = max(fm.horizontalAdvance(text) for text in
                   (_("Side"), _("Company"), side_name(Side.MARKETING), side_name(Side.JOINT), side_name(Side.SALES)))
        side += pad
        targets, owners = [_("Target")], [_("Owners")]
        iterator = QTreeWidgetItemIterator(self)
        while iterator.value() is not None and len(targets) < 200:  # enough to know; a large tree costs no more
            targets.append(iterator.value().text(2))
            owners.append(iterator.value().text(3))
            iterator += 1
        target = min(22 * char, max(fm.horizontalAdvance(t) for t in targets)) + pad
        owner = min(20 * char, max(fm.horizontalAdvance(t) for t in owners)) + pad
        if self.viewport().width() <= 0:
            return
        # judged as if the scroll bar were there: a fold that comes and goes with it would re-wrap the rows,
        # which shows or hides the scroll bar again, and so on
        available = self.width() - 2 * self.frameWidth() - self.verticalScrollBar().sizeHint().width()
        header = self.header()
        header.resizeSection(1, side)
        title = TITLE_CHARS * char + 3 * self.indentation() + pad
        shown = {2: available - side - target >= title}
        shown[3] = shown[2] and available - side - target - owner >= title
        for column, width in ((2, target), (3, owner)):
            self.setColumnHidden(column, not shown[column])
            if shown[column]:
                header.resizeSection(column, width)

    def resizeEvent(self, e) -> None:  # Qt override
        super().resizeEvent(e)
        self.fit_columns()

    def current_id(self) -> str | None:
        item = self.currentItem()
        value = item.data(0, Qt.ItemDataRole.UserRole) if item else None
        return None if value == UNLINKED else value

    def delete_selected(self) -> bool:
        element_id = self.current_id()
        el = self.page.doc.workshop.element(element_id) if element_id else None
        if el is None:
            return False
        return self.page.doc.push(RemoveItem("elements", el.id), _("Delete “{title}”").format(title=el.title))

    def rebuild(self, doc: Workshop) -> None:
        roots, children, unlinked = breakdown(doc)
        shape = (tuple(roots), tuple(sorted((k, tuple(v)) for k, v in children.items())), tuple(unlinked))
        if shape != self._shape:
            current = self.current_id()
            self.clear()
            placed: set[str] = set()
            known = _Known(doc)
            for root in roots:
                self._add(self, root, children, placed, known)
            members = set(roots) | set(unlinked) | set(children) | {c for kids in children.values() for c in kids}
            elements = {el.id: i for i, el in enumerate(doc.elements)}
            rest = unlinked + sorted((m for m in members - placed - set(unlinked) if m in elements), key=elements.get)
            if rest:
                group = QTreeWidgetItem(self, [_("Not yet linked to a strategy or shared goal")])
                group.setData(0, Qt.ItemDataRole.UserRole, UNLINKED)
                group.setForeground(0, QBrush(QColor("#5F6B73")))
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                for goal_id in rest:
                    if goal_id not in placed:
                        self._add(group, goal_id, children, placed, known)
            self.expandAll()
            self._shape = shape
            self.select(current)
        else:
            self._update_texts(doc)
        self.fit_columns()  # a longer target may want a wider column

    def _add(self, parent, element_id: str, children: dict[str, list[str]], placed: set[str], known: _Known) -> None:
        """Each goal appears once, under the first parent that reaches it (the links panel lists all)."""
        placed.add(element_id)
        item = QTreeWidgetItem(parent)
        item.setData(0, Qt.ItemDataRole.UserRole, element_id)
        self._fill(item, known.elements[element_id], known)
        for child in children.get(element_id, []):
            if child not in placed:
                self._add(item, child, children, placed, known)

    def _fill(self, item: QTreeWidgetItem, el, known: _Known) -> None:
        if el.kind == ElementKind.STRATEGY:
            texts = ["◆ " + (el.title or _("(untitled)")), _("Company"), "", ""]
        else:
            marker = "● " if el.level == GoalLevel.SHARED else "○ "
            target = with_unit(el.target, el.unit, current_language())
            owners = ", ".join(known.names.get(o, "") for o in el.owners)
            texts = [marker + (el.title or _("(untitled)")), side_name(el.side), target, owners]
        texts = [shown(text) for text in texts]
        for column, text in enumerate(texts):
            if item.text(column) != text:
                item.setText(column, text)
                item.setToolTip(column, plain_tooltip(text) if len(text) > 24 else "")
        font = item.font(0)
        bold = el.kind == ElementKind.STRATEGY or getattr(el, "level", None) == GoalLevel.SHARED
        if font.bold() != bold:
            font.setBold(bold)
            item.setFont(0, font)
        colour = SIDE_COLOURS.get(el.side) if el.kind != ElementKind.STRATEGY and not el.hidden else None
        if colour:
            item.setForeground(1, QBrush(QColor(colour)))
        if bool(item.data(0, HIDDEN_ROLE)) != el.hidden:  # not shown to the audience: greyed, eye-slash mark
            item.setData(0, HIDDEN_ROLE, el.hidden)
            item.setIcon(0, hidden_icon() if el.hidden else QIcon())
            for column in range(len(texts)):
                if el.hidden:
                    item.setForeground(column, QBrush(QColor(HIDDEN_TEXT)))
                elif column != 1 or not colour:
                    item.setData(column, Qt.ItemDataRole.ForegroundRole, None)
            item.setToolTip(0, plain_tooltip(_("Hidden from the audience") if el.hidden
                                             else (texts[0] if len(texts[0]) > 24 else "")))

    def _update_texts(self, doc: Workshop) -> None:
        known = _Known(doc)
        stack = [self.topLevelItem(i) for i in range(self.topLevelItemCount())]
        while stack:
            item = stack.pop()
            element_id = item.data(0, Qt.ItemDataRole.UserRole)
            if element_id != UNLINKED:
                el = known.elements.get(element_id)
                if el is not None:
                    self._fill(item, el, known)
            stack.extend(item.child(i) for i in range(item.childCount()))

    def select(self, element_id: str | None) -> None:
        if element_id is None:
            return
        stack = [self.topLevelItem(i) for i in range(self.topLevelItemCount())]
        while stack:
            item = stack.pop(0)
            if item.data(0, Qt.ItemDataRole.UserRole) == element_id:
                self.setCurrentItem(item)
                self.scrollToItem(item)
                return
            stack.extend(item.child(i) for i in range(item.childCount()))


class GoalsPage(PhasePage):
    """Tree with add and adopt rows on the left; the goal's fields and links on the right."""

    phase = Phase.GOALS

    def followed_list(self) -> QWidget | None:
        return self.tree

    def __init__(self, doc: Document, parent: QWidget | None = None):
        super().__init__(doc, parent)
        self.tree = GoalTree(self)
        self.tree.currentItemChanged.connect(lambda *_a: self._on_current())

        self.new_kind = ChoiceField(self)
        self.new_kind.setObjectName("new_goal_kind")
        self.new_kind.set_choices([("strategy", _("Company strategy"))] + [(str(v), _(n)) for v, n in LEVEL_NAMES.items()])
        self.new_kind.set_value("shared")
        self.new_side = ChoiceField(self)
        self.new_side.setObjectName("new_goal_side")
        self.new_side.set_choices([(v, _(n)) for v, n in SIDE_NAMES.items()])
        self.new_side.set_value(Side.JOINT)
        self.new_kind.committed.connect(self._default_side)
        self.new_title = TextField(self)
        self.new_title.setObjectName("new_goal_title")
        self.new_title.setPlaceholderText(_("Type a title and press Enter (goes under the selected entry)"))
        self.new_title.returnPressed.connect(self.add_typed)
        add_row = QHBoxLayout()
        add_row.setSpacing(6)
        add_row.addWidget(hint(_("New:")))
        add_row.addWidget(self.new_kind, 1)
        add_row.addWidget(self.new_side, 1)

        self.adopt_choice = ChoiceField(self)
        self.adopt_choice.setObjectName("adopt_choice")
        self.adopt_button = QPushButton(_("Adopt under selected"))
        self.adopt_button.setObjectName("adopt_button")
        self.adopt_button.clicked.connect(self.adopt)
        adopt_row = QHBoxLayout()
        adopt_row.setSpacing(6)
        adopt_row.addWidget(self.adopt_choice, 1)
        adopt_row.addWidget(self.adopt_button)

        left = panel(heading(_("Breakdown")), self.tree)
        left.layout().addLayout(add_row)
        left.layout().addWidget(self.new_title)
        adopt_label = hint(_("Adopt a goal from the inventory:"))
        left.layout().addWidget(adopt_label)
        left.layout().addLayout(adopt_row)

        self.details_title = heading(_("Details"))
        self.details = ElementDetails(doc, [ElementKind.GOAL, ElementKind.STRATEGY])
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.details)
        self.links = LinkEditor(doc)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(panel(self.details_title, scroll))
        right.addWidget(panel(heading(_("Links")), self.links))
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 1)
        right.setChildrenCollapsible(False)

        self.fill_with_columns(left, right, 0.57)  # the breakdown's titles want the width
        self.tree.fit_columns()

    # -- adding ----------------------------------------------------------------
    def _default_side(self) -> None:
        if self.new_kind.value() in ("strategy", "shared"):
            self.new_side.set_value(Side.JOINT)

    def _suggest_kind(self) -> None:
        """After selecting a strategy suggest a shared goal under it; after a shared goal a department goal."""
        el = self.doc.workshop.element(self.tree.current_id() or "")
        if el is None:
            return
        if el.kind == ElementKind.STRATEGY:
            self.new_kind.set_value("shared")
            self.new_side.set_value(Side.JOINT)
        elif el.level == GoalLevel.SHARED and self.new_kind.value() in ("strategy", "shared"):
            self.new_kind.set_value("department")
            if self.new_side.value() == Side.JOINT:
                self.new_side.set_value(Side.MARKETING)

    def add_typed(self) -> bool:
        title = self.new_title.text().strip()
        if not title:
            return False
        kind = self.new_kind.value() or "shared"
        side = self.new_side.value() or Side.JOINT
        if kind == "strategy":
            element = Strategy(id=new_id("strategy"), title=title, side=Side.JOINT, origin=Origin.AGREED)
            ops = [AddItem("elements", element)]
        else:
            element = Goal(id=new_id("goal"), title=title, side=side, level=GoalLevel(kind), origin=Origin.AGREED)
            ops = [AddItem("elements", element)]
            parent_id = self.tree.current_id()
            if parent_id and self.doc.workshop.element(parent_id) is not None:
                ops.append(AddItem("links", Link(id=new_id("link"), kind=LinkKind.CONTRIBUTES_TO,
                                                 source=element.id, target=parent_id)))
        if self.doc.push(Batch(ops), _("Add “{title}”").format(title=title)):
            self.new_title.clear()
            self.new_title.set_text_quietly("")
            self.tree.select(element.id)
            return True
        return False

    def _adoptable(self, doc: Workshop) -> list:
        _roots, children, _unlinked = breakdown(doc)
        in_tree = set(children) | {c for kids in children.values() for c in kids}
        return [el for el in doc.elements
                if el.kind == ElementKind.GOAL and el.origin == Origin.AS_IS and el.id not in in_tree]

    def adopt(self) -> bool:
        goal_id = self.adopt_choice.value()
        parent_id = self.tree.current_id()
        doc = self.doc.workshop
        if not goal_id:
            return False
        if not parent_id or doc.element(parent_id) is None:
            self.doc.refused.emit(_("Select the strategy or shared goal the adopted goal contributes to."))
            return False
        link = Link(id=new_id("link"), kind=LinkKind.CONTRIBUTES_TO, source=goal_id, target=parent_id)
        text = _("Adopt “{title}”").format(title=element_label(doc, goal_id, False))
        if self.doc.push(AddItem("links", link), text):
            self.tree.select(goal_id)
            return True
        return False

    # -- refresh ---------------------------------------------------------------
    def _on_current(self) -> None:
        element_id = self.tree.current_id()
        self.details.set_item(element_id)
        self.links.set_element(element_id)
        el = self.doc.workshop.element(element_id) if element_id else None
        if el is None:
            self.details_title.setText(_("Details – select a goal in the breakdown"))
        elif el.kind == ElementKind.STRATEGY:
            self.details_title.setText(_("Company strategy"))
        else:
            self.details_title.setText(f"{_(LEVEL_NAMES[el.level])} – {side_name(el.side)}")
        self._suggest_kind()

    def refresh(self) -> None:
        doc = self.doc.workshop
        self.tree.rebuild(doc)
        self.details.refresh()
        self.links.refresh()
        self.adopt_choice.set_choices([(el.id, element_label(doc, el.id)) for el in self._adoptable(doc)])
        has_adoptable = self.adopt_choice.count() > 0
        self.adopt_choice.setEnabled(has_adoptable and not self.doc.read_only)
        self.adopt_button.setEnabled(has_adoptable and not self.doc.read_only)
        if not has_adoptable:
            self.adopt_choice.setPlaceholderText(_("All inventory goals are in the breakdown"))
        super().refresh()

    def edit_controls(self) -> list[QWidget]:
        return [self.new_kind, self.new_side, self.new_title]

    def document_replaced(self) -> None:
        self.tree._shape = ()
        self.details.set_item(None)
        self.links.set_element(None)

    def focus_first(self) -> None:
        self.new_title.setFocus()

    def select_initial(self) -> None:
        if self.tree.current_id() is None:
            roots, children, _u = breakdown(self.doc.workshop)
            shared = [c for r in roots for c in children.get(r, [])]
            target = shared[0] if shared else (roots[0] if roots else None)
            self.tree.select(target)
