"""An exercise's drawing on braille dots: the body in the theme's accent, scenery muted.

Drawn line by line (Textual's line API) from strips made once per picture and kept while the
widget's style stands: a moving drawing repaints up to 12 times a second, only its own 8 lines,
and every rep shows the same few pictures again.
"""

from __future__ import annotations

from itertools import groupby
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual.reactive import reactive
from textual.strip import Strip

from coach.drawing.braille import BODY, CELLS_H, CELLS_W, EMPTY, PROP, Picture
from coach.tui.widgets.strips import StripsWidget

_BLANK = Picture((), ())
#: Pictures whose strips are kept: the frames of an exercise or two at every size.
KEPT = 64


class ExerciseDrawing(StripsWidget):
    """Shows one `Picture`; a new picture equal to the old one repaints nothing."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"drawing--body", "drawing--prop"}
    STRIP_STYLES = ("drawing--body", "drawing--prop")
    DEFAULT_CSS = f"""
    ExerciseDrawing {{
        width: {CELLS_W};
        height: {CELLS_H};
        & > .drawing--body {{ color: $accent; text-style: bold; }}
        & > .drawing--prop {{ color: $text-muted; }}
    }}
    """

    picture: reactive[Picture] = reactive(_BLANK)

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._made: dict[Picture, list[Strip]] = {}
        self._made_in: tuple[Style, ...] = ()  # the styles of the strips in `_made`

    def show(self, picture: Picture | None) -> None:
        self.picture = picture or _BLANK

    def make_strips(self) -> list[Strip]:
        styles = self.strip_styles()
        if styles is not self._made_in:  # new colours: every picture is made again
            self._made.clear()
            self._made_in = styles
        strips = self._made.get(self.picture)
        if strips is None:
            if len(self._made) >= KEPT:
                self._made.clear()
            strips = self._made[self.picture] = self._picture_strips()
        return [strip.adjust_cell_length(self.size.width, styles[0]) for strip in strips]

    def _picture_strips(self) -> list[Strip]:
        """Made once per picture, in the styles of `_made_in`."""
        base, body, prop = self._made_in
        styles = {EMPTY: base, BODY: body, PROP: prop}
        strips = []
        for row, layers in zip(self.picture.rows, self.picture.layers, strict=True):
            segments, at = [], 0
            for layer, run in groupby(layers):
                size = len(list(run))
                segments.append(Segment(row[at : at + size], styles[layer]))
                at += size
            strips.append(Strip(segments))
        return strips
