"""Progression: today's values of a step that grows, for fixed counts of completed days."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coach.routine import progression
from coach.routine.loader import parse_routine
from coach.routine.model import Exercise, ExerciseStep, RepeatBlock, Routine
from coach.routine.timeline import expand

LIBRARY = {"calf-stretch": Exercise("calf-stretch", "Calf stretch", sides="both")}

GROWING = """\
name: Growing
prepare: 0
steps:
  - exercise: calf-stretch
    duration: 30s
    progress: {every: 7d, add: 5s, max: 60s}
  - name: Heel raise
    reps: 10
    progress: {every: 7, add: 2, max: 20}
  - rest: 10s
  - repeat: 2
    steps:
      - name: Toe tap
        reps: 5
        tempo: {up: 1s, down: 1s}
        progress: {every: 1d, add: 1, max: 8}
      - name: Still
        duration: 10s
"""


def growing() -> Routine:
    return parse_routine(GROWING, "growing.yaml", LIBRARY)


def steps_of(routine: Routine) -> tuple[ExerciseStep, ExerciseStep, ExerciseStep]:
    stretch, raises, _, block = routine.steps
    assert isinstance(stretch, ExerciseStep) and isinstance(raises, ExerciseStep)
    assert isinstance(block, RepeatBlock) and isinstance(block.steps[0], ExerciseStep)
    return stretch, raises, block.steps[0]


@pytest.mark.parametrize(
    ("days", "seconds", "reps", "taps"),
    [
        (0, 30.0, 10, 5),
        (1, 30.0, 10, 6),
        (6, 30.0, 10, 8),
        (7, 35.0, 12, 8),
        (13, 35.0, 12, 8),
        (14, 40.0, 14, 8),
        (42, 60.0, 20, 8),
        (43, 60.0, 20, 8),
        (365, 60.0, 20, 8),  # far past the max: held there
    ],
)
def test_each_full_every_of_completed_days_adds_once_up_to_max(
    days: int, seconds: float, reps: int, taps: int
) -> None:
    stretch, raises, taps_step = steps_of(progression.apply(growing(), days))
    assert (stretch.duration, raises.reps, taps_step.reps) == (seconds, reps, taps)
    assert stretch.reps is None and raises.duration is None


def test_the_timeline_plays_todays_values() -> None:
    today = expand(progression.apply(growing(), 14))
    work = [(s.name, s.duration_s, s.reps) for s in today.work_segments]
    assert work[:3] == [
        ("Calf stretch", 40.0, None),
        ("Calf stretch", 40.0, None),
        ("Heel raise", None, 14),
    ]
    # Tempo steps last reps × the tempo: 8 reps of 2 s.
    assert [s.duration_s for s in today.work_segments if s.name == "Toe tap"] == [16.0, 16.0]
    assert today.work_segments[0].growth is not None


def test_applying_again_starts_from_the_file_so_nothing_grows_twice() -> None:
    once = progression.apply(growing(), 14)
    assert progression.apply(once, 14) == once
    assert progression.apply(once, 0) == progression.apply(growing(), 0)


def test_steps_without_progress_are_untouched_and_carry_no_growth() -> None:
    routine = growing()
    today = progression.apply(routine, 100)
    block = today.steps[3]
    assert isinstance(block, RepeatBlock)
    assert block.steps[1] == routine.steps[3].steps[1]  # type: ignore[union-attr]
    assert today.steps[2] == routine.steps[2]
    grown = [step.name for step in progression.grown_steps(today)]
    assert grown == ["Calf stretch", "Heel raise", "Toe tap"]
    assert progression.grown_steps(routine) == []


def test_a_negative_count_is_no_days() -> None:
    assert progression.apply(growing(), -3) == progression.apply(growing(), 0)


@pytest.mark.parametrize(
    ("days", "why"),
    [
        (0, "Calf stretch 30 s (as written; 5 s more every 7 days completed, 0 so far)"),
        (6, "Calf stretch 30 s (as written; 5 s more every 7 days completed, 6 so far)"),
        (7, "Calf stretch 35 s (30 s + 5 s × 1: 7 days completed)"),
        (14, "Calf stretch 40 s (30 s + 5 s × 2: 14 days completed)"),
        (42, "Calf stretch 1 min (30 s + 5 s × 6, at its max of 1 min: 42 days completed)"),
        (50, "Calf stretch 1 min (30 s + 5 s × 7, at its max of 1 min: 50 days completed)"),
    ],
)
def test_the_explanation_says_how_today_came_about(days: int, why: str) -> None:
    assert progression.explanations(progression.apply(growing(), days))[0] == why


@pytest.mark.parametrize(
    ("days", "why"),
    [
        (0, "Toe tap 5 reps (as written; 1 rep more every day completed, 0 so far)"),
        (1, "Toe tap 6 reps (5 reps + 1 rep × 1: 1 day completed)"),
        (2, "Toe tap 7 reps (5 reps + 1 rep × 2: 2 days completed)"),
        (9, "Toe tap 8 reps (5 reps + 1 rep × 9, at its max of 8 reps: 9 days completed)"),
    ],
)
def test_the_explanation_of_reps_counts_reps(days: int, why: str) -> None:
    assert progression.explanations(progression.apply(growing(), days))[2] == why


def test_the_json_keeps_seconds_as_numbers_and_reps_whole() -> None:
    items = progression.to_json(progression.apply(growing(), 14))
    assert items[0] == {
        "step": "Calf stretch",
        "line": 4,
        "unit": "s",
        "written": 30.0,
        "today": 40.0,
        "every_days": 7,
        "add": 5.0,
        "max": 60.0,
        "completed_days": 14,
        "held": False,
        "reason": None,
        "why": "Calf stretch 40 s (30 s + 5 s × 2: 14 days completed)",
    }
    reps = {key: items[1][key] for key in ("unit", "written", "today", "add", "max")}
    assert reps == {"unit": "reps", "written": 10, "today": 14, "add": 2, "max": 20}
    assert all(isinstance(items[1][k], int) for k in ("written", "today", "add", "max"))
    assert progression.to_json(growing()) == []


@pytest.mark.parametrize(
    ("dates", "count"),
    [
        ([], 0),
        ([date(2024, 3, 1)], 1),
        ([date(2024, 3, 1), date(2024, 3, 1), date(2024, 3, 2)], 2),
        ([date(2024, 3, d) for d in range(1, 15)] * 3, 14),
    ],
)
def test_completed_days_counts_distinct_dates(dates: list[date], count: int) -> None:
    assert progression.completed_days(dates) == count


def test_fully_grown_is_every_step_at_its_max() -> None:
    routine = growing()
    stretch, raises, taps = steps_of(replace(routine, steps=progression.fully_grown(routine.steps)))
    assert (stretch.duration, raises.reps, taps.reps) == (60.0, 20, 8)


def test_has_progress_looks_inside_repeat_blocks() -> None:
    in_a_block = """\
name: B
steps:
  - repeat: 2
    steps:
      - {name: A, reps: 5, progress: {every: 1, add: 1, max: 9}}
"""
    assert progression.has_progress(parse_routine(in_a_block, "b.yaml", LIBRARY))
    plain = "name: P\nsteps:\n  - {name: A, duration: 5}\n"
    assert not progression.has_progress(parse_routine(plain, "p.yaml", LIBRARY))


@given(days=st.integers(min_value=0, max_value=10_000))
def test_today_never_leaves_the_range_from_written_to_max(days: int) -> None:
    stretch, raises, taps = steps_of(progression.apply(growing(), days))
    assert stretch.duration is not None and 30.0 <= stretch.duration <= 60.0
    assert raises.reps is not None and 10 <= raises.reps <= 20
    assert taps.reps is not None and 5 <= taps.reps <= 8


@given(a=st.integers(min_value=0, max_value=400), b=st.integers(min_value=0, max_value=400))
def test_more_completed_days_never_make_a_step_smaller(a: int, b: int) -> None:
    low, high = sorted((a, b))
    assert (
        expand(progression.apply(growing(), low)).total_s
        <= expand(progression.apply(growing(), high)).total_s
    )
