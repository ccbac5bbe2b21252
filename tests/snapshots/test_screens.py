"""How each screen looks, at the smallest supported terminal (80x24) and a large one.

The clock is a fake one moved by hand, the audio a recording backend, and the routines the
tests' own, so the pictures change only when the screens do.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from pathlib import Path

import pytest
from functional.driving import on_row
from functional.sample_routines import make_test_app
from snapshot_kit import SIZES, SnapCompare, settle
from textual.pilot import Pilot

from coach.session.clock import FakeClock
from coach.tui.screens.session import SessionScreen


def then(
    *moves: str | float, clock: FakeClock | None = None
) -> Callable[[Pilot[object]], Awaitable[None]]:
    """Keys to press and seconds to let pass (numbers), in order, once the app has settled."""

    async def run_before(pilot: Pilot[object]) -> None:
        await settle(pilot)
        for move in moves:
            if isinstance(move, str):
                await pilot.press(move)
            else:
                assert clock is not None
                clock.advance(move)
                screen = pilot.app.screen
                assert isinstance(screen, SessionScreen)
                screen.wake()
            await settle(pilot)

    return run_before


@pytest.mark.parametrize("size", SIZES)
def test_home(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    # A fixed day: the home screen shows the tip of the day.
    app = make_test_app(tmp_path, wall_clock=lambda: datetime(2026, 3, 2, 8, 0).astimezone())
    assert snap_compare(app, terminal_size=size, run_before=then())


def open_preview(*pressed: str) -> Callable[[Pilot[object]], Awaitable[None]]:
    """A `run_before` that opens the "mixed" routine's preview, then presses `pressed`."""

    async def run_before(pilot: Pilot[object]) -> None:
        await on_row(pilot, "mixed")
        for key in ("enter", *pressed):
            await pilot.press(key)
            await settle(pilot)

    return run_before


@pytest.mark.parametrize("size", SIZES)
def test_preview(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    app = make_test_app(tmp_path)
    assert snap_compare(app, terminal_size=size, run_before=open_preview())


@pytest.mark.parametrize("size", SIZES)
def test_preview_drawing(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    """The highlighted exercise's drawing beside its instructions, in the position it holds."""
    app = make_test_app(tmp_path)
    assert snap_compare(app, terminal_size=size, run_before=open_preview("down"))  # toe raise


@pytest.mark.parametrize("size", SIZES)
def test_session_timed(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    clock = FakeClock()
    app = make_test_app(tmp_path, clock=clock, start="stretch")
    assert snap_compare(app, terminal_size=size, run_before=then(3.0, 2.4, clock=clock))


@pytest.mark.parametrize("size", [*SIZES, pytest.param((200, 60), id="200x60")])
def test_session_tempo(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    clock = FakeClock()
    app = make_test_app(tmp_path, clock=clock, start="tempo")
    assert snap_compare(app, terminal_size=size, run_before=then(2.0, 1.5, clock=clock))


@pytest.mark.parametrize("size", SIZES)
def test_session_self_paced(
    snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]
) -> None:
    clock = FakeClock()
    app = make_test_app(tmp_path, clock=clock, start="daily")
    moves = then("n", "n", "n", 12.3, clock=clock)
    assert snap_compare(app, terminal_size=size, run_before=moves)


@pytest.mark.parametrize("size", SIZES)
def test_session_paused(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    clock = FakeClock()
    app = make_test_app(tmp_path, clock=clock, start="mixed")
    assert snap_compare(app, terminal_size=size, run_before=then(3.0, 6.5, "space", clock=clock))


@pytest.mark.parametrize("size", SIZES)
def test_finished(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    clock = FakeClock()
    app = make_test_app(tmp_path, clock=clock)
    moves = then("enter", 2.0, 6.0, "n", 30.0, "enter", clock=clock)
    assert snap_compare(app, terminal_size=size, run_before=moves)
