"""Today's version of a routine: its `progress` steps grown by the days it was completed, and
held or stepped back by what its check-ins said.

The routine format knows how a step grows; only the history knows how often the routine was
done and how it felt, so the two meet here.
"""

from __future__ import annotations

from datetime import date

from coach.history.stats import completed_days
from coach.history.store import HistoryStore
from coach.routine import progression
from coach.routine.model import Routine


def progress_history(store: HistoryStore, routine_id: str) -> progression.History:
    """What progression needs of `routine_id`'s history.

    Without check-ins that is one SQL count of completed days; with them, the routine's
    sessions and their check-ins, oldest first (a few thousand rows in ten years).
    """
    db = store.connection
    heard = db.execute(
        "SELECT EXISTS (SELECT 1 FROM checkins c JOIN sessions s ON s.id = c.session_id"
        " WHERE s.routine_id = ?)",
        (routine_id,),
    ).fetchone()[0]
    if not heard:
        return completed_days(store, routine_id)
    rows = db.execute(
        "SELECT s.day, s.status = 'completed', c.feeling, c.pain FROM sessions s"
        " LEFT JOIN checkins c ON c.session_id = s.id WHERE s.routine_id = ?"
        " ORDER BY s.started_ts, s.id",
        (routine_id,),
    )
    return [
        progression.Practice(date.fromisoformat(day), bool(done), feeling, pain)
        for day, done, feeling, pain in rows
    ]


def completed_days_of(routine_id: str) -> int:
    """Days with a completed session of `routine_id`, read without creating a history file.

    Raises HistoryUnavailable when history cannot be read.
    """
    with HistoryStore.open(create=False) as store:
        return completed_days(store, routine_id)


def todays_routine(routine: Routine) -> Routine:
    """`routine` grown by its `progress` keys (and held by its check-ins); itself when it has
    none.

    Raises HistoryUnavailable when history cannot be read.
    """
    if not progression.has_progress(routine):
        return routine
    with HistoryStore.open(create=False) as store:
        return progression.apply(routine, progress_history(store, routine.id))
