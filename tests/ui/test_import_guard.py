"""The background preload and the main thread never meet inside a half-imported package."""

from __future__ import annotations

import subprocess
import sys
import textwrap

#: A package with a circular import whose first module takes a while: the shape of matplotlib's
#: figure ↔ transforms imports that made start-up fail now and then.
PACKAGE = {
    "__init__.py": "",
    "first.py": "import time\ntime.sleep(0.4)\nclass First: pass\nfrom slowcycle.second import Second\n",
    "second.py": "from slowcycle.first import First\nclass Second(First): pass\n",
}

SCRIPT = textwrap.dedent('''
    import importlib, sys, threading, time
    sys.path.insert(0, sys.argv[1])
    from workshop_app.ui.window import import_guard
    if sys.argv[2] == "guarded":
        thread = import_guard.preload(["slowcycle.first"], ["slowcycle"])
    else:
        thread = threading.Thread(target=importlib.import_module, args=("slowcycle.first",), daemon=True)
        thread.start()
    time.sleep(0.1)  # the preload is inside slowcycle.first now
    try:
        from slowcycle.second import Second  # the main thread starts on the other half of the cycle
        print("ok", Second.__mro__[1].__name__, flush=True)
    finally:
        thread.join()
''')


def run(tmp_path, mode: str) -> subprocess.CompletedProcess:
    folder = tmp_path / "slowcycle"
    folder.mkdir(exist_ok=True)
    for name, text in PACKAGE.items():
        (folder / name).write_text(text)
    return subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path), mode],
                          capture_output=True, text=True, timeout=60)


def test_the_main_thread_waits_for_the_preload_instead_of_meeting_it_half_way(tmp_path):
    unguarded = run(tmp_path, "plain")
    assert "cannot import name" in unguarded.stderr  # the race this guards against, reproduced
    guarded = run(tmp_path, "guarded")
    assert guarded.returncode == 0, guarded.stderr
    assert guarded.stdout.strip() == "ok First"


def test_the_guard_is_gone_once_the_preload_has_finished(tmp_path):
    import builtins

    from workshop_app.ui.window import import_guard

    folder = tmp_path / "quickpkg"
    folder.mkdir()
    (folder / "__init__.py").write_text("VALUE = 1\n")
    sys.path.insert(0, str(tmp_path))
    try:
        import_guard.preload(["quickpkg"], ["quickpkg"]).join(timeout=30)
        assert builtins.__import__ is import_guard._original_import
        import quickpkg

        assert quickpkg.VALUE == 1
    finally:
        sys.path.remove(str(tmp_path))
        sys.modules.pop("quickpkg", None)
