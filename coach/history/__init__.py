"""Completion history: SQLite storage, recording, streaks and stats. Pure core: no Textual."""

from collections.abc import Callable
from datetime import datetime

#: What time and day it is, for the history: `local_now`, or a fixed time in tests.
WallClock = Callable[[], datetime]


def local_now() -> datetime:
    """The wall clock with the machine's current offset: the default for recording. Here, at
    the package's top, so the screens' default clock loads none of the history's modules."""
    return datetime.now().astimezone()
