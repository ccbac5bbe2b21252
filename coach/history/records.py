"""What history holds: sessions and their work steps as plain records, and how times are written.

Times are kept as ISO 8601 text with milliseconds and the offset the person had at that moment,
so a session keeps the calendar day on which it was done wherever the history is read later.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from coach.history.checkins import CheckIn

Source = Literal["app", "plain", "logged", "imported", "reminder"]
SessionStatus = Literal["completed", "partial"]
StepStatus = Literal["done", "skipped"]

SOURCES: tuple[Source, ...] = ("app", "plain", "logged", "imported", "reminder")
SESSION_STATUSES: tuple[SessionStatus, ...] = ("completed", "partial")
STEP_STATUSES: tuple[StepStatus, ...] = ("done", "skipped")


def stamp(moment: datetime) -> str:
    """`moment` as history stores it, e.g. `2024-03-31T07:30:00.000+01:00`."""
    if moment.utcoffset() is None:
        raise ValueError(f"a history time needs an offset, got {moment.isoformat()}")
    return moment.isoformat(timespec="milliseconds")


def parse_stamp(text: str) -> datetime:
    """An ISO 8601 time with an offset (`Z` allowed); ValueError otherwise."""
    moment = datetime.fromisoformat(text)
    if moment.utcoffset() is None:
        raise ValueError(f"{text!r} has no offset (add e.g. +01:00 or Z)")
    return moment


@dataclass(frozen=True)
class StepRecord:
    """One work segment as it was done: planned and actual seconds, done or skipped."""

    index: int  # the segment's index in the routine's timeline; unique within a session
    name: str
    side: str | None
    set: int | None
    sets: int | None
    round: int | None
    rounds: int | None
    reps: int | None
    planned_s: float | None  # None for a self-paced step
    actual_s: float
    status: StepStatus
    started_at: str
    ended_at: str

    def to_json(self) -> dict[str, Any]:
        """The step as `coach history --json` prints it (a contract)."""
        return {
            "name": self.name,
            "side": self.side,
            "set": self.set,
            "sets": self.sets,
            "round": self.round,
            "rounds": self.rounds,
            "reps": self.reps,
            "planned_s": self.planned_s,
            "actual_s": self.actual_s,
            "status": self.status,
            "started_at": self.started_at,
            "ended_at": self.ended_at,
        }


@dataclass(frozen=True)
class SessionRecord:
    """One session: played in the app or `--plain`, logged by hand, or imported."""

    uid: str  # stable across machines, so an import recognises a session it already has
    routine_id: str
    routine_name: str
    plan_hash: str | None  # sha256 of the expanded plan; None when unknown (some imports)
    source: Source
    status: SessionStatus
    started_at: str
    ended_at: str
    planned_s: float
    active_s: float  # pauses excluded
    paused_s: float
    steps: tuple[StepRecord, ...] = ()
    id: int | None = None  # the row id in this database; None before it is stored
    checkin: CheckIn | None = None  # how the person said it went, if they said

    @property
    def started(self) -> datetime:
        return parse_stamp(self.started_at)

    @property
    def ended(self) -> datetime:
        return parse_stamp(self.ended_at)

    def to_json(self) -> dict[str, Any]:
        """The session as `coach history --json` prints it (a contract)."""
        return {
            "id": self.id,
            "routine": self.routine_id,
            "routine_name": self.routine_name,
            "started_at": self.started_at,
            "ended_at": self.ended_at,
            "status": self.status,
            "planned_s": self.planned_s,
            "active_s": self.active_s,
            "paused_s": self.paused_s,
            "steps": [step.to_json() for step in self.steps],
            "checkin": self.checkin.to_json() if self.checkin else None,
        }
