"""The weekly schedule from the shell: `coach status` (today's plan) and `coach calendar`, and
the plan as every command that uses it reads it.

Every command that reads the plan reports its problems the same way: one `PATH:LINE:COL:
message` line each on stderr, then carries on with the rest of the plan.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import argparse
    from datetime import date

    from coach.history.store import HistoryStore
    from coach.plan import PlanEntry, PlannedItem
    from coach.routine.model import Routine
    from coach.settings import Settings


@dataclass(frozen=True)
class PlanReading:
    settings: Settings
    plan: tuple[PlanEntry, ...]  # entries whose routine exists

    @property
    def schedule(self) -> tuple[PlanEntry, ...] | None:
        """The plan streaks follow; None keeps the any-routine rule (no `schedule:` written)."""
        return self.plan if self.settings.schedule is not None else None


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "calendar",
        help="write the plan as an iCalendar file (.ics) for a phone's or desktop's calendar",
    )
    p.add_argument("-o", "--output", type=Path, metavar="FILE", help="default: standard output")
    p.set_defaults(handler=cmd_calendar)


def read_plan() -> PlanReading:
    """The settings and their plan; each problem printed on stderr, the rest of the plan kept.

    The plan's routines are checked against the routine files' names, without loading them.
    """
    from coach import locations
    from coach.routine.files import routine_ids
    from coach.settings import load_settings

    settings = load_settings()
    folders = (locations.user_routines_dir(), locations.bundled_dir("routines"))
    plan, unknown = settings.checked_plan(lambda: routine_ids(folders))
    problems = [*settings.problems, *unknown]
    for problem in sorted(problems):
        print(problem, file=sys.stderr)
    return PlanReading(settings, plan)


@dataclass(frozen=True)
class Today:
    items: tuple[PlannedItem, ...]  # today's plan, each done or not
    streak: int


def read_today(reading: PlanReading, day: date) -> Today:
    """Today's plan against the history, for the reminder and the nudge: a history that cannot
    be read is said on stderr and counts as nothing done (a reminder too many, never lost)."""
    from coach.commands.common import say
    from coach.history.database import HistoryUnavailable
    from coach.history.store import HistoryStore
    from coach.plan import day_plan

    try:
        with HistoryStore.open(create=False) as store:
            return today_in(store, reading, day)
    except HistoryUnavailable as exc:
        say(f"history is not available ({exc}); taking nothing as done")
        return Today(tuple(day_plan(reading.plan, day, [])), 0)


def today_in(store: HistoryStore, reading: PlanReading, day: date) -> Today:
    from coach.plan.tracking import plan_streak, todays_items

    rest = reading.settings.rest_days_per_week
    streak = plan_streak(store, reading.schedule, day, rest).current
    return Today(todays_items(store, reading.plan, day), streak)


def cmd_status(args: argparse.Namespace) -> int:
    from coach.commands.common import with_history

    reading = read_plan()

    def show(store: HistoryStore) -> int:
        import json

        from coach.history import local_now
        from coach.plan.tracking import all_done

        today = local_now().date()
        found = today_in(store, reading, today)
        items, streak, done = found.items, found.streak, all_done(found.items)
        if getattr(args, "json", False):
            data = {
                "date": today.isoformat(),
                "streak": streak,
                "done": done,
                "planned": planned_json(items),
            }
            print(json.dumps(data, indent=2, ensure_ascii=False))
        elif args.short:
            print(f"{status_mark(done)} {streak}")
        else:
            print("\n".join(status_lines(items, streak)))
        return 0 if done else 1

    return with_history(show)


def status_lines(items: Sequence[PlannedItem], streak: int) -> list[str]:
    """`foot-daily: done today, 3-day streak` for a plan of one; a line per entry otherwise.
    With no streak running, the screens' sentence for it follows (never `0-day streak`)."""
    from coach import text

    streak_text = text.streak(streak)

    def then_streak(line: str) -> str:
        return f"{line}, {streak_text}" if streak else f"{line}. {streak_text}"

    if not items:
        return [then_streak("nothing planned today")]
    lines = []
    for item in items:
        when = f" at {item.entry.at_text()}" if item.entry.at is not None else ""
        state = "done today" if item.done else "not done yet today"
        lines.append(f"{item.entry.routine}{when}: {state}")
    if len(lines) == 1:
        return [then_streak(lines[0])]
    return [*lines, streak_text]


def planned_json(items: Sequence[PlannedItem]) -> list[dict[str, Any]]:
    """Today's entries as `coach status --json` lists them, each with its routine's name."""
    rows = []
    for item in items:
        routine = planned_routine(item.entry.routine)
        rows.append(
            {
                "routine": item.entry.routine,
                "name": routine.name if routine is not None else item.entry.routine,
                "at": item.entry.at_text(),
                "done": item.done,
            }
        )
    return rows


def planned_routine(routine_id: str) -> Routine | None:
    """A planned routine, loaded; None when it is missing or broken (the plan's check and
    `coach validate` say why)."""
    from coach.routine.catalog import Catalog, UnknownRoutine

    try:
        return Catalog.default().find(routine_id).routine
    except UnknownRoutine:
        return None


def status_mark(done: bool) -> str:
    """✓ or ✗; `+` or `-` where the output cannot show them (an ASCII-only terminal)."""
    mark = "✓" if done else "✗"
    try:
        mark.encode(sys.stdout.encoding or "ascii")
    except (UnicodeEncodeError, LookupError):
        return "+" if done else "-"
    return mark


def cmd_calendar(args: argparse.Namespace) -> int:
    from coach.commands.common import say
    from coach.commands.output import save_output
    from coach.history import local_now
    from coach.remind.ical import local_zone, plan_calendar
    from coach.routine.catalog import Catalog, UnknownRoutine
    from coach.routine.timeline import Timeline, expand

    reading = read_plan()
    catalog = Catalog.default()
    planned: list[tuple[PlanEntry, Timeline]] = []
    untimed = []
    for entry in reading.plan:
        if entry.at is None:
            untimed.append(entry.routine)
            continue
        try:
            found = catalog.find(entry.routine)
        except UnknownRoutine as exc:
            say(str(exc))
            continue
        if found.routine is None:
            say(f"{found.error}; {entry.routine} is left out of the calendar")
            continue
        planned.append((entry, expand(found.routine)))
    if not planned:
        say('nothing in the plan has a time (`at: "07:30"` in the schedule); no calendar written')
        return 1
    data = plan_calendar(planned, local_now().date(), local_zone()).to_ical()
    if args.output is None or str(args.output) == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        if not save_output(args.output, data):  # bytes as they are: CRLF line ends kept
            return 1
        from coach.text import plural

        print(f"Wrote {plural(len(planned), 'event')} to {args.output}.", file=sys.stderr)
    if untimed:
        names = ", ".join(dict.fromkeys(untimed))
        say(f"left out, having no time of day (`at:`): {names}")
    return 0
