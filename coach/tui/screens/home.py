"""Home: today's routine one key away, where the history stands, and every routine in a list.

The first frame is drawn from this module and a few small widgets alone: the routines, the
history and the routine list's table load after it, in workers, and fill in the places kept
for them (see `HomeScreen.load_shelf`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button

from coach.tui.delivery import deliver
from coach.tui.messages import (
    CrampLogChosen,
    EditChosen,
    HistoryChosen,
    PreviewChosen,
    ResumeChosen,
    RoutineChosen,
    RoutinesChanged,
    StatsChosen,
)
from coach.tui.widgets.history_summary import HistorySummary
from coach.tui.widgets.ready_footer import ReadyFooter
from coach.tui.widgets.start_button import StartButton
from coach.tui.widgets.text_line import TextLine
from coach.tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from datetime import date

    from textual.command import Provider
    from textual.widgets import DataTable

    from coach.plan import PlannedItem
    from coach.routine.catalog import Catalog
    from coach.tui.cramp_view import DailyTip
    from coach.tui.history_access import HistoryAccess, Read
    from coach.tui.history_view import HomeHistory
    from coach.tui.shelf import Shelf
    from coach.tui.widgets.routine_table import RoutineTable


def _routine_commands() -> type[Provider]:
    from coach.tui.commands import RoutineCommands

    return RoutineCommands


def _screen_commands() -> type[Provider]:
    from coach.tui.commands import ScreenCommands

    return ScreenCommands


class HomeScreen(Screen[None]):
    # Its stylesheet, home.tcss, is the app's: home is the first screen (see CoachApp).
    # Named by functions: the palette's providers load the catalog's modules when first opened.
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {
        _routine_commands,
        _screen_commands,
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("t", "start_today", "Start today"),
        Binding("r", "resume", "Resume"),
        Binding("h", "history", "History"),
        Binding("s", "stats", "Stats"),
        Binding("q", "app.quit", "Quit"),
        Binding("exclamation_mark", "cramp_now", "Cramp now", key_display="!"),
        Binding("c", "log_cramp", "Log cramp"),
        Binding("w", "show_problems", "Problems in routine files", show=False),
        # The start button has the focus first (Enter starts today's routine); the arrows
        # still move in the list, as the keys list says. The list, once focused, takes them.
        Binding("down", "move_in_list(1)", show=False),
        Binding("up", "move_in_list(-1)", show=False),
    ]
    KEY_NOTES: ClassVar[list[tuple[str, str]]] = [
        ("Enter", "Start today's routine; on a routine in the list, its preview"),
        ("↑ ↓", "Move in the list of routines"),
    ]
    # Below 22 rows the heatmap goes, so the routine list keeps its room.
    VERTICAL_BREAKPOINTS = [(0, "-short"), (22, "-tall")]

    def __init__(self, catalog: Catalog, history: HistoryAccess | None = None) -> None:
        super().__init__()
        self.catalog = catalog
        if history is None:
            from coach.tui.history_access import HistoryAccess

            history = HistoryAccess()
        self.history = history
        self.shelf: Shelf | None = None
        self.home_history: HomeHistory | None = None
        self._tip_problems_told = False
        #: The routine list, once the routines are read.
        self.table: RoutineTable | None = None
        #: The day the shelf's plan is for.
        self.shelf_day: date | None = None

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="today"):
            with Vertical(id="today-text"):
                yield TextLine("Today", id="today-label")
                yield TextLine("Loading…", id="today-name")
                yield TextLine(id="today-length")
                yield TextLine(id="today-plan")
            yield StartButton("Start (Enter)", id="start-today", disabled=True)
        yield HistorySummary(id="history-summary")
        # Filled by the cramp diary: one short tip a day.
        yield TextLine(id="daily-tip")
        yield TextLine("All routines", id="list-label")
        # The list's table (Textual's DataTable, the heaviest widget here) is mounted into its
        # place once the routines are read, after the first frame.
        yield Vertical(id="routine-area")
        yield TextLine(id="routine-detail")
        yield TextLine(id="routine-problems")
        yield ReadyFooter(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        # After the first frame: the worker's reading would otherwise slow the drawing of it.
        self.call_after_refresh(self.load_shelf)

    def on_screen_resume(self) -> None:
        """Back from another screen: a session may have been recorded, so the history is read
        again; changed routine files are the watcher's to report (`RoutinesChanged`); a new
        day brings a new plan and tip, so then everything is."""
        if self.shelf is None:
            return
        if self.shelf_day != self.history.today():
            self.load_shelf()
        else:
            self.load_history(self.shelf)

    @on(RoutinesChanged)
    def _routines_changed(self) -> None:
        self.load_shelf()

    @work(thread=True, exclusive=True, group="shelf")
    def load_shelf(self) -> None:
        from coach.plan import plan_for_day
        from coach.tui.cramp_view import read_tip  # the diary's modules load here, not first
        from coach.tui.shelf import read_shelf

        today = self.history.today()
        plan = plan_for_day(self.history.plan(), today)
        shelf = read_shelf(self.catalog, [entry.routine for entry in plan])
        tip = read_tip(today)
        deliver(self, self._show_shelf, shelf, today)
        deliver(self, self._show_tip, tip)

    def _show_tip(self, tip: DailyTip) -> None:
        self.query_one("#daily-tip", TextLine).text = tip.text
        if not self._tip_problems_told:
            self._tip_problems_told = True
            for problem in tip.problems:
                self.notify(problem, title="Tips", severity="warning", timeout=10)

    def _show_shelf(self, shelf: Shelf, day: date) -> None:
        from coach.tui.shelf import problems_line

        first_time = self.shelf is None
        self.shelf_day = day
        ready = self._show_today(shelf)
        start = self.query_one("#start-today", Button)
        table = self._routine_table(shelf)
        self.query_one("#routine-problems", TextLine).text = problems_line(shelf.problems)
        if first_time:
            (start if ready else table).focus()
        self._describe(table.cursor_row)
        self.load_history(shelf)

    def _routine_table(self, shelf: Shelf) -> RoutineTable:
        """The list's table showing the shelf; mounted into its place, rows and all, the first
        time (a table mounted empty and then filled is drawn once with too narrow columns)."""
        from coach.tui.widgets.routine_table import RoutineTable

        area = self.query_one("#routine-area")
        table = self.table or RoutineTable(id="routines")
        table.show(shelf.entries, area.size.width)
        if self.table is None:
            self.table = table
            area.mount(table)
        return table

    def _show_today(self, shelf: Shelf) -> bool:
        """Show what Enter starts; whether it can start."""
        from coach.tui.shelf import today_lines

        self.shelf = shelf
        name, length = today_lines(shelf)
        self.query_one("#today-name", TextLine).text = name
        self.query_one("#today-length", TextLine).text = length
        ready = shelf.today is not None and shelf.today.routine is not None
        self.query_one("#start-today", Button).disabled = not ready
        self.set_class(not ready and not shelf.nothing_planned, "-no-today")
        return ready

    @work(thread=True, exclusive=True, group="history")
    def load_history(self, shelf: Shelf) -> None:
        """Status, streak, heatmap and resume offer, read after the shelf: resuming needs it."""
        from coach.tui.history_access import read
        from coach.tui.history_view import read_home

        routines = [entry.routine for entry in shelf.entries if entry.routine is not None]
        access = self.history
        result = read(access, lambda store: read_home(store, access, routines))
        deliver(self, self._show_history, result)

    def _show_history(self, result: Read[HomeHistory]) -> None:
        for notice in result.notices:
            self.notify(notice, title="History", severity="warning", timeout=10)
        summary = self.query_one(HistorySummary)
        self.home_history = result.value
        if result.value is None:
            summary.show_problem(result.problem)
        else:
            summary.show(result.value)
            self._show_plan(result.value.today)
        self.refresh_bindings()

    def _show_plan(self, items: tuple[PlannedItem, ...]) -> None:
        """Today's plan with what is done; Enter moves on to the first one not done."""
        shelf = self.shelf
        if shelf is None:
            return
        from coach.tui.history_view import plan_line
        from coach.tui.shelf import pick

        names = {rid: e.routine.name for rid, e in shelf.planned.items() if e.routine}
        self.query_one("#today-plan", TextLine).text = plan_line(items, names)
        if items:
            from coach.plan.tracking import first_not_done

            target = first_not_done(items) or items[0]
            self._show_today(pick(shelf, target.entry.routine))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        resumable = self.home_history is not None and self.home_history.resume is not None
        if action == "resume":
            # Hidden, not greyed out, while there is nothing to resume.
            return resumable
        if action == "show_problems":
            return self.shelf is not None and bool(self.shelf.problems)
        return True

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table is self.table:
            self._describe(event.cursor_row)

    def _describe(self, row: int) -> None:
        from coach.tui.shelf import detail_words

        entry = self.table.entry_at(row) if self.table is not None else None
        line = self.query_one("#routine-detail", TextLine)
        detail = ""
        if entry is not None and entry.routine is not None:
            detail = detail_words(entry.routine.description or entry.routine.name, line.size.width)
        elif entry is not None:
            # One line at 80 columns, so the list keeps its rows.
            detail = f"{entry.id} has mistakes: Enter opens the editor (or `coach edit {entry.id}`)"
        line.text = detail

    def on_resize(self) -> None:
        # What fits in the description's lines depends on the width.
        if self.table is not None:
            self._describe(self.table.cursor_row)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        entry = self.table.entry_at(event.cursor_row) if event.data_table is self.table else None
        if entry is None:
            return
        # A broken routine has no preview to show: straight to its mistake in the editor.
        self.post_message(PreviewChosen(entry) if entry.routine is not None else EditChosen(entry))

    @on(Button.Pressed, "#start-today")
    def action_start_today(self) -> None:
        shelf = self.shelf
        if shelf is not None and shelf.today is not None and shelf.today.routine is not None:
            self.post_message(RoutineChosen(shelf.today.routine))

    def action_move_in_list(self, step: int) -> None:
        table = self.table
        if table is None:
            return
        table.focus()
        if step > 0:
            table.action_cursor_down()
        else:
            table.action_cursor_up()

    def action_resume(self) -> None:
        offer = self.home_history.resume if self.home_history is not None else None
        if offer is not None:
            self.post_message(ResumeChosen(offer.routine, offer.session_id, offer.start_index))

    def action_show_problems(self) -> None:
        problems = self.shelf.problems if self.shelf is not None else []
        if problems:
            rows = [("⚠", problem) for problem in problems]
            rows.append(("", "Enter on a broken routine in the list opens it in the editor."))
            from coach.tui.screens.listing import ListingScreen

            self.app.push_screen(ListingScreen("Problems in routine files", rows))

    def action_history(self) -> None:
        self.post_message(HistoryChosen())

    def action_stats(self) -> None:
        self.post_message(StatsChosen())

    def action_log_cramp(self) -> None:
        self.post_message(CrampLogChosen())

    def action_cramp_now(self) -> None:
        """Relief for a cramp happening now: straight into the routine, no preview."""
        self.find_relief()

    @work(thread=True, exclusive=True, group="relief")
    def find_relief(self) -> None:
        from coach.cramps.values import RELIEF_ROUTINE
        from coach.routine.catalog import UnknownRoutine
        from coach.tui.shelf import short_problem

        try:
            entry = self.catalog.find(RELIEF_ROUTINE)
        except UnknownRoutine as exc:
            deliver(self, self._no_relief, str(exc))
            return
        if entry.routine is None:
            deliver(self, self._no_relief, short_problem(entry))
            return
        self.app.call_from_thread(self.post_message, RoutineChosen(entry.routine))

    def _no_relief(self, problem: str) -> None:
        self.notify(problem, title="Cramp relief cannot start", severity="error")
