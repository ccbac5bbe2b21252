"""Home's history summary, the History and Stats screens, driven with keys over a seeded history.

The history is written into the test's own data folder through the store's API, on fixed dates,
and the app is told the same fixed time, so what the screens show never depends on the day the
tests run. The seeding helpers here are shared with the other history tests and the snapshots.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from builders import session_record, step_record
from functional.driving import settle
from functional.sample_routines import make_test_app
from rich.text import Text
from textual.pilot import Pilot
from textual.widgets import DataTable

import coach.tui.screens.stats as stats_screen
from coach import text
from coach.history.checkins import CheckIn
from coach.history.records import SessionRecord, StepRecord, stamp
from coach.history.store import HistoryStore, history_path
from coach.tui.app import CoachApp
from coach.tui.history_view import PAGE, HistoryAccess, StatsView
from coach.tui.messages import RoutinesChanged
from coach.tui.screens.history import HistoryScreen, SessionDetailScreen
from coach.tui.screens.home import HomeScreen
from coach.tui.screens.stats import StatsScreen
from coach.tui.widgets.bar_chart import WeekBars
from coach.tui.widgets.heatmap import Heatmap
from coach.tui.widgets.routine_table import RoutineTable
from coach.tui.widgets.text_line import TextLine

#: "Now" for every history test: a Thursday evening, in UTC so no machine's zone matters.
NOW = datetime(2026, 5, 14, 18, 0, tzinfo=UTC)
TODAY = NOW.date()

#: Days with a completed session of the daily routine: a five-day run in April, scattered days
#: before it, and three days in a row up to yesterday (the current streak).
DAYS = [
    *(date(2025, 11, d) for d in (20, 24)),
    *(date(2025, 12, d) for d in (1, 8, 15)),
    *(date(2026, 1, d) for d in (5, 12, 19, 26)),
    *(date(2026, 2, d) for d in (2, 9, 16, 23)),
    *(date(2026, 3, d) for d in (2, 9, 16, 23, 30)),
    *(date(2026, 4, d) for d in (6, 7, 8, 9, 10, 20, 27)),
    *(date(2026, 5, d) for d in (4, 11, 12, 13)),
]
TWICE = date(2026, 4, 20)  # a second session that day
LOGGED = date(2026, 5, 9)  # done away from coach and logged by hand
PARTIAL = date(2026, 5, 10)  # a session of `mixed` stopped half way, days ago
SKIPPED_ON = date(2026, 5, 12)  # the heel hold was skipped that day
_uids = iter(range(10**6))


def at(day: date, hour: int = 7, minute: int = 30) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)


def step(index: int, name: str, start: datetime, **fields: Any) -> StepRecord:
    values: dict[str, Any] = {"planned_s": 6.0, "actual_s": 6.0, **fields}
    ended = start + timedelta(seconds=values["actual_s"])
    return step_record(
        index=index, name=name, started_at=stamp(start), ended_at=stamp(ended), **values
    )


def daily_session(
    start: datetime, *, skipped: bool = False, minutes: float = 10.0
) -> SessionRecord:
    """A completed session of the tests' daily routine: a heel hold, then toe raises."""
    hold = step(1, "Heel hold", start, actual_s=2.5 if skipped else 6.0)
    if skipped:
        hold = step(1, "Heel hold", start, actual_s=2.5, status="skipped")
    raises = step(
        3, "Toe raise", start + timedelta(seconds=10), planned_s=None, reps=5, actual_s=14.5
    )
    return session("daily", "Daily test", start, minutes=minutes, steps=(hold, raises))


def session(
    routine_id: str,
    name: str,
    start: datetime,
    *,
    minutes: float = 10.0,
    status: str = "completed",
    source: str = "app",
    steps: tuple[StepRecord, ...] = (),
) -> SessionRecord:
    return session_record(
        uid=f"seed-{next(_uids)}",
        routine_id=routine_id,
        routine_name=name,
        source=source,
        status=status,
        started_at=stamp(start),
        ended_at=stamp(start + timedelta(minutes=minutes)),
        active_s=minutes * 60,
        paused_s=12.0 if status == "partial" else 0.0,
        steps=steps,
    )


def seeded_sessions() -> list[SessionRecord]:
    sessions = [
        daily_session(at(day), skipped=day == SKIPPED_ON, minutes=6 + day.toordinal() % 7)
        for day in DAYS
    ]
    # How the last few sessions felt: pain of 7 or more in the last two.
    said = {
        date(2026, 5, 4): ("easy", 1, None),
        date(2026, 5, 11): ("hard", 5, "calf tight"),
        date(2026, 5, 12): ("hard", 7, None),
        date(2026, 5, 13): ("right", 8, None),
    }
    sessions = [
        replace(s, checkin=CheckIn(*said[day], at(day, 8)))
        if (day := s.started.date()) in said
        else s
        for s in sessions
    ]
    sessions.append(daily_session(at(TWICE, 19), minutes=5))
    sessions.append(session("daily", "Daily test", at(LOGGED), source="logged"))
    stopped = step(5, "Heel hold", at(PARTIAL), planned_s=20.0, actual_s=20.0)
    sessions.append(
        session("mixed", "Mixed test", at(PARTIAL), minutes=1, status="partial", steps=(stopped,))
    )
    return sessions


def seed(sessions: list[SessionRecord] | None = None) -> None:
    """Write sessions into the test's data folder, as the app and `coach log` would have."""
    with HistoryStore.open() as store:
        store.add_sessions(seeded_sessions() if sessions is None else sessions)


def history_app(root: Path, **options: Any) -> CoachApp:
    """The tests' app, told that it is NOW unless `wall_clock` says otherwise."""
    return make_test_app(root, **{"wall_clock": lambda: NOW, **options})


def line(screen: object, selector: str) -> str:
    from textual.screen import Screen

    assert isinstance(screen, Screen)
    return screen.query_one(selector, TextLine).text


def rows(table: DataTable[Any]) -> list[list[str]]:
    return [
        [cell.plain if isinstance(cell, Text) else str(cell) for cell in table.get_row_at(n)]
        for n in range(table.row_count)
    ]


async def open_screen(pilot: Pilot[object], key: str) -> None:
    await settle(pilot)
    await pilot.press(key)
    await settle(pilot)


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


def footer_keys(app: CoachApp) -> dict[str, str]:
    """The keys the footer shows, with their descriptions."""
    return {
        key: active.binding.description
        for key, active in app.screen.active_bindings.items()
        if active.binding.show
    }


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
        assert [type(s).__name__ for s in app.screen_stack[1:]] == ["HomeScreen"]


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
            "Active 8:00 · planned 10:00 · 1 done, 1 skipped"
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


async def test_stats_without_history_says_so(root: Path) -> None:
    app = history_app(root)
    async with app.run_test() as pilot:
        await open_screen(pilot, "s")
        assert line(app.screen, "#stats-note") == (
            "No sessions yet — your first one starts the streak."
        )
        assert not app.screen.query_one("#stats-heatmap").display
