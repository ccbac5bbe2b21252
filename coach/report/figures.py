"""What a report says, as data: the figures `coach report --json` prints and every format draws.

Pure core: a few indexed SQL reads of the history over one period, no document library. The
renderers beside this module (`render_md`, `render_html`, `render_pdf`) only lay these out.

The rules, precisely:
- The period is whole calendar days from `start` to `end`; weeks are Monday weeks, the first
  and last cut to the period. A day is a session's or cramp's own local date.
- Planned: for each day of the period from the first recorded session on, the routines today's
  plan gives that day. Completed: those of them with a completed session started that day.
  Before the first recorded session nothing counts as planned, so a new user's report does not
  show weeks of "missed" sessions from before they began.
- Exercises: every work step recorded in the period, finished sessions or not, per name and
  side: how often done and skipped, and the seconds planned and actually spent.
- `sessions`: every session started in the period (completed, partial, logged); the cramp chart
  sets cramps beside completed routine sessions, as `coach cramp trends` does.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from coach.cramps.diary import RELIEF_ROUTINE, CrampDiary
from coach.cramps.guidance import RED_FLAGS, RedFlag
from coach.cramps.records import CrampRecord
from coach.history.checkins import WeekCheckins
from coach.history.stats import week_start
from coach.history.store import HistoryStore
from coach.plan import PlanEntry, weekly_adherence
from coach.report.checkins import CheckinNote, checkin_notes, checkin_weeks
from coach.report.handout import Handout

#: Default period: this many full weeks before the current one, plus the current one.
DEFAULT_WEEKS = 4
#: No day before this is asked about: coach keeps times as seconds since 1970, and days near the
#: calendar's own start (year 1) cannot even be stepped back from.
EARLIEST_DAY = date(1970, 1, 1)
_SINCE = re.compile(r"(\d+)\s*([dw])")


class PeriodError(ValueError):
    """A period that cannot be read or makes no sense; the message says what to write."""


@dataclass(frozen=True)
class Period:
    """Whole days from `start` to `end`, both included."""

    start: date
    end: date

    def weeks(self) -> list[date]:
        """The Mondays of the weeks the period touches, oldest first."""
        first, last = week_start(self.start), week_start(self.end)
        return [first + timedelta(weeks=n) for n in range((last - first).days // 7 + 1)]


def default_period(today: date, weeks: int = DEFAULT_WEEKS) -> Period:
    """The last `weeks` full Monday weeks and the current one, up to today."""
    return Period(week_start(today) - timedelta(weeks=weeks), today)


def since_period(text: str, today: date) -> Period:
    """`4w`: the last 4 full weeks plus this one; `10d`: today and the 9 days before it.

    A count reaching back before `EARLIEST_DAY` (`99999w`) starts there, as `--from` does."""
    match = _SINCE.fullmatch(text.strip().lower())
    digits = match[1].lstrip("0") if match else ""
    if match is None or not digits:
        raise PeriodError(f"cannot read --since {text!r}; write weeks or days, e.g. 4w or 30d")
    most = (today - EARLIEST_DAY).days + 7  # days: more than any count can mean
    count = int(digits) if len(digits) <= len(str(most)) else most
    if match[2] == "w":
        start = default_period(today, min(count, most // 7)).start
    else:
        start = today - timedelta(days=min(count, most) - 1)
    return Period(max(EARLIEST_DAY, start), today)


def dated_period(start: str, end: str | None, today: date) -> Period:
    """`--from YYYY-MM-DD [--to YYYY-MM-DD]` (`--to` defaults to today)."""
    days = []
    for option, value in (("--from", start), ("--to", end)):
        if value is None:
            days.append(today)
            continue
        try:
            days.append(date.fromisoformat(value.strip()))
        except ValueError:
            raise PeriodError(f"{option} {value!r} is not a date; write YYYY-MM-DD") from None
    first, last = max(days[0], EARLIEST_DAY), days[1]
    if last < EARLIEST_DAY:
        raise PeriodError(f"--to {last} is before {EARLIEST_DAY.year}, earlier than any record")
    if end is None and first > today:
        raise PeriodError(f"--from {first} is in the future; a report covers days that have been")
    if last < first:
        raise PeriodError(f"--to {last} is before --from {first}")
    if last > today:
        raise PeriodError(f"--to {last} is in the future; a report covers days that have been")
    return Period(first, last)


@dataclass(frozen=True)
class WeekFigures:
    week: date  # the Monday
    planned: int
    completed: int  # planned sessions completed
    sessions: int  # completed routine sessions, the relief routine left out
    cramps: int
    checkins: WeekCheckins | None

    @property
    def pain_mean(self) -> float | None:
        return None if self.checkins is None else self.checkins.pain_mean

    def to_json(self) -> dict[str, Any]:
        pain = self.pain_mean
        return {
            "week": self.week.isoformat(),
            "planned": self.planned,
            "completed": self.completed,
            "pain_mean": None if pain is None else round(pain, 2),
            "cramps": self.cramps,
        }


@dataclass(frozen=True)
class ExerciseFigures:
    name: str
    side: str | None
    done: int
    skipped: int
    planned_s: float  # of the steps with a planned length
    actual_s: float
    timed: int = 0  # steps with a planned length; self-paced ones have none

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "side": self.side,
            "done": self.done,
            "skipped": self.skipped,
            "planned_s": round(self.planned_s, 3),
            "actual_s": round(self.actual_s, 3),
        }


@dataclass(frozen=True)
class CrampFigures:
    entries: tuple[CrampRecord, ...]  # oldest first

    @property
    def total(self) -> int:
        return len(self.entries)

    @property
    def night(self) -> int:
        return sum(c.context == "night" for c in self.entries)

    def counts(self, what: Callable[[CrampRecord], str]) -> list[tuple[str, int]]:
        """How many cramps have each value of `what`, most first."""
        return Counter(what(c) for c in self.entries).most_common()

    def to_json(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "night": self.night,
            "entries": [c.to_json() for c in self.entries],
        }


@dataclass(frozen=True)
class PlannedRoutine:
    """One entry of the plan, with its routine's exercises and today's doses when it loads."""

    entry: PlanEntry
    handout: Handout | None  # None when the routine is missing or broken
    problem: str | None = None


@dataclass(frozen=True)
class Report:
    period: Period
    made: datetime
    plan: tuple[PlannedRoutine, ...]
    weeks: tuple[WeekFigures, ...]
    exercises: tuple[ExerciseFigures, ...]
    cramps: CrampFigures
    sessions: int
    notes: tuple[CheckinNote, ...]
    has_checkins: bool
    warning_signs: tuple[RedFlag, ...] = RED_FLAGS

    def to_json(self) -> dict[str, Any]:
        """The figures as `coach report --json` prints them (a contract)."""
        return {
            "from": self.period.start.isoformat(),
            "to": self.period.end.isoformat(),
            "weeks": [w.to_json() for w in self.weeks],
            "exercises": [e.to_json() for e in self.exercises],
            "cramps": self.cramps.to_json(),
            "sessions": self.sessions,
        }


def from_first_record(store: HistoryStore, period: Period) -> Period:
    """`period` starting no earlier than needed to show everything in it: the first recorded
    session or cramp, or the 5 weeks before its end when that is earlier (so a new user's
    default report keeps its weeks, and `--from 2026-03-01 --to 2026-03-31` stays March).
    Days before both hold nothing to show, and `--from 1000-01-01` would otherwise draw some
    53,000 empty weeks."""
    (first,) = store.connection.execute(
        "SELECT min(day) FROM (SELECT min(day) AS day FROM sessions"
        " UNION ALL SELECT min(day) FROM cramps)"
    ).fetchone()
    floor = period.end - timedelta(weeks=DEFAULT_WEEKS + 1)
    if first is not None:
        floor = min(floor, date.fromisoformat(first))
    return Period(max(period.start, min(floor, period.end)), period.end)


def _bounds(period: Period) -> tuple[str, str]:
    return period.start.isoformat(), period.end.isoformat()


def _adherence(
    store: HistoryStore, entries: Sequence[PlanEntry], period: Period
) -> dict[date, tuple[int, int]]:
    """Planned and completed per Monday, from the first recorded session on."""
    db = store.connection
    (first_day,) = db.execute("SELECT min(day) FROM sessions").fetchone()
    if first_day is None:
        return {}
    done = [
        (routine, date.fromisoformat(day))
        for routine, day in db.execute(
            "SELECT routine_id, day FROM sessions"
            " WHERE day BETWEEN ? AND ? AND status = 'completed'",
            _bounds(period),
        )
    ]
    since = max(period.start, date.fromisoformat(first_day))
    weeks = weekly_adherence(entries, done, period.end, len(period.weeks()), since)
    return {w.week: (w.planned, w.completed) for w in weeks}


def _exercises(store: HistoryStore, period: Period) -> list[ExerciseFigures]:
    rows = store.connection.execute(
        "SELECT name, side, sum(status = 'done'), sum(status = 'skipped'),"
        " coalesce(sum(planned_s), 0.0), coalesce(sum(actual_s), 0.0), count(planned_s), min(idx)"
        " FROM steps WHERE session_id IN (SELECT id FROM sessions WHERE day BETWEEN ? AND ?)"
        " GROUP BY name, side ORDER BY 8, name, side",
        _bounds(period),
    )
    return [ExerciseFigures(*row[:7]) for row in rows]


def _cramps(store: HistoryStore, period: Period) -> tuple[CrampRecord, ...]:
    # A cramp's day is its own local date; look a day either side in time, then keep by date.
    since = datetime.combine(period.start - timedelta(days=2), time()).astimezone()
    found = CrampDiary(store).cramps(since=since, newest_first=False)
    return tuple(c for c in found if period.start <= c.day <= period.end)


def build_report(
    store: HistoryStore,
    period: Period,
    made: datetime,
    entries: Sequence[PlanEntry],
    handouts: Mapping[str, Handout | str],
) -> Report:
    """The report of `period` as of `made`.

    `entries` is the plan; `handouts` gives each planned routine's handout with today's doses,
    or the reason it cannot be read. The period starts no earlier than `from_first_record`
    says: the report's own period says where it starts.
    """
    period = from_first_record(store, period)
    db = store.connection
    adherence = _adherence(store, entries, period)
    sessions_by_week = Counter(
        week_start(date.fromisoformat(day))
        for (day,) in db.execute(
            "SELECT day FROM sessions WHERE day BETWEEN ? AND ? AND status = 'completed'"
            " AND routine_id != ?",
            (*_bounds(period), RELIEF_ROUTINE),
        )
    )
    (sessions,) = db.execute(
        "SELECT count(*) FROM sessions WHERE day BETWEEN ? AND ?", _bounds(period)
    ).fetchone()
    cramps = _cramps(store, period)
    cramps_by_week = Counter(week_start(c.day) for c in cramps)
    checkins = checkin_weeks(store, period.start, period.end)
    weeks = tuple(
        WeekFigures(
            week=monday,
            planned=adherence.get(monday, (0, 0))[0],
            completed=adherence.get(monday, (0, 0))[1],
            sessions=sessions_by_week[monday],
            cramps=cramps_by_week[monday],
            checkins=checkins.get(monday),
        )
        for monday in period.weeks()
    )
    plan = []
    for entry in entries:
        found = handouts.get(entry.routine)
        if isinstance(found, Handout):
            plan.append(PlannedRoutine(entry, found))
        else:
            plan.append(PlannedRoutine(entry, None, found))
    notes = checkin_notes(store, period.start, period.end)
    return Report(
        period=period,
        made=made,
        plan=tuple(plan),
        weeks=weeks,
        exercises=tuple(_exercises(store, period)),
        cramps=CrampFigures(cramps),
        sessions=sessions,
        notes=tuple(notes),
        has_checkins=any(w.checkins is not None and w.checkins.sessions for w in weeks),
    )
