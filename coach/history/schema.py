"""The history database's schema and its forward migrations, versioned by `PRAGMA user_version`.

Version 0 is an empty database. `MIGRATIONS[n]` takes a database from version n to n + 1; a new
version is one more function appended here (never an edit to an old one), so a database written
by any earlier coach is brought up to date step by step, in one transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

Migration = Callable[[sqlite3.Connection], None]


class NewerSchema(Exception):
    """The database was written by a newer coach; changing it could lose that coach's data."""

    def __init__(self, found: int) -> None:
        super().__init__(
            f"it was written by a newer coach (schema version {found}; this coach knows up to "
            f"{SCHEMA_VERSION}); update coach to read it"
        )
        self.found = found


class ForeignDatabase(Exception):
    """An SQLite file at the history's place that coach did not write."""


def _v1_sessions_and_steps(db: sqlite3.Connection) -> None:
    # `started_ts` (seconds since the epoch) orders sessions across offsets; `day` is the
    # calendar date in the session's own offset, the unit of streaks and heatmaps.
    # `resume_at` is where a resumed session starts again (None: it cannot be resumed).
    statements = (
        """
        CREATE TABLE sessions (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            routine_id TEXT NOT NULL,
            routine_name TEXT NOT NULL,
            plan_hash TEXT,
            source TEXT NOT NULL CHECK (source IN ('app', 'plain', 'logged', 'imported')),
            status TEXT NOT NULL CHECK (status IN ('completed', 'partial')),
            started_at TEXT NOT NULL,
            ended_at TEXT NOT NULL,
            started_ts REAL NOT NULL,
            day TEXT NOT NULL,
            planned_s REAL NOT NULL,
            active_s REAL NOT NULL,
            paused_s REAL NOT NULL,
            resume_at INTEGER
        )
        """,
        "CREATE INDEX sessions_by_time ON sessions (started_ts)",
        "CREATE INDEX sessions_by_routine ON sessions (routine_id, started_ts)",
        "CREATE INDEX sessions_by_day ON sessions (day, status, active_s)",
        """
        CREATE TABLE steps (
            session_id INTEGER NOT NULL REFERENCES sessions (id),
            idx INTEGER NOT NULL,
            name TEXT NOT NULL,
            side TEXT,
            set_no INTEGER,
            sets INTEGER,
            round_no INTEGER,
            rounds INTEGER,
            reps INTEGER,
            planned_s REAL,
            actual_s REAL NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('done', 'skipped')),
            started_at TEXT NOT NULL,
            ended_at TEXT NOT NULL,
            PRIMARY KEY (session_id, idx)
        ) WITHOUT ROWID
        """,
        # Covers the per-exercise totals, so they never touch the table itself.
        "CREATE INDEX steps_by_name ON steps (name, status, reps, actual_s)",
    )
    for statement in statements:
        db.execute(statement)


def _v2_cramps(db: sqlite3.Connection) -> None:
    # The cramp diary (coach.cramps). `at_ts` and `day` serve as `started_ts` and `day` do for
    # sessions; `place` is the JSON `where` (a word SQL keeps for itself).
    db.execute(
        """
        CREATE TABLE cramps (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            at TEXT NOT NULL,
            at_ts REAL NOT NULL,
            day TEXT NOT NULL,
            foot TEXT NOT NULL CHECK (foot IN ('left', 'right', 'both')),
            place TEXT NOT NULL CHECK (place IN ('toes', 'arch', 'heel', 'calf')),
            severity INTEGER NOT NULL CHECK (severity BETWEEN 1 AND 10),
            duration TEXT NOT NULL CHECK (duration IN ('under-1-min', '1-10-min', 'over-10-min')),
            context TEXT NOT NULL
                CHECK (context IN ('night', 'exercise', 'sitting', 'standing', 'other')),
            note TEXT
        )
        """
    )
    db.execute("CREATE INDEX cramps_by_time ON cramps (at_ts)")


def _v3_checkins_and_reminders(db: sqlite3.Connection) -> None:
    # A session's check-in (how it felt, pain 0-10, a note), at most one per session; every
    # field but the time may be left out. Sessions may now come from a reminder's "done" too:
    # SQLite cannot change a CHECK in place, so the table is rebuilt the documented way (new
    # table, copy, drop, rename), keeping every row and id; `migrate` turns foreign keys off
    # around it and checks them before it commits.
    statements = (
        """
        CREATE TABLE sessions_v3 (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            routine_id TEXT NOT NULL,
            routine_name TEXT NOT NULL,
            plan_hash TEXT,
            source TEXT NOT NULL
                CHECK (source IN ('app', 'plain', 'logged', 'imported', 'reminder')),
            status TEXT NOT NULL CHECK (status IN ('completed', 'partial')),
            started_at TEXT NOT NULL,
            ended_at TEXT NOT NULL,
            started_ts REAL NOT NULL,
            day TEXT NOT NULL,
            planned_s REAL NOT NULL,
            active_s REAL NOT NULL,
            paused_s REAL NOT NULL,
            resume_at INTEGER
        )
        """,
        "INSERT INTO sessions_v3 SELECT id, uid, routine_id, routine_name, plan_hash, source,"
        " status, started_at, ended_at, started_ts, day, planned_s, active_s, paused_s,"
        " resume_at FROM sessions",
        "DROP TABLE sessions",
        "ALTER TABLE sessions_v3 RENAME TO sessions",
        "CREATE INDEX sessions_by_time ON sessions (started_ts)",
        "CREATE INDEX sessions_by_routine ON sessions (routine_id, started_ts)",
        "CREATE INDEX sessions_by_day ON sessions (day, status, active_s)",
        """
        CREATE TABLE checkins (
            session_id INTEGER PRIMARY KEY REFERENCES sessions (id),
            feeling TEXT CHECK (feeling IN ('easy', 'right', 'hard')),
            pain INTEGER CHECK (pain BETWEEN 0 AND 10),
            note TEXT,
            at TEXT NOT NULL
        )
        """,
    )
    for statement in statements:
        db.execute(statement)


MIGRATIONS: tuple[Migration, ...] = (
    _v1_sessions_and_steps,
    _v2_cramps,
    _v3_checkins_and_reminders,
)
SCHEMA_VERSION = len(MIGRATIONS)


def user_version(db: sqlite3.Connection) -> int:
    version: int = db.execute("PRAGMA user_version").fetchone()[0]
    return version


def check(db: sqlite3.Connection) -> int:
    """The database's version, after making sure this coach may change it at all.

    Raises NewerSchema for a database from a newer coach, and ForeignDatabase for one at
    version 0 that already holds tables (someone else's file). Reads only.
    """
    # One statement, so both are read from the same snapshot even while another coach is
    # creating the schema.
    found, tables = db.execute(
        "SELECT (SELECT user_version FROM pragma_user_version),"
        " (SELECT count(*) FROM sqlite_master)"
    ).fetchone()
    if found > SCHEMA_VERSION:
        raise NewerSchema(found)
    if found == 0 and tables:
        raise ForeignDatabase("it holds tables coach did not write")
    version: int = found
    return version


def migrate(
    db: sqlite3.Connection,
    upto: int = SCHEMA_VERSION,
    before_upgrade: Callable[[int], None] | None = None,
) -> int:
    """Bring `db` (opened with isolation_level=None) to version `upto`; returns the old version.

    All steps run in one transaction: a failure leaves the database as it was. Raises what
    `check` raises, without changing anything. `before_upgrade(old_version)` is called under
    the write lock, before anything changes, when a database that holds data (version 1 or
    later) is about to be upgraded: the moment to back it up. Of several coaches opening an
    old database at once, exactly one upgrades it (and calls `before_upgrade`).
    """
    found = check(db)
    if found == upto:
        return found
    # Rebuilding a table needs foreign keys off, and they can only be switched outside a
    # transaction; `foreign_key_check` below stands in for them.
    keys: int = db.execute("PRAGMA foreign_keys").fetchone()[0]
    db.execute("PRAGMA foreign_keys = OFF")
    try:
        db.execute("BEGIN IMMEDIATE")
        try:
            # Check again under the write lock: another coach may have migrated meanwhile.
            found = check(db)
            if found < upto and found > 0 and before_upgrade is not None:
                before_upgrade(found)
            for version in range(found, upto):
                MIGRATIONS[version](db)
            broken = db.execute("PRAGMA foreign_key_check").fetchone()
            if broken is not None:
                raise sqlite3.IntegrityError(f"a row of {broken[0]} lost the row it belongs to")
            if upto > found:
                db.execute(f"PRAGMA user_version = {int(upto)}")
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
    finally:
        db.execute(f"PRAGMA foreign_keys = {int(keys)}")
    return found
