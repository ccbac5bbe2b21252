"""Progression: a step that grows with the person, as physiotherapy programmes do.

A step with `progress: {every: 7d, add: 5s, max: 60s}` gains `add` for each full `every` days
on which its routine was completed, never past `max`. Only completed days count, so a week off
does not make the routine harder.

It listens, as progression protocols do: while the newest check-in of the routine reports pain
of `hold_if_pain` (default 4) or more, or a hard session, the step does not grow, and the days
played meanwhile do not count towards growing. After `back_off_after` (default 3) hard
check-ins in a row it steps back by one `add` (never below the file's value) and grows again
from there. Everything here is pure: the history comes in as a number of completed days, or as
the routine's sessions (`Practice`), oldest first.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Literal

from coach import text
from coach.routine.model import ExerciseStep, Growth, Progression, RepeatBlock, Routine, Step


@dataclass(frozen=True)
class Practice:
    """One session of a routine as progression hears it: its day, whether it was completed,
    and what its check-in said (`feeling` easy/right/hard, `pain` 0-10; None when not said)."""

    day: date
    completed: bool
    feeling: str | None = None
    pain: int | None = None

    @property
    def said(self) -> bool:
        return self.feeling is not None or self.pain is not None


History = int | Sequence[Practice]


def completed_days(dates: Iterable[date]) -> int:
    """How many distinct calendar days are among the dates of completed sessions."""
    return len(set(dates))


def has_progress(routine: Routine) -> bool:
    return any(True for _ in _progressing(routine.steps))


def apply(routine: Routine, history: History) -> Routine:
    """The routine with today's values, after `history`: a number of completed days, or the
    routine's sessions with their check-ins, oldest first.

    Each step with `progress` gets its grown duration or reps and a `growth` saying why.
    Applying again starts from the values in the file, so it never grows twice.
    """
    return replace(routine, steps=tuple(_apply_step(step, history) for step in routine.steps))


@dataclass(frozen=True)
class _Heard:
    days: int  # completed days that count towards growing
    increments: int
    held: bool = False
    reason: str | None = None


def _apply_step(step: Step, history: History) -> Step:
    if isinstance(step, RepeatBlock):
        return replace(step, steps=tuple(_apply_step(inner, history) for inner in step.steps))
    if not isinstance(step, ExerciseStep) or step.progress is None:
        return step
    progress = step.progress
    written = step.growth.written if step.growth else _value(step)
    limit = max(written, progress.limit)
    top = math.ceil((limit - written) / progress.add) if progress.add > 0 else 0
    if isinstance(history, int):
        days = max(0, history)
        heard = _Heard(days, days // progress.every_days)
    else:
        heard = _listen(progress, history, top)
    today = min(written + progress.add * heard.increments, limit)
    unit: Literal["s", "reps"] = "s" if step.duration is not None else "reps"
    growth = Growth(
        progress, unit, written, today, heard.increments, heard.days, heard.held, heard.reason
    )
    if step.duration is not None:
        return replace(step, duration=today, growth=growth)
    return replace(step, reps=round(today), growth=growth)


def _listen(progress: Progression, practices: Sequence[Practice], top: int) -> _Heard:
    """Replay the routine's sessions: days count unless played while held; a run of hard
    check-ins takes the step back one `add`, and it grows again from there."""
    every = progress.every_days
    counted: set[date] = set()
    earned = 0
    hard_run = 0
    held = False
    reason: str | None = None
    for practice in practices:
        if practice.completed and not held and practice.day not in counted:
            counted.add(practice.day)
            earned += 1
        if not practice.said:
            continue
        hard = practice.feeling == "hard"
        pain = practice.pain
        painful = pain is not None and pain >= progress.hold_if_pain
        held = hard or painful
        words = [w for w in ("hard" if hard else "", f"pain {pain}" if painful else "") if w]
        reason = f"{' and '.join(words)} last time" if held else None
        if practice.feeling is not None:
            hard_run = hard_run + 1 if hard else 0
        if hard_run >= progress.back_off_after:
            hard_run = 0
            reached = min(earned // every, top)
            earned = max(0, reached - 1) * every
            if reached:
                reason = f"one step back after {progress.back_off_after} hard sessions in a row"
    return _Heard(earned, earned // every, held, reason)


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
    """Today's value and why: `Calf stretch 40 s (30 s + 5 s × 2: 14 days completed)`, or
    `Calf stretch held at 40 s: pain 5 last time`."""
    progress = growth.progression
    today = _amount(growth.unit, growth.today)
    if growth.held:
        return f"{name} held at {today}: {growth.reason}"
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
                "held": growth.held,
                "reason": growth.reason,
                "why": explain(step.name, growth),
            }
        )
    return items
