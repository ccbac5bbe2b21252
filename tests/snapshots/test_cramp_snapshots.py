"""How the cramp diary looks: the form, the notice after a third cramp in a week, the red
flags, and Stats with cramps beside sessions.

The diary and the history are seeded on fixed dates and the app is told the same fixed time,
so the pictures change only when the screens do.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from functional.history_kit import NOW, history_app
from functional.test_cramp_form import seed_cramps
from functional.test_cramp_home_and_stats import seed_the_diary
from snapshot_kit import SIZES, SnapCompare, keys, settle
from textual.pilot import Pilot

from coach.cramps.records import new_cramp
from coach.tui.screens.relief import RedFlagsScreen


@pytest.mark.parametrize("size", SIZES)
def test_cramp_form(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    moves = keys("c", "right", "down", "down", "left", "down", "down", "right", "right")
    assert snap_compare(history_app(tmp_path), terminal_size=size, run_before=moves)


def test_cramp_form_with_a_time_that_cannot_be_read(
    snap_compare: SnapCompare, tmp_path: Path
) -> None:
    moves = keys("c", "down", *"27:10", "enter")
    assert snap_compare(history_app(tmp_path), terminal_size=(80, 24), run_before=moves)


@pytest.mark.parametrize("size", SIZES)
def test_cramp_notice(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    seed_cramps(*(new_cramp(NOW - timedelta(days=n)) for n in (1, 4)))
    moves = keys("c", "enter")
    assert snap_compare(history_app(tmp_path), terminal_size=size, run_before=moves)


def test_red_flags(snap_compare: SnapCompare, tmp_path: Path) -> None:
    async def show_them(pilot: Pilot[object]) -> None:
        await settle(pilot)
        await pilot.app.push_screen(RedFlagsScreen())
        await settle(pilot)

    assert snap_compare(history_app(tmp_path), terminal_size=(80, 24), run_before=show_them)


@pytest.mark.parametrize("size", SIZES)
def test_stats_with_cramps(
    snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]
) -> None:
    seed_the_diary()
    moves = keys("s", "end")
    assert snap_compare(history_app(tmp_path), terminal_size=size, run_before=moves)
