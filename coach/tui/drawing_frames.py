"""Which picture of the exercise the session screen shows now, and when it next changes.

Plain Python over the engine, like `session_view`: the pose comes from where the engine's clock
says the rep is, so frames stay in step with the tempo cues through pauses and late wake-ups.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from coach.drawing.braille import Picture, draw
from coach.drawing.model import Drawing, Point
from coach.drawing.motion import (
    frame_count,
    frame_progress,
    held_pose,
    mirrored,
    pose_at,
    seconds_to_next_frame,
)
from coach.routine.timeline import Segment
from coach.session.cues import is_tempo
from coach.session.engine import SessionEngine


@dataclass(frozen=True)
class Frame:
    """What to draw: a drawing and a pose of it (already mirrored for the left side)."""

    drawing: Drawing
    points: tuple[tuple[str, Point], ...]

    def picture(self, scale: int = 1) -> Picture:
        return _picture(self, scale)


@lru_cache(maxsize=512)
def _picture(frame: Frame, scale: int) -> Picture:
    """Every rep shows the same frames: each is rasterised once."""
    return draw(frame.drawing, dict(frame.points), scale)


def _phase_seconds(segment: Segment, name: str) -> float:
    return next((p.seconds for p in segment.tempo if p.name == name and p.seconds > 0), 0.0)


def frame_of(engine: SessionEngine, now: float) -> Frame | None:
    """The exercise's pose at `now`: moving along the tempo, held for a timed hold, the start
    pose while getting ready or switching sides, nothing during a rest."""
    segment = engine.current
    if segment is None or segment.drawing is None or segment.kind == "rest":
        return None
    drawing = segment.drawing
    tempo = engine.tempo_position(now)
    if tempo is not None:
        phase_s = _phase_seconds(segment, tempo.phase)
        frames = frame_count(drawing, phase_s)
        progress = frame_progress(frames, phase_s, tempo.phase_remaining)
        points = pose_at(drawing, tempo.phase, progress)
    elif segment.kind == "work":
        points = held_pose(drawing)
    else:
        points = pose_at(drawing, None, 0.0)
    if segment.side == "left":
        points = mirrored(points)
    return Frame(drawing, tuple(sorted(points.items())))


def seconds_to_next_frame_of(engine: SessionEngine, now: float) -> float | None:
    """How long until the drawing moves on; None while it stands still (holds, rests, pauses)."""
    segment = engine.current
    if segment is None or segment.drawing is None or not is_tempo(segment) or engine.paused:
        return None
    tempo = engine.tempo_position(now)
    if tempo is None:
        return None
    phase_s = _phase_seconds(segment, tempo.phase)
    frames = frame_count(segment.drawing, phase_s)
    return seconds_to_next_frame(tempo.phase, frames, phase_s, tempo.phase_remaining)
