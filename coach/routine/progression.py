"""Progression: a step that grows with the person, as physiotherapy programmes do.

A step with `progress: {every: 7d, add: 5s, max: 60s}` gains `add` for each full `every` days
on which its routine was completed, never past `max`. Only completed days count, so a week off
does not make the routine harder. Everything here is pure: the days come in as a number.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from typing import Any

from coach import text
from coach.routine.model import ExerciseStep, Growth, RepeatBlock, Routine, Step


def completed_days(dates: Iterable[date]) -> int:
    """How many distinct calendar days are among the dates of completed sessions."""
    return len(set(dates))


def has_progress(routine: Routine) -> bool:
    return any(True for _ in _progressing(routine.steps))


def apply(routine: Routine, completed_days: int) -> Routine:
    """The routine with today's values after `completed_days` completed days.

    Each step with `progress` gets its grown duration or reps and a `growth` saying why.
    Applying again starts from the values in the file, so it never grows twice.
    """
    days = max(0, completed_days)
    return replace(routine, steps=tuple(_apply_step(step, days) for step in routine.steps))


def _apply_step(step: Step, days: int) -> Step:
    if isinstance(step, RepeatBlock):
        return replace(step, steps=tuple(_apply_step(inner, days) for inner in step.steps))
    if not isinstance(step, ExerciseStep) or step.progress is None:
        return step
    progress = step.progress
    written = step.growth.written if step.growth else _value(step)
    increments = days // progress.every_days
    today = min(written + progress.add * increments, max(written, progress.limit))
    if step.duration is not None:
        growth = Growth(progress, "s", written, today, increments, days)
        return replace(step, duration=today, growth=growth)
    growth = Growth(progress, "reps", written, today, increments, days)
    return replace(step, reps=round(today), growth=growth)


def _value(step: ExerciseStep) -> float:
    return step.duration if step.duration is not None else float(step.reps or 0)


def fully_grown(steps: tuple[Step, ...]) -> tuple[Step, ...]:
    """`steps` with every progression at its `max`: the longest the routine can ever be."""
    grown: list[Step] = []
    for step in steps:
        if isinstance(step, RepeatBlock):
            grown.append(replace(step, steps=fully_grown(step.steps)))
        elif isinstance(step, ExerciseStep) and step.progress is not None:
            limit = max(_value(step), step.progress.limit)
            if step.duration is not None:
                grown.append(replace(step, duration=limit))
            else:
                grown.append(replace(step, reps=round(limit)))
        else:
            grown.append(step)
    return tuple(grown)


def _progressing(steps: tuple[Step, ...]) -> Iterable[ExerciseStep]:
    """Steps with `progress`, in file order, each step of a repeat block once."""
    for step in steps:
        if isinstance(step, RepeatBlock):
            yield from _progressing(step.steps)
        elif isinstance(step, ExerciseStep) and step.progress is not None:
            yield step


def grown_steps(routine: Routine) -> list[ExerciseStep]:
    """The steps `apply` has grown (or left as written), in file order."""
    return [step for step in _progressing(routine.steps) if step.growth is not None]


def _amount(unit: str, value: float) -> str:
    return text.length(value) if unit == "s" else text.reps(round(value))


def _number(unit: str, value: float) -> float | int:
    """Seconds as they are; reps as the whole numbers they are."""
    return value if unit == "s" else round(value)


def explain(name: str, growth: Growth) -> str:
    """Today's value and why: `Calf stretch 40 s (30 s + 5 s × 2: 14 days completed)`."""
    progress = growth.progression
    today = _amount(growth.unit, growth.today)
    add = _amount(growth.unit, progress.add)
    if growth.increments == 0:
        every = "day" if progress.every_days == 1 else f"{progress.every_days} days"
        so_far = f"{growth.completed_days} so far"
        return f"{name} {today} (as written; {add} more every {every} completed, {so_far})"
    formula = f"{_amount(growth.unit, growth.written)} + {add} × {growth.increments}"
    if growth.today >= progress.limit:
        formula += f", at its max of {_amount(growth.unit, progress.limit)}"
    days = text.plural(growth.completed_days, "day")
    return f"{name} {today} ({formula}: {days} completed)"


def explanations(routine: Routine) -> list[str]:
    """Why each grown step is what it is today, in file order."""
    return [explain(step.name, step.growth) for step in grown_steps(routine) if step.growth]


def to_json(routine: Routine) -> list[dict[str, Any]]:
    """The grown steps as `coach plan --json` adds them under `progression`."""
    items = []
    for step in grown_steps(routine):
        growth = step.growth
        assert growth is not None
        progress, unit = growth.progression, growth.unit
        items.append(
            {
                "step": step.name,
                "line": step.line,
                "unit": unit,
                "written": _number(unit, growth.written),
                "today": _number(unit, growth.today),
                "every_days": progress.every_days,
                "add": _number(unit, progress.add),
                "max": _number(unit, progress.limit),
                "completed_days": growth.completed_days,
                "why": explain(step.name, growth),
            }
        )
    return items
