"""The weekly plan as an iCalendar file (RFC 5545, with the icalendar library), so it can live
in a phone's calendar too: one recurring event per planned time, with an alarm at its start.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from icalendar import Alarm, Calendar, Event

from coach import text
from coach.plan import PlanEntry
from coach.routine.timeline import Segment, Timeline, amount_text

PRODID = "-//coach//weekly plan//EN"
_BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def local_zone(env: dict[str, str] | None = None, root: Path = Path("/")) -> ZoneInfo | None:
    """The machine's named time zone (from `TZ`, /etc/timezone or the /etc/localtime link);
    None when it has no name, and the calendar then uses floating local times."""
    env = dict(os.environ) if env is None else env
    names = [env.get("TZ", "").lstrip(":")]
    with contextlib.suppress(OSError):
        names.append((root / "etc/timezone").read_text(encoding="utf-8").strip())
    link = root / "etc/localtime"
    if link.is_symlink():
        target = str(link.resolve())
        if "zoneinfo/" in target:
            names.append(target.split("zoneinfo/", 1)[1])
    for name in names:
        if not name or name.startswith("/"):
            continue
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            continue
    return None


def first_day(entry: PlanEntry, today: date) -> date:
    """The first planned day from `today` on: where the recurrence starts."""
    return next(
        today + timedelta(days=n) for n in range(7) if (today.weekday() + n) % 7 in entry.days
    )


def description(timeline: Timeline) -> str:
    """What the routine holds, one exercise a line, with its whole dose: `2 sets of 20 s, each
    side`, not the first hold alone."""
    groups: dict[int, list[Segment]] = {}
    for segment in timeline.work_segments:
        groups.setdefault(segment.group, []).append(segment)
    lines = [f"{timeline.name}: {text.length(timeline.total_s)}"]
    for first, *_ in groups.values():
        one = amount_text(first)
        dose = f"{first.sets} sets of {one}" if first.sets and first.sets > 1 else one
        sides = {s.side for s in groups[first.group]} - {None}
        if len(sides) > 1:
            dose += ", each side"
        elif sides:
            dose += f", {first.side} side only"
        lines.append(f"- {first.name}: {dose}")
    lines.append("Start it with: coach run " + timeline.routine_id)
    return "\n".join(lines)


def plan_calendar(
    planned: Sequence[tuple[PlanEntry, Timeline]],
    today: date,
    zone: tzinfo | None,
    now: datetime | None = None,
) -> Calendar:
    """One weekly (or daily) event per timed entry, lasting the routine's planned length."""
    stamp = (now or datetime.now(UTC)).astimezone(UTC)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "coach plan")
    counts: dict[str, int] = {}
    for entry, timeline in planned:
        assert entry.at is not None
        counts[entry.routine] = counts.get(entry.routine, 0) + 1
        event = Event()
        # The same id for the same line of the plan, so importing again updates the event.
        event.add("uid", f"coach-{entry.routine}-{counts[entry.routine]}@coach.plan")
        event.add("dtstamp", stamp)
        event.add("summary", timeline.name)
        start = datetime.combine(first_day(entry, today), entry.at)
        event.add("dtstart", start.replace(tzinfo=zone) if zone is not None else start)
        event.add("duration", timedelta(seconds=round(timeline.total_s)))
        if len(entry.days) == 7:
            event.add("rrule", {"freq": "daily"})
        else:
            event.add("rrule", {"freq": "weekly", "byday": [_BYDAY[d] for d in sorted(entry.days)]})
        event.add("description", description(timeline))
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("trigger", timedelta(0))
        alarm.add("description", f"Time for {timeline.name}")
        event.add_component(alarm)
        calendar.add_component(event)
    if zone is not None:
        calendar.add_missing_timezones()
    return calendar
