"""Home's view of the history: today's status, the streak, a resume offer and a small heatmap."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import HorizontalGroup, VerticalGroup

from coach.tui.history_view import HomeHistory, home_lines
from coach.tui.widgets.heatmap import Heatmap
from coach.tui.widgets.text_line import TextLine


class HistorySummary(HorizontalGroup):
    """Told what to show by the home screen; the heatmap appears only once there is history."""

    def compose(self) -> ComposeResult:
        with VerticalGroup(id="history-lines"):
            yield TextLine("Reading your history…", id="today-status")
            yield TextLine(id="streak")
            yield TextLine(id="resume-offer")
        yield Heatmap(compact=True, id="home-heatmap")

    def show(self, home: HomeHistory) -> None:
        status, streak = home_lines(home)
        self.query_one("#today-status", TextLine).text = status
        self.query_one("#streak", TextLine).text = streak
        offer = home.resume
        resume = f"{offer.label}: press r" if offer is not None else ""
        self.query_one("#resume-offer", TextLine).text = resume
        self.query_one(Heatmap).grid = home.heatmap if home.has_sessions else None
        self.set_class(home.done_today and not home.nothing_planned, "-done")
        self.set_class(not home.has_sessions, "-no-history")

    def show_problem(self, problem: str) -> None:
        self.query_one("#today-status", TextLine).text = problem
        self.query_one("#streak", TextLine).text = ""
        self.query_one("#resume-offer", TextLine).text = ""
        self.query_one(Heatmap).grid = None
        self.add_class("-problem")
