"""What the cramp diary holds: one record per cramp, the allowed values, and quick defaults.

The defaults make a log with no questions asked honest enough to keep: now, both feet, the
calf (where night cramps mostly strike), a middling 5 out of 10, under a minute, and `night`
when it is logged between 21:00 and 07:00 local time, else `other`.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal, cast

from coach.history.records import parse_stamp, stamp

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


@dataclass(frozen=True)
class CrampRecord:
    """One cramp as logged: when, which foot, where, how bad, how long, and in what situation."""

    uid: str  # stable across machines, so an import recognises a cramp it already has
    at: str  # ISO 8601 with the offset the person had then (see coach.history.records.stamp)
    foot: Foot
    where: Place
    severity: int
    duration: Duration
    context: Context
    note: str | None = None
    id: int | None = None  # the row id in this database; None before it is stored

    @property
    def moment(self) -> datetime:
        return parse_stamp(self.at)

    @property
    def day(self) -> date:
        """The calendar date in the cramp's own offset, as sessions count their days."""
        return self.moment.date()

    def to_json(self) -> dict[str, Any]:
        """The cramp as `coach cramp list --json` prints it (a contract)."""
        return {
            "id": self.id,
            "uid": self.uid,
            "at": self.at,
            "foot": self.foot,
            "where": self.where,
            "severity": self.severity,
            "duration": self.duration,
            "context": self.context,
            "note": self.note,
        }

    def describe(self) -> str:
        """One plain line, e.g. `left calf, 6/10, under a minute, at night in bed`."""
        what = f"{self.where}, both feet" if self.foot == "both" else f"{self.foot} {self.where}"
        parts = [what, f"{self.severity}/10", DURATION_WORDS[self.duration]]
        if self.context != "other":
            parts.append(CONTEXT_WORDS[self.context])
        return ", ".join(parts)


def new_cramp(
    at: datetime,
    *,
    foot: str = DEFAULT_FOOT,
    where: str = DEFAULT_PLACE,
    severity: object = DEFAULT_SEVERITY,
    duration: str = DEFAULT_DURATION,
    context: str | None = None,
    note: str | None = None,
) -> CrampRecord:
    """A cramp to store, checked value by value; the defaults are those the module names.

    `context` defaults from the time of day of `at`; a blank `note` is no note.
    """
    return CrampRecord(
        uid=uuid.uuid4().hex,
        at=stamp(at),
        foot=cast(Foot, read_choice("foot", foot, FEET)),
        where=cast(Place, read_choice("where", where, PLACES)),
        severity=read_severity(severity),
        duration=cast(Duration, read_choice("duration", duration, DURATIONS)),
        context=cast(
            Context,
            default_context(at) if context is None else read_choice("context", context, CONTEXTS),
        ),
        note=(note or "").strip() or None,
    )
