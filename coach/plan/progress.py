"""What the plan asks of a day and whether it was done: today's list, streaks and adherence.

The rules, precisely:
- A day's plan is the entries whose `days` hold its weekday, timed entries in time order, then
  the untimed ones ("any time that day"), each group in the order of the settings file.
- An entry is done when a completed session of its routine started that day (in the session's
  own offset, as history dates every session). A routine planned twice in a day needs two
  completed sessions; the earlier entry is done first.
- Streaks: a day with something planned counts when every planned entry is done. A day with
  nothing planned neither counts nor breaks a run. Within each Monday-to-Sunday week the first
  `rest_days_per_week` planned days missed are forgiven (they neither count nor break); any
  further miss breaks the run. Today is pending until it is done.
- Adherence: per Monday week, the planned entries of each day (up to today; never before
  `since`) and how many of them were done.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, time, timedelta

from coach.history.streaks import Streaks
from coach.history.weeks import week_start
from coach.plan.entry import PlanEntry

_DAY = timedelta(days=1)
_LATEST = time(23, 59, 59)

#: Completed sessions as (routine id, date) pairs: one pair per session.
Done = Iterable[tuple[str, date]]


@dataclass(frozen=True)
class PlannedItem:
    """One entry of a day's plan and whether it is done."""

    entry: PlanEntry
    done: bool


@dataclass(frozen=True)
class WeekAdherence:
    week: date  # the Monday
    planned: int
    completed: int

    def to_json(self) -> dict[str, object]:
        """As `coach stats --json` prints it under `adherence`."""
        return {"week": self.week.isoformat(), "planned": self.planned, "completed": self.completed}


def plan_for_day(entries: Sequence[PlanEntry], day: date) -> list[PlanEntry]:
    """The entries planned on `day`: timed ones by time, then untimed, file order within."""
    todays = [e for e in entries if day.weekday() in e.days]
    return sorted(todays, key=lambda e: (e.at is None, e.at or _LATEST))


def day_plan(entries: Sequence[PlanEntry], day: date, done: Done) -> list[PlannedItem]:
    """`plan_for_day` with each entry's done-ness from the completed sessions in `done`."""
    left = Counter(routine for routine, when in done if when == day)
    items = []
    for entry in plan_for_day(entries, day):
        items.append(PlannedItem(entry, left[entry.routine] > 0))
        left[entry.routine] -= 1
    return items


def due(items: Sequence[PlannedItem], now: time | None) -> list[PlannedItem]:
    """The items not done whose time has come by `now` (untimed ones are due all day);
    with `now` None, every item not done."""
    return [
        item
        for item in items
        if not item.done and (now is None or item.entry.at is None or item.entry.at <= now)
    ]


def _done_per_day(done: Done) -> dict[date, Counter[str]]:
    per_day: dict[date, Counter[str]] = {}
    for routine, day in done:
        per_day.setdefault(day, Counter())[routine] += 1
    return per_day


class _Counts:
    """(planned, done) entries of any day, with each weekday's wants counted once."""

    def __init__(self, entries: Sequence[PlanEntry], done: Done) -> None:
        self.per_day = _done_per_day(done)
        self.wanted = [Counter(e.routine for e in entries if wd in e.days) for wd in range(7)]
        self.planned = [sum(wanted.values()) for wanted in self.wanted]

    def __call__(self, day: date) -> tuple[int, int]:
        planned = self.planned[day.weekday()]
        sessions = self.per_day.get(day)
        if not planned or sessions is None:
            return planned, 0
        wanted = self.wanted[day.weekday()].items()
        return planned, sum(min(n, sessions[routine]) for routine, n in wanted)

    def fully_done(self, day: date) -> bool:
        planned, done = self(day)
        return 0 < planned == done


def plan_streaks(
    entries: Sequence[PlanEntry], done: Done, today: date, rest_days_per_week: int = 0
) -> Streaks:
    """The current and longest streak of planned days fully done, counted in such days."""
    counts = _Counts(entries, done)
    complete = [day for day in counts.per_day if counts.fully_done(day)]
    if not complete:
        return Streaks(0, 0)
    end = max(today, max(complete))
    run = longest = missed = 0
    day = min(complete)
    week = None
    while day <= end:
        if week_start(day) != week:
            week, missed = week_start(day), 0
        if counts.fully_done(day):
            run += 1
            longest = max(longest, run)
        elif counts(day)[0] and day < today:
            missed += 1
            if missed > rest_days_per_week:
                run = 0
        day += _DAY
    return Streaks(run, longest)


def weekly_adherence(
    entries: Sequence[PlanEntry],
    completed: Done,
    today: date,
    weeks: int = 12,
    since: date | None = None,
) -> list[WeekAdherence]:
    """Planned and completed entries per Monday week, the last `weeks` weeks, newest last.

    Days after `today` are not counted yet (today is: its plan is due), nor days before
    `since` (pass the first day of the history, so weeks before a person began are empty).
    """
    if weeks <= 0:
        return []
    counts = _Counts(entries, completed)
    monday = week_start(today)
    result = []
    for back in range(weeks - 1, -1, -1):
        start = monday - timedelta(weeks=back)
        planned = finished = 0
        for offset in range(7):
            day = start + timedelta(days=offset)
            if day > today or (since is not None and day < since):
                continue
            day_planned, day_done = counts(day)
            planned, finished = planned + day_planned, finished + day_done
        result.append(WeekAdherence(start, planned, finished))
    return result


def adherence_text(week: WeekAdherence) -> str:
    """`5 of 7 planned (71%)`; `—` for a week with nothing to count (before the first session,
    or nothing planned), as the minutes chart marks an empty week."""
    if not week.planned:
        return "—"
    return f"{week.completed} of {week.planned} planned ({week.completed / week.planned:.0%})"
