"""Minutes per week (and the plan kept per week) as horizontal bars: the week's Monday, the
bar, and the figure.

Bars are drawn to an eighth of a cell and scaled to the widest week, so the chart uses the
width it is given; the current week is the last row and stands out.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from textual.content import Content
from textual.reactive import reactive
from textual.style import Style
from textual.widget import Widget

from coach import text
from coach.plan import WeekAdherence
from coach.plan.progress import adherence_text
from coach.tui.history_view import bar, week_label

_LABEL = 7  # "28 Sep "
_VALUE = 11  # " 1 h 25 min"
#: Past this, longer bars show no more than shorter ones do and only push the figures away.
MAX_BAR = 48


class WeekBars(Widget):
    DEFAULT_CSS = """
    WeekBars {
        width: 1fr;
        height: auto;
    }
    WeekBars > .week-bars--bar { color: $accent 70%; }
    WeekBars > .week-bars--current { color: $accent; }
    WeekBars > .week-bars--label { color: $text-muted; }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "week-bars--bar",
        "week-bars--current",
        "week-bars--label",
    }

    FIGURE_WIDTH = _VALUE
    weeks: reactive[tuple[tuple[date, float], ...]] = reactive((), layout=True)

    def _style(self, component: str) -> Style:
        color = self.background_colors[1] + self.get_component_styles(component).color
        return Style(foreground=color)

    def render(self) -> Content:
        weeks = self.weeks
        if not weeks:
            return Content("")
        label, plain, current = (
            self._style(f"week-bars--{name}") for name in ("label", "bar", "current")
        )
        width = max(1, min(MAX_BAR, self.size.width - _LABEL - self.FIGURE_WIDTH))
        top = self.top(weeks)
        lines = []
        for n, (monday, value) in enumerate(weeks):
            drawn = bar(value, top, width)
            lines.append(
                Content.assemble(
                    (f"{week_label(monday):>6} ", label),
                    (drawn, current if n == len(weeks) - 1 else plain),
                    (f" {self.figure(n, value)}", label),
                )
            )
        return Content("\n").join(lines)

    def top(self, weeks: tuple[tuple[date, float], ...]) -> float:
        """What a full-width bar stands for: the widest week."""
        return max(value for _, value in weeks)

    def figure(self, index: int, value: float) -> str:
        """The words after week `index`'s bar."""
        return text.total(value * 60) if value else "—"


class AdherenceBars(WeekBars):
    """Planned sessions completed per week: a full bar is every planned session done."""

    FIGURE_WIDTH = 24  # " 12 of 14 planned (86%)"
    adherence: reactive[tuple[WeekAdherence, ...]] = reactive((), layout=True)

    def watch_adherence(self, weeks: tuple[WeekAdherence, ...]) -> None:
        self.weeks = tuple((w.week, w.completed / w.planned if w.planned else 0.0) for w in weeks)

    def top(self, weeks: tuple[tuple[date, float], ...]) -> float:
        return 1.0

    def figure(self, index: int, value: float) -> str:
        return adherence_text(self.adherence[index])
