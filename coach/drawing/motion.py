"""Where a drawing's points are at a moment of a rep, and when its next frame falls.

Everything is derived from where the session's clock says the rep is (which tempo phase, and
how far into it), never from counting frames: a late or skipped frame only means the next one
shows the right place. Frames fall on a grid of `FPS` per second from the phase's own start.
"""

from __future__ import annotations

import math

from coach.drawing.model import BOARD_W, Drawing, Point, Pose

#: Frames per second while a drawing moves; none at all while it stands still.
FPS = 12


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


def phase_progress(phase_s: float, phase_remaining: float) -> float:
    """How far (0 to 1) into a phase of `phase_s` seconds with `phase_remaining` left."""
    if phase_s <= 0:
        return 1.0
    return min(max(1.0 - phase_remaining / phase_s, 0.0), 1.0)


def frame_progress(phase_s: float, phase_remaining: float) -> float:
    """`phase_progress` held at the last frame boundary, so one frame always shows one picture."""
    if phase_s <= 0:
        return 1.0
    return min(frame_index(phase_s, phase_remaining) / FPS / phase_s, 1.0)


def frame_index(phase_s: float, phase_remaining: float) -> int:
    """Which frame of its phase is showing: the grid step the phase's elapsed time has reached."""
    return math.floor(max(0.0, phase_s - phase_remaining) * FPS + 1e-9)


def seconds_to_next_frame(
    phase: str | None, phase_s: float, phase_remaining: float
) -> float | None:
    """How long until the drawing next changes within this phase; None while it stands still.

    The end of the phase is not a frame here: the phase change wakes the screen anyway.
    """
    if not is_moving(phase) or phase_remaining <= 0:
        return None
    spent = max(0.0, phase_s - phase_remaining)
    next_at = (frame_index(phase_s, phase_remaining) + 1) / FPS
    wait = next_at - spent
    return wait if wait < phase_remaining else None


def mirrored(points: dict[str, Point]) -> dict[str, Point]:
    """The other side: the picture flipped left to right on the board."""
    return {name: (BOARD_W - 1 - x, y) for name, (x, y) in points.items()}
