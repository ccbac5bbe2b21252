"""Requests the screens and the command palette send up to the app, which owns navigation."""

from __future__ import annotations

from textual.message import Message

from coach.routine.catalog import RoutineEntry
from coach.routine.model import Routine
from coach.tui.summary import Summary


class RoutineChosen(Message):
    """A routine was picked to play now."""

    def __init__(self, routine: Routine) -> None:
        super().__init__()
        self.routine = routine


class PreviewChosen(Message):
    """A routine was picked to look at before playing."""

    def __init__(self, entry: RoutineEntry) -> None:
        super().__init__()
        self.entry = entry


class SessionEnded(Message):
    """A session finished or was stopped; the summary is what the Finished screen shows."""

    def __init__(self, summary: Summary) -> None:
        super().__init__()
        self.summary = summary


class SummaryClosed(Message):
    """The person is done reading the summary."""
