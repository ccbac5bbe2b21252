"""The big session clock: whole seconds in `Digits`, counting down or up."""

from __future__ import annotations

from typing import Self

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region
from textual.reactive import reactive
from textual.renderables.digits import Digits as DigitsFont
from textual.strip import Strip
from textual.widgets import Digits

from coach import text


class Countdown(Digits):
    """Shows `seconds` as m:ss; setting the same whole number again repaints nothing.

    Drawn with the line API from Digits' own font, cell for cell what `Digits` shows: its
    `render` goes through Rich's alignment and console, which once a second cost more than
    the rest of the clock's repaint.
    """

    seconds: reactive[int] = reactive(0)

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(text.clock(0), id=id, classes=classes)
        self._strips: list[Strip] | None = None

    def watch_seconds(self, seconds: int) -> None:
        self.update(text.clock(seconds))

    def refresh(
        self, *regions: Region, repaint: bool = True, layout: bool = False, recompose: bool = False
    ) -> Self:
        # Whatever makes Textual draw the widget again (a new value, a style, a flash's
        # inline background) makes new strips.
        if repaint:
            self._strips = None
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def render_line(self, y: int) -> Strip:
        if self.text_selection:  # selected with the mouse: as Digits draws it
            return super().render_line(y)
        if self._strips is None:
            self._strips = self._make_strips()
        if y < len(self._strips):
            return self._strips[y]
        return Strip.blank(self.size.width, self.rich_style)

    def _make_strips(self) -> list[Strip]:
        style, width = self.rich_style, self.size.width
        align = self.styles.text_align
        font = DigitsFont(self.value, style).render(style)  # segments, a new line after each row
        lines = Segment.split_lines(piece for piece in font if isinstance(piece, Segment))
        return [_aligned(Strip(line), width, align, style) for line in lines]


def _aligned(strip: Strip, width: int, align: str, style: Style) -> Strip:
    """`strip` in `width` cells, padded as Digits pads it (left unless centred or right)."""
    room = max(0, width - strip.cell_length)
    left = room // 2 if align == "center" else room if align == "right" else 0
    segments = [Segment(" " * left, style), *strip, Segment(" " * (room - left), style)]
    return Strip(segments).crop(0, width)
