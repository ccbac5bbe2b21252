"""Small wording helpers shared by the command line and the screens.

The ground floor: nothing here imports from coach, so every layer may use it.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable
from typing import Protocol


def clock(seconds: float, round_up: bool = True) -> str:
    """`m:ss` (or `h:mm:ss`). Countdowns round up, so 0:01 shows until time is really up;
    elapsed times round down (`round_up=False`)."""
    whole = max(0, math.ceil(seconds - 1e-9) if round_up else math.floor(seconds + 1e-9))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def recorded(seconds: float) -> str:
    """A recorded length in `m:ss`, to the nearest second as `length` says it in words, so a
    history table and the Finished screen agree (`0:10` and `10 s` for 9.6 s). A running
    clock, by contrast, rounds as `clock` does."""
    return clock(round(seconds))


def length(seconds: float) -> str:
    """A length in words: `11 min 30 s`, `45 s`, `1 h 5 min`, in whole seconds.

    Only a length under a second keeps a decimal (`0.5 s`), so it does not read as nothing.
    Dense tables say the same with `clock` (`11:30`).
    """
    if 0 < seconds < 1:
        return f"{seconds:.1f} s"
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    parts = [f"{hours:,} h" if hours else "", f"{minutes} min" if minutes else ""]
    parts.append(f"{secs} s" if secs or not (hours or minutes) else "")
    return " ".join(p for p in parts if p)


def total(seconds: float) -> str:
    """A total of time, to the minute once it is a minute or more: `24 min`, `3 h 55 min`;
    nothing at all is `0 min`, as a week without practice reads."""
    if seconds <= 0:
        return "0 min"
    if seconds < 60:
        return length(seconds)
    return length(round(seconds / 60) * 60)


def printable(value: str) -> str:
    """`value` without control characters (escape, bell, ...) other than tab and newline:
    notes are printed back to a terminal, where an escape sequence would repaint it."""
    return "".join(c for c in value if c in "\t\n" or unicodedata.category(c) != "Cc")


def plural(count: int, word: str, words: str | None = None) -> str:
    """`1 exercise`, `3 exercises`, `1,204 sessions`; `words` for an irregular plural."""
    return f"{count:,} {word if count == 1 else (words or word + 's')}"


def reps(count: int) -> str:
    return plural(count, "rep")


class Phase(Protocol):
    """A tempo phase as the routine model holds it (`up`, 3 s)."""

    @property
    def name(self) -> str: ...
    @property
    def seconds(self) -> float: ...


def tempo(phases: Iterable[Phase]) -> str:
    """A tempo where room is short (the session, the preview): `3-1-3 s`."""
    return "-".join(f"{p.seconds:g}" for p in phases) + " s"


def tempo_words(phases: Iterable[Phase]) -> str:
    """A tempo on paper, where a reader has no screen to show each phase: `up 3 s, down 5 s`."""
    return ", ".join(f"{p.name} {p.seconds:g} s" for p in phases)


#: A length with self-paced steps in it: the timed part, then this (`2 min + own pace`).
OWN_PACE = " + own pace"


def timed(seconds: float, self_paced: bool) -> str:
    """A routine's length as lists and tables say it: `11 min 30 s`, `2 min + own pace`."""
    return length(seconds) + (OWN_PACE if self_paced else "")


#: What the screens and `coach status` say when no streak is running.
NO_STREAK = "No streak running — finish a session to start one."


def streak(days: int) -> str:
    """`3-day streak`, or the sentence for none (never `0-day streak`)."""
    return f"{days}-day streak" if days else NO_STREAK


def fit_column(
    rows: list[tuple[str, ...]],
    headers: tuple[str, ...],
    width: int,
    column: int = 0,
    padding: int = 2,
) -> list[tuple[str, ...]]:
    """Rows whose cells in `column` are cut short (with …) so every column fits in `width`
    cells, each column taking its widest cell plus `padding`. The other columns say how it
    went or what is asked and are never cut; a long name gives way."""
    others = sum(
        max(len(headers[i]), *(len(row[i]) for row in rows)) + padding
        for i in range(len(headers))
        if i != column
    )
    room = max(len(headers[column]), width - others - padding)

    def cut(cell: str) -> str:
        return cell if len(cell) <= room else cell[: room - 1] + "…"

    return [(*row[:column], cut(row[column]), *row[column + 1 :]) for row in rows]
