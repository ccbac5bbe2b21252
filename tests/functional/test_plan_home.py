"""Home with a weekly plan: today's plan in order with what is done, Enter starting the first
one not done, a day with nothing planned, and Stats showing the plan kept per week."""

from __future__ import annotations

from datetime import time, timedelta
from pathlib import Path

from functional.driving import notices_of, settle
from functional.history_kit import (
    NOW,
    daily_session,
    finish_the_daily_test,
    history_app,
    line,
    seed,
)
from textual.widgets import Button

from coach.plan import PlanEntry
from coach.plan.entry import EVERY_DAY
from coach.session.clock import FakeClock
from coach.settings import Settings
from coach.tui.screens.finished import FinishedScreen
from coach.tui.screens.home import HomeScreen
from coach.tui.screens.session import SessionScreen
from coach.tui.widgets.bar_chart import AdherenceBars

MONDAY_ONLY = PlanEntry("tempo", frozenset({0}), time(9, 0))
PLAN = Settings(
    voice=False,
    schedule=(
        PlanEntry("stretch", EVERY_DAY, time(21, 0)),
        PlanEntry("daily", EVERY_DAY, time(7, 30)),
        MONDAY_ONLY,
    ),
)


async def test_home_lists_todays_plan_and_enter_starts_the_first_not_done(root: Path) -> None:
    seed([daily_session(NOW - timedelta(hours=10))])  # 08:00 today: the morning one is done
    app = history_app(root, settings=PLAN)
    async with app.run_test() as pilot:
        await settle(pilot)
        screen = app.screen
        assert line(screen, "#today-plan") == "07:30 Daily test ✓ · 21:00 Stretch both sides ○"
        assert line(screen, "#today-name") == "Stretch both sides"
        assert line(screen, "#today-status") == "○ Not done yet today"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SessionScreen)
        assert app.screen.routine.id == "stretch"


async def test_with_nothing_done_enter_starts_the_earliest(root: Path) -> None:
    app = history_app(root, settings=PLAN)
    async with app.run_test() as pilot:
        await settle(pilot)
        assert line(app.screen, "#today-name") == "Daily test"
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(app.screen, SessionScreen) and app.screen.routine.id == "daily"


async def test_a_day_with_nothing_planned_says_so_and_starts_nothing(root: Path) -> None:
    seed([daily_session(NOW - timedelta(days=1))])
    app = history_app(root, settings=Settings(voice=False, schedule=(MONDAY_ONLY,)))
    async with app.run_test() as pilot:
        await settle(pilot)
        screen = app.screen
        assert line(screen, "#today-name") == "Nothing planned today"
        assert line(screen, "#today-status") == "· Nothing planned today"
        assert screen.query_one("#start-today", Button).disabled
        await pilot.press("t")
        await settle(pilot)
        assert app.screen is screen


async def test_an_unknown_planned_routine_is_a_notice_and_the_rest_is_used(root: Path) -> None:
    origin = ("settings.yaml", 3, 14)
    typo = PlanEntry("daly", EVERY_DAY, time(6, 0), origin=origin)
    settings = Settings(voice=False, schedule=(typo, PlanEntry("daily", EVERY_DAY)))
    app = history_app(root, settings=settings)
    async with app.run_test() as pilot:
        await settle(pilot)
        messages = notices_of(app)
        assert (
            "settings.yaml:3:14: no routine called 'daly' (did you mean \"daily\"?);"
            " `coach list` shows them all"
        ) in messages
        assert line(app.screen, "#today-name") == "Daily test"


async def test_stats_shows_the_plan_kept_per_week(root: Path) -> None:
    seed([daily_session(NOW - timedelta(days=d, hours=10)) for d in range(3)])
    app = history_app(root, settings=PLAN)
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        bars = app.screen.query_one(AdherenceBars)
        assert bars.display
        # From the first session (Tuesday) to today (Thursday): daily and stretch each day.
        last = bars.adherence[-1]
        assert (last.week.isoformat(), last.planned, last.completed) == ("2026-05-11", 6, 3)
        assert bars.figure(len(bars.adherence) - 1, 3 / 6) == "3 of 6 planned (50%)"
        assert all(week.planned == 0 for week in bars.adherence[:-1])


async def test_after_the_first_planned_routine_is_done_enter_moves_on_to_the_next(
    root: Path, clock: FakeClock
) -> None:
    """Bug: the Finished screen named what was still planned by id ("stretch") where home,
    just after, names it "Stretch both sides"."""
    app = history_app(root, clock=clock, settings=PLAN, record_history=True)
    async with app.run_test() as pilot:
        await settle(pilot)
        assert line(app.screen, "#today-plan") == "07:30 Daily test ○ · 21:00 Stretch both sides ○"
        await pilot.press("enter")
        await settle(pilot)
        await finish_the_daily_test(pilot, clock)
        assert isinstance(app.screen, FinishedScreen)
        assert line(app.screen, "#streak-result") == "Still planned today: Stretch both sides."
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert line(app.screen, "#today-plan") == "07:30 Daily test ✓ · 21:00 Stretch both sides ○"
        assert line(app.screen, "#today-name") == "Stretch both sides"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SessionScreen) and app.screen.routine.id == "stretch"
