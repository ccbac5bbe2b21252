"""The check-in rows of the history: keeping one per session and reading them back.

A part of `HistoryStore` (which it is mixed into) kept in its own module: the store holds the
sessions and steps, this the answers about them. Writes go through the store's transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager
from datetime import date
from typing import Any

from coach.history.checkins import CheckIn, DatedCheckIn
from coach.history.records import SessionRecord, parse_stamp, stamp

_CHECKIN_COLUMNS = "c.feeling, c.pain, c.note, c.at"


def _checkin(row: Sequence[Any]) -> CheckIn:
    feeling, pain, note, at = row
    return CheckIn(feeling, pain, note, parse_stamp(at))


class CheckInRows:
    """Check-in reads and writes over the store's connection."""

    # Both are HistoryStore's: this mixin only names what it uses of them.
    _db: sqlite3.Connection
    _transaction: Callable[[], AbstractContextManager[sqlite3.Connection]]

    def _keep_checkin(self, db: sqlite3.Connection, record: SessionRecord) -> int:
        """Give the session with `record`'s uid its check-in, unless it has one: 1 if added."""
        checkin = record.checkin
        if checkin is None:
            return 0
        cursor = db.execute(
            "INSERT INTO checkins (session_id, feeling, pain, note, at)"
            " SELECT id, ?, ?, ?, ? FROM sessions WHERE uid = ? ON CONFLICT DO NOTHING",
            (checkin.feeling, checkin.pain, checkin.note, stamp(checkin.at), record.uid),
        )
        return cursor.rowcount

    def set_checkin(self, session_id: int, checkin: CheckIn) -> None:
        """Keep the check-in of a session, replacing one it had; KeyError for an unknown id."""
        with self._transaction() as db:
            if db.execute("SELECT 1 FROM sessions WHERE id = ?", (session_id,)).fetchone() is None:
                raise KeyError(session_id)
            db.execute(
                "INSERT INTO checkins (session_id, feeling, pain, note, at) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (session_id) DO UPDATE SET feeling = excluded.feeling,"
                " pain = excluded.pain, note = excluded.note, at = excluded.at",
                (session_id, checkin.feeling, checkin.pain, checkin.note, stamp(checkin.at)),
            )

    def checkin_of(self, session_id: int) -> CheckIn | None:
        row = self._db.execute(
            f"SELECT {_CHECKIN_COLUMNS} FROM checkins c WHERE session_id = ?", (session_id,)
        ).fetchone()
        return _checkin(row) if row else None

    def checkins_of(self, session_ids: Iterable[int]) -> dict[int, CheckIn]:
        """The check-ins of the given sessions (those that have one), by session id."""
        ids = list(session_ids)
        found: dict[int, CheckIn] = {}
        for start in range(0, len(ids), 500):  # within SQLite's limit of bound values
            chunk = ids[start : start + 500]
            rows = self._db.execute(
                f"SELECT session_id, {_CHECKIN_COLUMNS} FROM checkins c"
                f" WHERE session_id IN ({', '.join('?' * len(chunk))})",
                chunk,
            )
            found.update((row[0], _checkin(row[1:])) for row in rows)
        return found

    def recent_checkins(self, limit: int, routine: str | None = None) -> list[CheckIn]:
        """The newest `limit` check-ins (of `routine`'s sessions if given), oldest first."""
        where = "WHERE s.routine_id = ?" if routine is not None else ""
        params: list[object] = [routine] if routine is not None else []
        rows = self._db.execute(
            f"SELECT {_CHECKIN_COLUMNS} FROM checkins c JOIN sessions s ON s.id = c.session_id"
            f" {where} ORDER BY s.started_ts DESC, s.id DESC LIMIT ?",
            [*params, max(0, limit)],
        ).fetchall()
        return [_checkin(row) for row in reversed(rows)]

    def dated_checkins(self, since: date | None = None) -> list[DatedCheckIn]:
        """Every check-in with its session's day, oldest first (from `since` if given)."""
        rows = self._db.execute(
            f"SELECT s.day, {_CHECKIN_COLUMNS} FROM checkins c JOIN sessions s"
            " ON s.id = c.session_id WHERE s.day >= ? ORDER BY s.started_ts, s.id",
            ((since or date.min).isoformat(),),
        )
        return [(date.fromisoformat(row[0]), _checkin(row[1:])) for row in rows]
