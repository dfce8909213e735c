"""The follow-up record: which earlier workshop this one follows, and the review of what moved since.

Why this shape: a follow-up is an ordinary workshop carried over from an
earlier one (same ids, see ``workshop_app/store/follow_up.py``) plus this
record. The record names the earlier workshop by title, date, file name and
the SHA-256 of its file bytes, so the history stays traceable without the
earlier file being changed or even present. ``then_conflicts`` is what the
earlier workshop's conflict analysis said (kept as plain data, because the
elements it names may be removed in the follow-up), so "then vs now" can be
shown from this file alone. The review entries are keyed by the id of what
they review (an action, a shared goal, an agreement or agreed channel): the
reference table removes an entry with the object it reviews, and the
load-time check refuses an entry whose object does not exist.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from workshop_app.model.elements import Record
from workshop_app.model.enums import ConflictStatus, Triage
from workshop_app.model.types import Day, Id, LongText, Score, ShortText


class ActionOutcome(StrEnum):
    """What became of an action since the earlier workshop."""

    DONE = "done"
    IN_PROGRESS = "in_progress"
    BLOCKED = "blocked"
    DROPPED = "dropped"


class PilotVerdict(StrEnum):
    """Whether the pilot's result bears out its hypothesis."""

    CONFIRMED = "confirmed"
    REFUTED = "refuted"
    NOT_YET = "not_yet"


class PilotDecision(StrEnum):
    """What the room does with the pilot now."""

    EXTEND = "extend"
    ROLL_OUT = "roll_out"  # bring the rest of the organisation along
    STOP = "stop"


class EarlierWorkshop(Record):
    """The workshop this one follows: enough to find and verify the very file it was made from."""

    title: ShortText = ""
    date: Day | None = None
    file_name: ShortText = ""
    #: hexadecimal SHA-256 of the earlier file's bytes as read (empty when made from memory, e.g. the demo)
    sha256: ShortText = ""


class ThenConflict(Record):
    """One conflict of the earlier workshop's analysis, as it stood when the follow-up was made.

    ``element_ids`` are the ids it involved then; they are no references
    (the follow-up may remove those elements), which is the point: a
    conflict whose elements went is one that is gone.
    """

    id: Id
    rule: ShortText = "declared"
    element_ids: list[Id] = Field(default_factory=list)
    title_de: LongText = ""
    title_en: LongText = ""
    triage: Triage = Triage.NEW
    status: ConflictStatus = ConflictStatus.OPEN

    def title(self, lang: str) -> str:
        first, second = (self.title_de, self.title_en) if lang == "de" else (self.title_en, self.title_de)
        return first.strip() or second.strip() or self.id


class ActionReview(Record):
    """How an action of the earlier workshop went: outcome, a note, and the date it is now due."""

    outcome: ActionOutcome | None = None  # None: not reviewed yet
    note: LongText = ""
    new_date: Day | None = None


class GoalReview(Record):
    """The value a shared goal has reached, read against its baseline and target."""

    reached: ShortText = ""
    note: LongText = ""


class KeptReview(Record):
    """Whether an agreement or an agreed channel was kept: 1 (not at all) … 5 (fully), and why."""

    kept: Score | None = None  # None: not rated yet
    why: LongText = ""


class PilotReview(Record):
    """The pilot's result against its hypothesis (metric baseline → target → actual) and what follows."""

    actual: ShortText = ""
    verdict: PilotVerdict | None = None
    decision: PilotDecision | None = None
    note: LongText = ""


class FollowUp(Record):
    """Present only in a follow-up workshop (``Workshop.follow_up``); see the module docstring."""

    earlier: EarlierWorkshop = Field(default_factory=EarlierWorkshop)
    then_conflicts: list[ThenConflict] = Field(default_factory=list)
    #: the earlier workshop's last alignment round, which a new round is compared with
    earlier_round_id: Id | None = None
    actions: dict[Id, ActionReview] = Field(default_factory=dict)  # action id → review
    goals: dict[Id, GoalReview] = Field(default_factory=dict)  # shared goal id → review
    kept: dict[Id, KeptReview] = Field(default_factory=dict)  # agreement or agreed channel id → review
    pilot: PilotReview = Field(default_factory=PilotReview)


#: The review parts keyed by an id, and the class of their entries.
REVIEW_ENTRIES: dict[str, type[Record]] = {"actions": ActionReview, "goals": GoalReview, "kept": KeptReview}
