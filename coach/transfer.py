"""Export and import of the history: JSON (lossless) and CSV (one row per step).

JSON holds the sessions (each with its check-in or null) and the cramp diary:
`{"format": "coach-history", "version": 3, "sessions": [...], "cramps": [...]}`. Version 2 files
(no check-ins), version 1 files (no `cramps`) and the plain list of sessions `coach history
--json` prints are still read. CSV holds sessions only: one table cannot hold both shapes
honestly, so cramps travel in JSON. Its `feeling`, `pain` and `note` columns carry the check-in
(repeated on each row of the session); CSV keeps no check-in time, so an imported one takes
the session's end.

An import only ever adds: a session or cramp whose `uid` is already stored is left alone, except
that it gains the imported check-in when it has none.
A file is read and checked whole before anything is stored, so a bad file changes nothing; each
problem names where it is (PATH:LINE:COL for JSON syntax, PATH:LINE for CSV, the session and
field otherwise).
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import uuid
from collections.abc import Callable, Iterable, Mapping
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO, TypeVar, cast

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

T = TypeVar("T")

FORMAT = "coach-history"
FORMAT_VERSION = 3
#: A history of years is a few MB; a file far larger is a mistake, and reading it whole (as the
#: check-everything-first rule needs) would cost many times its size in memory.
MAX_FILE_BYTES = 64 * 1024 * 1024
#: Counts (set, reps, index, ...) and seconds beyond this are no real exercise, and a larger
#: integer would not even fit an SQLite INTEGER.
MAX_COUNT = 10**9
MAX_SECONDS = 10.0**9
NOT_AN_EXPORT = "not a coach export (expected JSON from `coach export` or its CSV)"
#: Sessions without a uid (e.g. from `coach history --json`) get one made from what identifies
#: them, so importing the same file twice still adds nothing the second time.
_UID_NAMESPACE = uuid.UUID("5d0c5e8e-1f0b-4c55-9a55-8f7e0f1f3c11")

SESSION_COLUMNS = (
    "session_uid",
    "routine",
    "routine_name",
    "plan_hash",
    "source",
    "session_status",
    "session_started_at",
    "session_ended_at",
    "session_planned_s",
    "session_active_s",
    "session_paused_s",
)
STEP_COLUMNS = (
    "step_index",
    "name",
    "side",
    "set",
    "sets",
    "round",
    "rounds",
    "reps",
    "planned_s",
    "actual_s",
    "status",
    "started_at",
    "ended_at",
)
#: The session's check-in, last so that readers of the older columns by position still work.
CHECKIN_COLUMNS = ("feeling", "pain", "note")
CSV_COLUMNS = SESSION_COLUMNS + STEP_COLUMNS + CHECKIN_COLUMNS
#: CSV column -> key in the JSON form of a session.
_SESSION_KEYS = dict(
    zip(
        SESSION_COLUMNS,
        (
            "uid",
            "routine",
            "routine_name",
            "plan_hash",
            "source",
            "status",
            "started_at",
            "ended_at",
            "planned_s",
            "active_s",
            "paused_s",
        ),
        strict=True,
    )
)
_STEP_KEYS = {column: column for column in STEP_COLUMNS} | {"step_index": "index"}


@dataclass(frozen=True)
class HistoryFile:
    """What an export file holds."""

    sessions: list[SessionRecord]
    cramps: list[CrampRecord]


class TransferError(ValueError):
    """A file that cannot be imported; `problems` says every place that is wrong."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


# -- export --------------------------------------------------------------------------------


def session_json(record: SessionRecord) -> dict[str, Any]:
    """A session as the export file holds it: everything but this database's row id."""
    return {
        "uid": record.uid,
        "routine": record.routine_id,
        "routine_name": record.routine_name,
        "plan_hash": record.plan_hash,
        "source": record.source,
        "status": record.status,
        "started_at": record.started_at,
        "ended_at": record.ended_at,
        "planned_s": record.planned_s,
        "active_s": record.active_s,
        "paused_s": record.paused_s,
        "steps": [{"index": s.index, **s.to_json()} for s in record.steps],
        "checkin": record.checkin.to_json() if record.checkin else None,
    }


def cramp_json(record: CrampRecord) -> dict[str, Any]:
    """A cramp as the export file holds it: everything but this database's row id."""
    data = record.to_json()
    del data["id"]
    return data


def export_json(
    sessions: Iterable[SessionRecord], out: TextIO, cramps: Iterable[CrampRecord] = ()
) -> None:
    document = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "sessions": [session_json(s) for s in sessions],
        "cramps": [cramp_json(c) for c in cramps],
    }
    json.dump(document, out, indent=2, ensure_ascii=False)
    out.write("\n")


def export_csv(sessions: Iterable[SessionRecord], out: TextIO) -> None:
    """One row per step with the session's columns repeated; a session without steps (a
    logged one) is one row with the step columns empty."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for record in sessions:
        data = session_json(record)
        head = [_cell(data[_SESSION_KEYS[c]]) for c in SESSION_COLUMNS]
        checkin = data["checkin"] or {}
        said = [_cell(checkin.get(c)) for c in CHECKIN_COLUMNS]
        for step in data["steps"] or [None]:
            tail = [_cell(step[_STEP_KEYS[c]]) if step else "" for c in STEP_COLUMNS]
            writer.writerow(head + tail + said)


def _cell(value: object) -> str:
    # repr keeps every digit of a float, so a CSV round trip loses nothing either.
    return "" if value is None else repr(value) if isinstance(value, float) else str(value)


# -- import --------------------------------------------------------------------------------


def read_sessions(path: Path) -> list[SessionRecord]:
    """Every session in an export file (JSON or CSV, told apart by content); TransferError
    naming every problem when any of it is wrong."""
    return read_history(path).sessions


def read_history(path: Path) -> HistoryFile:
    """Every session and cramp in an export file, checked whole: TransferError naming every
    problem when any of it is wrong (so nothing of a bad file is stored)."""
    too_large = TransferError(
        [f"{path}: too large to be a coach export (over {MAX_FILE_BYTES // 2**20} MiB)"]
    )
    try:
        with path.open("rb") as file:
            # A regular file's size is known before reading; a pipe is read up to the cap.
            if os.fstat(file.fileno()).st_size > MAX_FILE_BYTES:
                raise too_large
            raw = file.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise TransferError([f"{path}: no such file"]) from None
    except IsADirectoryError:
        raise TransferError([f"{path}: a folder, not a coach export"]) from None
    except OSError as exc:
        raise TransferError([f"{path}: cannot read it: {exc.strerror or exc}"]) from None
    if len(raw) > MAX_FILE_BYTES:
        raise too_large
    try:
        if b"\0" in raw:
            raise UnicodeError
        content = raw.decode("utf-8-sig")
    except UnicodeError:
        raise TransferError([f"{path}: not a coach export: it is not text"]) from None
    first = content.lstrip()[:1]
    suffix = path.suffix.lower()
    if first in ("{", "["):
        return _from_json(path, content)
    if not first or suffix == ".json":
        raise TransferError([f"{path}: {NOT_AN_EXPORT}"])
    return HistoryFile(_from_csv(path, content), [])


def _from_json(path: Path, content: str) -> HistoryFile:
    try:
        document = json.loads(content)
    except json.JSONDecodeError as exc:
        raise TransferError(
            [f"{path}:{exc.lineno}:{exc.colno}: not valid JSON: {exc.msg}"]
        ) from exc
    except RecursionError as exc:
        raise TransferError([f"{path}: not a coach export: JSON nested too deeply"]) from exc
    except ValueError as exc:  # e.g. an integer of thousands of digits
        raise TransferError([f"{path}: not valid JSON: {exc}"]) from exc
    cramp_items: object = []
    if isinstance(document, dict):
        if document.get("format", FORMAT) != FORMAT:
            raise TransferError([f"{path}: not a coach history export"])
        version = document.get("version", FORMAT_VERSION)
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise TransferError(
                [f"{path}: field `version`: expected a whole number, got {version!r}"]
            )
        if version > FORMAT_VERSION:
            raise TransferError(
                [
                    f"{path}: written by a newer coach (format version {version});"
                    " update coach to import it"
                ]
            )
        items = document.get("sessions")
        cramp_items = document.get("cramps", [])
    else:
        items = document  # a plain list, as `coach history --json` prints
    if not isinstance(items, list):
        raise TransferError([f"{path}: expected a list of sessions"])
    if not isinstance(cramp_items, list):
        raise TransferError([f"{path}: expected a list of cramps"])
    problems: list[str] = []
    records = []
    for n, item in enumerate(items, start=1):
        where = f"{path}: session {n}"
        if not isinstance(item, dict):
            problems.append(f"{where}: expected an object, got {_kind(item)}")
            continue
        steps = item.get("steps")
        if steps is None:
            problems.append(f"{where}: field `steps`: is missing (an empty list is fine)")
            continue
        if not isinstance(steps, list):
            problems.append(f"{where}: field `steps`: expected a list, got {_kind(steps)}")
            continue
        located = [(f"{where}, step {i}", step) for i, step in enumerate(steps, start=1)]
        record = _session(_Fields(item, where, problems), located)
        if record is not None:
            records.append(record)
    cramps = []
    for n, item in enumerate(cramp_items, start=1):
        where = f"{path}: cramp {n}"
        if not isinstance(item, dict):
            problems.append(f"{where}: expected an object, got {_kind(item)}")
            continue
        cramp = _cramp(_Fields(item, where, problems))
        if cramp is not None:
            cramps.append(cramp)
    if problems:
        raise TransferError(problems)
    return HistoryFile(records, cramps)


def _from_csv(path: Path, content: str) -> list[SessionRecord]:
    reader = csv.reader(io.StringIO(content, newline=""))
    try:
        columns = next(reader, [])
    except csv.Error as exc:
        raise TransferError([f"{path}:1: not valid CSV: {exc}"]) from exc
    if not set(columns) & set(CSV_COLUMNS):
        raise TransferError([f"{path}: {NOT_AN_EXPORT}"])
    missing = [c for c in ("routine", "session_status", "session_started_at") if c not in columns]
    if missing:
        raise TransferError([f"{path}:1: not a coach history CSV: no column {', '.join(missing)}"])
    groups: dict[str, tuple[int, dict[str, Any], list[tuple[str, dict[str, Any]]]]] = {}
    problems: list[str] = []
    while True:
        try:
            cells = next(reader, None)
        except csv.Error as exc:
            raise TransferError([f"{path}:{reader.line_num}: not valid CSV: {exc}"]) from exc
        if cells is None:
            break
        line = reader.line_num
        if not cells:
            continue  # a blank line
        if len(cells) != len(columns):
            # A cut row would store a session without its steps, and importing the whole
            # file later would not bring them back (the session is already there).
            problems.append(
                f"{path}:{line}: expected {len(columns)} columns, got {len(cells)}"
                " (a cut or damaged row)"
            )
            continue
        row = dict(zip(columns, cells, strict=True))
        head = {_SESSION_KEYS[c]: row.get(c) or None for c in SESSION_COLUMNS}
        head |= {c: row.get(c) or None for c in CHECKIN_COLUMNS}
        key = head["uid"] or f"{head['routine']}|{head['started_at']}"
        first_line, first_head, steps = groups.setdefault(key, (line, head, []))
        if head != first_head:
            column = next(
                c
                for c in SESSION_COLUMNS + CHECKIN_COLUMNS
                if head[_CSV_KEYS[c]] != first_head[_CSV_KEYS[c]]
            )
            problems.append(
                f"{path}:{line}: column `{column}` differs from line {first_line},"
                " a row of the same session"
            )
        if row.get("name"):
            step = {_STEP_KEYS[c]: row.get(c) or None for c in STEP_COLUMNS}
            steps.append((f"{path}:{line}", step))
    records = []
    for line, head, steps in groups.values():
        fields = _Fields(head, f"{path}:{line}", problems, labels=_CSV_SESSION_LABELS)
        record = _session(fields, steps)
        if record is not None:
            records.append(record)
    if problems:
        raise TransferError(problems)
    return records


def _kind(value: object) -> str:
    return "null" if value is None else type(value).__name__


#: In CSV files a problem names the column, not the JSON key.
_CSV_SESSION_LABELS = {key: column for column, key in _SESSION_KEYS.items()}
#: CSV column -> key of the session's fields read from a row.
_CSV_KEYS = _SESSION_KEYS | {c: c for c in CHECKIN_COLUMNS}
_CSV_STEP_LABELS = {key: column for column, key in _STEP_KEYS.items()}


class _Fields:
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

    def child(self, data: Mapping[str, Any], where: str) -> _Fields:
        """The fields of one of this session's steps."""
        labels = _CSV_STEP_LABELS if self.labels is not None else None
        return _Fields(data, where, self.problems, labels)

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
        self.bad(key, f"expected text, got {_kind(value) if value != '' else 'nothing'}")
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


def _session(f: _Fields, steps: list[tuple[str, Any]]) -> SessionRecord | None:
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


def _checkin(f: _Fields) -> CheckIn | None:
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


def _answer(f: _Fields, key: str, read: Callable[[object], T]) -> T | None:
    try:
        return read(f.data.get(key))
    except CheckInError as exc:
        f.bad(key, str(exc).removeprefix(f"{key} "))
        return None


def _cramp(f: _Fields) -> CrampRecord | None:
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
        note=f.text("note", required=False),
    )
    return record if f.ok else None


def _derived_uid(routine: str | None, started: str | None) -> str:
    return uuid.uuid5(_UID_NAMESPACE, f"{routine}|{started}").hex


def _steps(session: _Fields, located: list[tuple[str, Any]]) -> tuple[StepRecord, ...]:
    steps: dict[int, StepRecord] = {}
    for position, (where, data) in enumerate(located):
        if not isinstance(data, dict):
            session.ok = False
            session.problems.append(f"{where}: expected an object, got {_kind(data)}")
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
