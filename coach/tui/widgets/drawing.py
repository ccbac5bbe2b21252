"""An exercise's drawing on braille dots: the body in the theme's accent, scenery muted."""

from __future__ import annotations

from itertools import groupby
from typing import ClassVar

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from coach.drawing.braille import BODY, CELLS_H, CELLS_W, EMPTY, Picture

_BLANK = Picture((), ())


class ExerciseDrawing(Widget):
    """Shows one `Picture`; a new picture equal to the old one repaints nothing."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"drawing--body", "drawing--prop"}
    DEFAULT_CSS = f"""
    ExerciseDrawing {{
        width: {CELLS_W};
        height: {CELLS_H};
        & > .drawing--body {{ color: $accent; text-style: bold; }}
        & > .drawing--prop {{ color: $text-muted; }}
    }}
    """

    picture: reactive[Picture] = reactive(_BLANK)

    def show(self, picture: Picture | None) -> None:
        self.picture = picture or _BLANK

    def render(self) -> Content:
        body = self.get_visual_style("drawing--body", partial=True)
        prop = self.get_visual_style("drawing--prop", partial=True)
        lines = []
        for row, layers in zip(self.picture.rows, self.picture.layers, strict=True):
            parts: list[str | tuple[str, object]] = []
            at = 0
            for layer, run in groupby(layers):
                size = len(list(run))
                chunk = row[at : at + size]
                at += size
                parts.append(chunk if layer == EMPTY else (chunk, body if layer == BODY else prop))
            lines.append(Content.assemble(*parts))  # type: ignore[arg-type]
        return Content("\n").join(lines)
