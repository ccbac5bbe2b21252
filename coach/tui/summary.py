"""The end-of-session summary: the session's outcome, its name and its active time.

The session screen tallies its own events (`WorkTally`); when the app records history, the
recorder's tally replaces it, since after a resume only the recorder knows the earlier part.
"""

from __future__ import annotations

from dataclasses import dataclass

from coach.history.outcome import Outcome


@dataclass(frozen=True)
class Summary:
    routine: str
    active_s: float
    outcome: Outcome

    @property
    def completed(self) -> bool:
        return self.outcome.completed

    @property
    def reached_end(self) -> bool:
        return self.outcome.reached_end

    @property
    def exercises(self) -> int:
        return self.outcome.exercises

    @property
    def done(self) -> int:
        return self.outcome.done

    @property
    def skipped(self) -> int:
        return self.outcome.skipped
