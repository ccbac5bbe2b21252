"""The session engine: plays a timeline against a monotonic clock and reports what happened.

Time is never counted in ticks. The engine keeps when the current segment started (pushed
later by pauses) and how long it lasts, and derives every boundary from those, so a late,
rare or irregular `poll` changes nothing but how many events one call returns: each event
carries its scheduled time and the next segment starts exactly when the previous one was due
to end. Controls (`skip`, `back`, `pause`...) act at the moment they are given.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from coach.routine.timeline import Segment, Timeline
from coach.session.clock import Clock
from coach.session.cues import ScheduledCue, cue_schedule, is_tempo, tempo_position
from coach.session.cues import TempoPosition as TempoPosition  # part of this module's API

EndStatus = Literal["done", "skipped"]

#: Within this many seconds of a segment's start, `back` goes to the previous exercise
#: instead of restarting the current one (as a music player's "previous" does).
BACK_GRACE_S = 2.0
#: A timed segment cut short with `adjust` ends done only when at least this share of its
#: planned time was spent in it; cut shorter, it ends skipped: a skipped step is not a done one.
SHORTENED_DONE_SHARE = 0.5


@dataclass(frozen=True)
class SegmentStarted:
    at: float
    segment: Segment


@dataclass(frozen=True)
class SegmentEnded:
    at: float
    segment: Segment
    status: EndStatus
    active_s: float  # seconds spent in it, pauses excluded


@dataclass(frozen=True)
class Cue:
    at: float
    kind: str  # one of coach.routine.model.SOUND_EVENTS
    segment: Segment
    detail: str | None = None


@dataclass(frozen=True)
class Paused:
    at: float


@dataclass(frozen=True)
class Resumed:
    at: float
    paused_s: float


@dataclass(frozen=True)
class SessionFinished:
    at: float
    completed: bool


Event = SegmentStarted | SegmentEnded | Cue | Paused | Resumed | SessionFinished


class SessionEngine:
    """Deadlines, controls and events of one session. Knows nothing of screens, sound or storage.

    Every public method takes an optional `now` (defaults to `clock.now()`). A control first
    reports whatever fell due before `now` (with those events' own times), then acts at `now`;
    a `now` earlier than one already acted on counts as that one. A query may be asked about an
    earlier moment, such as an event's own time, to stamp it with the session time it fell at.
    """

    def __init__(self, timeline: Timeline, clock: Clock) -> None:
        self.timeline = timeline
        self.clock = clock
        self._segments = timeline.segments
        # _later_s[i]: planned seconds of every segment after segment i.
        self._later_s = [0.0] * len(self._segments)
        for i in range(len(self._segments) - 2, -1, -1):
            self._later_s[i] = self._later_s[i + 1] + (self._segments[i + 1].duration_s or 0.0)
        self._started = False
        self._finished = False
        self._index = 0
        self._t0 = 0.0
        self._ended_at = 0.0
        self._latest = float("-inf")
        # The current attempt: its start (moved later by pauses), length and cues to come.
        self._anchor = 0.0
        self._duration: float | None = None
        self._schedule: tuple[ScheduledCue, ...] = ()
        self._next_cue = 0
        self._halfway_done = False
        self._paused_at: float | None = None
        self._paused_total = 0.0

    # -- state -----------------------------------------------------------------------------

    @property
    def index(self) -> int:
        return self._index

    @property
    def current(self) -> Segment | None:
        return self._segments[self._index] if self._running else None

    @property
    def paused(self) -> bool:
        return self._paused_at is not None

    @property
    def finished(self) -> bool:
        return self._finished

    @property
    def started(self) -> bool:
        return self._started

    @property
    def _running(self) -> bool:
        return self._started and not self._finished

    def segment_duration(self) -> float | None:
        return self._duration if self._running else None

    def elapsed(self, now: float | None = None) -> float:
        if not self._running:
            return 0.0
        active = max(0.0, self._active_point(self._read(now)) - self._anchor)
        return active if self._duration is None else min(active, self._duration)

    def remaining(self, now: float | None = None) -> float | None:
        if not self._running or self._duration is None:
            return None
        return max(0.0, self._duration - self.elapsed(now))

    def paused_total(self, now: float | None = None) -> float:
        if self._paused_at is None:
            return self._paused_total
        return self._paused_total + max(0.0, self._read(now) - self._paused_at)

    def session_elapsed(self, now: float | None = None) -> float:
        if not self._started:
            return 0.0
        t = self._read(now)
        if self._finished:
            t = min(t, self._ended_at)
        return max(0.0, t - self._t0 - self.paused_total(t))

    def session_remaining(self, now: float | None = None) -> float:
        if not self._started:
            return self.timeline.total_s
        if self._finished:
            return 0.0
        return (self.remaining(now) or 0.0) + self._later_s[self._index]

    def tempo_position(self, now: float | None = None) -> TempoPosition | None:
        segment = self.current
        if segment is None or not is_tempo(segment):
            return None
        return tempo_position(segment, self.elapsed(now))

    def upcoming(self) -> Segment | None:
        """What "Next:" names: the next exercise or rest, else this exercise's next work."""
        segment = self.current
        if segment is None:
            return None
        later = self._segments[self._index + 1 :]
        for other in later:
            if other.kind in ("work", "rest") and other.group != segment.group:
                return other
        return next((other for other in later if other.kind == "work"), None)

    def next_deadline(self) -> float | None:
        if not self._running or self._paused_at is not None:
            return None
        if self._next_cue < len(self._schedule):
            return self._anchor + self._schedule[self._next_cue].offset
        if self._duration is None:
            return None
        return self._anchor + self._duration

    # -- progress --------------------------------------------------------------------------

    def start(self, at_index: int = 0, now: float | None = None) -> list[Event]:
        """Begin at segment `at_index` (0, or where an interrupted session stopped)."""
        if self._started:
            return []
        if not 0 <= at_index <= len(self._segments):
            raise ValueError(f"no segment {at_index} in a timeline of {len(self._segments)}")
        t = self._time(now)
        self._started = True
        self._t0 = t
        events: list[Event] = []
        if at_index == len(self._segments):
            self._index = max(0, at_index - 1)
            self._complete(t, events)
            return events
        self._begin(at_index, t, events)
        self._advance(t, events)
        return events

    def poll(self, now: float | None = None) -> list[Event]:
        """Every event that fell due since the last call, in order, with its scheduled time."""
        events: list[Event] = []
        self._advance(self._time(now), events)
        return events

    # -- controls --------------------------------------------------------------------------

    def pause(self, now: float | None = None) -> list[Event]:
        t = self._time(now)
        events = self.poll(t)
        if self._running and self._paused_at is None:
            self._paused_at = t
            events.append(Paused(t))
        return events

    def resume(self, now: float | None = None) -> list[Event]:
        t = self._time(now)
        if self._paused_at is None:
            return self.poll(t)
        span = t - self._paused_at
        self._anchor += span
        self._paused_total += span
        self._paused_at = None
        events: list[Event] = [Resumed(t, span)]
        self._advance(t, events)
        return events

    def toggle_pause(self, now: float | None = None) -> list[Event]:
        return self.resume(now) if self.paused else self.pause(now)

    def skip(self, now: float | None = None) -> list[Event]:
        """End the current segment as skipped; the next one starts now."""
        t = self._time(now)
        events = self.poll(t)
        if self._running:
            self._end(t, "skipped", self.elapsed(t), events)
            self._advance(t, events)
        return events

    def mark_done(self, now: float | None = None) -> list[Event]:
        """End a self-paced segment as done; timed segments end by themselves."""
        t = self._time(now)
        events = self.poll(t)
        if self._running and self._duration is None:
            self._end(t, "done", self.elapsed(t), events)
            self._advance(t, events)
        return events

    def back(self, now: float | None = None) -> list[Event]:
        """Restart the segment, or, early in it, go back to the start of the previous group."""
        t = self._time(now)
        events = self.poll(t)
        if not self._running:
            return events
        target = self._index
        if target > 0 and self.elapsed(t) <= BACK_GRACE_S:
            target -= 1
            group = self._segments[target].group
            while target > 0 and self._segments[target - 1].group == group:
                target -= 1
        self._begin(target, t, events)
        self._advance(t, events)
        return events

    def restart_segment(self, now: float | None = None) -> list[Event]:
        t = self._time(now)
        events = self.poll(t)
        if self._running:
            self._begin(self._index, t, events)
            self._advance(t, events)
        return events

    def adjust(self, delta_s: float, now: float | None = None) -> list[Event]:
        """Lengthen or shorten a timed, non-tempo segment; shortening to nothing ends it, done
        or skipped by how much of its planned time was spent (`SHORTENED_DONE_SHARE`).

        A press that finds its segment already over (it ended between the last poll and the
        key) changes nothing: it was meant for the segment on screen, not the next one."""
        t = self._time(now)
        index = self._index
        events = self.poll(t)
        if self._index != index:
            return events
        segment = self.current
        if segment is None or self._duration is None or is_tempo(segment):
            return events
        spent = self.elapsed(t)
        if self._duration - spent + delta_s <= 0:
            self._end(t, self._status_after(spent), spent, events)
            self._advance(t, events)
            return events
        self._duration += delta_s
        # Cues still ahead follow the new length; those already behind stay behind.
        self._schedule = self._cues_for(segment)
        point = self._active_point(t)
        self._next_cue = 0
        while (
            self._next_cue < len(self._schedule)
            and self._anchor + self._schedule[self._next_cue].offset <= point
        ):
            self._next_cue += 1
        return events

    def stop(self, now: float | None = None) -> list[Event]:
        """End the session early. The unfinished segment is not reported as ended."""
        t = self._time(now)
        events = self.poll(t)
        if self._running:
            events.append(SessionFinished(t, completed=False))
            self._close(t)
        return events

    # -- internals -------------------------------------------------------------------------

    def _read(self, now: float | None) -> float:
        return self.clock.now() if now is None else now

    def _time(self, now: float | None) -> float:
        """The time a state change happens at: never earlier than one already acted on."""
        self._latest = max(self._latest, self._read(now))
        return self._latest

    def _active_point(self, t: float) -> float:
        """The clock reading that counts for active time: a pause freezes it."""
        return t if self._paused_at is None else self._paused_at

    def _cues_for(self, segment: Segment) -> tuple[ScheduledCue, ...]:
        schedule = cue_schedule(segment, self._duration)
        if self._halfway_done:
            schedule = tuple(c for c in schedule if c.kind != "halfway")
        return schedule

    def _begin(self, index: int, t: float, events: list[Event]) -> None:
        """Start a fresh attempt at segment `index` at `t` (while paused, it waits at 0 s)."""
        segment = self._segments[index]
        self._index = index
        self._anchor = self._active_point(t)
        self._duration = segment.duration_s
        self._halfway_done = False
        self._schedule = self._cues_for(segment)
        self._next_cue = 0
        events.append(SegmentStarted(t, segment))
        while self._next_cue < len(self._schedule) and self._schedule[self._next_cue].offset <= 0:
            self._emit_cue(t, events)

    def _emit_cue(self, at: float, events: list[Event]) -> None:
        cue = self._schedule[self._next_cue]
        self._next_cue += 1
        if cue.kind == "halfway":
            self._halfway_done = True
        events.append(Cue(at, cue.kind, self._segments[self._index], cue.detail))

    def _advance(self, t: float, events: list[Event]) -> None:
        """Emit everything scheduled at or before `t`, segment after segment."""
        while self._running and self._paused_at is None:
            while self._next_cue < len(self._schedule):
                at = self._anchor + self._schedule[self._next_cue].offset
                if at > t:
                    break
                self._emit_cue(at, events)
            if self._duration is None or self._anchor + self._duration > t:
                return
            at = self._anchor + self._duration
            self._end(at, self._status_after(self._duration), self._duration, events)

    def _status_after(self, spent: float) -> EndStatus:
        """How a timed segment that ends after `spent` active seconds ended: done, unless it
        was shortened to less than `SHORTENED_DONE_SHARE` of its planned length."""
        planned = self._segments[self._index].duration_s
        if planned is not None and spent < SHORTENED_DONE_SHARE * planned:
            return "skipped"
        return "done"

    def _end(self, at: float, status: EndStatus, active_s: float, events: list[Event]) -> None:
        events.append(SegmentEnded(at, self._segments[self._index], status, active_s))
        if self._index + 1 < len(self._segments):
            self._begin(self._index + 1, at, events)
        else:
            self._complete(at, events)

    def _complete(self, at: float, events: list[Event]) -> None:
        if self._segments:
            events.append(Cue(at, "finish", self._segments[self._index]))
        events.append(SessionFinished(at, completed=True))
        self._close(at)

    def _close(self, at: float) -> None:
        if self._paused_at is not None:
            self._paused_total += at - self._paused_at
            self._paused_at = None
        self._finished = True
        self._ended_at = at
