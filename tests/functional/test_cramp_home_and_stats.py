"""The cramp diary on the other screens: today's tip on home, cramps next to sessions on
Stats, the footer keys, and the command palette's cramp and screen commands.

The seeded history is the one of the history tests (fixed dates, a regular start on 6 April
2026), with cramps added on fixed dates around it, and the app is told the same fixed time.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from functional.driving import footer_cut, session_of, settle
from functional.history_kit import (
    NOW,
    daily_session,
    footer_keys,
    history_app,
    line,
    seed,
    session,
)
from functional.test_cramp_form import cramp_app, form_of, keys, notices, seed_cramps
from functional.test_cramp_relief import WallClock, relief_app

from coach.cramps.diary import CrampDiary
from coach.cramps.records import new_cramp
from coach.cramps.tips import load_tips, tip_of_the_day
from coach.cramps.values import RELIEF_ROUTINE
from coach.history.recorder import plan_hash
from coach.history.store import HistoryStore
from coach.routine.timeline import expand
from coach.session.clock import FakeClock
from coach.tui.messages import RoutinesChanged
from coach.tui.screens.history import HistoryScreen
from coach.tui.screens.stats import StatsScreen
from coach.tui.widgets.cramp_trends import CrampTrendsView, CrampWeeks

#: Nine cramps in the 4 weeks before the regular start (6 April), three in the last 4 weeks.
BEFORE = [date(2026, 3, d) for d in (10, 12, 14, 17, 20, 24, 27, 31)] + [date(2026, 4, 3)]
RECENT = [date(2026, 4, 20), date(2026, 5, 1), date(2026, 5, 12)]


def seed_the_diary() -> None:
    seed()
    seed_cramps(
        *(new_cramp(datetime(d.year, d.month, d.day, 2, 40, tzinfo=UTC)) for d in BEFORE + RECENT)
    )


# -- the tip -------------------------------------------------------------------------------


@pytest.mark.parametrize("days_on", [0, 1, 5])
async def test_home_shows_the_tip_for_the_day(root: Path, days_on: int) -> None:
    now = NOW + timedelta(days=days_on)
    app = cramp_app(root, now)
    async with app.run_test() as pilot:
        await settle(pilot)
        expected = tip_of_the_day(load_tips().tips, now.date())
        assert line(app.screen, "#daily-tip") == f"Tip: {expected}"


async def test_a_mistake_in_the_persons_tips_is_told_once_and_the_tips_still_show(
    root: Path, isolated_folders: Path
) -> None:
    (isolated_folders / "config" / "tips.yaml").write_text(
        "- Walk a little every hour.\n- source: a source without a tip\n"
    )
    app = cramp_app(root)
    async with app.run_test() as pilot:
        await settle(pilot)
        assert line(app.screen, "#daily-tip").startswith("Tip: ")
        app.screen.post_message(RoutinesChanged(frozenset()))  # the shelf is read again
        await settle(pilot)
        [problem] = notices(app, "Tips")
        assert "tips.yaml:2:" in problem and "needs `text`" in problem


# -- the footer ----------------------------------------------------------------------------


async def test_with_a_resume_offer_the_home_footer_keeps_every_key_at_80_columns(
    root: Path,
) -> None:
    """Bug #11: the footer dropped `c Log cramp` when Resume was offered."""
    app = history_app(root)
    seed([daily_session(NOW - timedelta(hours=3))])
    mixed = app.catalog.find("mixed").routine
    assert mixed is not None
    stopped = session("mixed", "Mixed test", NOW - timedelta(hours=1), minutes=1, status="partial")
    with HistoryStore.open() as store:
        store.begin_session(replace(stopped, plan_hash=plan_hash(expand(mixed))), resume_at=5)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        shown = footer_keys(app)
        assert shown["r"] == "Resume" and shown["exclamation_mark"] == "Cramp now"
        assert shown["c"] == "Log cramp"
        assert footer_cut(app) == []
        await keys(pilot, "c")
        form_of(app)


# -- stats ---------------------------------------------------------------------------------


async def test_stats_sets_cramps_beside_sessions_and_says_the_counts_plainly(root: Path) -> None:
    seed_the_diary()
    app = cramp_app(root)
    async with app.run_test(size=(100, 80)) as pilot:
        await settle(pilot)
        await keys(pilot, "s")
        screen = app.screen
        assert isinstance(screen, StatsScreen)
        assert line(screen, "#cramp-trends-sentence") == (
            "3 cramps in the last 4 weeks (0.8 a week), 9 in the 4 weeks before you started"
            " regularly on 6 April 2026 (2.2 a week)."
        )
        weeks = screen.query_one(CrampWeeks).weeks
        assert [w.start for w in weeks][::11] == [date(2026, 2, 23), date(2026, 5, 11)]
        assert [w.cramps for w in weeks] == [0, 0, 3, 2, 2, 2, 0, 0, 1, 1, 0, 1]
        with HistoryStore.open(create=False) as store:
            assert weeks == CrampDiary(store).trends(NOW.date()).weeks
        assert weeks[6].sessions == 5  # 6 to 10 April, every day
        lines = screen.query_one(CrampWeeks).render().plain.splitlines()
        assert lines[0].split() == ["cramps", "sessions"]
        assert lines[7].startswith(" 6 Apr ") and lines[7].split()[-1] == "5"


async def test_stats_without_cramps_says_so_and_draws_no_chart(root: Path) -> None:
    seed()
    app = cramp_app(root)
    async with app.run_test(size=(100, 80)) as pilot:
        await keys(pilot, "s")
        view = app.screen.query_one(CrampTrendsView)
        assert line(app.screen, "#cramp-trends-sentence") == (
            "No cramps logged yet. Press c to log one."
        )
        assert view.display and not view.query_one(CrampWeeks).display


async def test_stats_with_cramps_but_no_sessions_still_shows_the_cramps(root: Path) -> None:
    seed_cramps(*(new_cramp(NOW - timedelta(days=n)) for n in (1, 2)))
    app = cramp_app(root)
    async with app.run_test(size=(100, 80)) as pilot:
        await keys(pilot, "s")
        assert line(app.screen, "#cramp-trends-sentence").startswith(
            "2 cramps in the last 4 weeks. Once you have done a routine on 4 days"
        )
        assert app.screen.query_one(CrampWeeks).display


async def test_stats_footer_offers_c(root: Path) -> None:
    app = cramp_app(root)
    async with app.run_test() as pilot:
        await keys(pilot, "s")
        assert footer_keys(app)["c"] == "Log cramp"


# -- the command palette -------------------------------------------------------------------


async def run_command(pilot: object, words: str) -> None:
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    await settle(pilot)
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*words)
    await settle(pilot)
    await keys(pilot, "enter")


async def test_the_palette_logs_a_cramp(root: Path) -> None:
    app = cramp_app(root)
    async with app.run_test() as pilot:
        await run_command(pilot, "log a cramp")
        form_of(app)


@pytest.mark.parametrize(("words", "screen"), [("history", HistoryScreen), ("stats", StatsScreen)])
async def test_the_palette_opens_history_and_stats(root: Path, words: str, screen: type) -> None:
    app = cramp_app(root)
    async with app.run_test() as pilot:
        await run_command(pilot, words)
        assert isinstance(app.screen, screen)


async def test_the_palette_starts_cramp_relief_now(clock: FakeClock) -> None:
    app = relief_app(clock, WallClock(NOW))
    async with app.run_test() as pilot:
        await run_command(pilot, "cramp relief now")
        assert session_of(app).routine.id == RELIEF_ROUTINE
