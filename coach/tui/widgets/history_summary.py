"""Home's view of the history: today's status, the streak, a resume offer and a small heatmap.

It is part of home's first frame, so it starts as three lines of text; the heatmap and the
history's words load with the first history read, after that frame.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import HorizontalGroup, VerticalGroup

from coach.tui.widgets.text_line import TextLine

if TYPE_CHECKING:
    from coach.tui.history_view import HeatmapGrid, HomeHistory


class HistorySummary(HorizontalGroup):
    """Told what to show by the home screen; the heatmap appears only once there is history."""

    def compose(self) -> ComposeResult:
        with VerticalGroup(id="history-lines"):
            yield TextLine("Reading your history…", id="today-status")
            yield TextLine(id="streak")
            yield TextLine(id="resume-offer")

    def show(self, home: HomeHistory) -> None:
        from coach.tui.history_view import home_lines

        status, streak = home_lines(home)
        self.query_one("#today-status", TextLine).text = status
        self.query_one("#streak", TextLine).text = streak
        offer = home.resume
        resume = f"{offer.label}: press r" if offer is not None else ""
        self.query_one("#resume-offer", TextLine).text = resume
        self._show_heatmap(home.heatmap if home.has_sessions else None)
        self.set_class(home.done_today and not home.nothing_planned, "-done")
        self.set_class(not home.has_sessions, "-no-history")
        self.remove_class("-problem")  # an earlier read may have failed

    def show_problem(self, problem: str) -> None:
        self.query_one("#today-status", TextLine).text = problem
        self.query_one("#streak", TextLine).text = ""
        self.query_one("#resume-offer", TextLine).text = ""
        self._show_heatmap(None)
        self.add_class("-problem")

    def _show_heatmap(self, grid: HeatmapGrid | None) -> None:
        """The heatmap shows `grid` (nothing for None); mounted here the first time."""
        from coach.tui.widgets.heatmap import Heatmap

        found = self.query(Heatmap)
        if found:
            found.first().grid = grid
            return
        heatmap = Heatmap(compact=True, id="home-heatmap")
        heatmap.set_reactive(Heatmap.grid, grid)
        self.mount(heatmap)
