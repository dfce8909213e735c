"""User text is shown as text, never as markup (issue 15: "Qt rich text from user text").

Qt guesses rich text (``Qt::mightBeRichText``) in labels, message boxes and
tooltips. A workshop title ``<a href="file:///etc/passwd">x</a>`` must not
become a live link, ``<img src=x>`` no broken-image icon, ``<table>`` no
layout, ``&amp;`` no ampersand, ``$x^2$`` no mathtext in the graph; control
characters (ESC, BEL, NUL, BS) must not garble a widget, and emoji and
right-to-left text must come through.

Every free-text field of the demo workshop gets the same payload; then every
phase page, presentation mode, the audience window and the vote dialog are
opened in the real main window, and every label, tooltip, item model and
text view found is checked for what the facilitator would actually see.
"""

from __future__ import annotations

import contextlib
import re

import pytest
from pydantic import BaseModel, ValidationError
from PySide6.QtCore import QAbstractListModel, QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QAction, QTextDocument
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLabel,
    QMessageBox,
    QTabBar,
    QTextEdit,
    QWidget,
)

from tests.ui.helpers import ensure_active, press
from workshop_app.model import Phase, Workshop
from workshop_app.store.demo import load_demo
from workshop_app.ui.widgets.plain import PlainLabel, literal, plain_tooltip, shown

Key = Qt.Key
Mod = Qt.KeyboardModifier

#: (word, markup): the word is followed by the markup wherever the text is shown literally.
MARKERS = [
    ("BOLD", "<b>bold</b>"),
    ("LINK", '<a href="file:///etc/passwd">x</a>'),
    ("IMG", "<img src=x>"),
    ("TABLE", "<table><tr><td>cell</td></tr></table>"),
    ("AMP", "&amp;"),
]
CONTROLS = "\x1b[31m\x07\x00\x08"
PAYLOAD = " ".join(word + markup for word, markup in MARKERS) + " $x^2$ 😀 שלום עולם " + CONTROLS
#: Fields that are codes, not free text.
NOT_FREE_TEXT = {"currency", "budget_currency", "rule"}
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")
#: The graph's labels are drawn by the export layer (matplotlib): a control character there is a missing
#: glyph, which test_the_graph_labels_leave_control_characters_out covers on its own.
graph_glyphs = pytest.mark.filterwarnings("ignore:Glyph .* missing from font:UserWarning")


# -- the workshop ------------------------------------------------------------------
def _fill(obj: BaseModel) -> None:
    for name, info in type(obj).model_fields.items():
        value = getattr(obj, name)
        if info.annotation is str and name not in NOT_FREE_TEXT:
            with contextlib.suppress(ValidationError):  # an id: letters and digits only
                setattr(obj, name, f"{PAYLOAD} {value}".strip())
        elif isinstance(value, BaseModel):
            _fill(value)
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, BaseModel):
                    _fill(item)


def marked_up_demo() -> Workshop:
    doc = load_demo("en")
    _fill(doc)
    assert doc.meta.title.startswith("BOLD<b>")
    doc.elements[1].hidden = True  # a hidden entry's tooltip names it too
    return doc


# -- what the facilitator sees -----------------------------------------------------
def rendered(text: str, fmt: Qt.TextFormat = Qt.TextFormat.AutoText) -> str:
    """What Qt displays for ``text`` in a label or tooltip of format ``fmt``."""
    if fmt == Qt.TextFormat.RichText or (fmt == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text)):
        document = QTextDocument()
        document.setHtml(text)
        return document.toPlainText()
    if fmt == Qt.TextFormat.MarkdownText:
        document = QTextDocument()
        document.setMarkdown(text)
        return document.toPlainText()
    return text


def mnemonic(text: str) -> str:
    """A button or menu text as shown: "&&" is "&", a single "&" underlines the next letter."""
    return re.sub(r"&(.)", r"\1", text)


def problems_in(seen: str, where: str) -> list[str]:
    """Why ``seen`` (the displayed text) is not the user's text shown literally."""
    found = []
    for word, markup in MARKERS:
        for match in re.finditer(word, seen):
            after = seen[match.end():match.end() + 2].split("…")[0]  # an elided text ends in "…"
            if not markup.startswith(after):
                found.append(f"{where}: {word} followed by {after!r}, not {markup[:2]!r} in {seen[:90]!r}")
    if CONTROL.search(seen):
        found.append(f"{where}: control character in {seen[:90]!r}")
    return found


def name_of(widget: QWidget) -> str:
    return f"{type(widget).__name__}#{widget.objectName()}"


def columns_of(model, parent: QModelIndex) -> int:
    try:
        return model.columnCount(parent)
    except TypeError:  # a list model keeps its column count private: one column
        return 1


def model_problems(model, where: str) -> list[str]:
    found: list[str] = []
    if model is None:
        return found
    for orientation in (Qt.Orientation.Horizontal, Qt.Orientation.Vertical):
        count = columns_of(model, QModelIndex()) if orientation == Qt.Orientation.Horizontal else model.rowCount(QModelIndex())
        for section in range(min(count, 60)):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.headerData(section, orientation, role)
                if isinstance(value, str):
                    fmt = Qt.TextFormat.AutoText if role == Qt.ItemDataRole.ToolTipRole else Qt.TextFormat.PlainText
                    found += problems_in(rendered(value, fmt), f"{where} header {section} role {role}")
    stack = [QModelIndex()]
    while stack:
        parent = stack.pop()
        for row in range(min(model.rowCount(parent), 200)):
            for column in range(columns_of(model, parent)):
                index = model.index(row, column, parent)
                display = index.data(Qt.ItemDataRole.DisplayRole)
                if isinstance(display, str):  # item views paint their display text plainly
                    found += problems_in(display, f"{where} [{row},{column}] display")
                tip = index.data(Qt.ItemDataRole.ToolTipRole)
                if isinstance(tip, str):
                    found += problems_in(rendered(tip), f"{where} [{row},{column}] tooltip")
            first = model.index(row, 0, parent)
            if not isinstance(model, (QAbstractTableModel, QAbstractListModel)) and model.rowCount(first):
                stack.append(first)
    return found


def widget_problems(widgets: list[QWidget]) -> list[str]:
    found: list[str] = []
    for widget in widgets:
        where = name_of(widget)
        if widget.toolTip():
            found += problems_in(rendered(widget.toolTip()), f"{where} tooltip")
        if widget.whatsThis():
            found += problems_in(rendered(widget.whatsThis()), f"{where} what's this")
        if isinstance(widget, QLabel):
            if widget.openExternalLinks():
                found.append(f"{where} opens external links ({widget.text()[:60]!r})")
            found += problems_in(rendered(widget.text(), widget.textFormat()), f"{where} text")
        elif isinstance(widget, QTextEdit):
            found += problems_in(widget.document().toPlainText(), f"{where} document")
            if getattr(widget, "openExternalLinks", lambda: False)():
                found.append(f"{where} opens external links")
        elif isinstance(widget, QAbstractButton):
            found += problems_in(mnemonic(widget.text()), f"{where} text")
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                found += problems_in(mnemonic(widget.tabText(i)), f"{where} tab {i}")
                found += problems_in(rendered(widget.tabToolTip(i)), f"{where} tab tooltip {i}")
        if isinstance(widget, (QAbstractItemView, QComboBox)):
            found += model_problems(widget.model(), where)
    return found


def action_problems(owner: QWidget) -> list[str]:
    found: list[str] = []
    for action in owner.findChildren(QAction):
        where = f"action {action.objectName() or action.text()[:30]!r}"
        found += problems_in(mnemonic(action.text()), f"{where} text")
        found += problems_in(rendered(action.toolTip()), f"{where} tooltip")
    return found


def everything(window) -> list[QWidget]:
    widgets = [window, *window.findChildren(QWidget)]
    audience = window.presenter.audience
    if audience is not None:
        widgets += [audience, *audience.findChildren(QWidget)]
    return widgets


def assert_literal(widgets: list[QWidget], extra: list[str] | None = None) -> None:
    found = list(dict.fromkeys(widget_problems(widgets) + (extra or [])))
    assert not found, f"{len(found)} problems:\n" + "\n".join(found[:40])


# -- fixtures ------------------------------------------------------------------------
@pytest.fixture
def marked(window):
    window.set_workshop(marked_up_demo(), None)
    return window


def select_each_list(page) -> None:
    """Select the first entry of every list on the page, so its details and forms fill in."""
    from workshop_app.ui.pages.goals import GoalTree
    from workshop_app.ui.widgets.record_table import RecordTable

    for table in page.findChildren(RecordTable):
        if table.model.ids:
            table.select_id(table.model.ids[0])
    for tree in page.findChildren(GoalTree):
        ids = [el.id for el in page.doc.workshop.elements if el.kind in ("goal", "strategy")]
        if ids:
            tree.select(ids[0])


# -- the helpers ---------------------------------------------------------------------
def test_shown_makes_control_characters_visible_and_keeps_the_rest():
    assert shown("a\x1bb\x07c\x00d\x08e") == "a␛b␇c␀d␈e"
    assert shown("one\r\ntwo\rthree\nfour\tfive") == "one\ntwo\nthree\nfour\tfive"
    assert shown("😀 שלום <b>&amp;") == "😀 שלום <b>&amp;"
    assert shown("\x7f\x85\ud800") == "␡\ufffd\ufffd"
    assert shown(None) == ""


def test_a_plain_tooltip_shows_its_text_literally(qapp):
    assert plain_tooltip("") == "" and plain_tooltip(None) == ""
    assert plain_tooltip("plain words\nin two lines") == "plain words\nin two lines"  # nothing to guess
    assert plain_tooltip("bell\x07") == "bell␇"
    for text in (PAYLOAD, "a < b & c > d", "AMP&amp;", "&lt;b&gt;", "x &lt; y", "two\n<b>lines</b>"):
        tip = plain_tooltip(text)
        assert GuiQt.mightBeRichText(tip)  # rich for certain, so Qt never guesses
        assert rendered(tip) == shown(text)


def test_a_plain_label_never_interprets_its_text(qapp):
    label = PlainLabel(PAYLOAD)
    assert label.textFormat() == Qt.TextFormat.PlainText and not label.openExternalLinks()
    assert label.text() == shown(PAYLOAD)
    label.setText("again\x1b")
    assert label.text() == "again␛"
    assert_literal([label])


def test_a_static_message_box_shows_literal_text_as_it_is(qapp):
    """``QMessageBox.warning`` and friends guess the format: ``literal`` makes any guess right."""
    box = QMessageBox(QMessageBox.Icon.Warning, "Title", literal(PAYLOAD))
    assert box.textFormat() == Qt.TextFormat.AutoText  # what the static helpers use
    label = box.findChild(QLabel, "qt_msgbox_label")
    assert rendered(label.text(), label.textFormat()) == shown(PAYLOAD)  # no link left to open
    assert not problems_in(rendered(label.text()), "box")


def test_the_check_sees_rich_text_and_control_characters(qapp):
    """The checks below would catch the defect (they are not vacuous)."""
    label = QLabel(PAYLOAD)
    assert widget_problems([label])
    widget = QWidget()
    widget.setToolTip(PAYLOAD)
    assert widget_problems([widget])
    widget.setToolTip(plain_tooltip(PAYLOAD))
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setOpenExternalLinks(False)
    assert widget_problems([label])  # still the raw control characters
    label.setText(shown(PAYLOAD))
    assert not widget_problems([widget, label])


# -- the pages -------------------------------------------------------------------------
@graph_glyphs
def test_every_phase_page_shows_user_text_literally(qtbot, marked):
    window = marked
    for phase in Phase:
        window.go_to_phase(phase)
        page = window.current_page()
        select_each_list(page)
        qtbot.wait(20)
        tabs = page.findChildren(QTabBar)
        for bar in tabs:  # every inventory category
            for i in range(bar.count()):
                bar.setCurrentIndex(i)
                select_each_list(page)
                qtbot.wait(10)
                assert_literal(everything(window), action_problems(window))
        assert_literal(everything(window), action_problems(window))


@graph_glyphs
def drawn_graph(qtbot, window):
    """The Conflicts page's graph once drawn (the test is skipped without matplotlib)."""
    from workshop_app.ui.features import graph_available

    if not graph_available():
        pytest.skip("matplotlib is not installed")
    window.go_to_phase(Phase.CONFLICTS)
    page = window.current_page()
    qtbot.waitUntil(lambda: page.graph is not None and page.graph.drawn is not None, timeout=5000)
    return page.graph


def test_the_graph_tooltips_and_labels_show_user_text_literally(qtbot, marked):
    from matplotlib.text import Text

    window = marked
    graph = drawn_graph(qtbot, window)
    found = []
    for el in window.doc.workshop.elements:
        found += problems_in(rendered(graph.tooltip_html(el.id)), f"graph tooltip {el.id}")
    for text in graph.figure.findobj(Text):
        if "x^2" in text.get_text():
            assert not text.get_parse_math() and not text.get_usetex(), text.get_text()
    assert not found, f"{len(found)} problems:\n" + "\n".join(found[:40])


def test_the_wrapup_summary_is_escaped_and_opens_no_links(qtbot, marked):
    window = marked
    window.go_to_phase(Phase.WRAPUP)
    page = window.current_page()
    qtbot.waitUntil(lambda: "BOLD" in page.summary.toPlainText(), timeout=5000)
    assert not page.summary.openLinks() and not page.summary.openExternalLinks()
    assert_literal([page.summary])


# -- presentation, projector, voting ---------------------------------------------------
@graph_glyphs
def test_presentation_mode_and_the_audience_window_show_user_text_literally(qtbot, marked):
    from workshop_app.ui.projector.entry_list import EntryList
    from workshop_app.ui.projector.present_widgets import HeaderBar, VoteChart

    window = marked
    press(qtbot, window, Key.Key_F5, Mod.ShiftModifier)  # the audience window on the projector
    audience = window.presenter.audience
    qtbot.waitUntil(audience.isVisible, timeout=3000)
    ensure_active(qtbot, window)
    press(qtbot, window, Key.Key_F5)  # presentation mode on the laptop
    surface = window.presenter.surface
    qtbot.waitUntil(surface.isVisible, timeout=3000)
    for phase in Phase:
        window.go_to_phase(phase)
        select_each_list(window.page(phase))
        qtbot.wait(80)
        painted = []
        for widget in [*everything(window), surface, *surface.findChildren(QWidget)]:
            if isinstance(widget, EntryList):
                column = widget.column
                painted += [column.title, column.empty]
                for entry in column.entries:
                    painted += [entry.title, entry.detail, entry.caption, entry.badge, entry.marker]
            elif isinstance(widget, HeaderBar):
                painted += [widget.data.title, widget.data.workshop, widget.data.progress, widget.data.caption]
            elif isinstance(widget, VoteChart):
                painted += [title for _id, title, _votes in widget.results.bars]
        found = [p for i, text in enumerate(painted) for p in problems_in(text, f"{phase} painted {i}")]
        assert_literal(everything(window) + surface.findChildren(QWidget), found)
    qtbot.keyClick(surface, Key.Key_Escape)


@graph_glyphs
def test_the_vote_dialog_shows_user_text_literally(qtbot, marked):
    window = marked
    window.go_to_phase(Phase.CONFLICTS)
    press(qtbot, window, Key.Key_D, Mod.ControlModifier | Mod.ShiftModifier)
    dialog = window.presenter.voting
    qtbot.waitUntil(dialog.isVisible, timeout=2000)
    assert dialog.model.rowCount() and dialog.model.columnCount() > 3
    assert_literal([dialog, *dialog.findChildren(QWidget)])
    dialog.close()


def test_the_export_messages_show_file_names_literally(qtbot, marked, boxes, monkeypatch, tmp_path):
    from workshop_app.ui.window import export_dialog

    window = marked
    target = tmp_path / "BOLD<b>bold</b> LINK<a href=x>x</a> AMP&amp;" / "minutes.pdf"
    monkeypatch.setattr(export_dialog.ExportDialog, "exec", lambda self: export_dialog.QDialog.DialogCode.Accepted)
    monkeypatch.setattr(export_dialog.ExportDialog, "choice", lambda self: (target, "en", False))

    def disk_full(*_args):
        raise OSError("disk <b>full</b>")

    monkeypatch.setattr(export_dialog, "write_minutes", disk_full)
    assert export_dialog.run_export(window) is None
    monkeypatch.setattr(export_dialog, "write_minutes", lambda w, path, lang, final: path)
    boxes.answers.append(QMessageBox.StandardButton.Close)
    assert export_dialog.run_export(window) == target
    assert [kind for kind, _title, _text in boxes.shown] == ["critical", "question"]
    found = [p for kind, _title, text in boxes.shown for p in problems_in(rendered(text), kind)]
    assert "BOLD<b>bold</b>" in rendered(boxes.shown[1][2]) and not found, found


# -- the main window's own messages (main_window.py) ----------------------------------------
def test_the_unsaved_changes_box_shows_the_title_literally(qtbot, marked, boxes, monkeypatch):
    """The reproduction of the issue: the title in this box was a live link."""
    from workshop_app.model import UpdateItem

    window = marked
    asked: list[QMessageBox] = []

    def exec_box(box):
        asked.append(box)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "exec", exec_box)
    window.doc.push(UpdateItem("meta", None, {"venue": "Room 2"}), "Change venue")
    assert window.maybe_save() is False
    static = [p for kind, _title, text in boxes.shown for p in problems_in(rendered(text), f"{kind} box")]
    assert not static, static
    assert asked, "no box asked about the unsaved changes"
    label = asked[0].findChild(QLabel, "qt_msgbox_label")
    assert "BOLD<b>bold</b>" in rendered(label.text(), label.textFormat())
    found = problems_in(rendered(label.text(), label.textFormat()), "unsaved changes box")
    assert not found, found


def test_the_undo_menu_names_the_entry_literally(qtbot, marked):
    window = marked
    window.go_to_phase(Phase.WRAPUP)
    page = window.current_page()
    page.decisions.select_id(page.decisions.model.ids[0])
    assert page.decisions.delete_selected()
    found = problems_in(mnemonic(window.commands.undo.text()), "Undo action")
    assert not found, found



def test_the_graph_labels_leave_control_characters_out(qtbot, marked):
    from matplotlib.text import Text

    labels = [t.get_text() for t in drawn_graph(qtbot, marked).figure.findobj(Text) if "BOLD" in t.get_text()]
    assert labels and not [text for text in labels if CONTROL.search(text)]
