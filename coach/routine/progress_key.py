"""A step's optional `progress:` key: how a step grows as completed days add up, and when it
holds or backs off because of what the check-ins said.

- {name: Calf raise, reps: 10, progress: {every: 7d, add: 2, max: 20}}
- {name: Calf stretch, duration: 30s, progress: {every: 7d, add: 5s, max: 60s, hold_if_pain: 6}}
"""

from __future__ import annotations

import re

from yaml.nodes import Node

from coach.problems import shown
from coach.routine.model import MAX_BACK_OFF_AFTER, MAX_EVERY_DAYS, MAX_REPS, Progression
from coach.text import length
from coach.yamlfile import NodeReader

PROGRESS_KEYS = ("every", "add", "max", "hold_if_pain", "back_off_after")
#: `progress` keys every progression needs; the others have defaults.
PROGRESS_REQUIRED = ("every", "add", "max")
_DAYS = re.compile(r"(\d+)\s*d?")


def read_progress(
    reader: NodeReader, node: Node, duration: float | None, reps: int | None
) -> Progression | None:
    """`every` whole days, then `add` and `max` in the step's own unit: a duration for a
    timed hold, a whole number for reps. `max` is never below the value in the file."""
    fields = reader.mapping(node, "`progress`", PROGRESS_KEYS)
    if fields is None:
        return None
    missing = [f"`{key}`" for key in PROGRESS_REQUIRED if key not in fields]
    if missing:
        example = (
            "{every: 7d, add: 5s, max: 60s}" if reps is None else "{every: 7d, add: 2, max: 20}"
        )
        reader.error(
            node,
            f"`progress` needs `every`, `add` and `max` (missing {', '.join(missing)}),"
            f" for example {example}",
        )
    every = _every(reader, fields["every"][1]) if "every" in fields else None
    add: float | None = None
    limit: float | None = None
    if duration is not None:
        if "add" in fields:
            add = reader.duration(fields["add"][1], "`add`")
        if "max" in fields:
            limit = reader.duration(fields["max"][1], "`max`")
        base, written = duration, f"`duration` ({length(duration)})"
    elif reps is not None:
        if "add" in fields:
            add = _reps(reader, fields["add"][1], "`add`")
        if "max" in fields:
            limit = _reps(reader, fields["max"][1], "`max`")
        base, written = float(reps), f"`reps` ({reps})"
    else:
        return None  # the step's amount is already reported as wrong
    if limit is not None and limit < base:
        reader.error(
            fields["max"][1],
            f"`max` must be at least the step's {written}, got {shown(fields['max'][1].value)}",
        )
        return None
    listening = _listening(reader, fields)
    if every is None or add is None or limit is None or listening is None:
        return None
    return Progression(every, float(add), float(limit), node.start_mark.line + 1, *listening)


def _listening(reader: NodeReader, fields: dict[str, tuple[Node, Node]]) -> tuple[int, int] | None:
    """`hold_if_pain` (a pain score, 1 to 10) and `back_off_after` (hard sessions in a row),
    each with its default when left out."""
    hold: int | None = Progression.hold_if_pain
    back: int | None = Progression.back_off_after
    if "hold_if_pain" in fields:
        hold = reader.whole(fields["hold_if_pain"][1], "`hold_if_pain`", 1, 10)
    if "back_off_after" in fields:
        node = fields["back_off_after"][1]
        back = reader.whole(node, "`back_off_after`", 1, MAX_BACK_OFF_AFTER)
    if hold is None or back is None:
        return None
    return hold, back


def _every(reader: NodeReader, node: Node) -> int | None:
    written = reader.text(node, "`every`")
    if written is None:
        return None
    match = _DAYS.fullmatch(written.strip())
    days = int(match.group(1)) if match else None
    if days is None or not 1 <= days <= MAX_EVERY_DAYS:
        reader.error(
            node,
            f"`every` must be a whole number of days from 1 to {MAX_EVERY_DAYS},"
            f" like 7d or 7, got {shown(written)}",
        )
        return None
    return days


def _reps(reader: NodeReader, node: Node, what: str) -> int | None:
    """A whole number of reps; a duration here is the usual slip, so it is named."""
    if node.tag == "tag:yaml.org,2002:str":
        got = shown(node.value)
        reader.error(node, f"{what} of a reps step must be a whole number of reps, got {got}")
        return None
    return reader.whole(node, what, 1, MAX_REPS)
