"""Small builders the tests share: a routine's steps as the loader makes them, and history
records as the store keeps them."""

from __future__ import annotations

from typing import Any

from coach.history.records import SessionRecord, StepRecord
from coach.routine.model import ExerciseStep, Routine, Sides, Step, TempoPhase


def exercise(
    name: str = "Ex",
    duration: float | None = None,
    *,
    reps: int | None = None,
    tempo: tuple[TempoPhase, ...] = (),
    sides: Sides = "none",
    sets: int = 1,
    switch: float = 0.0,
    prepare: float = 0.0,
    rest: float = 0.0,
) -> ExerciseStep:
    """An exercise step with no library entry, no instructions and no getting ready unless
    asked: timings are exactly the ones given."""
    return ExerciseStep(
        name=name,
        exercise_id=None,
        instructions=(),
        caution=None,
        duration=duration,
        reps=reps,
        tempo=tempo,
        sides=sides,
        sets=sets,
        switch=switch,
        prepare=prepare,
        rest=rest,
    )


def routine(*steps: Step) -> Routine:
    return Routine(id="r", name="R", steps=steps)


#: When the records below happened unless a test says otherwise.
STAMP = "2024-05-14T07:30:00.000+01:00"


def step_record(**fields: Any) -> StepRecord:
    """A done 30 s step of one set, as the history stores it; `fields` change any column."""
    values: dict[str, Any] = {
        "index": 1,
        "name": "Hold",
        "side": None,
        "set": None,
        "sets": None,
        "round": None,
        "rounds": None,
        "reps": None,
        "planned_s": 30.0,
        "actual_s": 30.0,
        "status": "done",
        "started_at": STAMP,
        "ended_at": STAMP,
    }
    values.update(fields)
    return StepRecord(**values)


def session_record(**fields: Any) -> SessionRecord:
    """A completed 10 min session played in the app; `fields` change any column."""
    values: dict[str, Any] = {
        "uid": "u1",
        "routine_id": "feet",
        "routine_name": "Feet",
        "plan_hash": None,
        "source": "app",
        "status": "completed",
        "started_at": STAMP,
        "ended_at": STAMP,
        "planned_s": 600.0,
        "active_s": 600.0,
        "paused_s": 0.0,
    }
    values.update(fields)
    return SessionRecord(**values)
