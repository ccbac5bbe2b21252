"""Cramps next to routine sessions over time: pure functions over lists of dates.

Two views, for the Stats screen, `coach cramp trends` and `coach cramp list`:

- Weekly counts: cramps and completed routine sessions in each of the last 12 Monday-to-Sunday
  weeks, the last being the week holding today.
- Before and after: cramps in the last 4 weeks (today and the 27 days before it) against the
  4 weeks (28 days) just before the day the person *started regularly*.

"Started regularly" is, precisely: the first active day D (a date with a completed routine
session) such that at least 4 of the 7 days from D to D + 6 are active. The comparison is only
made when both periods are fully known: the last 4 weeks lie wholly on or after D, and the diary
(its first cramp or session) starts on or before D - 28. Otherwise it says what is missing.

The words report counts side by side and never claim that one caused the other.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Literal

from coach import text
from coach.history.weeks import week_start

WEEKS_SHOWN = 12
#: A first run of `REGULAR_DAYS` active days within `REGULAR_WINDOW_DAYS` days marks the start.
REGULAR_DAYS, REGULAR_WINDOW_DAYS = 4, 7
#: The length of each compared period: 4 weeks.
PERIOD_DAYS = 28

ComparisonState = Literal["no-cramps", "not-regular-yet", "too-soon", "no-diary-before", "compared"]


@dataclass(frozen=True)
class WeekCount:
    start: date  # the Monday
    cramps: int
    sessions: int  # completed routine sessions


@dataclass(frozen=True)
class Comparison:
    """Cramps in the last 4 weeks, and in the 4 weeks before the regular start when known."""

    state: ComparisonState
    recent: int
    before: int | None  # None unless `state == "compared"`
    regular_start: date | None
    diary_start: date | None

    @property
    def recent_per_week(self) -> float:
        return self.recent * 7 / PERIOD_DAYS

    @property
    def before_per_week(self) -> float | None:
        return None if self.before is None else self.before * 7 / PERIOD_DAYS

    def sentence(self) -> str:
        """The comparison in plain words."""
        recent = f"{text.plural(self.recent, 'cramp')} in the last 4 weeks"
        start = self.regular_start
        if self.state == "no-cramps":
            return "No cramps logged yet."
        if self.state == "not-regular-yet":
            return (
                f"{recent}. Once you have done a routine on {REGULAR_DAYS} days within a week,"
                " coach can set this beside the 4 weeks before you started."
            )
        assert start is not None
        if self.state == "too-soon":
            ready = start + timedelta(days=PERIOD_DAYS - 1)
            return (
                f"{recent}. You started regularly on {_day(start)}; from {_day(ready)} there"
                " will be 4 full weeks to set beside the 4 weeks before."
            )
        if self.state == "no-diary-before":
            return (
                f"{recent}. Your diary begins less than 4 weeks before you started regularly"
                f" on {_day(start)}, so there is nothing to set it beside."
            )
        return (
            f"{recent} ({self.recent_per_week:.1f} a week), {self.before} in the 4 weeks before"
            f" you started regularly on {_day(start)} ({self.before_per_week:.1f} a week)."
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "state": self.state,
            "recent": self.recent,
            "recent_per_week": round(self.recent_per_week, 2),
            "before": self.before,
            "before_per_week": (
                None if self.before_per_week is None else round(self.before_per_week, 2)
            ),
            "regular_start": None if self.regular_start is None else self.regular_start.isoformat(),
            "diary_start": None if self.diary_start is None else self.diary_start.isoformat(),
            "sentence": self.sentence(),
        }


@dataclass(frozen=True)
class CrampTrends:
    weeks: tuple[WeekCount, ...]
    comparison: Comparison

    def to_json(self) -> dict[str, Any]:
        return {
            "weeks": [
                {"start": w.start.isoformat(), "cramps": w.cramps, "sessions": w.sessions}
                for w in self.weeks
            ],
            "comparison": self.comparison.to_json(),
        }


def _day(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def weekly_counts(
    cramp_days: Iterable[date], session_days: Iterable[date], today: date, weeks: int = WEEKS_SHOWN
) -> list[WeekCount]:
    """Cramps and sessions in each of the last `weeks` weeks, oldest first, empty weeks as 0.

    Each date in the inputs is one cramp or one completed session.
    """
    if weeks <= 0:
        return []
    first = week_start(today) - timedelta(weeks=weeks - 1)
    cramps = Counter(week_start(d) for d in cramp_days)
    sessions = Counter(week_start(d) for d in session_days)
    starts = [first + timedelta(weeks=n) for n in range(weeks)]
    return [WeekCount(start, cramps[start], sessions[start]) for start in starts]


def regular_start(session_days: Iterable[date]) -> date | None:
    """The first active day that opens 7 days holding at least 4 active days; None if none."""
    active = sorted(set(session_days))
    needed = REGULAR_DAYS - 1
    for i, day in enumerate(active):
        if i + needed < len(active) and active[i + needed] - day < timedelta(
            days=REGULAR_WINDOW_DAYS
        ):
            return day
    return None


def compare(cramp_days: Sequence[date], session_days: Sequence[date], today: date) -> Comparison:
    """The last 4 weeks against the 4 weeks before the regular start, when both are known."""
    recent_from = today - timedelta(days=PERIOD_DAYS - 1)
    recent = sum(recent_from <= d <= today for d in cramp_days)
    start = regular_start(session_days)
    known = [min(days) for days in (cramp_days, session_days) if days]
    diary_start = min(known) if known else None

    def result(state: ComparisonState, before: int | None = None) -> Comparison:
        return Comparison(state, recent, before, start, diary_start)

    if not cramp_days:
        return result("no-cramps")
    if start is None:
        return result("not-regular-yet")
    if recent_from < start:
        return result("too-soon")
    before_from = start - timedelta(days=PERIOD_DAYS)
    if diary_start is None or diary_start > before_from:
        return result("no-diary-before")
    return result("compared", sum(before_from <= d < start for d in cramp_days))


def cramp_trends(
    cramp_days: Sequence[date], session_days: Sequence[date], today: date
) -> CrampTrends:
    """Both views at once, as of `today`."""
    return CrampTrends(
        tuple(weekly_counts(cramp_days, session_days, today)),
        compare(cramp_days, session_days, today),
    )
