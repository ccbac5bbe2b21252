"""The weekly plan's rules: a day's plan and its order, done-ness, streaks with planned and
unplanned days, adherence per week, and when reminders come round across clock changes."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coach.history.streaks import Streaks, streaks
from coach.plan import (
    PlanEntry,
    WeekAdherence,
    day_plan,
    due,
    next_reminders,
    plan_for_day,
    plan_streaks,
    weekly_adherence,
)
from coach.plan.entry import EVERY_DAY, check_routines

MON, TUE, WED, THU, FRI, SAT, SUN = range(7)
# 2024-06-03 is a Monday.
MONDAY = date(2024, 6, 3)


def day(offset: int) -> date:
    return MONDAY + timedelta(days=offset)


def entry(routine: str, *days: int, at: str | None = None) -> PlanEntry:
    clock = None if at is None else time.fromisoformat(at)
    return PlanEntry(routine, frozenset(days) if days else EVERY_DAY, clock)


MORNING = entry("foot-daily", at="07:30")
EVENING = entry("bedtime-calves", at="22:00")
MWF = entry("calf-stretch", MON, WED, FRI)


# -- a day's plan ----------------------------------------------------------------------------


def test_a_days_plan_is_its_entries_timed_first_by_time_then_untimed_in_file_order() -> None:
    anytime_a, anytime_b = entry("a"), entry("b")
    plan = [anytime_a, EVENING, MWF, MORNING, anytime_b]
    assert plan_for_day(plan, day(MON)) == [MORNING, EVENING, anytime_a, MWF, anytime_b]
    assert plan_for_day(plan, day(TUE)) == [MORNING, EVENING, anytime_a, anytime_b]


def test_a_day_with_nothing_planned_has_an_empty_plan() -> None:
    assert plan_for_day([MWF], day(SUN)) == []
    assert day_plan([MWF], day(SUN), [("calf-stretch", day(SUN))]) == []


def test_an_entry_is_done_by_a_completed_session_of_its_routine_that_day() -> None:
    plan = [MORNING, EVENING]
    done = [("foot-daily", day(MON)), ("bedtime-calves", day(TUE)), ("other", day(MON))]
    items = day_plan(plan, day(MON), done)
    assert [(i.entry.routine, i.done) for i in items] == [
        ("foot-daily", True),
        ("bedtime-calves", False),
    ]


def test_a_routine_planned_twice_a_day_needs_two_sessions_and_the_earlier_is_done_first() -> None:
    twice = [entry("foot-daily", at="07:00"), entry("foot-daily", at="19:00")]
    once = day_plan(twice, day(MON), [("foot-daily", day(MON))])
    assert [i.done for i in once] == [True, False]
    both = day_plan(twice, day(MON), [("foot-daily", day(MON))] * 2)
    assert [i.done for i in both] == [True, True]


def test_due_holds_what_is_not_done_and_whose_time_has_come() -> None:
    anytime = entry("anytime")
    items = day_plan([MORNING, EVENING, anytime], day(MON), [])
    assert [i.entry for i in due(items, time(7, 0))] == [anytime]
    assert [i.entry for i in due(items, time(7, 30))] == [MORNING, anytime]
    assert [i.entry for i in due(items, None)] == [MORNING, EVENING, anytime]
    done = day_plan([MORNING], day(MON), [("foot-daily", day(MON))])
    assert due(done, time(23, 0)) == []


# -- streaks --------------------------------------------------------------------------------


def sessions(routine: str, *offsets: int) -> list[tuple[str, date]]:
    return [(routine, day(o)) for o in offsets]


@pytest.mark.parametrize(
    ("why", "plan", "done", "today", "rest", "expected"),
    [
        ("nothing done", [MORNING], [], 3, 0, Streaks(0, 0)),
        ("three planned days done", [MORNING], sessions("foot-daily", 0, 1, 2), 2, 0,
         Streaks(3, 3)),
        ("today pending keeps yesterday's run", [MORNING], sessions("foot-daily", 0, 1), 2, 0,
         Streaks(2, 2)),
        ("a missed planned day breaks", [MORNING], sessions("foot-daily", 0, 2, 3), 3, 0,
         Streaks(2, 2)),
        ("an unplanned day neither counts nor breaks", [MWF],
         sessions("calf-stretch", 0, 2, 4, 7), 7, 0, Streaks(4, 4)),
        ("a session on an unplanned day does not count", [MWF],
         sessions("calf-stretch", 0, 1, 2), 2, 0, Streaks(2, 2)),
        ("a day counts only when every planned routine is done", [MORNING, EVENING],
         sessions("foot-daily", 0, 1, 2) + sessions("bedtime-calves", 0, 2), 2, 0,
         Streaks(1, 1)),
        ("another routine does not stand in for the planned one", [MORNING],
         sessions("other", 0, 1, 2), 2, 0, Streaks(0, 0)),
        ("a rest day a week is forgiven", [MORNING], sessions("foot-daily", 0, 1, 3, 4), 4, 1,
         Streaks(4, 4)),
        ("a second miss in the week breaks despite one rest day", [MORNING],
         sessions("foot-daily", 0, 2, 4, 5), 5, 1, Streaks(2, 2)),
        ("rest days are counted per Monday week", [MORNING],
         sessions("foot-daily", 0, 1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12), 12, 1,
         Streaks(12, 12)),
        ("a missed Wednesday in a Mon/Wed/Fri plan breaks", [MWF],
         sessions("calf-stretch", 0, 4, 7), 7, 0, Streaks(2, 2)),
        ("the longest run is kept", [MORNING], sessions("foot-daily", 0, 1, 2, 3, 5), 6, 0,
         Streaks(1, 4)),
    ],
)  # fmt: skip
def test_plan_streaks(
    why: str,
    plan: list[PlanEntry],
    done: list[tuple[str, date]],
    today: int,
    rest: int,
    expected: Streaks,
) -> None:
    assert plan_streaks(plan, done, day(today), rest) == expected, why


def test_a_week_with_nothing_planned_does_not_break_a_streak_across_it() -> None:
    weekends = entry("weekend-long", SAT, SUN)
    done = sessions("weekend-long", 5, 6, 12, 13)
    assert plan_streaks([weekends], done, day(14)) == Streaks(4, 4)


def test_an_empty_plan_has_no_streak() -> None:
    assert plan_streaks([], sessions("foot-daily", 0, 1), day(1)) == Streaks(0, 0)


# -- adherence --------------------------------------------------------------------------------


def test_adherence_counts_planned_and_completed_per_monday_week_newest_last() -> None:
    plan = [MORNING, MWF]  # 7 + 3 a week
    done = sessions("foot-daily", 0, 1, 2, 3, 4, 5, 6, 7) + sessions("calf-stretch", 0, 9)
    weeks = weekly_adherence(plan, done, today=day(9), weeks=3)
    assert [w.week for w in weeks] == [day(-7), day(0), day(7)]
    assert [w.week.weekday() for w in weeks] == [MON] * 3
    # This week: Monday to today (Wednesday) planned, foot-daily done Monday, calf Wednesday.
    assert weeks[-1] == WeekAdherence(day(7), 3 + 2, 2)
    assert weeks[1] == WeekAdherence(day(0), 10, 8)


def test_adherence_counts_a_routine_once_per_planned_entry_and_ignores_unplanned_sessions() -> None:
    done = sessions("foot-daily", 0, 0, 0) + sessions("calf-stretch", 1)  # Tuesday: unplanned
    (week,) = weekly_adherence([MORNING, MWF], done, today=day(6), weeks=1)
    assert week == WeekAdherence(day(0), 10, 1)


def test_adherence_before_the_history_began_is_empty_and_twelve_weeks_by_default() -> None:
    weeks = weekly_adherence([MORNING], [], today=day(20), since=day(13))
    assert len(weeks) == 12
    assert [(w.planned, w.completed) for w in weeks[:-2]] == [(0, 0)] * 10
    assert (weeks[-2].planned, weeks[-1].planned) == (1, 7)  # Sunday of week 2, then week 3
    assert weeks[-1].to_json() == {"week": "2024-06-17", "planned": 7, "completed": 0}


def test_adherence_of_a_week_with_nothing_planned_is_zero_of_zero() -> None:
    (week,) = weekly_adherence([entry("weekend", SAT, SUN)], [], today=day(4), weeks=1)
    assert week == WeekAdherence(day(0), 0, 0)


# -- reminders --------------------------------------------------------------------------------

BERLIN = ZoneInfo("Europe/Berlin")


def at(zone: ZoneInfo, *fields: int) -> datetime:
    return datetime(*fields, tzinfo=zone)  # type: ignore[misc]


def test_next_reminders_are_the_next_planned_day_at_the_time_soonest_first() -> None:
    now = at(BERLIN, 2024, 6, 5, 12, 0)  # a Wednesday noon
    found = next_reminders([MORNING, EVENING, MWF, entry("fri", FRI, at="06:00")], now, BERLIN)
    assert [(r.entry.routine, r.at) for r in found] == [
        ("bedtime-calves", at(BERLIN, 2024, 6, 5, 22, 0)),
        ("foot-daily", at(BERLIN, 2024, 6, 6, 7, 30)),
        ("fri", at(BERLIN, 2024, 6, 7, 6, 0)),
    ]  # the untimed entry has no reminder


def test_a_reminder_at_this_very_minute_is_next_week_for_a_weekly_entry() -> None:
    weekly = entry("fri", FRI, at="06:00")
    now = at(BERLIN, 2024, 6, 7, 6, 0)
    (found,) = next_reminders([weekly], now, BERLIN)
    assert found.at == at(BERLIN, 2024, 6, 14, 6, 0)


def test_a_reminder_keeps_its_wall_clock_time_across_the_spring_change() -> None:
    """Clocks go forward in Berlin on 2024-03-31 at 02:00: 07:30 stays 07:30, at +02:00."""
    now = at(BERLIN, 2024, 3, 30, 8, 0)
    (found,) = next_reminders([MORNING], now, BERLIN)
    assert found.at == at(BERLIN, 2024, 3, 31, 7, 30)
    assert found.at.utcoffset() == timedelta(hours=2)
    assert found.at.astimezone(UTC) - now.astimezone(UTC) == timedelta(
        hours=22, minutes=30
    )  # one hour fewer than a day


def test_a_time_the_clocks_skip_comes_when_they_reach_it() -> None:
    (found,) = next_reminders([entry("night", at="02:30")], at(BERLIN, 2024, 3, 31, 1, 0), BERLIN)
    assert found.at.astimezone(UTC) == datetime(2024, 3, 31, 1, 30, tzinfo=UTC)
    assert (found.at.hour, found.at.minute) == (3, 30)


def test_a_time_that_happens_twice_comes_the_first_time() -> None:
    """Clocks go back in Berlin on 2024-10-27 at 03:00: 02:30 happens at +02:00 then +01:00."""
    (found,) = next_reminders([entry("night", at="02:30")], at(BERLIN, 2024, 10, 27, 0, 0), BERLIN)
    assert found.at.utcoffset() == timedelta(hours=2)


def test_across_the_autumn_change_the_day_is_an_hour_longer() -> None:
    now = at(BERLIN, 2024, 10, 26, 22, 0)
    (found,) = next_reminders([EVENING], now, BERLIN)
    assert found.at.astimezone(UTC) - now.astimezone(UTC) == timedelta(hours=25)


def test_without_a_zone_reminders_follow_the_machines_clock(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import time as clock

    monkeypatch.setenv("TZ", "America/New_York")
    clock.tzset()
    try:
        now = datetime(2024, 3, 9, 12, 0).astimezone()
        (found,) = next_reminders([MORNING], now)
        assert found.at.isoformat() == "2024-03-10T07:30:00-04:00"
    finally:
        monkeypatch.undo()
        clock.tzset()


# -- routine ids ------------------------------------------------------------------------------


def test_unknown_routines_are_left_out_with_their_place_and_a_guess() -> None:
    good = PlanEntry("foot-daily", EVERY_DAY, origin=("s.yaml", 2, 14))
    typo = PlanEntry("foot-dayly", EVERY_DAY, origin=("s.yaml", 5, 14))
    kept, problems = check_routines([good, typo], {"foot-daily", "foot-quick"})
    assert kept == (good,)
    assert [str(p) for p in problems] == [
        "s.yaml:5:14: no routine called 'foot-dayly' (did you mean \"foot-daily\"?);"
        " `coach list` shows them all"
    ]


# -- properties -------------------------------------------------------------------------------

days_done = st.sets(st.integers(min_value=0, max_value=60).map(lambda n: day(30 - n)))
weekday_sets = st.frozensets(st.integers(min_value=0, max_value=6), min_size=1)


@given(days_done, st.integers(min_value=0, max_value=6))
def test_a_one_routine_daily_plan_keeps_the_streak_rule_of_active_days(
    done: set[date], rest: int
) -> None:
    """Every day planned, one routine: the plan's streak is the history's streak of that routine."""
    pairs = [("foot-daily", d) for d in done]
    assert plan_streaks([MORNING], pairs, day(30), rest) == streaks(done, day(30), rest)


@given(weekday_sets, days_done, st.integers(min_value=0, max_value=5))
def test_more_rest_days_never_shorten_a_plan_streak(
    days: frozenset[int], done: set[date], rest: int
) -> None:
    plan = [PlanEntry("r", days, time(8, 0))]
    pairs = [("r", d) for d in done]
    fewer, more = (
        plan_streaks(plan, pairs, day(30), rest),
        plan_streaks(plan, pairs, day(30), rest + 1),
    )
    assert fewer.current <= more.current and fewer.longest <= more.longest


@given(weekday_sets, days_done)
def test_sessions_on_unplanned_days_change_nothing(days: frozenset[int], done: set[date]) -> None:
    plan = [PlanEntry("r", days, time(8, 0))]
    planned_only = [("r", d) for d in done if d.weekday() in days]
    everything = [("r", d) for d in done]
    assert plan_streaks(plan, everything, day(30)) == plan_streaks(plan, planned_only, day(30))
    weekly = weekly_adherence(plan, everything, day(30), weeks=6)
    assert weekly == weekly_adherence(plan, planned_only, day(30), weeks=6)
    assert all(0 <= w.completed <= w.planned for w in weekly)


def test_every_name_the_plan_package_offers_is_found_where_it_says() -> None:
    """`coach.plan` loads its parts on first use: its names are written in its type-only
    imports, its table of homes and `__all__`. A name missing from the table would pass the
    type checker and fail only when first used."""
    import coach.plan

    for name in coach.plan.__all__:
        assert getattr(coach.plan, name) is not None, name
