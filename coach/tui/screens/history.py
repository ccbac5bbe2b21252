"""Past sessions, newest first, and one session's steps: what was planned, done and skipped.

The table reads a page of sessions at a time and the next page as the cursor nears the end,
so ten years of history open at once. Every read runs in a thread worker.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header

from coach import text
from coach.history.records import SessionRecord
from coach.tui.checkin_view import checkin_cell, checkin_line
from coach.tui.delivery import deliver
from coach.tui.history_access import HistoryAccess, Read, read
from coach.tui.history_view import (
    DETAIL_COLUMNS,
    EMPTY_HISTORY,
    HISTORY_COLUMNS,
    PAGE,
    detail_lines,
    read_page,
    session_cells,
    step_cells,
)
from coach.tui.widgets.text_line import TextLine

#: Rows from the end at which the next page is read, so scrolling rarely meets the bottom.
READ_AHEAD = 10
COLUMNS = (*HISTORY_COLUMNS, "Check-in")
_NUMERIC = {"Time", "Done", "Skipped", "Planned", "Actual"}


def _cells(values: tuple[str, ...], columns: tuple[str, ...]) -> list[Text]:
    """Figures right-aligned, words left; as Text, since a plain string would be read as markup
    and a routine's name may hold brackets."""
    return [
        Text(value, justify="right" if name in _NUMERIC else "left")
        for value, name in zip(values, columns, strict=True)
    ]


class HistoryScreen(Screen[None]):
    CSS_PATH = "history.tcss"
    SUB_TITLE = "history"
    BINDINGS: ClassVar[list[BindingType]] = [
        # Ahead of the table's own (hidden) Enter, so the footer shows what Enter does.
        Binding("enter", "open_session", "Steps", priority=True),
        Binding("escape", "app.pop_screen", "Back"),
    ]

    def __init__(self, history: HistoryAccess) -> None:
        super().__init__()
        self.history = history
        self.loaded = 0  # sessions in the table
        self.total = 0  # sessions in the history
        self._reading = False

    def compose(self) -> ComposeResult:
        yield Header(icon="")
        yield TextLine("Reading your history…", id="history-note")
        yield DataTable(id="sessions", cursor_type="row", zebra_stripes=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        table: DataTable[Text] = self.query_one("#sessions", DataTable)
        for name in COLUMNS:
            table.add_column(name, key=name)
        table.focus()
        self._read_more()

    def _read_more(self) -> None:
        if not self._reading:
            self._reading = True
            self.read_page(self.loaded + PAGE)

    @work(thread=True, exclusive=True, group="history-page")
    def read_page(self, limit: int) -> None:
        result = read(self.history, lambda store: read_page(store, limit))
        deliver(self, self._show_page, result)

    def _show_page(self, result: Read[tuple[list[SessionRecord], int]]) -> None:
        self._reading = False
        note = self.query_one("#history-note", TextLine)
        if result.value is None:
            note.text = result.problem
            note.add_class("-problem")
            return
        sessions, self.total = result.value
        table: DataTable[Text] = self.query_one("#sessions", DataTable)
        # A long routine name gives way, so how each session went stays in view.
        rows = [(*session_cells(record), checkin_cell(record.checkin)) for record in sessions]
        if rows:
            rows = text.fit_column(rows, COLUMNS, table.size.width - 2, column=1)
        for record, cells in zip(sessions, rows, strict=True):
            key = str(record.id)
            if key not in table.rows:
                table.add_row(*_cells(cells, COLUMNS), key=key)
        self.loaded = table.row_count
        note.text = self._note()
        table.set_class(not self.total, "-empty")

    def _note(self) -> str:
        if not self.total:
            return EMPTY_HISTORY
        sessions = text.plural(self.total, "session")
        if self.loaded < self.total:
            return f"{sessions}, newest first · more as you scroll down"
        return f"{sessions}, newest first · Enter shows a session's steps"

    @on(DataTable.RowHighlighted, "#sessions")
    def _near_end(self, event: DataTable.RowHighlighted) -> None:
        if self.loaded < self.total and event.cursor_row >= self.loaded - READ_AHEAD:
            self._read_more()

    @on(DataTable.RowSelected, "#sessions")
    def _selected(self, event: DataTable.RowSelected) -> None:
        self._open(event.row_key.value)

    def action_open_session(self) -> None:
        table: DataTable[Text] = self.query_one("#sessions", DataTable)
        if table.row_count:
            self._open(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def _open(self, key: str | None) -> None:
        if key is not None:
            self.app.push_screen(SessionDetailScreen(self.history, int(key)))


class SessionDetailScreen(Screen[None]):
    """One session's work steps in plan order: planned against actual, done or skipped."""

    CSS_PATH = "history.tcss"
    SUB_TITLE = "session"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back"),
    ]

    def __init__(self, history: HistoryAccess, session_id: int) -> None:
        super().__init__()
        self.history = history
        self.session_id = session_id
        self.record: SessionRecord | None = None

    def compose(self) -> ComposeResult:
        yield Header(icon="")
        yield TextLine("Reading the session…", id="session-heading")
        yield TextLine(id="session-figures")
        yield TextLine(id="session-checkin")
        yield DataTable(id="steps", cursor_type="row", zebra_stripes=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        table: DataTable[Text] = self.query_one("#steps", DataTable)
        for name in DETAIL_COLUMNS:
            table.add_column(name, key=name)
        table.focus()
        self.read_session()

    @work(thread=True, exclusive=True, group="session-detail")
    def read_session(self) -> None:
        session_id = self.session_id
        result = read(self.history, lambda store: store.session_detail(session_id))
        deliver(self, self._show, result)

    def _show(self, result: Read[SessionRecord | None]) -> None:
        heading = self.query_one("#session-heading", TextLine)
        record = result.value
        if record is None:
            heading.text = result.problem or f"Session {self.session_id} is not in the history."
            return
        self.record = record
        heading.text, self.query_one("#session-figures", TextLine).text = detail_lines(record)
        self.query_one("#session-checkin", TextLine).text = checkin_line(record.checkin)
        table: DataTable[Text] = self.query_one("#steps", DataTable)
        # The table's width less its scroll bar: the status column must never be cut.
        rows = [step_cells(step) for step in record.steps]
        fitted = text.fit_column(rows, DETAIL_COLUMNS, table.size.width - 2) if rows else []
        for step, cells in zip(record.steps, fitted, strict=True):
            table.add_row(*_cells(cells, DETAIL_COLUMNS), key=str(step.index))
        table.set_class(not record.steps, "-empty")
