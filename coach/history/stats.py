"""Stats over the history, for `coach stats`, `coach status` and the screens.

Every aggregate is one SQL query served by an index (see `coach.history.schema`), so ten years
of daily sessions stay instant; only the streak walk over active days runs in Python.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from coach.history.store import HistoryStore
from coach.history.streaks import streaks
from coach.history.weeks import week_start as week_start  # re-exported: its old home


@dataclass(frozen=True)
class ExerciseTotal:
    name: str
    sets: int  # work segments done (a set done on both sides counts twice)
    reps: int
    seconds: float


@dataclass(frozen=True)
class Stats:
    current_streak: int
    longest_streak: int
    days_active: int
    sessions_completed: int
    sessions_played: int  # sessions started in coach (logged ones are not played here)
    sessions_played_completed: int  # of those, the completed ones: the completion rate's part
    total_active_s: float
    this_week_min: float
    last_week_min: float
    #: sessions_played_completed / sessions_played; None before any session was played
    completion_rate: float | None
    exercises: tuple[ExerciseTotal, ...]
    rest_days_per_week: int

    def to_json(self) -> dict[str, Any]:
        """The stats as `coach stats --json` prints them."""
        return {
            "current_streak": self.current_streak,
            "longest_streak": self.longest_streak,
            "days_active": self.days_active,
            "sessions_completed": self.sessions_completed,
            "sessions_played": self.sessions_played,
            "sessions_played_completed": self.sessions_played_completed,
            "total_active_s": self.total_active_s,
            "this_week_min": self.this_week_min,
            "last_week_min": self.last_week_min,
            "completion_rate": self.completion_rate,
            "rest_days_per_week": self.rest_days_per_week,
            "exercises": [
                {"name": e.name, "sets": e.sets, "reps": e.reps, "seconds": e.seconds}
                for e in self.exercises
            ],
        }


def active_days(store: HistoryStore) -> list[date]:
    """Every date with at least one completed session, oldest first."""
    rows = store.connection.execute(
        "SELECT DISTINCT day FROM sessions WHERE status = 'completed' ORDER BY day"
    )
    return [date.fromisoformat(day) for (day,) in rows]


def completed_pairs(store: HistoryStore, since: date | None = None) -> list[tuple[str, date]]:
    """(routine id, date) of every completed session from `since` on, one pair per session:
    what the weekly plan counts as done."""
    rows = store.connection.execute(
        "SELECT routine_id, day FROM sessions WHERE status = 'completed' AND day >= ?",
        ((since or date.min).isoformat(),),
    )
    return [(routine, date.fromisoformat(day)) for routine, day in rows]


def first_day(store: HistoryStore) -> date | None:
    """The date of the oldest session of any kind: when the person began."""
    (day,) = store.connection.execute("SELECT min(day) FROM sessions").fetchone()
    return None if day is None else date.fromisoformat(day)


def day_counts(store: HistoryStore, since: date, until: date) -> dict[date, int]:
    """Completed sessions per date from `since` to `until` (both included), for a heatmap.

    Dates without a completed session are left out.
    """
    rows = store.connection.execute(
        "SELECT day, count(*) FROM sessions WHERE day BETWEEN ? AND ? AND status = 'completed'"
        " GROUP BY day",
        (since.isoformat(), until.isoformat()),
    )
    return {date.fromisoformat(day): count for day, count in rows}


def weekly_minutes(store: HistoryStore, weeks: int, today: date) -> list[tuple[date, float]]:
    """Active minutes of each of the last `weeks` Monday-to-Sunday weeks, oldest first.

    The last entry is the week holding `today`; weeks without sessions are there with 0.
    """
    if weeks <= 0:
        return []
    first = week_start(today) - timedelta(weeks=weeks - 1)
    last = week_start(today) + timedelta(days=6)
    rows = store.connection.execute(
        "SELECT date(day, 'weekday 0', '-6 days') AS week, sum(active_s) FROM sessions"
        " WHERE day BETWEEN ? AND ? GROUP BY week",
        (first.isoformat(), last.isoformat()),
    )
    seconds = {date.fromisoformat(week): total for week, total in rows}
    starts = (first + timedelta(weeks=n) for n in range(weeks))
    return [(start, seconds.get(start, 0.0) / 60.0) for start in starts]


def completed_days(store: HistoryStore, routine_id: str) -> int:
    """Distinct days (each session's own local date) with a completed session of a routine:
    what progression counts."""
    row = store.connection.execute(
        "SELECT count(DISTINCT day) FROM sessions WHERE routine_id = ? AND status = 'completed'",
        (routine_id,),
    ).fetchone()
    return int(row[0])


def today_status(store: HistoryStore, routine_id: str, today: date) -> bool:
    """Whether `routine_id` has a completed session dated `today`."""
    row = store.connection.execute(
        "SELECT EXISTS (SELECT 1 FROM sessions WHERE day = ? AND status = 'completed'"
        " AND routine_id = ?)",
        (today.isoformat(), routine_id),
    ).fetchone()
    return bool(row[0])


def exercise_totals(store: HistoryStore) -> list[ExerciseTotal]:
    """Sets, reps and seconds done of each exercise, most time first."""
    rows = store.connection.execute(
        "SELECT name, count(*), coalesce(sum(reps), 0), sum(actual_s) FROM steps"
        " WHERE status = 'done' GROUP BY name ORDER BY 4 DESC, name"
    )
    return [ExerciseTotal(name, sets, reps, seconds) for name, sets, reps, seconds in rows]


def summary(store: HistoryStore, today: date, rest_days_per_week: int = 0) -> Stats:
    """Everything `coach stats` shows, as of `today`."""
    db = store.connection
    completed, played, played_completed, active_s = db.execute(
        "SELECT coalesce(sum(status = 'completed'), 0), coalesce(sum(source != 'logged'), 0),"
        " coalesce(sum(status = 'completed' AND source != 'logged'), 0),"
        " coalesce(sum(active_s), 0.0) FROM sessions"
    ).fetchone()
    days = active_days(store)
    streak = streaks(days, today, rest_days_per_week)
    last_week, this_week = weekly_minutes(store, 2, today)
    return Stats(
        current_streak=streak.current,
        longest_streak=streak.longest,
        days_active=len(days),
        sessions_completed=completed,
        sessions_played=played,
        sessions_played_completed=played_completed,
        total_active_s=active_s,
        this_week_min=this_week[1],
        last_week_min=last_week[1],
        completion_rate=played_completed / played if played else None,
        exercises=tuple(exercise_totals(store)),
        rest_days_per_week=rest_days_per_week,
    )
