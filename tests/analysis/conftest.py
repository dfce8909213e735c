"""The ``doc`` fixture: the healthy workshop of tests/builders.py, fresh for each test."""

import pytest

from tests.builders import healthy_workshop
from workshop_app.model import Workshop


@pytest.fixture
def doc() -> Workshop:
    return healthy_workshop()
