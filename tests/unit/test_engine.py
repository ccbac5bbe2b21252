"""The session engine against a fake clock: exact times, cue schedules, controls and queries."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import replace

import pytest
from builders import exercise
from hypothesis import given, settings
from hypothesis import strategies as st

from coach.routine.model import (
    RepeatBlock,
    RestStep,
    Routine,
    SegmentKind,
    Step,
    TempoPhase,
)
from coach.routine.timeline import Segment, Timeline, expand
from coach.session.clock import FakeClock
from coach.session.cues import TempoPosition, cue_schedule, tempo_position
from coach.session.engine import (
    Cue,
    Event,
    Paused,
    Resumed,
    SegmentEnded,
    SegmentStarted,
    SessionEngine,
    SessionFinished,
)

T0 = 1000.0
UP_HOLD_DOWN = (TempoPhase("up", 2), TempoPhase("hold", 1), TempoPhase("down", 3))


# -- builders ------------------------------------------------------------------------------


def segments(*specs: tuple[SegmentKind, float | None] | Segment) -> Timeline:
    """A timeline of segments given as (kind, duration) or as Segments; offsets filled in."""
    out: list[Segment] = []
    offset = 0.0
    for i, spec in enumerate(specs):
        if isinstance(spec, Segment):
            seg = replace(spec, index=i, start_s=offset)
        else:
            kind, duration = spec
            seg = Segment(
                index=i, kind=kind, name=f"{kind}{i}", start_s=offset, duration_s=duration
            )
        out.append(seg)
        offset += seg.duration_s or 0.0
    return Timeline(routine_id="t", name="T", segments=tuple(out))


def tempo_work(reps: int | None, tempo: tuple[TempoPhase, ...] = UP_HOLD_DOWN) -> Segment:
    cycle = sum(p.seconds for p in tempo)
    return Segment(
        index=0,
        kind="work",
        name="Raise",
        start_s=0,
        duration_s=(reps or 2) * cycle,
        reps=reps,
        tempo=tempo,
    )


def routine(*steps: Step) -> Timeline:
    return expand(Routine(id="r", name="R", steps=steps))


def two_exercises() -> Timeline:
    """0 prep A, 1 A s1, 2 rest, 3 A s2, 4 prep B, 5 B left, 6 switch, 7 B right."""
    return routine(
        exercise("A", 30, sets=2, prepare=5, rest=10),
        exercise("B", 20, sides="both", prepare=5, switch=5),
    )


def engine_for(timeline: Timeline) -> tuple[SessionEngine, FakeClock]:
    clock = FakeClock(T0)
    return SessionEngine(timeline, clock), clock


def started(timeline: Timeline, at_index: int = 0) -> tuple[SessionEngine, FakeClock]:
    engine, clock = engine_for(timeline)
    engine.start(at_index)
    return engine, clock


def brief(events: list[Event]) -> list[tuple[object, ...]]:
    """Events as short tuples, times relative to T0, for readable comparisons."""
    out: list[tuple[object, ...]] = []
    for e in events:
        at = e.at - T0
        if isinstance(e, SegmentStarted):
            out.append(("start", at, e.segment.index))
        elif isinstance(e, SegmentEnded):
            out.append(("end", at, e.segment.index, e.status, e.active_s))
        elif isinstance(e, Cue):
            out.append(("cue", at, e.kind, e.detail))
        elif isinstance(e, Paused):
            out.append(("paused", at))
        elif isinstance(e, Resumed):
            out.append(("resumed", at, e.paused_s))
        else:
            out.append(("finished", at, e.completed))
    return out


def cues_of(events: list[Event]) -> list[tuple[float, str, str | None]]:
    return [(e.at - T0, e.kind, e.detail) for e in events if isinstance(e, Cue)]


# -- starting and cue schedules ------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "cue"),
    [("prepare", "prepare"), ("work", "start"), ("rest", "rest"), ("switch", "switch")],
)
def test_start_emits_segment_then_its_opening_cue(kind: SegmentKind, cue: str) -> None:
    engine, _ = engine_for(segments((kind, 10)))
    assert brief(engine.start()) == [("start", 0, 0), ("cue", 0, cue, None)]
    assert engine.started and not engine.finished and engine.current is engine.timeline.segments[0]


def countdown(end: float) -> list[tuple[float, str, str | None]]:
    return [(end - n, "countdown", str(n)) for n in (3, 2, 1)]


def opening(kind: str) -> tuple[float, str, str | None]:
    return (0, kind, None)


TWO_REPS_OF_UP_HOLD_DOWN = [
    (0, "tempo", "up"),
    (2, "tempo", "hold"),
    (3, "tempo", "down"),
    (6, "tempo", "up"),
    (8, "tempo", "hold"),
    (9, "tempo", "down"),
]
ZERO_HOLD = (TempoPhase("up", 1), TempoPhase("hold", 0), TempoPhase("down", 1))


@pytest.mark.parametrize(
    ("segment", "expected"),
    [
        pytest.param(
            ("work", 30), [opening("start"), (15, "halfway", None), *countdown(30)], id="work-30"
        ),
        pytest.param(
            ("work", 20), [opening("start"), (10, "halfway", None), *countdown(20)], id="work-20"
        ),
        pytest.param(("work", 19), [opening("start"), *countdown(19)], id="work-19"),
        pytest.param(("work", 4), [opening("start"), *countdown(4)], id="work-4"),
        pytest.param(("work", 3.5), [opening("start")], id="work-short"),
        pytest.param(("prepare", 5), [opening("prepare"), *countdown(5)], id="prepare"),
        pytest.param(("rest", 60), [opening("rest"), *countdown(60)], id="rest-no-halfway"),
        pytest.param(("switch", 30), [opening("switch")], id="switch"),
        pytest.param(("work", None), [opening("start")], id="self-paced"),
        pytest.param(tempo_work(2), [opening("start"), *TWO_REPS_OF_UP_HOLD_DOWN], id="tempo"),
        pytest.param(
            tempo_work(None), [opening("start"), *TWO_REPS_OF_UP_HOLD_DOWN], id="tempo-no-reps"
        ),
        pytest.param(
            tempo_work(1, ZERO_HOLD),
            [opening("start"), (0, "tempo", "up"), (1, "tempo", "down")],
            id="tempo-zero-phase",
        ),
    ],
)
def test_cue_schedule_of_one_segment(
    segment: tuple[SegmentKind, float | None] | Segment,
    expected: list[tuple[float, str, str | None]],
) -> None:
    engine, _ = engine_for(segments(segment))
    events = engine.start() + engine.poll(T0 + 10_000)
    end = engine.timeline.segments[0].duration_s
    # A self-paced segment never ends by itself; every other one ends with the finish cue.
    finish = [] if end is None else [(end, "finish", None)]
    assert cues_of(events) == expected + finish
    assert engine.finished is (end is not None)


def test_cue_schedule_never_reaches_the_segment_end() -> None:
    schedule = cue_schedule(Segment(0, "work", "w", 0, 4), 4.0)
    assert all(c.offset < 4 for c in schedule)
    assert cue_schedule(Segment(0, "work", "w", 0, 0), 0.0) == ()


def test_order_within_one_instant() -> None:
    engine, _ = started(segments(("rest", 2), tempo_work(1)))
    assert brief(engine.poll(T0 + 2)) == [
        ("end", 2, 0, "done", 2),
        ("start", 2, 1),
        ("cue", 2, "start", None),
        ("cue", 2, "tempo", "up"),
    ]


def test_last_segment_ends_with_finish_cue_then_session_finished() -> None:
    engine, _ = started(segments(("work", 2)))
    assert brief(engine.poll(T0 + 2)) == [
        ("end", 2, 0, "done", 2),
        ("cue", 2, "finish", None),
        ("finished", 2, True),
    ]
    assert engine.finished and engine.current is None and engine.poll(T0 + 99) == []


# -- exact time ----------------------------------------------------------------------------


def test_one_late_poll_returns_every_event_at_its_scheduled_time() -> None:
    engine, _ = started(segments(("work", 10), ("rest", 10), ("work", 10)))
    expected = []
    for i, cue in enumerate(["start", "rest", "start"]):
        base = 10 * i
        if i:
            expected += [("start", base, i), ("cue", base, cue, None)]
        expected += [("cue", base + n, "countdown", str(10 - n)) for n in (7, 8, 9)]
        expected.append(("end", base + 10, i, "done", 10))
    expected += [("cue", 30, "finish", None), ("finished", 30, True)]
    assert brief(engine.poll(T0 + 35)) == expected
    assert engine.session_elapsed(T0 + 50) == 30


def test_next_segment_starts_at_scheduled_end_not_at_poll_time() -> None:
    engine, _ = started(segments(("work", 10), ("work", 10)))
    events = engine.poll(T0 + 13.7)
    assert [e.at for e in events if isinstance(e, SegmentStarted)] == [T0 + 10]
    assert engine.elapsed(T0 + 13.7) == pytest.approx(3.7)
    assert engine.next_deadline() == T0 + 17


def test_no_drift_over_a_thousand_irregular_polls_with_pauses() -> None:
    timeline = routine(
        RepeatBlock(
            times=6,
            rest=15,
            steps=(
                exercise("Raise", 30, sets=3, prepare=5, rest=12.5),
                exercise("Stretch", 20.25, sides="both", switch=4),
                RestStep(7.75),
            ),
        )
    )
    engine, clock = engine_for(timeline)
    engine.start()
    rng = random.Random(7)
    starts: list[tuple[int, float]] = []
    pauses: list[tuple[float, float]] = []  # (active offset where paused, length)
    for _ in range(1000):
        clock.advance(rng.uniform(0.001, 2.3))
        if rng.random() < 0.01 and not engine.finished:
            engine.pause()
            length = rng.choice([0.5, 3.25, 17.0])
            pauses.append((engine.session_elapsed(), length))
            clock.advance(length)
            assert engine.poll() == [] and engine.next_deadline() is None
            engine.resume()
        for event in engine.poll():
            if isinstance(event, SegmentStarted):
                starts.append((event.segment.index, event.at))
    assert len(starts) > 60
    for index, at in starts:
        planned = timeline.segments[index].start_s
        paused_before = sum(length for offset, length in pauses if offset <= planned)
        assert at == T0 + planned + paused_before


def test_next_deadline_is_the_time_of_the_next_event() -> None:
    timeline = routine(
        exercise("Raise", reps=3, tempo=UP_HOLD_DOWN, prepare=5, sets=2, rest=10),
        exercise("Hold", 25, sides="both", switch=5),
    )
    engine, clock = started(timeline)
    steps = 0
    while (deadline := engine.next_deadline()) is not None:
        assert engine.poll(deadline - 1e-6) == []
        events = engine.poll(deadline)
        assert events and events[0].at == deadline
        assert all(e.at == deadline for e in events)
        steps += 1
    assert engine.finished and steps > 30


def test_session_elapsed_at_each_event_of_a_late_poll() -> None:
    engine, _ = started(segments(("work", 10), ("rest", 10), ("work", 10)))
    engine.pause(T0 + 4)
    engine.resume(T0 + 9)
    events = engine.poll(T0 + 60)
    stamps = [(type(e).__name__, engine.session_elapsed(e.at)) for e in events]
    assert ("SegmentStarted", 10) in stamps and ("SegmentStarted", 20) in stamps
    assert stamps[-1] == ("SessionFinished", 30)
    assert engine.session_elapsed(T0 + 99) == 30 and engine.paused_total(T0 + 99) == 5


def test_controls_never_act_earlier_than_they_already_have() -> None:
    engine, _ = started(segments(("work", 10)))
    engine.poll(T0 + 5)
    assert engine.poll(T0 + 1) == []
    assert engine.elapsed(T0 + 1) == 1 and engine.elapsed(T0 + 5) == 5
    assert brief(engine.skip(T0 + 2)) == [
        ("end", 5, 0, "skipped", 5),
        ("cue", 5, "finish", None),
        ("finished", 5, True),
    ]


def test_methods_read_the_clock_when_no_time_is_given() -> None:
    engine, clock = started(segments(("work", 10), ("work", 10)))
    clock.advance(4)
    assert engine.elapsed() == 4 and engine.remaining() == 6
    clock.advance(7)
    assert [type(e) for e in engine.poll()][:3] == [Cue, Cue, Cue]
    assert engine.index == 1 and engine.elapsed() == 1


# -- pause ---------------------------------------------------------------------------------


def test_pause_freezes_time_and_resume_shifts_everything() -> None:
    engine, _ = started(segments(("work", 10), ("work", 10)))
    assert brief(engine.pause(T0 + 3)) == [("paused", 3)]
    assert engine.paused and engine.next_deadline() is None
    assert engine.poll(T0 + 100) == []
    assert engine.elapsed(T0 + 100) == 3 and engine.remaining(T0 + 100) == 7
    assert engine.paused_total(T0 + 100) == 97
    assert engine.session_elapsed(T0 + 100) == 3
    assert brief(engine.resume(T0 + 103)) == [("resumed", 103, 100)]
    assert engine.next_deadline() == T0 + 107  # countdown "3" at D-3
    assert brief(engine.poll(T0 + 110))[-3:] == [
        ("end", 110, 0, "done", 10),
        ("start", 110, 1),
        ("cue", 110, "start", None),
    ]
    assert engine.paused_total(T0 + 115) == 100 and engine.session_elapsed(T0 + 115) == 15


def test_pause_and_resume_are_idempotent_and_toggle() -> None:
    engine, _ = started(segments(("work", 10)))
    assert engine.resume(T0 + 1) == []
    assert brief(engine.toggle_pause(T0 + 2)) == [("paused", 2)]
    assert engine.pause(T0 + 3) == []
    assert brief(engine.toggle_pause(T0 + 4)) == [("resumed", 4, 2)]
    assert engine.resume(T0 + 5) == [] and not engine.paused


def test_pause_first_reports_what_fell_due() -> None:
    engine, _ = started(segments(("work", 10), ("work", 10)))
    events = brief(engine.pause(T0 + 12))
    assert events[-1] == ("paused", 12) and ("start", 10, 1) in events
    assert engine.elapsed(T0 + 30) == 2


# -- skip, mark_done, stop -----------------------------------------------------------------


def test_skip_ends_the_segment_as_skipped_and_starts_the_next_now() -> None:
    engine, _ = started(segments(("work", 30), ("rest", 10)))
    assert brief(engine.skip(T0 + 4.5)) == [
        ("end", 4.5, 0, "skipped", 4.5),
        ("start", 4.5, 1),
        ("cue", 4.5, "rest", None),
    ]
    assert engine.next_deadline() == T0 + 11.5
    assert brief(engine.skip(T0 + 5)) == [
        ("end", 5, 1, "skipped", 0.5),
        ("cue", 5, "finish", None),
        ("finished", 5, True),
    ]
    assert engine.skip(T0 + 6) == []


def test_skip_while_paused_keeps_the_new_segment_at_zero_until_resumed() -> None:
    engine, _ = started(segments(("work", 30), ("work", 10)))
    engine.pause(T0 + 5)
    assert brief(engine.skip(T0 + 8)) == [
        ("end", 8, 0, "skipped", 5),
        ("start", 8, 1),
        ("cue", 8, "start", None),
    ]
    assert engine.paused and engine.elapsed(T0 + 20) == 0
    engine.resume(T0 + 20)
    assert engine.elapsed(T0 + 21) == 1
    assert [e.at for e in engine.poll(T0 + 40) if isinstance(e, SegmentEnded)] == [T0 + 30]
    assert engine.paused_total() == 15 and engine.session_elapsed(T0 + 99) == 15


def test_self_paced_segment_waits_for_mark_done() -> None:
    timeline = routine(exercise("Curls", reps=10, prepare=5), exercise("Hold", 10))
    engine, _ = started(timeline)
    engine.poll(T0 + 5)
    assert engine.current is not None and engine.current.self_paced
    assert engine.poll(T0 + 500) == [] and engine.next_deadline() is None
    assert engine.remaining(T0 + 500) is None and engine.segment_duration() is None
    assert engine.session_remaining(T0 + 500) == 10
    assert engine.adjust(10, T0 + 500) == []
    engine.pause(T0 + 500)
    engine.resume(T0 + 520)
    assert brief(engine.mark_done(T0 + 530)) == [
        ("end", 530, 1, "done", 505),
        ("start", 530, 2),
        ("cue", 530, "start", None),
    ]
    assert engine.mark_done(T0 + 531) == []  # timed: ends by itself
    assert engine.index == 2


def test_skip_also_leaves_a_self_paced_segment() -> None:
    engine, _ = started(segments(("work", None), ("work", 5)))
    assert brief(engine.skip(T0 + 3))[:2] == [("end", 3, 0, "skipped", 3), ("start", 3, 1)]


def test_stop_finishes_without_ending_the_segment() -> None:
    engine, _ = started(segments(("work", 30)))
    engine.pause(T0 + 10)
    assert brief(engine.stop(T0 + 15)) == [("finished", 15, False)]
    assert engine.finished and not engine.paused and engine.current is None
    assert engine.paused_total(T0 + 99) == 5 and engine.session_elapsed(T0 + 99) == 10
    assert engine.index == 0  # where a later session can resume


def test_stop_after_the_session_already_ended_reports_only_its_end() -> None:
    engine, _ = started(segments(("work", 10)))
    events = brief(engine.stop(T0 + 12))
    assert events[-1] == ("finished", 10, True)
    assert ("finished", 12, False) not in events


# -- adjust --------------------------------------------------------------------------------


def test_adjust_up_moves_the_end_and_countdown() -> None:
    engine, _ = started(segments(("work", 30), ("rest", 5)))
    assert engine.adjust(10, T0 + 5) == []
    assert engine.segment_duration() == 40 and engine.remaining(T0 + 5) == 35
    assert engine.session_remaining(T0 + 5) == 40
    events = engine.poll(T0 + 40)
    assert cues_of(events)[:4] == [(20, "halfway", None), *countdown(40)]
    assert brief(events)[4] == ("end", 40, 0, "done", 40)


def test_adjust_up_after_countdown_repeats_it_but_not_halfway() -> None:
    engine, _ = started(segments(("work", 30)))
    engine.poll(T0 + 28.5)  # halfway at 15 and "3", "2" have played
    engine.adjust(10, T0 + 28.5)
    assert engine.next_deadline() == T0 + 37
    assert cues_of(engine.poll(T0 + 40)) == [*countdown(40), (40, "finish", None)]


def test_halfway_plays_once_even_when_adjust_moves_it_ahead() -> None:
    engine, _ = started(segments(("work", 20)))
    engine.poll(T0 + 11)  # halfway at 10 has played
    engine.adjust(10, T0 + 11)  # the new midpoint, 15, lies ahead
    assert engine.next_deadline() == T0 + 27
    assert cues_of(engine.poll(T0 + 30)) == [*countdown(30), (30, "finish", None)]
    engine, _ = started(segments(("work", 20), ("work", 20)))
    engine.poll(T0 + 11)
    engine.restart_segment(T0 + 11)  # a new attempt plays it again
    assert cues_of(engine.poll(T0 + 21)) == [(21, "halfway", None)]


def test_adjust_down_before_halfway_brings_it_forward() -> None:
    engine, _ = started(segments(("work", 40)))
    engine.adjust(-10, T0 + 5)
    assert engine.segment_duration() == 30
    assert cues_of(engine.poll(T0 + 30))[:2] == [(15, "halfway", None), (27, "countdown", "3")]


def test_adjust_down_past_already_played_cues_does_not_replay_them() -> None:
    engine, _ = started(segments(("work", 30)))
    engine.poll(T0 + 16)  # halfway played
    engine.adjust(-10, T0 + 16)
    assert cues_of(engine.poll(T0 + 20)) == [*countdown(20), (20, "finish", None)]


@pytest.mark.parametrize("at", [20, 25, 29.5])
def test_adjust_down_to_zero_ends_the_segment_done_now(at: float) -> None:
    engine, _ = started(segments(("work", 30), ("rest", 10)))
    events = brief(engine.adjust(-10, T0 + at))
    assert events[-3:] == [("end", at, 0, "done", at), ("start", at, 1), ("cue", at, "rest", None)]


def test_adjust_is_a_no_op_on_tempo_segments() -> None:
    engine, _ = started(segments(tempo_work(2)))
    assert engine.adjust(10, T0 + 1) == [] and engine.segment_duration() == 12
    assert engine.adjust(-30, T0 + 1) == [] and not engine.finished


def test_adjust_works_on_any_timed_kind_and_restart_forgets_it() -> None:
    engine, _ = started(segments(("prepare", 5), ("work", 10)))
    engine.adjust(10, T0 + 1)
    assert engine.next_deadline() == T0 + 12
    engine.restart_segment(T0 + 3)
    assert engine.segment_duration() == 5 and engine.next_deadline() == T0 + 5


# -- back and restart ----------------------------------------------------------------------


def goto(engine: SessionEngine, index: int) -> None:
    """Skip forward at T0, so segment `index` starts at T0."""
    while engine.index < index:
        engine.skip(T0)


@pytest.mark.parametrize(
    ("index", "after", "target"),
    [
        (0, 1.0, 0),  # first segment: restart
        (0, 4.5, 0),
        (1, 1.0, 0),  # A set 1 early: prepare of A (its own group's start)
        (3, 1.0, 0),  # A set 2 early: previous is A's rest, so the start of A
        (3, 2.0, 0),  # exactly 2 s still counts as early
        (3, 2.5, 3),  # later: restart
        (4, 1.0, 0),  # B's prepare early: back to A
        (5, 0.0, 4),  # B left early: previous is B's prepare, the start of B
        (7, 1.5, 4),  # B right early: start of B
        (7, 10.0, 7),
    ],
)
def test_back(index: int, after: float, target: int) -> None:
    timeline = two_exercises()
    assert [s.group for s in timeline.segments] == [0, 0, 0, 0, 1, 1, 1, 1]
    engine, _ = started(timeline)
    goto(engine, index)
    assert engine.index == index
    now = T0 + after
    # Cues that fell due before `now` come first; then the jump.
    assert brief(engine.back(now))[-2:] == [
        ("start", after, target),
        ("cue", after, "prepare" if target in (0, 4) else "start", None),
    ]
    assert engine.index == target and engine.elapsed(now) == 0


def test_back_across_repeat_rounds_goes_to_the_previous_exercise() -> None:
    timeline = routine(
        RepeatBlock(times=2, rest=20, steps=(exercise("A", 10), exercise("B", 10, prepare=3)))
    )
    names = [(s.kind, s.name, s.group) for s in timeline.segments]
    assert names[3] == ("rest", "Rest", 1) and names[4] == ("work", "A", 2)
    engine, _ = started(timeline)
    goto(engine, 4)
    engine.back(T0 + 1)
    assert engine.index == 1  # the round rest belongs to B, so back lands on B's prepare


def test_restart_segment_replays_its_cues_and_moves_its_end() -> None:
    engine, _ = started(segments(("work", 30)))
    engine.poll(T0 + 20)
    assert brief(engine.restart_segment(T0 + 20)) == [("start", 20, 0), ("cue", 20, "start", None)]
    assert cues_of(engine.poll(T0 + 50))[:2] == [(35, "halfway", None), (47, "countdown", "3")]
    assert engine.session_elapsed(T0 + 50) == 50


def test_back_while_paused_stays_paused() -> None:
    engine, _ = started(segments(("work", 10), ("work", 10)))
    engine.poll(T0 + 10.5)
    engine.pause(T0 + 11)
    engine.back(T0 + 20)  # 1 s into segment 1: the pause does not count
    assert engine.index == 0 and engine.paused and engine.elapsed(T0 + 30) == 0
    engine.resume(T0 + 30)
    assert engine.next_deadline() == T0 + 37


# -- start, resume a partial session, re-entrancy ------------------------------------------


def test_start_at_index_resumes_a_partial_session() -> None:
    timeline = two_exercises()
    engine, _ = engine_for(timeline)
    assert engine.session_remaining() == timeline.total_s
    assert brief(engine.start(4, T0)) == [("start", 0, 4), ("cue", 0, "prepare", None)]
    assert engine.session_remaining(T0) == 5 + 20 + 5 + 20
    assert engine.session_elapsed(T0 + 7) == 7
    assert engine.start(0, T0 + 8) == []  # a second start is ignored
    assert engine.index == 4


def test_start_past_the_last_segment_finishes_at_once() -> None:
    engine, _ = engine_for(segments(("work", 10)))
    assert brief(engine.start(1, T0)) == [("cue", 0, "finish", None), ("finished", 0, True)]
    assert engine.finished


def test_start_with_an_index_out_of_range_is_refused() -> None:
    engine, _ = engine_for(segments(("work", 10)))
    with pytest.raises(ValueError):
        engine.start(2)
    with pytest.raises(ValueError):
        engine.start(-1)


def test_empty_timeline_finishes_on_start() -> None:
    engine, _ = engine_for(segments())
    assert brief(engine.start()) == [("finished", 0, True)]


def test_zero_length_segment_passes_straight_through() -> None:
    engine, _ = engine_for(segments(("work", 0), ("rest", 5)))
    assert brief(engine.start()) == [
        ("start", 0, 0),
        ("end", 0, 0, "done", 0),
        ("start", 0, 1),
        ("cue", 0, "rest", None),
    ]


def control_calls(engine: SessionEngine, now: float) -> list[list[Event]]:
    return [
        engine.poll(now),
        engine.pause(now),
        engine.resume(now),
        engine.toggle_pause(now),
        engine.skip(now),
        engine.back(now),
        engine.restart_segment(now),
        engine.adjust(10, now),
        engine.adjust(-10, now),
        engine.mark_done(now),
        engine.stop(now),
    ]


def test_controls_before_start_do_nothing() -> None:
    engine, _ = engine_for(segments(("work", 10)))
    assert control_calls(engine, T0) == [[]] * 11
    assert not engine.started and engine.current is None and engine.next_deadline() is None
    assert engine.elapsed() == 0 and engine.remaining() is None
    assert engine.segment_duration() is None and engine.session_elapsed() == 0
    assert engine.tempo_position() is None and engine.upcoming() is None


def test_controls_after_finish_do_nothing() -> None:
    engine, _ = started(segments(("work", 10)))
    engine.poll(T0 + 10)
    assert control_calls(engine, T0 + 20) == [[]] * 11
    assert engine.session_remaining(T0 + 20) == 0 and engine.session_elapsed(T0 + 20) == 10
    assert engine.next_deadline() is None and engine.start() == []


# -- queries -------------------------------------------------------------------------------


def test_session_arithmetic() -> None:
    engine, _ = started(segments(("prepare", 5), ("work", 30), ("rest", 10), ("work", None)))
    assert engine.session_remaining(T0) == 45
    engine.poll(T0 + 8)
    assert engine.index == 1 and engine.elapsed(T0 + 8) == 3 and engine.remaining(T0 + 8) == 27
    assert engine.session_remaining(T0 + 8) == 37
    engine.pause(T0 + 8)
    engine.resume(T0 + 20)
    assert engine.session_elapsed(T0 + 20) == 8 and engine.paused_total(T0 + 20) == 12
    assert engine.session_remaining(T0 + 20) == 37
    engine.poll(T0 + 62)  # segment 1 ended at 47, rest ended at 57
    assert engine.index == 3 and engine.session_remaining(T0 + 62) == 0
    assert engine.session_elapsed(T0 + 62) == 50


def test_remaining_stops_at_zero_when_not_yet_polled() -> None:
    engine, _ = started(segments(("work", 10), ("work", 10)))
    assert engine.remaining(T0 + 15) == 0 and engine.elapsed(T0 + 15) == 10


@pytest.mark.parametrize(
    ("elapsed", "expected"),
    [
        (0.0, TempoPosition(1, 2, "up", 2)),
        (1.5, TempoPosition(1, 2, "up", 0.5)),
        (2.0, TempoPosition(1, 2, "hold", 1)),
        (4.0, TempoPosition(1, 2, "down", 2)),
        (6.0, TempoPosition(2, 2, "up", 2)),
        (11.0, TempoPosition(2, 2, "down", 1)),
        (12.0, TempoPosition(2, 2, "down", 0)),
    ],
)
def test_tempo_position(elapsed: float, expected: TempoPosition) -> None:
    engine, _ = started(segments(tempo_work(2)))
    assert engine.tempo_position(T0 + elapsed) == expected


def test_tempo_position_past_the_end_and_on_other_segments() -> None:
    assert tempo_position(tempo_work(2), 99) == TempoPosition(2, 2, "down", 0)
    engine, _ = started(segments(("work", 10)))
    assert engine.tempo_position(T0 + 1) is None


def test_upcoming() -> None:
    timeline = routine(
        exercise("A", 30, sets=2, prepare=5, rest=10),
        RestStep(60),
        exercise("B", 20, sides="both", prepare=5, switch=5, sets=2),
    )
    kinds = [(s.kind, s.name) for s in timeline.segments]
    rest_step = kinds.index(("rest", "Rest"), 3)
    b_first = kinds.index(("work", "B"))
    engine, _ = started(timeline)
    expected = {0: rest_step, 1: rest_step, 2: rest_step, 3: rest_step, rest_step: b_first}
    last = len(timeline.segments) - 1
    while not engine.finished:
        upcoming = engine.upcoming()
        if engine.index in expected:
            assert upcoming is timeline.segments[expected[engine.index]]
        elif engine.index == last:
            assert upcoming is None
        else:
            # Inside the last exercise: its next work segment.
            assert upcoming is not None and upcoming.kind == "work" and upcoming.name == "B"
            assert upcoming.index > engine.index
        engine.skip(T0)


# -- invariants ----------------------------------------------------------------------------

ACTIONS = ("poll", "pause", "resume", "toggle", "skip", "back", "restart", "up", "down", "done")


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(ACTIONS), st.floats(min_value=0, max_value=40)),
        max_size=60,
    ),
    st.integers(min_value=0, max_value=8),
)
def test_random_controls_never_raise_and_keep_time_in_order(
    actions: list[tuple[str, float]], at_index: int
) -> None:
    timeline = routine(
        exercise("A", 21, sets=2, prepare=5, rest=10),
        exercise("B", reps=3, tempo=UP_HOLD_DOWN, sides="both", switch=4),
        exercise("C", reps=5),
    )
    engine, clock = engine_for(timeline)
    controls: dict[str, Callable[[], list[Event]]] = {
        "poll": engine.poll,
        "pause": engine.pause,
        "resume": engine.resume,
        "toggle": engine.toggle_pause,
        "skip": engine.skip,
        "back": engine.back,
        "restart": engine.restart_segment,
        "up": lambda: engine.adjust(10),
        "down": lambda: engine.adjust(-10),
        "done": engine.mark_done,
    }
    events = engine.start(at_index)
    for name, dt in actions:
        now = clock.advance(dt)
        new = controls[name]()
        assert all(e.at <= now for e in new)
        events += new
        deadline = engine.next_deadline()
        assert deadline is None or deadline > now
        if engine.started and not engine.finished:
            assert engine.session_elapsed() + engine.paused_total() == pytest.approx(now - T0)
            assert 0 <= engine.elapsed() <= (engine.segment_duration() or float("inf"))
    events += engine.stop(clock.advance(1))
    times = [e.at for e in events]
    assert times == sorted(times)
    assert sum(isinstance(e, SessionFinished) for e in events) == 1
    assert isinstance(events[-1], SessionFinished)
    # Every end belongs to the segment started last, and no time is negative.
    current: Segment | None = None
    for event in events:
        if isinstance(event, SegmentStarted):
            current = event.segment
        elif isinstance(event, SegmentEnded):
            assert event.segment is current and event.active_s >= 0
        elif isinstance(event, Resumed):
            assert event.paused_s >= 0


@pytest.mark.parametrize(
    ("presses", "status"), [(2, "done"), (3, "done"), (4, "skipped"), (5, "skipped")]
)
def test_a_timed_step_cut_below_half_with_minus_ends_skipped(presses: int, status: str) -> None:
    """Defect #1 of the new-user walk: `-` pressed to the end recorded a 60 s hold as done
    after a few seconds. Cut to 40 or 30 s (half) it is done; to 20 or 10 s, skipped."""
    engine, clock = started(segments(("work", 60), ("work", 60)))
    ended: list[SegmentEnded] = []
    for _ in range(presses):
        ended += [e for e in engine.adjust(-10) if isinstance(e, SegmentEnded)]
    clock.advance(engine.remaining() or 0.0)
    ended += [e for e in engine.poll() if isinstance(e, SegmentEnded)]
    assert [(e.segment.index, e.status, e.active_s) for e in ended] == [
        (0, status, 60.0 - 10 * presses)
    ]


def test_minus_ending_a_step_leaves_the_next_one_its_whole_length() -> None:
    """Defect #1 of the new-user walk: a `-` that ends a step must not shorten the next."""
    engine, clock = started(segments(("work", 60), ("work", 60)))
    for _ in range(6):
        clock.advance(0.3)
        engine.adjust(-10)
    assert engine.index == 1
    assert engine.remaining() == 60


def test_minus_pressed_as_its_step_ends_by_itself_leaves_the_next_one_whole() -> None:
    """Defect #1 of the new-user walk: a `-` meant for a step that ended on its own a moment
    before the key was read (the screen not yet showing the next) took 10 s off the next."""
    engine, clock = started(segments(("work", 20), ("work", 60)))
    clock.advance(20.05)  # the step is over; the screen has not woken to show it yet
    ended = [e for e in engine.adjust(-10) if isinstance(e, SegmentEnded)]
    assert [(e.segment.index, e.status, e.active_s) for e in ended] == [(0, "done", 20)]
    assert engine.index == 1
    assert engine.remaining() == pytest.approx(59.95)
