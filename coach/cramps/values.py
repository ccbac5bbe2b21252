"""The cramp diary's allowed values, its defaults, and how typed words are read.

Kept free of heavy imports, since `coach --help` builds its option lists from it. The defaults
make a log with no questions asked honest enough to keep: now, both feet, the calf (where
night cramps mostly strike), a middling 5 out of 10, under a minute, and `night` when it is
logged between 21:00 and 07:00 local time, else `other`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from datetime import datetime

#: The bundled routine `coach cramp now` plays. Its sessions answer a cramp rather than
#: practise for the next one, so the trends do not count them as routine sessions.
RELIEF_ROUTINE = "cramp-relief"

Foot = Literal["left", "right", "both"]
Place = Literal["toes", "arch", "heel", "calf"]
Duration = Literal["under-1-min", "1-10-min", "over-10-min"]
Context = Literal["night", "exercise", "sitting", "standing", "other"]

FEET: tuple[Foot, ...] = ("left", "right", "both")
PLACES: tuple[Place, ...] = ("toes", "arch", "heel", "calf")
DURATIONS: tuple[Duration, ...] = ("under-1-min", "1-10-min", "over-10-min")
CONTEXTS: tuple[Context, ...] = ("night", "exercise", "sitting", "standing", "other")
SEVERITY_MIN, SEVERITY_MAX = 1, 10

DEFAULT_FOOT: Foot = "both"
DEFAULT_PLACE: Place = "calf"
DEFAULT_SEVERITY = 5
DEFAULT_DURATION: Duration = "under-1-min"
#: Local hours counted as night for the default context: from 21:00 up to 07:00.
NIGHT_STARTS_HOUR, NIGHT_ENDS_HOUR = 21, 7

#: Plain words for each value, for lines such as "left calf, 6/10, under a minute, at night".
DURATION_WORDS: dict[str, str] = {
    "under-1-min": "under a minute",
    "1-10-min": "1 to 10 minutes",
    "over-10-min": "over 10 minutes",
}
CONTEXT_WORDS: dict[str, str] = {
    "night": "at night in bed",
    "exercise": "during or after exercise",
    "sitting": "while sitting",
    "standing": "while standing",
    "other": "other",
}


class CrampValueError(ValueError):
    """A value the diary does not take; the message lists the allowed ones."""


def default_context(moment: datetime) -> Context:
    """`night` from 21:00 to 07:00 on the clock of `moment`, else `other`."""
    hour = moment.hour
    return "night" if hour >= NIGHT_STARTS_HOUR or hour < NIGHT_ENDS_HOUR else "other"


def read_choice(what: str, value: str, allowed: tuple[str, ...]) -> str:
    """`value` (any case, spaces trimmed) when it is one of `allowed`; CrampValueError if not."""
    word = value.strip().lower()
    if word not in allowed:
        raise CrampValueError(f"{what} must be one of {', '.join(allowed)}; got {value!r}")
    return word


def read_severity(value: object) -> int:
    """A whole number from 1 to 10 (text such as "7" is read too); CrampValueError if not."""
    number: int | None = None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str) and value.strip().isdigit():
        number = int(value.strip())
    if number is None or not SEVERITY_MIN <= number <= SEVERITY_MAX:
        raise CrampValueError(
            f"severity must be a whole number from {SEVERITY_MIN} to {SEVERITY_MAX}; got {value!r}"
        )
    return number
