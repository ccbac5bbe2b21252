"""The exercise library's optional `drawing:` key: a bundled drawing's id, or poses of one's own.

drawing: toe-raise            # the picture of a bundled exercise
drawing:                      # or points on a 60 x 32 board, y up from the floor
  lines: [[knee, ankle, heel, toe]]
  props: [[floor_left, floor_right]]
  circles: {marble: 3}
  start: {knee: [30, 30], ankle: [30, 8], ...}
  end: {toe: [44, 10]}         # only the points that move
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from yaml.nodes import Node, ScalarNode

from coach.drawing.model import BOARD_H, BOARD_W, VIEWS, Drawing, Point, Stroke, make_drawing
from coach.problems import shown
from coach.yamlfile import NodeReader

DRAWING_KEYS = ("view", "lines", "props", "circles", "start", "end")
MAX_POINTS = 200


def read_drawing(
    reader: NodeReader, node: Node, exercise_id: str, bundled: Mapping[str, Drawing]
) -> Drawing | None:
    """The drawing `node` asks for, or None after noting each mistake at its place."""
    if isinstance(node, ScalarNode):
        wanted = reader.text(node, "`drawing`")
        if wanted is None:
            return None
        found = bundled.get(wanted)
        if found is None:
            hint = reader.suggest(wanted, bundled) or " (a bundled exercise's id, like toe-raise)"
            reader.error(node, f"unknown drawing {shown(wanted)}{hint}")
        return found
    fields = reader.mapping(node, "`drawing`", DRAWING_KEYS)
    if fields is None:
        return None
    before = len(reader.problems)
    for key in ("lines", "start"):
        if key not in fields:
            reader.error(node, f"`drawing` needs `{key}` (or the id of a bundled drawing)")
    if len(reader.problems) > before:
        return None
    start = _points(reader, fields["start"][1], "`start`", None) or {}
    end = _points(reader, fields["end"][1], "`end`", start) if "end" in fields else {}
    strokes: list[Stroke] = []
    for key, prop in (("lines", False), ("props", True)):
        if key in fields:
            strokes += _lines(reader, fields[key][1], f"`{key}`", start, prop)
    if "circles" in fields:
        strokes += _circles(reader, fields["circles"][1], start)
    view = "side"
    if "view" in fields:
        view = reader.choice(fields["view"][1], "`view`", VIEWS) or view
    if len(reader.problems) > before:
        return None
    return make_drawing(exercise_id, tuple(strokes), start, end or None, view)  # type: ignore[arg-type]


def _known(reader: NodeReader, node: Node, what: str, points: Mapping[str, Point]) -> str | None:
    name = reader.text(node, what)
    if name is not None and name not in points:
        hint = reader.suggest(name, points) or " (every point is placed in `start`)"
        reader.error(node, f"{what} names the point {shown(name)}, not placed in `start`{hint}")
        return None
    return name


def _points(
    reader: NodeReader, node: Node, what: str, placed: Mapping[str, Point] | None
) -> dict[str, Point] | None:
    fields = reader.mapping(node, what)
    if fields is None:
        return None
    if len(fields) > MAX_POINTS:
        reader.error(node, f"{what} places {len(fields)} points; at most {MAX_POINTS}")
        return None
    out = {}
    for name, (key_node, value) in fields.items():
        if placed is not None and _known(reader, key_node, f"{what}", placed) is None:
            continue
        point = _point(reader, value, f"point {shown(name)}")
        if point is not None:
            out[name] = point
    return out


def _point(reader: NodeReader, node: Node, what: str) -> Point | None:
    items = reader.sequence(node, what)
    if items is None:
        return None
    if len(items) != 2:
        reader.error(node, f"{what} must be two numbers, [x, y]")
        return None
    numbers = [_number(reader, item, what) for item in items]
    x, y = numbers
    if x is None or y is None:
        return None
    if not (0 <= x <= BOARD_W - 1 and 0 <= y <= BOARD_H - 1):
        reader.error(
            node, f"{what} must lie on the board: x 0 to {BOARD_W - 1}, y 0 to {BOARD_H - 1}"
        )
        return None
    return (x, y)


def _number(reader: NodeReader, node: Node, what: str) -> float | None:
    word = reader.text(node, what)
    if word is None:
        return None
    try:
        value = float(word)
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        reader.error(node, f"{what} must be numbers, got {shown(word)}")
        return None
    return value


def _lines(
    reader: NodeReader, node: Node, what: str, points: Mapping[str, Point], prop: bool
) -> list[Stroke]:
    out = []
    for item in reader.sequence(node, what) or []:
        names = reader.sequence(item, f"each line of {what}")
        if names is None:
            continue
        if len(names) < 2:
            reader.error(item, f"each line of {what} joins two points or more")
            continue
        known = [_known(reader, name, f"a line of {what}", points) for name in names]
        if all(name is not None for name in known):
            out.append(Stroke(tuple(name for name in known if name is not None), prop=prop))
    return out


def _circles(reader: NodeReader, node: Node, points: Mapping[str, Point]) -> list[Stroke]:
    out = []
    for name, (key_node, value) in (reader.mapping(node, "`circles`") or {}).items():
        if _known(reader, key_node, "`circles`", points) is None:
            continue
        radius = _number(reader, value, f"the radius of {shown(name)}")
        if radius is not None and not 0 < radius <= BOARD_H / 2:
            reader.error(value, f"the radius of {shown(name)} must be from 0 to {BOARD_H // 2}")
        elif radius is not None:
            out.append(Stroke((name,), radius=radius))
    return out
