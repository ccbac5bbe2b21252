"""The end of a session: how long it took, what was done and skipped, the streak, the way home.

The streak is read from the history in a worker once the screen shows: by then the recorder
has written the session's end (it hears `SessionFinished` before this screen is made). After
the cramp relief routine it offers to log the cramp instead, its time set to the relief's start.
"""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container, Vertical
from textual.screen import Screen
from textual.widgets import Button

from coach import text
from coach.history.outcome import verdict
from coach.routine.catalog import Catalog, UnknownRoutine
from coach.tui.delivery import deliver
from coach.tui.history_access import HistoryAccess, Read, read
from coach.tui.messages import CrampLogChosen, CrampLogged, SummaryClosed
from coach.tui.streak_view import StreakNow, read_streak, streak_result
from coach.tui.summary import Summary
from coach.tui.widgets.checkin import CheckInForm
from coach.tui.widgets.ready_footer import OneLineFooter
from coach.tui.widgets.text_line import TextLine


def summary_lines(summary: Summary, practice: bool = True) -> list[str]:
    """Counted in exercises, as the verdict is, and saying so: history lists the steps (each
    side and set) that ended, so bare numbers here were read as steps missing from it."""
    outcome = summary.outcome
    lines = [f"Time: {text.length(summary.active_s)}", verdict(outcome, practice)]
    if outcome.skipped:
        lines.append(f"Skipped: {text.plural(outcome.skipped, 'exercise')}")
    if outcome.not_reached > 0:
        lines.append(f"Not finished: {text.plural(outcome.not_reached, 'exercise')}")
    return lines


def heading(summary: Summary) -> str:
    if summary.completed:
        return "Well done!"
    return "Session ended" if summary.reached_end else "Session stopped"


class FinishedScreen(Screen[None]):
    CSS_PATH = "finished.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "done", "Done"),
        # One of the two, by whether the check-in is asked (see check_action).
        Binding("escape", "skip", "Skip check-in"),
        Binding("escape", "close", "Done"),
        Binding("l", "log_cramp", "Log this cramp"),
        Binding("w", "warning_signs", "Warning signs"),
    ]

    def __init__(
        self,
        summary: Summary,
        leaving: bool = False,
        history: HistoryAccess | None = None,
        cramp_at: datetime | None = None,
        checkin_for: int | None = None,
        catalog: Catalog | None = None,
    ) -> None:
        """`cramp_at`, after a relief session, is when it began: the cramp's time to offer.

        `checkin_for` is the recorded session to ask the check-in about (None: do not ask).
        """
        super().__init__()
        self.checkin = (
            CheckInForm(checkin_for, history, id="checkin")
            if checkin_for is not None and history is not None
            else None
        )
        self.summary = summary
        self.leaving = leaving  # True when closing this ends the app (`coach run`)
        self.history = history  # None: no history to tell of
        self.cramp_at = cramp_at
        self.relief = cramp_at is not None
        self.catalog = catalog  # names the routines still planned today, as home does

    def compose(self) -> ComposeResult:
        summary = self.summary
        with Vertical(id="summary"):
            yield TextLine(heading(summary), id="heading")
            yield TextLine(summary.routine, id="routine")
            yield TextLine("\n".join(summary_lines(summary, not self.relief)), id="figures")
            with Container(id="history-result"):
                yield TextLine(id="streak-result")
            if self.checkin is not None:
                yield self.checkin
            yield Button("Quit" if self.leaving else "Back to home", variant="primary", id="close")
            if self.relief:
                yield Button("Log this cramp (l)", variant="success", id="log-cramp")
        yield OneLineFooter(compact=True)

    def on_mount(self) -> None:
        self.set_class(self.summary.completed, "-completed")
        # A relief answers a cramp; it is no practice, so no streak is told after it.
        if self.history is not None and not self.relief:
            self.read_streak(self.history)

    @work(thread=True, exclusive=True, group="streak")
    def read_streak(self, history: HistoryAccess) -> None:
        result = read(history, lambda store: read_streak(store, history, self._name_of))
        deliver(self, self._show_streak, result)

    def _name_of(self, routine_id: str) -> str:
        """The routine's name, or its id when there is no catalog or the file cannot be read."""
        if self.catalog is None:
            return routine_id
        try:
            routine = self.catalog.find(routine_id).routine
        except UnknownRoutine:
            return routine_id
        return routine_id if routine is None else routine.name

    def _show_streak(self, result: Read[StreakNow]) -> None:
        line = self.query_one("#streak-result", TextLine)
        line.text = result.problem if result.value is None else streak_result(result.value)
        self.set_class(result.value is not None and result.value.done_today, "-done-today")

    @on(Button.Pressed, "#close")
    @on(CheckInForm.Answered)
    def action_done(self) -> None:
        """Enter: keep the check-in's answers (if any were given), then go on."""
        if self.checkin is None or not self.checkin.save():
            self.action_close()

    def action_skip(self) -> None:
        if self.checkin is not None and not self.checkin.saving:
            self.post_message(SummaryClosed())

    @on(CheckInForm.Saved)
    def _checkin_saved(self, message: CheckInForm.Saved) -> None:
        if message.problem:
            self.notify(message.problem, title="Check-in not saved", severity="warning")
        if message.advice:
            # The cramp screens (and their radio buttons) load only when shown: most sessions
            # end without them, and every module a session loads counts in its memory.
            from coach.tui.screens.cramp_log import CrampNoticeScreen

            self.app.push_screen(
                CrampNoticeScreen(message.advice, "A note from your check-ins"),
                lambda _: self.action_close(),
            )
        else:
            self.action_close()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "log_cramp":
            return self.cramp_at is not None
        if action == "warning_signs":
            return self.relief
        if action in ("skip", "close"):
            return (self.checkin is not None) == (action == "skip")
        return True

    @on(Button.Pressed, "#log-cramp")
    def action_log_cramp(self) -> None:
        if self.cramp_at is not None:
            self.post_message(CrampLogChosen(self.cramp_at))

    @on(CrampLogged)
    def _cramp_logged(self) -> None:
        """Logged once is enough: the offer goes."""
        if self.cramp_at is None:
            return
        self.cramp_at = None
        button = self.query_one("#log-cramp", Button)
        button.label = "Cramp logged"
        button.disabled = True
        self.refresh_bindings()

    def action_warning_signs(self) -> None:
        from coach.tui.screens.relief import RedFlagsScreen

        self.app.push_screen(RedFlagsScreen())

    def action_close(self) -> None:
        if self.checkin is None or not self.checkin.saving:
            self.post_message(SummaryClosed())
