"""How the history looks: home with a history, the History table and one session, and Stats.

The history is the seeded one of the functional tests, on fixed dates, and the app is told the
same fixed time, so the pictures change only when the screens do.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from functional.history_kit import NOW, daily_session, history_app, seed, session
from snapshot_kit import SIZES, SnapCompare, keys
from textual.pilot import Pilot

from coach.history.recorder import plan_hash
from coach.history.store import HistoryStore
from coach.routine.timeline import expand
from coach.session.clock import FakeClock
from coach.tui.screens.session import SessionScreen


@pytest.mark.parametrize("size", SIZES)
def test_home_with_history(
    snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]
) -> None:
    seed()
    assert snap_compare(history_app(tmp_path), terminal_size=size, run_before=keys())


def test_home_done_today_with_a_resume_offer(snap_compare: SnapCompare, tmp_path: Path) -> None:
    app = history_app(tmp_path)
    seed([daily_session(NOW - timedelta(hours=3))])
    mixed = app.catalog.find("mixed").routine
    assert mixed is not None
    stopped = session("mixed", "Mixed test", NOW - timedelta(hours=1), minutes=1, status="partial")
    with HistoryStore.open() as store:
        # Stopped after the toe raises: it goes on at the calf stretch's prepare.
        store.begin_session(replace(stopped, plan_hash=plan_hash(expand(mixed))), resume_at=5)
    assert snap_compare(app, terminal_size=(80, 24), run_before=keys())


@pytest.mark.parametrize("size", SIZES)
def test_history(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    seed()
    assert snap_compare(history_app(tmp_path), terminal_size=size, run_before=keys("h"))


@pytest.mark.parametrize("size", SIZES)
def test_history_session(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    seed()
    moves = keys("h", "down", "enter")  # 12 May: the heel hold skipped
    assert snap_compare(history_app(tmp_path), terminal_size=size, run_before=moves)


@pytest.mark.parametrize("size", SIZES)
def test_stats(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    seed()
    assert snap_compare(history_app(tmp_path), terminal_size=size, run_before=keys("s"))


def test_stats_scrolled_to_the_end(snap_compare: SnapCompare, tmp_path: Path) -> None:
    seed()
    moves = keys("s", "end")
    assert snap_compare(history_app(tmp_path), terminal_size=(80, 24), run_before=moves)


def test_stats_asks_the_format_of_the_report(
    snap_compare: SnapCompare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COACH_DOCUMENTS_DIR", "/home/you/Documents")
    seed()
    moves = keys("s", "r")
    assert snap_compare(history_app(tmp_path), terminal_size=(80, 24), run_before=moves)


def test_finished_with_the_grown_streak(snap_compare: SnapCompare, tmp_path: Path) -> None:
    seed()
    clock = FakeClock()
    app = history_app(tmp_path, clock=clock, record_history=True)

    async def moves(pilot: Pilot[object]) -> None:
        await keys("t", "n")(pilot)  # today's routine, its first prepare skipped
        for seconds in (6.0, 2.0, 12.0):  # the heel hold, a prepare, the toe raises
            clock.advance(seconds)
            screen = pilot.app.screen
            assert isinstance(screen, SessionScreen)
            screen.wake()
            await pilot.pause()
        await keys("enter")(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=moves)


def test_home_with_a_weekly_plan(snap_compare: SnapCompare, tmp_path: Path) -> None:
    from datetime import time

    from coach.plan import PlanEntry
    from coach.plan.entry import EVERY_DAY
    from coach.settings import Settings

    plan = (
        PlanEntry("stretch", EVERY_DAY, time(21, 0)),
        PlanEntry("daily", EVERY_DAY, time(7, 30)),
    )
    seed([daily_session(NOW - timedelta(hours=10))])
    app = history_app(tmp_path, settings=Settings(voice=False, schedule=plan))
    assert snap_compare(app, terminal_size=(80, 24), run_before=keys())
