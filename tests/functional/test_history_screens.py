"""Home's history summary, the History and Stats screens, driven with keys over a seeded history.

The history is written into the test's own data folder through the store's API, on fixed dates,
and the app is told the same fixed time, so what the screens show never depends on the day the
tests run. The seeding helpers here are shared with the other history tests and the snapshots.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from functional.driving import settle
from functional.history_kit import (
    DAYS,
    TODAY,
    TWICE,
    at,
    daily_session,
    footer_keys,
    history_app,
    line,
    open_screen,
    rows,
    seed,
    seeded_sessions,
    session,
    step,
)
from textual.widgets import DataTable

import coach.tui.screens.stats as stats_screen
from coach import text
from coach.history.store import HistoryStore, history_path
from coach.tui.history_access import HistoryAccess
from coach.tui.history_view import PAGE
from coach.tui.messages import RoutinesChanged
from coach.tui.screens.history import HistoryScreen, SessionDetailScreen
from coach.tui.screens.home import HomeScreen
from coach.tui.screens.stats import StatsScreen
from coach.tui.stats_view import StatsView
from coach.tui.widgets.bar_chart import WeekBars
from coach.tui.widgets.heatmap import Heatmap
from coach.tui.widgets.routine_table import RoutineTable
from coach.tui.widgets.text_line import TextLine

# -- home ----------------------------------------------------------------------------------


async def test_home_without_history_invites_the_first_session(root: Path) -> None:
    app = history_app(root)
    async with app.run_test() as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, HomeScreen)
        assert line(screen, "#today-status") == (
            "No sessions yet — your first one starts the streak."
        )
        assert line(screen, "#streak") == ""
        assert screen.query_one("#home-heatmap", Heatmap).grid is None
        assert not history_path().exists()  # looking never creates the history


async def test_home_shows_not_done_yet_the_streak_and_a_heatmap(root: Path) -> None:
    seed()
    app = history_app(root)
    async with app.run_test() as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, HomeScreen)
        assert line(screen, "#today-status") == "○ Not done yet today"
        assert line(screen, "#streak") == "3-day streak"
        grid = screen.query_one("#home-heatmap", Heatmap).grid
        assert grid is not None and grid.today == TODAY and grid.weeks == 12
        assert grid.counts[TWICE] == 2 and grid.counts[date(2026, 5, 13)] == 1
        # The old partial session of `mixed` is no longer offered.
        assert line(screen, "#resume-offer") == ""


async def test_home_says_done_when_todays_routine_was_done_today(root: Path) -> None:
    seed([*seeded_sessions(), daily_session(at(TODAY, 8))])
    app = history_app(root)
    async with app.run_test() as pilot:
        await settle(pilot)
        assert line(app.screen, "#today-status") == "✓ Done today"
        assert line(app.screen, "#streak") == "4-day streak"
        assert app.screen.query_one("#history-summary").has_class("-done")


async def test_the_footer_offers_start_history_stats_and_quit(root: Path) -> None:
    app = history_app(root)
    async with app.run_test() as pilot:
        await settle(pilot)
        keys = footer_keys(app)
        assert keys["t"] == "Start today"
        assert keys["h"] == "History"
        assert keys["s"] == "Stats"
        assert keys["q"] == "Quit"
        assert "r" not in keys  # nothing to resume


async def test_t_starts_todays_routine(root: Path) -> None:
    app = history_app(root)
    async with app.run_test() as pilot:
        await open_screen(pilot, "t")
        assert type(app.screen).__name__ == "SessionScreen"


async def test_a_short_terminal_hides_the_heatmap_rather_than_the_list(root: Path) -> None:
    seed()
    app = history_app(root)
    async with app.run_test(size=(80, 18)) as pilot:
        await settle(pilot)
        assert app.screen.has_class("-short")
        assert not app.screen.query_one("#home-heatmap").display
    app = history_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#home-heatmap").display


async def test_home_reloads_its_routines_when_they_change_on_disk(root: Path) -> None:
    app = history_app(root)
    async with app.run_test() as pilot:
        await settle(pilot)
        table = app.screen.query_one(RoutineTable)
        assert "extra" not in table.entries
        user = root / "user"
        user.mkdir(parents=True, exist_ok=True)
        (user / "extra.yaml").write_text(
            "name: Extra\nsteps:\n  - exercise: toe-raise\n    reps: 3\n"
        )
        app.screen.post_message(RoutinesChanged(frozenset({user / "extra.yaml"})))
        await settle(pilot)
        assert "extra" in table.entries


# -- navigation ----------------------------------------------------------------------------


async def test_h_opens_history_s_opens_stats_and_escape_comes_back(root: Path) -> None:
    seed()
    app = history_app(root)
    async with app.run_test() as pilot:
        await open_screen(pilot, "h")
        assert isinstance(app.screen, HistoryScreen)
        await open_screen(pilot, "escape")
        assert isinstance(app.screen, HomeScreen)
        await open_screen(pilot, "s")
        assert isinstance(app.screen, StatsScreen)
        await open_screen(pilot, "escape")
        assert isinstance(app.screen, HomeScreen)
        assert [type(s).__name__ for s in app.screen_stack] == ["HomeScreen"]


# -- history -------------------------------------------------------------------------------


async def test_history_lists_sessions_newest_first(root: Path) -> None:
    seed()
    app = history_app(root)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_screen(pilot, "h")
        table = app.screen.query_one("#sessions", DataTable)
        listed = rows(table)
        assert len(listed) == len(DAYS) + 3
        assert listed[0] == [
            "2026-05-13 07:30",
            "Daily test",
            "completed",
            "9:00",
            "2",
            "",
            "right · 8",
        ]
        assert listed[1] == [
            "2026-05-12 07:30",
            "Daily test",
            "completed",
            "8:00",
            "1",
            "1",
            "hard · 7",
        ]
        assert listed[3] == ["2026-05-10 07:30", "Mixed test", "partial", "1:00", "1", "", "—"]
        assert listed[4] == ["2026-05-09 07:30", "Daily test", "logged", "10:00", "—", "—", "—"]
        assert line(app.screen, "#history-note").startswith(f"{len(DAYS) + 3} sessions")


async def test_history_drills_into_a_session_planned_against_actual(root: Path) -> None:
    seed()
    app = history_app(root)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_screen(pilot, "h")
        await pilot.press("down")  # the session of 12 May, with the heel hold skipped
        await open_screen(pilot, "enter")
        screen = app.screen
        assert isinstance(screen, SessionDetailScreen)
        assert line(screen, "#session-heading") == ("Daily test · Tue 2026-05-12 07:30 · completed")
        assert line(screen, "#session-figures") == (
            "Active 8:00 · planned 10:00 · 1 step done, 1 skipped"
        )
        assert line(screen, "#session-checkin") == "Check-in: hard, pain 7/10"
        assert rows(screen.query_one("#steps", DataTable)) == [
            ["Heel hold", "", "0:06", "0:02", "✗ skipped"],
            ["Toe raise", "", "5 reps", "0:14", "✓ done"],
        ]
        await open_screen(pilot, "escape")
        assert isinstance(app.screen, HistoryScreen)


async def test_at_80_columns_the_step_status_is_never_cut(root: Path) -> None:
    """Bug #11: a long exercise name and set/round pushed the status off ("✗ skipp")."""
    start = at(TODAY - timedelta(days=1))
    long = "Calf stretch, straight knee, against the wall"
    where = {"side": "right", "set": 2, "sets": 2, "round": 1, "rounds": 2}
    steps = (step(3, long, start, reps=12, planned_s=72.0, status="skipped", **where),)
    seed([session("mixed", "Mixed test", start, minutes=1, status="partial", steps=steps)])
    app = history_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(pilot, "h")
        await open_screen(pilot, "enter")
        table = app.screen.query_one("#steps", DataTable)
        [cells] = rows(table)
        assert cells[1:] == ["right, set 2/2, round 1/2", "12 reps · 1:12", "0:06", "✗ skipped"]
        assert cells[0].startswith("Calf st") and cells[0].endswith("…")
        widths = sum(column.get_render_width(table) for column in table.columns.values())
        assert widths <= table.scrollable_content_region.width


async def test_at_80_columns_a_long_routine_name_gives_way_to_how_the_session_went(
    root: Path,
) -> None:
    """Found walking the app at 80x24 (issue #11): a long name pushed every other column off."""
    long = "A very long routine name for my evening calf and foot care"
    seed([session("long", long, at(TODAY - timedelta(days=1)), minutes=3)])
    app = history_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(pilot, "h")
        table = app.screen.query_one("#sessions", DataTable)
        [cells] = rows(table)
        assert cells[2:] == ["completed", "3:00", "0", "", "—"]
        assert cells[1].startswith("A very long") and cells[1].endswith("…")
        widths = sum(column.get_render_width(table) for column in table.columns.values())
        assert widths <= table.scrollable_content_region.width


async def test_a_long_history_is_read_a_page_at_a_time(root: Path) -> None:
    start = at(TODAY - timedelta(days=PAGE + 50))
    seed([daily_session(start + timedelta(days=n)) for n in range(PAGE + 50)])
    app = history_app(root)
    async with app.run_test() as pilot:
        await open_screen(pilot, "h")
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        table = screen.query_one("#sessions", DataTable)
        assert table.row_count == PAGE
        assert "more as you scroll" in line(screen, "#history-note")
        table.move_cursor(row=PAGE - 1)
        await settle(pilot)
        assert table.row_count == PAGE + 50
        assert rows(table)[-1][0] == start.strftime("%Y-%m-%d %H:%M")


# -- stats ---------------------------------------------------------------------------------


async def test_stats_shows_streaks_heatmap_weeks_and_exercises(root: Path) -> None:
    seed()
    app = history_app(root)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_screen(pilot, "s")
        screen = app.screen
        assert isinstance(screen, StatsScreen)
        figures = [w.text for w in screen.query("#figures TextLine").results(TextLine)]
        pairs = dict(zip(figures[::2], figures[1::2], strict=True))
        assert pairs["Current streak"] == "3 days"
        assert pairs["Longest streak"] == "5 days"
        assert pairs["Days active"] == str(len(DAYS) + 1)  # the logged day counts
        # Played here: every seeded session but the logged one; all completed but one.
        played = len(DAYS) + 2
        assert pairs["Completion rate"] == f"{(played - 1) / played:.0%} of {played} played"
        heatmap = screen.query_one("#stats-heatmap", Heatmap).grid
        assert heatmap is not None and heatmap.weeks == 26
        assert heatmap.first == date(2025, 11, 17)  # 26 Mondays back, the first of them
        weeks = screen.query_one(WeekBars).weeks
        assert len(weeks) == 12 and weeks[-1][0] == date(2026, 5, 11)
        assert weeks[-1][1] == sum(6 + d.toordinal() % 7 for d in DAYS if d >= date(2026, 5, 11))
        # Toe raises in every daily session; heel holds too, but for the skipped one, and once
        # more (20 s) in the stopped session of `mixed`.
        daily = len(DAYS) + 1
        assert rows(screen.query_one("#exercises", DataTable)) == [
            ["Toe raise", str(daily), str(5 * daily), text.clock(14.5 * daily, False)],
            ["Heel hold", str(daily), "—", text.clock(6.0 * (daily - 1) + 20.0, False)],
        ]
        assert screen.query_one("#cramp-trends") is not None


async def test_leaving_a_screen_before_its_history_is_read_is_harmless(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed()
    gate = threading.Event()
    real = stats_screen.read_stats

    def held(store: HistoryStore, access: HistoryAccess) -> StatsView:
        gate.wait(10)  # released below, once the screen is gone
        return real(store, access)

    monkeypatch.setattr(stats_screen, "read_stats", held)
    app = history_app(root)
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        gate.set()
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert app.is_running


async def test_a_result_delivered_after_its_screen_closed_is_dropped(root: Path) -> None:
    """A result that reaches a closed screen (Esc right after `h`, or the app quitting while a
    worker reads) was shown there and failed on its missing widgets (NoMatches); a clean
    clone's CI met it in the editor. `deliver` hands it over only while the screen is there."""
    from coach.tui.delivery import deliver
    from coach.tui.history_access import Read

    app = history_app(root)
    async with app.run_test() as pilot:
        await open_screen(pilot, "h")
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        shown: list[object] = []
        failed: list[BaseException] = []

        def from_a_worker(show: Callable[..., object], *args: object) -> None:
            try:
                deliver(screen, show, *args)
            except Exception as exc:  # what call_from_thread hands back to the worker
                failed.append(exc)

        async def in_a_thread(show: Callable[..., object], *args: object) -> None:
            # A thread in the app's context, as Textual starts a worker's; the loop runs on
            # meanwhile, so the thread's call_from_thread is answered.
            await asyncio.to_thread(from_a_worker, show, *args)

        await in_a_thread(shown.append, "open")
        assert shown == ["open"]
        await pilot.press("escape")
        await settle(pilot)
        await in_a_thread(screen._show_page, Read(([], 0), None))
        await settle(pilot)
        assert failed == []
        assert isinstance(app.screen, HomeScreen) and app.is_running


async def test_stats_without_history_says_so(root: Path) -> None:
    app = history_app(root)
    async with app.run_test() as pilot:
        await open_screen(pilot, "s")
        assert line(app.screen, "#stats-note") == (
            "No sessions yet — your first one starts the streak."
        )
        assert not app.screen.query_one("#stats-heatmap").display
