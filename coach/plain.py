"""`coach run --plain`: a session without the TUI, one line per event on stdout.

For screen readers, pipes and scripts: no terminal needed. Self-paced steps wait for a line on
stdin (Enter). At the end of input there is nobody to say "done": the runner says so once and
skips them (a step with reps and a tempo is timed, so it still plays its planned length), so a
script never hangs and a closed stdin never counts as done. Cues still sound when audio works.
"""

from __future__ import annotations

import os
import select
import sys
import time
from collections.abc import Callable, Iterable
from typing import Protocol, TextIO

from coach import text
from coach.cramps.values import RELIEF_ROUTINE
from coach.history.checkins import FEELINGS, Answers, CheckInError, Feeling, read_note, read_pain
from coach.history.outcome import WorkTally, verdict
from coach.routine.timeline import Segment, amount_text, where_text
from coach.session.engine import (
    Cue,
    Event,
    Paused,
    Resumed,
    SegmentEnded,
    SegmentStarted,
    SessionEngine,
    SessionFinished,
)


class InputSource(Protocol):
    """Where the runner waits: for a line of input, or just for time to pass."""

    def wait(self, timeout: float | None) -> str | None:
        """A line ('' at end of input), or None when `timeout` seconds passed first."""

    def sleep(self, seconds: float) -> None:
        """Let time pass without reading input (typing ahead is kept for later)."""


class StdinSource:
    """Real stdin, waited on with select() so timed events are not delayed by reading."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self._closed = False

    def sleep(self, seconds: float) -> None:
        time.sleep(max(0.0, seconds))

    def wait(self, timeout: float | None) -> str | None:
        if self._closed:
            if timeout is not None:
                self.sleep(timeout)
                return None
            return ""
        try:
            ready, _, _ = select.select([self.stream], [], [], timeout)
        except (OSError, ValueError):
            ready = [self.stream]
        if not ready:
            return None
        line = self.stream.readline()
        if line == "":
            self._closed = True
        return line


EventListener = Callable[[Event], None]

#: Said once when input ends while self-paced steps remain.
NO_KEYBOARD = "no keyboard: self-paced steps are skipped"


def describe(event: Event) -> str | None:
    """The line printed for an event, or None for events that need no line of their own."""
    if isinstance(event, SegmentStarted):
        return _started(event.segment)
    if isinstance(event, Cue):
        if event.kind == "countdown":
            return event.detail
        if event.kind == "halfway":
            return "Halfway"
        return None
    if isinstance(event, SegmentEnded):
        if event.status == "skipped" and event.segment.kind == "work":
            return f"Skipped: {event.segment.name}"
        return None
    if isinstance(event, Paused):
        return "Paused"
    if isinstance(event, Resumed):
        return "Resumed"
    return None


def _started(seg: Segment) -> str:
    where = where_text(seg)
    suffix = f" ({where})" if where else ""
    if seg.kind == "prepare":
        return f"Get ready: {seg.name}{suffix}, {text.length(seg.duration_s or 0)}"
    if seg.kind == "rest":
        return f"Rest {text.length(seg.duration_s or 0)}"
    if seg.kind == "switch":
        return f"Switch sides: {seg.side} side next, {text.length(seg.duration_s or 0)}"
    if seg.self_paced:
        return f"Go: {seg.name}{suffix}, {amount_text(seg)}: press Enter when done"
    return f"Go: {seg.name}{suffix}, {amount_text(seg)}"


class PlainRunner:
    """Drives an engine in real time (or a fake one), writing a line per event.

    Sound and history are listeners like any other: each gets every event, in order, before its
    line is written.
    """

    def __init__(
        self,
        engine: SessionEngine,
        out: TextIO,
        source: InputSource,
        listeners: Iterable[EventListener] = (),
        tally: WorkTally | None = None,
    ) -> None:
        """`tally` is the recorder's, when it has one: after a resume it knows the earlier part."""
        self.engine = engine
        self.out = out
        self.source = source
        self.listeners = list(listeners)
        self.tally = tally if tally is not None else WorkTally(engine.timeline)
        self.completed = False
        self._explained_group: int | None = None
        self._told_no_keyboard = False

    def handle(self, events: Iterable[Event]) -> None:
        for event in events:
            for listener in self.listeners:
                listener(event)
            # Adding an event the recorder's tally already took gives the same answer again.
            if not self.tally.add(event):
                continue  # a skip over a step already done: it stays done, nothing to say
            if isinstance(event, SessionFinished):
                outcome = self.tally.outcome()
                self.completed = outcome.completed
                # The relief answers a cramp: no practice, so no streak to speak of.
                practice = self.engine.timeline.routine_id != RELIEF_ROUTINE
                self._write(event.at, verdict(outcome, practice))
                continue
            line = describe(event)
            if line is None:
                continue
            self._write(event.at, line)
            if isinstance(event, SegmentStarted):
                self._explain(event.segment)
            self.out.flush()

    def _write(self, at: float, line: str) -> None:
        elapsed = text.clock(self.engine.session_elapsed(at), round_up=False)
        self.out.write(f"[{elapsed}] {line}\n")
        self.out.flush()

    def _explain(self, segment: Segment) -> None:
        """How to do an exercise, and its caution, once when the exercise comes up."""
        if segment.kind not in ("prepare", "work") or segment.group == self._explained_group:
            return
        self._explained_group = segment.group
        for step in segment.instructions:
            self.out.write(f"       {step}\n")
        if segment.caution:
            self.out.write(f"       Caution: {segment.caution}\n")

    def _no_keyboard(self) -> None:
        if not self._told_no_keyboard:
            self._told_no_keyboard = True
            self._write(self.engine.clock.now(), NO_KEYBOARD)

    def run(self, at_index: int = 0) -> bool:
        """Play the session to its end; True when it counts as completed."""
        engine = self.engine
        self.handle(engine.start(at_index))
        try:
            while not engine.finished:
                deadline = engine.next_deadline()
                current = engine.current
                waiting = current is not None and current.self_paced
                timeout = None if deadline is None else max(0.0, deadline - engine.clock.now())
                if waiting:
                    line = self.source.wait(timeout)
                    if line is None:
                        self.handle(engine.poll())
                    elif line == "":
                        self._no_keyboard()
                        self.handle(engine.skip())
                    else:
                        self.handle(engine.mark_done())
                    continue
                if timeout is None:
                    break
                if timeout > 0:
                    self.source.sleep(timeout)
                self.handle(engine.poll())
        except KeyboardInterrupt:
            self.handle(engine.stop())
            raise
        return self.completed


def stdin_source() -> InputSource:
    return StdinSource(sys.stdin if sys.stdin is not None else open(os.devnull))


# -- the check-in after a session ----------------------------------------------------------

#: Reads one answer after showing a prompt: the line without its newline, or None at the end
#: of input (Ctrl-D) or on Ctrl-C: the person wants no more questions.
Ask = Callable[[str], str | None]


def ask_checkin(ask: Ask, out: TextIO) -> Answers | None:
    """The three check-in questions, each skipped with Enter; None when nothing was answered.

    A wrong answer is asked once more; a second wrong one counts as not given.
    """
    out.write("How did it go? Press Enter to skip any question.\n")
    feeling: Feeling | None = None
    pain: int | None = None
    for _ in range(2):
        answer = ask("How did it feel? 1 easy, 2 about right, 3 hard: ")
        if answer is None:
            return None
        answer = answer.strip().lower()
        if not answer:
            break
        feeling = {str(n): f for n, f in enumerate(FEELINGS, start=1)}.get(answer)
        if feeling is not None:
            break
        out.write("Please type 1, 2 or 3, or just press Enter.\n")
    for _ in range(2):
        answer = ask("Pain or tightness now, 0 (none) to 10: ")
        if answer is None:
            return None
        try:
            pain = read_pain(answer) if answer.strip() else None
            break
        except CheckInError:
            out.write("Please type a whole number from 0 to 10, or just press Enter.\n")
    answer = ask("Note (optional, one line): ")
    if answer is None:
        return None
    try:
        note = read_note(answer)
    except CheckInError as exc:
        out.write(f"{exc}; the note is left out.\n")
        note = None
    if feeling is None and pain is None and note is None:
        return None
    return feeling, pain, note


def terminal_ask(prompt: str) -> str | None:
    """`input()` on the terminal; None on Ctrl-D or Ctrl-C."""
    try:
        return input(prompt)
    except (EOFError, KeyboardInterrupt):
        print()
        return None
