"""``--screenshots DIR``: one non-blank 1600×900 picture per phase, the projector pictures, and the program exits."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage

from tests.builders import small_workshop
from workshop_app.model import Phase
from workshop_app.store import save_workshop
from workshop_app.ui.app import run_gui

#: The projector pictures (presentation mode at two projector sizes, the audience window) and their sizes.
PROJECTOR = {
    **{f"20-presentation-{p.value}.png": (1920, 1080) for p in Phase},
    **{f"21-presentation-{p.value}-1280x720.png": (1280, 720) for p in Phase},
    "30-audience-conflicts.png": (1920, 1080),
    "31-audience-results.png": (1920, 1080),
}
#: The alignment round on the wall, hidden and revealed: written when the workshop has a round (the demo has).
ALIGNMENT = {"32-audience-alignment-hidden.png": (1920, 1080), "33-audience-alignment.png": (1920, 1080)}


def assert_pictures(folder, alignment: bool = False):
    files = sorted(folder.glob("*.png"))
    phases = {f"{n:02d}-{p.value}.png": (1600, 900) for n, p in enumerate(Phase, start=1)}
    projector = {**PROJECTOR, **(ALIGNMENT if alignment else {})}
    assert [f.name for f in files] == sorted({**phases, **projector})
    for file in files:
        image = QImage(str(file))
        width, height = phases.get(file.name) or projector[file.name]
        assert (image.width(), image.height()) == (width, height)
        colours = {image.pixel(x, y) for x in range(0, width, 37) for y in range(0, height, 23)}
        # black on white by design: the projector pictures have fewer colours than the editor's
        assert len(colours) > (20 if file.name in phases else 6), f"{file.name} looks blank"


def test_demo_screenshots(qtbot, tmp_path, capsys):
    from workshop_app.ui.window.settings import app_settings

    settings = app_settings()
    settings.setValue("zoom_index", 2)
    settings.setValue("recent_files", ["/somewhere/kick-off.workshop.json"])
    settings.sync()
    ini = Path(settings.fileName())
    before = ini.read_bytes()
    assert run_gui(None, True, "de", str(tmp_path / "shots")) == 0
    assert_pictures(tmp_path / "shots", alignment=True)
    assert "07-wrapup.png" in capsys.readouterr().out
    app_settings().sync()  # writes whatever this process changed in that file, if anything
    assert ini.read_bytes() == before  # no 1600×900 geometry, zoom or recent file of the screenshots


def test_file_screenshots_and_a_bad_file_exits_with_problems(qtbot, tmp_path, capsys):
    source = tmp_path / "small.workshop.json"
    save_workshop(small_workshop(), source)
    before = source.read_bytes()
    assert run_gui(str(source), False, "en", str(tmp_path / "shots")) == 0
    assert_pictures(tmp_path / "shots")
    assert source.read_bytes() == before
    bad = tmp_path / "bad.workshop.json"
    bad.write_text("[]")
    assert run_gui(str(bad), False, "en", str(tmp_path / "none")) == 2
    assert "must hold one JSON object" in capsys.readouterr().err


def test_screenshots_at_a_laptop_size(qtbot, tmp_path):
    assert run_gui(None, True, "en", str(tmp_path / "shots"), size=(1366, 768)) == 0
    image = QImage(str(tmp_path / "shots" / "02-inventory.png"))
    assert (image.width(), image.height()) == (1366, 768)


def test_size_option_reads_width_by_height():
    import pytest

    from workshop_app.cli import _gui_parser

    assert _gui_parser().parse_args(["--size", "1280x720"]).size == (1280, 720)
    assert _gui_parser().parse_args([]).size == (1600, 900)
    with pytest.raises(SystemExit):
        _gui_parser().parse_args(["--size", "big"])
