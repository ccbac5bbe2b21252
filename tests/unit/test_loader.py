"""Reading routine files and the exercise library: every key, its default, and every refusal
that the corpus does not already show."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from coach.drawing.bundled import bundled_drawings
from coach.problems import FileProblems, Problem, position, shown
from coach.routine.loader import ROUTINE_FILE, load_exercises, load_routine, parse_routine
from coach.routine.model import (
    Exercise,
    ExerciseStep,
    Progression,
    RepeatBlock,
    RestStep,
    Routine,
    TempoPhase,
)
from coach.yamlfile import MAX_BYTES, MAX_PROBLEMS, parse_duration_text, read_text

LIBRARY = {
    "calf-stretch": Exercise(
        "calf-stretch",
        "Calf stretch",
        instructions=("Lean on a wall.", "Keep the back heel down."),
        caution="Stop if it hurts.",
        sides="both",
    ),
    "toe-splay": Exercise("toe-splay", "Toe splay", instructions=("Spread your toes.",)),
}

CONTRACT_EXAMPLE = """\
name: Foot basics                # required
description: Daily strength for feet and calves.
tags: [feet, daily]
prepare: 5s
rest: 15s
switch: 5s
sounds:
  halfway: none
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
  - name: Marble pickup
    reps: 20
    sides: both
  - rest: 30s
  - repeat: 2
    rest: 20s
    steps:
      - {exercise: toe-splay, duration: 20s}
"""

MINIMAL = "name: Quick\nsteps:\n  - {name: Toe raises, reps: 10}\n"


def write(tmp_path: Path, text: str, name: str = "routine.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def load(text: str, sounds: set[str] | None = None) -> Routine:
    return parse_routine(text, "r.yaml", LIBRARY, sounds)


def problems(text: str, sounds: set[str] | None = None) -> list[tuple[int, int, str]]:
    with pytest.raises(FileProblems) as caught:
        load(text, sounds)
    return [(p.line, p.col, p.message) for p in caught.value.problems]


def only_step(text_of_step: str, head: str = "name: R\n") -> ExerciseStep:
    step = load(f"{head}steps:\n  - {text_of_step}\n").steps[0]
    assert isinstance(step, ExerciseStep)
    return step


def test_the_contract_example_loads_with_every_key(tmp_path: Path) -> None:
    routine = load_routine(write(tmp_path, CONTRACT_EXAMPLE, "foot-basics.yaml"), LIBRARY)
    assert routine.id == "foot-basics"
    assert routine.path == tmp_path / "foot-basics.yaml"
    assert (routine.name, routine.description) == (
        "Foot basics",
        "Daily strength for feet and calves.",
    )
    assert routine.tags == ("feet", "daily")
    assert (routine.prepare, routine.rest, routine.switch) == (5, 15, 5)
    assert routine.sounds == {"halfway": None}
    calf, toes, marbles, rest, block = routine.steps
    assert calf == ExerciseStep(
        name="Calf stretch",
        exercise_id="calf-stretch",
        instructions=("Lean on a wall.", "Keep the back heel down."),
        caution="Stop if it hurts.",
        duration=30,
        reps=None,
        tempo=(),
        sides="both",
        sets=2,
        switch=5,
        prepare=5,
        rest=15,
        line=10,
    )
    assert toes == ExerciseStep(
        name="Toe raises",
        exercise_id=None,
        instructions=("Rise onto the balls of your feet, pause, lower slowly.",),
        caution=None,
        duration=None,
        reps=10,
        tempo=(TempoPhase("up", 3), TempoPhase("hold", 1), TempoPhase("down", 3)),
        sides="none",
        sets=3,
        switch=5,
        prepare=5,
        rest=30,
        line=14,
    )
    assert isinstance(marbles, ExerciseStep)
    assert (marbles.reps, marbles.sides, marbles.self_paced) == (20, "both", True)
    assert not toes.self_paced and not calf.self_paced
    assert rest == RestStep(30, line=23)
    assert isinstance(block, RepeatBlock)
    assert (block.times, block.rest, block.line) == (2, 20, 24)
    (inner,) = block.steps
    assert isinstance(inner, ExerciseStep)
    assert (inner.name, inner.duration, inner.exercise_id) == ("Toe splay", 20, "toe-splay")


def test_defaults_fill_in_what_a_file_leaves_out() -> None:
    routine = load(MINIMAL)
    assert (routine.id, routine.description, routine.tags, routine.sounds) == (
        "routine",
        "",
        (),
        {},
    )
    assert (routine.prepare, routine.rest, routine.switch) == (5, 0, 5)
    (step,) = routine.steps
    assert isinstance(step, ExerciseStep)
    assert (step.sets, step.sides, step.prepare, step.rest, step.switch) == (1, "none", 5, 0, 5)
    assert (step.instructions, step.caution, step.tempo, step.exercise_id) == ((), None, (), None)


def test_routine_level_timings_are_each_steps_defaults_and_a_step_overrides_them() -> None:
    head = "name: R\nprepare: 0\nrest: 1m\nswitch: 2s\n"
    step = only_step("{name: T, reps: 1}", head)
    assert (step.prepare, step.rest, step.switch) == (0, 60, 2)
    step = only_step("{name: T, reps: 1, prepare: 3, rest: 0, switch: 0}", head)
    assert (step.prepare, step.rest, step.switch) == (3, 0, 0)


def test_a_step_overrides_its_library_entry() -> None:
    step = only_step(
        "{exercise: calf-stretch, name: Wall calf stretch, instructions: [Face the wall.],"
        " caution: Go gently., sides: left, duration: 20}"
    )
    assert step.exercise_id == "calf-stretch"
    assert (step.name, step.instructions, step.caution, step.sides) == (
        "Wall calf stretch",
        ("Face the wall.",),
        "Go gently.",
        "left",
    )


def test_a_library_step_keeps_the_entrys_sides_unless_it_says_otherwise() -> None:
    assert only_step("{exercise: calf-stretch, duration: 20}").sides == "both"
    assert only_step("{exercise: calf-stretch, duration: 20, sides: none}").sides == "none"
    assert only_step("{exercise: toe-splay, duration: 20}").sides == "none"


def test_repeat_blocks_nest_and_rest_between_rounds_defaults_to_zero() -> None:
    routine = load(
        "name: R\nsteps:\n"
        "  - repeat: 3\n"
        "    steps:\n"
        "      - repeat: 2\n"
        "        rest: 10s\n"
        "        steps: [{rest: 5s}, {exercise: toe-splay, reps: 4}]\n"
    )
    (outer,) = routine.steps
    assert isinstance(outer, RepeatBlock)
    assert (outer.times, outer.rest) == (3, 0)
    (inner,) = outer.steps
    assert isinstance(inner, RepeatBlock)
    assert (inner.times, inner.rest) == (2, 10)
    assert isinstance(inner.steps[0], RestStep) and isinstance(inner.steps[1], ExerciseStep)


def test_yml_files_load_too_and_the_id_can_be_given(tmp_path: Path) -> None:
    path = write(tmp_path, MINIMAL, "quick-one.yml")
    assert load_routine(path, LIBRARY).id == "quick-one"
    assert load_routine(path, LIBRARY, routine_id="other").id == "other"


@pytest.mark.parametrize(
    ("tags", "expected"),
    [("feet", ("feet",)), ("[feet, 2024]", ("feet", "2024")), ("[]", ())],
)
def test_tags_are_a_word_or_a_list(tags: str, expected: tuple[str, ...]) -> None:
    assert load(f"tags: {tags}\n{MINIMAL}").tags == expected


def test_values_are_text_as_written() -> None:
    routine = load("name: 2024\ndescription: yes\nsteps: [{name: =, reps: 1, caution: <<}]")
    assert (routine.name, routine.description) == ("2024", "yes")
    step = routine.steps[0]
    assert isinstance(step, ExerciseStep)
    assert (step.name, step.caution) == ("=", "<<")


def test_a_utf8_byte_order_mark_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + MINIMAL.encode())
    assert load_routine(path, LIBRARY).name == "Quick"


# --- durations ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "seconds"),
    [
        ("30", 30),
        ("30s", 30),
        ("2m", 120),
        ("1m30s", 90),
        ("1.5s", 1.5),
        ("1.5", 1.5),
        ("90 s", 90),
        ("2 min", 120),
        ("1m 30s", 90),
        ("10sec", 10),
        ("1h", 3600),
        ("'45'", 45),
        ('" 45s "', 45),
        ("0x1e", 30),  # YAML's own number forms are numbers too
        ("1_000", 1000),
        ("1:30", 90),
        ("0b11", 3),
    ],
)
def test_durations_are_seconds_or_units(written: str, seconds: float) -> None:
    assert only_step(f"{{name: T, duration: {written}}}").duration == seconds


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("30 seconds", "must be a duration like 30s, 2m or 1m30s, got '30 seconds'"),
        ("1m30", "must be a duration like"),
        ("1h30", "must be a duration like"),
        ("-5s", "must be a duration like"),
        ("1e3", "must be a duration like"),
        ("nan", "must be a duration like"),
        ("inf", "must be a duration like"),
        ("''", "must be a duration like 30s, 2m or 1m30s, got ''"),
        ("", "must be a duration like 30s, 2m or 1m30s, got nothing"),
        ("s", "must be a duration like"),
        ("1.5.2s", "must be a duration like"),
        ("2ms", "must be a duration like"),
        ("true", "must be a duration like"),
        ("2024-01-01", "must be a duration like"),
        ("!!float soon", "must be a duration like"),
        ("0", "must be more than zero, got '0'"),
        ("0s", "must be more than zero"),
        ("-1", "must be more than zero"),
        ("-0.5", "must be more than zero"),
        (".nan", "must be a finite duration, got '.nan'"),
        ("-.inf", "must be a finite duration"),
        ("1.0e+999", "must be a finite duration"),
        ("86401", "must be at most 24 hours, got '86401'"),
        ("24h1s", "must be at most 24 hours"),
        ("0x" + "f" * 300, "must be at most 24 hours"),
        ("[30s]", "must be a single value, not a list"),
        ("{s: 30}", "must be a single value, not a mapping"),
    ],
)
def test_bad_durations_are_refused_at_the_value(written: str, message: str) -> None:
    ((line, col, text),) = problems(f"name: R\nsteps:\n  - {{name: T, duration: {written}}}\n")
    assert (line, col) == (3, 25)
    assert text == f"`duration` {message}" or message in text


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("30", 30.0),
        (" 1m30s ", 90.0),
        ("1h2m3s", 3723.0),
        ("2min", 120.0),
        ("0", 0.0),
        ("", None),
        ("   ", None),
        ("m", None),
        ("1 h 2 m", 3720.0),
        ("1s2m", None),
        ("+3s", None),
        ("3S", None),
    ],
)
def test_parse_duration_text(text: str, seconds: float | None) -> None:
    assert parse_duration_text(text) == seconds


def test_zero_is_allowed_where_it_turns_a_pause_off() -> None:
    step = only_step("{name: T, reps: 1}", "name: R\nprepare: 0\nrest: 0s\nswitch: 0m\n")
    assert (step.prepare, step.rest, step.switch) == (0, 0, 0)
    assert problems("name: R\nprepare: -1\nsteps: [{name: T, reps: 1}]") == [
        (2, 10, "`prepare` must be zero or more, got '-1'")
    ]


def test_a_day_long_hold_is_the_longest_allowed() -> None:
    assert only_step("{name: T, duration: 24h}", "name: R\nprepare: 0\n").duration == 86400


# --- amounts, sides and tempo ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("step", "message"),
    [
        ("{name: T, reps: 1, sets: 100}", None),
        ("{name: T, reps: 1, sets: 101}", "`sets` must be between 1 and 100, got '101'"),
        ("{name: T, reps: 1000}", None),
        ("{name: T, reps: 1001}", "`reps` must be between 1 and 1000, got '1001'"),
        ("{name: T, reps: '10'}", "`reps` must be a whole number, got '10'"),
        ("{name: T, reps: 0}", "`reps` must be between 1 and 1000, got '0'"),
        ("{name: T, reps: !!int ten}", "`reps` must be between 1 and 1000, got 'ten'"),
        ("{repeat: 1000, steps: [{name: T, reps: 1, prepare: 0}]}", None),
        ("{repeat: 1001, steps: [{name: T, reps: 1}]}", "`repeat` must be between 1 and 1000"),
        ("{repeat: two, steps: [{name: T, reps: 1}]}", "`repeat` must be a whole number"),
        ("{name: T, reps: 1, sides: Left}", "`sides` must be one of none, left, right, both"),
        ("{name: T, reps: 1, sides: [left]}", "`sides` must be a single value, not a list"),
        ("{name: T, reps: 1, tempo: {up: 0}}", "tempo phase `up` must be more than zero"),
        ("{name: T, reps: 1, tempo: [1, 2]}", "`tempo` must be a mapping of `key: value` lines"),
        ("{name: T, reps: 1, instructions: [Go., '']}", "each entry of `instructions` must not"),
        ("{name: T, reps: 1, instructions: {a: b}}", "`instructions` must be a single value"),
        ("{name: T, reps: 1, caution: [a]}", "`caution` must be a single value, not a list"),
        ("{name: '', reps: 1}", "`name` must not be empty"),
        ("{exercise: ~, name: T, reps: 1}", "`exercise` must not be empty"),
        ("{exercise: nothing-like-it, reps: 1}", "unknown exercise 'nothing-like-it' (`coach"),
        ("{rest: 30s, colour: 2}", "unknown key `colour` in a rest step; allowed: rest"),
        ("{reps: 10, rest: 30s}", "an exercise step needs `exercise` (an id from the library)"),
        ("{exercize: calf-stretch, reps: 1}", "unknown key `exercize` in an exercise step (did"),
        ("{colour: blue}", "unknown key `colour` in a step; allowed: caution, duration"),
        ("{colour: blue}", "a step needs `exercise` or `name` (an exercise), `rest` (a pause)"),
        ("{rest: 0}", "`rest` must be more than zero, got '0'"),
        ("{repeat: 2, steps: [], rest: 1}", "the block's `steps` must list at least one step"),
        ("{repeat: 2, steps: [{name: T}]}", "an exercise step needs `duration` (a timed hold)"),
        ("{repeat: 2, stepz: [{name: T, reps: 1}]}", "unknown key `stepz` in a repeat block"),
        ("{name: T, reps: 1, '': 2}", "unknown key `(empty)` in an exercise step"),
        ('{name: T, reps: 1, "a\\nb": 2}', "unknown key `a\\nb` in an exercise step"),
        ("{name: T, reps: 1, sets: !!seq 2}", "YAML tag !!seq is not allowed here"),
        ("{name: T, reps: 1, !!seq sets: 2}", "keys of an exercise step must be plain words"),
    ],
)
def test_step_values_are_checked(step: str, message: str | None) -> None:
    text = f"name: R\nsteps:\n  - {step}\n"
    if message is None:
        assert load(text).steps
    else:
        assert any(message in m for _, _, m in problems(text)), problems(text)


def test_a_tempo_keeps_the_order_written_and_a_rep_takes_their_sum() -> None:
    step = only_step("{name: T, reps: 2, tempo: {down: 2s, pause: 1, up: 1.5s}}")
    assert [p.name for p in step.tempo] == ["down", "pause", "up"]
    assert sum(p.seconds for p in step.tempo) == 4.5
    assert not step.self_paced


def test_wrong_containers_are_named() -> None:
    assert problems("name: R\nsteps: !!map [a]") == [(2, 8, "YAML tag !!map is not allowed here")]
    assert problems("!!seq {name: R}") == [(1, 1, "YAML tag !!seq is not allowed here")]
    assert problems("name: R\ntags: !!map [a]\nsteps: [{rest: 1}]") == [
        (2, 7, "YAML tag !!map is not allowed here")
    ]
    for step in ("{!!seq rest: 1}", "!!seq {rest: 1}", "!!seq {repeat: 1}", "!!seq {name: A}"):
        assert problems(f"name: R\nsteps: [{step}]")[0][2].startswith(
            ("YAML tag !!seq", "keys of a rest step")
        )
    assert problems("name: R\nsteps: {}") == [
        (2, 8, "`steps` must be a list (lines starting with `- `)")
    ]


def test_every_problem_in_a_file_is_reported_in_file_order() -> None:
    found = problems(
        "name: ''\nrest: soon\nsteps:\n  - {exercise: calf-strech, duration: 0}\n"
        "  - {name: T, reps: 1, durations: 3}\n"
    )
    assert [(line, col) for line, col, _ in found] == sorted((line, col) for line, col, _ in found)
    assert len(found) == 5


def test_a_mapping_full_of_mistakes_is_read_only_until_the_reader_gives_up() -> None:
    keys = "".join(f"colour{i}: blue\n" for i in range(MAX_PROBLEMS + 20))
    found = problems(f"{MINIMAL}{keys}")
    assert len(found) == MAX_PROBLEMS + 1
    assert found[-1] == (4 + MAX_PROBLEMS, 1, "stopped after 50 problems; fix those first")


def test_step_level_problems_after_the_amount_are_reported_too() -> None:
    found = problems("name: R\nsteps:\n  - {name: T, reps: 1, switch: -1, caution: ''}\n")
    assert [(c, m.split()[0]) for _, c, m in found] == [(32, "`switch`"), (45, "`caution`")]


def test_problems_in_description_and_sounds_are_reported() -> None:
    found = problems(
        "name: R\ndescription: [a]\nsounds: {halfway: [x]}\nsteps: [{name: T, reps: 1}]"
    )
    assert [(line, m) for line, _, m in found] == [
        (2, "`description` must be a single value, not a list"),
        (3, "the sound for `halfway` must be a single value, not a list"),
    ]


# --- sounds -------------------------------------------------------------------------------------


def test_sounds_are_checked_against_the_sounds_there_are() -> None:
    text = "name: R\nsounds: {halfway: none, rest: ~, start: chime, finish: bell}\n"
    text += "steps: [{name: T, reps: 1}]\n"
    assert load(text, {"chime", "bell"}).sounds == {
        "halfway": None,
        "rest": None,
        "start": "chime",
        "finish": "bell",
    }
    assert load(text).sounds["start"] == "chime"  # no list given: any name goes
    assert problems(text, {"chime"}) == [(2, 56, "unknown sound 'bell'; available: chime, none")]


def test_unknown_sound_events_get_a_suggestion() -> None:
    found = problems("name: R\nsounds: {halfwya: none}\nsteps: [{name: T, reps: 1}]")
    assert found == [(2, 10, 'unknown key `halfwya` in `sounds` (did you mean "halfway"?)')]


def test_an_unknown_key_far_from_any_lists_them_all() -> None:
    ((_, _, message),) = problems(f"{MINIMAL}colour: blue\n")
    assert message == (
        "unknown key `colour` in a routine; allowed: description, name, prepare, rest, sounds,"
        " steps, switch, tags"
    )


# --- the exercise library -----------------------------------------------------------------------


def test_the_library_reads_entries_and_a_users_file_overrides_fields(tmp_path: Path) -> None:
    bundled = write(
        tmp_path,
        "calf-stretch:\n  name: Calf stretch\n  instructions: [Lean.]\n  caution: Gently.\n"
        "  sides: both\ntoe-splay:\n  name: Toe splay\n",
        "exercises.yaml",
    )
    library = load_exercises(bundled)
    drawings = bundled_drawings()
    assert library["calf-stretch"] == Exercise(
        "calf-stretch", "Calf stretch", ("Lean.",), "Gently.", "both", drawings["calf-stretch"]
    )
    assert library["toe-splay"] == Exercise("toe-splay", "Toe splay", drawing=drawings["toe-splay"])
    user = write(
        tmp_path,
        "calf-stretch: {sides: left, caution: Slowly.}\ntoe-splay: {instructions: Spread.}\n"
        "new-one: {name: New one}\n",
        "user.yaml",
    )
    merged = load_exercises(user, library)
    assert merged["calf-stretch"] == Exercise(
        "calf-stretch", "Calf stretch", ("Lean.",), "Slowly.", "left", drawings["calf-stretch"]
    )
    assert merged["toe-splay"].instructions == ("Spread.",)
    assert merged["new-one"].name == "New one"
    assert merged["new-one"].drawing is None
    assert library["calf-stretch"].sides == "both"  # the base is not changed


def test_an_empty_library_file_changes_nothing(tmp_path: Path) -> None:
    assert load_exercises(write(tmp_path, "# none yet\n"), LIBRARY) == LIBRARY


def test_library_mistakes_are_reported(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "new-one: {instructions: x}\ncalf-stretch: [a]\ntoe-splay: {sides: up, nmae: x}\n",
    )
    with pytest.raises(FileProblems) as caught:
        load_exercises(path, LIBRARY)
    assert [(p.line, p.message.split(";")[0]) for p in caught.value.problems] == [
        (1, "exercise 'new-one' needs a `name`"),
        (2, "exercise 'calf-stretch' must be a mapping of `key: value` lines"),
        (3, "`sides` must be one of none, left, right, both, got 'up'"),
        (3, "unknown key `nmae` in exercise 'toe-splay' (did you mean \"name\"?)"),
    ]


def test_a_broken_library_file_is_a_yaml_error(tmp_path: Path) -> None:
    with pytest.raises(FileProblems) as caught:
        load_exercises(write(tmp_path, "a: [\n"), LIBRARY)
    assert caught.value.first.message.startswith("YAML syntax:")


# --- reading files and reporting problems -------------------------------------------------------


def test_unreadable_paths_are_problems(tmp_path: Path) -> None:
    with pytest.raises(FileProblems) as caught:
        read_text(tmp_path / "missing.yaml", ROUTINE_FILE)
    missing = tmp_path / "missing.yaml"
    assert str(caught.value) == f"{missing}:1:1: cannot read file: No such file or directory"
    with pytest.raises(FileProblems) as caught:
        read_text(tmp_path, ROUTINE_FILE)
    assert caught.value.first.message == "a folder; expected a YAML file"


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    """A named pipe would block a read forever (found by the black-box review)."""
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    with pytest.raises(FileProblems) as caught:
        read_text(fifo, ROUTINE_FILE)
    assert str(caught.value) == f"{fifo}:1:1: not a regular file; expected a YAML file"


def test_a_file_at_the_size_cap_is_read_and_one_byte_more_is_not(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"#" * MAX_BYTES)
    assert len(read_text(path, ROUTINE_FILE)) == MAX_BYTES
    path.write_bytes(b"#" * (MAX_BYTES + 1))
    with pytest.raises(FileProblems, match="larger than 256 KiB; a routine file is short text"):
        read_text(path, ROUTINE_FILE)


def test_a_bad_byte_is_placed_by_characters_not_bytes(tmp_path: Path) -> None:
    path = tmp_path / "mixed.yaml"
    path.write_bytes("name: Füße\ndescription: ñé".encode() + b"\xe9!\n")
    with pytest.raises(FileProblems) as caught:
        read_text(path, ROUTINE_FILE)
    assert (caught.value.first.line, caught.value.first.col) == (2, 16)


def test_a_document_of_only_three_dashes_is_placed_inside_the_file() -> None:
    """Found by the property test in CI: for `---` and nothing else, PyYAML placed the empty
    document on line 2 of a one-line file."""
    [(line, col, message)] = problems("---")
    assert (line, col) == (1, 4)
    assert message.startswith("a routine must be a mapping")


@pytest.mark.parametrize(
    ("text", "place", "words"),
    [
        # A step indented one space too far: PyYAML says "did not find expected '-' indicator".
        (
            "name: T\nsteps:\n  - {name: A, duration: 5s}\n   - {name: B, duration: 5s}\n",
            (4, 4),
            "this line does not line up with the list that begins on line 3",
        ),
        (
            "name: T\nsteps:\n- name: A\n  duration: 5s\n  - name: B\n",
            (5, 3),
            "this line does not line up with the keys that begin on line 3",
        ),
        ("name: T: x\nsteps: []\n", (1, 8), "a ': ' where no key can begin"),
        # Placed at the opening quote or bracket, not past the end of a two-line file.
        ('name: "T\nsteps: []\n', (1, 7), "this quote is never closed"),
        ("name: [a, b\nsteps: []\n", (1, 7), "this '[' list is never closed with ']'"),
        ("name: {a: b\nsteps: []\n", (1, 7), "this '{' mapping is never closed with '}'"),
        ("name: T\nsteps:\n  - name: A\n    duration 5s\n", (4, 5), "this line needs a ':'"),
        # A second walk: a quote left open was closed by one in a later comment, and PyYAML
        # then complained of that line ("block sequence entries are not allowed").
        (
            'name: "T\nsteps:\n  - {name: A, duration: 5s}  # a "note" - x\n',
            (1, 7),
            "this quote is closed only on line 3",
        ),
    ],
)
def test_common_yaml_mistakes_are_said_plainly_where_they_are(
    text: str, place: tuple[int, int], words: str
) -> None:
    """A new user's walk: PyYAML's own words name its parser's states ("while parsing a block
    collection"), and an unclosed quote was placed on line 3 of a two-line file."""
    [(line, col, message)] = problems(text)
    assert (line, col) == place
    assert message.startswith(f"YAML syntax: {words}")


@pytest.mark.parametrize(
    ("text", "char", "message"),
    [
        ("name: a\x00b", 7, "binary data (NUL byte); expected YAML text"),
        ("name: a\x1bb", 7, "control character U+001B is not allowed in YAML text"),
        ("name: a\x9fb", 7, "control character U+009F is not allowed in YAML text"),
        ("name: a\ufffeb", 7, "character U+FFFE is not allowed in YAML text"),
        (
            "name: a\ud800b",
            7,
            "invalid character U+D800 (a lone surrogate); save the file as UTF-8",
        ),
    ],
)
def test_characters_yaml_forbids_are_placed(text: str, char: int, message: str) -> None:
    assert problems(text) == [(1, char + 1, message)]


@pytest.mark.parametrize(
    ("text", "offset", "expected"),
    [
        ("abc", 0, (1, 1)),
        ("abc", 2, (1, 3)),
        ("a\nbc", 3, (2, 2)),
        ("a\r\nbc", 4, (2, 2)),
        ("a\rbc", 2, (2, 1)),
        ("a\u2028b\x85c", 4, (3, 1)),
    ],
)
def test_position_counts_yaml_line_breaks(
    text: str, offset: int, expected: tuple[int, int]
) -> None:
    assert position(text, offset) == expected


def test_a_problem_is_always_one_line() -> None:
    problem = Problem("a\nb.yaml", 2, 3, "bad value 'x\ny'\r\u2028")
    assert str(problem) == "a\\nb.yaml:2:3: bad value 'x\\ny'\\r\\u2028"


def test_shown_escapes_and_shortens() -> None:
    assert shown("a\nb") == "'a\\nb'"
    assert shown("x" * 50, limit=5) == "'xxxxx…'"
    assert shown(12) == "'12'"


def test_routine_error_sorts_its_problems() -> None:
    error = FileProblems([Problem("f", 3, 1, "later"), Problem("f", 1, 9, "first")])
    assert error.first.message == "first"
    assert str(error) == "f:1:9: first\nf:3:1: later"


def test_the_bundled_routines_all_load() -> None:
    folder = Path(__file__).resolve().parents[2] / "routines"
    library = load_exercises(folder / "exercises.yaml")
    files = [p for p in sorted(folder.glob("*.yaml")) if p.name != "exercises.yaml"]
    routines = [load_routine(p, library) for p in files]
    assert routines and all(r.steps for r in routines)


# --- progress -------------------------------------------------------------------------------


def test_progress_is_read_in_the_steps_own_unit() -> None:
    routine = load(
        "name: R\nsteps:\n"
        "  - {name: Hold, duration: 30s, progress: {every: 7d, add: 5s, max: 1m}}\n"
        "  - name: Raise\n"
        "    reps: 10\n"
        "    progress:\n"
        "      every: 7\n"
        "      add: 2\n"
        "      max: 20\n"
    )
    hold, raises = routine.steps
    assert isinstance(hold, ExerciseStep) and isinstance(raises, ExerciseStep)
    assert hold.progress == Progression(every_days=7, add=5.0, limit=60.0, line=3)
    assert raises.progress == Progression(every_days=7, add=2.0, limit=20.0, line=7)
    assert hold.duration == 30.0 and raises.reps == 10, "the file's values are kept as written"
    assert hold.growth is None


@pytest.mark.parametrize(
    ("every", "days"), [("1", 1), ("7", 7), ("7d", 7), ("'7 d'", 7), ("365d", 365), ("14d", 14)]
)
def test_every_is_whole_days_with_or_without_d(every: str, days: int) -> None:
    step = only_step(f"{{name: T, duration: 5, progress: {{every: {every}, add: 1, max: 9}}}}")
    assert isinstance(step, ExerciseStep) and step.progress is not None
    assert step.progress.every_days == days


def progress_problems(step: str, progress: str, at: str) -> tuple[tuple[int, int], list[str]]:
    """Where the problem should be (`at`, the text the mistake starts with, in `progress`)
    and the messages reported there."""
    line = f"  - {{{step}, progress: {progress}}}"
    col = line.index("progress: ") + len("progress: ") + progress.index(at) + 1
    found = problems(f"name: R\nsteps:\n{line}\n")
    return (3, col), [m for ln, c, m in found if (ln, c) == (3, col)]


@pytest.mark.parametrize(
    ("progress", "at", "message"),
    [
        ("{every: 0, add: 5s, max: 60s}", "0",
         "`every` must be a whole number of days from 1 to 365, like 7d or 7, got '0'"),
        ("{every: 366d, add: 5s, max: 60s}", "366d",
         "`every` must be a whole number of days from 1 to 365, like 7d or 7, got '366d'"),
        ("{every: 1w, add: 5s, max: 60s}", "1w",
         "`every` must be a whole number of days from 1 to 365, like 7d or 7, got '1w'"),
        ("{every: 1.5, add: 5s, max: 60s}", "1.5", "`every` must be a whole number of days"),
        ("{every: -7, add: 5s, max: 60s}", "-7", "`every` must be a whole number of days"),
        ("{every: 7d, add: 0, max: 60s}", "0,", "`add` must be more than zero, got '0'"),
        ("{every: 7d, add: soon, max: 60s}", "soon",
         "`add` must be a duration like 30s, 2m or 1m30s, got 'soon'"),
        ("{every: 7d, add: 5s, max: 20s}", "20s",
         "`max` must be at least the step's `duration` (30 s), got '20s'"),
        ("{every: 7d, add: 5s, max: 25h}", "25h", "`max` must be at most 24 hours, got '25h'"),
        ("{every: 7d, add: 5s}", "{",
         "`progress` needs `every`, `add` and `max` (missing `max`),"
         " for example {every: 7d, add: 5s, max: 60s}"),
        ("{}", "{", "`progress` needs `every`, `add` and `max` (missing `every`, `add`, `max`)"),
        ("{every: 7d, add: 5s, max: 60s, by: 2}", "by",
         "unknown key `by` in `progress`; allowed: add, back_off_after, every, hold_if_pain, max"),
        ("{every: 7d, ad: 5s, max: 60s}", "ad:",
         'unknown key `ad` in `progress` (did you mean "add"?)'),
        ("7d", "7d", "`progress` must be a mapping of `key: value` lines"),
    ],
)  # fmt: skip
def test_bad_progress_on_a_timed_hold_is_refused_at_the_value(
    progress: str, at: str, message: str
) -> None:
    where, messages = progress_problems("exercise: calf-stretch, duration: 30s", progress, at)
    assert any(message in m for m in messages), (where, messages)


@pytest.mark.parametrize(
    ("progress", "at", "message"),
    [
        ("{every: 7, add: 5s, max: 20}", "5s",
         "`add` of a reps step must be a whole number of reps, got '5s'"),
        ("{every: 7, add: 2, max: 1m}", "1m",
         "`max` of a reps step must be a whole number of reps, got '1m'"),
        ("{every: 7, add: 0, max: 20}", "0", "`add` must be between 1 and 1000, got '0'"),
        ("{every: 7, add: 1.5, max: 20}", "1.5", "`add` must be a whole number, got '1.5'"),
        ("{every: 7, add: 2, max: 1001}", "1001", "`max` must be between 1 and 1000, got '1001'"),
        ("{every: 7, add: 2, max: 8}", "8", "`max` must be at least the step's `reps` (10),"
         " got '8'"),
        ("{every: 7, add: 2}", "{", "`progress` needs `every`, `add` and `max` (missing `max`),"
         " for example {every: 7d, add: 2, max: 20}"),
    ],
)  # fmt: skip
def test_bad_progress_on_reps_is_refused_at_the_value(progress: str, at: str, message: str) -> None:
    where, messages = progress_problems("name: T, reps: 10", progress, at)
    assert any(message in m for m in messages), (where, messages)


def test_progress_needs_an_amount_to_grow() -> None:
    text = "name: R\nsteps:\n  - {name: T, progress: {every: 7, add: 2, max: 20}}\n"
    assert [m for _, _, m in problems(text)] == [
        "an exercise step needs `duration` (a timed hold) or `reps`"
    ]


def test_a_routine_that_would_grow_past_the_length_cap_is_refused() -> None:
    text = (
        "name: R\nsteps:\n"
        "  - {name: T, duration: 1h, sets: 10, progress: {every: 7, add: 1h, max: 3h}}\n"
    )
    message = (
        "once every `progress` reaches its `max`, the routine lasts more than 24 hours;"
        " check durations and repeats"
    )
    assert problems(text) == [(2, 1, message)]


def test_control_characters_in_text_are_refused_where_they_stand(tmp_path: Path) -> None:
    """Found by the black-box review: an escape sequence in a name repainted the terminal."""
    path = tmp_path / "ctl.yaml"
    path.write_text('name: "Calf\\x1b[2J"\nsteps:\n  - {name: A, duration: 5}\n')
    with pytest.raises(FileProblems) as caught:
        load_routine(path, {})
    assert str(caught.value) == f"{path}:1:7: `name` contains a control character (U+001B)"
