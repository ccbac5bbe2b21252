"""What every snapshot test shares: the two sizes, and waiting until a screen is drawn."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from functional.driving import settle
from textual.pilot import Pilot

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
SnapCompare = Callable[..., bool]


def keys(*pressed: str) -> Callable[[Pilot[object]], Awaitable[None]]:
    """A `run_before` that presses `pressed` in turn, settling after each."""

    async def run_before(pilot: Pilot[object]) -> None:
        await settle(pilot)
        for key in pressed:
            await pilot.press(key)
            await settle(pilot)

    return run_before
