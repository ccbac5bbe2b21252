"""How the check-in looks once answered: the feeling chosen, a pain score and a note typed."""

from __future__ import annotations

from pathlib import Path

from functional.history_kit import history_app, seed
from snapshot_kit import SnapCompare, keys


def test_finished_with_the_check_in_answered(snap_compare: SnapCompare, tmp_path: Path) -> None:
    seed()
    app = history_app(tmp_path, record_history=True)
    moves = keys("t", "n", "n", "n", "enter", "3", "6", "tab", *"calf tight")
    assert snap_compare(app, terminal_size=(80, 24), run_before=moves)
