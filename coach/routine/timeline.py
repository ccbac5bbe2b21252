"""Expansion of a routine into the flat, exactly timed list of segments a session plays.

The rules are part of the routine format's contract: each exercise step gives one `prepare`
segment (when prepare > 0), then per set one work segment per side with a `switch` between
sides, and a `rest` between sets; a repeat block gives its steps N times with its rest between
rounds; a rest step is one rest segment. Zero-length prepare, switch and rest segments are left
out. Nothing else is inserted.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from coach import text
from coach.drawing.model import Drawing
from coach.routine.model import (
    ExerciseStep,
    Growth,
    RepeatBlock,
    RestStep,
    Routine,
    SegmentKind,
    Side,
    Step,
    TempoPhase,
)

#: Caps that keep an absurd routine from exhausting memory or a person's patience.
MAX_SEGMENTS = 10_000
MAX_TOTAL_S = 24 * 3600.0


class TimelineTooLong(ValueError):
    """The routine expands past `MAX_SEGMENTS` segments or `MAX_TOTAL_S` seconds."""

    def __init__(self, message: str, line: int = 0) -> None:
        super().__init__(message)
        self.line = line


@dataclass(frozen=True)
class Segment:
    """One stretch of time in a session: getting ready, working, resting or switching sides."""

    index: int
    kind: SegmentKind
    name: str
    start_s: float  # planned offset from the session start; self-paced segments count 0
    duration_s: float | None  # None: self-paced, done when the person says so
    side: Side | None = None
    set: int | None = None
    sets: int | None = None
    round: int | None = None
    rounds: int | None = None
    reps: int | None = None
    tempo: tuple[TempoPhase, ...] = ()
    group: int = 0  # which exercise (or rest step) occurrence this segment belongs to
    exercise_id: str | None = None
    instructions: tuple[str, ...] = ()
    caution: str | None = None
    growth: Growth | None = None  # how the step's progression set today's amount
    drawing: Drawing | None = None  # what the screen shows of the exercise (not in --json)

    @property
    def self_paced(self) -> bool:
        return self.duration_s is None

    @property
    def end_s(self) -> float:
        return self.start_s + (self.duration_s or 0.0)

    def to_json(self) -> dict[str, Any]:
        """The segment as `coach plan --json` prints it (a contract)."""
        return {
            "kind": self.kind,
            "name": self.name,
            "side": self.side,
            "set": self.set,
            "sets": self.sets,
            "round": self.round,
            "rounds": self.rounds,
            "reps": self.reps,
            "start_s": self.start_s,
            "duration_s": self.duration_s,
        }


def amount_text(segment: Segment) -> str:
    """What the segment asks for: `30 s`, `10 reps (3-1-3 s)`, or `20 reps, at your own pace`."""
    if segment.reps is not None and segment.tempo:
        return f"{text.reps(segment.reps)} ({text.tempo(segment.tempo)})"
    if segment.reps is not None:
        return (
            "at your own pace"
            if segment.reps == 1
            else f"{text.reps(segment.reps)}, at your own pace"
        )
    return text.length(segment.duration_s or 0)


def where_text(segment: Segment) -> str:
    """Side, set and round, e.g. `left foot, set 2/3, round 1/2`; empty when none apply."""
    parts = []
    if segment.side:
        parts.append(f"{segment.side} side")
    if segment.set is not None and segment.sets and segment.sets > 1:
        parts.append(f"set {segment.set}/{segment.sets}")
    if segment.round is not None and segment.rounds and segment.rounds > 1:
        parts.append(f"round {segment.round}/{segment.rounds}")
    return ", ".join(parts)


@dataclass(frozen=True)
class Timeline:
    routine_id: str
    name: str
    segments: tuple[Segment, ...]

    @property
    def total_s(self) -> float:
        """Planned length; self-paced segments count 0."""
        return sum(s.duration_s or 0.0 for s in self.segments)

    @property
    def length(self) -> str:
        """`11 min 30 s`, or `2 min + own pace` when some steps go at the person's pace."""
        return text.timed(self.total_s, any(s.self_paced for s in self.segments))

    @property
    def work_segments(self) -> tuple[Segment, ...]:
        return tuple(s for s in self.segments if s.kind == "work")

    def to_json(self) -> dict[str, Any]:
        return {
            "routine": self.routine_id,
            "name": self.name,
            "total_s": self.total_s,
            "segments": [s.to_json() for s in self.segments],
        }


def work_seconds(step: ExerciseStep) -> float | None:
    """Length of one work segment of `step`, or None when it is self-paced."""
    if step.duration is not None:
        return step.duration
    if step.tempo and step.reps is not None:
        return step.reps * sum(p.seconds for p in step.tempo)
    return None


def _sides(step: ExerciseStep) -> tuple[Side | None, ...]:
    if step.sides == "both":
        return ("left", "right")
    if step.sides in ("left", "right"):
        return (step.sides,)
    return (None,)


def measure(steps: tuple[Step, ...]) -> tuple[int, float]:
    """Segment count and planned seconds of `steps`, computed without expanding them.

    Used to refuse a routine before its expansion could take unbounded time or memory.
    """
    count, seconds = 0, 0.0
    for step in steps:
        if isinstance(step, RestStep):
            count, seconds = count + 1, seconds + step.duration
        elif isinstance(step, RepeatBlock):
            inner_count, inner_seconds = measure(step.steps)
            gaps = step.times - 1 if step.rest > 0 else 0
            count += inner_count * step.times + gaps
            seconds += inner_seconds * step.times + gaps * step.rest
        else:
            n_sides = len(_sides(step))
            work = work_seconds(step) or 0.0
            count += (1 if step.prepare > 0 else 0) + step.sets * n_sides
            seconds += step.prepare + step.sets * n_sides * work
            if n_sides == 2 and step.switch > 0:
                count += step.sets
                seconds += step.sets * step.switch
            if step.rest > 0:
                count += step.sets - 1
                seconds += (step.sets - 1) * step.rest
        if count > MAX_SEGMENTS or seconds > MAX_TOTAL_S:
            break
    return count, seconds


def check_size(routine_steps: tuple[Step, ...]) -> None:
    count, seconds = measure(routine_steps)
    if count > MAX_SEGMENTS:
        raise TimelineTooLong(
            f"routine expands to more than {MAX_SEGMENTS:,} segments; split it into shorter ones"
        )
    if seconds > MAX_TOTAL_S:
        raise TimelineTooLong(
            f"routine lasts more than {MAX_TOTAL_S / 3600:.0f} hours; check durations and repeats"
        )


class _Builder:
    """Accumulates segments with running offsets and exercise-group numbers."""

    def __init__(self) -> None:
        self.segments: list[Segment] = []
        self.offset = 0.0
        self.group = -1

    def add(self, kind: SegmentKind, name: str, duration: float | None, **extra: Any) -> None:
        self.segments.append(
            Segment(
                index=len(self.segments),
                kind=kind,
                name=name,
                start_s=self.offset,
                duration_s=duration,
                group=self.group,
                **extra,
            )
        )
        self.offset += duration or 0.0


def _expand(steps: tuple[Step, ...], out: _Builder, rounds: tuple[int, int] | None) -> None:
    round_fields = {"round": rounds[0], "rounds": rounds[1]} if rounds else {}
    for step in steps:
        if isinstance(step, RestStep):
            out.group += 1
            out.add("rest", "Rest", step.duration, **round_fields)
        elif isinstance(step, RepeatBlock):
            for n in range(1, step.times + 1):
                _expand(step.steps, out, (n, step.times))
                if n < step.times and step.rest > 0:
                    out.add("rest", "Rest", step.rest, round=n, rounds=step.times)
        else:
            out.group += 1
            _expand_exercise(step, out, round_fields)


def _expand_exercise(step: ExerciseStep, out: _Builder, round_fields: dict[str, int]) -> None:
    about = {
        "exercise_id": step.exercise_id,
        "instructions": step.instructions,
        "caution": step.caution,
        "growth": step.growth,
        "drawing": step.drawing,
        **round_fields,
    }
    sides = _sides(step)
    if step.prepare > 0:
        first = {"side": sides[0], "sets": step.sets, "reps": step.reps}
        out.add("prepare", step.name, step.prepare, **first, **about)
    work = work_seconds(step)
    for n in range(1, step.sets + 1):
        counts = {"set": n, "sets": step.sets, "reps": step.reps}
        for i, side in enumerate(sides):
            if i > 0 and step.switch > 0:
                out.add("switch", "Switch sides", step.switch, side=side, **counts, **about)
            out.add("work", step.name, work, side=side, tempo=step.tempo, **counts, **about)
        if n < step.sets and step.rest > 0:
            out.add("rest", "Rest", step.rest, **counts, **about)


def expand(routine: Routine) -> Timeline:
    """The routine's timeline. Raises `TimelineTooLong` past the caps."""
    check_size(routine.steps)
    out = _Builder()
    _expand(routine.steps, out, None)
    return Timeline(routine_id=routine.id, name=routine.name, segments=tuple(out.segments))
