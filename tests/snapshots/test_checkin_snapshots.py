"""How the check-in looks once answered: the feeling chosen, a pain score and a note typed."""

from __future__ import annotations

from pathlib import Path

from functional.history_kit import do_the_daily, history_app, seed
from snapshot_kit import SnapCompare, settle
from textual.pilot import Pilot

from coach.session.clock import FakeClock


async def answer(pilot: Pilot[object]) -> None:
    """Do today's routine (a check-in follows work done, not skipped steps), then answer."""
    await do_the_daily(pilot)
    await pilot.press("3", "tab", "6", "tab", *"calf tight")
    await settle(pilot)


def test_finished_with_the_check_in_answered(snap_compare: SnapCompare, tmp_path: Path) -> None:
    seed()
    app = history_app(tmp_path, record_history=True, clock=FakeClock())
    assert snap_compare(app, terminal_size=(80, 24), run_before=answer)
