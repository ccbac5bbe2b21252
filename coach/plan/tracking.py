"""The plan held against the history: today's list with done-ness, the streak and adherence.

Streaks follow the plan when the settings have a `schedule:`; with only `daily_routine` (or
nothing) they keep the rule coach always had, where any completed routine counts for its day,
so nobody's streak changes under them by upgrading.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from coach.history.stats import Stats, active_days, completed_pairs, first_day, summary
from coach.history.store import HistoryStore
from coach.history.streaks import Streaks, streaks
from coach.plan.entry import PlanEntry
from coach.plan.progress import PlannedItem, WeekAdherence, day_plan, plan_streaks, weekly_adherence

ADHERENCE_WEEKS = 12


def plan_streak(
    store: HistoryStore,
    schedule: Sequence[PlanEntry] | None,
    today: date,
    rest_days_per_week: int = 0,
) -> Streaks:
    """Current and longest streak: under `schedule`, or with None (no `schedule:` in the
    settings) under the rule of any completed routine a day."""
    if schedule is None:
        return streaks(active_days(store), today, rest_days_per_week)
    return plan_streaks(schedule, completed_pairs(store), today, rest_days_per_week)


def plan_summary(
    store: HistoryStore,
    schedule: Sequence[PlanEntry] | None,
    today: date,
    rest_days_per_week: int = 0,
) -> Stats:
    """`coach stats`' figures with the streaks counted under the plan."""
    stats = summary(store, today, rest_days_per_week)
    if schedule is None:
        return stats
    streak = plan_streak(store, schedule, today, rest_days_per_week)
    return replace(stats, current_streak=streak.current, longest_streak=streak.longest)


def todays_items(
    store: HistoryStore, plan: Sequence[PlanEntry], today: date
) -> tuple[PlannedItem, ...]:
    """Today's entries in order, each with whether it is done."""
    return tuple(day_plan(plan, today, completed_pairs(store, since=today)))


def all_done(items: Sequence[PlannedItem]) -> bool:
    """Everything planned is done (also when nothing is planned)."""
    return all(item.done for item in items)


def first_not_done(items: Sequence[PlannedItem]) -> PlannedItem | None:
    return next((item for item in items if not item.done), None)


def adherence(
    store: HistoryStore, plan: Sequence[PlanEntry], today: date, weeks: int = ADHERENCE_WEEKS
) -> list[WeekAdherence]:
    """Planned and completed entries per Monday week, counted from the person's first session."""
    since = today - timedelta(weeks=weeks, days=today.weekday())
    return weekly_adherence(
        plan, completed_pairs(store, since=since), today, weeks, since=first_day(store) or today
    )
