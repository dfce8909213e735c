"""docs/file-format.md names every field and allowed value of the follow-up record (it cannot go stale)."""

import re
from pathlib import Path

from workshop_app.model import follow_up

TEXT = (Path(__file__).resolve().parent.parent / "docs" / "file-format.md").read_text(encoding="utf-8")
SECTION = TEXT.split("## Follow-up", 1)[1].split("\n## ", 1)[0]


def _quoted(text: str) -> set[str]:
    return set(re.findall(r"`([^`\n]+)`", text))


def test_the_follow_up_section_names_every_field_and_value():
    quoted = _quoted(SECTION) | {name.strip() for q in _quoted(SECTION) for name in q.split(",")}
    classes = [follow_up.FollowUp, follow_up.EarlierWorkshop, follow_up.ThenConflict, follow_up.ActionReview,
               follow_up.GoalReview, follow_up.KeptReview, follow_up.PilotReview]
    missing = [f"{c.__name__}.{name}" for c in classes for name in c.model_fields if name not in quoted]
    values = [e for e in (follow_up.ActionOutcome, follow_up.PilotVerdict, follow_up.PilotDecision)]
    missing += [f"{e.__name__}.{m.value}" for e in values for m in e if m.value not in quoted]
    assert not missing, missing
    assert "`follow_up`" in TEXT.split("## Values used throughout", 1)[0]  # in the top-level table
