"""The facilitator's window: phase navigator, one page per phase, menus, timebox.

The window owns the :class:`Document` (model, path, undo stack) and builds
pages only when first shown, so start-up stays quick and an edit refreshes
only the page on screen.

It starts in two steps (``tandem`` does both; ``MainWindow()`` alone does
both at once). The *shell* — title, the navigator with the seven phases, an
empty page frame, the menu bar's titles — needs only Qt and the phase names,
so this module imports neither the model (pydantic) nor any page: the shell
paints while the interpreter has imported little more than PySide6.
:meth:`MainWindow.finish_start` then imports the model, makes the document,
the menus and the timebox, opens the first workshop and fills its page;
:attr:`MainWindow.ready` says the window takes input from then on.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenuBar,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from workshop_app.i18n import _, current_language
from workshop_app.model.enums import Phase
from workshop_app.ui.widgets.plain import literal, menu_text, shown
from workshop_app.ui.widgets.style import DEFAULT_POINT_SIZE, ZOOM_STEPS, base_font, style_sheet
from workshop_app.ui.window.navigator import PhaseNavigator, phase_label
from workshop_app.ui.window.settings import (
    add_recent_file,
    app_settings,
    language_choice,
    recent_files,
    remove_recent_file,
    resolve_language,
    set_language_choice,
)

if TYPE_CHECKING:
    from workshop_app.model import Workshop
    from workshop_app.store import LoadError
    from workshop_app.store.disk import DiskStamp
    from workshop_app.ui.document import Document
    from workshop_app.ui.pages.base import PhasePage
    from workshop_app.ui.projector.presentation import Presenter
    from workshop_app.ui.widgets.message_bar import MessageBar
    from workshop_app.ui.widgets.timebox import TimeboxClock, TimeboxWidget
    from workshop_app.ui.window.actions import Actions
    from workshop_app.ui.window.responsiveness import Responsiveness
    from workshop_app.ui.window.safekeeping import Safekeeper

FILE_FILTER_KEY = "last_folder"
MAX_PROBLEMS_SHOWN = 12
#: The menu bar's titles in the shell, as :func:`~workshop_app.ui.window.actions.build_menus` makes them
#: (a test holds the two together): the bar has its height and words from the first paint on.
SHELL_MENUS = ("&File", "&Edit", "&View", "&Phase", "&Help")
#: A shell that is never painted (started minimized, say) still gets its workshop by then.
FINISH_LATEST_MS = 1000


class _FirstPaint(QObject):
    """Calls ``then`` once, at the first paint event of the window it watches."""

    def __init__(self, window: QWidget, then: Callable[[], object]):
        super().__init__(window)
        self._window, self._then = window, then

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if watched is self._window and event.type() == QEvent.Type.Paint and self._then is not None:
            then, self._then = self._then, None
            then()
        return False


class MainWindow(QMainWindow):
    """One workshop at a time; File/Edit/View/Phase/Help menus; keyboard for everything."""

    #: The phase on screen changed (the projector follows it: ui/projector/presentation.py).
    phase_shown = Signal(object)
    #: The start is finished: the document is in, the page on screen is filled and takes input.
    ready = Signal()

    # What finish_start makes (the shell has none of them yet)
    doc: Document
    safekeeper: Safekeeper
    responsiveness: Responsiveness
    clock: TimeboxClock
    timebox: TimeboxWidget
    presenter: Presenter
    commands: Actions
    message_bar: MessageBar

    def __init__(self, settings: QSettings | None = None, parent: QWidget | None = None, *,
                 shell_only: bool = False):
        """The window; ``shell_only`` stops after the shell, for :meth:`finish_start` after its first paint."""
        super().__init__(parent)
        self.settings = settings or app_settings()
        self.pages: dict[Phase, PhasePage] = {}
        self.current_phase: Phase | None = None
        self.zoom_index = self._stored_zoom()
        self._shortcuts: QDialog | None = None  # the keyboard reference, made when first asked for
        self.alignment_window: QDialog | None = None  # the alignment check, made when first opened
        self._ready = False

        self.navigator = PhaseNavigator()
        self.stack = QStackedWidget()
        self.header = self._build_header()
        central = QWidget()
        central.setObjectName("central")
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.setSpacing(0)
        right.addWidget(self.header)
        self._page_area = page_area = QVBoxLayout()
        page_area.setContentsMargins(16, 14, 16, 12)
        page_area.addWidget(self.stack)  # the message bar goes above it in finish_start (hidden until needed)
        right.addLayout(page_area, 1)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigator)
        layout.addLayout(right, 1)
        self.setCentralWidget(central)
        for title in SHELL_MENUS:  # replaced by the real menus in finish_start
            self.menuBar().addMenu(_(title))
        self.status_label = QLabel()
        self.status_label.setProperty("role", "hint")
        self.statusBar().addPermanentWidget(self.status_label)

        self._prebuild_timer = QTimer(self)
        self._prebuild_timer.setSingleShot(True)
        self._prebuild_timer.timeout.connect(self._prebuild_next_page)
        self.apply_zoom()
        self.resize(1400, 860)
        self.setWindowTitle("Tandem")
        if not shell_only:
            self.finish_start()

    def is_ready(self) -> bool:
        """Whether :meth:`finish_start` has run: before, the window is only its shell."""
        return self._ready

    def finish_start(self, open_first: Callable[[], object] | None = None) -> None:
        """Make the document and everything that works on it, open the first workshop, take input.

        ``open_first`` opens the workshop to start with (the demo, a file); without it, or when it
        fails, the window keeps the new blank workshop. Emits :attr:`ready` at the end.
        """
        if self._ready:
            return
        from workshop_app.ui.document import Document
        from workshop_app.ui.features import minutes_export_available
        from workshop_app.ui.projector.presentation import Presenter
        from workshop_app.ui.widgets.message_bar import MessageBar
        from workshop_app.ui.widgets.timebox import TimeboxClock, TimeboxWidget
        from workshop_app.ui.window.actions import build_actions, build_menus
        from workshop_app.ui.window.responsiveness import Responsiveness
        from workshop_app.ui.window.safekeeping import Safekeeper

        self.message_bar = MessageBar()
        self.message_bar.action_requested.connect(self.save_as)
        self._page_area.insertWidget(0, self.message_bar)
        self.doc = Document(parent=self)
        self.safekeeper = Safekeeper(self)
        self.responsiveness = Responsiveness(self)  # no full-GC stalls mid-edit; graph libraries preloaded
        self.clock = TimeboxClock(self.doc, parent=self)
        self.timebox = TimeboxWidget(self.clock)
        self.header.layout().addWidget(self.timebox, 0, Qt.AlignmentFlag.AlignVCenter)
        self.navigator.attach(self.doc, self.clock)
        self.navigator.currentRowChanged.connect(self._on_navigator_row)

        self.presenter = Presenter(self)  # presentation mode and the audience window; adds its menu entries
        self.commands = build_actions(self)
        bar = QMenuBar(self)
        build_menus(self, self.commands, bar)
        self.setMenuBar(bar)  # in place of the shell's titles
        self.commands.languages[language_choice(self.settings)].setChecked(True)

        self.doc.modified_changed.connect(lambda _m: self._update_title())
        self.doc.path_changed.connect(lambda _p: self._update_title())
        self.doc.read_only_changed.connect(lambda _r: self._update_title())
        self.doc.read_only_changed.connect(lambda _r: self._read_only_notice())
        self.doc.changed.connect(lambda _op: self._after_edit())
        self.doc.replaced.connect(self._after_replace)
        self.doc.refused.connect(self.show_refusal)
        self.doc.cautioned.connect(self.show_refusal)
        self.doc.undo_stack.canUndoChanged.connect(self.commands.undo.setEnabled)
        self.doc.undo_stack.canRedoChanged.connect(self.commands.redo.setEnabled)
        self.doc.undo_stack.undoTextChanged.connect(self._undo_text)
        self.doc.undo_stack.redoTextChanged.connect(self._redo_text)
        self._undo_text("")
        self._redo_text("")
        self.commands.export_minutes.setEnabled(minutes_export_available())
        self._ready = True
        self._update_title()
        if open_first is not None:
            open_first()
        if self.isVisible():
            if self.current_phase is None:
                self.go_to_phase(self._first_open_phase())
            self._focus_page()
            self._prebuild_timer.start(200)
        self.ready.emit()

    def after_first_paint(self, then: Callable[[], object]) -> None:
        """Call ``then`` once the window has reached the screen (or a second from now at the latest).

        Call it before showing the window; ``tandem`` finishes its start this way. The zero-delay
        timer after the paint event lets the painted frame be flushed to the screen first.
        """
        done = False

        def call() -> None:
            nonlocal done
            if not done:
                done = True
                self.removeEventFilter(watcher)
                then()

        watcher = _FirstPaint(self, lambda: QTimer.singleShot(0, self, call))
        self.installEventFilter(watcher)
        QTimer.singleShot(FINISH_LATEST_MS, self, call)

    # -- layout ----------------------------------------------------------------
    def _build_header(self) -> QFrame:
        """Phase number, title and hint; the timebox joins on the right in finish_start."""
        header = QFrame()
        header.setObjectName("header")
        self.phase_number = QLabel()
        self.phase_number.setProperty("role", "hint")
        self.phase_title = QLabel()
        self.phase_title.setProperty("role", "h1")
        self.phase_title.setObjectName("phase_title")
        self.phase_hint = QLabel()
        self.phase_hint.setProperty("role", "hint")
        self.phase_hint.setWordWrap(True)
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.phase_number)
        text.addWidget(self.phase_title)
        text.addWidget(self.phase_hint)
        layout = QHBoxLayout(header)
        layout.setContentsMargins(20, 10, 20, 10)
        layout.addLayout(text, 1)
        layout.addSpacing(16)
        return header

    # -- pages -----------------------------------------------------------------
    def page(self, phase: Phase) -> PhasePage:
        """The page of ``phase``, built on first use."""
        phase = Phase(phase)
        if phase not in self.pages:
            from workshop_app.ui.phases import PHASES

            cls = PHASES[phase].page_class()
            page = cls(self.doc)
            page.setObjectName(f"page_{phase}")
            self.pages[phase] = page
            self.stack.addWidget(page)
        return self.pages[phase]

    def current_page(self) -> PhasePage | None:
        return self.pages.get(self.current_phase) if self.current_phase else None

    def go_to_phase(self, phase: Phase, focus: bool = True) -> None:
        """Show ``phase``'s page. Not an edit: typed text is committed first, never lost."""
        phase = Phase(phase)
        if phase == self.current_phase:
            return
        self.commit_pending()
        old = self.current_page()
        page = self.page(phase)
        if old is not None:
            old.deactivate()
        self.current_phase = phase
        page.activate()
        self.stack.setCurrentWidget(page)
        row = list(Phase).index(phase)
        if self.navigator.currentRow() != row:
            self.navigator.blockSignals(True)
            self.navigator.setCurrentRow(row)
            self.navigator.blockSignals(False)
        self.commands.phases[row].setChecked(True)
        self.phase_number.setText(_("Phase {n} of {total}").format(n=row + 1, total=len(Phase)))
        self.phase_title.setText(phase_label(phase))
        from workshop_app.ui.phases import PHASES

        self.phase_hint.setText(_(PHASES[phase].hint))
        self.timebox.set_phase(phase)
        self._update_done_action()
        if focus and not self.navigator.hasFocus():
            page.focus_first()
        self.phase_shown.emit(phase)

    def _on_navigator_row(self, row: int) -> None:
        if row >= 0:
            self.go_to_phase(self.navigator.phase_at(row), focus=False)

    def step_phase(self, step: int) -> None:
        phases = list(Phase)
        index = phases.index(self.current_phase or Phase.SETUP) + step
        if 0 <= index < len(phases):
            self.go_to_phase(phases[index])

    def commit_pending(self) -> None:
        page = self.current_page()
        if page is not None:
            page.commit_pending()

    # -- edits -----------------------------------------------------------------
    def undo(self) -> None:
        if self.doc.refused_as_read_only():
            return
        self.commit_pending()
        self.doc.undo_stack.undo()

    def redo(self) -> None:
        if self.doc.refused_as_read_only():
            return
        self.commit_pending()
        self.doc.undo_stack.redo()

    def _undo_text(self, text: str) -> None:
        self.commands.undo.setText(_("&Undo {what}").format(what=menu_text(text)).strip() if text else _("&Undo"))

    def _redo_text(self, text: str) -> None:
        self.commands.redo.setText(_("&Redo {what}").format(what=menu_text(text)).strip() if text else _("&Redo"))

    def delete_selected(self) -> None:
        page = self.current_page()
        if page is None or not page.delete_selected():
            self.statusBar().showMessage(_("Select an entry in a list to delete it."), 4000)

    def _after_edit(self) -> None:
        self._update_title()
        self._update_done_action()
        self.timebox.update_view()

    def _after_replace(self) -> None:
        self._after_edit()
        self.navigator.update_progress()

    def show_refusal(self, message: str) -> None:
        """Why an edit was not made, in the bar above the page: no modal box mid-typing."""
        self.message_bar.show_refusal(message)

    def _read_only_notice(self) -> None:
        if self.doc.read_only:
            self.message_bar.set_persistent(
                _("This workshop is open read-only: changes cannot be made here. Save a copy to work on it."),
                _("Save a copy…"))
        else:
            self.message_bar.set_persistent(None)

    # -- timebox ---------------------------------------------------------------
    def toggle_timer(self) -> None:
        self.commit_pending()  # a shortcut while typing: the typing is entered first, never overwritten
        self.clock.toggle(self.current_phase or Phase.SETUP)

    def extend_timer(self) -> None:
        self.commit_pending()
        self.clock.extend(self.current_phase or Phase.SETUP)

    def toggle_phase_done(self) -> None:
        self.commit_pending()
        phase = self.current_phase or Phase.SETUP
        item = self.doc.workshop.agenda_item(phase)
        done = not (item.done if item else False)
        text = _("Mark {phase} as done") if done else _("Mark {phase} as not done")
        from workshop_app.model import UpdateAgenda

        self.doc.push(UpdateAgenda(phase, {"done": done}), text.format(phase=phase_label(phase)))

    def _update_done_action(self) -> None:
        item = self.doc.workshop.agenda_item(self.current_phase or Phase.SETUP)
        self.commands.phase_done.setChecked(bool(item and item.done))

    # -- title -----------------------------------------------------------------
    def _update_title(self) -> None:
        name = self.doc.display_name()
        suffix = " " + _("(read-only)") if self.doc.read_only else ""
        self.setWindowTitle(f"{name}[*]{suffix} — Tandem")
        self.setWindowModified(self.doc.is_modified)
        if self.doc.read_only:
            self.status_label.setText(_("Read-only"))
        elif self.doc.is_modified:
            self.status_label.setText("● " + _("Unsaved changes"))
        else:
            self.status_label.setText(_("All changes saved") if self.doc.path else "")

    # -- files -----------------------------------------------------------------
    def maybe_save(self) -> bool:
        """Ask what to do with unsaved changes; True when it is safe to go on."""
        self.commit_pending()
        self.clock.record()
        if not self.doc.is_modified:
            return True
        box = QMessageBox(  # plain text: the title is the room's text, never markup or a link
            QMessageBox.Icon.Warning, _("Unsaved changes"),
            _("“{name}” has changes that are not saved. Save them first?").format(name=shown(self.doc.display_name())),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def set_workshop(self, workshop: Workshop, path: str | Path | None, stamp: DiskStamp | None = None) -> None:
        """Show another workshop (the caller has asked about unsaved changes); ``stamp``: what was read."""
        old = self.current_page()
        if old is not None:
            old.deactivate()
        self.current_phase = None
        self.doc.replace(workshop, path, stamp)
        self.go_to_phase(self._first_open_phase())
        self._update_title()

    def _first_open_phase(self) -> Phase:
        """Where to start in a workshop already under way: the first phase not marked done."""
        for phase in Phase:
            item = self.doc.workshop.agenda_item(phase)
            if item is None or not item.done:
                return phase
        return Phase.WRAPUP

    def new_workshop(self) -> None:
        """File ▸ New: a blank workshop dated today, the day it is most likely held or planned.

        The date is set here, not as the model's default, so a file saved
        without a date still loads without one.
        """
        if self.maybe_save():
            from workshop_app.ui.document import blank_workshop

            workshop = blank_workshop()
            workshop.meta.date = date.today()
            self.set_workshop(workshop, None)

    def open_demo(self) -> bool:
        def load(lang: str):
            from workshop_app.store.demo import load_demo

            return load_demo(lang)

        return self.open_built_in(load)

    def open_built_in(self, load) -> bool:
        """Open a workshop that comes with Tandem (the demo, its follow-up), ``load(language)``, as a new
        unsaved document, after the usual question about unsaved work."""
        if not self.maybe_save():
            return False
        try:
            workshop = load(current_language())
        except ImportError:
            QMessageBox.information(self, _("Demo workshop"), _("The demo workshop is not installed."))
            return False
        except Exception as exc:  # a broken demo must not crash the app
            QMessageBox.critical(self, _("Demo workshop"),
                                 literal(_("The demo workshop could not be loaded: {reason}").format(reason=exc)))
            return False
        self.set_workshop(workshop, None)
        return True

    def last_folder(self) -> str:
        folder = str(self.settings.value(FILE_FILTER_KEY, "") or "")
        return folder if folder and Path(folder).is_dir() else str(Path.home())

    def _file_filter(self) -> str:
        from workshop_app.store import SUFFIX

        return ";;".join([_("Workshop files (*{suffix})").format(suffix=SUFFIX), _("All files (*)")])

    def open_dialog(self) -> None:
        if not self.maybe_save():
            return
        path, _filter = QFileDialog.getOpenFileName(self, _("Open workshop"), self.last_folder(), self._file_filter())
        if path:
            self.open_path(path)

    def open_path(self, path: str | Path) -> bool:
        """Open a workshop file; on problems show them all and keep the current workshop."""
        from workshop_app.store import LoadError

        try:
            if not self.safekeeper.open(Path(path)):
                return False
        except LoadError as exc:
            self.show_load_problems(Path(path), exc)
            if str(path) in recent_files(self.settings) and not Path(path).exists():
                remove_recent_file(self.settings, str(path))
            return False
        self._remember_file(Path(path))
        self.statusBar().showMessage(_("Opened {name}").format(name=Path(path).name), 5000)
        return True

    def show_load_problems(self, path: Path, error: LoadError) -> None:
        problems = [str(p) for p in error.problems] or [str(error)]
        shown = problems[:MAX_PROBLEMS_SHOWN]
        text = "\n".join(f"• {p}" for p in shown)
        if len(problems) > len(shown):
            text += "\n" + _("… and {n} more problems.").format(n=len(problems) - len(shown))
        box = QMessageBox(QMessageBox.Icon.Critical, _("Cannot open workshop"),
                          _("“{name}” could not be opened. The file was not changed.").format(name=path.name),
                          QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(text)
        box.setDetailedText("\n".join(problems))
        box.exec()

    def _remember_file(self, path: Path) -> None:
        add_recent_file(self.settings, str(path.resolve()))
        self.settings.setValue(FILE_FILTER_KEY, str(path.resolve().parent))

    def fill_recent_menu(self) -> None:
        menu = self.commands.recent_menu
        assert menu is not None
        menu.clear()
        files = recent_files(self.settings)
        for number, path in enumerate(files, start=1):
            action = menu.addAction(f"&{number}  {menu_text(Path(path).name)}")
            action.setStatusTip(path)
            action.triggered.connect(lambda _c=False, p=path: self.open_path(p) if self.maybe_save() else None)
        if not files:
            menu.addAction(_("No recent workshops")).setEnabled(False)

    def suggested_path(self) -> str:
        if self.doc.path is not None:
            return str(self.doc.path)
        stem = re.sub(r"[^\w-]+", "-", self.doc.workshop.meta.title.strip().lower()).strip("-") or _("workshop")
        from workshop_app.store import SUFFIX

        return str(Path(self.last_folder()) / f"{stem}{SUFFIX}")

    def save(self) -> bool:
        self.commit_pending()
        if self.doc.path is None or self.doc.read_only:  # read-only: the file belongs to someone else
            return self.save_as()
        return self._save_to(self.doc.path)

    def save_as(self) -> bool:
        self.commit_pending()
        path, _filter = QFileDialog.getSaveFileName(self, _("Save workshop as"), self.suggested_path(), self._file_filter())
        if not path:
            return False
        if not path.endswith(".json"):
            from workshop_app.store import SUFFIX

            path += SUFFIX
        return self._save_to(Path(path))

    def _save_to(self, path: Path) -> bool:
        self.clock.record()
        if not self.safekeeper.may_save_to(path):
            return False
        result = self.safekeeper.save_to(path)
        if result == "save_as":
            return self.save_as()
        if result != "saved":
            return False
        self.doc.read_only = False
        self._remember_file(path)
        self._update_title()
        self.statusBar().showMessage(_("Saved {name}").format(name=path.name), 5000)
        return True

    def export_minutes(self) -> None:
        from workshop_app.ui.features import minutes_export_available

        if not minutes_export_available():
            return
        self.commit_pending()
        from workshop_app.ui.window.export_dialog import run_export

        run_export(self)

    # -- view ------------------------------------------------------------------
    def _stored_zoom(self) -> int:
        try:
            index = int(self.settings.value("zoom_index", ZOOM_STEPS.index(1.0)))
        except (TypeError, ValueError):
            index = ZOOM_STEPS.index(1.0)
        return min(max(index, 0), len(ZOOM_STEPS) - 1)

    def point_size(self) -> float:
        return DEFAULT_POINT_SIZE * ZOOM_STEPS[self.zoom_index]

    def apply_zoom(self) -> None:
        pt = self.point_size()
        app = QApplication.instance()
        if app is not None:
            app.setFont(base_font(pt))
        self.setFont(base_font(pt))
        self.setStyleSheet(style_sheet(pt))
        self.settings.setValue("zoom_index", self.zoom_index)

    def _zoom_to(self, index: int) -> None:
        index = min(max(index, 0), len(ZOOM_STEPS) - 1)
        if index != self.zoom_index:
            self.zoom_index = index
            self.apply_zoom()
        self.statusBar().showMessage(_("Zoom {percent} %").format(percent=int(ZOOM_STEPS[index] * 100)), 2000)

    def zoom_in(self) -> None:
        self._zoom_to(self.zoom_index + 1)

    def zoom_out(self) -> None:
        self._zoom_to(self.zoom_index - 1)

    def zoom_reset(self) -> None:
        self._zoom_to(ZOOM_STEPS.index(1.0))

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()
        self.commands.full_screen.setChecked(self.isFullScreen())

    def choose_language(self, code: str) -> None:
        """Store the UI language (``system``, ``de`` or ``en``); it applies at the next start.

        Switching live would mean rebuilding every page and menu mid-workshop;
        a restart is cheap (recovery keeps the work) and the prompt says so.
        """
        set_language_choice(self.settings, code)
        if resolve_language(code) != current_language():
            QMessageBox.information(self, "Tandem", _("The new language is used the next time Tandem starts."))

    def open_alignment(self) -> None:
        """Show the alignment check's window (made on first use: it brings matplotlib's Qt canvas)."""
        if self.alignment_window is None:
            from workshop_app.ui.alignment import AlignmentWindow

            self.alignment_window = AlignmentWindow(self.doc, self, presenter=self.presenter)
        self.alignment_window.show()
        self.alignment_window.raise_()
        self.alignment_window.activateWindow()

    def show_shortcuts(self) -> None:
        """The keyboard reference, beside the work rather than in front of it (not modal; F1 again raises it)."""
        from workshop_app.ui.window.help import ShortcutsDialog

        if self._shortcuts is None:
            self._shortcuts = ShortcutsDialog(self)
        self._shortcuts.show()
        self._shortcuts.raise_()
        self._shortcuts.activateWindow()

    def show_about(self) -> None:
        from workshop_app import __version__

        QMessageBox.about(self, _("About Tandem"),
                          _("Tandem {version}\nModerate a joint Marketing and Sales workshop, offline, on the projector.")
                          .format(version=__version__))

    # -- closing ---------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # Qt override
        if not self._ready:  # closed while still the shell: there is no work to keep yet
            event.accept()
            return
        self.commit_pending()
        if self.clock.running:
            self.clock.pause()
        if self.maybe_save():
            self.safekeeper.clean_exit()
            self.settings.setValue("zoom_index", self.zoom_index)
            if not self.isFullScreen():
                self.settings.setValue("geometry", self.saveGeometry())
            event.accept()
        else:
            event.ignore()

    def resizeEvent(self, event) -> None:  # Qt override
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.navigator.fit_width()

    def showEvent(self, event) -> None:  # Qt override
        if not self._ready:  # the shell: finish_start fills the page and starts what follows here
            super().showEvent(event)
            return
        if self.current_phase is None:
            self.go_to_phase(Phase.SETUP)
        super().showEvent(event)
        QTimer.singleShot(0, self, self._focus_page)
        self._prebuild_timer.start(200)

    def _prebuild_next_page(self) -> None:
        """Build the remaining pages one per idle moment, so even the first switch to each is quick."""
        for phase in Phase:
            if phase not in self.pages:
                self.page(phase)
                self._prebuild_timer.start(0)
                return

    def _focus_page(self) -> None:
        page = self.current_page()
        if page is not None and QApplication.focusWidget() is None:
            page.focus_first()
