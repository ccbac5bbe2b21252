"""What the session screen shows, computed without Textual: whole seconds and plain words."""

from __future__ import annotations

from dataclasses import replace

import pytest
from builders import exercise, routine

from coach.routine.model import TempoPhase
from coach.routine.timeline import expand
from coach.session.clock import FakeClock
from coach.session.engine import SessionEngine
from coach.tui.session_view import (
    open_ended_from,
    seconds_to_next_change,
    seconds_to_next_wake,
    shown_seconds,
    view_of,
)


@pytest.mark.parametrize(
    ("remaining", "elapsed", "shown"),
    [(8.0, 0.0, (8, False)), (7.2, 0.8, (8, False)), (7.0, 1.0, (7, False)),
     (0.0, 8.0, (0, False)), (None, 0.0, (0, True)), (None, 41.99, (41, True)),
     (None, 42.0, (42, True))],
)  # fmt: skip
def test_shown_seconds(remaining: float | None, elapsed: float, shown: tuple[int, bool]) -> None:
    assert shown_seconds(remaining, elapsed) == shown


@pytest.mark.parametrize(
    ("remaining", "elapsed", "wait"),
    [(8.0, 0.0, 1.0), (7.25, 0.75, 0.25), (0.4, 7.6, 0.4), (0.0, 8.0, None),
     (None, 0.0, 1.0), (None, 2.7, 0.3)],
)  # fmt: skip
def test_seconds_to_next_change(
    remaining: float | None, elapsed: float, wait: float | None
) -> None:
    got = seconds_to_next_change(remaining, elapsed)
    assert got == (None if wait is None else pytest.approx(wait))


def test_the_view_does_not_change_between_whole_seconds() -> None:
    tempo = (TempoPhase("up", 1), TempoPhase("down", 1))
    step = exercise("Raise", reps=2, tempo=tempo, sides="both", sets=2, switch=3.0, prepare=2.0)
    step = replace(step, instructions=("Rise.",), caution="Hold on.")
    clock = FakeClock()
    engine = SessionEngine(expand(routine(step)), clock)
    engine.start()
    first = view_of(engine, clock.now())
    assert (first.stage, first.title, first.amount, first.side) == (
        "GET READY", "Raise", "2 reps (1-1 s), 2 sets, left side first", "LEFT"
    )  # fmt: skip
    assert first.clock_s == 2 and first.caution == "Hold on."
    assert view_of(engine, clock.advance(0.4)) == first
    clock.advance(1.6)  # the prepare is over
    engine.poll()
    working = view_of(engine, clock.now())
    assert (working.stage, working.rep, working.phase, working.counts) == (
        "GO", "Rep 1/2", "UP", "Set 1/2"
    )  # fmt: skip
    assert working.upcoming == "Next: Raise (right side), 2 reps (1-1 s)"


def test_time_left_says_when_self_paced_steps_are_still_to_come() -> None:
    timeline = expand(routine(exercise("Hold", 10.0), exercise("Walk", reps=5)))
    assert open_ended_from(timeline) == [True, True]
    clock = FakeClock()
    engine = SessionEngine(timeline, clock)
    engine.start()
    assert view_of(engine, clock.now(), open_ended_from(timeline)).session_left == (
        "0:10 left + own pace"
    )
    assert view_of(engine, clock.now()).session_left == "0:10 left"
    clock.advance(10)
    engine.poll()
    assert view_of(engine, clock.now(), [False, False]).session_left == "0:00 left"


def test_the_next_wake_follows_the_clock_and_none_comes_until_started_or_while_paused() -> None:
    clock = FakeClock()
    engine = SessionEngine(expand(routine(exercise("Hold", 2.5))), clock)
    assert seconds_to_next_wake(engine, clock.now()) is None  # not started
    engine.start()
    assert seconds_to_next_wake(engine, clock.now()) == pytest.approx(0.5)  # "0:03" to "0:02"
    assert seconds_to_next_wake(engine, clock.advance(0.7)) == pytest.approx(0.8)
    engine.pause()
    assert seconds_to_next_wake(engine, clock.now()) is None  # paused: until a key
