"""The weekly plan: which routines are due on which days and at what time, whether they were
done, the streak and adherence that follow, and when reminders come round.

Pure functions over the settings' entries and (routine, date) pairs of completed sessions: no
storage, no D-Bus, no Textual.
"""

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
