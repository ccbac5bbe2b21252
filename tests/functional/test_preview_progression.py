"""The Preview shows today's values of a routine that grows, and why; Start plays them."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from driving import session_of, settle
from sample_routines import make_test_app
from textual.pilot import Pilot

from coach.history.database import HistoryUnavailable
from coach.history.records import SessionRecord, SessionStatus, stamp
from coach.history.store import HistoryStore
from coach.routine.model import ExerciseStep
from coach.tui.app import CoachApp
from coach.tui.messages import PreviewChosen
from coach.tui.screens.preview import PreviewScreen
from coach.tui.widgets.plan import PlanTable
from coach.tui.widgets.text_line import TextLine

GROWING = """\
name: Growing
prepare: 2s
steps:
  - exercise: calf-stretch
    duration: 30s
    progress: {every: 7d, add: 5s, max: 60s}
  - exercise: toe-raise
    reps: 10
    tempo: {up: 1s, down: 1s}
    progress: {every: 7, add: 2, max: 14}
"""
FIRST_DAY = datetime(2024, 3, 1, 8, 0, tzinfo=timezone(timedelta(hours=1)))


def played(
    days: int,
    *,
    routine_id: str = "growing",
    status: SessionStatus = "completed",
    per_day: int = 1,
) -> None:
    """`per_day` sessions of the routine on each of `days` days, written to the history."""
    records = []
    for day in range(days):
        for n in range(per_day):
            start = FIRST_DAY + timedelta(days=day, hours=n)
            records.append(
                SessionRecord(
                    uid=f"{routine_id}-{status}-{day}-{n}",
                    routine_id=routine_id,
                    routine_name="Growing",
                    plan_hash=None,
                    source="logged",
                    status=status,
                    started_at=stamp(start),
                    ended_at=stamp(start + timedelta(minutes=2)),
                    planned_s=120.0,
                    active_s=120.0,
                    paused_s=0.0,
                )
            )
    with HistoryStore.open() as store:
        store.add_sessions(records)


async def preview_of_growing(pilot: Pilot[object], root: Path) -> PreviewScreen:
    app = pilot.app
    assert isinstance(app, CoachApp)
    await settle(pilot)
    app.post_message(PreviewChosen(app.catalog.find("growing")))
    await settle(pilot)
    assert isinstance(app.screen, PreviewScreen)
    return app.screen


@pytest.fixture
def growing(root: Path) -> Path:
    folder = root / "user"
    folder.mkdir(parents=True)
    path = folder / "growing.yaml"
    path.write_text(GROWING, encoding="utf-8")
    return path


async def test_the_preview_shows_todays_values_and_why(root: Path, growing: Path) -> None:
    played(14)
    played(3, status="partial")  # stopped sessions do not count
    played(5, routine_id="daily")  # nor do other routines
    app = make_test_app(root)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await preview_of_growing(pilot, root)
        rows = screen.query_one(PlanTable).rows_of_plan
        assert [row.amount for row in rows] == ["40 s", "14 reps (1-1 s)"]
        assert screen.query_one("#routine-progression", TextLine).text == (
            "Today: Calf stretch 40 s (30 s + 5 s × 2: 14 days completed)\n"
            "Today: Toe raise 14 reps (10 reps + 2 reps × 2, at its max of 14 reps:"
            " 14 days completed)"
        )
        assert screen.query_one("#exercise-growth", TextLine).text == (
            "Calf stretch 40 s (30 s + 5 s × 2: 14 days completed)"
        )
        # 2 + 2 × 40 + 5 (switch) + 2 + 14 × 2 s
        assert screen.query_one("#routine-length", TextLine).text.startswith("1 min 57 s")


async def test_several_sessions_on_one_day_count_as_one_day(root: Path, growing: Path) -> None:
    played(6, per_day=3)
    app = make_test_app(root)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await preview_of_growing(pilot, root)
        assert screen.query_one(PlanTable).rows_of_plan[0].amount == "30 s"
        assert "6 so far" in screen.query_one("#routine-progression", TextLine).text


async def test_start_plays_todays_values(root: Path, growing: Path) -> None:
    played(7)
    app = make_test_app(root)
    async with app.run_test(size=(100, 30)) as pilot:
        await preview_of_growing(pilot, root)
        await pilot.press("enter")
        await settle(pilot)
        session = session_of(app)
        step = session.routine.steps[0]
        assert isinstance(step, ExerciseStep) and step.duration == 35.0
        assert [s.duration_s for s in session.timeline.work_segments][:2] == [35.0, 35.0]


async def test_without_history_the_steps_are_as_written(root: Path, growing: Path) -> None:
    app = make_test_app(root)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await preview_of_growing(pilot, root)
        assert [row.amount for row in screen.query_one(PlanTable).rows_of_plan] == [
            "30 s",
            "10 reps (1-1 s)",
        ]
    assert not (root.parent / "data" / "history.db").exists(), "looking never creates history"


async def test_a_routine_without_progress_shows_no_progression_line(root: Path) -> None:
    app = make_test_app(root)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app, CoachApp)
        app.post_message(PreviewChosen(app.catalog.find("stretch")))
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PreviewScreen)
        assert not screen.query_one("#routine-progression", TextLine).display
        assert not screen.query_one("#exercise-growth", TextLine).display


async def test_unreadable_history_is_said_once_and_the_steps_are_as_written(
    root: Path, growing: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unavailable(*args: object, **kwargs: object) -> HistoryStore:
        raise HistoryUnavailable("the data folder is read-only")

    monkeypatch.setattr(HistoryStore, "open", unavailable)
    app = make_test_app(root)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await preview_of_growing(pilot, root)
        assert screen.query_one(PlanTable).rows_of_plan[0].amount == "30 s"
        growing.write_text(GROWING.replace("Growing", "Still growing"), encoding="utf-8")
        screen.reload()
        await settle(pilot)
        assert screen.routine.name == "Still growing"
        notices = [n.message for n in app._notifications if "read-only" in n.message]
        assert notices == [
            "History cannot be read, so steps start as written: the data folder is read-only"
        ]
