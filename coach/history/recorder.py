"""The recorder: turns a session engine's events into history rows as they happen.

It is an event listener (`Callable[[Event], None]`) for the plain runner and the TUI. The session
row is created `partial` with the first event; every work segment is written in its own
transaction the moment it ends, so a session that is killed keeps every segment it finished.
Storage never stops a session: the first storage error is reported once through `on_notice`
(and kept in `notices`) and later ones are swallowed.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from coach.digest import sha256_hex
from coach.history import WallClock, local_now
from coach.history.database import HistoryUnavailable
from coach.history.outcome import Outcome, WorkTally
from coach.history.records import SessionRecord, Source, StepRecord, stamp
from coach.history.store import HistoryStore
from coach.routine.timeline import Segment, Timeline
from coach.session.engine import (
    Event,
    Paused,
    Resumed,
    SegmentEnded,
    SegmentStarted,
    SessionFinished,
)

Notify = Callable[[str], None]


def plan_hash(timeline: Timeline) -> str:
    """sha256 of the canonical JSON of the expanded plan: equal hashes, identical sessions."""
    canonical = json.dumps(
        timeline.to_json(), sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )
    return sha256_hex(canonical.encode("utf-8"))


def done_elsewhere(
    timeline: Timeline, started: datetime, now: datetime, source: Source = "logged"
) -> SessionRecord:
    """A session done away from coach (`coach log`, a reminder's "Done already"): taken as
    done as planned, ending at the planned length after `started` but never after `now`."""
    planned = timedelta(seconds=timeline.total_s)
    return SessionRecord(
        uid=uuid.uuid4().hex,
        routine_id=timeline.routine_id,
        routine_name=timeline.name,
        plan_hash=plan_hash(timeline),
        source=source,
        status="completed",
        started_at=stamp(started),
        ended_at=stamp(min(started + planned, now)),
        planned_s=timeline.total_s,
        active_s=timeline.total_s,
        paused_s=0.0,
    )


def resume_points(timeline: Timeline) -> dict[int, int]:
    """For each work segment, the segment a resumed session starts at to do it.

    That is the first of the segments that lead into it within its exercise: its prepare for
    the first set, the rest or side switch before it for a later one. Work already done is
    never played again.
    """
    segments = timeline.segments
    points: dict[int, int] = {}
    for segment in segments:
        if segment.kind != "work":
            continue
        start = segment.index
        while (
            start > 0
            and segments[start - 1].group == segment.group
            and segments[start - 1].kind != "work"
        ):
            start -= 1
        points[segment.index] = start
    return points


class Recorder:
    """Records one session (or goes on with an interrupted one when `resume` is its id)."""

    def __init__(
        self,
        timeline: Timeline,
        *,
        source: Source = "app",
        store: HistoryStore | None = None,
        wall_clock: WallClock = local_now,
        resume: int | None = None,
        on_notice: Notify | None = None,
    ) -> None:
        self.timeline = timeline
        self.source = source
        self.wall_clock = wall_clock
        self.resume = resume
        self.on_notice = on_notice
        self.notices: list[str] = []
        self.session_id: int | None = None
        self._points = resume_points(timeline)
        #: What the whole session did so far (the earlier part too, after a resume).
        self.tally = WorkTally(timeline)
        #: Pauses excluded, the earlier part of a resumed session included; set at the end.
        self.final_active_s: float | None = None
        self._finished: set[int] = set()
        self._starts: dict[int, float] = {}
        self._base_active = 0.0
        self._base_paused = 0.0
        self._paused = 0.0
        self._paused_since: float | None = None
        self._mono0: float | None = None
        self._wall0 = datetime.min
        self._closed = False
        self._failed = False
        self._owns_store = store is None
        self.store = store if store is not None else self._open_store()

    # -- the listener ----------------------------------------------------------------------

    def __call__(self, event: Event) -> None:
        if self._closed:
            return
        kept = self.tally.add(event)
        try:
            if self._mono0 is None:
                self._begin(event.at)
            if isinstance(event, SegmentStarted):
                if event.segment.kind == "work":
                    self._starts[event.segment.index] = event.at
            elif isinstance(event, Paused):
                self._paused_since = event.at
            elif isinstance(event, Resumed):
                self._paused += event.paused_s
                self._paused_since = None
            elif isinstance(event, SegmentEnded):
                if event.segment.kind == "work" and kept:
                    self._write_step(event)
            elif isinstance(event, SessionFinished):
                self._finish(event)
        except (sqlite3.Error, OSError, HistoryUnavailable) as exc:
            self._report(f"history could not be saved: {exc}; the session goes on unrecorded")

    # -- times -----------------------------------------------------------------------------

    def wall(self, at: float) -> datetime:
        """Engine time `at` as wall-clock time: the start's wall time plus the time since."""
        assert self._mono0 is not None
        since = timedelta(seconds=at - self._mono0)
        # Added in UTC and shown in the start's zone: right across a daylight-saving change.
        return (self._wall0.astimezone(UTC) + since).astimezone(self._wall0.tzinfo)

    def paused_s(self, at: float) -> float:
        ongoing = at - self._paused_since if self._paused_since is not None else 0.0
        return self._base_paused + self._paused + ongoing

    def active_s(self, at: float) -> float:
        assert self._mono0 is not None
        spent = at - self._mono0 - (self.paused_s(at) - self._base_paused)
        return self._base_active + max(0.0, spent)

    # -- writing ---------------------------------------------------------------------------

    def _open_store(self) -> HistoryStore | None:
        try:
            store = HistoryStore.open()
        except HistoryUnavailable as exc:
            self._report(f"{exc}; the session goes on unrecorded")
            return None
        for notice in store.notices:
            self._tell(notice)
        return store

    def _begin(self, at: float) -> None:
        self._mono0 = at
        self._wall0 = self.wall_clock()
        if self._wall0.tzinfo is None:
            self._wall0 = self._wall0.astimezone()  # taken as the machine's local time
        if self.store is None:
            return
        if self.resume is not None:
            progress = self.store.session_progress(self.resume)
            detail = self.store.session_detail(self.resume)
            if progress is not None and detail is not None:
                self.session_id = self.resume
                self._base_active = progress.active_s
                self._base_paused = progress.paused_s
                self._finished = set(progress.finished)
                self.tally.seed(detail.steps)
                return
            self._tell(f"session {self.resume} is not in the history; recording a new one")
        started = stamp(self._wall0)
        record = SessionRecord(
            uid=uuid.uuid4().hex,
            routine_id=self.timeline.routine_id,
            routine_name=self.timeline.name,
            plan_hash=plan_hash(self.timeline),
            source=self.source,
            status="partial",
            started_at=started,
            ended_at=started,
            planned_s=self.timeline.total_s,
            active_s=0.0,
            paused_s=0.0,
        )
        self.session_id = self.store.begin_session(record, resume_at=self._resume_at())

    def _resume_at(self) -> int:
        for index, start in self._points.items():
            if index not in self._finished:
                return start
        return len(self.timeline.segments)

    def _write_step(self, event: SegmentEnded) -> None:
        if self.store is None or self.session_id is None:
            return
        segment = event.segment
        self._finished.add(segment.index)
        started = self._starts.get(segment.index, event.at - event.active_s)
        step = _step(segment, event, self.wall(started), self.wall(event.at))
        self.store.record_step(
            self.session_id,
            step,
            ended_at=step.ended_at,
            active_s=self.active_s(event.at),
            paused_s=self.paused_s(event.at),
            resume_at=self._resume_at(),
        )

    def outcome(self) -> Outcome:
        """What the session did, the part before a resume included."""
        return self.tally.outcome()

    def _finish(self, event: SessionFinished) -> None:
        self._closed = True
        self.final_active_s = self.active_s(event.at)
        if self.store is None:
            return
        try:
            if self.session_id is not None:
                self.store.finish_session(
                    self.session_id,
                    ended_at=stamp(self.wall(event.at)),
                    active_s=self.final_active_s,
                    paused_s=self.paused_s(event.at),
                    reached_end=event.completed,
                    completed=self.outcome().completed,
                )
        finally:
            if self._owns_store:
                self.store.close()

    # -- telling ---------------------------------------------------------------------------

    def _tell(self, message: str) -> None:
        self.notices.append(message)
        if self.on_notice is not None:
            self.on_notice(message)

    def _report(self, message: str) -> None:
        """Tell about the first storage failure only: one notice, not one per segment."""
        if not self._failed:
            self._failed = True
            self._tell(message)


def _step(segment: Segment, event: SegmentEnded, started: datetime, ended: datetime) -> StepRecord:
    return StepRecord(
        index=segment.index,
        name=segment.name,
        side=segment.side,
        set=segment.set,
        sets=segment.sets,
        round=segment.round,
        rounds=segment.rounds,
        reps=segment.reps,
        planned_s=segment.duration_s,
        actual_s=event.active_s,
        status=event.status,
        started_at=stamp(started),
        ended_at=stamp(ended),
    )
