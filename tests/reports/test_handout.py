"""How a handout words each exercise's dose, and what it lists of a routine."""

from __future__ import annotations

from typing import Any

import pytest

from coach.report.handout import dose, handout
from coach.routine.model import ExerciseStep, RepeatBlock, RestStep, Routine, TempoPhase


def exercise(name: str = "Calf stretch", **fields: Any) -> ExerciseStep:
    values: dict[str, Any] = {
        "exercise_id": None,
        "instructions": ("Stand tall.",),
        "caution": None,
        "duration": None,
        "reps": None,
        "tempo": (),
        "sides": "none",
        "sets": 1,
        "switch": 5.0,
        "prepare": 5.0,
        "rest": 0.0,
        **fields,
    }
    return ExerciseStep(name=name, **values)


UP_HOLD_DOWN = (TempoPhase("up", 3), TempoPhase("hold", 1), TempoPhase("down", 3))


@pytest.mark.parametrize(
    ("fields", "rounds", "words"),
    [
        ({"duration": 30.0}, 1, "30 s"),
        ({"duration": 90.0, "sides": "both"}, 1, "1 min 30 s, each side (left, then right)"),
        ({"reps": 10, "tempo": UP_HOLD_DOWN}, 1, "10 reps (up 3 s, hold 1 s, down 3 s)"),
        ({"reps": 10}, 1, "10 reps, at your own pace"),
        ({"reps": 1}, 1, "at your own pace"),
        (
            {"duration": 30.0, "sets": 2, "rest": 5.0, "sides": "left"},
            1,
            "2 sets of 30 s, left side only, 5 s rest between sets",
        ),
        (
            {"reps": 1, "tempo": (TempoPhase("hold", 5),)},
            3,
            "1 rep (hold 5 s), in each of 3 rounds",
        ),
    ],
)
def test_dose_in_words(fields: dict[str, Any], rounds: int, words: str) -> None:
    assert dose(exercise(**fields), rounds) == words


def test_handout_lists_each_exercise_once_with_its_rounds_and_the_rest_steps() -> None:
    routine = Routine(
        id="r",
        name="Round and round",
        steps=(
            exercise("Ankle circles", duration=20.0, caution="Slowly."),
            RestStep(30.0),
            RepeatBlock(2, 10.0, (exercise("Toe curls", reps=5), RestStep(15.0))),
        ),
    )
    page = handout(routine)
    assert [(e.name, e.dose, e.caution) for e in page.exercises] == [
        ("Ankle circles", "20 s", "Slowly."),
        ("Toe curls", "5 reps, at your own pace, in each of 2 rounds", None),
    ]
    assert page.rests == "3 rest steps (1 min in all)"
    assert page.count == "2 exercises"
    assert page.self_paced
    assert page.length.endswith(" plus your own pace on self-paced steps")
