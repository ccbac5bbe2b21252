"""The relief routine as coach plays it: the warning a stretch must not miss comes first.

Whatever the relief routine's file says (the bundled one or a person's own copy), its first
exercise opens with the emergency line and the swollen-calf flag from `guidance`, so they are
on screen, and in `--plain` output, from the first step of the relief rather than after it.
"""

from __future__ import annotations

from dataclasses import replace

from coach.cramps.values import RELIEF_ROUTINE
from coach.routine.model import ExerciseStep, RepeatBlock, Routine, Step


def with_warning(routine: Routine) -> Routine:
    """`routine` as played: the relief routine with the warning leading its first exercise's
    caution; any other routine unchanged. Applying it twice changes nothing more."""
    if routine.id != RELIEF_ROUTINE:
        return routine
    from coach.cramps.guidance import relief_warning  # the health texts: for the relief only

    steps, _ = _warn_first(routine.steps, relief_warning())
    return replace(routine, steps=steps)


def _warn_first(steps: tuple[Step, ...], warning: str) -> tuple[tuple[Step, ...], bool]:
    """The steps with the first exercise step warned, and whether there was one."""
    for index, step in enumerate(steps):
        if isinstance(step, ExerciseStep):
            caution = step.caution or ""
            if warning not in caution:
                caution = f"{warning} {caution}".strip()
            return (*steps[:index], replace(step, caution=caution), *steps[index + 1 :]), True
        if isinstance(step, RepeatBlock):
            inner, found = _warn_first(step.steps, warning)
            if found:
                return (*steps[:index], replace(step, steps=inner), *steps[index + 1 :]), True
    return steps, False
