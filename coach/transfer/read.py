"""Reading an export file (JSON or CSV, told apart by content), checked whole before anything
is stored, so a bad file changes nothing and every problem is named with its place."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path
from typing import Any

from coach.history.records import SessionRecord
from coach.transfer.document import (
    CHECKIN_COLUMNS,
    CSV_COLUMNS,
    CSV_KEYS,
    CSV_SESSION_LABELS,
    FORMAT,
    FORMAT_VERSION,
    SESSION_COLUMNS,
    SESSION_KEYS,
    STEP_COLUMNS,
    STEP_KEYS,
    HistoryFile,
    TransferError,
)
from coach.transfer.fields import Fields, cramp_record, kind, session_record

#: A history of years is a few MB; a file far larger is a mistake, and reading it whole (as the
#: check-everything-first rule needs) would cost many times its size in memory.
MAX_FILE_BYTES = 64 * 1024 * 1024
NOT_AN_EXPORT = "not a coach export (expected JSON from `coach export` or its CSV)"


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
            problems.append(f"{where}: expected an object, got {kind(item)}")
            continue
        steps = item.get("steps")
        if steps is None:
            problems.append(f"{where}: field `steps`: is missing (an empty list is fine)")
            continue
        if not isinstance(steps, list):
            problems.append(f"{where}: field `steps`: expected a list, got {kind(steps)}")
            continue
        located = [(f"{where}, step {i}", step) for i, step in enumerate(steps, start=1)]
        record = session_record(Fields(item, where, problems), located)
        if record is not None:
            records.append(record)
    cramps = []
    for n, item in enumerate(cramp_items, start=1):
        where = f"{path}: cramp {n}"
        if not isinstance(item, dict):
            problems.append(f"{where}: expected an object, got {kind(item)}")
            continue
        cramp = cramp_record(Fields(item, where, problems))
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
        head = {SESSION_KEYS[c]: row.get(c) or None for c in SESSION_COLUMNS}
        head |= {c: row.get(c) or None for c in CHECKIN_COLUMNS}
        key = head["uid"] or f"{head['routine']}|{head['started_at']}"
        first_line, first_head, steps = groups.setdefault(key, (line, head, []))
        if head != first_head:
            column = next(
                c
                for c in SESSION_COLUMNS + CHECKIN_COLUMNS
                if head[CSV_KEYS[c]] != first_head[CSV_KEYS[c]]
            )
            problems.append(
                f"{path}:{line}: column `{column}` differs from line {first_line},"
                " a row of the same session"
            )
        if row.get("name"):
            step = {STEP_KEYS[c]: row.get(c) or None for c in STEP_COLUMNS}
            steps.append((f"{path}:{line}", step))
    records = []
    for line, head, steps in groups.values():
        fields = Fields(head, f"{path}:{line}", problems, labels=CSV_SESSION_LABELS)
        record = session_record(fields, steps)
        if record is not None:
            records.append(record)
    if problems:
        raise TransferError(problems)
    return records
