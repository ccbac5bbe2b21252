"""The JSON Schema for editors says what the loader accepts: same keys, limits and durations."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from coach.problems import FileProblems
from coach.routine.loader import (
    EXERCISE_STEP_KEYS,
    REPEAT_KEYS,
    REST_KEYS,
    ROUTINE_KEYS,
    SIDES,
    parse_routine,
)
from coach.routine.model import (
    MAX_EVERY_DAYS,
    MAX_REPEAT,
    MAX_REPS,
    MAX_SETS,
    SOUND_EVENTS,
    TEMPO_PHASES,
    Exercise,
)
from coach.routine.progress_key import PROGRESS_KEYS, PROGRESS_REQUIRED
from coach.routine.schema import routine_schema
from coach.yamlfile import parse_duration_text

ROUTINES = Path(__file__).resolve().parents[2] / "routines"
SCHEMA = routine_schema()
DEFINITIONS = SCHEMA["definitions"]


def _walk(node: Any) -> list[dict[str, Any]]:
    """Every object in the schema, depth first."""
    found: list[dict[str, Any]] = []
    if isinstance(node, dict):
        found.append(node)
        for value in node.values():
            found += _walk(value)
    elif isinstance(node, list):
        for value in node:
            found += _walk(value)
    return found


@pytest.mark.parametrize(
    ("properties", "keys"),
    [
        (SCHEMA["properties"], ROUTINE_KEYS),
        (DEFINITIONS["exercise_step"]["properties"], EXERCISE_STEP_KEYS),
        (DEFINITIONS["repeat_block"]["properties"], REPEAT_KEYS),
        (DEFINITIONS["rest_step"]["properties"], REST_KEYS),
        (DEFINITIONS["exercise_step"]["properties"]["tempo"]["properties"], TEMPO_PHASES),
        (SCHEMA["properties"]["sounds"]["properties"], SOUND_EVENTS),
    ],
    ids=["routine", "exercise step", "repeat block", "rest step", "tempo", "sounds"],
)
def test_the_schema_has_exactly_the_loaders_keys(
    properties: dict[str, Any], keys: tuple[str, ...]
) -> None:
    assert set(properties) == set(keys)


def test_the_schema_has_the_loaders_limits() -> None:
    step = DEFINITIONS["exercise_step"]["properties"]
    assert (step["sets"]["maximum"], step["reps"]["maximum"]) == (MAX_SETS, MAX_REPS)
    assert DEFINITIONS["repeat_block"]["properties"]["repeat"]["maximum"] == MAX_REPEAT
    assert step["sides"]["enum"] == list(SIDES)


def test_the_schema_is_draft_07_json() -> None:
    assert json.loads(json.dumps(SCHEMA)) == SCHEMA
    assert SCHEMA["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert SCHEMA["type"] == "object" and SCHEMA["additionalProperties"] is False
    assert set(SCHEMA["required"]) == {"name", "steps"}
    types = {"object", "array", "string", "number", "integer", "boolean", "null"}
    for node in _walk(SCHEMA):
        if "$ref" in node:
            prefix, _, name = node["$ref"].rpartition("/")
            assert prefix == "#/definitions" and name in DEFINITIONS
        kind = node.get("type", [])
        assert set([kind] if isinstance(kind, str) else kind) <= types
        if "pattern" in node:
            re.compile(node["pattern"])
        for key in ("required", "enum", "anyOf", "oneOf"):
            assert isinstance(node.get(key, []), list)
        for key in ("minimum", "maximum", "exclusiveMinimum", "minItems", "minProperties"):
            assert isinstance(node.get(key, 0), int | float)


def _duration_pattern() -> str:
    anyof = DEFINITIONS["exercise_step"]["properties"]["duration"]["anyOf"]
    (pattern,) = [branch["pattern"] for branch in anyof if branch["type"] == "string"]
    return str(pattern)


@pytest.mark.parametrize(
    "text",
    ["30", "30s", "2m", "1m30s", "1.5s", "90 s", "2 min", "1m 30s", "10sec", "1h", " 5s ", "0",
     "", " ", "30 seconds", "1m30", "1h30", "-5s", "1e3", "nan", "s", "1.5.2s", "2ms", "3S"],
)  # fmt: skip
def test_the_schemas_duration_pattern_accepts_what_the_loader_does(text: str) -> None:
    assert bool(re.search(_duration_pattern(), text)) == (parse_duration_text(text) is not None)


def _valid_routines() -> list[tuple[str, str]]:
    bundled = [(p.name, p.read_text()) for p in sorted(ROUTINES.glob("*.yaml"))]
    every_key = """\
name: Every key
description: All of them.
tags: [feet, daily]
prepare: 5s
rest: 15
switch: 0
sounds: {halfway: none, finish: ~, start: chime}
steps:
  - {exercise: calf-stretch, name: Calf, instructions: [a, b], caution: c, duration: 1m30s,
     sides: both, sets: 2, switch: 2s, prepare: 3, rest: 5s}
  - {name: Toe raises, instructions: Up., reps: 10, tempo: {up: 3s, hold: 1, down: 3s}}
  - rest: 30s
  - repeat: 2
    rest: 20s
    steps: [{exercise: calf-stretch, reps: 20}]
"""
    return [(name, text) for name, text in bundled if name != "exercises.yaml"] + [
        ("every-key", every_key)
    ]


@pytest.mark.parametrize(("name", "text"), _valid_routines(), ids=[n for n, _ in _valid_routines()])
def test_valid_routines_match_the_schema(name: str, text: str) -> None:
    library = {"calf-stretch": Exercise("calf-stretch", "Calf stretch")}
    if name == "every-key":
        parse_routine(text, name, library)  # the loader agrees it is valid
    jsonschema.validate(yaml.safe_load(text), SCHEMA)


def test_the_cli_prints_the_same_schema(capsys: pytest.CaptureFixture[str]) -> None:
    from coach.cli import main

    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == SCHEMA


PROGRESS = DEFINITIONS["exercise_step"]["properties"]["progress"]


def test_the_schemas_progress_has_the_loaders_keys_and_the_same_required() -> None:
    assert set(PROGRESS["properties"]) == set(PROGRESS_KEYS)
    assert set(PROGRESS["required"]) == set(PROGRESS_REQUIRED)
    assert PROGRESS["additionalProperties"] is False
    every = PROGRESS["properties"]["every"]["anyOf"][0]
    assert (every["minimum"], every["maximum"]) == (1, MAX_EVERY_DAYS)


@pytest.mark.parametrize(
    "written", ["7", "7d", " 7 d ", "365d", "1d", "1w", "7days", "1.5", "", "d", "7dd", "7 s"]
)
def test_the_schemas_every_pattern_accepts_what_the_loader_reads_as_days(written: str) -> None:
    (pattern,) = [b["pattern"] for b in PROGRESS["properties"]["every"]["anyOf"] if "pattern" in b]
    step = f"{{name: T, duration: 5, progress: {{every: {json.dumps(written)}, add: 1, max: 9}}}}"
    try:
        parse_routine(f"name: R\nsteps:\n  - {step}\n", "r.yaml", {})
        loads = True
    except FileProblems:
        loads = False
    assert bool(re.search(pattern, written)) == loads


def test_a_routine_that_grows_matches_the_schema() -> None:
    text = """\
name: Growing
steps:
  - {exercise: calf-stretch, duration: 30s, progress: {every: 7d, add: 5s, max: 1m}}
  - {name: Raises, reps: 10, progress: {every: 7, add: 2, max: 20}}
"""
    parse_routine(text, "growing.yaml", {"calf-stretch": Exercise("calf-stretch", "Calf")})
    jsonschema.validate(yaml.safe_load(text), SCHEMA)
