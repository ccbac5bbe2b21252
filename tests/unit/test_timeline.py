"""Expansion of a routine into its timeline: the exact rules of the routine format."""

from __future__ import annotations

import pytest
from builders import exercise, routine
from hypothesis import given, settings
from hypothesis import strategies as st

from coach.problems import FileProblems
from coach.routine.loader import parse_routine
from coach.routine.model import (
    Exercise,
    ExerciseStep,
    RepeatBlock,
    RestStep,
    Step,
    TempoPhase,
)
from coach.routine.timeline import (
    MAX_SEGMENTS,
    MAX_TOTAL_S,
    Segment,
    Timeline,
    TimelineTooLong,
    check_size,
    expand,
    measure,
)

LIBRARY = {"calf-stretch": Exercise("calf-stretch", "Calf stretch", sides="both")}


def timeline_of(yaml_text: str) -> Timeline:
    return expand(parse_routine(yaml_text, "r.yaml", LIBRARY, routine_id="r"))


def shape(timeline: Timeline) -> list[tuple[str, str | None, float | None]]:
    return [(s.kind, s.side, s.duration_s) for s in timeline.segments]


def test_the_contract_example_is_exactly_92_seconds() -> None:
    timeline = timeline_of(
        "name: R\nprepare: 3s\nrest: 5s\nsteps:\n"
        "  - {exercise: calf-stretch, duration: 20s, sides: both, sets: 2, switch: 2s}\n"
    )
    assert shape(timeline) == [
        ("prepare", "left", 3),
        ("work", "left", 20),
        ("switch", "right", 2),
        ("work", "right", 20),
        ("rest", None, 5),
        ("work", "left", 20),
        ("switch", "right", 2),
        ("work", "right", 20),
    ]
    assert [s.start_s for s in timeline.segments] == [0, 3, 23, 25, 45, 50, 70, 72]
    assert timeline.total_s == 92
    assert [s.set for s in timeline.segments] == [None, 1, 1, 1, 1, 2, 2, 2]
    assert {s.sets for s in timeline.segments} == {2}
    assert [s.index for s in timeline.segments] == list(range(8))
    assert len({s.group for s in timeline.segments}) == 1


def test_plan_json_has_exactly_the_contract_fields() -> None:
    timeline = timeline_of(
        "name: R\nsteps: [{name: Toe raises, reps: 10, tempo: {up: 1, down: 2}}]"
    )
    data = timeline.to_json()
    assert data == {
        "routine": "r",
        "name": "R",
        "total_s": 35.0,
        "segments": [
            {
                "kind": "prepare",
                "name": "Toe raises",
                "side": None,
                "set": None,
                "sets": 1,
                "round": None,
                "rounds": None,
                "reps": 10,
                "start_s": 0.0,
                "duration_s": 5.0,
            },
            {
                "kind": "work",
                "name": "Toe raises",
                "side": None,
                "set": 1,
                "sets": 1,
                "round": None,
                "rounds": None,
                "reps": 10,
                "start_s": 5.0,
                "duration_s": 30.0,
            },
        ],
    }


def test_repeat_rounds_are_numbered_with_rest_between_rounds_only() -> None:
    timeline = timeline_of(
        "name: R\nprepare: 0\nsteps:\n"
        "  - repeat: 3\n    rest: 20s\n    steps:\n"
        "      - {name: A, duration: 10s}\n      - {rest: 5s}\n"
    )
    assert [(s.kind, s.duration_s, s.round, s.rounds) for s in timeline.segments] == [
        ("work", 10, 1, 3),
        ("rest", 5, 1, 3),
        ("rest", 20, 1, 3),
        ("work", 10, 2, 3),
        ("rest", 5, 2, 3),
        ("rest", 20, 2, 3),
        ("work", 10, 3, 3),
        ("rest", 5, 3, 3),
    ]
    assert timeline.total_s == 3 * 15 + 2 * 20


def test_nested_blocks_number_the_inner_rounds_and_prepare_each_time() -> None:
    timeline = timeline_of(
        "name: R\nprepare: 2\nsteps:\n"
        "  - repeat: 2\n    steps:\n      - repeat: 2\n        steps: [{name: A, duration: 1}]\n"
    )
    assert [(s.kind, s.round, s.rounds) for s in timeline.segments] == [
        ("prepare", 1, 2),
        ("work", 1, 2),
        ("prepare", 2, 2),
        ("work", 2, 2),
    ] * 2
    assert len({s.group for s in timeline.segments}) == 4


@pytest.mark.parametrize(
    ("step", "kinds"),
    [
        ("{name: A, duration: 5, sets: 2, sides: both, prepare: 0, rest: 0, switch: 0}",
         ["work", "work", "work", "work"]),
        ("{name: A, duration: 5, sets: 2, sides: both, prepare: 1, rest: 0, switch: 0}",
         ["prepare", "work", "work", "work", "work"]),
        ("{name: A, duration: 5, sets: 2, sides: both, prepare: 0, rest: 1, switch: 0}",
         ["work", "work", "rest", "work", "work"]),
        ("{name: A, duration: 5, sets: 2, sides: both, prepare: 0, rest: 0, switch: 1}",
         ["work", "switch", "work", "work", "switch", "work"]),
        ("{name: A, duration: 5, sets: 1, sides: left, prepare: 0, rest: 9, switch: 9}",
         ["work"]),
    ],
)  # fmt: skip
def test_zero_length_pauses_are_left_out(step: str, kinds: list[str]) -> None:
    timeline = timeline_of(f"name: R\nsteps: [{step}]")
    assert [s.kind for s in timeline.segments] == kinds


@pytest.mark.parametrize(
    ("sides", "expected"),
    [("left", ["left"]), ("right", ["right"]), ("none", [None]), ("both", ["left", "right"])],
)
def test_sides_give_one_work_segment_each(sides: str, expected: list[str | None]) -> None:
    timeline = timeline_of(f"name: R\nprepare: 0\nsteps: [{{name: A, reps: 3, sides: {sides}}}]")
    assert [s.side for s in timeline.work_segments] == expected


def test_a_tempo_rep_takes_the_sum_of_its_phases() -> None:
    timeline = timeline_of(
        "name: R\nprepare: 0\nsteps: [{name: A, reps: 10, tempo: {up: 3s, hold: 1s, down: 3s}}]"
    )
    (work,) = timeline.segments
    assert work.duration_s == 70
    assert [p.name for p in work.tempo] == ["up", "hold", "down"]
    assert not work.self_paced and work.end_s == 70


def test_self_paced_segments_have_no_duration_and_count_zero() -> None:
    timeline = timeline_of(
        "name: R\nprepare: 0\nsteps:\n  - {name: Marbles, reps: 20, sides: both, switch: 4}\n"
        "  - {rest: 10s}\n"
    )
    assert shape(timeline) == [
        ("work", "left", None),
        ("switch", "right", 4),
        ("work", "right", None),
        ("rest", None, 10),
    ]
    assert [s.start_s for s in timeline.segments] == [0, 0, 4, 4]
    assert timeline.segments[0].self_paced and timeline.segments[0].end_s == 0
    assert timeline.total_s == 14


def test_a_rest_step_is_one_rest_segment_of_its_own() -> None:
    timeline = timeline_of("name: R\nprepare: 0\nsteps: [{name: A, duration: 3}, {rest: 7}]")
    assert shape(timeline) == [("work", None, 3), ("rest", None, 7)]
    assert timeline.segments[0].group != timeline.segments[1].group


def test_segments_carry_the_exercise_they_belong_to() -> None:
    timeline = timeline_of(
        "name: R\nsteps: [{exercise: calf-stretch, duration: 3, caution: Go easy}]"
    )
    assert {(s.exercise_id, s.caution) for s in timeline.segments} == {("calf-stretch", "Go easy")}


@pytest.mark.parametrize(("count", "ok"), [(MAX_SEGMENTS, True), (MAX_SEGMENTS + 1, False)])
def test_the_segment_cap_is_10000(count: int, ok: bool) -> None:
    steps = (RepeatBlock(times=count, rest=0.0, steps=(exercise(duration=1.0),)),)
    if ok:
        assert len(expand(routine(*steps)).segments) == count
    else:
        with pytest.raises(TimelineTooLong, match="more than 10,000 segments"):
            expand(routine(*steps))


@pytest.mark.parametrize(("seconds", "ok"), [(MAX_TOTAL_S, True), (MAX_TOTAL_S + 0.5, False)])
def test_the_length_cap_is_24_hours(seconds: float, ok: bool) -> None:
    steps = (exercise(duration=seconds / 2, sets=2),)
    if ok:
        assert expand(routine(*steps)).total_s == seconds
    else:
        with pytest.raises(TimelineTooLong, match="more than 24 hours"):
            check_size(steps)


def test_an_absurd_routine_is_measured_without_expanding_it() -> None:
    block = RepeatBlock(
        times=1000, rest=1.0, steps=(exercise(duration=10, sets=100, sides="both"),)
    )
    per_round = 100 * 2  # a work segment per side per set, no pauses
    for _ in range(10):
        block = RepeatBlock(times=1000, rest=1.0, steps=(block,))
        per_round = per_round * 1000 + 999
    count, _ = measure((block,))
    assert count == per_round * 1000 + 999  # about 10**35 segments, counted at once
    with pytest.raises(TimelineTooLong, match="more than 10,000 segments"):
        check_size((block,))
    with pytest.raises(FileProblems, match="more than 10,000 segments"):
        parse_routine(
            "name: R\nsteps:\n  - repeat: 1000\n    steps: [{name: A, duration: 1, sets: 100}]\n",
            "r.yaml",
            LIBRARY,
        )


# --- measure() agrees with expand() ---------------------------------------------------------

_seconds = st.sampled_from([0.0, 0.5, 1.0, 2.5, 30.0])
_positive = st.sampled_from([0.5, 1.0, 7.25, 60.0, 3000.0])


@st.composite
def _exercise_steps(draw: st.DrawFn) -> ExerciseStep:
    kind = draw(st.sampled_from(["timed", "tempo", "self-paced"]))
    tempo: tuple[TempoPhase, ...] = ()
    if kind == "tempo":
        phases = draw(st.lists(_positive, min_size=1, max_size=3))
        tempo = tuple(TempoPhase("up", s) for s in phases)
    return exercise(
        duration=draw(_positive) if kind == "timed" else None,
        reps=None if kind == "timed" else draw(st.integers(1, 12)),
        tempo=tempo,
        sides=draw(st.sampled_from(["none", "left", "right", "both"])),
        sets=draw(st.integers(1, 4)),
        switch=draw(_seconds),
        prepare=draw(_seconds),
        rest=draw(_seconds),
    )


_steps: st.SearchStrategy[Step] = st.recursive(
    st.one_of(_exercise_steps(), _positive.map(RestStep)),
    lambda inner: st.builds(
        RepeatBlock,
        times=st.integers(1, 5),
        rest=_seconds,
        steps=st.lists(inner, min_size=1, max_size=3).map(tuple),
    ),
    max_leaves=8,
)


@settings(max_examples=300, deadline=500)
@given(st.lists(_steps, min_size=1, max_size=4).map(tuple))
def test_measure_agrees_with_the_expansion(steps: tuple[Step, ...]) -> None:
    count, seconds = measure(steps)
    if count > MAX_SEGMENTS or seconds > MAX_TOTAL_S:
        with pytest.raises(TimelineTooLong):
            expand(routine(*steps))
        return
    timeline = expand(routine(*steps))
    assert len(timeline.segments) == count
    assert timeline.total_s == pytest.approx(seconds)
    offset = 0.0
    for index, segment in enumerate(timeline.segments):
        assert segment.index == index
        assert segment.start_s == pytest.approx(offset)
        assert segment.duration_s is None or segment.duration_s > 0
        self_paced_work = segment.kind == "work" and segment.reps is not None and not segment.tempo
        assert (segment.duration_s is None) == self_paced_work
        offset = segment.end_s
    assert timeline.total_s == pytest.approx(offset)


def _segment(**fields: object) -> Segment:
    base: dict[str, object] = {"index": 0, "kind": "work", "name": "A", "start_s": 2.0}
    return Segment(**{**base, "duration_s": 3.0, **fields})  # type: ignore[arg-type]


def test_segment_end_and_pacing() -> None:
    assert _segment().end_s == 5.0 and not _segment().self_paced
    assert _segment(duration_s=None).end_s == 2.0 and _segment(duration_s=None).self_paced
