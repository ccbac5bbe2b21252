"""`coach run --plain`: a session without the TUI, one line per event on stdout.

For screen readers, pipes and scripts: no terminal needed. Self-paced steps wait for a line on
stdin (Enter); end of input counts the step as skipped so a script never hangs. Cues still sound
when audio works.
"""

from __future__ import annotations

import os
import select
import sys
import time
from collections.abc import Callable, Iterable
from typing import Protocol, TextIO

from coach import text
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
    if isinstance(event, SessionFinished):
        return "Session complete" if event.completed else "Session stopped"
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
    ) -> None:
        self.engine = engine
        self.out = out
        self.source = source
        self.listeners = list(listeners)
        self.completed = False
        self._explained_group: int | None = None

    def handle(self, events: Iterable[Event]) -> None:
        for event in events:
            for listener in self.listeners:
                listener(event)
            if isinstance(event, SessionFinished):
                self.completed = event.completed
            line = describe(event)
            if line is None:
                continue
            at = text.clock(self.engine.session_elapsed(event.at), round_up=False)
            self.out.write(f"[{at}] {line}\n")
            if isinstance(event, SegmentStarted):
                self._explain(event.segment)
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

    def run(self, at_index: int = 0) -> bool:
        """Play the session to its end; True when it completed."""
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
