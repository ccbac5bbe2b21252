"""Answers for shell prompts and status bars, such as `coach status --short`.

A prompt runs these at every command a person types, so they are reached before argparse and
the other command modules load (`coach.cli.FAST_PATHS`) and import only what they use.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from coach.commands.common import with_history

if TYPE_CHECKING:
    from coach.history.store import HistoryStore


def status(short: bool = False) -> int:
    """Whether today's routine is done, and the streak: `✓ 12`, or a sentence without
    `short`. Exit status 0 when done today, 1 when not (or when the history cannot be read)."""

    def show(store: HistoryStore) -> int:
        from coach.history.records import local_now
        from coach.history.stats import active_days, today_status
        from coach.history.streaks import streaks
        from coach.settings import load_settings

        settings = load_settings()
        today = local_now().date()
        done = today_status(store, settings.daily_routine, today)
        streak = streaks(active_days(store), today, settings.rest_days_per_week).current
        if short:
            print(f"{status_mark(done)} {streak}")
        else:
            state = "done today" if done else "not done yet today"
            print(f"{settings.daily_routine}: {state}, {streak}-day streak")
        return 0 if done else 1

    return with_history(show)


def status_short() -> int:
    return status(short=True)


def status_mark(done: bool) -> str:
    """✓ or ✗; `+` or `-` where the output cannot show them (an ASCII-only terminal)."""
    mark = "✓" if done else "✗"
    try:
        mark.encode(sys.stdout.encoding or "ascii")
    except (UnicodeEncodeError, LookupError):
        return "+" if done else "-"
    return mark
