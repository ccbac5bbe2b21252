"""The check-ins as a report reads them: feeling and pain per week, and the notes.

The check-ins are the history's (`coach.history.checkins`); these two functions fit them to
the report's period, whose first and last weeks may be cut short.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from coach.history.checkins import FEELING_WORDS, WeekCheckins, weekly_checkins
from coach.history.stats import week_start
from coach.history.store import HistoryStore


@dataclass(frozen=True)
class CheckinNote:
    """A check-in worth reading on paper: one with a note."""

    day: date
    routine: str  # the routine's name when the session was recorded
    feeling: str | None  # in words: "easy", "about right", "hard"
    pain: int | None
    note: str


def checkin_weeks(store: HistoryStore, start: date, end: date) -> dict[date, WeekCheckins]:
    """Feeling and pain of each Monday week from `start` to `end`, by Monday; the first and
    last weeks hold only the check-ins of sessions within the period."""
    rows = [(day, c) for day, c in store.dated_checkins(start) if day <= end]
    weeks = (week_start(end) - week_start(start)).days // 7 + 1
    return {w.week: w for w in weekly_checkins(rows, end, weeks)}


def checkin_notes(store: HistoryStore, start: date, end: date) -> list[CheckinNote]:
    """Check-ins with a note, of sessions from `start` to `end`, oldest first."""
    sessions = store.connection.execute(
        "SELECT id, day, routine_name FROM sessions WHERE day BETWEEN ? AND ?"
        " ORDER BY started_ts, id",
        (start.isoformat(), end.isoformat()),
    ).fetchall()
    checkins = store.checkins_of(row[0] for row in sessions)
    notes = []
    for session_id, day, routine in sessions:
        checkin = checkins.get(session_id)
        if checkin is None or not checkin.note:
            continue
        feeling = None if checkin.feeling is None else FEELING_WORDS[checkin.feeling]
        notes.append(
            CheckinNote(date.fromisoformat(day), routine, feeling, checkin.pain, checkin.note)
        )
    return notes
