"""`coach plan` shows today's values of a routine that grows, and why, from the history."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from coach import locations
from coach.cli import main
from coach.history.database import HistoryUnavailable
from coach.history.progress import completed_days_of
from coach.history.records import SessionRecord, SessionStatus, stamp
from coach.history.store import HistoryStore, history_path

GROWING = """\
name: Growing
prepare: 0
steps:
  - exercise: calf-stretch
    duration: 30s
    progress: {every: 7d, add: 5s, max: 60s}
"""


@pytest.fixture
def growing(isolated_folders: Path) -> Path:
    folder = locations.user_routines_dir(create=True)
    path = folder / "growing.yaml"
    path.write_text(GROWING, encoding="utf-8")
    return path


def played(days: int, status: SessionStatus = "completed", routine_id: str = "growing") -> None:
    """One session on each of `days` days, two hours apart at the day's end across midnight
    UTC, so only the local date counts."""
    first = datetime(2024, 3, 1, 23, 30, tzinfo=timezone(timedelta(hours=2)))
    with HistoryStore.open() as store:
        store.add_sessions(
            SessionRecord(
                uid=f"{routine_id}-{status}-{day}",
                routine_id=routine_id,
                routine_name="Growing",
                plan_hash=None,
                source="logged",
                status=status,
                started_at=stamp(first + timedelta(days=day)),
                ended_at=stamp(first + timedelta(days=day, minutes=1)),
                planned_s=60.0,
                active_s=60.0,
                paused_s=0.0,
            )
            for day in range(days)
        )


def test_plan_prints_todays_value_and_why(
    growing: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    played(14)
    played(4, status="partial")
    assert main(["plan", "growing"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Growing (growing): 1 min 25 s"
    assert out[1] == "  today: Calf stretch, straight knee 40 s (30 s + 5 s × 2: 14 days completed)"
    assert "40 s" in out[2] and "work" in out[2]


def test_plan_json_keeps_its_fields_and_adds_progression(
    growing: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    played(7)
    assert main(["plan", "growing", "--json"]) == 0
    plan = json.loads(capsys.readouterr().out)
    assert list(plan) == ["routine", "name", "total_s", "segments", "progression"]
    assert plan["segments"][0]["duration_s"] == 35.0
    assert plan["total_s"] == 35.0 + 5.0 + 35.0
    (item,) = plan["progression"]
    assert (item["today"], item["written"], item["completed_days"]) == (35.0, 30.0, 7)
    assert item["why"].endswith("(30 s + 5 s × 1: 7 days completed)")


def test_plan_of_a_routine_without_progress_has_an_empty_progression_list(
    isolated_folders: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["plan", "foot-daily", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["progression"] == []
    assert not history_path().exists(), "planning never creates the history"


def test_without_history_the_plan_is_as_written(
    growing: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["plan", "growing"]) == 0
    out = capsys.readouterr().out
    assert "as written; 5 s more every 7 days completed, 0 so far" in out
    assert not history_path().exists()


def test_completed_days_are_local_dates_of_completed_sessions_of_that_routine(
    isolated_folders: Path,
) -> None:
    played(5)
    played(3, status="partial")
    played(9, routine_id="other")
    assert completed_days_of("growing") == 5
    assert completed_days_of("other") == 9
    assert completed_days_of("nobody") == 0


def test_unreadable_history_is_said_and_the_plan_is_as_written(
    growing: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def unavailable(*args: object, **kwargs: object) -> HistoryStore:
        raise HistoryUnavailable("the data folder is read-only")

    monkeypatch.setattr(HistoryStore, "open", unavailable)
    assert main(["plan", "growing"]) == 0
    captured = capsys.readouterr()
    assert "cannot read history (the data folder is read-only)" in captured.err
    assert "steps start as written" in captured.err
    assert "today:" not in captured.out
    assert "work     Calf stretch, straight knee (left side)  30 s" in captured.out
