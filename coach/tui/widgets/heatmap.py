"""A calendar heatmap: weeks as columns, Monday to Sunday as rows, shaded by sessions a day.

The full form gives each day a square of its own with the weekday names beside it. The compact
form (for home) puts two days in one cell, the upper and lower half of a block, so seven rows
fit in four. Shades come from the theme through component classes.
"""

from __future__ import annotations

from typing import ClassVar

from textual.color import Color
from textual.content import Content
from textual.reactive import reactive
from textual.style import Style
from textual.widget import Widget

from coach.tui.history_view import SHADES, HeatmapGrid

_LABELLED = {0: "Mon", 2: "Wed", 4: "Fri"}
_GUTTER = 4  # "Mon " before the full form's rows


class Heatmap(Widget):
    DEFAULT_CSS = """
    Heatmap {
        width: auto;
        height: auto;
    }
    Heatmap > .heatmap--shade-0 { color: $foreground 12%; }
    Heatmap > .heatmap--shade-1 { color: $success 60%; }
    Heatmap > .heatmap--shade-2 { color: $success 80%; }
    Heatmap > .heatmap--shade-3 { color: $success; }
    Heatmap > .heatmap--label { color: $text-muted; }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *(f"heatmap--shade-{n}" for n in range(SHADES)),
        "heatmap--label",
    }

    grid: reactive[HeatmapGrid | None] = reactive(None, layout=True)

    def __init__(
        self,
        *,
        compact: bool = False,
        legend: bool = False,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.compact = compact
        self.legend = legend

    def _color(self, component: str) -> Color:
        """The component's colour laid over the background, so alpha shades stay exact."""
        return self.background_colors[1] + self.get_component_styles(component).color

    def render(self) -> Content:
        grid = self.grid
        if grid is None:
            return Content("")
        shades = [self._color(f"heatmap--shade-{n}") for n in range(SHADES)]
        label = Style(foreground=self._color("heatmap--label"))
        gutter = "" if self.compact else " " * _GUTTER
        lines = [Content.styled(gutter + grid.month_labels(2).rstrip(), label)]
        lines += self._compact(grid, shades) if self.compact else self._full(grid, shades, label)
        if self.legend:
            lines.append(self._legend(shades, label, gutter))
        return Content("\n").join(lines)

    def _full(self, grid: HeatmapGrid, shades: list[Color], label: Style) -> list[Content]:
        lines = []
        for weekday in range(7):
            name = _LABELLED.get(weekday, "")
            parts: list[str | tuple[str, Style]] = [(f"{name:<{_GUTTER}}", label)]
            for week in range(grid.weeks):
                shade = grid.shade(week, weekday)
                if shade is None:
                    parts.append("  ")
                else:
                    parts.append(("■", Style(foreground=shades[shade])))
                    parts.append(" ")
            lines.append(Content.assemble(*parts).rstrip())
        return lines

    def _compact(self, grid: HeatmapGrid, shades: list[Color]) -> list[Content]:
        """Monday over Tuesday, Wednesday over Thursday, Friday over Saturday, then Sunday."""
        lines = []
        for top_day in range(0, 7, 2):
            parts: list[str | tuple[str, Style]] = []
            for week in range(grid.weeks):
                top = grid.shade(week, top_day)
                bottom = grid.shade(week, top_day + 1) if top_day < 6 else None
                if top is None:
                    parts.append("  ")
                    continue
                style = Style(
                    foreground=shades[top],
                    background=None if bottom is None else shades[bottom],
                )
                parts.append(("▀", style))
                parts.append(" ")
            lines.append(Content.assemble(*parts).rstrip())
        return lines

    def _legend(self, shades: list[Color], label: Style, gutter: str) -> Content:
        parts: list[str | tuple[str, Style]] = [(f"{gutter}Less ", label)]
        for color in shades:
            parts += [("■", Style(foreground=color)), " "]
        parts.append(("More", label))
        return Content.assemble(*parts)
