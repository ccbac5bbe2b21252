"""Every screen at 80x24: the footer fits, and `?` lists every key, shown in the footer or not.

Written for issue #11: footers cut off ("t Start today's" half gone, `c` dropped beside Resume)
left keys a person could not discover.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from functional.driving import footer_cut, settle
from functional.test_history_screens import footer_keys, history_app, seed
from textual.pilot import Pilot
from textual.widgets import Footer

from coach.session.clock import FakeClock
from coach.tui.app import CoachApp
from coach.tui.screens.listing import ListingScreen, screen_keys
from coach.tui.widgets.text_line import TextLine

Moves = Callable[[Pilot[object], FakeClock], Awaitable[None]]


def pressing(*keys: str, seconds: float = 0.0) -> Moves:
    async def moves(pilot: Pilot[object], clock: FakeClock) -> None:
        for key in keys:
            await pilot.press(key)
            await settle(pilot)
        if seconds:
            clock.advance(seconds)
            screen = pilot.app.screen
            getattr(screen, "wake", lambda: None)()
            await settle(pilot)

    return moves


SCREENS: dict[str, Moves] = {
    "home": pressing(),
    "preview": pressing("down", "enter"),
    "session, timed": pressing("t", seconds=3.0),
    "session, self-paced": pressing("t", "n", "n", "n"),
    "session, paused": pressing("t", "space"),
    "finished": pressing("t", "n", "n", "n", "enter"),
    "history": pressing("h"),
    "history, one session": pressing("h", "enter"),
    "stats": pressing("s"),
}


@pytest.mark.parametrize("where", list(SCREENS))
async def test_every_footer_fits_80_columns_and_offers_the_keys_list(
    root: Path, where: str
) -> None:
    seed()
    clock = FakeClock()
    app = history_app(root, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await SCREENS[where](pilot, clock)
        screen = app.screen
        assert screen.query(Footer), f"{where}: no footer"
        assert footer_cut(app) == [], where
        assert footer_keys(app)["question_mark"] == "Keys"
        await show_keys(pilot, app)
        listed = {key for key, _ in screen_keys(screen)}
        shown = app.screen.query(".listing-mark")
        assert {line.text for line in shown if isinstance(line, TextLine)} == listed


async def show_keys(pilot: Pilot[object], app: CoachApp) -> None:
    await pilot.press("question_mark")
    await settle(pilot)
    assert isinstance(app.screen, ListingScreen)
    box = app.screen.query_one("#listing")
    assert box.region.bottom <= 24 and box.region.right <= 80


async def test_the_keys_list_names_the_keys_the_home_footer_leaves_out(root: Path) -> None:
    app = history_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        home = app.screen
        await show_keys(pilot, app)
        keys = dict(screen_keys(home))
        assert keys["Enter"].startswith("Start today's routine")
        assert keys["q ^q"] == "Quit" and keys["^p"] == "Find a routine or a command"
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is home
