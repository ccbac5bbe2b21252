"""The history database: one SQLite file in the data folder, shared safely by coach processes.

Each write is one short transaction, so a step committed is a step kept; reads never block
writers (WAL). How the file is opened and guarded lives in `coach.history.database`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, fields
from datetime import datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import Any

from coach import locations
from coach.history import local_now
from coach.history.checkin_rows import CheckInRows
from coach.history.checkins import CheckIn
from coach.history.database import Damaged, HistoryUnavailable, connect, move_aside
from coach.history.records import SessionRecord, StepRecord, parse_stamp

HISTORY_FILE = locations.HISTORY_FILE
#: A partial session stopped longer ago than this is history, not something to resume.
RESUME_WINDOW = timedelta(hours=12)
#: Only sessions played here can be resumed; logged and imported ones have no plan to go on with.
RESUMABLE_SOURCES = ("app", "plain")

_SESSION_COLUMNS = (
    "id, uid, routine_id, routine_name, plan_hash, source, status, started_at, ended_at,"
    " planned_s, active_s, paused_s"
)
_STEP_COLUMNS = (
    "session_id, idx, name, side, set_no, sets, round_no, rounds, reps, planned_s, actual_s,"
    " status, started_at, ended_at"
)
# Both lists follow the order of the records' fields, so rows map straight onto them.
_SESSION_FIELDS = tuple(
    f.name for f in fields(SessionRecord) if f.name not in ("steps", "id", "checkin")
)
_STEP_FIELDS = tuple(f.name for f in fields(StepRecord))


@dataclass(frozen=True)
class Resumable:
    """An interrupted session that can go on: start the engine at `start_index`."""

    session_id: int
    start_index: int
    started_at: str
    ended_at: str


@dataclass(frozen=True)
class Progress:
    """What an unfinished session already holds, so a resumed recording adds to it."""

    active_s: float
    paused_s: float
    finished: frozenset[int]  # segment indices with a step row (done or skipped)


def history_path(create: bool = False) -> Path:
    return locations.data_dir(create=create) / HISTORY_FILE


def _step(row: Sequence[Any]) -> StepRecord:
    return StepRecord(*row[1:])


def _session(
    row: Sequence[Any], steps: Iterable[StepRecord], checkin: CheckIn | None = None
) -> SessionRecord:
    values: dict[str, Any] = dict(zip(_SESSION_FIELDS, row[1:], strict=True))
    return SessionRecord(**values, steps=tuple(steps), id=row[0], checkin=checkin)


def _step_values(session_id: int, step: StepRecord) -> tuple[Any, ...]:
    return (session_id, *(getattr(step, name) for name in _STEP_FIELDS))


_INSERT_STEP = (
    f"INSERT OR REPLACE INTO steps ({_STEP_COLUMNS})"
    f" VALUES ({', '.join('?' * (1 + len(_STEP_FIELDS)))})"
)


def not_made_yet(path: Path) -> bool:
    """Whether the history file at `path` is simply not made yet, its folder able to hold it;
    HistoryUnavailable when the folder cannot be used or even looked at (a name too long, a
    folder not readable: `Path.exists` lets those errors through)."""
    try:
        if path.exists():
            return False
    except OSError as exc:
        raise HistoryUnavailable(f"cannot use the data folder: {exc}") from exc
    problem = locations.unusable(path.parent)
    if problem is not None:
        raise HistoryUnavailable(f"cannot use the data folder: {problem}")
    return True


class HistoryStore(CheckInRows):
    """Reads and writes of the history. One store per thread of use; open it with `open()`."""

    def __init__(self, db: sqlite3.Connection, path: Path | None = None) -> None:
        self._db = db
        self.path = path
        #: Things the person should be told once, e.g. that a damaged file was moved aside.
        self.notices: list[str] = []
        #: Check-ins the last `add_sessions` gave to sessions that were already stored.
        self.checkins_added = 0

    # -- opening ---------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path | None = None,
        *,
        create: bool = True,
        now: datetime | None = None,
    ) -> HistoryStore:
        """The history at `path` (default: `history.db` in the data folder).

        With `create=False` a missing file reads as an empty history and nothing is written,
        so looking at history never leaves files behind; but only when the data folder could
        hold one, so a folder that cannot be used never passes for an empty history. A
        damaged file is moved aside with a notice in `notices`. Raises HistoryUnavailable when
        history cannot be used at all.
        """
        try:
            path = path or history_path(create=create)
        except OSError as exc:
            raise HistoryUnavailable(f"cannot use the data folder: {exc}") from exc
        if not create and not_made_yet(path):
            return cls.in_memory()
        notices: list[str] = []
        try:
            db = connect(path, notices)
        except Damaged as damaged:
            notices.append(move_aside(path, str(damaged), now or local_now()))
            db = connect(path)
        store = cls(db, path)
        store.notices.extend(notices)
        return store

    @classmethod
    def in_memory(cls) -> HistoryStore:
        """An empty history that lives only as long as the object (tests, missing files)."""
        return cls(connect(":memory:"))

    def recover(self, exc: BaseException, now: datetime | None = None) -> None:
        """After `exc` showed the file is damaged: move it aside and go on with a fresh one."""
        if self.path is None:
            raise HistoryUnavailable(f"the history in memory is damaged: {exc}") from exc
        self._db.close()
        self.notices.append(move_aside(self.path, f"it is damaged: {exc}", now or local_now()))
        self._db = connect(self.path)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> HistoryStore:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def connection(self) -> sqlite3.Connection:
        """For the read-only queries of `coach.history.stats`."""
        return self._db

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        # IMMEDIATE takes the write lock up front, so two writers wait for each other (busy
        # timeout) instead of one failing when it tries to upgrade a read lock.
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    # -- writing ---------------------------------------------------------------------------

    def _insert(self, db: sqlite3.Connection, record: SessionRecord, resume_at: int | None) -> int:
        started = parse_stamp(record.started_at)
        cursor = db.execute(
            "INSERT INTO sessions (uid, routine_id, routine_name, plan_hash, source, status,"
            " started_at, ended_at, started_ts, day, planned_s, active_s, paused_s, resume_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (uid) DO NOTHING",
            (
                record.uid,
                record.routine_id,
                record.routine_name,
                record.plan_hash,
                record.source,
                record.status,
                record.started_at,
                record.ended_at,
                started.timestamp(),
                started.date().isoformat(),
                record.planned_s,
                record.active_s,
                record.paused_s,
                resume_at,
            ),
        )
        if cursor.rowcount != 1:
            return 0
        session_id = cursor.lastrowid
        assert session_id is not None
        db.executemany(_INSERT_STEP, (_step_values(session_id, s) for s in record.steps))
        return session_id

    def begin_session(self, record: SessionRecord, resume_at: int | None = None) -> int:
        """Store a new session (with any steps it has); returns its id."""
        with self._transaction() as db:
            session_id = self._insert(db, record, resume_at)
        if not session_id:
            raise ValueError(f"a session with uid {record.uid} is already stored")
        return session_id

    def add_sessions(self, records: Iterable[SessionRecord]) -> list[SessionRecord]:
        """Store the sessions whose uid is new, all in one transaction; returns those added.

        A check-in comes along, and also reaches a session already stored that has none
        (`checkins_added` counts those): merging keeps what either side knows.
        """
        added = []
        self.checkins_added = 0
        with self._transaction() as db:
            for record in records:
                new = self._insert(db, record, None)
                kept = self._keep_checkin(db, record)
                if new:
                    added.append(record)
                else:
                    self.checkins_added += kept
        return added

    def record_step(
        self,
        session_id: int,
        step: StepRecord,
        *,
        ended_at: str,
        active_s: float,
        paused_s: float,
        resume_at: int | None,
    ) -> None:
        """Keep one finished step and the session's running totals, in one transaction.

        A step done again (after `back`) replaces the row with the same index.
        """
        with self._transaction() as db:
            db.execute(_INSERT_STEP, _step_values(session_id, step))
            db.execute(
                "UPDATE sessions SET ended_at = ?, active_s = ?, paused_s = ?, resume_at = ?"
                " WHERE id = ?",
                (ended_at, active_s, paused_s, resume_at, session_id),
            )

    def finish_session(
        self,
        session_id: int,
        *,
        ended_at: str,
        active_s: float,
        paused_s: float,
        reached_end: bool,
        completed: bool,
    ) -> None:
        """Close a session: `completed` when it passed the rule of `coach.history.outcome`,
        else it stays `partial`. One that reached its end cannot be resumed either way."""
        with self._transaction() as db:
            db.execute(
                "UPDATE sessions SET ended_at = ?, active_s = ?, paused_s = ?,"
                " status = CASE WHEN ? THEN 'completed' ELSE status END,"
                " resume_at = CASE WHEN ? THEN NULL ELSE resume_at END WHERE id = ?",
                (ended_at, active_s, paused_s, completed, reached_end, session_id),
            )

    # -- reading ---------------------------------------------------------------------------

    def sessions(
        self, *, limit: int | None = None, routine: str | None = None, newest_first: bool = True
    ) -> list[SessionRecord]:
        """Sessions with their steps, newest first unless told otherwise."""
        where = "WHERE routine_id = ?" if routine is not None else ""
        params: list[object] = [routine] if routine is not None else []
        order = "DESC" if newest_first else "ASC"
        chosen = f"SELECT id FROM sessions {where} ORDER BY started_ts {order}, id {order}"
        if limit is not None:
            chosen += " LIMIT ?"
            params.append(max(0, limit))
        rows = self._db.execute(
            f"SELECT {_SESSION_COLUMNS} FROM sessions WHERE id IN ({chosen})"
            f" ORDER BY started_ts {order}, id {order}",
            params,
        ).fetchall()
        steps: dict[int, list[StepRecord]] = {}
        for row in self._db.execute(
            f"SELECT {_STEP_COLUMNS} FROM steps WHERE session_id IN ({chosen})"
            " ORDER BY session_id, idx",
            params,
        ):
            steps.setdefault(row[0], []).append(_step(row))
        checkins = self.checkins_of(row[0] for row in rows)
        return [_session(row, steps.get(row[0], ()), checkins.get(row[0])) for row in rows]

    def count_sessions(self, routine: str | None = None) -> int:
        if routine is None:
            row = self._db.execute("SELECT count(*) FROM sessions").fetchone()
        else:
            row = self._db.execute(
                "SELECT count(*) FROM sessions WHERE routine_id = ?", (routine,)
            ).fetchone()
        count: int = row[0]
        return count

    def session_overlapping(
        self, routine_id: str, start: datetime, length_s: float
    ) -> SessionRecord | None:
        """The earliest session of `routine_id` under way at some moment of the `length_s`
        seconds from `start` (taken as at least a minute, the precision of a time written by
        hand), or None: the same routine is not done twice at once, so `coach log` asks
        before recording it again."""
        begin = start.timestamp()
        row = self._db.execute(
            "SELECT id FROM sessions WHERE routine_id = ? AND started_ts < ?"
            " AND started_ts + max(active_s + paused_s, 60) > ? ORDER BY started_ts LIMIT 1",
            (routine_id, begin + max(length_s, 60.0), begin),
        ).fetchone()
        return None if row is None else self.session_detail(row[0])

    def session_detail(self, session_id: int) -> SessionRecord | None:
        """One session with its steps in plan order, or None when there is no such id."""
        row = self._db.execute(
            f"SELECT {_SESSION_COLUMNS} FROM sessions WHERE id = ?", (session_id,)
        ).fetchone()
        if row is None:
            return None
        steps = self._db.execute(
            f"SELECT {_STEP_COLUMNS} FROM steps WHERE session_id = ? ORDER BY idx", (session_id,)
        )
        return _session(row, map(_step, steps), self.checkin_of(session_id))

    def session_progress(self, session_id: int) -> Progress | None:
        row = self._db.execute(
            "SELECT active_s, paused_s FROM sessions WHERE id = ?", (session_id,)
        ).fetchone()
        if row is None:
            return None
        finished = self._db.execute("SELECT idx FROM steps WHERE session_id = ?", (session_id,))
        return Progress(row[0], row[1], frozenset(i for (i,) in finished))

    def find_resumable(self, routine_id: str, plan_hash: str, now: datetime) -> Resumable | None:
        """The routine's last session, when it can go on where it stopped.

        That is when it is `partial`, was played here, stopped less than 12 hours before `now`,
        and was played from exactly the same plan (`plan_hash`): a changed routine starts over.
        """
        row = self._db.execute(
            "SELECT id, status, source, plan_hash, resume_at, started_at, ended_at FROM sessions"
            " WHERE routine_id = ? ORDER BY started_ts DESC, id DESC LIMIT 1",
            (routine_id,),
        ).fetchone()
        if row is None:
            return None
        session_id, status, source, stored_hash, resume_at, started_at, ended_at = row
        if status != "partial" or source not in RESUMABLE_SOURCES or resume_at is None:
            return None
        if stored_hash != plan_hash or now - parse_stamp(ended_at) >= RESUME_WINDOW:
            return None
        return Resumable(session_id, resume_at, started_at, ended_at)
