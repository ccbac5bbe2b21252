"""The history file: schema migrations, damaged files moved aside, reads and writes."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from builders import session_record, step_record

from coach.cramps.diary import CrampDiary
from coach.history.database import HistoryUnavailable
from coach.history.records import SessionRecord, StepRecord, parse_stamp, stamp
from coach.history.schema import MIGRATIONS, SCHEMA_VERSION, migrate, user_version
from coach.history.store import HistoryStore

MOMENT = datetime(2024, 5, 14, 7, 30).astimezone()


def session(uid: str, started_at: str, **changes: object) -> SessionRecord:
    fields: dict[str, object] = {"plan_hash": "abc", "planned_s": 60.0, "active_s": 50.0}
    fields.update(changes)
    return session_record(uid=uid, started_at=started_at, ended_at=started_at, **fields)


def step(index: int, name: str = "Hold") -> StepRecord:
    return step_record(
        index=index,
        name=name,
        set=1,
        sets=1,
        planned_s=10.0,
        actual_s=10.0,
        ended_at="2024-05-14T07:30:10.000+01:00",
    )


def schema_of(db: sqlite3.Connection) -> list[tuple[str, str]]:
    return sorted(db.execute("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL"))


# -- migrations ----------------------------------------------------------------------------


def v1_rows(db: sqlite3.Connection) -> None:
    db.execute(
        "INSERT INTO sessions (id, uid, routine_id, routine_name, plan_hash, source, status,"
        " started_at, ended_at, started_ts, day, planned_s, active_s, paused_s, resume_at)"
        " VALUES (7, 'u7', 'feet', 'Feet', 'abc', 'plain', 'partial',"
        " '2024-05-14T07:30:00.000+01:00', '2024-05-14T07:31:00.000+01:00', 1715668200.0,"
        " '2024-05-14', 60.0, 12.0, 3.0, 4)"
    )
    db.execute(
        "INSERT INTO steps VALUES (7, 1, 'Hold', 'left', 1, 2, NULL, NULL, NULL, 10.0, 10.0,"
        " 'done', '2024-05-14T07:30:02.000+01:00', '2024-05-14T07:30:12.000+01:00')"
    )


def v2_rows(db: sqlite3.Connection) -> None:
    v1_rows(db)
    db.execute(
        "INSERT INTO cramps (id, uid, at, at_ts, day, foot, place, severity, duration, context,"
        " note) VALUES (3, 'c3', '2024-05-14T03:10:00.000+01:00', 1715652600.0, '2024-05-14',"
        " 'left', 'calf', 6, 'under-1-min', 'night', 'woke me')"
    )


def v3_rows(db: sqlite3.Connection) -> None:
    v2_rows(db)
    db.execute(
        "INSERT INTO sessions (id, uid, routine_id, routine_name, plan_hash, source, status,"
        " started_at, ended_at, started_ts, day, planned_s, active_s, paused_s, resume_at)"
        " VALUES (8, 'u8', 'feet', 'Feet', NULL, 'reminder', 'completed',"
        " '2024-05-15T07:30:00.000+01:00', '2024-05-15T07:31:00.000+01:00', 1715754600.0,"
        " '2024-05-15', 60.0, 60.0, 0.0, NULL)"
    )
    db.execute("INSERT INTO checkins VALUES (7, 'hard', 5, 'calf tight', '2024-05-14T07:32:00Z')")


#: Rows a database of each version may hold, to check that migrating keeps them. A new schema
#: version adds its own entry here.
SAMPLE_ROWS: dict[int, Callable[[sqlite3.Connection], None]] = {
    1: v1_rows,
    2: v2_rows,
    3: v3_rows,
}


def test_every_schema_version_has_sample_rows() -> None:
    assert sorted(SAMPLE_ROWS) == list(range(1, SCHEMA_VERSION + 1))


@pytest.mark.parametrize("version", range(SCHEMA_VERSION))
def test_a_database_of_every_earlier_version_is_brought_up_to_date(
    tmp_path: Path, version: int
) -> None:
    path = tmp_path / "history.db"
    db = sqlite3.connect(path, isolation_level=None)
    migrate(db, upto=version)
    if version in SAMPLE_ROWS:
        SAMPLE_ROWS[version](db)
    db.close()
    with HistoryStore.open(path) as store:
        assert user_version(store.connection) == SCHEMA_VERSION
        upgraded = [n for n in store.notices if n.startswith("upgraded the history")]
        assert len(upgraded) == (1 if version >= 1 else 0), store.notices
        assert len(store.notices) == len(upgraded)
        migrated = schema_of(store.connection)
        if version >= 1:
            detail = store.session_detail(7)
            assert detail is not None and detail.uid == "u7"
            assert [s.name for s in detail.steps] == ["Hold"]
        diary = CrampDiary(store)
        assert [(c.uid, c.note) for c in diary.cramps()] == (
            [("c3", "woke me")] if version >= 2 else []
        )
    with HistoryStore.in_memory() as fresh:
        assert migrated == schema_of(fresh.connection)


def test_a_version_1_history_gains_the_cramp_diary_and_keeps_its_sessions(
    tmp_path: Path,
) -> None:
    path = tmp_path / "history.db"
    db = sqlite3.connect(path, isolation_level=None)
    migrate(db, upto=1)
    v1_rows(db)
    db.close()
    with HistoryStore.open(path) as store:
        assert user_version(store.connection) == SCHEMA_VERSION
        [kept] = store.sessions()
        assert (kept.uid, kept.status, kept.active_s, len(kept.steps)) == ("u7", "partial", 12.0, 1)
        resumable = store.find_resumable("feet", "abc", parse_stamp(kept.ended_at))
        assert resumable is not None and resumable.start_index == 4
        assert CrampDiary(store).cramps() == []
    # The sample rows of version 2 fit the migrated schema exactly.
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("DELETE FROM steps")
    db.execute("DELETE FROM sessions")
    v2_rows(db)
    db.close()
    with HistoryStore.open(path) as store:
        assert [c.uid for c in CrampDiary(store).cramps()] == ["c3"]


def test_an_empty_file_is_a_version_0_database_not_damage(tmp_path: Path) -> None:
    path = tmp_path / "history.db"
    path.touch()
    with HistoryStore.open(path) as store:
        assert store.notices == []
        assert user_version(store.connection) == SCHEMA_VERSION
    assert sorted(p.name for p in tmp_path.glob("history.db*")) == ["history.db"]


def test_migrations_are_one_per_version() -> None:
    assert len(MIGRATIONS) == SCHEMA_VERSION >= 1


def test_a_history_from_a_newer_coach_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "history.db"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.execute("CREATE TABLE sessions (id INTEGER PRIMARY KEY, cramps TEXT)")
    db.commit()
    db.close()
    before = path.read_bytes()
    with pytest.raises(HistoryUnavailable, match="written by a newer coach"):
        HistoryStore.open(path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.glob("history.db*")) == ["history.db"]


def test_a_failed_migration_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(db: sqlite3.Connection) -> None:
        db.execute("CREATE TABLE half_done (x)")
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr("coach.history.schema.MIGRATIONS", (broken,))
    path = tmp_path / "history.db"
    with pytest.raises(HistoryUnavailable, match="disk I/O error"):
        HistoryStore.open(path)
    db = sqlite3.connect(path)
    assert (user_version(db), schema_of(db)) == (0, [])
    db.close()


# -- damaged files -------------------------------------------------------------------------


def real_database(path: Path, sessions: int = 300) -> None:
    with HistoryStore.open(path) as store:
        store.add_sessions(
            session(f"u{n}", f"2024-01-01T07:{n % 60:02d}:00.000+00:00", steps=(step(1),))
            for n in range(sessions)
        )


def garbage(path: Path) -> None:
    path.write_bytes(b"\x00\xffnot a database at all\n" * 100)


def truncated(path: Path) -> None:
    real_database(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def header_only(path: Path) -> None:
    real_database(path)
    path.write_bytes(path.read_bytes()[:60])


def folder(path: Path) -> None:
    path.mkdir()
    (path / "inside.txt").write_text("kept")


def foreign(path: Path) -> None:
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE contacts (name TEXT)")
    db.commit()
    db.close()


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (garbage, "it is not an SQLite database"),
        (truncated, "it is cut short"),
        (header_only, "it is not an SQLite database"),
        (folder, "it is not a regular file"),
        (foreign, "it holds tables coach did not write"),
    ],
)
def test_a_damaged_file_is_moved_aside_and_a_fresh_history_started(
    tmp_path: Path, damage: Callable[[Path], None], reason: str
) -> None:
    path = tmp_path / "history.db"
    damage(path)
    kept = sorted(p.name for p in path.rglob("*")) if path.is_dir() else path.read_bytes()
    with HistoryStore.open(path, now=MOMENT) as store:
        [notice] = store.notices
        store.begin_session(session("new", "2024-05-14T08:00:00.000+01:00"))
        assert [s.uid for s in store.sessions()] == ["new"]
    aside = tmp_path / "history.db.corrupt-20240514-073000"
    assert notice == (
        f"{path} could not be read as coach history ({reason}); "
        f"moved it to {aside.name} and started a fresh history"
    )
    assert (sorted(p.name for p in aside.rglob("*")) if aside.is_dir() else aside.read_bytes()) == (
        kept
    )


def test_a_second_damaged_file_the_same_second_gets_its_own_name(tmp_path: Path) -> None:
    path = tmp_path / "history.db"
    for _ in range(2):
        garbage(path)
        HistoryStore.open(path, now=MOMENT).close()
    names = sorted(p.name for p in tmp_path.glob("history.db.corrupt-*"))
    assert names == ["history.db.corrupt-20240514-073000", "history.db.corrupt-20240514-073000-2"]


def test_damage_found_while_reading_is_recovered_from(tmp_path: Path) -> None:
    path = tmp_path / "history.db"
    real_database(path, sessions=2000)
    data = bytearray(path.read_bytes())
    page = 4096
    data[page * 3 : page * 40] = b"\xde\xad" * (page * 37 // 2)  # the header stays intact
    path.write_bytes(bytes(data))
    store = HistoryStore.open(path, now=MOMENT)
    assert store.notices == []
    with pytest.raises(sqlite3.DatabaseError) as caught:
        store.sessions()
    store.recover(caught.value, now=MOMENT)
    assert store.sessions() == []
    assert "moved it to history.db.corrupt-20240514-073000" in store.notices[0]
    store.close()


def test_an_unusable_data_folder_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "file").write_text("")
    monkeypatch.setenv("COACH_DATA_DIR", str(tmp_path / "file" / "coach"))
    with pytest.raises(HistoryUnavailable, match="cannot use the data folder"):
        HistoryStore.open()


def test_reading_a_missing_history_creates_nothing(tmp_path: Path) -> None:
    with HistoryStore.open(create=False) as store:
        assert store.sessions() == [] and store.count_sessions() == 0
    assert list((tmp_path / "data").iterdir()) == []


def test_the_history_is_in_wal_mode_in_the_data_folder(tmp_path: Path) -> None:
    with HistoryStore.open() as store:
        assert store.path == tmp_path / "data" / "history.db"
        assert store.connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


# -- reads and writes ----------------------------------------------------------------------


def test_sessions_are_newest_first_by_instant_whatever_their_offsets() -> None:
    with HistoryStore.in_memory() as store:
        store.add_sessions(
            [
                session("paris", "2024-05-14T08:00:00.000+02:00"),  # 06:00 UTC
                session("london", "2024-05-14T07:00:00.000+00:00"),  # 07:00 UTC
                session("tokyo", "2024-05-14T15:30:00.000+09:00", routine_id="calves"),
            ]
        )
        assert [s.uid for s in store.sessions()] == ["london", "tokyo", "paris"]
        assert [s.uid for s in store.sessions(newest_first=False)] == ["paris", "tokyo", "london"]
        assert [s.uid for s in store.sessions(limit=1)] == ["london"]
        assert [s.uid for s in store.sessions(routine="calves")] == ["tokyo"]
        assert store.count_sessions("feet") == 2


def test_add_sessions_skips_known_uids_and_returns_what_it_added() -> None:
    with HistoryStore.in_memory() as store:
        first = session("a", "2024-05-14T08:00:00.000+02:00", steps=(step(1), step(3)))
        assert store.add_sessions([first]) == [first]
        changed = session("a", "2024-05-15T08:00:00.000+02:00", status="partial")
        other = session("b", "2024-05-15T08:00:00.000+02:00")
        assert store.add_sessions([changed, other]) == [other]
        stored = store.session_detail(1)
        assert stored is not None
        assert (stored.started_at, stored.status, len(stored.steps)) == (
            first.started_at,
            "completed",
            2,
        )


def test_a_write_that_fails_half_way_stores_nothing() -> None:
    with HistoryStore.in_memory() as store:
        good = session("good", "2024-05-14T08:00:00.000+02:00")
        bad = session("bad", "2024-05-14T09:00:00.000+02:00", status="finished")
        with pytest.raises(sqlite3.IntegrityError):
            store.add_sessions([good, bad])
        assert store.count_sessions() == 0
        assert not store.connection.in_transaction


def test_history_times_need_an_offset() -> None:
    with pytest.raises(ValueError, match="needs an offset"):
        stamp(datetime(2024, 5, 14, 7, 30))
    with pytest.raises(ValueError, match="has no offset"):
        parse_stamp("2024-05-14T07:30:00")
    assert stamp(MOMENT) == MOMENT.isoformat(timespec="milliseconds")


def test_session_detail_of_an_unknown_id_is_none() -> None:
    with HistoryStore.in_memory() as store:
        assert store.session_detail(1) is None
        assert store.session_progress(1) is None


def test_begin_session_refuses_a_uid_already_stored() -> None:
    with HistoryStore.in_memory() as store:
        store.begin_session(session("a", "2024-05-14T08:00:00.000+02:00"))
        with pytest.raises(ValueError, match="already stored"):
            store.begin_session(session("a", "2024-05-14T08:00:00.000+02:00"))


def test_in_memory_damage_cannot_be_moved_aside() -> None:
    with HistoryStore.in_memory() as store, pytest.raises(HistoryUnavailable):
        store.recover(sqlite3.DatabaseError("database disk image is malformed"))
