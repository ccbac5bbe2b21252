"""Moves for Pilot tests: settle the app, reach the session screen, move the fake clock."""

from __future__ import annotations

import contextlib

from textual.app import App
from textual.pilot import Pilot
from textual.worker import WorkerCancelled

from coach.session.clock import FakeClock
from coach.tui.screens.session import SessionScreen


async def workers_done(pilot: Pilot[object]) -> None:
    """Wait for every worker; one cancelled because a newer exclusive worker replaced it is done.

    (`wait_for_complete` raises for such a worker, which made snapshots flaky under load.)
    """
    for worker in list(pilot.app.workers):
        with contextlib.suppress(WorkerCancelled):
            await worker.wait()


async def settle(pilot: Pilot[object]) -> None:
    """Let workers (routine loading, the sound) finish and the messages they sent be handled."""
    await workers_done(pilot)
    await pilot.pause()
    await workers_done(pilot)
    await pilot.pause()


def session_of(app: App[object]) -> SessionScreen:
    screen = app.screen
    assert isinstance(screen, SessionScreen), f"expected the session screen, got {screen!r}"
    return screen


async def advance(pilot: Pilot[object], clock: FakeClock, seconds: float) -> None:
    """Time passes; the screen wakes as its timer would."""
    clock.advance(seconds)
    session_of(pilot.app).wake()
    await pilot.pause()


async def to_next_deadline(pilot: Pilot[object], clock: FakeClock) -> bool:
    """Jump to the engine's next deadline and wake there; False when there is none."""
    screen = session_of(pilot.app)
    deadline = screen.engine.next_deadline()
    if deadline is None:
        return False
    clock.set(deadline)
    screen.wake()
    await pilot.pause()
    return True
