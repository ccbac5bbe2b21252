"""Whatever a routine file holds, loading it gives a routine or problems with a place, never a
crash: arbitrary text, arbitrary bytes, arbitrary YAML trees, and valid files with random edits.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, find, given, settings
from hypothesis import strategies as st

from coach.problems import FileProblems
from coach.routine.loader import (
    EXERCISE_STEP_KEYS,
    REPEAT_KEYS,
    ROUTINE_KEYS,
    SIDES,
    load_routine,
    parse_routine,
)
from coach.routine.model import SOUND_EVENTS, TEMPO_PHASES, Exercise, Routine
from coach.routine.timeline import expand

LIBRARY = {
    "calf-stretch": Exercise("calf-stretch", "Calf stretch", sides="both"),
    "toe-splay": Exercise("toe-splay", "Toe splay"),
}
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
FAST = settings(
    max_examples=250, deadline=500, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
VALID = """\
name: Foot basics
description: Daily strength for feet and calves.
tags: [feet, daily]
prepare: 5s
rest: 15s
switch: 5s
sounds: {halfway: none}
steps:
  - exercise: calf-stretch
    duration: 30s
    sides: both
    sets: 2
  - name: Toe raises
    instructions: Rise onto the balls of your feet, pause, lower slowly.
    reps: 10
    tempo: {up: 3s, hold: 1s, down: 3s}
    sets: 3
    rest: 30s
  - rest: 30s
  - repeat: 2
    rest: 20s
    steps:
      - {exercise: toe-splay, duration: 20s}
"""


def check(text: str | None, outcome: Routine | FileProblems, path: str) -> None:
    """The only two acceptable outcomes, each checked for what a person would rely on."""
    if isinstance(outcome, Routine):
        expand(outcome)  # a loaded routine always expands (the loader checked its size)
        return
    assert outcome.problems
    lines = _LINE_BREAK.split(text) if text is not None else None
    for problem in outcome.problems:
        assert problem.path == path
        assert problem.line >= 1 and problem.col >= 1
        assert problem.message.strip()
        assert "\n" not in str(problem)
        if lines is not None:  # the place is in the file: at most just past a line's end
            assert problem.line <= len(lines), problem
            assert problem.col <= len(lines[problem.line - 1]) + 1, problem


def outcome_of_text(text: str) -> Routine | FileProblems:
    try:
        return parse_routine(text, "r.yaml", LIBRARY)
    except FileProblems as exc:
        return exc


def outcome_of_file(path: Path) -> Routine | FileProblems:
    try:
        return load_routine(path, LIBRARY)
    except FileProblems as exc:
        return exc


@FAST
@given(st.text())
def test_any_text_is_a_routine_or_located_problems(text: str) -> None:
    check(text, outcome_of_text(text), "r.yaml")


@FAST
@given(st.binary())
def test_any_bytes_in_a_file_are_a_routine_or_located_problems(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "r.yaml"
    path.write_bytes(data)
    check(None, outcome_of_file(path), str(path))


@FAST
@given(st.text(alphabet=st.characters(codec="utf-8")))
def test_any_text_in_a_file_is_read_as_written(tmp_path: Path, text: str) -> None:
    path = tmp_path / "r.yaml"
    path.write_bytes(text.encode("utf-8"))
    from_file, from_text = outcome_of_file(path), outcome_of_text(text.removeprefix("\ufeff"))
    check(None, from_file, str(path))
    if isinstance(from_text, FileProblems) and isinstance(from_file, FileProblems):
        assert [(p.line, p.col) for p in from_file.problems] == [
            (p.line, p.col) for p in from_text.problems
        ]
    else:
        assert type(from_file) is type(from_text)


# --- arbitrary YAML trees, and trees shaped almost like routines ------------------------------

_numbers = st.one_of(
    st.integers(),
    st.integers(min_value=10**300, max_value=10**400),
    st.floats(allow_nan=True, allow_infinity=True),
)
_good_durations = st.sampled_from(["30s", "2m", "1m30s", "1.5s", "90 s", "2 min", 5, 0.5, 12])
_durations = st.one_of(
    _good_durations,
    st.sampled_from(["0", "0s", "-5s", "1m30", "soon", "", "25h"]),
    st.integers(min_value=-5, max_value=100_000),
    st.floats(allow_nan=True, allow_infinity=True),
)
_scalars = st.one_of(st.none(), st.booleans(), _numbers, st.text(max_size=12), _durations)
_keys = st.one_of(
    st.text(max_size=10),
    st.sampled_from(ROUTINE_KEYS + EXERCISE_STEP_KEYS + REPEAT_KEYS + TEMPO_PHASES + ("<<",)),
)
_trees = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_keys, inner, max_size=4),
    max_leaves=16,
)


def _mostly(good: st.SearchStrategy[Any], bad: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Nine times in ten a right value, else a wrong one: mostly-valid routines reach every
    check, where wholly random ones stop at the first."""
    return st.integers(min_value=0, max_value=9).flatmap(lambda n: bad if n == 0 else good)


def _maybe(good: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return _mostly(good, _trees)


_text = st.text(min_size=1, max_size=12)
_durations_mostly = _mostly(_good_durations, _durations)
_counts = _mostly(st.integers(min_value=1, max_value=5), st.integers(min_value=-2, max_value=1200))
_exercise_step = st.tuples(
    st.one_of(
        st.fixed_dictionaries({"name": _maybe(_text)}),
        st.fixed_dictionaries(
            {"exercise": _maybe(st.sampled_from(["calf-stretch", "toe-splay", "calf-strech"]))},
            optional={"name": _maybe(_text)},
        ),
        st.just({}),
    ),
    st.one_of(
        st.fixed_dictionaries({"duration": _maybe(_durations_mostly)}),
        st.fixed_dictionaries(
            {"reps": _maybe(_counts)},
            optional={
                "tempo": _maybe(
                    st.dictionaries(
                        st.sampled_from([*TEMPO_PHASES, "hodl"]), _durations_mostly, min_size=1
                    )
                )
            },
        ),
        st.fixed_dictionaries({"duration": _good_durations, "reps": _counts}),
    ),
    st.fixed_dictionaries(
        {},
        optional={
            "instructions": _maybe(st.one_of(_text, st.lists(_text, max_size=3))),
            "caution": _maybe(_text),
            "sides": _maybe(st.sampled_from([*SIDES, "bothe"])),
            "sets": _maybe(_counts),
            "switch": _maybe(_durations_mostly),
            "prepare": _maybe(_durations_mostly),
            "rest": _maybe(_durations_mostly),
            "durations": _good_durations,
        },
    ),
).map(lambda parts: {**parts[0], **parts[1], **parts[2]})
_steps: st.SearchStrategy[list[Any]] = st.deferred(
    lambda: st.lists(
        st.one_of(
            _exercise_step,
            _exercise_step,
            st.fixed_dictionaries({"rest": _maybe(_durations_mostly)}),
            st.fixed_dictionaries(
                {"repeat": _maybe(_counts), "steps": _steps},
                optional={"rest": _maybe(_durations_mostly)},
            ),
            _trees,
        ),
        min_size=1,
        max_size=4,
    )
)
_routines = st.fixed_dictionaries(
    {"name": _maybe(_text), "steps": _maybe(_steps)},
    optional={
        "description": _maybe(_text),
        "tags": _maybe(st.lists(_text, max_size=3)),
        "prepare": _maybe(_durations_mostly),
        "rest": _maybe(_durations_mostly),
        "switch": _maybe(_durations_mostly),
        "sounds": _maybe(
            st.dictionaries(st.sampled_from([*SOUND_EVENTS, "halfwya"]), st.none() | _text)
        ),
        "colour": _trees,
    },
)


@FAST
@given(st.one_of(_trees, _routines), st.booleans())
def test_any_yaml_tree_is_a_routine_or_located_problems(tree: Any, flow: bool) -> None:
    text = yaml.safe_dump(tree, default_flow_style=flow, sort_keys=False, allow_unicode=True)
    check(text, outcome_of_text(text), "r.yaml")


def test_the_routine_strategy_can_produce_a_valid_routine() -> None:
    """Guards the strategy above: it must reach valid routines, not only errors."""

    def loads(tree: Any) -> bool:
        return isinstance(outcome_of_text(yaml.safe_dump(tree, sort_keys=False)), Routine)

    tree = find(_routines, loads, settings=settings(max_examples=500, database=None))
    assert set(tree) == {"name", "steps"}  # shrunk to the least a routine needs


_YAML_SIGNS = " \t\n-:[]{},&*!#'\"?|>%@`0s"


@st.composite
def _edited(draw: st.DrawFn) -> str:
    """The valid example with a few random cuts, pastes and insertions."""
    text = VALID
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        at = draw(st.integers(min_value=0, max_value=len(text)))
        end = draw(st.integers(min_value=at, max_value=min(len(text), at + 30)))
        edit = draw(st.sampled_from(["cut", "insert", "copy"]))
        if edit == "cut":
            text = text[:at] + text[end:]
        elif edit == "insert":
            text = text[:at] + draw(st.text(alphabet=_YAML_SIGNS, max_size=4)) + text[at:]
        else:
            text = text[:at] + text[at:end] + text[at:]
    return text


@FAST
@given(_edited())
def test_a_valid_file_with_random_edits_is_a_routine_or_located_problems(text: str) -> None:
    check(text, outcome_of_text(text), "r.yaml")


def test_the_unedited_example_is_valid() -> None:
    assert isinstance(outcome_of_text(VALID), Routine)


@pytest.mark.parametrize("anchor_first", [True, False])
def test_anchors_and_aliases_to_valid_parts_still_load(anchor_first: bool) -> None:
    steps = "steps: [&calf {exercise: calf-stretch, duration: &d 30s}, *calf, {rest: *d}]\n"
    text = f"name: R\n{steps}" if anchor_first else f"{steps}name: R\n"
    outcome = outcome_of_text(text)
    assert isinstance(outcome, Routine) and len(outcome.steps) == 3
