"""Opening the history's SQLite file: sanity checks, pragmas, migrations, moving damage aside.

WAL mode and a busy timeout let two coach processes write at once without losing either's rows,
and `synchronous=FULL` makes each committed transaction survive a power cut. A file that is not
a readable coach history is moved aside (never overwritten, never deleted).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from contextlib import suppress
from datetime import datetime
from pathlib import Path

from coach.history.schema import SCHEMA_VERSION, ForeignDatabase, NewerSchema, check, migrate

BUSY_TIMEOUT_S = 10.0

_MAGIC = b"SQLite format 3\x00"
_SQLITE_BUSY, _SQLITE_CORRUPT, _SQLITE_NOTADB = 5, 11, 26
_COMPANIONS = ("-wal", "-shm", "-journal")


class HistoryUnavailable(Exception):
    """History cannot be read or written: a read-only folder, a full disk, a newer schema..."""


class Damaged(Exception):
    """The file at the history's place is not a readable coach history."""


def is_damage(exc: BaseException) -> bool:
    """True when an SQLite error means the file is corrupt or not a database at all."""
    if not isinstance(exc, sqlite3.DatabaseError):
        return False
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None:
        return not isinstance(exc, sqlite3.OperationalError)
    return code & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB)


def _header_problem(path: Path) -> str | None:
    """Why the file cannot be an intact SQLite database, judged from its header; None if it may."""
    if not path.exists():
        return None
    if not path.is_file():
        return "it is not a regular file"
    try:
        with path.open("rb") as f:
            header = f.read(100)
    except OSError as exc:
        # Unreadable (permissions): nothing is damaged, history just cannot be used.
        raise HistoryUnavailable(f"cannot read {path}: {exc.strerror or exc}") from exc
    if not header:
        return None  # an empty file is a new database (schema version 0)
    if len(header) < 100 or not header.startswith(_MAGIC):
        return "it is not an SQLite database"
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    valid = header[24:28] == header[92:96]
    wal = Path(f"{path}-wal")
    # Without a write-ahead log the file alone must hold every page its header counts.
    # Another coach closing the history may remove its log between two looks: a log that is
    # gone by the time it is measured has been folded into the file, and counts as none.
    try:
        has_wal = wal.stat().st_size > 0
        size = path.stat().st_size
    except FileNotFoundError:
        has_wal, size = False, path.stat().st_size
    if valid and not has_wal and size < pages * page_size:
        return "it is cut short"
    return None


def _to_wal(db: sqlite3.Connection) -> None:
    """Switch to WAL, a lasting property of the file (a no-op once it is WAL).

    The first switch needs the file to itself, and SQLite reports "database is locked" at
    once, without waiting, when another coach is creating the same file at that moment: so
    wait and try again here, within the same time limit as any other lock.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    pause = 0.005
    while True:
        try:
            db.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            busy = getattr(exc, "sqlite_errorcode", _SQLITE_BUSY) & 0xFF == _SQLITE_BUSY
            if not busy or time.monotonic() > deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.1)


def _checkpoint(path: Path) -> None:
    """Fold every committed change in the write-ahead log into the file itself.

    Called while this coach holds the write lock, so nothing new is committed meanwhile; a
    reader still on an older view may hold some pages back for a moment, so wait for it.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S)
    try:
        while True:
            _, logged, folded = db.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
            if logged == folded:
                return
            if time.monotonic() > deadline:
                raise HistoryUnavailable(f"another program kept {path} busy; try again")
            time.sleep(0.05)
    finally:
        db.close()


def _free_name(base: str) -> Path:
    """`base`, or `base-2`, `base-3`... whichever does not exist yet: never overwrite a file."""
    target, n = Path(base), 1
    while target.exists():
        n += 1
        target = Path(f"{base}-{n}")
    return target


def back_up(path: Path, version: int) -> Path:
    """Copy the history as it is to `history.db.bak-<version>` before an upgrade changes it.

    The write-ahead log is folded in first, so the copy is one complete file; it is written
    under another name and renamed, so a half-written copy never looks like a backup.
    """
    _checkpoint(path)
    target = _free_name(f"{path}.bak-{version}")
    partial = target.with_name(f"{target.name}.part")
    try:
        shutil.copyfile(path, partial)
        with partial.open("rb+") as f:
            os.fsync(f.fileno())
        os.replace(partial, target)
    except OSError as exc:
        with suppress(OSError):
            partial.unlink()
        raise HistoryUnavailable(
            f"cannot back up {path} before upgrading it ({exc.strerror or exc}); "
            "it is left as it was"
        ) from exc
    return target


def connect(path: Path | str, notices: list[str] | None = None) -> sqlite3.Connection:
    """An open, migrated connection; Damaged or HistoryUnavailable when that cannot be.

    A history from an older coach is copied aside first (see `back_up`) and then upgraded in
    one transaction; what happened is added to `notices`.
    """
    if isinstance(path, Path):
        problem = _header_problem(path)
        if problem:
            raise Damaged(problem)
    try:
        db = sqlite3.connect(
            path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
        )
    except sqlite3.Error as exc:
        raise HistoryUnavailable(f"cannot open {path}: {exc}") from exc
    backups: list[Path] = []

    def before_upgrade(version: int) -> None:
        if isinstance(path, Path):
            backups.append(back_up(path, version))

    try:
        check(db)  # before anything writes to a file that may not be coach's to change
        _to_wal(db)
        db.execute("PRAGMA synchronous = FULL")
        db.execute("PRAGMA foreign_keys = ON")
        old = migrate(db, before_upgrade=before_upgrade)
    except ForeignDatabase as exc:
        db.close()
        raise Damaged(str(exc)) from exc
    except NewerSchema as exc:
        db.close()
        raise HistoryUnavailable(f"cannot use {path}: {exc}") from exc
    except HistoryUnavailable:
        db.close()
        raise
    except sqlite3.Error as exc:
        db.close()
        if is_damage(exc):
            raise Damaged(f"it is damaged: {exc}") from exc
        if backups:
            raise HistoryUnavailable(
                f"could not upgrade {path} to this coach's format ({exc}); it is left as it "
                f"was, and a copy is in {backups[0].name}"
            ) from exc
        raise HistoryUnavailable(f"cannot use {path}: {exc}") from exc
    if backups and notices is not None:
        notices.append(
            f"upgraded the history from an older coach (format {old} to {SCHEMA_VERSION}); "
            f"a copy of it as it was is in {backups[0]}"
        )
    return db


def move_aside(path: Path, reason: str, moment: datetime) -> str:
    """Rename the damaged file (and its WAL companions) to `history.db.corrupt-<time>`.

    Returns the notice that tells the person what happened and where their old file is.
    """
    base = f"{path}.corrupt-{moment.strftime('%Y%m%d-%H%M%S')}"
    target = Path(base)
    n = 1
    while target.exists():
        n += 1
        target = Path(f"{base}-{n}")
    try:
        path.rename(target)
    except FileNotFoundError:
        pass  # another coach moved it a moment ago
    except OSError as exc:
        raise HistoryUnavailable(f"cannot move the damaged {path} aside: {exc}") from exc
    for suffix in _COMPANIONS:
        # A stale log replayed into the fresh database would damage it again.
        with suppress(FileNotFoundError):
            Path(f"{path}{suffix}").rename(f"{target}{suffix}")
    return (
        f"{path} could not be read as coach history ({reason}); "
        f"moved it to {target.name} and started a fresh history"
    )
