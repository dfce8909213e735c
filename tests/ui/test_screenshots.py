"""``--screenshots DIR``: one non-blank 1600×900 picture per phase, and the program exits."""

from __future__ import annotations

from PySide6.QtGui import QImage

from tests.ui.conftest import small_workshop
from workshop_app.model import Phase
from workshop_app.store import save_workshop
from workshop_app.ui.app import run_gui


def assert_pictures(folder):
    files = sorted(folder.glob("*.png"))
    assert [f.name for f in files] == [f"{n:02d}-{p.value}.png" for n, p in enumerate(Phase, start=1)]
    for file in files:
        image = QImage(str(file))
        assert (image.width(), image.height()) == (1600, 900)
        colours = {image.pixel(x, y) for x in range(0, 1600, 37) for y in range(0, 900, 23)}
        assert len(colours) > 20, f"{file.name} looks blank"


def test_demo_screenshots(qtbot, tmp_path, capsys):
    assert run_gui(None, True, "de", str(tmp_path / "shots")) == 0
    assert_pictures(tmp_path / "shots")
    assert "07-wrapup.png" in capsys.readouterr().out


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
