"""Stats queries on fixed dates, with sessions in several offsets and across a DST change."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from builders import session_record, step_record

from coach.history.records import SessionRecord, StepRecord, stamp
from coach.history.stats import (
    ExerciseTotal,
    active_days,
    day_counts,
    exercise_totals,
    summary,
    today_status,
    week_start,
    weekly_minutes,
)
from coach.history.store import HistoryStore

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")
TODAY = date(2024, 5, 15)  # a Wednesday
_uids = itertools.count()


def when(
    year: int, month: int, day: int, hour: int, minute: int = 0, zone: ZoneInfo = LONDON
) -> str:
    return stamp(datetime(year, month, day, hour, minute, tzinfo=zone))


def step(
    name: str, *, reps: int | None = None, actual_s: float = 30.0, status: str = "done"
) -> StepRecord:
    moment = when(2024, 5, 1, 7)
    return step_record(
        index=next(_uids),
        name=name,
        set=1,
        sets=1,
        reps=reps,
        actual_s=actual_s,
        status=status,
        started_at=moment,
        ended_at=moment,
    )


def session(
    started_at: str,
    *,
    routine: str = "feet",
    status: str = "completed",
    source: str = "app",
    active_s: float = 600.0,
    steps: tuple[StepRecord, ...] = (),
) -> SessionRecord:
    return session_record(
        uid=f"u{next(_uids)}",
        routine_id=routine,
        routine_name=routine.title(),
        source=source,
        status=status,
        started_at=started_at,
        ended_at=started_at,
        active_s=active_s,
        steps=steps,
    )


@pytest.fixture
def store() -> Iterator[HistoryStore]:
    with HistoryStore.in_memory() as store:
        yield store


def test_a_session_counts_on_its_own_local_date(store: HistoryStore) -> None:
    store.add_sessions(
        [
            # 00:30 BST on 15 May is still 14 May in UTC: it is the 15th.
            session(when(2024, 5, 15, 0, 30)),
            # 23:30 in New York on 13 May is the 14th in UTC: it is the 13th.
            session(when(2024, 5, 13, 23, 30, zone=NEW_YORK)),
            session(when(2024, 5, 12, 23, 30)),
        ]
    )
    assert active_days(store) == [date(2024, 5, 12), date(2024, 5, 13), date(2024, 5, 15)]


def test_days_around_the_daylight_saving_change_stay_consecutive(store: HistoryStore) -> None:
    # London moved from GMT to BST at 01:00 UTC on 31 March 2024.
    store.add_sessions(
        [
            session(when(2024, 3, 30, 23, 30)),  # +00:00
            session(when(2024, 3, 31, 0, 30)),  # +00:00, before the change
            session(when(2024, 3, 31, 23, 30)),  # +01:00, 22:30 UTC
            session(when(2024, 4, 1, 0, 30)),  # +01:00, still 31 March in UTC
        ]
    )
    assert day_counts(store, date(2024, 3, 29), date(2024, 4, 2)) == {
        date(2024, 3, 30): 1,
        date(2024, 3, 31): 2,
        date(2024, 4, 1): 1,
    }
    stats = summary(store, date(2024, 4, 1))
    assert (stats.current_streak, stats.longest_streak, stats.days_active) == (3, 3, 3)


def test_day_counts_take_completed_sessions_within_the_range(store: HistoryStore) -> None:
    store.add_sessions(
        [
            session(when(2024, 5, 10, 7)),
            session(when(2024, 5, 10, 19), routine="calves"),
            session(when(2024, 5, 11, 7), status="partial"),
            session(when(2024, 5, 12, 7)),
            session(when(2024, 5, 20, 7)),
        ]
    )
    assert day_counts(store, date(2024, 5, 10), date(2024, 5, 12)) == {
        date(2024, 5, 10): 2,
        date(2024, 5, 12): 1,
    }


def test_weekly_minutes_are_per_monday_week_with_empty_weeks_as_zero(store: HistoryStore) -> None:
    store.add_sessions(
        [
            session(when(2024, 4, 28, 7), active_s=6000),  # a Sunday: the week of 22 April
            session(when(2024, 5, 6, 7), active_s=600),  # Monday of the week of 6 May
            session(when(2024, 5, 12, 23, 30), active_s=300, status="partial"),  # its Sunday
            session(when(2024, 5, 13, 7), active_s=120),  # this week
            session(when(2024, 5, 19, 7), active_s=60),  # this week's Sunday, a test clock
        ]
    )
    assert weekly_minutes(store, 3, TODAY) == [
        (date(2024, 4, 29), 0.0),
        (date(2024, 5, 6), 15.0),
        (date(2024, 5, 13), 3.0),
    ]
    assert weekly_minutes(store, 0, TODAY) == []


@pytest.mark.parametrize(
    ("day", "expected"),
    [(date(2024, 5, 13), date(2024, 5, 13)), (date(2024, 5, 19), date(2024, 5, 13))],
)
def test_week_start_is_the_monday(day: date, expected: date) -> None:
    assert week_start(day) == expected


def test_today_status_wants_a_completed_session_of_that_routine_that_day(
    store: HistoryStore,
) -> None:
    store.add_sessions(
        [
            session(when(2024, 5, 15, 7), status="partial"),
            session(when(2024, 5, 15, 8), routine="calves"),
            session(when(2024, 5, 14, 23, 59)),
        ]
    )
    assert not today_status(store, "feet", TODAY)
    assert today_status(store, "calves", TODAY)
    store.add_sessions([session(when(2024, 5, 15, 21))])
    assert today_status(store, "feet", TODAY)


def test_exercise_totals_count_done_steps_only(store: HistoryStore) -> None:
    store.add_sessions(
        [
            session(
                when(2024, 5, 14, 7),
                steps=(
                    step("Calf raise", reps=10, actual_s=60),
                    step("Calf raise", reps=10, actual_s=61),
                    step("Calf stretch", actual_s=30),
                    step("Calf stretch", actual_s=5, status="skipped"),
                ),
            ),
            session(when(2024, 5, 15, 7), steps=(step("Toe splay", reps=5, actual_s=20),)),
        ]
    )
    assert exercise_totals(store) == [
        ExerciseTotal("Calf raise", 2, 20, 121.0),
        ExerciseTotal("Calf stretch", 1, 0, 30.0),
        ExerciseTotal("Toe splay", 1, 5, 20.0),
    ]


def test_summary_puts_it_all_together(store: HistoryStore) -> None:
    store.add_sessions(
        [
            session(when(2024, 5, 1, 7)),
            session(when(2024, 5, 2, 7)),
            session(when(2024, 5, 3, 7)),
            session(when(2024, 5, 9, 7), status="partial", active_s=100),
            session(when(2024, 5, 13, 7), source="logged"),
            session(when(2024, 5, 14, 7), steps=(step("Calf raise", reps=8, actual_s=48),)),
        ]
    )
    stats = summary(store, TODAY, rest_days_per_week=0)
    assert stats.to_json() == {
        "current_streak": 2,
        "longest_streak": 3,
        "days_active": 5,
        "sessions_completed": 5,
        "sessions_played": 5,
        "sessions_played_completed": 4,  # the logged one is completed, but not played here
        "total_active_s": 5 * 600.0 + 100.0,
        "this_week_min": 20.0,
        "last_week_min": 100 / 60,
        "completion_rate": 4 / 5,
        "rest_days_per_week": 0,
        "exercises": [{"name": "Calf raise", "sets": 1, "reps": 8, "seconds": 48.0}],
    }


def test_summary_of_an_empty_history(store: HistoryStore) -> None:
    stats = summary(store, TODAY)
    assert (stats.current_streak, stats.sessions_completed, stats.total_active_s) == (0, 0, 0.0)
    assert stats.completion_rate is None and stats.exercises == ()


def test_sessions_stored_before_the_completed_rule_keep_their_status(store: HistoryStore) -> None:
    """Issue #11: the rule applies from now on; history is never rewritten. A session an older
    coach stored as completed with every step skipped still counts as it was saved."""
    skipped = tuple(step("Calf raise", reps=10, actual_s=1, status="skipped") for _ in range(3))
    store.add_sessions([session(when(2024, 5, 14, 7), steps=skipped)])
    [kept] = store.sessions()
    assert kept.status == "completed"
    stats = summary(store, TODAY)
    assert (stats.sessions_completed, stats.current_streak) == (1, 1)
