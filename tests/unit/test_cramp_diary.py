"""The cramp diary in the history database: writes, reads, and what the trends are fed."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from coach.cramps.diary import CrampDiary
from coach.cramps.records import CrampRecord
from coach.cramps.values import RELIEF_ROUTINE
from coach.history.records import SessionRecord
from coach.history.store import HistoryStore


def cramp(uid: str, at: str, **changes: object) -> CrampRecord:
    fields: dict[str, object] = {
        "uid": uid,
        "at": at,
        "foot": "left",
        "where": "calf",
        "severity": 6,
        "duration": "under-1-min",
        "context": "night",
        "note": None,
    }
    fields.update(changes)
    return CrampRecord(**fields)  # type: ignore[arg-type]


def session(
    uid: str, day: str, routine: str = "foot-daily", status: str = "completed"
) -> SessionRecord:
    return SessionRecord(
        uid=uid,
        routine_id=routine,
        routine_name=routine,
        plan_hash=None,
        source="app",
        status=status,  # type: ignore[arg-type]
        started_at=f"{day}T07:30:00.000+01:00",
        ended_at=f"{day}T07:40:00.000+01:00",
        planned_s=600.0,
        active_s=600.0,
        paused_s=0.0,
    )


def test_a_logged_cramp_reads_back_with_its_id() -> None:
    with HistoryStore.in_memory() as store:
        diary = CrampDiary(store)
        saved = diary.log(cramp("a", "2024-05-14T03:10:00.000+02:00", note="woke me"))
        assert saved.id == 1
        assert diary.cramps() == [saved]
        assert diary.count() == 1


def test_a_uid_already_stored_is_refused_by_log_and_skipped_by_add() -> None:
    with HistoryStore.in_memory() as store:
        diary = CrampDiary(store)
        first = cramp("a", "2024-05-14T03:10:00.000+02:00")
        diary.log(first)
        with pytest.raises(ValueError, match="already stored"):
            diary.log(replace(first, severity=9))
        other = cramp("b", "2024-05-15T03:10:00.000+02:00")
        assert diary.add_cramps([replace(first, severity=9), other]) == [other]
        assert [c.severity for c in diary.cramps(newest_first=False)] == [6, 6]


def test_cramps_are_ordered_by_instant_whatever_their_offsets() -> None:
    with HistoryStore.in_memory() as store:
        diary = CrampDiary(store)
        diary.add_cramps(
            [
                cramp("paris", "2024-05-14T08:00:00.000+02:00"),  # 06:00 UTC
                cramp("london", "2024-05-14T07:00:00.000+00:00"),  # 07:00 UTC
                cramp("tokyo", "2024-05-14T15:30:00.000+09:00"),  # 06:30 UTC
            ]
        )
        assert [c.uid for c in diary.cramps()] == ["london", "tokyo", "paris"]
        assert [c.uid for c in diary.cramps(newest_first=False)] == ["paris", "tokyo", "london"]
        assert [c.uid for c in diary.cramps(limit=1)] == ["london"]
        since = datetime(2024, 5, 14, 6, 0, tzinfo=UTC)
        assert [c.uid for c in diary.cramps(since=since)] == ["london", "tokyo"]


def test_a_write_that_fails_half_way_stores_nothing() -> None:
    with HistoryStore.in_memory() as store:
        diary = CrampDiary(store)
        good = cramp("good", "2024-05-14T03:10:00.000+02:00")
        bad = cramp("bad", "2024-05-14T04:10:00.000+02:00", severity=11)
        with pytest.raises(sqlite3.IntegrityError):
            diary.add_cramps([good, bad])
        assert diary.count() == 0
        assert not store.connection.in_transaction


def test_each_cramp_is_kept_on_disk_and_seen_by_another_process(tmp_path: Path) -> None:
    path = tmp_path / "history.db"
    with HistoryStore.open(path) as store:
        CrampDiary(store).log(cramp("a", "2024-05-14T03:10:00.000+02:00"))
        code = (
            "import sys\n"
            "from pathlib import Path\n"
            "from coach.cramps.diary import CrampDiary\n"
            "from coach.history.store import HistoryStore\n"
            "with HistoryStore.open(Path(sys.argv[1])) as s:\n"
            "    print(','.join(c.uid for c in CrampDiary(s).cramps()))\n"
        )
        result = subprocess.run(
            [sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True
        )
        assert result.stdout.strip() == "a"


def test_the_days_fed_to_the_trends() -> None:
    with HistoryStore.in_memory() as store:
        diary = CrampDiary(store)
        diary.add_cramps(
            [
                cramp("late", "2024-05-14T23:30:00.000-05:00"),  # 15 May in UTC, 14 May there
                cramp("early", "2024-05-13T03:00:00.000+02:00"),
                cramp("again", "2024-05-13T04:00:00.000+02:00"),
            ]
        )
        store.add_sessions(
            [
                session("s1", "2024-05-13"),
                session("s2", "2024-05-13", routine="bedtime-calves"),
                session("relief", "2024-05-13", routine=RELIEF_ROUTINE),
                session("partial", "2024-05-14", status="partial"),
            ]
        )
        assert diary.cramp_days() == [date(2024, 5, 13), date(2024, 5, 13), date(2024, 5, 14)]
        assert diary.session_days() == [date(2024, 5, 13), date(2024, 5, 13)]
        trends = diary.trends(date(2024, 5, 15))
        assert (trends.weeks[-1].cramps, trends.weeks[-1].sessions) == (3, 2)
        assert trends.comparison.state == "not-regular-yet"


def test_the_diary_follows_the_store_when_it_recovers_from_damage(tmp_path: Path) -> None:
    path = tmp_path / "history.db"
    store = HistoryStore.open(path)
    diary = CrampDiary(store)
    diary.log(cramp("a", "2024-05-14T03:10:00.000+02:00"))
    store.recover(sqlite3.DatabaseError("database disk image is malformed"))
    assert diary.cramps() == []
    diary.log(cramp("b", "2024-05-14T03:10:00.000+02:00"))
    assert [c.uid for c in diary.cramps()] == ["b"]
    store.close()


def test_each_day_is_counted_in_the_cramps_own_offset() -> None:
    with HistoryStore.in_memory() as store:
        diary = CrampDiary(store)
        at = datetime(2024, 5, 14, 23, 30, tzinfo=timezone(timedelta(hours=-5)))
        diary.log(cramp("a", at.isoformat(timespec="milliseconds")))
        assert diary.cramp_days() == [date(2024, 5, 14)]
