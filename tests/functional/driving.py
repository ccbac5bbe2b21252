"""Moves for Pilot tests: settle the app, reach the session screen, move the fake clock."""

from __future__ import annotations

from textual.app import App
from textual.pilot import Pilot

from coach.session.clock import FakeClock
from coach.tui.screens.session import SessionScreen


async def settle(pilot: Pilot[object]) -> None:
    """Let workers (routine loading, the sound) finish and the messages they sent be handled."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
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


def footer_cut(app: App[object]) -> list[str]:
    """The footer's keys that do not fit on the screen (cut off, or pushed out of sight)."""
    from textual.widgets import Footer
    from textual.widgets._footer import FooterKey

    width = app.screen.size.width
    footer = app.screen.query_one(Footer)
    return [
        f"{key.key} {key.description}"
        for key in footer.query(FooterKey)
        if key.region.width == 0 or key.region.right > width
    ]
