"""The restore question names every kind of change in words, never by its key in the file."""

from workshop_app.model import AnalysisSettings, Workshop
from workshop_app.model.diff import differences
from workshop_app.model.references import COLLECTIONS
from workshop_app.ui.window.questions import COLLECTION_NAMES


def test_every_collection_and_single_part_has_a_name():
    assert set(COLLECTIONS) | {"meta", "agenda", "pilot", "analysis"} <= set(COLLECTION_NAMES)


def test_a_changed_threshold_is_a_difference():
    old, new = Workshop(), Workshop(analysis=AnalysisSettings(period_ratio=6))
    assert [d.collection for d in differences(old, new)] == ["analysis"]
