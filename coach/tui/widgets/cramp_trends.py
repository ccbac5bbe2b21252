"""Cramps next to sessions, week by week, and the plain sentence that compares the two.

Two columns of bars, each scaled to its own busiest week, with the figures after them: the
counts are set side by side, and nothing here says one caused the other.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.reactive import reactive
from textual.style import Style
from textual.widget import Widget

from coach.cramps.trends import WEEKS_SHOWN, CrampTrends, WeekCount
from coach.tui.cramp_view import (
    TRENDS_TITLE,
    trend_bar_width,
    trend_line,
    trend_rows,
    trends_heading,
    trends_sentence,
)
from coach.tui.widgets.text_line import TextLine


class CrampWeeks(Widget):
    """One line a week, oldest first: the week's Monday, cramps, then sessions."""

    DEFAULT_CSS = """
    CrampWeeks {
        width: 1fr;
        height: auto;
    }
    CrampWeeks > .cramp-weeks--label { color: $text-muted; }
    CrampWeeks > .cramp-weeks--cramps { color: $warning 80%; }
    CrampWeeks > .cramp-weeks--sessions { color: $accent 70%; }
    CrampWeeks > .cramp-weeks--current { text-style: bold; }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "cramp-weeks--label",
        "cramp-weeks--cramps",
        "cramp-weeks--sessions",
        "cramp-weeks--current",
    }

    weeks: reactive[tuple[WeekCount, ...]] = reactive((), layout=True)

    def _style(self, component: str) -> Style:
        styles = self.get_component_styles(component)
        return Style(foreground=self.background_colors[1] + styles.color)

    def render(self) -> Content:
        if not self.weeks:
            return Content("")
        width = trend_bar_width(self.size.width)
        label, cramps, sessions = (
            self._style(f"cramp-weeks--{name}") for name in ("label", "cramps", "sessions")
        )
        current = Style(bold=True)
        lines = [Content.styled(trends_heading(width), label)]
        rows = trend_rows(self.weeks, width)
        for n, row in enumerate(rows):
            week, cramp_bar, cramp_count, session_bar, session_count = trend_line(row, width)
            line = Content.assemble(
                (week, label),
                (cramp_bar, cramps),
                (cramp_count, label),
                (session_bar, sessions),
                (session_count, label),
            )
            lines.append(line.stylize(current) if n == len(rows) - 1 else line)
        return Content("\n").join(lines)


class CrampTrendsView(Vertical):
    """The Stats screen's cramp section, told what to show through `trends`."""

    DEFAULT_CSS = """
    CrampTrendsView {
        height: auto;
    }
    CrampTrendsView > #cramp-trends-title {
        margin-top: 1;
        text-style: bold;
        color: $accent;
    }
    CrampTrendsView > #cramp-trends-sentence {
        margin-top: 1;
        max-width: 80;
    }
    CrampTrendsView.-unread, CrampTrendsView.-no-cramps > CrampWeeks {
        display: none;
    }
    """

    trends: reactive[CrampTrends | None] = reactive(None)

    def compose(self) -> ComposeResult:
        yield TextLine(f"{TRENDS_TITLE}, last {WEEKS_SHOWN} weeks", id="cramp-trends-title")
        yield CrampWeeks()
        yield TextLine(id="cramp-trends-sentence")

    def __init__(self) -> None:
        super().__init__(classes="-unread")  # shown once the diary has been read

    def watch_trends(self, trends: CrampTrends | None) -> None:
        self.set_class(trends is None, "-unread")
        if trends is None or not self.is_mounted:
            return
        self.set_class(trends.comparison.state == "no-cramps", "-no-cramps")
        self.query_one(CrampWeeks).weeks = trends.weeks
        self.query_one("#cramp-trends-sentence", TextLine).text = trends_sentence(trends)
