"""The big session clock: whole seconds in `Digits`, counting down or up."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.reactive import reactive
from textual.renderables.digits import Digits as DigitsFont
from textual.strip import Strip
from textual.widgets import Digits

from coach import text
from coach.tui.widgets.strips import StripsWidget


class Countdown(StripsWidget, Digits):
    """Shows `seconds` as m:ss; setting the same whole number again repaints nothing.

    Drawn from strips of Digits' own font, cell for cell what `Digits` shows: its
    `render` goes through Rich's alignment and console, which once a second cost more than
    the rest of the clock's repaint.
    """

    seconds: reactive[int] = reactive(0, repaint=False)  # `update` asks for the repaint

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(text.clock(0), id=id, classes=classes)

    def watch_seconds(self, seconds: int) -> None:
        self.update(text.clock(seconds))

    def render_line(self, y: int) -> Strip:
        if self.text_selection:  # selected with the mouse: as Digits draws it
            return Digits.render_line(self, y)
        return super().render_line(y)

    def make_strips(self) -> list[Strip]:
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
