"""What a history export holds, and writing it: the JSON document and the CSV table.

The column names and the JSON keys live here together, so export, import and the problems an
import reports (which name the CSV column, not the JSON key) always agree.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, TextIO

from coach.cramps.records import CrampRecord
from coach.history.records import SessionRecord

FORMAT = "coach-history"
FORMAT_VERSION = 3

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
SESSION_KEYS = dict(
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
STEP_KEYS = {column: column for column in STEP_COLUMNS} | {"step_index": "index"}
#: In CSV files a problem names the column, not the JSON key.
CSV_SESSION_LABELS = {key: column for column, key in SESSION_KEYS.items()}
#: CSV column -> key of the session's fields read from a row.
CSV_KEYS = SESSION_KEYS | {c: c for c in CHECKIN_COLUMNS}
CSV_STEP_LABELS = {key: column for column, key in STEP_KEYS.items()}


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
        head = [_cell(data[SESSION_KEYS[c]]) for c in SESSION_COLUMNS]
        checkin = data["checkin"] or {}
        said = [_cell(checkin.get(c)) for c in CHECKIN_COLUMNS]
        for step in data["steps"] or [None]:
            tail = [_cell(step[STEP_KEYS[c]]) if step else "" for c in STEP_COLUMNS]
            writer.writerow(head + tail + said)


def _cell(value: object) -> str:
    # repr keeps every digit of a float, so a CSV round trip loses nothing either.
    return "" if value is None else repr(value) if isinstance(value, float) else str(value)
