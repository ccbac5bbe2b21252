"""The plan held against the history: today's list with done-ness, the streak and adherence.

Streaks follow the plan when the settings have a `schedule:`; with only `daily_routine` (or
nothing) they keep the rule coach always had, where any completed routine counts for its day,
so nobody's streak changes under them by upgrading.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from coach.history.stats import active_days, completed_pairs, first_day
from coach.history.store import HistoryStore
from coach.history.streaks import Streaks, streaks
from coach.plan.entry import PlanEntry
from coach.plan.progress import PlannedItem, WeekAdherence, day_plan, plan_streaks, weekly_adherence
from coach.settings import Settings

ADHERENCE_WEEKS = 12


@dataclass(frozen=True)
class TodayPlan:
    """Today's plan and where the person stands."""

    day: date
    items: tuple[PlannedItem, ...]
    streak: int

    @property
    def done(self) -> bool:
        """Everything planned today is done (also when nothing is planned)."""
        return all(item.done for item in self.items)

    def first_not_done(self) -> PlannedItem | None:
        return next((item for item in self.items if not item.done), None)


def plan_streak(
    store: HistoryStore, settings: Settings, today: date, plan: tuple[PlanEntry, ...] | None = None
) -> Streaks:
    """Current and longest streak under the plan (see the module's note on which rule)."""
    rest = settings.rest_days_per_week
    if settings.schedule is None:
        return streaks(active_days(store), today, rest)
    return plan_streaks(
        settings.schedule if plan is None else plan, completed_pairs(store), today, rest
    )


def today_plan(
    store: HistoryStore, settings: Settings, today: date, plan: tuple[PlanEntry, ...] | None = None
) -> TodayPlan:
    """Today's entries with done-ness, and the current streak.

    `plan` is the plan after checking its routines exist (default: the settings' plan).
    """
    plan = settings.plan if plan is None else plan
    done = completed_pairs(store, since=today)
    items = tuple(day_plan(plan, today, done))
    return TodayPlan(today, items, plan_streak(store, settings, today, plan).current)


def adherence(
    store: HistoryStore, plan: tuple[PlanEntry, ...], today: date, weeks: int = ADHERENCE_WEEKS
) -> list[WeekAdherence]:
    """Planned and completed entries per Monday week, counted from the person's first session."""
    since = today - timedelta(weeks=weeks, days=today.weekday())
    return weekly_adherence(
        plan, completed_pairs(store, since=since), today, weeks, since=first_day(store) or today
    )
