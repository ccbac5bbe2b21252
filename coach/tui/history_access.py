"""How the screens reach the history: what time it is, how streaks count, and a read that turns
any failure into words. Small on purpose: home's first frame holds one of these, and the
history's own modules load with the first read, in a worker.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Generic, TypeVar

from coach.history import WallClock, local_now

if TYPE_CHECKING:
    from coach.history.store import HistoryStore
    from coach.plan import PlanEntry

log = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass(frozen=True)
class HistoryAccess:
    """What time it is and how streaks count, for every history read: tests fix the time.

    The history is `history.db` in the data folder; reading it never creates the file.
    """

    wall_clock: WallClock = local_now
    rest_days_per_week: int = 0
    #: The weekly plan from `schedule:` (routines checked); None when the settings have none,
    #: so the daily routine is the plan and any completed routine keeps a streak.
    schedule: tuple[PlanEntry, ...] | None = None
    #: None when the settings name a daily routine there is none of: nothing is planned, as
    #: `coach status` and `coach nudge` have it (`Settings.checked_plan`).
    daily_routine: str | None = "foot-daily"

    def plan(self) -> tuple[PlanEntry, ...]:
        """The schedule, else the daily routine every day."""
        from coach.plan import daily

        if self.schedule is not None:
            return self.schedule
        return daily(self.daily_routine) if self.daily_routine is not None else ()

    def streak(self, store: HistoryStore, today: date) -> int:
        from coach.plan.tracking import plan_streak

        return plan_streak(store, self.schedule, today, self.rest_days_per_week).current

    def now(self) -> datetime:
        moment = self.wall_clock()
        return moment if moment.tzinfo is not None else moment.astimezone()

    def today(self) -> date:
        return self.now().date()

    def open(self) -> HistoryStore:
        from coach.history.store import HistoryStore

        return HistoryStore.open(create=False)


@dataclass(frozen=True)
class Read(Generic[T]):
    """What a read gave: the value, or why there is none, and notices to pass on once."""

    value: T | None
    problem: str = ""
    notices: tuple[str, ...] = ()


def read(access: HistoryAccess, body: Callable[[HistoryStore], T]) -> Read[T]:
    """Run `body` on the history; a problem to show instead of an exception to crash on.

    Meant for thread workers, where an exception would end the app: whatever goes wrong is
    logged and described instead. Looking at history is never worth losing a session over.
    """
    try:
        with access.open() as store:
            value = body(store)
            return Read(value, notices=tuple(store.notices))
    except Exception as exc:
        log.exception("reading the history failed")
        return Read(None, problem=f"History is not available: {exc}")
