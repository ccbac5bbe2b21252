"""The end-of-session summary, tallied from the engine's events as they happen.

An exercise counts as done when every one of its work segments last ended `done`, and as
skipped when any of them last ended `skipped` (going back and doing it again clears that).
Exercises never reached, because the person stopped early, are neither.
"""

from __future__ import annotations

from dataclasses import dataclass

from coach.routine.timeline import Timeline
from coach.session.engine import EndStatus, Event, SegmentEnded, SessionFinished


@dataclass(frozen=True)
class Summary:
    routine: str
    completed: bool
    active_s: float
    exercises: int
    done: int
    skipped: int


class SessionTally:
    """Keeps the last status of each work segment and the session's end."""

    def __init__(self, timeline: Timeline) -> None:
        self.timeline = timeline
        self._status: dict[int, EndStatus] = {}
        self._finished: SessionFinished | None = None

    def add(self, event: Event) -> None:
        if isinstance(event, SegmentEnded) and event.segment.kind == "work":
            self._status[event.segment.index] = event.status
        elif isinstance(event, SessionFinished):
            self._finished = event

    @property
    def finished(self) -> SessionFinished | None:
        return self._finished

    def summary(self, active_s: float) -> Summary:
        groups: dict[int, list[int]] = {}
        for segment in self.timeline.work_segments:
            groups.setdefault(segment.group, []).append(segment.index)
        done = skipped = 0
        for indexes in groups.values():
            statuses = [self._status.get(i) for i in indexes]
            if "skipped" in statuses:
                skipped += 1
            elif all(s == "done" for s in statuses):
                done += 1
        return Summary(
            routine=self.timeline.name,
            completed=self._finished is not None and self._finished.completed,
            active_s=active_s,
            exercises=len(groups),
            done=done,
            skipped=skipped,
        )
