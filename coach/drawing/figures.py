"""Parts the bundled drawings are built from: a lower leg and foot in outline, a stick figure,
and the moves between poses (turn some points round a joint, shift others).

Poses are computed rather than typed in, so a foot keeps its size and shape while it tilts, and
the two poses of an exercise differ only by the movement it teaches.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from coach.drawing.model import Point, Stroke, line

Points = dict[str, Point]

#: The shin and calf: they move with the knee and ankle, not with the foot.
SHIN = ("knee_front", "knee_back", "calf", "achilles", "ankle_front", "ankle")
#: The foot behind the toes: heel, arch, instep and ball.
FOOT = ("heel_back", "heel_bottom", "arch", "instep", "toe_base_top", "ball")
#: The toes, which bend at the ball of the foot.
TOES = ("knuckle", "knuckle_top", "tip")


def turn(points: Points, names: Iterable[str], pivot: Point, degrees: float) -> Points:
    """`points` with `names` turned round `pivot` (positive: anticlockwise, y up)."""
    a = math.radians(degrees)
    cos, sin = math.cos(a), math.sin(a)
    px, py = pivot
    out = dict(points)
    for name in names:
        x, y = points[name]
        dx, dy = x - px, y - py
        out[name] = (px + dx * cos - dy * sin, py + dx * sin + dy * cos)
    return out


def shift(points: Points, names: Iterable[str], dx: float, dy: float) -> Points:
    out = dict(points)
    for name in names:
        x, y = points[name]
        out[name] = (x + dx, y + dy)
    return out


def named(prefix: str, names: Iterable[str]) -> tuple[str, ...]:
    return tuple(prefix + name for name in names)


def leg(ankle: Point, size: float = 1.0, prefix: str = "") -> Points:
    """A right lower leg standing upright, foot flat: the ankle joint at `ankle`, toes to the
    right, `size` 1 being a shin of 22 dots and a foot of 25."""
    ax, ay = ankle

    def at(x: float, y: float) -> Point:
        return (ax + x * size, ay + y * size)

    parts = {
        "knee_front": at(4, 22),
        "knee_back": at(-4.5, 22),
        "calf": at(-7, 13),
        "achilles": at(-3, 3),
        "ankle_front": at(3, 1),
        "ankle": at(0, 0),
        "heel_back": at(-6, -4),
        "heel_bottom": at(-4, -7),
        "arch": at(4, -6.3),
        "instep": at(5, -2.5),
        "toe_base_top": at(12, -4.5),
        "ball": at(12, -7),
        "knuckle": at(16, -7),
        "knuckle_top": at(16, -4.5),
        "tip": at(19.5, -7),
    }
    return {prefix + name: point for name, point in parts.items()}


def leg_strokes(prefix: str = "", thigh: bool = False) -> tuple[Stroke, ...]:
    """The outline of `leg`: the back of the calf round the heel and along the sole to the toes,
    and the shin down over the instep to the toes. With `thigh`, lines to `hip_top` and
    `hip_bottom` make a seated leg."""
    p = prefix
    strokes = [
        line(*named(p, ("knee_back", "calf", "achilles", "heel_back", "heel_bottom", "arch"))),
        line(*named(p, ("arch", "ball", "knuckle", "tip"))),
        line(*named(p, ("knee_front", "ankle_front", "instep", "toe_base_top", "knuckle_top"))),
        line(*named(p, ("knuckle_top", "tip"))),
    ]
    if thigh:
        strokes += [
            line(p + "hip_top", p + "knee_top", p + "knee_front"),
            line(p + "hip_bottom", p + "knee_back"),
        ]
    return tuple(strokes)


def with_thigh(points: Points, hip_x: float, size: float = 1.0, prefix: str = "") -> Points:
    """A seated leg: the thigh runs level from the hip (at `hip_x`) to the top of the knee."""
    kx, ky = points[prefix + "knee_front"]
    _, by = points[prefix + "knee_back"]
    out = dict(points)
    out[prefix + "knee_top"] = (kx - 1 * size, ky + 5 * size)
    out[prefix + "hip_top"] = (hip_x, ky + 5 * size)
    out[prefix + "hip_bottom"] = (hip_x, by)
    return out


def raise_heel(points: Points, degrees: float, prefix: str = "") -> Points:
    """Up onto the ball of the foot: the foot turns about the ball, the shin rides up with the
    ankle and stays upright, the toes stay flat."""
    ball = points[prefix + "ball"]
    rear = named(prefix, ("heel_back", "heel_bottom", "arch", "instep", "toe_base_top"))
    moved = turn(points, rear + (prefix + "ankle",), ball, -degrees)
    (x0, y0), (x1, y1) = points[prefix + "ankle"], moved[prefix + "ankle"]
    shin = [n for n in named(prefix, SHIN) if n != prefix + "ankle"]
    if prefix + "knee_top" in points:  # a seated leg: the knee rises, the hip stays
        shin.append(prefix + "knee_top")
    return shift(moved, shin, x1 - x0, y1 - y0)


def lift_forefoot(points: Points, degrees: float, prefix: str = "") -> Points:
    """Heel down, front of the foot up: the foot and toes turn about the heel."""
    pivot = points[prefix + "heel_bottom"]
    front = named(prefix, ("heel_back", "arch", "instep", "toe_base_top", "ball") + TOES)
    return turn(points, front, pivot, degrees)


def bend_toes(points: Points, knuckle_deg: float, tip_deg: float, prefix: str = "") -> Points:
    """Toes bent at the ball (`knuckle_deg`) and again at the knuckle (`tip_deg`); up positive.

    A curl lifts the knuckle and drives the tip down: (+35, -110). A stretch pulls them back."""
    p = prefix
    out = turn(points, named(p, TOES), points[p + "ball"], knuckle_deg)
    return turn(out, (p + "tip",), out[p + "knuckle"], tip_deg)


def stick_strokes(prefix: str = "") -> tuple[Stroke, ...]:
    """A stick figure: head, trunk, two arms to the hands, two legs to the heels and toes."""
    p = prefix
    return (
        Stroke((p + "head",), radius=2.5),
        line(*named(p, ("neck", "hip"))),
        line(*named(p, ("neck", "elbow", "hand"))),
        line(*named(p, ("hip", "knee", "ankle", "heel", "toe", "ankle"))),
        line(*named(p, ("hip", "knee2", "ankle2", "heel2", "toe2", "ankle2"))),
    )


def floor() -> Stroke:
    return line("floor_left", "floor_right", prop=True)


def floor_points(y: float = 0.0) -> Points:
    return {"floor_left": (0.0, y), "floor_right": (59.0, y)}


def arrow(prefix: str, path: list[Point], head: float = 3.0) -> tuple[Points, Stroke, Stroke]:
    """A prop arrow along `path` with its head at the last point: which way a part moves."""
    names = [f"{prefix}{i}" for i in range(len(path))]
    points = dict(zip(names, path, strict=True))
    (x0, y0), (x1, y1) = path[-2], path[-1]
    back = math.atan2(y0 - y1, x0 - x1)
    for side, spread in (("l", 0.5), ("r", -0.5)):
        angle = back + spread
        points[f"{prefix}{side}"] = (x1 + head * math.cos(angle), y1 + head * math.sin(angle))
    tip = names[-1]
    return (
        points,
        line(*names, prop=True),
        line(f"{prefix}l", tip, f"{prefix}r", prop=True),
    )


def arc(
    centre: Point, radius: float, start_deg: float, end_deg: float, steps: int = 6
) -> list[Point]:
    """Points along a circle's arc, for a curved arrow."""
    cx, cy = centre
    return [
        (
            cx + radius * math.cos(math.radians(start_deg + (end_deg - start_deg) * i / steps)),
            cy + radius * math.sin(math.radians(start_deg + (end_deg - start_deg) * i / steps)),
        )
        for i in range(steps + 1)
    ]
