"""Sessions played in the app reach the history: the streak grows, and a stopped one resumes.

The app records with its own recorder (`record_history=True`) on the fixed wall clock, so the
sessions land on the tests' "today"; the fake clock moves the session along.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from driving import advance, session_of, settle
from functional.history_kit import (
    NOW,
    TODAY,
    finish_the_daily_test,
    footer_keys,
    history_app,
    line,
    seed,
)

from coach import text
from coach.history.recorder import plan_hash
from coach.history.store import HistoryStore
from coach.routine.timeline import expand
from coach.session.clock import FakeClock
from coach.tui.app import CoachApp
from coach.tui.screens.finished import FinishedScreen
from coach.tui.screens.home import HomeScreen
from coach.tui.screens.session import SessionScreen
from coach.tui.widgets.routine_table import RoutineTable

# `mixed`: 0 prepare, 1 heel hold 20 s, 2 prepare, 3 toe raise (tempo), 4 rest, 5 prepare,
# 6 calf stretch left, 7 switch, 8 right, 9 rest, 10 left, 11 switch, 12 right, 13 prepare,
# 14 toe raise at the person's own pace: seven work steps.
AFTER_HEEL_HOLD = 3.0 + 20.0


async def stop_after_heel_hold(app: CoachApp, clock: FakeClock) -> None:
    """Play `mixed` through its heel hold, then stop it: a partial session, step 1 done."""
    async with app.run_test() as pilot:
        await settle(pilot)
        await advance(pilot, clock, AFTER_HEEL_HOLD)
        assert session_of(app).engine.index == 2
        await pilot.press("q", "y")
        await settle(pilot)
        await pilot.press("enter")
        await pilot.pause()


def only_session() -> tuple[int, str, list[int]]:
    with HistoryStore.open(create=False) as store:
        sessions = store.sessions()
    assert len(sessions) == 1, sessions
    (record,) = sessions
    assert record.id is not None
    return record.id, record.status, [step.index for step in record.steps]


async def test_finishing_todays_routine_grows_the_streak_on_finished_and_home(
    root: Path, clock: FakeClock
) -> None:
    seed()
    app = history_app(root, clock=clock, record_history=True)
    async with app.run_test() as pilot:
        await settle(pilot)
        assert line(app.screen, "#streak") == "3-day streak"
        await pilot.press("t")
        await settle(pilot)
        await finish_the_daily_test(pilot, clock)
        assert isinstance(app.screen, FinishedScreen)
        assert line(app.screen, "#streak-result") == "4-day streak — done today"
        assert app.screen.has_class("-done-today")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert line(app.screen, "#today-status") == "✓ Done today"
        assert line(app.screen, "#streak") == "4-day streak"
    with HistoryStore.open(create=False) as store:
        newest = store.sessions(limit=1)[0]
    assert newest.source == "app" and newest.status == "completed"
    assert newest.started.date() == TODAY


async def test_skipping_to_the_end_is_no_completed_session_and_no_streak_day(
    root: Path, clock: FakeClock
) -> None:
    """Bug #11: pressing `n` to the end said "Well done!" and counted toward the streak."""
    seed()
    app = history_app(root, clock=clock, record_history=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        while isinstance(app.screen, SessionScreen):
            await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, FinishedScreen)
        assert line(app.screen, "#heading") == "Session ended"
        assert "Ended: 0 of 2 exercises done; skipped steps don't count toward your streak" in (
            line(app.screen, "#figures")
        )
        assert (
            line(app.screen, "#streak-result") == "3-day streak — finish a session today to grow it"
        )
    with HistoryStore.open(create=False) as store:
        assert store.sessions(limit=1)[0].status == "partial"


async def test_a_stopped_session_says_no_streak_is_running(root: Path, clock: FakeClock) -> None:
    app = history_app(root, clock=clock, start="mixed", record_history=True)
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("q", "y")
        await settle(pilot)
        assert isinstance(app.screen, FinishedScreen)
        assert line(app.screen, "#streak-result") == (
            "No streak running — finish a session to start one."
        )


async def test_without_recording_finished_says_nothing_of_a_streak(root: Path) -> None:
    app = history_app(root)
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("t", "n", "n", "n", "enter")
        await settle(pilot)
        assert isinstance(app.screen, FinishedScreen)
        assert line(app.screen, "#streak-result") == ""


async def test_home_offers_a_fresh_partial_session_and_r_goes_on_with_it(
    root: Path, clock: FakeClock
) -> None:
    await stop_after_heel_hold(
        history_app(root, clock=clock, start="mixed", record_history=True), clock
    )
    session_id, status, steps = only_session()
    assert (status, steps) == ("partial", [1])

    app = history_app(root, clock=clock, record_history=True)
    async with app.run_test() as pilot:
        await settle(pilot)
        assert line(app.screen, "#resume-offer") == "Resume Mixed test (step 2 of 7): press r"
        assert footer_keys(app)["r"] == "Resume"
        await pilot.press("r")
        await settle(pilot)
        screen = session_of(app)
        assert screen.routine.id == "mixed"
        assert screen.engine.index == 2  # the prepare before the toe raises
        while screen.engine.current is not None and not screen.engine.current.self_paced:
            await advance(pilot, clock, 30.0)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, FinishedScreen)
        assert line(app.screen, "#streak-result") == "1-day streak — done today"
        # Bug #11: the summary counted only the resumed part; it is the whole session's now.
        with HistoryStore.open(create=False) as store:
            whole = store.sessions()[0]
        figures = line(app.screen, "#figures")
        assert f"Time: {text.length(whole.active_s)}" in figures
        assert "Session complete: 4 of 4 exercises done" in figures
        await pilot.press("enter")
        await settle(pilot)
        assert line(app.screen, "#resume-offer") == ""
        assert "r" not in footer_keys(app)
    assert only_session() == (session_id, "completed", [1, 3, 6, 8, 10, 12, 14])


async def test_coach_run_resume_goes_on_with_the_same_session(root: Path, clock: FakeClock) -> None:
    await stop_after_heel_hold(
        history_app(root, clock=clock, start="mixed", record_history=True), clock
    )
    first = history_app(root, start="mixed")
    routine = first.start_routine
    assert routine is not None
    # What the CLI does for `coach run mixed --resume`.
    with HistoryStore.open(create=False) as store:
        found = store.find_resumable("mixed", plan_hash(expand(routine)), NOW)
    assert found is not None and found.start_index == 2

    app = history_app(
        root,
        clock=clock,
        start="mixed",
        record_history=True,
        resume=(found.session_id, found.start_index),
    )
    async with app.run_test() as pilot:
        await settle(pilot)
        screen = session_of(app)
        assert screen.engine.index == 2
        while screen.engine.current is not None and not screen.engine.current.self_paced:
            await advance(pilot, clock, 30.0)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("enter")
        await pilot.pause()
    assert app.return_code == 0
    assert only_session() == (found.session_id, "completed", [1, 3, 6, 8, 10, 12, 14])


async def test_a_partial_session_older_than_twelve_hours_is_not_offered(
    root: Path, clock: FakeClock
) -> None:
    await stop_after_heel_hold(
        history_app(root, clock=clock, start="mixed", record_history=True), clock
    )
    later = NOW + timedelta(hours=12, minutes=1)
    app = history_app(root, wall_clock=lambda: later)
    async with app.run_test() as pilot:
        await settle(pilot)
        assert line(app.screen, "#resume-offer") == ""


async def test_at_60x20_with_a_resume_offer_home_still_lists_routines(
    root: Path, clock: FakeClock
) -> None:
    """A new user's walk at 60x20: with the resume line showing, the tip of the day took the
    routine list's last rows. On a short terminal the tip gives way to the list."""
    await stop_after_heel_hold(
        history_app(root, clock=clock, start="mixed", record_history=True), clock
    )
    app = history_app(root, clock=clock, record_history=True)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        assert line(app.screen, "#resume-offer").startswith("Resume Mixed test")
        table = app.screen.query_one(RoutineTable)
        assert table.scrollable_content_region.height >= min(4, table.row_count)
        assert not app.screen.query_one("#daily-tip").display
