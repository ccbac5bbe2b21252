"""What the session screen shows at one moment, in whole seconds and strings.

Built from the engine on each wake and compared field by field, so a widget repaints only
when its own text or number changes: a float that moves every frame never reaches the screen.
Plain Python, no Textual, so the wording can be checked without running an app.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from coach import text
from coach.routine.timeline import Segment, Timeline, amount_text
from coach.session.engine import SessionEngine

STAGES = {"prepare": "GET READY", "work": "GO", "rest": "REST", "switch": "SWITCH SIDES"}
#: The one big word beside the clock when no tempo phase is playing.
BIG_WORDS = {"prepare": "READY", "work": "GO", "rest": "REST", "switch": "SWITCH"}
DONE_HINT = "Press Enter when done"


@dataclass(frozen=True)
class SessionView:
    kind: str  # prepare, work, rest, switch, or "" when nothing is playing
    stage: str
    title: str
    amount: str
    side: str
    counts: str
    rep: str
    phase: str
    big_word: str  # UP / HOLD / DOWN, else GO, REST, SWITCH, READY: read from across the room
    clock_s: int  # what the big clock shows: seconds left, or seconds so far when counting up
    counting_up: bool
    hint: str
    instructions: tuple[str, ...]
    caution: str
    segment_total: int  # 0: self-paced, no bar
    segment_done: int
    session_total: int
    session_done: int
    session_left: str
    upcoming: str

    def lines(self) -> dict[str, str]:
        """The text of each of the screen's lines, by the id of its widget."""
        return {
            "stage": self.stage,
            "side": self.side,
            "counts": self.counts,
            "title": self.title,
            "amount": self.amount,
            "rep": self.rep,
            "rep-inline": self.rep,
            "hint": self.hint,
            "instructions": "\n".join(self.instructions),
            "caution": f"Caution: {self.caution}" if self.caution else "",
            "upcoming": self.upcoming,
            # Up beside the stage, not on the bar at the bottom: what changes every second
            # then sits in one band, and a second's repaint leaves the rest of the screen be.
            "session-left": self.session_left,
        }


def _counts(segment: Segment) -> str:
    parts = []
    if segment.set is not None and segment.sets and segment.sets > 1:
        parts.append(f"Set {segment.set}/{segment.sets}")
    if segment.round is not None and segment.rounds and segment.rounds > 1:
        parts.append(f"Round {segment.round}/{segment.rounds}")
    return " · ".join(parts)


def _amount(engine: SessionEngine, segment: Segment) -> str:
    """What the exercise asks, shown while working and while getting ready for it."""
    if segment.kind == "work":
        return amount_text(segment)
    if segment.kind == "switch" and segment.side:
        return f"Get ready for the {segment.side} side"
    if segment.kind != "prepare":
        return ""
    group = [s for s in engine.timeline.segments if s.group == segment.group]
    work = next((s for s in group if s.kind == "work"), None)
    if work is None:
        return ""
    parts = [amount_text(work)]
    if work.sets and work.sets > 1:
        parts.append(f"{work.sets} sets")
    sides = list(dict.fromkeys(s.side for s in group if s.kind == "work" and s.side))
    if len(sides) > 1:
        parts.append(f"{sides[0]} side first")
    return ", ".join(parts)


def _upcoming(engine: SessionEngine) -> str:
    following = engine.upcoming()
    if following is None:
        return "Next: the end"
    if following.kind == "rest":
        return f"Next: Rest, {text.length(following.duration_s or 0)}"
    where = f" ({following.side} side)" if following.side else ""
    return f"Next: {following.name}{where}, {amount_text(following)}"


def shown_seconds(remaining: float | None, elapsed: float) -> tuple[int, bool]:
    """The big clock's value: seconds left rounded up, or whole seconds so far when self-paced."""
    if remaining is None:
        return int(math.floor(elapsed + 1e-9)), True
    return int(math.ceil(remaining - 1e-9)), False


def seconds_to_next_change(remaining: float | None, elapsed: float) -> float | None:
    """How long until the big clock shows a different number; None when it never will."""
    if remaining is None:
        return math.floor(elapsed + 1e-9) + 1 - elapsed
    if remaining <= 0:
        return None
    shown = math.ceil(remaining - 1e-9)
    return max(0.0, remaining - (shown - 1))


def seconds_to_next_wake(engine: SessionEngine, now: float) -> float | None:
    """How long until the screen has something to do: the engine's next deadline (a cue, a
    step's end) or the big clock's next number, the sooner; None, paused or not started."""
    if engine.paused or not engine.started:
        return None
    waits = []
    deadline = engine.next_deadline()
    if deadline is not None:
        waits.append(deadline - now)
    tick = seconds_to_next_change(engine.remaining(now), engine.elapsed(now))
    if tick is not None:
        waits.append(tick)
    return max(0.0, min(waits)) if waits else None


def open_ended_from(timeline: Timeline) -> list[bool]:
    """For each segment index: is it, or any segment after it, self-paced?

    Then the time left is only the timed part, and the screen says so.
    """
    flags = [False] * len(timeline.segments)
    later = False
    for segment in reversed(timeline.segments):
        later = later or segment.self_paced
        flags[segment.index] = later
    return flags


def view_of(
    engine: SessionEngine, now: float, open_ended: Sequence[bool] | None = None
) -> SessionView:
    """The screen's content for `engine` at clock reading `now`.

    `open_ended` is `open_ended_from(engine.timeline)`, computed once per session by the caller.
    """
    segment = engine.current
    left = engine.session_remaining(now)
    spent = engine.session_elapsed(now)
    session_total, session_done = round(spent + left), round(spent)
    more = open_ended is not None and segment is not None and open_ended[segment.index]
    session_left = f"{text.clock(left)} left" + (text.OWN_PACE if more else "")
    if segment is None:
        return SessionView(
            kind="", stage="FINISHED", title=engine.timeline.name, amount="", side="",
            counts="", rep="", phase="", big_word="", clock_s=0, counting_up=False, hint="",
            instructions=(), caution="", segment_total=0, segment_done=0,
            session_total=session_total, session_done=session_done, session_left=session_left,
            upcoming="",
        )  # fmt: skip
    remaining = engine.remaining(now)
    elapsed = engine.elapsed(now)
    clock_s, counting_up = shown_seconds(remaining, elapsed)
    tempo = engine.tempo_position(now)
    duration = engine.segment_duration()
    about = segment.kind in ("prepare", "work", "switch")
    return SessionView(
        kind=segment.kind,
        stage=STAGES.get(segment.kind, segment.kind.upper()),
        title=segment.name,
        amount=_amount(engine, segment),
        side=(segment.side or "").upper(),
        counts=_counts(segment),
        rep=f"Rep {tempo.rep}/{tempo.reps}" if tempo else "",
        phase=tempo.phase.upper() if tempo else "",
        big_word=tempo.phase.upper() if tempo else BIG_WORDS.get(segment.kind, ""),
        clock_s=clock_s,
        counting_up=counting_up,
        hint=DONE_HINT if counting_up else "",
        instructions=segment.instructions if about else (),
        caution=(segment.caution or "") if about else "",
        segment_total=0 if duration is None else max(1, round(duration)),
        segment_done=0 if duration is None else round(elapsed),
        session_total=session_total,
        session_done=session_done,
        session_left=session_left,
        upcoming=_upcoming(engine),
    )
