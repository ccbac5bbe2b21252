"""Small wording helpers shared by the command line and the screens.

The ground floor: nothing here imports from coach, so every layer may use it.
"""

from __future__ import annotations

import math


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


def plural(count: int, word: str, words: str | None = None) -> str:
    """`1 exercise`, `3 exercises`, `1,204 sessions`; `words` for an irregular plural."""
    return f"{count:,} {word if count == 1 else (words or word + 's')}"


def reps(count: int) -> str:
    return plural(count, "rep")
