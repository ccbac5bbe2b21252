"""Requests the screens and the command palette send up to the app, which owns navigation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from datetime import datetime
    from pathlib import Path

    from coach.cramps.records import CrampRecord
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


class ResumeChosen(Message):
    """An interrupted session was picked to go on with: the same session, from `start_index`."""

    def __init__(self, routine: Routine, session_id: int, start_index: int) -> None:
        super().__init__()
        self.routine = routine
        self.session_id = session_id
        self.start_index = start_index


class HistoryChosen(Message):
    """The list of past sessions was asked for."""


class StatsChosen(Message):
    """The stats (heatmap, minutes per week, totals) were asked for."""


class EditChosen(Message):
    """A routine was picked to change in the built-in editor."""

    def __init__(self, entry: RoutineEntry) -> None:
        super().__init__()
        self.entry = entry


class RoutinesChanged(Message, bubble=False):
    """Routine files (or the exercise library) changed on disk; `paths` are the files added,
    changed or removed. Sent to every screen, so each can reload what it shows."""

    def __init__(self, paths: frozenset[Path]) -> None:
        super().__init__()
        self.paths = paths


class CrampLogChosen(Message):
    """The cramp form was asked for; `at` fills in when it happened (a relief's start)."""

    def __init__(self, at: datetime | None = None) -> None:
        super().__init__()
        self.at = at


class CrampLogged(Message, bubble=False):
    """A cramp was kept in the diary. Sent to every screen, so each can show it."""

    def __init__(self, record: CrampRecord) -> None:
        super().__init__()
        self.record = record
