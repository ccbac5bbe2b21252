"""Where the history adds up to: streaks, a half-year heatmap, minutes a week, each exercise,
and cramps next to sessions week by week.

All of it comes from the history's SQL aggregates in thread workers (one for the sessions, one
for the cramp diary), so ten years of sessions open as quickly as a week of them.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container, Grid, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header

from coach.cramps.trends import CrampTrends
from coach.report.documents import Format, make_report
from coach.report.figures import Report, default_period
from coach.routine.catalog import Catalog
from coach.settings import Settings
from coach.tui.cramp_view import read_trends
from coach.tui.delivery import deliver
from coach.tui.documents import save_document, tell
from coach.tui.history_access import HistoryAccess, Read, read
from coach.tui.history_view import EMPTY_HISTORY
from coach.tui.messages import CrampLogChosen, CrampLogged
from coach.tui.screens.format import FormatScreen
from coach.tui.stats_view import (
    BAR_WEEKS,
    STATS_WEEKS,
    StatsView,
    exercise_cells,
    figures,
    read_stats,
)
from coach.tui.widgets.bar_chart import AdherenceBars, WeekBars
from coach.tui.widgets.checkin_trends import CheckInTrendsView
from coach.tui.widgets.cramp_trends import CrampTrendsView
from coach.tui.widgets.heatmap import Heatmap
from coach.tui.widgets.text_line import TextLine

EXERCISE_COLUMNS = (("Exercise", "left"), ("Sets", "right"), ("Reps", "right"), ("Time", "right"))


class StatsScreen(Screen[None]):
    CSS_PATH = "stats.tcss"
    SUB_TITLE = "stats"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("c", "log_cramp", "Log cramp"),
        Binding("r", "report", "Report"),
    ]

    def __init__(
        self,
        history: HistoryAccess,
        catalog: Catalog,
        settings: Settings,
    ) -> None:
        super().__init__()
        self.history = history
        self.catalog = catalog
        self.settings = settings
        self.view: StatsView | None = None

    def compose(self) -> ComposeResult:
        yield Header(icon="")
        with VerticalScroll(id="stats-body"):
            yield TextLine("Reading your history…", id="stats-note")
            yield Grid(id="figures")
            yield TextLine(f"Last {STATS_WEEKS} weeks", classes="section")
            yield Heatmap(legend=True, id="stats-heatmap")
            yield TextLine(f"Minutes per week, last {BAR_WEEKS} weeks", classes="section")
            yield WeekBars(id="week-bars")
            yield TextLine(
                f"Plan kept: planned sessions completed, last {BAR_WEEKS} weeks",
                classes="section",
                id="adherence-label",
            )
            yield AdherenceBars(id="adherence-bars")
            yield TextLine("Exercises done", classes="section")
            yield DataTable(id="exercises", zebra_stripes=True, show_cursor=False)
            yield CheckInTrendsView(self.history, id="checkin-trends")
            # Filled by the cramp diary: how cramps went along with the exercise.
            with Container(id="cramp-trends"):
                yield CrampTrendsView()
        yield Footer(compact=True)

    def on_mount(self) -> None:
        table: DataTable[Text] = self.query_one("#exercises", DataTable)
        table.can_focus = False  # the page scrolls as one; the table has nothing to pick
        for name, _ in EXERCISE_COLUMNS:
            table.add_column(name, key=name)
        self.query_one("#stats-body").focus()
        self.read_stats()
        self.read_cramp_trends()

    @work(thread=True, exclusive=True, group="stats")
    def read_stats(self) -> None:
        access = self.history
        result = read(access, lambda store: read_stats(store, access))
        deliver(self, self._show, result)

    def _show(self, result: Read[StatsView]) -> None:
        note = self.query_one("#stats-note", TextLine)
        view = self.view = result.value
        if view is None:
            note.text = result.problem
            self.add_class("-problem")
            return
        empty = view.stats.sessions_completed == 0 and view.stats.sessions_played == 0
        self.set_class(empty, "-no-history")
        note.text = EMPTY_HISTORY if empty else ""
        grid = self.query_one("#figures", Grid)
        grid.remove_children()
        grid.mount_all(
            TextLine(value, classes=kind)
            for label, figure in figures(view.stats)
            for value, kind in ((label, "figure-label"), (figure, "figure-value"))
        )
        self.query_one("#stats-heatmap", Heatmap).grid = view.heatmap
        self.query_one("#week-bars", WeekBars).weeks = view.weeks
        planned = any(week.planned for week in view.adherence)
        self.query_one("#adherence-bars", AdherenceBars).adherence = view.adherence
        self.set_class(not planned, "-no-plan")
        table: DataTable[Text] = self.query_one("#exercises", DataTable)
        table.clear()
        for cells in exercise_cells(view.stats):
            table.add_row(
                *(
                    Text(value, justify="right" if align == "right" else "left")
                    for value, (_, align) in zip(cells, EXERCISE_COLUMNS, strict=True)
                )
            )

    @work(thread=True, exclusive=True, group="cramp-trends")
    def read_cramp_trends(self) -> None:
        access = self.history
        result = read(access, lambda store: read_trends(store, access.today()))
        deliver(self, self._show_cramp_trends, result)

    def _show_cramp_trends(self, result: Read[CrampTrends]) -> None:
        # Unreadable, the history's problem is already the note at the top: said once.
        self.query_one(CrampTrendsView).trends = result.value

    @on(CrampLogged)
    def _cramp_logged(self) -> None:
        self.read_cramp_trends()

    def action_log_cramp(self) -> None:
        self.post_message(CrampLogChosen())

    # -- the report ------------------------------------------------------------------------

    def action_report(self) -> None:
        question = "Save the report of the last 4 weeks and this one as"
        self.app.push_screen(FormatScreen(question), self._report_format)

    def _report_format(self, fmt: Format | None) -> None:
        if fmt is not None:
            self.write_report(fmt)

    @work(thread=True, exclusive=True, group="report")
    def write_report(self, fmt: Format) -> None:
        """Gather, draw and save the report off the UI loop (a PDF takes a moment)."""
        access = self.history
        now = access.now()

        def make() -> Report:
            with access.open() as store:
                return make_report(
                    store,
                    default_period(now.date()),
                    now,
                    self.settings,
                    self.catalog,
                )

        line, ok = save_document(make, fmt, f"coach-report-{now:%Y-%m-%d}", "report")
        self.app.call_from_thread(tell, self, line, ok)
