"""What the screens say about check-ins, shaped from the store: plain words, no Textual."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from coach import text
from coach.history.checkins import (
    PAIN_ADVICE,
    CheckIn,
    WeekCheckins,
    pain_alert,
    weekly_checkins,
)
from coach.history.store import HistoryStore
from coach.tui.history_view import week_label

CHECKIN_WEEKS = 12
TRENDS_TITLE = f"How it felt, last {CHECKIN_WEEKS} weeks"
NO_CHECKINS = "No check-ins yet: after a session, say how it felt (1, 2 or 3) and any pain."


def checkin_cell(checkin: CheckIn | None) -> str:
    """The History table's short cell: `hard · 5`, `right`, `· 0`, `note`, or `—`."""
    if checkin is None:
        return "—"
    parts: list[str] = [checkin.feeling or ""]
    if checkin.pain is not None:
        parts.append(f"· {checkin.pain}")
    said = " ".join(p for p in parts if p)
    return said or ("note" if checkin.note else "—")


def checkin_line(checkin: CheckIn | None) -> str:
    """The check-in in a session's drill-down."""
    if checkin is None:
        return "No check-in for this session (coach checkin adds one)."
    return f"Check-in: {checkin.describe()}"


@dataclass(frozen=True)
class CheckInTrends:
    weeks: tuple[WeekCheckins, ...]  # oldest first
    alert: bool  # pain of 7+ in the last two sessions that gave it

    @property
    def empty(self) -> bool:
        return not any(week.sessions for week in self.weeks)


def read_checkin_trends(store: HistoryStore, today: date) -> CheckInTrends:
    return CheckInTrends(tuple(weekly_checkins(store, today, CHECKIN_WEEKS)), pain_alert(store))


def week_line(week: WeekCheckins) -> str:
    """`2 Mar   3 sessions · 1 hard · pain 4.5 on average, 6 at most`."""
    label = f"{week_label(week.week):<6}"
    if not week.sessions:
        return f"{label}  —"
    parts = [text.plural(week.sessions, "session"), f"{week.hard} hard"]
    if week.pain_mean is not None:
        parts.append(f"pain {week.pain_mean:.1f} on average, {week.pain_max} at most")
    return f"{label}  {' · '.join(parts)}"


def trends_lines(trends: CheckInTrends | None) -> tuple[list[str], str]:
    """One line a week (or a line saying there are none), and the calm word if it holds."""
    if trends is None:
        return [], ""
    lines = [NO_CHECKINS] if trends.empty else [week_line(w) for w in trends.weeks]
    return lines, PAIN_ADVICE if trends.alert else ""
