"""A small braille-dot rasteriser: lines and circles on a grid of 2 x 4 dots per character.

Our own rather than drawille: thirty lines do what the drawing needs (two layers, a scale
with thicker lines for big terminals), and the result is plain strings any screen can style.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from coach.drawing.model import BOARD_H, BOARD_W, Drawing, Point

#: Cells of the drawing at scale 1: two dots across and four down per cell.
CELLS_W = BOARD_W // 2
CELLS_H = BOARD_H // 4
BODY, PROP, EMPTY = "b", "p", " "
_BITS = ((0x01, 0x08), (0x02, 0x10), (0x04, 0x20), (0x40, 0x80))  # [row][column] in a cell


@dataclass(frozen=True)
class Picture:
    """Rows of braille characters, and per character which layer it shows (`b`, `p` or space)."""

    rows: tuple[str, ...]
    layers: tuple[str, ...]

    @property
    def width(self) -> int:
        return len(self.rows[0]) if self.rows else 0


class _Canvas:
    def __init__(self, scale: int) -> None:
        self.scale = scale
        self.w, self.h = BOARD_W * scale, BOARD_H * scale
        self.dots: dict[tuple[int, int], str] = {}

    def dot(self, x: float, y: float, layer: str) -> None:
        col, row = round(x), round(y)
        if 0 <= col < self.w and 0 <= row < self.h and self.dots.get((col, row)) != BODY:
            self.dots[(col, row)] = layer

    def to_canvas(self, point: Point) -> tuple[float, float]:
        """Board dots (y up) to canvas dots (y down), scaled."""
        x, y = point
        s = self.scale
        return x * s + (s - 1) / 2, (BOARD_H - 1 - y) * s + (s - 1) / 2

    def line(self, a: Point, b: Point, layer: str) -> None:
        (x0, y0), (x1, y1) = self.to_canvas(a), self.to_canvas(b)
        steps = max(1, math.ceil(max(abs(x1 - x0), abs(y1 - y0))))
        for i in range(steps + 1):
            t = i / steps
            self._pen(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t, layer)

    def circle(self, centre: Point, radius: float, layer: str) -> None:
        cx, cy = self.to_canvas(centre)
        r = radius * self.scale
        steps = max(8, math.ceil(2 * math.pi * r))
        for i in range(steps):
            angle = 2 * math.pi * i / steps
            self._pen(cx + r * math.cos(angle), cy + r * math.sin(angle), layer)

    def _pen(self, x: float, y: float, layer: str) -> None:
        """A pen as wide as the scale, so a bigger drawing has bolder lines."""
        reach = self.scale // 2
        for dx in range(-reach, self.scale - reach):
            for dy in range(-reach, self.scale - reach):
                self.dot(x + dx, y + dy, layer)

    def picture(self) -> Picture:
        cols, lines = self.w // 2, self.h // 4
        bits = [[0] * cols for _ in range(lines)]
        layer = [[EMPTY] * cols for _ in range(lines)]
        for (x, y), kind in self.dots.items():
            row, col = y // 4, x // 2
            bits[row][col] |= _BITS[y % 4][x % 2]
            if layer[row][col] != BODY:
                layer[row][col] = kind
        rows = tuple("".join(chr(0x2800 + b) if b else " " for b in line) for line in bits)
        return Picture(rows, tuple("".join(line) for line in layer))


def draw(drawing: Drawing, points: Mapping[str, Point], scale: int = 1) -> Picture:
    """`drawing`'s strokes through `points` on a canvas of `scale` x 30 x 8 cells."""
    canvas = _Canvas(scale)
    # Props first, so where body and scenery share a cell the body's colour wins.
    for stroke in sorted(drawing.strokes, key=lambda s: not s.prop):
        layer = PROP if stroke.prop else BODY
        if stroke.radius > 0:
            canvas.circle(points[stroke.points[0]], stroke.radius, layer)
            continue
        for a, b in zip(stroke.points, stroke.points[1:], strict=False):
            canvas.line(points[a], points[b], layer)
    return canvas.picture()


def as_dots(picture: Picture) -> str:
    """The picture as `#` and `.` at dot resolution: for tests and for looking at in a terminal."""
    out = []
    for row in picture.rows:
        for sub in range(4):
            line: list[str] = []
            for ch in row:
                bits = ord(ch) - 0x2800 if ch != " " else 0
                line.extend("#" if bits & _BITS[sub][c] else "." for c in (0, 1))
            out.append("".join(line))
    return "\n".join(out)
