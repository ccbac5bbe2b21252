"""What a printed routine says: each exercise with its steps, dose and caution, as plain data.

The handout (`coach print`) and the report's plan section both read routines through here, so
a dose is worded one way on paper. A routine is taken as coach plays it, so the relief's first
step carries the same emergency and swollen-calf warning on paper as on screen. Nothing here
draws: the renderers beside it lay it out.
"""

from __future__ import annotations

from dataclasses import dataclass

from coach import text
from coach.cramps.relief import with_warning
from coach.cramps.values import RELIEF_ROUTINE
from coach.routine.catalog import count_exercises
from coach.routine.model import ExerciseStep, RepeatBlock, RestStep, Routine, Step
from coach.routine.timeline import expand

#: Weeks of tick boxes on the handout, for days done away from the computer.
GRID_WEEKS = 4
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@dataclass(frozen=True)
class HandoutExercise:
    name: str
    dose: str  # e.g. "2 sets of 30 s, each side (left, then right), 5 s rest between sets"
    instructions: tuple[str, ...]
    caution: str | None


@dataclass(frozen=True)
class Handout:
    """A routine as a page to print."""

    routine_id: str
    name: str
    description: str
    total: str  # "11 min 30 s": the timed part
    self_paced: bool  # some steps take as long as the person takes
    count: str  # "10 exercises"
    exercises: tuple[HandoutExercise, ...]
    rests: str | None  # "2 rest steps (1 min in all)" when the routine has rest steps
    #: The cramp relief: read during a cramp, so the signs that it may be more than a cramp come
    #: before its first step, and it has no grid of days (relief is not a daily routine).
    relief: bool = False

    @property
    def length(self) -> str:
        """`11 min 35 s`, or `11 min 35 s plus your own pace on self-paced steps`."""
        return self.total + (" plus your own pace on self-paced steps" if self.self_paced else "")


def dose(step: ExerciseStep, rounds: int = 1) -> str:
    """How much of an exercise: sets, reps or hold, tempo, sides, rest and rounds, in words."""
    if step.duration is not None:
        one = text.length(step.duration)
    elif step.reps is not None and step.tempo:
        one = f"{text.reps(step.reps)} ({text.tempo_words(step.tempo)})"
    elif step.reps is not None and step.reps > 1:
        one = f"{text.reps(step.reps)}, at your own pace"
    else:
        one = "at your own pace"
    parts = [f"{step.sets} sets of {one}" if step.sets > 1 else one]
    if step.sides == "both":
        parts.append("each side (left, then right)")
    elif step.sides in ("left", "right"):
        parts.append(f"{step.sides} side only")
    if step.sets > 1 and step.rest > 0:
        parts.append(f"{text.length(step.rest)} rest between sets")
    if rounds > 1:
        parts.append(f"in each of {rounds} rounds")
    return ", ".join(parts)


def _walk(steps: tuple[Step, ...], rounds: int = 1) -> list[HandoutExercise]:
    found: list[HandoutExercise] = []
    for step in steps:
        if isinstance(step, RepeatBlock):
            found.extend(_walk(step.steps, rounds * step.times))
        elif isinstance(step, ExerciseStep):
            found.append(
                HandoutExercise(step.name, dose(step, rounds), step.instructions, step.caution)
            )
    return found


def _rests(steps: tuple[Step, ...]) -> list[float]:
    out: list[float] = []
    for step in steps:
        if isinstance(step, RestStep):
            out.append(step.duration)
        elif isinstance(step, RepeatBlock):
            out.extend(_rests(step.steps) * step.times)
    return out


def handout(routine: Routine) -> Handout:
    """The routine as a page to print: today's doses (pass it grown by its progression)."""
    routine = with_warning(routine)
    timeline = expand(routine)
    count = count_exercises(routine)
    rests = _rests(routine.steps)
    rest_words = (
        f"{text.plural(len(rests), 'rest step')} ({text.length(sum(rests))} in all)"
        if rests
        else None
    )
    return Handout(
        routine_id=routine.id,
        name=routine.name,
        description=routine.description,
        total=text.length(timeline.total_s),
        self_paced=any(s.self_paced for s in timeline.segments),
        count=text.plural(count, "exercise"),
        exercises=tuple(_walk(routine.steps)),
        rests=rest_words,
        relief=routine.id == RELIEF_ROUTINE,
    )
