"""Where a drawing's points are at a moment of a rep, and when its next frame falls.

Everything is derived from where the session's clock says the rep is (which tempo phase, and
how far into it), never from counting frames: a late or skipped frame only means the next one
shows the right place. Frames fall on an even grid from the phase's own start, one for each
step of a dot or two that the picture moves, and at most `FPS` a second.
"""

from __future__ import annotations

import math

from coach.drawing.model import BOARD_W, Drawing, Point, Pose

#: At most this many frames a second while a drawing moves; none while it stands still.
FPS = 12
#: Dots the most-moving point travels between frames: a smaller step would not show.
STEP_DOTS = 2.0


def _ease(t: float) -> float:
    """Slow in, slow out: a body part starts and stops gently rather than at full speed."""
    t = min(max(t, 0.0), 1.0)
    return 0.5 - 0.5 * math.cos(math.pi * t)


def blend(a: Pose, b: Pose, t: float) -> dict[str, Point]:
    """Points a fraction `t` of the way from pose `a` to pose `b` (eased)."""
    k = _ease(t)
    ends = b.as_dict()
    out = {}
    for name, (x0, y0) in a.points:
        x1, y1 = ends.get(name, (x0, y0))
        out[name] = (x0 + (x1 - x0) * k, y0 + (y1 - y0) * k)
    return out


def pose_at(drawing: Drawing, phase: str | None, progress: float) -> dict[str, Point]:
    """The points `progress` (0 to 1) through tempo `phase`.

    up: A to B; hold: B; down: B to A; pause, or no phase at all (getting ready): A.
    """
    if phase == "up":
        return blend(drawing.start, drawing.end, progress)
    if phase == "down":
        return blend(drawing.end, drawing.start, progress)
    if phase == "hold":
        return drawing.end.as_dict()
    return drawing.start.as_dict()


def held_pose(drawing: Drawing) -> dict[str, Point]:
    """What a timed hold shows: the position the exercise asks you to keep (pose B)."""
    return drawing.end.as_dict()


def is_moving(phase: str | None) -> bool:
    return phase in ("up", "down")


def travel(drawing: Drawing) -> float:
    """How far, in dots, the point that moves most goes from pose A to pose B."""
    ends = drawing.end.as_dict()
    return max((math.dist(point, ends[name]) for name, point in drawing.start.points), default=0.0)


def frame_count(drawing: Drawing, phase_s: float) -> int:
    """Frames in a moving phase of `phase_s` seconds: one per `STEP_DOTS` of travel, so each
    frame moves the picture by a dot or two (a smaller step would not show), and never more
    than `FPS` a second."""
    by_travel = math.ceil(travel(drawing) / STEP_DOTS)
    return max(1, min(by_travel, math.floor(FPS * phase_s)))


def frame_index(frames: int, phase_s: float, phase_remaining: float) -> int:
    """Which of a phase's `frames` is showing: the grid step its elapsed time has reached."""
    if phase_s <= 0:
        return frames
    spent = max(0.0, phase_s - phase_remaining)
    return min(frames, math.floor(spent / phase_s * frames + 1e-9))


def frame_progress(frames: int, phase_s: float, phase_remaining: float) -> float:
    """How far through the phase (0 to 1) the showing frame is: one frame, one picture."""
    return frame_index(frames, phase_s, phase_remaining) / frames


def seconds_to_next_frame(
    phase: str | None, frames: int, phase_s: float, phase_remaining: float
) -> float | None:
    """How long until the drawing next changes within this phase; None while it stands still.

    The end of the phase is not a frame here: the phase change wakes the screen anyway.
    """
    if not is_moving(phase) or phase_remaining <= 0 or phase_s <= 0:
        return None
    spent = max(0.0, phase_s - phase_remaining)
    next_at = (frame_index(frames, phase_s, phase_remaining) + 1) * phase_s / frames
    wait = next_at - spent
    return wait if wait < phase_remaining - 1e-9 else None


def mirrored(points: dict[str, Point]) -> dict[str, Point]:
    """The other side: the picture flipped left to right on the board."""
    return {name: (BOARD_W - 1 - x, y) for name, (x, y) in points.items()}
