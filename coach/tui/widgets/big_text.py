"""Words and numbers in large block letters that grow with the terminal, to read from a distance.

A 3 x 5 pixel font drawn with half blocks: at `scale` s each pixel is s columns wide and s half
rows tall, so the text stands ceil(5 s / 2) rows high (3 rows at scale 1, 5 at scale 2).
"""

from __future__ import annotations

import math
from typing import ClassVar

from rich.segment import Segment
from textual.geometry import Size
from textual.reactive import reactive
from textual.strip import Strip

from coach.tui.widgets.strips import StripsWidget

_FONT = {
    "0": ("###", "#.#", "#.#", "#.#", "###"),
    "1": (".#.", "##.", ".#.", ".#.", "###"),
    "2": ("###", "..#", "###", "#..", "###"),
    "3": ("###", "..#", ".##", "..#", "###"),
    "4": ("#.#", "#.#", "###", "..#", "..#"),
    "5": ("###", "#..", "###", "..#", "###"),
    "6": ("###", "#..", "###", "#.#", "###"),
    "7": ("###", "..#", ".#.", ".#.", ".#."),
    "8": ("###", "#.#", "###", "#.#", "###"),
    "9": ("###", "#.#", "###", "..#", "###"),
    ":": (".", "#", ".", "#", "."),
    " ": ("..", "..", "..", "..", ".."),
    "A": (".#.", "#.#", "###", "#.#", "#.#"),
    "C": (".##", "#..", "#..", "#..", ".##"),
    "D": ("##.", "#.#", "#.#", "#.#", "##."),
    "E": ("###", "#..", "##.", "#..", "###"),
    "G": (".##", "#..", "#.#", "#.#", ".##"),
    "H": ("#.#", "#.#", "###", "#.#", "#.#"),
    "I": ("###", ".#.", ".#.", ".#.", "###"),
    "L": ("#..", "#..", "#..", "#..", "###"),
    "N": ("##.", "#.#", "#.#", "#.#", "#.#"),
    "O": ("###", "#.#", "#.#", "#.#", "###"),
    "P": ("##.", "#.#", "##.", "#..", "#.."),
    "R": ("##.", "#.#", "##.", "#.#", "#.#"),
    "S": (".##", "#..", ".#.", "..#", "##."),
    "T": ("###", ".#.", ".#.", ".#.", ".#."),
    "U": ("#.#", "#.#", "#.#", "#.#", "###"),
    "W": ("#.#", "#.#", "#.#", "###", "#.#"),
    "Y": ("#.#", "#.#", ".#.", ".#.", ".#."),
}
_HALVES = {(False, False): " ", (True, False): "▀", (False, True): "▄", (True, True): "█"}


def pixels(text: str) -> list[str]:
    """The five pixel rows of `text`, one blank column between characters."""
    glyphs = [_FONT.get(ch, _FONT[" "]) for ch in text.upper()]
    return [".".join(glyph[row] for glyph in glyphs) for row in range(5)]


def render_big(text: str, scale: int) -> list[str]:
    """`text` as rows of half-block characters at `scale`."""
    rows = [r for r in pixels(text) for _ in range(scale)]
    if len(rows) % 2:
        rows.append("." * len(rows[0]))
    lines = []
    for top, bottom in zip(rows[::2], rows[1::2], strict=True):
        cells = (_HALVES[(t == "#", b == "#")] * scale for t, b in zip(top, bottom, strict=True))
        lines.append("".join(cells))
    return lines


def big_width(text: str, scale: int) -> int:
    return len(pixels(text)[0]) * scale if text else 0


def big_height(scale: int) -> int:
    return math.ceil(5 * scale / 2)


class BigText(StripsWidget):
    """Large text; repaints only when the text or the scale changes.

    `tone` picks a component class (`big-text--<tone>`) for the colour, so a change of colour
    repaints this widget alone instead of restyling through the stylesheet as a class would.
    Drawn from strips made once per repaint: the phase word changes on every tempo beat, and
    at large sizes this is the clock, repainted every second.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "big-text--up", "big-text--hold", "big-text--down", "big-text--pause",
    }  # fmt: skip

    DEFAULT_CSS = """
    BigText {
        width: auto;
        height: auto;
    }
    """

    text: reactive[str] = reactive("", repaint=False)  # `watch_text` asks for the repaint
    scale: reactive[int] = reactive(1, layout=True)
    tone: reactive[str] = reactive("")

    def watch_text(self, old: str, text: str) -> None:
        # "0:59" after "1:00" takes the same room: repaint this widget, not the screen's layout.
        sized = self.styles.width is not None and not self.styles.width.is_auto
        wider = not sized and big_width(old, self.scale) != big_width(text, self.scale)
        self.refresh(layout=wider or bool(old) != bool(text))  # empty text takes no rows

    def make_strips(self) -> list[Strip]:
        base = self.rich_style
        style = base
        if self.tone:
            style += self.get_component_rich_style(f"big-text--{self.tone}", partial=True)
        width = self.size.width
        rows = render_big(self.text, self.scale) if self.text else []
        return [Strip([Segment(row, style)]).adjust_cell_length(width, base) for row in rows]

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return big_width(self.text, self.scale)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return big_height(self.scale) if self.text else 0
