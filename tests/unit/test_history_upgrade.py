"""Opening a history written by the released coach (schema 2): backed up, upgraded, intact."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from fixtures.make_history_v2 import dump as rows  # read back as the fixture was written

from coach.history.checkins import CheckIn
from coach.history.database import HistoryUnavailable
from coach.history.schema import SCHEMA_VERSION, user_version
from coach.history.store import HistoryStore

FIXTURES = Path(__file__).parent.parent / "fixtures"
RELEASED = FIXTURES / "history-v2.db"
#: Every row of every table of the fixture, read back right after the released coach wrote it.
EXPECTED = json.loads((FIXTURES / "history-v2.expected.json").read_text())


def version_of(path: Path) -> int:
    db = sqlite3.connect(path)
    try:
        return user_version(db)
    finally:
        db.close()


@pytest.fixture
def old_history(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "history.db"
    shutil.copyfile(RELEASED, path)
    return path


def test_the_fixture_is_what_the_released_coach_wrote() -> None:
    """Guards the fixture itself: version 2, every kind of row the upgrade must keep."""
    assert version_of(RELEASED) == 2
    sessions = EXPECTED["sessions"]
    assert {(s[5], s[6]) for s in sessions} == {
        ("plain", "completed"),
        ("plain", "partial"),
        ("logged", "completed"),
    }
    assert {s[11] for s in EXPECTED["steps"]} == {"done", "skipped"}
    assert len(EXPECTED["cramps"]) == 2
    assert rows(RELEASED) == EXPECTED


def test_an_old_history_is_backed_up_then_upgraded_with_every_row_intact(
    old_history: Path,
) -> None:
    with HistoryStore.open(old_history) as store:
        assert user_version(store.connection) == SCHEMA_VERSION
        [notice] = store.notices
        assert notice.startswith("upgraded the history from an older coach (format 2 to 3)")
        assert "history.db.bak-2" in notice
        # Read through the store too: the records carry every stored field.
        by_id = {s.id: s for s in store.sessions()}
    assert rows(old_history) == EXPECTED
    for row in EXPECTED["sessions"]:
        record = by_id[row[0]]
        assert (record.uid, record.routine_id, record.routine_name, record.plan_hash) == tuple(
            row[1:5]
        )
        assert (record.source, record.status, record.started_at, record.ended_at) == tuple(row[5:9])
        assert (record.planned_s, record.active_s, record.paused_s) == tuple(row[11:14])
        steps = [r for r in EXPECTED["steps"] if r[0] == row[0]]
        assert [[row[0], *vars(s).values()] for s in record.steps] == steps
    backup = old_history.with_name("history.db.bak-2")
    assert version_of(backup) == 2
    assert rows(backup) == EXPECTED
    assert sorted(p.name for p in old_history.parent.glob("history.db.bak*")) == [
        "history.db.bak-2"
    ]


def test_the_upgraded_history_takes_check_ins_and_reminder_sessions(old_history: Path) -> None:
    at = datetime.fromisoformat("2026-03-06T08:00:00.000+01:00")
    with HistoryStore.open(old_history) as store:
        store.set_checkin(2, CheckIn("hard", 6, "calf tight", at))
        store.connection.execute("UPDATE sessions SET source = 'reminder' WHERE id = 4")
    with HistoryStore.open(old_history) as store:
        assert store.notices == []
        assert store.checkin_of(2) == CheckIn("hard", 6, "calf tight", at)
        assert store.checkin_of(1) is None
        reminded = store.session_detail(4)
        assert reminded is not None and reminded.source == "reminder"


def test_a_failed_upgrade_leaves_the_original_untouched_and_says_so(
    old_history: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from coach.history import schema

    real = schema.MIGRATIONS[2]

    def broken(db: sqlite3.Connection) -> None:
        real(db)  # the real upgrade runs, then the disk gives up
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(schema, "MIGRATIONS", (*schema.MIGRATIONS[:2], broken))
    with pytest.raises(HistoryUnavailable) as raised:
        HistoryStore.open(old_history)
    message = str(raised.value)
    assert "could not upgrade" in message and "disk I/O error" in message
    assert "it is left as it was" in message and "history.db.bak-2" in message
    assert version_of(old_history) == 2
    assert rows(old_history) == EXPECTED
    db = sqlite3.connect(old_history)
    names = {name for (name,) in db.execute("SELECT name FROM sqlite_master")}
    db.close()
    assert "checkins" not in names and "sessions_v3" not in names


def test_a_backup_that_cannot_be_written_stops_the_upgrade(old_history: Path) -> None:
    # A folder where the backup would go: the copy cannot be made, so nothing is upgraded.
    old_history.with_name("history.db.bak-2.part").mkdir()
    with pytest.raises(HistoryUnavailable, match="cannot back up .* it is left as it was"):
        HistoryStore.open(old_history)
    assert version_of(old_history) == 2
    assert rows(old_history) == EXPECTED


def test_an_existing_backup_is_never_overwritten(old_history: Path) -> None:
    earlier = old_history.with_name("history.db.bak-2")
    earlier.write_bytes(b"an older copy")
    with HistoryStore.open(old_history) as store:
        assert "history.db.bak-2-2" in store.notices[0]
    assert earlier.read_bytes() == b"an older copy"
    assert rows(old_history.with_name("history.db.bak-2-2")) == EXPECTED


#: One coach process: waits for "go" so all start together, opens the history, prints notices.
OPEN = """
import sys
from coach.history.store import HistoryStore
sys.stdin.readline()
with HistoryStore.open() as store:
    for notice in store.notices:
        print(notice)
    print("sessions", store.count_sessions())
"""


def test_coaches_opening_an_old_history_at_once_upgrade_it_once(old_history: Path) -> None:
    openers = [
        subprocess.Popen(
            [sys.executable, "-c", OPEN],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    for opener in openers:
        assert opener.stdin is not None
        opener.stdin.write("go\n")
        opener.stdin.flush()
    outputs = []
    for opener in openers:
        out, err = opener.communicate(timeout=120)
        assert opener.returncode == 0, err
        assert err == ""
        outputs.append(out)
    assert all(out.endswith("sessions 4\n") for out in outputs)
    assert sum(out.count("upgraded the history") for out in outputs) == 1
    assert sorted(p.name for p in old_history.parent.glob("history.db.bak*")) == [
        "history.db.bak-2"
    ]
    assert version_of(old_history) == SCHEMA_VERSION
    assert rows(old_history) == EXPECTED
    assert rows(old_history.with_name("history.db.bak-2")) == EXPECTED
