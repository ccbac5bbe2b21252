"""Streaks: runs of days with a completed session, where planned rest days do not break a run.

The rule, precisely. A day is a calendar date: a session counts on the date it started, in its
own offset (so 23:30 counts for that evening's date wherever the history is read later). Going
forward from the first active day, each day with a completed session adds one to the run.
Within each Monday-to-Sunday week, the first `rest_days_per_week` days without one are forgiven:
they neither add to the run nor break it. Any further missed day in that same week breaks the
run (it starts again from zero). Today is pending: while it has no completed session it neither
counts nor breaks, so the current streak is then the run as it stood at the end of yesterday.
A streak is counted in active days, not calendar days.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

_DAY = timedelta(days=1)


@dataclass(frozen=True)
class Streaks:
    current: int
    longest: int


def streaks(days: Iterable[date], today: date, rest_days_per_week: int = 0) -> Streaks:
    """The current and longest streak over the active `days` (dates with a completed session)."""
    active = set(days)
    if not active:
        return Streaks(0, 0)
    # A session dated after today (a trip east, a clock set wrong) still counts.
    end = max(today if today in active else today - _DAY, max(active))
    run = longest = missed = 0
    day = min(active)
    while day <= end:
        if day.weekday() == 0:
            missed = 0
        if day in active:
            run += 1
            longest = max(longest, run)
        else:
            missed += 1
            if missed > rest_days_per_week:
                run = 0
        day += _DAY
    return Streaks(run, longest)
