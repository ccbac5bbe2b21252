"""Widgets drawn with Textual's line API from rows made once per repaint."""

from __future__ import annotations

from typing import Self

from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget


class StripsWidget(Widget):
    """Draws the rows `make_strips` returns, made again whenever Textual repaints the widget
    (new content, a style, a flash's inline background).

    For what changes every second or every beat: going through `render` and Textual's Content
    or Rich's console costs several times the making of a few strips.
    """

    _strips: list[Strip] | None = None

    def make_strips(self) -> list[Strip]:
        """The widget's rows; each kind of strips widget says what it draws (none: blank)."""
        return []

    def refresh(
        self, *regions: Region, repaint: bool = True, layout: bool = False, recompose: bool = False
    ) -> Self:
        if repaint:
            self._strips = None
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def render_line(self, y: int) -> Strip:
        if self._strips is None:
            self._strips = self.make_strips()
        if y < len(self._strips):
            return self._strips[y]
        return Strip.blank(self.size.width, self.rich_style)
