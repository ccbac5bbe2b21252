"""`coach status`: today's plan from the shell, and the plan as every plan command reads it.

Every command that reads the plan reports its problems the same way: one `PATH:LINE:COL:
message` line each on stderr, then carries on with the rest of the plan.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from coach.history.store import HistoryStore
    from coach.plan import PlanEntry, PlannedItem
    from coach.routine.catalog import Catalog
    from coach.settings import Settings


@dataclass(frozen=True)
class PlanReading:
    settings: Settings
    plan: tuple[PlanEntry, ...]  # entries whose routine exists

    @property
    def schedule(self) -> tuple[PlanEntry, ...] | None:
        """The plan streaks follow; None keeps the any-routine rule (no `schedule:` written)."""
        return self.plan if self.settings.schedule is not None else None


def read_plan(catalog: Catalog | None = None) -> PlanReading:
    """The settings and their plan; each problem printed on stderr, the rest of the plan kept."""
    from coach.plan.entry import check_routines
    from coach.settings import load_settings

    settings = load_settings()
    problems = list(settings.problems)
    plan = settings.plan
    if settings.schedule is not None:
        if catalog is None:
            from coach.routine.catalog import Catalog

            catalog = Catalog.default()
        plan, unknown = check_routines(plan, catalog.ids())
        problems += unknown
    for problem in sorted(problems):
        print(problem, file=sys.stderr)
    return PlanReading(settings, plan)


def cmd_status(args: argparse.Namespace) -> int:
    from coach.commands.common import with_history

    reading = read_plan()

    def show(store: HistoryStore) -> int:
        import json

        from coach.history.records import local_now
        from coach.plan.tracking import all_done, plan_streak, todays_items

        today = local_now().date()
        items = todays_items(store, reading.plan, today)
        rest = reading.settings.rest_days_per_week
        streak = plan_streak(store, reading.schedule, today, rest).current
        done = all_done(items)
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
    """`foot-daily: done today, 3-day streak` for a plan of one; a line per entry otherwise."""
    streak_text = f"{streak}-day streak"
    if not items:
        return [f"nothing planned today, {streak_text}"]
    lines = []
    for item in items:
        when = f" at {item.entry.at_text()}" if item.entry.at is not None else ""
        state = "done today" if item.done else "not done yet today"
        lines.append(f"{item.entry.routine}{when}: {state}")
    if len(lines) == 1:
        return [f"{lines[0]}, {streak_text}"]
    return [*lines, streak_text]


def planned_json(items: Sequence[PlannedItem]) -> list[dict[str, Any]]:
    """Today's entries as `coach status --json` lists them, each with its routine's name."""
    from coach.routine.catalog import Catalog, UnknownRoutine

    catalog = Catalog.default()
    rows = []
    for item in items:
        name = item.entry.routine
        try:
            routine = catalog.find(name).routine
        except UnknownRoutine:
            routine = None
        rows.append(
            {
                "routine": item.entry.routine,
                "name": routine.name if routine is not None else name,
                "at": item.entry.at_text(),
                "done": item.done,
            }
        )
    return rows


def status_mark(done: bool) -> str:
    """✓ or ✗; `+` or `-` where the output cannot show them (an ASCII-only terminal)."""
    mark = "✓" if done else "✗"
    try:
        mark.encode(sys.stdout.encoding or "ascii")
    except (UnicodeEncodeError, LookupError):
        return "+" if done else "-"
    return mark
