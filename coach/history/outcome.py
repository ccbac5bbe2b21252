"""What a session amounted to, and the rule for when it counts as `completed`.

A session is completed when it reached its end AND at least half of its planned work time was
done, not skipped; otherwise it is partial, however it ended. Pressing "skip" to the end earns
no streak. Timed holds and tempo steps are planned at their planned length and, done, count
at the time actually spent in them, never more than planned: shortening steps with `-` is
not doing them (cut below half, a step even ends skipped, see `coach.session.engine`). A
self-paced step has no planned length: done, it counts at the time it took; skipped, at the
pace of the self-paced reps done in the same session (`SELF_PACED_REP_S` a rep when none was
done). The rule applies to sessions as they are recorded; rows already in a history keep the
status they were given.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from coach import text
from coach.history.records import StepRecord, StepStatus
from coach.routine.timeline import Segment, Timeline
from coach.session.engine import Event, SegmentEnded, SessionFinished

#: The share of the planned work time that must be done for a session to count as completed.
DONE_SHARE = 0.5
#: Seconds a self-paced rep is taken to last when nothing in the session measured one.
SELF_PACED_REP_S = 3.0


@dataclass(frozen=True)
class Outcome:
    """A session's work, by exercise and by seconds, and whether it reached its end."""

    reached_end: bool
    exercises: int
    done: int  # exercises whose every work segment was last ended done
    skipped: int  # exercises with a work segment last ended skipped
    planned_work_s: float
    done_work_s: float

    @property
    def not_reached(self) -> int:
        return self.exercises - self.done - self.skipped

    @property
    def completed(self) -> bool:
        """Reached the end with at least half of the planned work done."""
        if not self.reached_end:
            return False
        if self.planned_work_s <= 0:  # nothing to do: a routine of rests only
            return True
        return self.done_work_s > 0 and self.done_work_s >= DONE_SHARE * self.planned_work_s

    @property
    def worth_a_checkin(self) -> bool:
        """Some work was done, so "how did it feel?" has an answer; after a session of only
        skipped steps an answer would feed progression holds and the pain alert with nothing."""
        return self.done_work_s > 0 or (self.reached_end and self.planned_work_s <= 0)


@dataclass(frozen=True)
class _End:
    status: StepStatus
    actual_s: float


class WorkTally:
    """The last end of each work segment of one session, and whether the session reached its end.

    Fed with engine events (`add`) and, for a resumed session, with the steps history already
    holds (`seed`). Going back and doing a step again replaces its earlier end, except that a
    step once done stays done: skipping over it after `back` does not undo the work.
    """

    def __init__(self, timeline: Timeline) -> None:
        self.timeline = timeline
        self.reached_end = False
        self._ends: dict[int, _End] = {}

    def add(self, event: Event) -> bool:
        """Take in one event; False for a step's end that is not kept (a skip over a done
        step), which history must not write over the done one either."""
        if isinstance(event, SegmentEnded) and event.segment.kind == "work":
            earlier = self._ends.get(event.segment.index)
            if earlier is not None and earlier.status == "done" and event.status != "done":
                return False
            self._ends[event.segment.index] = _End(event.status, event.active_s)
        elif isinstance(event, SessionFinished):
            self.reached_end = event.completed
        return True

    def seed(self, steps: Iterable[StepRecord]) -> None:
        for step in steps:
            self._ends[step.index] = _End(step.status, step.actual_s)

    def outcome(self) -> Outcome:
        work = self.timeline.work_segments
        groups: dict[int, list[int]] = {}
        for segment in work:
            groups.setdefault(segment.group, []).append(segment.index)
        done = skipped = 0
        for indexes in groups.values():
            statuses = [end.status if (end := self._ends.get(i)) else None for i in indexes]
            if "skipped" in statuses:
                skipped += 1
            elif all(status == "done" for status in statuses):
                done += 1
        rep_s = self._self_paced_rep_s(work)
        planned = done_s = 0.0
        for segment in work:
            end = self._ends.get(segment.index)
            seconds = _seconds(segment, end, rep_s)
            planned += seconds
            if end is not None and end.status == "done":
                done_s += min(end.actual_s, seconds)
        return Outcome(self.reached_end, len(groups), done, skipped, planned, done_s)

    def _self_paced_rep_s(self, work: tuple[Segment, ...]) -> float:
        """Seconds per rep of the self-paced steps done in this session."""
        seconds = reps = 0.0
        for segment in work:
            end = self._ends.get(segment.index)
            if segment.self_paced and end is not None and end.status == "done":
                seconds += end.actual_s
                reps += segment.reps or 1
        return seconds / reps if reps else SELF_PACED_REP_S


def _seconds(segment: Segment, end: _End | None, rep_s: float) -> float:
    """The planned work time a segment stands for in the completed rule."""
    if segment.duration_s is not None:
        return segment.duration_s
    if end is not None and end.status == "done":
        return end.actual_s
    return (segment.reps or 1) * rep_s


def verdict(outcome: Outcome, practice: bool = True) -> str:
    """One honest line on how a session ended, the same in the app and in `--plain`.

    `practice` is False for the cramp relief, which answers a cramp and has no streak to tell.
    """
    done = f"{outcome.done} of {text.plural(outcome.exercises, 'exercise')} done"
    if outcome.completed:
        return f"Session complete: {done}"
    if outcome.reached_end:
        streak = "; skipped steps don't count toward your streak" if practice else ""
        return f"Ended: {done}{streak}"
    return f"Session stopped: {done}"
