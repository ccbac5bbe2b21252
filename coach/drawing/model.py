"""A drawing of an exercise: named points in a few key poses, and the strokes that join them.

Points live on a fixed board of `BOARD_W` x `BOARD_H` dots (the braille canvas of about 30 x 8
terminal cells), x to the right and y up from the floor. A drawing has two key poses: `start`
(where a rep begins, pose A) and `end` (the position the exercise moves to and holds, pose B).
Points left out of `end` stay where `start` has them, so scenery is written once.

Drawn for the right side, facing right; the left side is the mirror image.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

BOARD_W = 60
BOARD_H = 32

Point = tuple[float, float]
View = Literal["side", "top"]
VIEWS: tuple[View, ...] = ("side", "top")


@dataclass(frozen=True)
class Stroke:
    """A line through named points, or a circle round one point when `radius` > 0.

    A `prop` (floor, wall, chair, towel, marble) is drawn in a quieter colour than the body.
    """

    points: tuple[str, ...]
    radius: float = 0.0
    prop: bool = False


@dataclass(frozen=True)
class Pose:
    """Where each named point is, in board dots. Kept as sorted pairs so poses hash and compare."""

    points: tuple[tuple[str, Point], ...]

    @classmethod
    def of(cls, points: Mapping[str, Point]) -> Pose:
        return cls(tuple(sorted((name, (float(x), float(y))) for name, (x, y) in points.items())))

    def as_dict(self) -> dict[str, Point]:
        return dict(self.points)


@dataclass(frozen=True)
class Drawing:
    """One exercise's picture: strokes plus pose A (`start`) and pose B (`end`), both complete."""

    id: str
    strokes: tuple[Stroke, ...]
    start: Pose
    end: Pose
    view: View = "side"

    @property
    def moves(self) -> bool:
        return self.start != self.end


def make_drawing(
    drawing_id: str,
    strokes: tuple[Stroke, ...],
    start: Mapping[str, Point],
    end: Mapping[str, Point] | None = None,
    view: View = "side",
) -> Drawing:
    """A drawing whose `end` pose may give only the points that move."""
    full_end = {**start, **(end or {})}
    return Drawing(drawing_id, strokes, Pose.of(start), Pose.of(full_end), view)


def line(*points: str, prop: bool = False) -> Stroke:
    return Stroke(tuple(points), prop=prop)


def circle(point: str, radius: float, prop: bool = False) -> Stroke:
    return Stroke((point,), radius=radius, prop=prop)


def missing_points(drawing: Drawing) -> list[str]:
    """Names the strokes use that a pose does not place, sorted; empty for a sound drawing."""
    used = {name for stroke in drawing.strokes for name in stroke.points}
    placed = set(drawing.start.as_dict()) & set(drawing.end.as_dict())
    return sorted(used - placed)
