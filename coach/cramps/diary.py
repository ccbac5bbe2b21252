"""The cramp diary in the history database: the `cramps` table next to the sessions.

It lives in the same `history.db` and is opened the same way (`HistoryStore.open`: WAL, busy
timeout, migrations, damaged files moved aside), so cramps and sessions are exported, imported
and recovered together. Each write is one short `BEGIN IMMEDIATE` transaction, as for sessions.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from coach.cramps.records import CrampRecord
from coach.cramps.values import RELIEF_ROUTINE as RELIEF_ROUTINE  # also its old home
from coach.history.records import parse_stamp
from coach.history.store import HistoryStore

if TYPE_CHECKING:
    from coach.cramps.trends import CrampTrends

_COLUMNS = "id, uid, at, foot, place, severity, duration, context, note"


def _record(row: tuple[Any, ...]) -> CrampRecord:
    cramp_id, uid, at, foot, place, severity, duration, context, note = row
    return CrampRecord(uid, at, foot, place, severity, duration, context, note, id=cramp_id)


@contextmanager
def _transaction(db: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    # IMMEDIATE takes the write lock at once, so two coach processes wait for each other.
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


class CrampDiary:
    """Reads and writes of the cramps in a history store (which stays the caller's to close)."""

    def __init__(self, store: HistoryStore) -> None:
        self.store = store

    @property
    def _db(self) -> sqlite3.Connection:
        # Asked for each time: the store swaps its connection when it recovers from damage.
        return self.store.connection

    # -- writing ---------------------------------------------------------------------------

    def _insert(self, db: sqlite3.Connection, record: CrampRecord) -> int:
        moment = parse_stamp(record.at)
        cursor = db.execute(
            "INSERT INTO cramps (uid, at, at_ts, day, foot, place, severity, duration, context,"
            " note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (uid) DO NOTHING",
            (
                record.uid,
                record.at,
                moment.timestamp(),
                moment.date().isoformat(),
                record.foot,
                record.where,
                record.severity,
                record.duration,
                record.context,
                record.note,
            ),
        )
        if cursor.rowcount != 1:
            return 0
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def log(self, record: CrampRecord) -> CrampRecord:
        """Store one new cramp in its own transaction; returns it with its row id."""
        with _transaction(self._db) as db:
            cramp_id = self._insert(db, record)
        if not cramp_id:
            raise ValueError(f"a cramp with uid {record.uid} is already stored")
        return replace(record, id=cramp_id)

    def add_cramps(self, records: Iterable[CrampRecord]) -> list[CrampRecord]:
        """Store the cramps whose uid is new, all in one transaction; returns those added."""
        with _transaction(self._db) as db:
            return [record for record in records if self._insert(db, record)]

    # -- reading ---------------------------------------------------------------------------

    def cramps(
        self,
        *,
        limit: int | None = None,
        since: datetime | None = None,
        newest_first: bool = True,
    ) -> list[CrampRecord]:
        """Cramps newest first (unless told otherwise), only those after `since` if given."""
        where = "WHERE at_ts > ?" if since is not None else ""
        params: list[object] = [since.timestamp()] if since is not None else []
        order = "DESC" if newest_first else "ASC"
        query = f"SELECT {_COLUMNS} FROM cramps {where} ORDER BY at_ts {order}, id {order}"
        if limit is not None:
            query += " LIMIT ?"
            params.append(max(0, limit))
        return [_record(row) for row in self._db.execute(query, params)]

    def count(self) -> int:
        row = self._db.execute("SELECT count(*) FROM cramps").fetchone()
        total: int = row[0]
        return total

    def cramp_days(self) -> list[date]:
        """The date of every cramp (a date twice for two cramps that day), oldest first."""
        rows = self._db.execute("SELECT day FROM cramps ORDER BY day")
        return [date.fromisoformat(day) for (day,) in rows]

    def session_days(self) -> list[date]:
        """The date of every completed routine session, the relief routine left out."""
        rows = self._db.execute(
            "SELECT day FROM sessions WHERE status = 'completed' AND routine_id != ? ORDER BY day",
            (RELIEF_ROUTINE,),
        )
        return [date.fromisoformat(day) for (day,) in rows]

    def trends(self, today: date) -> CrampTrends:
        """Cramps next to routine sessions, as of `today` (see `coach.cramps.trends`; loaded
        here, not with the diary, which a session's check-in opens too)."""
        from coach.cramps.trends import cramp_trends

        return cramp_trends(self.cramp_days(), self.session_days(), today)
