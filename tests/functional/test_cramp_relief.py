"""`!` on home: the bundled cramp-relief routine at once, the red flags after it, and the
Finished screen's offer to log the cramp at the time the relief began.

These tests play the bundled relief routine itself (from the packaged routines folder, with
the test's own empty user folder), with a fake clock and a wall clock the test moves by hand.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from functional.driving import session_of, settle
from functional.history_kit import footer_keys
from functional.sample_routines import make_test_app
from functional.test_cramp_form import answers, kept, keys

from coach.audio.backend import RecordingBackend
from coach.cramps.guidance import RED_FLAGS, relief_warning
from coach.cramps.values import RELIEF_ROUTINE
from coach.routine.catalog import Catalog
from coach.session.clock import FakeClock
from coach.settings import Settings
from coach.tui.app import CoachApp, make_app
from coach.tui.screens.finished import FinishedScreen
from coach.tui.screens.home import HomeScreen
from coach.tui.screens.preview import PreviewScreen
from coach.tui.screens.relief import RedFlagsScreen
from coach.tui.widgets.text_line import TextLine

#: A cramp in the small hours: the relief starts at 03:12.
STARTED = datetime(2026, 5, 14, 3, 12, 30, tzinfo=UTC)


class WallClock:
    """The time of day the app is told, moved by the test."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def relief_app(clock: FakeClock, wall: WallClock, **options: Any) -> CoachApp:
    return make_app(
        clock=clock,
        audio=RecordingBackend(),
        catalog=Catalog.default(),
        settings=Settings(voice=False),
        wall_clock=wall,
        **options,
    )


async def start_relief(pilot: Any) -> None:
    await settle(pilot)
    await keys(pilot, "exclamation_mark")


async def test_bang_on_home_starts_cramp_relief_with_no_preview(clock: FakeClock) -> None:
    app = relief_app(clock, WallClock(STARTED))
    async with app.run_test() as pilot:
        await start_relief(pilot)
        session = session_of(app)
        assert session.routine.id == RELIEF_ROUTINE
        assert session.engine.started
        title = session.query_one("#title", TextLine).text
        assert title.endswith("Stop and stretch it the other way")
        assert not any(isinstance(s, PreviewScreen) for s in app.screen_stack)


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (200, 60)])
async def test_the_relief_shows_the_emergency_line_from_its_first_step(
    clock: FakeClock, size: tuple[int, int]
) -> None:
    """Issue #12: the emergency line and the swollen-calf warning were only shown after the
    relief ended; they now lead the first step's caution, whole on screen at every size. (In a
    real 120×40 terminal the caution sat inside the scrolling instructions and was cut after
    "…Get it checked by a"; it now stands outside them. This Pilot layout is a row roomier
    than that terminal, so the cut itself was seen in tmux, not here.)"""
    app = relief_app(clock, WallClock(STARTED))
    async with app.run_test(size=size) as pilot:
        await start_relief(pilot)
        screen = session_of(app)
        caution = screen.query_one("#caution", TextLine)
        assert caution.text.startswith(f"Caution: {relief_warning()}")
        band = screen.query_one("#lower-band")
        assert band.region.contains_region(caution.region), "all of it, with no scrolling"
        shown = caution.render_lines(caution.region.reset_offset)
        words = " ".join("".join(s.text for s in line).strip() for line in shown)
        assert words.split() == caution.text.split()


async def test_the_home_footer_offers_cramp_now_and_log_cramp(clock: FakeClock) -> None:
    app = relief_app(clock, WallClock(STARTED))
    async with app.run_test() as pilot:
        await settle(pilot)
        keys_shown = footer_keys(app)
        assert keys_shown["exclamation_mark"] == "Cramp now"
        assert keys_shown["c"] == "Log cramp"


async def stop_relief(pilot: Any, wall: WallClock, clock: FakeClock) -> None:
    """Five minutes on, the person stops the relief and reads the red flags."""
    clock.advance(300.0)
    wall.now = STARTED + timedelta(minutes=5)
    session_of(pilot.app).wake()
    await keys(pilot, "q", "y")


async def test_stopping_relief_shows_the_red_flags_then_offers_to_log_the_cramp(
    clock: FakeClock,
) -> None:
    wall = WallClock(STARTED)
    app = relief_app(clock, wall)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_relief(pilot)
        await stop_relief(pilot, wall, clock)
        screen = app.screen
        assert isinstance(screen, RedFlagsScreen)
        lines = [line.text for line in screen.query(".red-flag .flag").results(TextLine)]
        assert lines == [flag.text for flag in RED_FLAGS]
        emergency = screen.query_one(".red-flag.-emergency .flag", TextLine)
        assert emergency.text.startswith("Breathless")
        await keys(pilot, "enter")
        finished = app.screen
        assert isinstance(finished, FinishedScreen)
        assert footer_keys(app)["l"] == "Log this cramp"
        await keys(pilot, "l")
        assert answers(app)["when"] == "relief began 03:12"
        await keys(pilot, "enter")
        assert app.screen is finished
        [cramp] = kept()
        assert cramp.moment == STARTED  # when the relief began, not when it ended
        assert cramp.context == "night"
        assert "l" not in footer_keys(app)  # logged once is enough
        assert str(finished.query_one("#log-cramp").label) == "Cramp logged"


async def test_a_relief_played_to_the_end_offers_the_same(clock: FakeClock) -> None:
    wall = WallClock(STARTED)
    app = relief_app(clock, wall)
    async with app.run_test() as pilot:
        await start_relief(pilot)
        await keys(pilot, "enter")  # the stretch, at the person's own pace
        for _ in range(2):  # the massage and the walk: a minute each
            clock.advance(60.0)
            session_of(app).wake()
            await settle(pilot)
        await keys(pilot, "enter")  # warmth or cold
        assert isinstance(app.screen, RedFlagsScreen)
        await keys(pilot, "escape")
        finished = app.screen
        assert isinstance(finished, FinishedScreen) and finished.summary.completed
        await keys(pilot, "l", "escape")  # the form, cancelled: the offer stays
        assert app.screen is finished
        assert footer_keys(app)["l"] == "Log this cramp"
        assert kept() == []


async def test_a_relief_skipped_through_says_so_without_a_word_of_streaks(
    clock: FakeClock,
) -> None:
    """Issue #11: the honest summary of a relief has no streak to speak of (it is no practice)."""
    app = relief_app(clock, WallClock(STARTED))
    async with app.run_test() as pilot:
        await start_relief(pilot)
        await keys(pilot, "n", "n", "n", "n")
        await keys(pilot, "escape")  # the red flags
        finished = app.screen
        assert isinstance(finished, FinishedScreen) and not finished.summary.completed
        figures = finished.query_one("#figures", TextLine).text
        assert "Ended: 0 of 4 exercises done" in figures.splitlines()


async def test_w_shows_the_warning_signs_again(clock: FakeClock) -> None:
    wall = WallClock(STARTED)
    app = relief_app(clock, wall)
    async with app.run_test() as pilot:
        await start_relief(pilot)
        await stop_relief(pilot, wall, clock)
        await keys(pilot, "enter", "w")
        assert isinstance(app.screen, RedFlagsScreen)
        await keys(pilot, "enter", "enter")  # the flags closed, then home
        assert isinstance(app.screen, HomeScreen)


async def test_other_routines_end_without_the_offer_or_the_red_flags(root: Path) -> None:
    clock = FakeClock()
    app = make_test_app(root, clock=clock)
    async with app.run_test() as pilot:
        await settle(pilot)
        await keys(pilot, "t", "q", "y")
        assert isinstance(app.screen, FinishedScreen)
        keys_shown = footer_keys(app)
        assert "l" not in keys_shown and "w" not in keys_shown
        assert not app.screen.query("#log-cramp")
        await keys(pilot, "l")
        assert isinstance(app.screen, FinishedScreen)


async def test_relief_run_from_the_command_line_ends_as_after_bang(
    clock: FakeClock,
) -> None:
    """Defect #3 of the new-user walk: `coach cramp now` (the relief as the app's first
    screen) ended on the workout's Finished screen, with streak talk and the check-in, and
    without the red flags or the offer to log the cramp that `!` on home gives."""
    relief = Catalog.default().find(RELIEF_ROUTINE).routine
    assert relief is not None
    wall = WallClock(STARTED)
    app = relief_app(clock, wall, start_routine=relief, record_history=True)
    async with app.run_test() as pilot:
        await settle(pilot)
        caution = session_of(app).query_one("#caution", TextLine).text
        assert caution.startswith(f"Caution: {relief_warning()}")  # as after `!`
        await stop_relief(pilot, wall, clock)
        assert isinstance(app.screen, RedFlagsScreen)
        await keys(pilot, "enter")
        finished = app.screen
        assert isinstance(finished, FinishedScreen)
        await settle(pilot)
        assert not finished.query("#checkin")
        assert "streak" not in finished.query_one("#figures", TextLine).text.lower()
        assert finished.query_one("#streak-result", TextLine).text == ""
        assert footer_keys(app)["l"] == "Log this cramp"
        await keys(pilot, "l")
        assert answers(app)["when"] == "relief began 03:12"
        await keys(pilot, "enter")
        [cramp] = kept()
        assert cramp.moment == STARTED
