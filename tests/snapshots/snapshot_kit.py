"""What every snapshot test shares: the two sizes, and waiting until a screen is drawn."""

from __future__ import annotations

import contextlib
from collections.abc import Awaitable, Callable

import pytest
from textual.pilot import Pilot
from textual.worker import WorkerCancelled

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
SnapCompare = Callable[..., bool]


async def workers_done(pilot: Pilot[object]) -> None:
    """Wait for every worker; one cancelled because a newer exclusive worker replaced it is done.

    (`wait_for_complete` raises for such a worker, which made snapshots flaky under load.)
    """
    for worker in list(pilot.app.workers):
        with contextlib.suppress(WorkerCancelled):
            await worker.wait()


async def settle(pilot: Pilot[object]) -> None:
    """Let thread workers finish and the screen catch up with what they posted."""
    for _ in range(3):
        await workers_done(pilot)
        await pilot.pause()


def keys(*pressed: str) -> Callable[[Pilot[object]], Awaitable[None]]:
    """A `run_before` that presses `pressed` in turn, settling after each."""

    async def run_before(pilot: Pilot[object]) -> None:
        await settle(pilot)
        for key in pressed:
            await pilot.press(key)
            await settle(pilot)

    return run_before
