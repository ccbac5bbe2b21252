"""The end of a session: how long it took, what was done and skipped, the streak, the way home.

The streak is read from the history in a worker once the screen shows: by then the recorder
has written the session's end (it hears `SessionFinished` before this screen is made).
"""

from __future__ import annotations

from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container, Vertical
from textual.screen import Screen
from textual.widgets import Button, Footer

from coach import text
from coach.tui.history_view import HistoryAccess, Read, StreakNow, read, read_streak, streak_result
from coach.tui.messages import SummaryClosed
from coach.tui.summary import Summary
from coach.tui.widgets.text_line import TextLine


def summary_lines(summary: Summary) -> list[str]:
    lines = [
        f"Time: {text.length(summary.active_s)}",
        f"Exercises done: {summary.done} of {summary.exercises}",
    ]
    if summary.skipped:
        lines.append(f"Skipped: {summary.skipped}")
    not_reached = summary.exercises - summary.done - summary.skipped
    if not_reached > 0:
        lines.append(f"Not finished: {not_reached}")
    return lines


class FinishedScreen(Screen[None]):
    CSS_PATH = "finished.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,escape", "close", "Done"),
    ]

    def __init__(
        self, summary: Summary, leaving: bool = False, history: HistoryAccess | None = None
    ) -> None:
        super().__init__()
        self.summary = summary
        self.leaving = leaving  # True when closing this ends the app (`coach run`)
        self.history = history  # None: no history to tell of

    def compose(self) -> ComposeResult:
        summary = self.summary
        heading = "Well done!" if summary.completed else "Session stopped"
        with Vertical(id="summary"):
            yield TextLine(heading, id="heading")
            yield TextLine(summary.routine, id="routine")
            yield TextLine("\n".join(summary_lines(summary)), id="figures")
            with Container(id="history-result"):
                yield TextLine(id="streak-result")
            yield Button("Quit" if self.leaving else "Back to home", variant="primary", id="close")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.set_class(self.summary.completed, "-completed")
        if self.history is not None:
            self.read_streak(self.history)

    @work(thread=True, exclusive=True, group="streak")
    def read_streak(self, history: HistoryAccess) -> None:
        result = read(history, lambda store: read_streak(store, history))
        self.app.call_from_thread(self._show_streak, result)

    def _show_streak(self, result: Read[StreakNow]) -> None:
        line = self.query_one("#streak-result", TextLine)
        line.text = result.problem if result.value is None else streak_result(result.value)
        self.set_class(result.value is not None and result.value.done_today, "-done-today")

    def on_button_pressed(self) -> None:
        self.action_close()

    def action_close(self) -> None:
        self.post_message(SummaryClosed())
