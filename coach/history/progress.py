"""Today's version of a routine: its `progress` steps grown by the days it was completed.

The routine format knows how a step grows; only the history knows how often the routine was
done, so the two meet here.
"""

from __future__ import annotations

from coach.history.stats import completed_days
from coach.history.store import HistoryStore
from coach.routine import progression
from coach.routine.model import Routine


def completed_days_of(routine_id: str) -> int:
    """Days with a completed session of `routine_id`, read without creating a history file.

    Raises HistoryUnavailable when history cannot be read.
    """
    with HistoryStore.open(create=False) as store:
        return completed_days(store, routine_id)


def todays_routine(routine: Routine) -> Routine:
    """`routine` grown by its `progress` keys; itself when it has none.

    Raises HistoryUnavailable when history cannot be read.
    """
    if not progression.has_progress(routine):
        return routine
    return progression.apply(routine, completed_days_of(routine.id))
