"""When each timed entry of the plan next comes round, on the local wall clock.

A time is a wall-clock time in a zone with daylight-saving changes: 07:30 stays 07:30 after the
clocks move. A time the clocks skip (02:30 on the night they go forward) comes at the moment
the clocks reach it, an hour later in absolute time; a time that happens twice (the night they
go back) comes the first time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from coach.plan.entry import PlanEntry


@dataclass(frozen=True)
class Reminder:
    entry: PlanEntry
    at: datetime  # aware


def local_moment(day: date, at: time, zone: tzinfo | None = None) -> datetime:
    """`day` at wall-clock `at` as an aware time: in `zone`, else the machine's own zone."""
    naive = datetime.combine(day, at)
    if zone is None:
        return naive.astimezone()  # the C library applies the machine's rules
    # Through UTC and back so a skipped time gets the offset in force after the change.
    return naive.replace(tzinfo=zone, fold=0).astimezone(UTC).astimezone(zone)


def next_reminders(
    entries: Sequence[PlanEntry], now: datetime, zone: tzinfo | None = None
) -> list[Reminder]:
    """The next moment after `now` at which each timed entry comes round, soonest first."""
    result = []
    for entry in entries:
        if entry.at is None or not entry.days:
            continue
        today = now.astimezone(zone).date() if zone is not None else now.date()
        for ahead in range(8):
            day = today + timedelta(days=ahead)
            if day.weekday() not in entry.days:
                continue
            moment = local_moment(day, entry.at, zone)
            if moment.astimezone(UTC) > now.astimezone(UTC):  # not wall-clock order
                result.append(Reminder(entry, moment))
                break
    return sorted(result, key=lambda r: r.at.astimezone(UTC))
