"""`coach status` and `coach stats` with a weekly plan, run as a user would: the JSON contract,
the exit codes, the words kept for a plan of one, and bad plans as one line each."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from coach.history.records import SessionRecord
from coach.history.store import HistoryStore
from coach.text import NO_STREAK
from tests.builders import session_record
from tests.cli.conftest import RunCoach

TODAY = date.today()
WEEKDAY = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")[TODAY.weekday()]
OTHER_DAY = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")[(TODAY.weekday() + 1) % 7]


def session(days_ago: int, routine: str, status: str = "completed") -> SessionRecord:
    day = TODAY - timedelta(days=days_ago)
    stamp = datetime(day.year, day.month, day.day, 6, 0).astimezone().isoformat()
    return session_record(
        uid=f"{routine}-{days_ago}-{status}",
        routine_id=routine,
        routine_name=routine,
        status=status,
        started_at=stamp,
        ended_at=stamp,
    )


def stored(*sessions: SessionRecord) -> None:
    with HistoryStore.open() as store:
        store.add_sessions(sessions)


@pytest.fixture
def settings(isolated_folders: Path) -> Path:
    return isolated_folders / "config" / "settings.yaml"


PLAN = """\
schedule:
  - routine: bedtime-calves
    days: daily
    at: "22:00"
  - routine: foot-daily
    days: daily
    at: 07:30
  - routine: foot-quick
    days: [{other}]
"""


def test_status_json_lists_todays_plan_in_order_and_exits_1_until_all_is_done(
    coach: RunCoach, settings: Path
) -> None:
    settings.write_text(PLAN.format(other=OTHER_DAY))
    stored(session(0, "foot-daily"), session(1, "foot-daily"), session(1, "bedtime-calves"))
    result = coach("status", "--json")
    assert result.returncode == 1, result.stderr
    assert json.loads(result.stdout) == {
        "date": TODAY.isoformat(),
        "streak": 1,
        "done": False,
        "planned": [
            {"routine": "foot-daily", "name": "Daily foot care", "at": "07:30", "done": True},
            {
                "routine": "bedtime-calves",
                "name": "Bedtime calf stretches",
                "at": "22:00",
                "done": False,
            },
        ],
    }
    text = coach("status")
    assert (text.returncode, text.stdout) == (
        1,
        "foot-daily at 07:30: done today\nbedtime-calves at 22:00: not done yet today\n"
        "1-day streak\n",
    )
    stored(session(0, "bedtime-calves"))
    done = coach("status", "--json")
    assert done.returncode == 0
    assert json.loads(done.stdout)["done"] is True
    assert json.loads(done.stdout)["streak"] == 2
    assert coach("status", "--short").stdout in ("✓ 2\n", "+ 2\n")


def test_nothing_planned_today_exits_0(coach: RunCoach, settings: Path) -> None:
    settings.write_text(f"schedule:\n  - routine: foot-daily\n    days: [{OTHER_DAY}]\n")
    result = coach("status", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["planned"], data["done"], data["streak"]) == ([], True, 0)
    assert coach("status").stdout == f"nothing planned today. {NO_STREAK}\n"


def test_a_partial_session_does_not_make_the_plan_done(coach: RunCoach, settings: Path) -> None:
    settings.write_text(f"schedule:\n  - routine: foot-daily\n    days: [{WEEKDAY}]\n")
    stored(session(0, "foot-daily", status="partial"))
    result = coach("status")
    assert (result.returncode, result.stdout) == (
        1,
        f"foot-daily: not done yet today. {NO_STREAK}\n",
    )


def test_bad_entries_are_one_line_each_and_the_rest_of_the_plan_is_used(
    coach: RunCoach, settings: Path
) -> None:
    settings.write_text(
        "schedule:\n"
        "  - routine: foot-dayly\n"
        "  - routine: foot-daily\n"
        "    days: [dayly]\n"
        "  - routine: foot-quick\n"
        "    at: '7h30'\n"
    )
    stored(session(0, "foot-quick"))
    result = coach("status", "--json")
    assert result.stderr.splitlines() == [
        f"{settings}:2:14: no routine called 'foot-dayly' (did you mean \"foot-daily\"?);"
        " `coach list` shows them all",
        f"{settings}:4:12: `days` of `schedule` entry 2: 'dayly' is not a day; use daily,"
        ' weekdays, weekends or day names like mon, tue (did you mean "daily"?)',
        f"{settings}:6:9: `at` of `schedule` entry 3 must be a time of day from 00:00 to 23:59,"
        " got '7h30'",
    ]
    assert result.returncode == 0
    planned = json.loads(result.stdout)["planned"]
    assert planned == [{"routine": "foot-quick", "name": "Quick feet", "at": None, "done": True}]


def test_stats_json_has_twelve_monday_weeks_of_adherence_newest_last(
    coach: RunCoach, settings: Path
) -> None:
    settings.write_text("schedule:\n  - routine: foot-daily\n")
    stored(session(0, "foot-daily"), session(1, "foot-daily"), session(2, "foot-quick"))
    data = json.loads(coach("stats", "--json").stdout)
    weeks = data["adherence"]
    assert len(weeks) == 12
    mondays = [date.fromisoformat(w["week"]) for w in weeks]
    assert all(m.weekday() == 0 for m in mondays)
    assert mondays == sorted(mondays) and mondays[-1] <= TODAY < mondays[-1] + timedelta(7)
    assert sum(w["planned"] for w in weeks) == 3  # from the first session (2 days ago) to today
    assert sum(w["completed"] for w in weeks) == 2
    assert data["current_streak"] == 2  # foot-quick does not stand in for the planned routine
    text = coach("stats").stdout
    assert "Plan adherence (planned sessions completed)" in text


def test_without_a_schedule_the_words_and_streak_rule_stay(coach: RunCoach) -> None:
    stored(session(1, "foot-quick"), session(0, "foot-daily"))
    result = coach("status")
    assert (result.returncode, result.stdout) == (0, "foot-daily: done today, 2-day streak\n")
