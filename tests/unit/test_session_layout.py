"""How big the session screen draws its clock, phase word and drawing for a terminal size: read
from two metres, the clock grows with the terminal and the drawing stays beside it."""

from __future__ import annotations

import pytest

from coach.tui.layout import SessionLayout, layout_for
from coach.tui.widgets.big_text import big_height, big_width, render_big


@pytest.mark.parametrize(
    ("size", "expected"),
    [
        ((80, 24), SessionLayout(clock_scale=1, word_scale=1, drawing_scale=1)),  # Digits
        ((100, 30), SessionLayout(clock_scale=2, word_scale=1, drawing_scale=1)),
        ((120, 40), SessionLayout(clock_scale=5, word_scale=2, drawing_scale=1)),
        ((200, 60), SessionLayout(clock_scale=8, word_scale=4, drawing_scale=2)),
        ((60, 20), SessionLayout(clock_scale=1, word_scale=1, drawing_scale=0)),  # too small
    ],
)
def test_sizes(size: tuple[int, int], expected: SessionLayout) -> None:
    assert layout_for(*size) == expected


def test_big_digits_from_about_100x30_and_a_third_of_a_big_terminal() -> None:
    assert big_height(layout_for(100, 30).clock_scale) >= 5
    rows = big_height(layout_for(200, 60).clock_scale)
    assert 60 / 4 <= rows <= 60 / 2.5


@pytest.mark.parametrize("size", [(100, 30), (120, 40), (160, 50), (200, 60), (300, 80)])
def test_the_clock_and_the_drawing_fit_side_by_side(size: tuple[int, int]) -> None:
    width, _ = size
    layout = layout_for(*size)
    clock = big_width("0:00", layout.clock_scale)
    assert clock + 30 * layout.drawing_scale + 10 <= width


def test_drawings_off_leaves_no_room_for_one() -> None:
    assert layout_for(200, 60, drawings=False).drawing_scale == 0


def test_block_letters_scale_in_half_rows() -> None:
    # 5 pixel rows in 3 character rows: ".#." "##." over "▄█ ", ".#." ".#." over " █ ", "###".
    assert render_big("1", 1) == ["▄█ ", " █ ", "▀▀▀"]
    assert len(render_big("HOLD", 2)) == big_height(2) == 5
    assert {len(row) for row in render_big("HOLD", 2)} == {big_width("HOLD", 2)}
