"""Routine files changed on disk while the app runs: the watcher's check is driven directly."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from driving import open_preview, session_of, settle
from sample_routines import EXERCISES, MINE, make_test_app, user_routine

from coach.tui.messages import RoutineChosen, RoutinesChanged
from coach.tui.screens.preview import PreviewScreen
from coach.tui.watch import POLL_SECONDS, RoutineWatcher, stamps
from coach.tui.widgets.plan import PlanTable
from coach.tui.widgets.text_line import TextLine


def rewrite(path: Path, body: str) -> None:
    """Change the file as another editor would; the time moves on so the change always shows."""
    before = path.stat().st_mtime_ns
    path.write_text(body, encoding="utf-8")
    os.utime(path, ns=(before + 1_000_000_000, before + 1_000_000_000))


def amounts(screen: PreviewScreen) -> list[str]:
    return [row.amount for row in screen.query_one(PlanTable).rows_of_plan]


def routines_changed_heard() -> tuple[list[frozenset[Path]], Callable[[object], None]]:
    """The paths of every RoutinesChanged message, and the message hook that collects them."""
    heard: list[frozenset[Path]] = []

    def hook(message: object) -> None:
        if isinstance(message, RoutinesChanged):
            heard.append(message.paths)

    return heard, hook


async def test_a_file_changed_on_disk_shows_its_new_plan_on_the_preview(root: Path) -> None:
    path = user_routine(root)
    app = make_test_app(root)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_preview(pilot, "mine")
        assert amounts(screen) == ["6 s"]
        rewrite(path, MINE.replace("Mine", "Mine, longer").replace("6s", "25s"))
        assert app.routine_watcher.check() == {path}
        await settle(pilot)
        assert amounts(screen) == ["25 s"]
        assert screen.query_one("#routine-name", TextLine).text == "Mine, longer"
        assert screen.query_one("#routine-length", TextLine).text == "27 s · 1 exercise"
        assert screen.routine.name == "Mine, longer"


async def test_a_copy_of_a_broken_routine_is_not_said_to_have_mistakes_now(root: Path) -> None:
    """Bug #11: duplicating a broken routine said the brand-new file "has mistakes now"."""
    path = user_routine(root)
    app = make_test_app(root)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_preview(pilot, "mine")
        rewrite(path, MINE.replace("6s", "soon"))
        app.routine_watcher.check()
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("enter")  # the proposed id, mine-copy
        await settle(pilot)
        assert app.screen is screen and screen.entry.id == "mine-copy"
        problems = screen.query_one("#routine-problems", TextLine).text
        assert problems.startswith("⚠ mine-copy.yaml has mistakes (e edits it)")


async def test_a_file_that_turns_invalid_shows_its_error_and_cannot_start(root: Path) -> None:
    path = user_routine(root)
    app = make_test_app(root)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_preview(pilot, "mine")
        rewrite(path, MINE.replace("6s", "soon"))
        app.routine_watcher.check()
        await settle(pilot)
        problems = screen.query_one("#routine-problems", TextLine)
        assert problems.display
        assert "mine.yaml has mistakes now" in problems.text
        assert "line 5:15: `duration` must be a duration" in problems.text
        assert screen.has_class("-broken")
        assert amounts(screen) == ["6 s"], "the last plan that worked stays in view"
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen
        # Fixed again, it can be played again.
        rewrite(path, MINE)
        app.routine_watcher.check()
        await settle(pilot)
        assert not screen.has_class("-broken")
        assert not problems.display


async def test_a_removed_file_is_said_on_the_preview(root: Path) -> None:
    path = user_routine(root)
    app = make_test_app(root)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_preview(pilot, "mine")
        path.unlink()
        assert app.routine_watcher.check() == {path}
        await settle(pilot)
        assert "file is gone" in screen.query_one("#routine-problems", TextLine).text
        assert screen.has_class("-broken")


async def test_a_changed_exercise_library_reaches_the_preview(root: Path) -> None:
    app = make_test_app(root)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_preview(pilot, "daily")
        assert screen.query_one(PlanTable).rows_of_plan[0].name == "Heel hold"
        library = root / "user" / "exercises.yaml"
        library.parent.mkdir(parents=True, exist_ok=True)
        library.write_text("heel-hold:\n  name: Heel raise and hold\n", encoding="utf-8")
        assert app.routine_watcher.check() == {library}
        await settle(pilot)
        assert screen.query_one(PlanTable).rows_of_plan[0].name == "Heel raise and hold"


async def test_a_session_in_progress_keeps_the_routine_it_started_with(root: Path) -> None:
    path = user_routine(root)
    app = make_test_app(root)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        routine = app.catalog.find("mine").routine
        assert routine is not None
        app.post_message(RoutineChosen(routine))
        await settle(pilot)
        session = session_of(app)
        segments = session.timeline.segments
        rewrite(path, MINE.replace("6s", "40s"))
        app.routine_watcher.check()
        await settle(pilot)
        assert session_of(app) is session
        assert session.routine is routine
        assert session.timeline.segments == segments


async def test_no_polling_while_a_session_plays_and_home_catches_up_after(root: Path) -> None:
    """Issue #10 (a session's CPU): the once-a-second look at the routine folders rests while a
    session plays, even under its quit question; what changed meanwhile reaches home at once
    when the session leaves."""
    path = user_routine(root)
    app = make_test_app(root)
    heard, hook = routines_changed_heard()

    async with app.run_test(size=(100, 30), message_hook=hook) as pilot:
        await settle(pilot)
        watcher = app.routine_watcher
        assert watcher.polling
        routine = app.catalog.find("mine").routine
        assert routine is not None
        app.post_message(RoutineChosen(routine))
        await settle(pilot)
        session_of(app)
        assert not watcher.polling
        rewrite(path, MINE.replace("6s", "40s"))
        await pilot.press("q")
        await settle(pilot)
        assert not watcher.polling, "the quit question stands over the session"
        assert heard == []
        await pilot.press("y")
        await settle(pilot)
        assert watcher.polling
        assert frozenset({path}) in heard
        assert "HomeScreen" in [type(screen).__name__ for screen in app.screen_stack]


async def test_every_screen_in_the_stack_is_told_once(root: Path) -> None:
    path = user_routine(root)
    app = make_test_app(root)
    heard, hook = routines_changed_heard()

    async with app.run_test(size=(100, 30), message_hook=hook) as pilot:
        await open_preview(pilot, "mine")
        rewrite(path, MINE.replace("6s", "7s"))
        app.routine_watcher.check()
        await settle(pilot)
        names = [type(screen).__name__ for screen in app.screen_stack]
    assert names == ["HomeScreen", "PreviewScreen"]
    # One message per screen, none bubbling on to the app.
    assert heard == [frozenset({path})] * len(names)


def test_the_watcher_sees_added_changed_and_removed_files_only(tmp_path: Path) -> None:
    from coach.routine.catalog import Catalog

    user, bundled = tmp_path / "user", tmp_path / "bundled"
    bundled.mkdir()
    (bundled / "exercises.yaml").write_text(EXERCISES)
    (bundled / "a.yaml").write_text("name: A\n")
    catalog = Catalog(user_dir=user, bundled_dir=bundled)
    app = make_test_app(tmp_path / "unused")
    watcher = RoutineWatcher(app, catalog)
    assert watcher.changes() == frozenset()
    user.mkdir()
    (user / "b.yml").write_text("name: B\n")
    (user / "notes.txt").write_text("not a routine")
    (user / ".b.yml.1234.tmp").write_text("half written")
    (user / "b.yml.bak").write_text("the old one")
    assert watcher.changes() == {user / "b.yml"}
    rewrite(bundled / "a.yaml", "name: A2\n")
    (user / "b.yml").unlink()
    assert watcher.changes() == {bundled / "a.yaml", user / "b.yml"}
    assert watcher.changes() == frozenset()
    assert set(stamps((user, bundled))) == {bundled / "a.yaml", bundled / "exercises.yaml"}
    assert POLL_SECONDS <= 1.0


def test_a_changed_library_is_read_again(tmp_path: Path) -> None:
    from coach.routine.catalog import Catalog

    bundled = tmp_path / "bundled"
    bundled.mkdir()
    (bundled / "exercises.yaml").write_text(EXERCISES)
    catalog = Catalog(user_dir=tmp_path / "user", bundled_dir=bundled)
    assert catalog.exercises["toe-raise"].name == "Toe raise"
    app = make_test_app(tmp_path / "unused")
    watcher = RoutineWatcher(app, catalog)
    rewrite(bundled / "exercises.yaml", EXERCISES.replace("name: Toe raise", "name: Toe lift"))
    # Not in the app's screen stack yet: only the catalog is refreshed.
    watcher.check()
    assert catalog.exercises["toe-raise"].name == "Toe lift"


async def test_coach_run_looks_at_no_routine_folder(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`coach run`'s session keeps the routine it started with and its end leaves the app:
    nothing would hear of a change, so no folder is looked at, then or at any later second."""
    looked: list[object] = []
    monkeypatch.setattr("coach.tui.watch.stamps", lambda folders: looked.append(folders) or {})
    app = make_test_app(root, start="stretch")
    async with app.run_test() as pilot:
        await settle(pilot)
        session_of(app)
    assert looked == []
    home = make_test_app(root)
    async with home.run_test() as pilot:
        await settle(pilot)
    assert looked, "home does look (the test would see a watcher)"
