"""UI tests: Qt's standard paths in test mode, so nothing real is touched."""

import pytest


@pytest.fixture(autouse=True, scope="session")
def _qt_test_paths():
    from PySide6.QtCore import QStandardPaths

    QStandardPaths.setTestModeEnabled(True)
    yield
