"""Exercise drawings: poses along the tempo, frames on the clock's grid, mirroring, rasterising,
and the exercise library's `drawing:` key."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from coach import locations
from coach.drawing.braille import CELLS_H, CELLS_W, as_dots, draw
from coach.drawing.bundled import bundled_drawings
from coach.drawing.model import BOARD_W, missing_points
from coach.drawing.motion import (
    FPS,
    STEP_DOTS,
    frame_count,
    frame_progress,
    mirrored,
    pose_at,
    seconds_to_next_frame,
    travel,
)
from coach.problems import FileProblems
from coach.routine.files import LIBRARY_FILE
from coach.routine.loader import load_exercises

TOE_RAISE = bundled_drawings()["toe-raise"]
LIBRARY = load_exercises(locations.bundled_dir("routines") / LIBRARY_FILE)


def test_every_bundled_exercise_has_a_complete_drawing() -> None:
    for exercise_id, exercise in LIBRARY.items():
        assert exercise.drawing is not None, exercise_id
        assert missing_points(exercise.drawing) == [], exercise_id


@pytest.mark.parametrize("exercise_id", sorted(bundled_drawings()))
def test_each_drawing_fits_the_canvas_in_both_poses(exercise_id: str) -> None:
    drawing = bundled_drawings()[exercise_id]
    for pose in (drawing.start, drawing.end):
        picture = draw(drawing, pose.as_dict())
        assert len(picture.rows) == CELLS_H
        assert {len(row) for row in picture.rows} == {CELLS_W}
        assert any(ch != " " for row in picture.rows for ch in row)


@pytest.mark.parametrize(
    ("phase", "progress", "pose"),
    [("up", 0.0, "start"), ("up", 1.0, "end"), ("hold", 0.3, "end"), ("down", 0.0, "end")]
    + [("down", 1.0, "start"), ("pause", 0.5, "start"), (None, 0.0, "start")],
)
def test_up_goes_from_a_to_b_hold_keeps_b_down_comes_back(
    phase: str | None, progress: float, pose: str
) -> None:
    expected = getattr(TOE_RAISE, pose).as_dict()
    got = pose_at(TOE_RAISE, phase, progress)
    assert got == pytest.approx(expected)


def test_halfway_up_is_between_the_poses() -> None:
    a, b = TOE_RAISE.start.as_dict(), TOE_RAISE.end.as_dict()
    mid = pose_at(TOE_RAISE, "up", 0.5)["tip"]
    assert min(a["tip"][1], b["tip"][1]) < mid[1] < max(a["tip"][1], b["tip"][1])


def test_frames_fall_on_an_even_grid_from_the_phase_start() -> None:
    # 8 frames over a 2 s phase: one every 0.25 s. 0.5 s in, frame 2 shows; frame 3 is 0.25 s off.
    assert seconds_to_next_frame("up", 8, 2.0, 1.5) == pytest.approx(0.25)
    # Woken late, 0.6 s in: the next grid point, not a quarter second from now.
    assert seconds_to_next_frame("up", 8, 2.0, 1.4) == pytest.approx(0.15)
    assert frame_progress(8, 2.0, 1.4) == pytest.approx(2 / 8)
    # Nothing moves in a hold or a pause, and the phase's end is the cue's wake-up, not a frame.
    assert seconds_to_next_frame("hold", 8, 2.0, 1.5) is None
    assert seconds_to_next_frame("pause", 8, 2.0, 1.5) is None
    assert seconds_to_next_frame("down", 8, 2.0, 0.1) is None


def test_a_frame_moves_the_picture_by_a_step_and_never_more_than_fps() -> None:
    moved = travel(TOE_RAISE)
    assert frame_count(TOE_RAISE, 10.0) == math.ceil(moved / STEP_DOTS)
    assert frame_count(TOE_RAISE, 0.1) == 1  # a tenth of a second: at most FPS/10, at least 1
    assert frame_count(TOE_RAISE, 0.25) == math.floor(FPS * 0.25)


def test_the_left_side_is_the_mirror_image() -> None:
    points = TOE_RAISE.start.as_dict()
    flipped = mirrored(points)
    assert flipped["tip"] == (BOARD_W - 1 - points["tip"][0], points["tip"][1])
    # Drawn the same way, dot for dot, give or take one dot of rounding.
    left = as_dots(draw(TOE_RAISE, flipped)).splitlines()
    right = as_dots(draw(TOE_RAISE, points)).splitlines()
    for got, expected in zip(left, right, strict=True):
        dots = [x for x, c in enumerate(got) if c == "#"]
        mirror = [len(expected) - 1 - x for x, c in enumerate(expected) if c == "#"]
        assert all(any(abs(a - b) <= 1 for b in mirror) for a in dots)
        assert all(any(abs(a - b) <= 1 for a in dots) for b in mirror)


# --- the `drawing:` key ---------------------------------------------------------------------


def library(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "exercises.yaml"
    path.write_text(text)
    return path


def problems_of(path: Path) -> list[str]:
    with pytest.raises(FileProblems) as caught:
        load_exercises(path, LIBRARY)
    return [f"{p.line}:{p.col}: {p.message}" for p in caught.value.problems]


def test_an_exercise_reuses_a_bundled_drawing(tmp_path: Path) -> None:
    path = library(tmp_path, "heel-walk:\n  name: Heel walk\n  drawing: toe-raise\n")
    assert load_exercises(path, LIBRARY)["heel-walk"].drawing == TOE_RAISE


def test_an_unknown_drawing_gets_a_suggestion(tmp_path: Path) -> None:
    path = library(tmp_path, "heel-walk:\n  name: Heel walk\n  drawing: toe-rise\n")
    assert problems_of(path) == ["3:12: unknown drawing 'toe-rise' (did you mean \"toe-raise\"?)"]


def test_an_exercise_defines_its_own_poses(tmp_path: Path) -> None:
    text = (
        "wiggle:\n  name: Toe wiggle\n  drawing:\n    lines: [[heel, toe]]\n"
        "    circles: {toe: 2}\n    start: {heel: [10, 2], toe: [30, 2]}\n"
        "    end: {toe: [30, 8]}\n"
    )
    drawing = load_exercises(library(tmp_path, text), LIBRARY)["wiggle"].drawing
    assert drawing is not None
    assert drawing.start.as_dict() == {"heel": (10, 2), "toe": (30, 2)}
    assert drawing.end.as_dict() == {"heel": (10, 2), "toe": (30, 8)}


def test_mistakes_in_a_drawing_are_named_at_their_place(tmp_path: Path) -> None:
    text = (
        "wiggle:\n  name: Toe wiggle\n  drawing:\n    lines: [[heel, too]]\n"
        "    start: {heel: [10, 2], toe: [30, 2], knee: [70, 2]}\n"
        "    end: {tow: [30, 8]}\n    colour: red\n"
    )
    assert problems_of(library(tmp_path, text)) == [
        "4:20: a line of `lines` names the point 'too', not placed in `start` (did you mean"
        ' "toe"?)',
        "5:48: point 'knee' must lie on the board: x 0 to 59, y 0 to 31",
        "6:11: `end` names the point 'tow', not placed in `start` (did you mean \"toe\"?)",
        "7:5: unknown key `colour` in `drawing`; allowed: circles, end, lines, props, start, view",
    ]
