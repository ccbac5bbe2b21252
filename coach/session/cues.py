"""When a segment's cues fall, as offsets in active seconds from the segment's start.

Kept apart from the engine so the schedule rules sit in one place; the engine only walks the
list in order and stamps each cue with its start time plus the offset.
"""

from __future__ import annotations

from dataclasses import dataclass

from coach.routine.model import TempoPhase
from coach.routine.timeline import Segment

#: The cue that opens each kind of segment.
START_CUE = {"prepare": "prepare", "work": "start", "rest": "rest", "switch": "switch"}

#: Shorter segments get no "3, 2, 1": it would start before the person has settled.
COUNTDOWN_MIN_S = 4.0
#: Shorter work segments get no "halfway": it would crowd the countdown.
HALFWAY_MIN_S = 20.0


@dataclass(frozen=True)
class ScheduledCue:
    offset: float
    kind: str
    detail: str | None = None


@dataclass(frozen=True)
class TempoPosition:
    """Where a tempo work segment is: which rep, which phase, and how long that phase has left."""

    rep: int  # 1-based
    reps: int
    phase: str
    phase_remaining: float


def _phases(segment: Segment) -> tuple[TempoPhase, ...]:
    # A zero-second phase takes no time, so it gets no cue of its own.
    return tuple(p for p in segment.tempo if p.seconds > 0)


def is_tempo(segment: Segment) -> bool:
    """A timed work segment paced by tempo phases (no countdown, halfway or +/-10 s)."""
    return segment.kind == "work" and segment.duration_s is not None and bool(_phases(segment))


def tempo_reps(segment: Segment) -> int:
    if segment.reps:
        return segment.reps
    cycle = sum(p.seconds for p in _phases(segment))
    return max(1, round((segment.duration_s or 0.0) / cycle))


def cue_schedule(segment: Segment, duration: float | None) -> tuple[ScheduledCue, ...]:
    """Every cue of one attempt at `segment` lasting `duration` seconds, in firing order.

    A cue at or past the end is dropped: the next segment's opening cue stands for it.
    """
    cues = [ScheduledCue(0.0, START_CUE[segment.kind])]
    if duration is None:
        return tuple(cues)
    if is_tempo(segment):
        phases = _phases(segment)
        cycle = sum(p.seconds for p in phases)
        for rep in range(tempo_reps(segment)):
            offset = rep * cycle
            for phase in phases:
                cues.append(ScheduledCue(offset, "tempo", phase.name))
                offset += phase.seconds
    else:
        if segment.kind == "work" and duration >= HALFWAY_MIN_S:
            cues.append(ScheduledCue(duration / 2, "halfway"))
        if segment.kind != "switch" and duration >= COUNTDOWN_MIN_S:
            cues.extend(ScheduledCue(duration - n, "countdown", str(n)) for n in (3, 2, 1))
    # sorted() is stable, so the opening cue stays ahead of a tempo cue at the same offset.
    return tuple(sorted((c for c in cues if c.offset < duration), key=lambda c: c.offset))


def tempo_position(segment: Segment, elapsed: float) -> TempoPosition:
    """The rep and phase `elapsed` active seconds into a tempo segment (see `is_tempo`)."""
    phases = _phases(segment)
    cycle = sum(p.seconds for p in phases)
    reps = tempo_reps(segment)
    elapsed = min(max(elapsed, 0.0), reps * cycle)
    rep = min(int(elapsed // cycle), reps - 1)
    within = elapsed - rep * cycle
    start = 0.0
    for phase in phases:
        end = start + phase.seconds
        if within < end:
            return TempoPosition(rep + 1, reps, phase.name, end - within)
        start = end
    return TempoPosition(reps, reps, phases[-1].name, 0.0)
