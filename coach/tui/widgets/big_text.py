"""Words and numbers in large block letters that grow with the terminal, to read from a distance.

A 3 x 5 pixel font drawn with half blocks: at `scale` s each pixel is s columns wide and s half
rows tall, so the text stands ceil(5 s / 2) rows high (3 rows at scale 1, 5 at scale 2).
"""

from __future__ import annotations

import math

from textual.content import Content
from textual.geometry import Size
from textual.reactive import reactive
from textual.widget import Widget

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


class BigText(Widget):
    """Large text; repaints only when the text or the scale changes."""

    DEFAULT_CSS = """
    BigText {
        width: auto;
        height: auto;
    }
    """

    text: reactive[str] = reactive("", layout=True)
    scale: reactive[int] = reactive(1, layout=True)

    def render(self) -> Content:
        return Content("\n".join(render_big(self.text, self.scale))) if self.text else Content("")

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return big_width(self.text, self.scale)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return big_height(self.scale) if self.text else 0
