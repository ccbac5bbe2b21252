"""The streak as it stands right after a session, in the Finished screen's words.

Apart from `history_view` so that the Finished screen, shown at the end of every session,
loads this alone and not every history screen's shapes. Plain data and words, no Textual.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from coach import text

if TYPE_CHECKING:
    from coach.history.store import HistoryStore
    from coach.tui.history_access import HistoryAccess


@dataclass(frozen=True)
class StreakNow:
    """The streak as it stands right after a session, for the Finished screen."""

    has_sessions: bool
    done_today: bool  # any completed session today; under a schedule, all planned today
    streak: int
    still_planned: tuple[str, ...] = ()  # under a schedule: names of today's routines not done


def read_streak(
    store: HistoryStore, access: HistoryAccess, name_of: Callable[[str], str] = str
) -> StreakNow:
    """`name_of` turns a planned routine's id into the name the home screen shows for it."""
    from coach.history.stats import active_days
    from coach.plan.tracking import todays_items

    today = access.today()
    left: tuple[str, ...] = ()
    if access.schedule is None:
        done = today in active_days(store)
    else:
        items = todays_items(store, access.schedule, today)
        left = tuple(dict.fromkeys(name_of(i.entry.routine) for i in items if not i.done))
        done = not left
    return StreakNow(store.count_sessions() > 0, done, access.streak(store, today), left)


def streak_result(now: StreakNow) -> str:
    """`3-day streak — done today`; empty when nothing was recorded at all."""
    if not now.has_sessions:
        return ""
    if now.done_today:  # a streak of none would read "No streak running — … — done today"
        return f"{text.streak(now.streak)} — done today" if now.streak else "Done today."
    if now.still_planned:
        left = ", ".join(now.still_planned)
        if now.streak:
            return f"{text.streak(now.streak)} — still planned today: {left}"
        return f"Still planned today: {left}."
    if now.streak:
        return f"{text.streak(now.streak)} — finish a session today to grow it"
    return text.NO_STREAK
