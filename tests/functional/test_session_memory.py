"""Issue #10, a session's peak memory: what a session leaves for the cyclic collector is
collected before the Finished screen is built on top of it (CoachApp._ended)."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

import pytest
from functional.history_kit import do_the_daily, history_app

from coach.session.clock import FakeClock
from coach.tui.screens.finished import FinishedScreen
from coach.tui.screens.session import SessionScreen


async def test_the_sessions_garbage_goes_before_the_finished_screen_is_built(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = history_app(root, record_history=True, clock=FakeClock())
    steps: list[str] = []
    collect, finished_init = gc.collect, FinishedScreen.__init__

    def collecting(generation: int = 2) -> int:
        if isinstance(app.screen, SessionScreen):
            steps.append("collected")
        return collect(generation)

    def building(screen: FinishedScreen, *args: Any, **kwargs: Any) -> None:
        steps.append("finished built")
        finished_init(screen, *args, **kwargs)

    monkeypatch.setattr(gc, "collect", collecting)
    monkeypatch.setattr(FinishedScreen, "__init__", building)
    async with app.run_test() as pilot:
        await do_the_daily(pilot)
        assert isinstance(app.screen, FinishedScreen)
    assert steps[-2:] == ["collected", "finished built"]
