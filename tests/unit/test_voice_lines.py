"""The spoken lines: what each cue says, and which cues say nothing."""

from __future__ import annotations

import pytest

from coach import voice_lines
from coach.routine.model import ExerciseStep, RestStep, Routine, Step, TempoPhase
from coach.routine.timeline import Timeline, expand
from coach.session.engine import Cue


def step(name: str, **kw: object) -> ExerciseStep:
    fields: dict[str, object] = {
        "name": name, "exercise_id": None, "instructions": (), "caution": None,
        "duration": None, "reps": None, "tempo": (), "sides": "none", "sets": 1,
        "switch": 0.0, "prepare": 5.0, "rest": 0.0,
    }  # fmt: skip
    fields.update(kw)
    return ExerciseStep(**fields)  # type: ignore[arg-type]


def timeline(*steps: Step) -> Timeline:
    return expand(Routine(id="t", name="T", steps=steps))


@pytest.mark.parametrize(
    ("exercise", "line"),
    [
        (step("Toe raises", reps=10), "Toe raises, 10 reps"),
        (step("Toe raise", reps=1), "Toe raise, 1 rep"),
        (step("Calf stretch", duration=30.0, sides="both", switch=5.0),
         "Calf stretch, 30 seconds, left side first"),
        (step("Hop", duration=90.0, sides="right"), "Hop, 1 minute 30 seconds, right side"),
        (step("Hold", duration=1.0), "Hold, 1 second"),
        (step("Raise", reps=8, sets=3, rest=10.0,
              tempo=(TempoPhase("up", 2), TempoPhase("down", 2))), "Raise, 3 sets of 8 reps"),
        (step("Stretch", duration=120.0, sets=2), "Stretch, 2 sets of 2 minutes"),
    ],
)  # fmt: skip
def test_prepare_announces_the_exercise_and_what_to_do(exercise: ExerciseStep, line: str) -> None:
    plan = timeline(exercise)
    first = plan.segments[0]
    assert first.kind == "prepare"
    assert voice_lines.line_for(Cue(0, "prepare", first), plan) == line


def test_an_exercise_without_prepare_is_announced_at_its_first_start_only() -> None:
    plan = timeline(step("Walk", duration=10.0, prepare=0.0, sets=2, rest=5.0))
    first, rest, second = plan.segments
    assert voice_lines.line_for(Cue(0, "start", first), plan) == "Walk, 2 sets of 10 seconds"
    assert voice_lines.line_for(Cue(15, "start", second), plan) is None
    assert voice_lines.line_for(Cue(10, "rest", rest), plan) == "Rest"


def test_the_countdown_is_spoken_only_into_work() -> None:
    plan = timeline(step("Hold", duration=10.0, sides="both", switch=5.0), RestStep(10.0))
    prepare, left, switch, right, rest = plan.segments
    say = voice_lines.line_for
    assert [say(Cue(0, "countdown", prepare, n), plan) for n in "321"] == ["3", "2", "1"]
    assert say(Cue(0, "countdown", left, "3"), plan) is None  # into the switch
    assert say(Cue(0, "countdown", right, "1"), plan) is None  # into the rest
    assert say(Cue(0, "switch", switch), plan) == "Switch sides"


@pytest.mark.parametrize(
    ("kind", "detail", "line"),
    [("halfway", None, "Halfway"), ("finish", None, "End of the session"), ("tempo", "up", None)],
)
def test_fixed_lines(kind: str, detail: str | None, line: str | None) -> None:
    plan = timeline(step("Hold", duration=30.0))
    assert voice_lines.line_for(Cue(0, kind, plan.segments[-1], detail), plan) == line


def test_phrases_lists_every_line_once_in_order_of_need() -> None:
    plan = timeline(
        step("Hold", duration=10.0, sides="both", switch=5.0),
        RestStep(10.0),
        step("Hold", duration=10.0, sides="both", switch=5.0),
        step("Walk", reps=5, prepare=0.0),
    )
    assert voice_lines.phrases(plan) == [
        "Hold, 10 seconds, left side first",
        "Switch sides",
        "Rest",
        "Walk, 5 reps",
        "3", "2", "1", "Halfway", "End of the session",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("seconds", "words"),
    [(0, "0 seconds"), (1, "1 second"), (45, "45 seconds"), (60, "1 minute"),
     (61, "1 minute 1 second"), (150, "2 minutes 30 seconds")],
)  # fmt: skip
def test_spoken_length(seconds: float, words: str) -> None:
    assert voice_lines.spoken_length(seconds) == words
