"""Every screen at 80x24: the footer fits, and `?` lists every key, shown in the footer or not.

Written for issue #11: footers cut off ("t Start today's" half gone, `c` dropped beside Resume)
left keys a person could not discover.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from functional.driving import footer_cut, open_preview, settle
from functional.history_kit import footer_keys, history_app, seed
from functional.sample_routines import make_test_app
from textual.pilot import Pilot
from textual.widgets import Footer

from coach.session.clock import FakeClock
from coach.tui.app import CoachApp
from coach.tui.screens.listing import ListingScreen, screen_keys
from coach.tui.screens.session import SessionScreen
from coach.tui.widgets.routine_table import RoutineTable
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


async def test_a_long_description_on_the_preview_ends_in_an_ellipsis_not_mid_sentence(
    root: Path,
) -> None:
    """Found walking the app at 80x24 (issue #11): a description past three lines was cut."""
    folder = root / "user"
    folder.mkdir(parents=True)
    words = " ".join(f"word{n}" for n in range(120))
    (folder / "long.yaml").write_text(
        f"name: Long\ndescription: {words}\nsteps:\n  - {{name: Hold, duration: 5s}}\n"
    )
    app = history_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_preview(pilot, "long")
        shown = app.screen.query_one("#routine-description", TextLine)
        lines = shown.text.splitlines()
        assert len(lines) == 4 and lines[-1].endswith("…")
        assert shown.region.height == 4 and all(len(line) <= 78 for line in lines)


async def test_the_keys_list_over_a_session_pauses_it_until_it_closes(root: Path) -> None:
    clock = FakeClock()
    app = history_app(root, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pressing("t", seconds=3.0)(pilot, clock)
        session = app.screen
        assert isinstance(session, SessionScreen) and not session.engine.paused
        await show_keys(pilot, app)
        assert session.engine.paused
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is session and not session.engine.paused


async def test_with_broken_files_the_routine_rows_stay_in_view_and_w_lists_the_problems(
    root: Path,
) -> None:
    """Bug #11: a few broken files pushed the routine list out of sight behind the warnings."""
    folder = root / "user"
    folder.mkdir(parents=True)
    for n in range(6):
        (folder / f"broken-{n}.yaml").write_text(f"name: B{n}\nsteps:\n  - exercise: nope-{n}\n")
    app = history_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        home = app.screen
        problems = home.query_one("#routine-problems", TextLine)
        # Six broken files and the bundled `broken` one of the tests' catalog.
        assert problems.text == "⚠ 7 problems in your routine files: w shows them"
        assert problems.region.height == 1
        table = home.query_one(RoutineTable)
        assert table.region.height - 1 >= 3  # the header, then at least three rows
        await pilot.press("w")
        await settle(pilot)
        assert isinstance(app.screen, ListingScreen)
        listed = [line.text for line in app.screen.query(".listing-text").results(TextLine)]
        assert sum(line.startswith("broken-") for line in listed) == 6, listed


async def test_at_80_columns_a_long_routine_name_leaves_length_and_source_in_view(
    root: Path,
) -> None:
    """Found walking the app at 80x24 (issue #11): a long name pushed Exercises and Source off."""
    folder = root / "user"
    folder.mkdir(parents=True)
    name = "A very long routine name for my evening calf and foot care"
    (folder / "long.yaml").write_text(f"name: {name}\nsteps:\n  - {{name: Hold, duration: 5s}}\n")
    app = history_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(RoutineTable)
        cells = [str(cell) for cell in table.get_row("long")]
        assert cells[0].endswith("…") and cells[1:] == ["10 s", "1", "user"]  # 5 s to get ready
        widths = sum(column.get_render_width(table) for column in table.columns.values())
        assert widths <= table.scrollable_content_region.width


async def test_the_sessions_keys_list_names_both_keys_for_ten_seconds_more(
    root: Path, clock: FakeClock
) -> None:
    """`+` and `=` both add ten seconds; the footer shows `+`, the keys list both, each as
    itself (one display for the two printed `+ +`)."""
    app = make_test_app(root, clock=clock, start="stretch")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        keys = {what: key for key, what in screen_keys(app.screen)}
        assert keys["+10 s"] == "+ ="
        assert keys["-10 s"] == "-"
