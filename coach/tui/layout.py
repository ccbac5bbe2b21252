"""How big the session screen draws its clock, its phase word and the exercise, per terminal size.

Plain arithmetic, so the sizes can be checked without a terminal. The clock is `Digits` (three
rows) on small terminals and large block digits from about 100 x 30 up, near a third of the
height on big ones; the phase word about half the clock's size; the drawing 30 x 8 cells, twice
that on big terminals, and none when it would crowd the clock.
"""

from __future__ import annotations

from dataclasses import dataclass

#: The widest clock text a segment usually shows ("0:00" to "9:59"), in pixel columns.
_CLOCK_PIXELS = 13
#: Below this the drawing is left out: the clock and the words need the room.
MIN_DRAWING_SIZE = (70, 20)


@dataclass(frozen=True)
class SessionLayout:
    clock_scale: int  # 1: Textual's Digits; 2 or more: block digits of ceil(5 s / 2) rows
    word_scale: int  # the phase word's block letters
    drawing_scale: int  # 0: no drawing; 1: 30 x 8 cells; 2: 60 x 16


def layout_for(width: int, height: int, drawings: bool = True) -> SessionLayout:
    drawing = 0
    if drawings and width >= MIN_DRAWING_SIZE[0] and height >= MIN_DRAWING_SIZE[1]:
        drawing = 2 if width >= 160 and height >= 50 else 1
    if width < 100 or height < 30:
        return SessionLayout(1, 1, drawing)
    beside = 30 * drawing + 8
    clock = 2 if height < 40 else (2 * (height // 3)) // 5
    clock = max(2, min(clock, (width - beside) // _CLOCK_PIXELS))
    return SessionLayout(clock, max(1, clock // 2), drawing)
