"""Pilot's waits, made of work instead of naps (issue #10: `make test` took about 6 minutes).

Textual's Pilot waits after every key and every `pause()` until the process looks idle: it
naps 20 ms at a time until a nap passes with under 1 ms of CPU used. That guesses from time,
and the naps were nine tenths of a Pilot test's time. Here a wait runs what the app has to do
until nothing is left:

- every callback the event loop has ready or due runs (messages, idle events, tasks), with no
  nap at all;
- a layout or repaint the screen has pending is done, as the screen's next update would do it
  (and as `Pilot.pause` already does at its end);
- a worker still at work is looked at every millisecond until it is done; one that idles for a
  whole 20 ms nap (held by a test, or waiting on something outside) ends the wait as Textual's
  own wait would.

So what the app's own loop has to do is always done before a wait ends, however loaded the
machine (Textual's naps could end while messages were still queued). Real-time timers (the
session's wake, a frame, a flash) do not fire in a wait: the tests move the fake clock and fire
them, never counting on 20 ms of real time going by.
"""

from __future__ import annotations

import asyncio
from time import monotonic, process_time
from typing import Any

import textual.app
import textual.pilot
from textual import _wait
from textual._context import active_app

textual_wait_for_idle = _wait.wait_for_idle
WORKER_LOOK = 0.001  # seconds between looks at a worker still at work


async def run_until_quiet(loop: asyncio.AbstractEventLoop, give_up: float) -> None:
    """Let the loop run until nothing in it is ready to run or due now (or `give_up` passed)."""
    ready = loop._ready  # type: ignore[attr-defined]
    scheduled = loop._scheduled  # type: ignore[attr-defined]
    while monotonic() < give_up:
        await asyncio.sleep(0)
        if not ready and not (scheduled and scheduled[0].when() <= loop.time()):
            return


def update_pending_screen(app: Any) -> bool:
    """Do the layout and paint the current screen has waiting for its update timer."""
    if not app._running or app._closing or not app._screen_stack:
        return False
    screen = app.screen
    pending = (
        screen._layout_required
        or screen._scroll_required
        or screen._repaint_required
        or screen._recompose_required
        or screen._dirty_widgets
    )
    if not pending or not screen.is_current or app._batch_count:
        return False
    screen._on_timer_update()
    return True


def workers_busy(app: Any) -> bool:
    return any(not worker.is_finished for worker in app.workers)


async def wait_for_idle(min_sleep: float = 0.0, max_sleep: float = 1.0) -> None:
    """Textual's `wait_for_idle` for tests: returns once the app has nothing left to do.
    (`min_sleep` has no use here: nothing waits for time to pass.)"""
    loop = asyncio.get_running_loop()
    app = active_app.get(None)
    if app is None or not hasattr(loop, "_ready") or not hasattr(loop, "_scheduled"):
        await textual_wait_for_idle(min_sleep, max_sleep)
        return
    give_up = monotonic() + max_sleep
    while monotonic() < give_up:
        await run_until_quiet(loop, give_up)
        if update_pending_screen(app):
            continue
        if not workers_busy(app):
            return
        # A worker is at work: look often whether it is done, and stop waiting where Textual
        # would, once a whole nap of its length passes with the process idle (a worker held
        # on purpose, or waiting on something outside).
        nap_start, cpu = monotonic(), process_time()
        while workers_busy(app) and monotonic() < give_up:
            await asyncio.sleep(WORKER_LOOK)
            if monotonic() - nap_start >= _wait.SLEEP_GRANULARITY:
                if process_time() - cpu < _wait.SLEEP_IDLE:
                    await run_until_quiet(loop, give_up)
                    return
                nap_start, cpu = monotonic(), process_time()


def install() -> None:
    """Pilot and the app's key presses wait with `wait_for_idle` above."""
    textual.pilot.wait_for_idle = wait_for_idle  # type: ignore[assignment]
    textual.app.wait_for_idle = wait_for_idle  # type: ignore[assignment]
