"""The session screen wakes exactly when something is due, and repaints only what changed."""

from __future__ import annotations

from pathlib import Path

import pytest
from driving import advance, session_of, settle
from sample_routines import make_test_app

from coach.session.clock import FakeClock
from coach.settings import Settings
from coach.tui.screens.session import SessionScreen
from coach.tui.widgets.big_text import BigText
from coach.tui.widgets.countdown import Countdown
from coach.tui.widgets.text_line import TextLine


def wake_in(screen: SessionScreen) -> float | None:
    """Seconds until the screen's one-shot wake-up, or None when none is set."""
    timer = screen._timer
    return None if timer is None else timer._interval


@pytest.mark.parametrize(
    ("seconds", "wake"),
    [
        (0.0, 1.0),  # 3 s prepare: the clock shows 0:03, then 0:02 one second later
        (0.25, 0.75),  # woken early (or by a key): still the next whole second
        (2.9, 0.1),  # the segment's end comes first
        (3.0, 1.0),  # 8 s of work, "0:08"
        (3.0 + 4.6, 0.4),  # "3" at 5 s into the work: the cue and the clock agree
    ],
)
async def test_the_wake_up_is_the_next_deadline_or_clock_change(
    root: Path, clock: FakeClock, seconds: float, wake: float
) -> None:
    app = make_test_app(root, clock=clock, start="stretch")
    async with app.run_test() as pilot:
        await settle(pilot)
        if seconds:
            await advance(pilot, clock, seconds)
        assert wake_in(session_of(app)) == pytest.approx(wake)


async def test_the_wake_up_matches_a_cue_between_whole_seconds(
    root: Path, clock: FakeClock
) -> None:
    # Drawings off: their frames would wake the screen 12 times a second while "up".
    settings = Settings(daily_routine="daily", voice=False, drawings=False)
    app = make_test_app(root, clock=clock, start="tempo", settings=settings)
    async with app.run_test() as pilot:
        await settle(pilot)
        await advance(pilot, clock, 2.0)  # tempo work: up 1 s, hold 2 s, down 1 s, twice
        await advance(pilot, clock, 0.5)
        assert wake_in(session_of(app)) == pytest.approx(0.5)  # "hold" at 1 s
        await advance(pilot, clock, 0.5)
        screen = session_of(app)
        assert screen.engine.tempo_position() is not None
        assert screen.query_one("#phase", BigText).text == "HOLD"
        assert screen.query_one("#rep").render().plain == "Rep 1/2"
        assert screen.has_class("-tempo")


async def test_paused_means_no_wake_up_at_all(root: Path, clock: FakeClock) -> None:
    app = make_test_app(root, clock=clock, start="stretch")
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("space")
        assert wake_in(session_of(app)) is None
        await pilot.press("space")
        assert wake_in(session_of(app)) == pytest.approx(1.0)


async def test_self_paced_counts_up_in_whole_seconds(root: Path, clock: FakeClock) -> None:
    app = make_test_app(root, clock=clock, start="daily")
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("n", "n", "n")
        await advance(pilot, clock, 2.7)
        screen = session_of(app)
        assert screen.query_one(Countdown).seconds == 2
        assert wake_in(screen) == pytest.approx(0.3)


async def test_the_clock_repaints_only_when_its_number_changes(
    root: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[int] = []
    original = Countdown.watch_seconds

    def watch(self: Countdown, seconds: int) -> None:
        shown.append(seconds)
        original(self, seconds)

    monkeypatch.setattr(Countdown, "watch_seconds", watch)
    app = make_test_app(root, clock=clock, start="stretch")
    async with app.run_test() as pilot:
        await settle(pilot)
        shown.clear()
        for _ in range(8):
            await advance(pilot, clock, 0.25)
    assert shown == [2, 1]


async def test_the_stage_row_shows_the_sessions_time_left(root: Path, clock: FakeClock) -> None:
    app = make_test_app(root, clock=clock, start="stretch")
    async with app.run_test() as pilot:
        await settle(pilot)
        screen = session_of(app)
        assert screen.query_one("#session-left", TextLine).text == "0:21 left"
        await advance(pilot, clock, 5.5)
        assert screen.query_one("#session-left", TextLine).text == "0:16 left"
