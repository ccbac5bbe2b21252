"""Completion history: SQLite storage, recording, streaks and stats. Pure core: no Textual."""

from datetime import datetime


def local_now() -> datetime:
    """The wall clock with the machine's current offset: the default for recording. Here, at
    the package's top, so the screens' default clock loads none of the history's modules."""
    return datetime.now().astimezone()
