"""The plan against a real (in-memory SQLite) history: today's list, which streak rule applies,
and adherence counted from the first session, with partial sessions never counted as done."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from coach.history.records import stamp
from coach.history.store import HistoryStore
from coach.history.streaks import Streaks
from coach.plan import PlanEntry, WeekAdherence
from coach.plan.entry import EVERY_DAY, daily
from coach.plan.tracking import adherence, all_done, first_not_done, plan_streak, todays_items
from tests.builders import session_record

BERLIN = ZoneInfo("Europe/Berlin")
TODAY = date(2024, 6, 12)  # a Wednesday
MORNING = PlanEntry("foot-daily", EVERY_DAY, time(7, 30))
EVENING = PlanEntry("bedtime-calves", EVERY_DAY, time(22, 0))
PLANNED = (MORNING, EVENING)
_count = iter(range(10_000))


def add(store: HistoryStore, routine: str, day: date, hour: int, status: str = "completed") -> None:
    started = stamp(datetime.combine(day, time(hour), BERLIN))
    record = session_record(
        uid=f"u{next(_count)}",
        routine_id=routine,
        routine_name=routine,
        status=status,
        started_at=started,
        ended_at=started,
    )
    store.add_sessions([record])


@pytest.fixture
def store() -> Iterator[HistoryStore]:
    with HistoryStore.in_memory() as store:
        yield store


def test_today_lists_the_plan_in_order_with_what_is_done(store: HistoryStore) -> None:
    add(store, "bedtime-calves", TODAY, 8)
    add(store, "foot-daily", TODAY, 9, status="partial")
    items = todays_items(store, PLANNED, TODAY)
    assert [(i.entry.routine, i.done) for i in items] == [
        ("foot-daily", False),
        ("bedtime-calves", True),
    ]
    assert not all_done(items)
    first = first_not_done(items)
    assert first is not None and first.entry == MORNING


def test_nothing_planned_today_is_done(store: HistoryStore) -> None:
    items = todays_items(store, [PlanEntry("long", frozenset({5, 6}))], TODAY)
    assert items == () and all_done(items) and first_not_done(items) is None


def test_with_a_schedule_the_streak_follows_the_plan(store: HistoryStore) -> None:
    for back in (1, 2):
        day = date.fromordinal(TODAY.toordinal() - back)
        add(store, "foot-daily", day, 7)
        add(store, "bedtime-calves", day, 22)
    add(store, "foot-daily", date(2024, 6, 9), 7)  # Sunday: the evening one missed
    assert plan_streak(store, PLANNED, TODAY) == Streaks(2, 2)


def test_without_a_schedule_any_completed_routine_keeps_counting(store: HistoryStore) -> None:
    """Upgrading must not change a streak: the old rule stays for `daily_routine` alone."""
    add(store, "something-else", date(2024, 6, 10), 7)
    add(store, "foot-quick", date(2024, 6, 11), 7)
    assert plan_streak(store, None, TODAY) == Streaks(2, 2)
    assert [i.done for i in todays_items(store, daily("foot-daily"), TODAY)] == [False]


def test_adherence_counts_from_the_first_session(store: HistoryStore) -> None:
    add(store, "other", date(2024, 6, 9), 12)  # a Sunday: the history begins here
    add(store, "foot-daily", date(2024, 6, 10), 7)
    add(store, "foot-daily", date(2024, 6, 12), 7, status="partial")
    weeks = adherence(store, (MORNING, EVENING), TODAY)
    assert len(weeks) == 12
    assert weeks[-2:] == [
        WeekAdherence(date(2024, 6, 3), 2, 0),
        WeekAdherence(date(2024, 6, 10), 6, 1),
    ]
    assert all(w.planned == 0 for w in weeks[:-2])


def test_sessions_count_on_their_local_day_across_the_spring_clock_change(
    store: HistoryStore,
) -> None:
    """Berlin moves its clocks on Sunday 2024-03-31. Midnight that night is still Saturday in
    UTC, and 23:00 on Monday is 21:00 UTC: each counts on its own local day, in its own week."""
    saturday, sunday, monday = date(2024, 3, 30), date(2024, 3, 31), date(2024, 4, 1)
    assert stamp(datetime(2024, 3, 31, 0, 0, tzinfo=BERLIN)).endswith("+01:00")  # 23:00Z Sat
    add(store, "foot-daily", saturday, 23)
    add(store, "foot-daily", sunday, 0)
    add(store, "foot-daily", monday, 23)
    plan = (PlanEntry("foot-daily", EVERY_DAY, time(7, 30)),)
    assert plan_streak(store, plan, monday) == Streaks(3, 3)
    items = todays_items(store, plan, sunday)
    assert [i.done for i in items] == [True]
    week_of_change, next_week = adherence(store, plan, monday, weeks=2)
    assert (week_of_change.week, week_of_change.planned, week_of_change.completed) == (
        date(2024, 3, 25),
        2,
        2,
    )
    assert (next_week.week, next_week.planned, next_week.completed) == (monday, 1, 1)


def test_a_week_with_nothing_to_count_is_not_called_unplanned() -> None:
    """Bug: the Stats screen labelled every week before the first session "nothing planned",
    under a daily plan; those weeks are only not counted yet (README: "weeks before your first
    session are empty"), so they read "—" as in the minutes chart beside them."""
    from coach.plan.progress import adherence_text

    assert adherence_text(WeekAdherence(date(2026, 5, 4), 0, 0)) == "—"
    assert adherence_text(WeekAdherence(date(2026, 5, 11), 6, 3)) == "3 of 6 planned (50%)"
