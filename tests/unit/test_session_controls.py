"""Which of the session screen's keys work now, worked out from the engine without Textual."""

from __future__ import annotations

from builders import exercise, routine

from coach.routine.model import ExerciseStep, TempoPhase
from coach.routine.timeline import expand
from coach.session.clock import FakeClock
from coach.session.engine import SessionEngine
from coach.tui.session_controls import controls, offered

KEYS = ("pause", "resume", "done", "adjust", "mute", "unmute", "skip")


def engine_of(*steps: ExerciseStep) -> tuple[SessionEngine, FakeClock]:
    clock = FakeClock()
    return SessionEngine(expand(routine(*steps)), clock), clock


def keys(engine: SessionEngine, muted: bool = False, ended: bool = False) -> set[str]:
    return {key for key in KEYS if offered(key, engine, muted, ended)}


def test_each_kind_of_step_offers_its_own_keys() -> None:
    tempo = (TempoPhase("up", 1), TempoPhase("down", 1))
    engine, _ = engine_of(
        exercise("Hold", 10.0), exercise("Raise", reps=2, tempo=tempo), exercise("Curl", reps=2)
    )
    assert keys(engine) == {"mute", "skip"}  # not started: nothing to pause
    engine.start()
    assert keys(engine) == {"pause", "adjust", "mute", "skip"}  # a timed hold
    assert controls(engine, muted=False) == (False, False, False, True)
    engine.skip()
    assert keys(engine) == {"pause", "mute", "skip"}  # a tempo keeps the time: no ±10 s
    engine.skip()
    assert keys(engine) == {"pause", "done", "mute", "skip"}  # at its own pace: Enter when done
    assert controls(engine, muted=True) == (False, True, True, False)
    assert keys(engine, muted=True) == {"pause", "done", "unmute", "skip"}


def test_paused_offers_resume_and_ended_offers_no_session_keys() -> None:
    engine, _ = engine_of(exercise("Hold", 10.0))
    engine.start()
    engine.pause()
    assert keys(engine) == {"resume", "adjust", "mute", "skip"}
    assert controls(engine, muted=False)[0] is True
    assert keys(engine, ended=True) == {"mute", "skip"}
