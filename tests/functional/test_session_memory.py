"""Issue #10, a session's peak memory: what each step leaves for the cyclic collector goes as
the next step begins (SessionScreen.collect_garbage), and once a session ends its screen lets
go of its widgets, the garbage is collected and malloc's free pages handed back, all before
the Finished screen is built (CoachApp._ended)."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path
from typing import Any

import pytest
from driving import session_of, settle, to_next_deadline
from functional.history_kit import do_the_daily, history_app
from sample_routines import make_test_app

from coach.session.clock import FakeClock
from coach.tui.screens import session as session_module
from coach.tui.screens.finished import FinishedScreen
from coach.tui.screens.session import COLLECT_MARGIN_S, SessionScreen


async def test_the_sessions_garbage_goes_before_the_finished_screen_is_built(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = history_app(root, record_history=True, clock=FakeClock())
    steps: list[str] = []
    collect, finished_init = gc.collect, FinishedScreen.__init__
    release = SessionScreen.release

    async def releasing(screen: SessionScreen) -> None:
        steps.append("released")
        await release(screen)
        assert not screen.children

    def collecting(generation: int = 2) -> int:
        if isinstance(app.screen, SessionScreen):
            steps.append("collected")
        return collect(generation)

    def building(screen: FinishedScreen, *args: Any, **kwargs: Any) -> None:
        steps.append("finished built")
        finished_init(screen, *args, **kwargs)

    monkeypatch.setattr(SessionScreen, "release", releasing)
    monkeypatch.setattr(gc, "collect", collecting)
    monkeypatch.setattr("coach.heap.give_back_free_memory", lambda: steps.append("trimmed"))
    monkeypatch.setattr(FinishedScreen, "__init__", building)
    async with app.run_test() as pilot:
        await do_the_daily(pilot)
        assert isinstance(app.screen, FinishedScreen)
    assert steps[-4:] == ["released", "collected", "trimmed", "finished built"]


async def test_coach_runs_session_under_its_finished_screen_holds_no_widgets(
    root: Path, clock: FakeClock
) -> None:
    """`coach run`'s session is the first screen and stays under the Finished screen to the
    end: emptied, it no longer holds its widgets (and their caches) and sounds all that time."""
    app = make_test_app(root, clock=clock, start="stretch")
    async with app.run_test() as pilot:
        await settle(pilot)
        session = session_of(app)
        assert session.children
        while not isinstance(app.screen, FinishedScreen):
            assert await to_next_deadline(pilot, clock)
        await settle(pilot)
        assert isinstance(app.screen, FinishedScreen)
        assert app.screen_stack[0] is session
        assert not session.children
        assert not session.query("*")
        player = session.sound._player
        assert player is not None and not player.sounds._scaled, "its cue sounds are let go"


async def test_the_widgets_coach_runs_session_let_go_are_gone(root: Path, clock: FakeClock) -> None:
    """Removed is not gone: the session screen's answers to `query_one` named its widgets, and
    kept them and what they had drawn alive under the Finished screen."""
    app = make_test_app(root, clock=clock, start="stretch")
    async with app.run_test() as pilot:
        await settle(pilot)
        session = session_of(app)
        widgets = [weakref.ref(widget) for widget in session.query("*")]
        assert len(widgets) > 10
        while not isinstance(app.screen, FinishedScreen):
            assert await to_next_deadline(pilot, clock)
        await settle(pilot)
        gc.collect()
        assert [ref() for ref in widgets if ref() is not None] == []


async def test_each_step_is_followed_by_a_collection_unless_a_cue_is_near(
    root: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    collections: list[float] = []
    monkeypatch.setattr(session_module.gc, "collect", lambda: collections.append(clock.now()))
    # The collection's timer runs on real time: booked an hour out, it never fires by itself
    # here (under load, 0.25 s passed before the test looked, and it had fired), so the test
    # sees each booking and calls the collection itself.
    monkeypatch.setattr(session_module, "COLLECT_AFTER_S", 3600.0)
    app = make_test_app(root, clock=clock, start="stretch")
    async with app.run_test() as pilot:
        await settle(pilot)
        screen = session_of(app)
        # The first step (prepare) has begun: its collection waits on a timer.
        assert screen._collect_timer is not None
        assert screen.collect_garbage()
        assert collections == [clock.now()]
        assert screen._collect_timer is None
        # Just before a deadline the collection is left out, not run late into a cue's beat.
        deadline = screen.engine.next_deadline()
        assert deadline is not None
        clock.set(deadline - COLLECT_MARGIN_S / 2)
        assert not screen.collect_garbage()
        assert len(collections) == 1
        # The next step begins: another collection is due.
        await to_next_deadline(pilot, clock)
        assert screen._collect_timer is not None
