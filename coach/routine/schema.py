"""The JSON Schema of routine format v1, for editors (yaml-language-server) to complete and check.

Its key lists, limits and duration pattern are the loader's (the tests hold the two together).
The loader stays the authority: it also checks what a schema cannot (exercise ids, total length).
"""

from __future__ import annotations

from typing import Any

from coach.routine.loader import SIDES
from coach.routine.model import (
    MAX_BACK_OFF_AFTER,
    MAX_EVERY_DAYS,
    MAX_REPEAT,
    MAX_REPS,
    MAX_SETS,
    SOUND_EVENTS,
    TEMPO_PHASES,
)
from coach.yamlfile import MAX_DURATION_S

_NUMBER = r"\d+(?:\.\d+)?"
#: What `parse_duration_text` accepts, in the regex dialect JSON Schema uses: a plain number of
#: seconds, or hours, minutes and seconds with units (`1m30s`, `90 s`, `2min`), at least one.
_DURATION_PATTERN = (
    rf"^\s*(?=\d)(?:{_NUMBER}|(?:{_NUMBER}\s*h\s*)?(?:{_NUMBER}\s*m(?:in)?\s*)?"
    rf"(?:{_NUMBER}\s*s(?:ec)?)?)\s*$"
)


def _duration(description: str, allow_zero: bool = False) -> dict[str, Any]:
    low = {"minimum": 0} if allow_zero else {"exclusiveMinimum": 0}
    number = {"type": "number", **low, "maximum": MAX_DURATION_S}
    return {
        "description": description,
        "anyOf": [number, {"type": "string", "pattern": _DURATION_PATTERN}],
    }


def _whole(description: str, high: int) -> dict[str, Any]:
    return {"description": description, "type": "integer", "minimum": 1, "maximum": high}


def _progress() -> dict[str, Any]:
    """`add` and `max` are a duration on a timed hold and a whole number on reps; the loader
    tells the two apart, the schema accepts either."""
    amount = {"anyOf": _duration("")["anyOf"]}
    return {
        "type": "object",
        "description": "Grow the step with practice: add more every so many completed days.",
        "additionalProperties": False,
        "required": ["every", "add", "max"],
        "properties": {
            "every": {
                "description": "Completed days between growths: 7d or 7.",
                "anyOf": [
                    {"type": "integer", "minimum": 1, "maximum": MAX_EVERY_DAYS},
                    {"type": "string", "pattern": r"^\s*\d+\s*d?\s*$"},
                ],
            },
            "add": {**amount, "description": "How much each time: 5s on a hold, 2 on reps."},
            "max": {**amount, "description": "The most it grows to (at least the step's own)."},
            "hold_if_pain": _whole(
                "Hold while the last check-in's pain is at least this (default 4).", 10
            ),
            "back_off_after": _whole(
                "Step back one `add` after this many hard check-ins in a row (default 3).",
                MAX_BACK_OFF_AFTER,
            ),
        },
    }


_TEXT_OR_LIST = {
    "anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}],
}

_DESCRIPTIONS = {
    "name": "What the routine or exercise is called.",
    "description": "One or two sentences on what the routine is for.",
    "tags": "Words to group routines by.",
    "sounds": "Sound per event: a WAV name from the bundled or your sounds folder, or none.",
    "steps": "The steps, in order: exercises, rests and repeat blocks.",
    "exercise": "An id from the exercise library (coach exercises lists them).",
    "instructions": "How to do it: a line, or a list of short steps.",
    "caution": "A safety line shown with the step.",
    "sides": "none, left, right, or both (each set is done left, then right).",
}


def routine_schema() -> dict[str, Any]:
    """The schema as a JSON-ready dict (draft-07, which editors support best)."""
    exercise_step: dict[str, Any] = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "exercise": {"type": "string", "description": _DESCRIPTIONS["exercise"]},
            "name": {"type": "string", "description": "Name shown for this step."},
            "instructions": {**_TEXT_OR_LIST, "description": _DESCRIPTIONS["instructions"]},
            "caution": {"type": "string", "description": _DESCRIPTIONS["caution"]},
            "duration": _duration("A timed hold: 30, 30s, 2m or 1m30s."),
            "reps": _whole("Repetitions; without tempo the step is self-paced.", MAX_REPS),
            "tempo": {
                "type": "object",
                "description": "Ordered phases of one rep; a rep takes their sum.",
                "additionalProperties": False,
                "minProperties": 1,
                "properties": {p: _duration(f"Seconds of the {p} phase.") for p in TEMPO_PHASES},
            },
            "sides": {"enum": list(SIDES), "description": _DESCRIPTIONS["sides"]},
            "sets": _whole("How many sets (default 1).", MAX_SETS),
            "switch": _duration("Pause between sides (default 5s).", allow_zero=True),
            "prepare": _duration("Get-ready time before this exercise.", allow_zero=True),
            "rest": _duration("Rest between this step's sets.", allow_zero=True),
            "progress": _progress(),
        },
        "anyOf": [{"required": ["exercise"]}, {"required": ["name"]}],
        "oneOf": [{"required": ["duration"]}, {"required": ["reps"]}],
    }
    rest_step = {
        "type": "object",
        "additionalProperties": False,
        "required": ["rest"],
        "properties": {"rest": _duration("A pause between exercises.")},
    }
    repeat_block = {
        "type": "object",
        "additionalProperties": False,
        "required": ["repeat", "steps"],
        "properties": {
            "repeat": _whole("How many rounds.", MAX_REPEAT),
            "rest": _duration("Rest between rounds (default 0).", allow_zero=True),
            "steps": {"$ref": "#/definitions/steps"},
        },
    }
    schema: dict[str, Any] = {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": "https://coach.invalid/routine.schema.json",
        "title": "coach routine (format v1)",
        "type": "object",
        "additionalProperties": False,
        "required": ["name", "steps"],
        "properties": {
            "name": {"type": "string", "description": _DESCRIPTIONS["name"]},
            "description": {"type": "string", "description": _DESCRIPTIONS["description"]},
            "tags": {**_TEXT_OR_LIST, "description": _DESCRIPTIONS["tags"]},
            "prepare": _duration("Get-ready time before each exercise (default 5s).", True),
            "rest": _duration("Default rest between sets (default 0).", allow_zero=True),
            "switch": _duration("Default pause between sides (default 5s).", allow_zero=True),
            "sounds": {
                "type": "object",
                "description": _DESCRIPTIONS["sounds"],
                "additionalProperties": False,
                "properties": {e: {"type": ["string", "null"]} for e in SOUND_EVENTS},
            },
            "steps": {"$ref": "#/definitions/steps", "description": _DESCRIPTIONS["steps"]},
        },
        "definitions": {
            "steps": {
                "type": "array",
                "minItems": 1,
                "items": {
                    "anyOf": [
                        {"$ref": "#/definitions/exercise_step"},
                        {"$ref": "#/definitions/rest_step"},
                        {"$ref": "#/definitions/repeat_block"},
                    ]
                },
            },
            "exercise_step": exercise_step,
            "rest_step": rest_step,
            "repeat_block": repeat_block,
        },
    }
    return schema
