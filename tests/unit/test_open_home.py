"""`coach` alone (open_home): the collector is off while the app's modules load and home's
first second, and on again after; for that second threads take turns every 0.5 ms."""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator

import pytest

import coach.tui.app
from coach.commands import session


class _App:
    return_code = 0

    def exit_status(self) -> int:
        return self.return_code

    def __init__(self) -> None:
        self.collector_on_at_run: bool | None = None
        self.frozen_at_run = 0

    def run(self) -> None:
        self.collector_on_at_run = gc.isenabled()
        self.frozen_at_run = gc.get_freeze_count()


class _Timer:
    """threading.Timer, recorded rather than waited for."""

    made: list[_Timer] = []

    def __init__(
        self, interval: float, function: Callable[..., object], args: tuple[object, ...] = ()
    ) -> None:
        self.interval, self.function, self.args = interval, function, args
        self.daemon = False
        self.started = False
        _Timer.made.append(self)

    def start(self) -> None:
        self.started = True


@pytest.fixture(autouse=True)
def _collector_restored() -> Iterator[None]:
    _Timer.made.clear()
    gc.unfreeze()  # what open_home freezes is counted from nothing (tests/conftest.py froze)
    yield
    gc.unfreeze()
    gc.enable()


def test_the_loaded_objects_are_frozen_and_the_collector_comes_back_while_the_app_runs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue #10 (first frame): collection is paused while imports load and home fills in
    (`COLLECTOR_OFF_S`), then on for the rest of the app's life."""
    app, timer = opened(monkeypatch)
    assert app.collector_on_at_run is False
    assert app.frozen_at_run > 0
    assert timer.started and timer.daemon  # it never keeps the process alive
    assert timer.interval == session.COLLECTOR_OFF_S
    timer.function(*timer.args)
    assert gc.isenabled()


def opened(monkeypatch: pytest.MonkeyPatch) -> tuple[_App, _Timer]:
    """Home opened as `coach` opens it, with the app and the timer recorded."""
    app = _App()
    monkeypatch.setattr(session, "_have_terminal", lambda: True)
    monkeypatch.setattr(threading, "Timer", _Timer)
    monkeypatch.setattr(coach.tui.app, "make_app", lambda **_: app)
    assert session.open_home() == 0
    (timer,) = _Timer.made
    return app, timer


def test_a_failure_while_loading_leaves_the_collector_on(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(**_: object) -> _App:
        raise RuntimeError("no app")

    monkeypatch.setattr(session, "_have_terminal", lambda: True)
    monkeypatch.setattr(coach.tui.app, "make_app", broken)
    with pytest.raises(RuntimeError):
        session.open_home()
    assert gc.isenabled()
