"""What the Stats screen shows, shaped from the store: plain data and words, no Textual (the
heatmap's grid and the bars come from `history_view`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from coach import text
from coach.tui.history_view import HeatmapGrid, read_heatmap

if TYPE_CHECKING:
    from coach.history.stats import Stats
    from coach.history.store import HistoryStore
    from coach.plan import WeekAdherence
    from coach.tui.history_access import HistoryAccess

STATS_WEEKS = 26
BAR_WEEKS = 12


@dataclass(frozen=True)
class StatsView:
    stats: Stats
    heatmap: HeatmapGrid
    weeks: tuple[tuple[date, float], ...]  # (Monday, active minutes), oldest first
    adherence: tuple[WeekAdherence, ...] = ()  # planned and completed, oldest first


def read_stats(store: HistoryStore, access: HistoryAccess) -> StatsView:
    from coach.history.stats import weekly_minutes
    from coach.plan.tracking import adherence, plan_summary

    today = access.today()
    return StatsView(
        stats=plan_summary(store, access.schedule, today, access.rest_days_per_week),
        heatmap=read_heatmap(store, today, STATS_WEEKS),
        weeks=tuple(weekly_minutes(store, BAR_WEEKS, today)),
        adherence=tuple(adherence(store, access.plan(), today, BAR_WEEKS)),
    )


def days_text(count: int) -> str:
    return text.plural(count, "day")


def figures(stats: Stats) -> list[tuple[str, str]]:
    """The Stats screen's numbers as (label, value) pairs."""
    played = stats.sessions_played
    # Over the sessions played in coach: those logged by hand are completed by definition.
    rate = (
        "—"
        if stats.completion_rate is None
        else f"{stats.completion_rate:.0%} of {played:,} played"
    )
    return [
        ("Current streak", days_text(stats.current_streak)),
        ("Longest streak", days_text(stats.longest_streak)),
        ("Days active", f"{stats.days_active:,}"),
        ("Completion rate", rate),
        ("This week", text.total(stats.this_week_min * 60)),
        ("Total time", text.total(stats.total_active_s)),
    ]


def exercise_cells(stats: Stats) -> list[tuple[str, str, str, str]]:
    return [
        (t.name, f"{t.sets:,}", f"{t.reps:,}" if t.reps else "—", text.clock(t.seconds, False))
        for t in stats.exercises
    ]
