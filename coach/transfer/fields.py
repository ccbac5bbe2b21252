"""Typed fields of one JSON object or CSV row, and the records built from them.

Every field is checked and every problem noted with its place before anything is built, so a
bad file is reported whole and nothing half-checked is stored.
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Callable, Mapping
from contextlib import suppress
from typing import Any, TypeVar, cast

from coach.cramps.records import CrampRecord
from coach.cramps.values import (
    CONTEXTS,
    DURATIONS,
    FEET,
    PLACES,
    SEVERITY_MAX,
    SEVERITY_MIN,
    Context,
    Duration,
    Foot,
    Place,
)
from coach.history.checkins import (
    CheckIn,
    CheckInError,
    checkin_from_json,
    read_feeling,
    read_note,
    read_pain,
)
from coach.history.records import (
    SESSION_STATUSES,
    SOURCES,
    STEP_STATUSES,
    SessionRecord,
    SessionStatus,
    Source,
    StepRecord,
    StepStatus,
    parse_stamp,
    stamp,
)
from coach.text import printable
from coach.transfer.document import CHECKIN_COLUMNS, CSV_STEP_LABELS

T = TypeVar("T")

#: Counts (set, reps, index, ...) and seconds beyond this are no real exercise, and a larger
#: integer would not even fit an SQLite INTEGER.
MAX_COUNT = 10**9
MAX_SECONDS = 10.0**9
#: Sessions without a uid (e.g. from `coach history --json`) get one made from what identifies
#: them, so importing the same file twice still adds nothing the second time.
_UID_NAMESPACE = uuid.UUID("5d0c5e8e-1f0b-4c55-9a55-8f7e0f1f3c11")


def kind(value: object) -> str:
    return "null" if value is None else type(value).__name__


class Fields:
    """Reads typed fields of one JSON object or CSV row, noting each problem with its place.

    A bad field gives a placeholder value and clears `ok`, so every problem of a file is found
    in one pass and nothing half-checked is stored.
    """

    def __init__(
        self,
        data: Mapping[str, Any],
        where: str,
        problems: list[str],
        labels: Mapping[str, str] | None = None,
    ) -> None:
        self.data = data
        self.where = where
        self.problems = problems
        self.labels = labels
        self.ok = True

    def child(self, data: Mapping[str, Any], where: str) -> Fields:
        """The fields of one of this session's steps."""
        labels = CSV_STEP_LABELS if self.labels is not None else None
        return Fields(data, where, self.problems, labels)

    def bad(self, key: str, message: str) -> None:
        self.ok = False
        label = self.labels.get(key, key) if self.labels is not None else key
        self.problems.append(
            f"{self.where}: {'column' if self.labels else 'field'} `{label}`: {message}"
        )

    def _get(self, key: str, required: bool) -> Any:
        value = self.data.get(key)
        if value is None and required:
            self.bad(key, "is missing")
        return value

    def _text(self) -> bool:
        return self.labels is not None  # CSV cells are text, to be read as numbers

    def text(self, key: str, required: bool = True) -> str | None:
        value = self._get(key, required)
        if value is None or isinstance(value, str) and value:
            return value
        self.bad(key, f"expected text, got {kind(value) if value != '' else 'nothing'}")
        return None

    def choice(self, key: str, choices: tuple[str, ...], default: str | None = None) -> str:
        value = self.optional_choice(key, choices, required=default is None)
        return value or default or choices[0]

    def optional_choice(
        self, key: str, choices: tuple[str, ...], required: bool = False
    ) -> str | None:
        value = self._get(key, required)
        if value is None or value in choices:
            return None if value is None else str(value)
        self.bad(key, f"must be one of {', '.join(choices)}; got {value!r}")
        return None

    def number(self, key: str, default: float | None = None) -> float:
        value = self.optional_number(key, required=default is None)
        return (default or 0.0) if value is None else value

    def optional_number(self, key: str, required: bool = False) -> float | None:
        value = self._get(key, required)
        if value is None:
            return None
        if self._text() and isinstance(value, str):
            with suppress(ValueError):
                value = float(value)
        if isinstance(value, int | float) and not isinstance(value, bool) and value >= 0:
            # NaN fails `>= 0` above; infinity and absurd sizes would break sums and JSON.
            if isinstance(value, float) and not math.isfinite(value) or value > MAX_SECONDS:
                self.bad(key, f"expected at most {MAX_SECONDS:.0f} seconds, got {value!r}")
                return None
            return float(value)
        self.bad(key, f"expected a number of seconds (0 or more), got {value!r}")
        return None

    def whole(self, key: str) -> int | None:
        value = self._get(key, False)
        if value is None:
            return None
        if self._text() and isinstance(value, str) and value.isascii() and value.isdigit():
            value = int(value) if len(value) <= 20 else math.inf  # no 4300-digit int parsing
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_COUNT:
            return value
        if value == math.inf or isinstance(value, int) and value > MAX_COUNT:
            self.bad(key, f"expected a whole number up to {MAX_COUNT}, got a larger one")
            return None
        self.bad(key, f"expected a whole number, got {value!r}")
        return None

    def moment(self, key: str, required: bool = True) -> str | None:
        value = self._get(key, required)
        if value is None:
            return None
        if isinstance(value, str):
            with suppress(ValueError):
                return stamp(parse_stamp(value))
        self.bad(key, f"expected an ISO 8601 time with an offset, got {value!r}")
        return None


def session_record(f: Fields, steps: list[tuple[str, Any]]) -> SessionRecord | None:
    routine = f.text("routine")
    started = f.moment("started_at")
    status = f.choice("status", SESSION_STATUSES)
    source = f.choice("source", SOURCES, default="imported")
    record = SessionRecord(
        uid=f.text("uid", required=False) or _derived_uid(routine, started),
        routine_id=routine or "",
        routine_name=f.text("routine_name", required=False) or routine or "",
        plan_hash=f.text("plan_hash", required=False),
        source=cast(Source, source),
        status=cast(SessionStatus, status),
        started_at=started or "",
        ended_at=f.moment("ended_at", required=False) or started or "",
        planned_s=f.number("planned_s"),
        active_s=f.number("active_s", default=0.0),
        paused_s=f.number("paused_s", default=0.0),
        steps=_steps(f, steps),
        checkin=_checkin(f),
    )
    return record if f.ok else None


def _checkin(f: Fields) -> CheckIn | None:
    """The session's check-in: the `checkin` object in JSON, three columns in CSV."""
    try:
        if f.labels is None:
            return checkin_from_json(f.data.get("checkin"), f"{f.where}: field `checkin`")
    except CheckInError as exc:
        f.ok = False
        f.problems.append(str(exc))
        return None
    if all(f.data.get(c) is None for c in CHECKIN_COLUMNS):
        return None
    feeling = _answer(f, "feeling", read_feeling)
    pain = _answer(f, "pain", read_pain)
    note = _answer(f, "note", read_note)
    with suppress(ValueError):
        ended = f.data.get("ended_at") or f.data.get("started_at")
        return CheckIn(feeling, pain, note, parse_stamp(str(ended)))
    return None  # no time to give it: the session's own fields say what is wrong


def _answer(f: Fields, key: str, read: Callable[[object], T]) -> T | None:
    try:
        return read(f.data.get(key))
    except CheckInError as exc:
        f.bad(key, str(exc).removeprefix(f"{key} "))
        return None


def cramp_record(f: Fields) -> CrampRecord | None:
    at = f.moment("at")
    foot = f.choice("foot", FEET)
    where = f.choice("where", PLACES)
    severity = f.whole("severity")
    if severity is None and f.data.get("severity") is None:
        f.bad("severity", "is missing")
    elif severity is not None and not SEVERITY_MIN <= severity <= SEVERITY_MAX:
        f.bad("severity", f"must be from {SEVERITY_MIN} to {SEVERITY_MAX}, got {severity}")
    record = CrampRecord(
        uid=f.text("uid", required=False) or _derived_uid(f"cramp|{foot}|{where}", at),
        at=at or "",
        foot=cast(Foot, foot),
        where=cast(Place, where),
        severity=severity or SEVERITY_MIN,
        duration=cast(Duration, f.choice("duration", DURATIONS)),
        context=cast(Context, f.choice("context", CONTEXTS)),
        note=printable(f.text("note", required=False) or "") or None,
    )
    return record if f.ok else None


def _derived_uid(routine: str | None, started: str | None) -> str:
    return uuid.uuid5(_UID_NAMESPACE, f"{routine}|{started}").hex


def _steps(session: Fields, located: list[tuple[str, Any]]) -> tuple[StepRecord, ...]:
    steps: dict[int, StepRecord] = {}
    for position, (where, data) in enumerate(located):
        if not isinstance(data, dict):
            session.ok = False
            session.problems.append(f"{where}: expected an object, got {kind(data)}")
            continue
        f = session.child(data, where)
        index = f.whole("index")
        step = StepRecord(
            index=position if index is None else index,
            name=f.text("name") or "",
            side=f.optional_choice("side", ("left", "right")),
            set=f.whole("set"),
            sets=f.whole("sets"),
            round=f.whole("round"),
            rounds=f.whole("rounds"),
            reps=f.whole("reps"),
            planned_s=f.optional_number("planned_s"),
            actual_s=f.number("actual_s"),
            status=cast(StepStatus, f.choice("status", STEP_STATUSES)),
            started_at=f.moment("started_at") or "",
            ended_at=f.moment("ended_at") or "",
        )
        if step.index in steps:
            f.bad("index", f"{step.index} appears twice in the session")
        if not f.ok:
            session.ok = False
            continue
        steps[step.index] = step
    return tuple(steps[i] for i in sorted(steps))
