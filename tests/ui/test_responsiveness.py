"""The graph libraries are preloaded in the background only once the window has painted.

Started with the window, the preload thread held the GIL through the first
paint and made start-up ~100 ms slower (benchmarks/bench_startup.py).
"""

from __future__ import annotations

from workshop_app.ui.window import responsiveness


def test_preload_starts_after_the_first_paint_not_before(qtbot, monkeypatch):
    from workshop_app.ui.window.main_window import MainWindow

    started: list[bool] = []
    monkeypatch.setattr(responsiveness, "_preload_started", False)
    monkeypatch.setattr(responsiveness.Responsiveness, "_preload", lambda self: started.append(True))
    win = MainWindow()
    qtbot.addWidget(win)
    qtbot.wait(50)
    assert not started  # built, not yet shown
    win.show()
    qtbot.waitUntil(lambda: bool(started), timeout=2000)
    assert started == [True]
    win.doc.undo_stack.setClean()
