"""One line of the weekly plan, and the words a person may write for its days and time.

Kept free of the YAML reader and the history so `coach.settings` can build entries and every
layer above can reason about them.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import time

from coach.problems import Problem, suggest

#: Monday is 0, as in `date.weekday()`.
DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_FULL_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
EVERY_DAY = frozenset(range(7))
#: The words `days:` accepts on its own, for a set of days.
DAY_SETS: dict[str, frozenset[int]] = {
    "daily": EVERY_DAY,
    "weekdays": frozenset(range(5)),
    "weekends": frozenset({5, 6}),
}
_CLOCK = re.compile(r"(\d{1,2}):(\d{2})")


@dataclass(frozen=True)
class PlanEntry:
    """A routine planned on some weekdays, optionally at a time of day (local wall clock)."""

    routine: str
    days: frozenset[int]  # 0 = Monday .. 6 = Sunday
    at: time | None = None
    #: Where the routine id was written (path, line, column), so a later check can point there.
    origin: tuple[str, int, int] | None = field(default=None, compare=False, repr=False)

    def days_text(self) -> str:
        """`daily`, `weekdays`, `weekends` or `mon, wed, fri`: the plan said back."""
        for word, days in DAY_SETS.items():
            if self.days == days:
                return word
        return ", ".join(DAY_NAMES[d] for d in sorted(self.days))

    def at_text(self) -> str | None:
        return None if self.at is None else self.at.strftime("%H:%M")


def day_number(word: str) -> int | None:
    """0..6 for `mon`/`monday` (any case), else None."""
    word = word.strip().lower()
    for names in (DAY_NAMES, _FULL_NAMES):
        if word in names:
            return names.index(word)
    return None


def day_words() -> tuple[str, ...]:
    """Every word a day may be written as, for did-you-mean hints."""
    return (*DAY_SETS, *DAY_NAMES, *_FULL_NAMES)


def clock_time(text: str) -> time | None:
    """`07:30` or `7:30` as a time of day, else None (also for 24:00 or 07:60)."""
    match = _CLOCK.fullmatch(text.strip())
    if match is None:
        return None
    hour, minute = int(match[1]), int(match[2])
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def daily(routine: str, origin: tuple[str, int, int] | None = None) -> tuple[PlanEntry, ...]:
    """The plan `daily_routine: ID` stands for; `origin` is where the file says it."""
    return (PlanEntry(routine, EVERY_DAY, origin=origin),)


def check_routines(
    entries: Sequence[PlanEntry], known: Collection[str]
) -> tuple[tuple[PlanEntry, ...], tuple[Problem, ...]]:
    """The entries whose routine exists, and a problem (with did-you-mean) for each other one."""
    kept, problems = [], []
    for entry in entries:
        if entry.routine in known:
            kept.append(entry)
            continue
        path, line, col = entry.origin or ("settings", 1, 1)
        message = (
            f"no routine called {entry.routine!r}{suggest(entry.routine, known)};"
            " `coach list` shows them all"
        )
        problems.append(Problem(path, line, col, message))
    return tuple(kept), tuple(problems)
