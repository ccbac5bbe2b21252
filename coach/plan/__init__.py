"""The weekly plan: which routines are due on which days and at what time, whether they were
done, the streak and adherence that follow, and when reminders come round.

Pure functions over the settings' entries and (routine, date) pairs of completed sessions: no
storage, no D-Bus, no Textual.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coach.plan.entry import DAY_NAMES, PlanEntry, clock_time, daily, day_number
    from coach.plan.progress import (
        PlannedItem,
        WeekAdherence,
        day_plan,
        due,
        plan_for_day,
        plan_streaks,
        weekly_adherence,
    )
    from coach.plan.reminders import Reminder, local_moment, next_reminders

#: Where each name lives. They load when first asked for: the settings need only the entry
#: module, and home's first frame is drawn before any plan is worked out.
_HOMES = {
    **dict.fromkeys(("DAY_NAMES", "PlanEntry", "clock_time", "daily", "day_number"), "entry"),
    **dict.fromkeys(
        (
            "PlannedItem",
            "WeekAdherence",
            "day_plan",
            "due",
            "plan_for_day",
            "plan_streaks",
            "weekly_adherence",
        ),
        "progress",
    ),
    **dict.fromkeys(("Reminder", "local_moment", "next_reminders"), "reminders"),
}


def __getattr__(name: str) -> object:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


__all__ = [
    "DAY_NAMES",
    "PlanEntry",
    "PlannedItem",
    "Reminder",
    "WeekAdherence",
    "clock_time",
    "daily",
    "day_number",
    "day_plan",
    "due",
    "local_moment",
    "next_reminders",
    "plan_for_day",
    "plan_streaks",
    "weekly_adherence",
]
