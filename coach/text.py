"""Small wording helpers shared by the command line and the screens."""

from __future__ import annotations

import math

from coach.routine.timeline import Segment


def clock(seconds: float, round_up: bool = True) -> str:
    """`m:ss` (or `h:mm:ss`). Countdowns round up, so 0:01 shows until time is really up;
    elapsed times round down (`round_up=False`)."""
    whole = max(0, math.ceil(seconds - 1e-9) if round_up else math.floor(seconds + 1e-9))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def length(seconds: float) -> str:
    """A plain length such as `11 min 30 s`, `45 s`, `1.5 s` or `1 h 5 min`."""
    if seconds < 10 and seconds != round(seconds):
        return f"{seconds:.1f} s"
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    parts = [f"{hours} h" if hours else "", f"{minutes} min" if minutes else ""]
    parts.append(f"{secs} s" if secs or not (hours or minutes) else "")
    return " ".join(p for p in parts if p)


def amount(segment: Segment) -> str:
    """What the segment asks for: `30 s`, `10 reps (3-1-3 s)`, or `20 reps, at your own pace`."""
    if segment.reps is not None and segment.tempo:
        tempo = "-".join(f"{p.seconds:g}" for p in segment.tempo)
        return f"{reps(segment.reps)} ({tempo} s)"
    if segment.reps is not None:
        return (
            "at your own pace" if segment.reps == 1 else f"{reps(segment.reps)}, at your own pace"
        )
    return length(segment.duration_s or 0)


def reps(count: int) -> str:
    return "1 rep" if count == 1 else f"{count} reps"


def where(segment: Segment) -> str:
    """Side, set and round, e.g. `left foot, set 2/3, round 1/2`; empty when none apply."""
    parts = []
    if segment.side:
        parts.append(f"{segment.side} side")
    if segment.set is not None and segment.sets and segment.sets > 1:
        parts.append(f"set {segment.set}/{segment.sets}")
    if segment.round is not None and segment.rounds and segment.rounds > 1:
        parts.append(f"round {segment.round}/{segment.rounds}")
    return ", ".join(parts)
