"""Test-wide isolation: no screen, no real user folders, a fixed language."""

import os
import tempfile

os.environ["QT_QPA_PLATFORM"] = "offscreen"
_SANDBOX = tempfile.mkdtemp(prefix="tandem-tests-")
os.environ["TANDEM_DATA_DIR"] = os.path.join(_SANDBOX, "data")
os.environ["TANDEM_CONFIG_DIR"] = os.path.join(_SANDBOX, "config")
os.environ.setdefault("MPLBACKEND", "Agg")
os.environ["MPLCONFIGDIR"] = os.path.join(_SANDBOX, "mpl")
os.environ["TANDEM_LANG"] = "en"  # the command line's messages too, whatever LANG the machine has

import pytest  # noqa: E402

from workshop_app import i18n  # noqa: E402


@pytest.fixture(autouse=True)
def _english_ui():
    """Every test starts with the English UI language."""
    i18n.set_language("en")
    yield
    i18n.set_language("en")


@pytest.fixture(autouse=True)
def _fresh_settings():
    """Every test starts with the settings of a new user: what one test remembers (the export
    formats, the recent files, the language) never decides what another one sees."""
    settings = os.path.join(os.environ["TANDEM_CONFIG_DIR"], "tandem.ini")
    if os.path.exists(settings):
        os.unlink(settings)
    yield


@pytest.fixture
def empty_recovery_folder():
    """No recovery copies before and after the test (they are the user's 'unsaved work' to the app)."""
    from workshop_app.store.recovery import recovery_dir

    def empty() -> None:
        for path in recovery_dir().glob("*"):
            path.unlink()

    empty()
    yield
    empty()
