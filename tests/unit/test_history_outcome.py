"""The completed rule (issue #11): the end reached AND at least half the planned work done."""

from __future__ import annotations

import pytest
from builders import exercise, routine

from coach.history.outcome import Outcome, WorkTally, verdict
from coach.routine.model import Step, TempoPhase
from coach.routine.timeline import Timeline, expand
from coach.session.clock import FakeClock
from coach.session.engine import SessionEngine


def timeline(*steps: Step) -> Timeline:
    return expand(routine(*steps))


TEMPO = (TempoPhase("up", 2.0), TempoPhase("down", 2.0))
# Work: Hold 30 s, Raise 5 reps x 4 s = 20 s, Pick 10 self-paced reps, Stretch 10 s.
MIXED = timeline(
    exercise("Hold", 30.0),
    exercise("Raise", reps=5, tempo=TEMPO),
    exercise("Pick", reps=10),
    exercise("Stretch", 10.0),
)


def play(tl: Timeline, script: str, self_paced_s: float = 20.0) -> Outcome:
    """Play `tl`, one letter per work segment: d done (waited out or Enter), s skipped at once,
    q stop the session there."""
    clock = FakeClock()
    engine = SessionEngine(tl, clock)
    tally = WorkTally(tl)
    feed = lambda events: [tally.add(e) for e in events]  # noqa: E731
    feed(engine.start())
    for letter in script:
        current = engine.current
        assert current is not None
        if letter == "q":
            feed(engine.stop())
            break
        if letter == "s":
            feed(engine.skip())
        elif current.self_paced:
            clock.advance(self_paced_s)
            feed(engine.mark_done())
        else:
            clock.advance(engine.remaining() or 0.0)
            feed(engine.poll())
    return tally.outcome()


@pytest.mark.parametrize(
    ("why", "script", "completed"),
    [
        ("everything done", "dddd", True),
        ("every step skipped (bug #11: this was completed)", "ssss", False),
        ("the hold (30 of 90 s) alone", "dsss", False),
        ("hold and raise, 50 of 90 s", "ddss", True),
        ("self-paced done at 2 s a rep, the rest skipped: 20 of 80 s", "ssds", False),
        ("all done but stopped before the last", "dddq", False),
    ],
)
def test_completed_needs_the_end_and_half_the_planned_work(
    why: str, script: str, completed: bool
) -> None:
    assert play(MIXED, script).completed is completed, why


def test_a_skipped_self_paced_step_counts_at_the_pace_of_those_done() -> None:
    tl = timeline(exercise("Pick", reps=10), exercise("Curl", reps=30))
    # Pick done in 20 s: 2 s a rep, so the skipped Curl stands for 60 s of work.
    outcome = play(tl, "ds")
    assert (outcome.planned_work_s, outcome.done_work_s) == (80.0, 20.0)
    assert not outcome.completed


def test_self_paced_steps_all_skipped_at_once_are_not_completed() -> None:
    outcome = play(timeline(exercise("Pick", reps=10)), "s")
    assert outcome.reached_end and not outcome.completed
    assert outcome.planned_work_s == 30.0  # 3 s a rep when none was measured


def test_exercises_are_counted_done_skipped_and_not_reached() -> None:
    tl = timeline(exercise("Hold", 5.0, sides="both"), exercise("Raise", 5.0), exercise("X", 5.0))
    outcome = play(tl, "dsdq")  # Hold left done, right skipped; Raise done; stopped at X
    assert (outcome.exercises, outcome.done, outcome.skipped, outcome.not_reached) == (3, 1, 1, 1)


@pytest.mark.parametrize(
    ("script", "line"),
    [
        ("dddd", "Session complete: 4 of 4 exercises done"),
        ("ssss", "Ended: 0 of 4 exercises done; skipped steps don't count toward your streak"),
        ("dq", "Session stopped: 1 of 4 exercises done"),
    ],
)
def test_the_verdict_says_plainly_what_happened(script: str, line: str) -> None:
    assert verdict(play(MIXED, script)) == line


def test_one_exercise_is_singular() -> None:
    assert verdict(play(timeline(exercise("Hold", 5.0)), "d")) == (
        "Session complete: 1 of 1 exercise done"
    )


@pytest.mark.parametrize(
    ("reached_end", "planned_s", "done_s", "asks"),
    [
        (True, 60.0, 0.0, False),  # every step skipped to the end: nothing to ask about
        (True, 60.0, 30.0, True),
        (False, 60.0, 5.0, True),  # stopped after some work
        (False, 60.0, 0.0, False),
        (True, 0.0, 0.0, True),  # a routine of rests only, played to its end
    ],
)
def test_a_check_in_is_worth_asking_only_after_some_work(
    reached_end: bool, planned_s: float, done_s: float, asks: bool
) -> None:
    outcome = Outcome(reached_end, 2, 0, 0, planned_s, done_s)
    assert outcome.worth_a_checkin is asks


def test_minus_to_the_end_of_every_step_is_not_a_completed_session() -> None:
    """Defect #1 of the new-user walk: two 60 s holds each cut short with `-` after about
    2.5 s were recorded `completed`, both `done`. Now both are skipped: nothing done."""
    clock = FakeClock()
    tl = timeline(exercise("Hold A", 60.0, prepare=0), exercise("Hold B", 60.0, prepare=0))
    engine = SessionEngine(tl, clock)
    tally = WorkTally(tl)
    for event in engine.start():
        tally.add(event)
    while not engine.finished:
        clock.advance(0.4)
        for event in engine.adjust(-10):
            tally.add(event)
    outcome = tally.outcome()
    assert (outcome.done, outcome.skipped, outcome.done_work_s) == (0, 2, 0.0)
    assert not outcome.completed and not outcome.worth_a_checkin


def test_a_shortened_step_counts_the_time_done_not_the_time_planned() -> None:
    """Defect #1 of the new-user walk: a 60 s hold cut to 40 s is done, but it is 40 s of
    work, not 60: with the next 60 s hold skipped, 40 of 120 s is not half."""
    clock = FakeClock()
    tl = timeline(exercise("Hold A", 60.0, prepare=0), exercise("Hold B", 60.0, prepare=0))
    engine = SessionEngine(tl, clock)
    tally = WorkTally(tl)
    events = [*engine.start(), *engine.adjust(-10), *engine.adjust(-10)]
    clock.advance(40)
    events += [*engine.poll(), *engine.skip()]
    for event in events:
        tally.add(event)
    outcome = tally.outcome()
    assert (outcome.done, outcome.skipped) == (1, 1)
    assert (outcome.planned_work_s, outcome.done_work_s) == (120.0, 40.0)
    assert not outcome.completed


def test_a_done_step_skipped_over_after_back_stays_done() -> None:
    """Defect #15 of the new-user walk: Hold A waited out (4 s), then `p` `p` and `n` `n`
    recorded Hold A as skipped at 0.6 s; the 4 s done were lost."""
    clock = FakeClock()
    tl = timeline(exercise("Hold A", 4.0, prepare=0), exercise("Hold B", 6.0, prepare=0))
    engine = SessionEngine(tl, clock)
    tally = WorkTally(tl)
    events = engine.start()
    clock.advance(4.5)  # Hold A done, 0.5 s into Hold B
    events += [*engine.poll(), *engine.back()]  # early in Hold B: back to Hold A
    clock.advance(0.6)
    events += [*engine.skip(), *engine.skip()]
    kept = [tally.add(event) for event in events]
    assert kept.count(False) == 1
    outcome = tally.outcome()
    assert (outcome.done, outcome.skipped, outcome.done_work_s) == (1, 1, 4.0)
