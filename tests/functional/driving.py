"""Moves for Pilot tests (functional and snapshot): settle the app, open a routine's preview,
reach the session screen, move the fake clock."""

from __future__ import annotations

import contextlib

from textual.app import App
from textual.pilot import Pilot
from textual.worker import WorkerCancelled

from coach.session.clock import FakeClock
from coach.tui.app import CoachApp
from coach.tui.messages import PreviewChosen
from coach.tui.screens.preview import PreviewScreen
from coach.tui.screens.session import SessionScreen


async def workers_done(pilot: Pilot[object]) -> int:
    """Wait for every worker; one cancelled because a newer exclusive worker replaced it is done.
    Returns how many there were.

    (`wait_for_complete` raises for such a worker, which made snapshots flaky under load.)
    """
    workers = list(pilot.app.workers)
    for worker in workers:
        with contextlib.suppress(WorkerCancelled):
            await worker.wait()
    return len(workers)


async def settle(pilot: Pilot[object]) -> None:
    """Let workers (routine loading, the sound) finish and the screen catch up with the
    messages they sent, and with the work those messages started: home reads its routines
    after its first frame, then its history once the routines are shown, so this goes on
    until a round starts no new worker (three rounds at least, ten at most)."""
    for round_ in range(10):
        busy = await workers_done(pilot)
        await pilot.pause()
        if round_ >= 2 and not busy and not list(pilot.app.workers):
            return


async def open_preview(pilot: Pilot[object], routine_id: str) -> PreviewScreen:
    """From home: the preview of `routine_id`, as choosing it in the list opens it."""
    app = pilot.app
    assert isinstance(app, CoachApp)
    await settle(pilot)
    app.post_message(PreviewChosen(app.catalog.find(routine_id)))
    await settle(pilot)
    assert isinstance(app.screen, PreviewScreen)
    return app.screen


def notices_of(app: App[object]) -> list[str]:
    """Every notice the app has shown so far, its words only, oldest first."""
    return [notice.message for notice in app._notifications]


async def on_row(pilot: Pilot[object], routine_id: str) -> None:
    """On home, once settled: the routine list focused, its cursor on `routine_id`'s row."""
    from coach.tui.widgets.routine_table import RoutineTable

    await settle(pilot)
    table = pilot.app.screen.query_one(RoutineTable)
    table.focus()
    table.move_cursor(row=table.get_row_index(routine_id))


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

    from coach.tui.widgets.ready_footer import KeyLine

    width = app.screen.size.width
    footer = app.screen.query_one(Footer)
    cut = [
        f"{key.key} {key.description}"
        for key in footer.query(FooterKey).exclude("KeyLine")
        if key.region.width == 0 or key.region.right > width
    ]
    for line in footer.query(KeyLine):
        left = line.region.x if line.region.width else width
        cut += [
            f"{key.key} {key.description}"
            for key, _, end in line.key_spans()
            if left + end > min(width, line.region.right or width)
        ]
    return cut


def screen_cells(app: App[object]) -> list[list[tuple[str, str]]]:
    """Every cell of the screen as drawn, its character and its style: two screens alike in
    these look alike, however their widgets split the lines."""
    strips = app.screen._compositor.render_strips()
    return [[(c, str(s.style)) for s in strip for c in s.text] for strip in strips]
