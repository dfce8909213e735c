"""Screenshots of what the room sees: presentation mode per phase at two projector sizes, the audience window.

Written by ``tandem --screenshots DIR`` after the editor pictures:

* ``20-presentation-<phase>.png`` — presentation mode at 1920 × 1080;
* ``21-presentation-<phase>-1280x720.png`` — the same on a 1280 × 720 projector;
* ``30-audience-conflicts.png`` — the audience window in the Conflicts phase
  with the first conflict selected, ``31-audience-results.png`` with the
  dot-vote chart;
* ``32-audience-alignment-hidden.png`` and ``33-audience-alignment.png`` —
  the workshop's last alignment round on the wall, before and after it is
  revealed (when the workshop has a round).

The projector view is rendered off screen at exactly those sizes (a real
full-screen window would take whatever size the test platform's screen has),
at the remembered type scale, following the editor's first selection on each
page, as in the room.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QWidget

from workshop_app.model import Phase

SIZES = {"": QSize(1920, 1080), "-1280x720": QSize(1280, 720)}


def _settle(widget: QWidget | None = None) -> None:
    for _round in range(3):  # layouts first
        QApplication.processEvents()
    if widget is not None:  # the graph redraws for its final size only after a pause: do it now
        from workshop_app.ui.graph.graph_canvas import GraphCanvas

        for graph in widget.findChildren(GraphCanvas):
            if graph.isVisible() and graph.doc is not None:
                graph.refresh()
        QApplication.processEvents()


def _save(widget: QWidget, target: Path) -> Path:
    if not widget.grab().save(str(target), "PNG"):
        raise OSError(f"could not write {target}")
    return target


def render_presentation(window, folder: Path) -> list[Path]:
    """Write the projector pictures of ``window``'s workshop into ``folder``; returns the files."""
    from workshop_app.ui.projector.audience import AudienceWindow
    from workshop_app.ui.projector.audience_view import AudienceView

    presenter = window.presenter
    written = []
    for number, (suffix, size) in enumerate(SIZES.items(), start=20):
        surface = AudienceView(window.doc, window.clock, interactive=True)
        surface.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        surface.resize(size)
        surface.set_scale(presenter.scale)
        surface.show()
        for phase in Phase:
            window.go_to_phase(phase, focus=False)
            window.page(phase).select_initial()
            surface.set_stage(presenter.current_stage())
            _settle(surface)
            written.append(_save(surface, folder / f"{number}-presentation-{phase.value}{suffix}.png"))
        surface.close()
        surface.deleteLater()

    audience = AudienceWindow(window.doc, window.clock)
    audience.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    audience.resize(SIZES[""])
    audience.view.set_scale(presenter.scale)
    audience.show()
    window.go_to_phase(Phase.CONFLICTS, focus=False)
    window.page(Phase.CONFLICTS).select_initial()
    stage = presenter.current_stage()
    for name, results in (("30-audience-conflicts", False), ("31-audience-results", True)):
        audience.view.set_stage(replace(stage, results=results))
        _settle(audience)
        written.append(_save(audience, folder / f"{name}.png"))
    rounds = window.doc.workshop.alignment.rounds
    if rounds:
        window.go_to_phase(Phase.INVENTORY, focus=False)
        stage = replace(presenter.current_stage(), alignment=rounds[-1].id)
        for name, revealed in (("32-audience-alignment-hidden", False), ("33-audience-alignment", True)):
            audience.view.set_stage(replace(stage, alignment_revealed=revealed))
            _settle(audience)
            written.append(_save(audience, folder / f"{name}.png"))
    audience.close()
    audience.deleteLater()
    return written
