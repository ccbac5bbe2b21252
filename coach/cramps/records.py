"""One cramp as the diary keeps it, and how a new one is made from what the person said."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, cast

from coach.cramps.values import (
    CONTEXT_WORDS,
    CONTEXTS,
    DEFAULT_DURATION,
    DEFAULT_FOOT,
    DEFAULT_PLACE,
    DEFAULT_SEVERITY,
    DURATION_WORDS,
    DURATIONS,
    FEET,
    PLACES,
    Context,
    Duration,
    Foot,
    Place,
    default_context,
    read_choice,
    read_severity,
)
from coach.history.records import parse_stamp, stamp
from coach.text import printable


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
        note=printable(note or "").strip() or None,
    )
