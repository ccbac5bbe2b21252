"""What a reminder does when it comes round: nothing if the plan is done so far; otherwise a
notification that waits for the person's answer and acts on it.

Time is read from the clock handed in (monotonic seconds): each notification waits at most
`wait_s` from when it was sent, and a snooze waits `snooze_s` before checking again, so tests
drive all of it with a fake clock and never sleep.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import time as clock_time
from typing import Literal, Protocol

from coach import text
from coach.remind.notify import EXPIRED, Answer, Note, Notifier
from coach.session.clock import FakeClock

Outcome = Literal["nothing due", "started", "logged", "dismissed", "no answer"]


@dataclass(frozen=True)
class Due:
    """The planned routine a reminder is about."""

    routine: str
    name: str
    length_s: float  # 0 when the routine cannot be loaded
    at: clock_time | None
    streak: int


class Sleeper(Protocol):
    def now(self) -> float: ...

    def sleep(self, seconds: float) -> None: ...


class RealSleeper:
    def now(self) -> float:
        return time.monotonic()

    def sleep(self, seconds: float) -> None:
        time.sleep(max(0.0, seconds))


class FakeSleeper(FakeClock):
    """A fake clock whose `sleep` moves it at once, for tests; it notes each sleep."""

    def __init__(self, start: float = 1000.0) -> None:
        super().__init__(start)
        self.slept: list[float] = []

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.advance(max(0.0, seconds))


def reminder_note(due: Due, snooze_s: float) -> Note:
    """Summary: the routine and its length; body: when it was planned and the streak."""
    when = f"at {due.at:%H:%M} " if due.at is not None else ""
    if due.streak:
        streak = f"You are on a {due.streak}-day streak; a session today keeps it going."
    else:
        streak = "A session today starts a streak."
    return Note(
        summary=f"{due.name} · {text.length(due.length_s)}" if due.length_s else due.name,
        body=f"{due.name} is planned {when}today. {streak}",
        actions=(
            ("start", "Start"),
            ("snooze", f"In {text.length(snooze_s)}"),
            ("done", "Done already"),
        ),
    )


def remind(
    check: Callable[[], Due | None],
    notifier: Notifier,
    clock: Sleeper,
    *,
    wait_s: float,
    snooze_s: float,
    start: Callable[[Due], None],
    done: Callable[[Due], None],
) -> Outcome:
    """Notify about what `check` finds due, until it is answered, dismissed or `wait_s` pass.

    "start" calls `start`. "done" calls `done`, then checks again: another routine may have
    come due while this one waited (a timer does not start a second reminder meanwhile).
    "snooze" closes the note, waits `snooze_s`, then checks again (the person may have done it
    meanwhile) and notifies anew.
    """
    outcome: Outcome = "nothing due"
    due = check()
    while due is not None:
        note_id = notifier.notify(reminder_note(due, snooze_s))
        deadline = clock.now() + wait_s
        answer = _answer(notifier, note_id, clock, deadline)
        if answer.kind == "timeout":
            notifier.close(note_id)
            return "no answer"
        if answer.kind == "closed":
            return "dismissed"
        if answer.key == "start":
            start(due)
            return "started"
        if answer.key == "done":
            done(due)
            outcome = "logged"
        else:
            notifier.close(note_id)  # snooze: gone until it comes back
            clock.sleep(snooze_s)
        due = check()
    return outcome


def _answer(notifier: Notifier, note_id: int, clock: Sleeper, deadline: float) -> Answer:
    """The person's answer; a note that merely expired into the server's list still waits
    (its buttons stay there), and an action we did not offer is ignored."""
    while True:
        answer = notifier.answer(note_id, max(0.0, deadline - clock.now()))
        if answer.kind == "closed" and answer.reason == EXPIRED and clock.now() < deadline:
            continue
        if answer.kind == "action" and answer.key not in ("start", "snooze", "done"):
            continue
        return answer
