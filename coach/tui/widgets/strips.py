"""Widgets drawn with Textual's line API from rows made once per repaint."""

from __future__ import annotations

from typing import ClassVar, Self

from rich.style import Style
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget


class StripsWidget(Widget):
    """Draws the rows `make_strips` returns, made again whenever Textual repaints the widget
    (new content, a style, a flash's inline background).

    For what changes every second or every beat: going through `render` and Textual's Content
    or Rich's console costs several times the making of a few strips.
    """

    #: The component classes whose styles `strip_styles` gives, after the widget's own.
    STRIP_STYLES: ClassVar[tuple[str, ...]] = ()

    _strips: list[Strip] | None = None
    _kept_styles: tuple[Style, ...] | None = None

    def strip_styles(self) -> tuple[Style, ...]:
        """The widget's own style, then those of `STRIP_STYLES`: worked out once and kept while
        the theme and the background stand, as they are slow to work out and wanted on every
        beat. A new tuple when they change, so what was made with the old ones can tell."""
        base = self.rich_style
        kept = self._kept_styles
        if kept is None or kept[0] != base:  # a new theme, or a container's new background
            components = (self.get_component_rich_style(name) for name in self.STRIP_STYLES)
            kept = self._kept_styles = (base, *components)
        return kept

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._kept_styles = None  # a new theme or state: new colours

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
