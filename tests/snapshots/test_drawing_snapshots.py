"""Each bundled exercise's drawing in its two key poses (start, and the position it moves to and
holds), as a person sees them at 80x24: every one must be recognisable at a glance."""

from __future__ import annotations

import pytest
from snapshot_kit import SnapCompare
from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label

from coach.drawing.braille import draw
from coach.drawing.bundled import bundled_drawings
from coach.tui.widgets.drawing import ExerciseDrawing


class PosesApp(App[None]):
    CSS = "Horizontal { height: auto; margin: 1 2; } ExerciseDrawing { margin-right: 4; }"

    def __init__(self, exercise_id: str) -> None:
        super().__init__()
        self.drawing = bundled_drawings()[exercise_id]

    def compose(self) -> ComposeResult:
        yield Label(f"{self.drawing.id}: start, then the position it moves to")
        with Horizontal():
            yield ExerciseDrawing(id="start")
            yield ExerciseDrawing(id="end")

    def on_mount(self) -> None:
        for pose in ("start", "end"):
            picture = draw(self.drawing, getattr(self.drawing, pose).as_dict())
            self.query_one(f"#{pose}", ExerciseDrawing).show(picture)


@pytest.mark.parametrize("exercise_id", sorted(bundled_drawings()))
def test_key_poses(snap_compare: SnapCompare, exercise_id: str) -> None:
    assert snap_compare(PosesApp(exercise_id), terminal_size=(80, 24))
