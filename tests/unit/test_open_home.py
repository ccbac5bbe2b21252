"""`coach` alone (open_home): the collector is off only while the app's modules load."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

import coach.tui.app
from coach.commands import session


class _App:
    return_code = 0

    def __init__(self) -> None:
        self.collector_on_at_run: bool | None = None
        self.frozen_at_run = 0

    def run(self) -> None:
        self.collector_on_at_run = gc.isenabled()
        self.frozen_at_run = gc.get_freeze_count()


@pytest.fixture(autouse=True)
def _collector_restored() -> Iterator[None]:
    yield
    gc.unfreeze()
    gc.enable()


def test_the_app_runs_with_the_collector_on_and_the_loaded_objects_frozen(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue #10 (first frame): collection is paused while imports load, never for the app."""
    app = _App()
    monkeypatch.setattr(session, "_have_terminal", lambda: True)
    monkeypatch.setattr(coach.tui.app, "make_app", lambda **_: app)
    assert session.open_home() == 0
    assert app.collector_on_at_run is True
    assert app.frozen_at_run > 0


def test_a_failure_while_loading_leaves_the_collector_on(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(**_: object) -> _App:
        raise RuntimeError("no app")

    monkeypatch.setattr(session, "_have_terminal", lambda: True)
    monkeypatch.setattr(coach.tui.app, "make_app", broken)
    with pytest.raises(RuntimeError):
        session.open_home()
    assert gc.isenabled()
