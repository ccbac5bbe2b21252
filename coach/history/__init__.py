"""Completion history: SQLite storage, recording, streaks and stats. Pure core: no Textual."""
