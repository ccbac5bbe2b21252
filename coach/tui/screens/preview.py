"""A routine before it is played: its plan, how long it takes, and what each exercise asks."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.command import Provider
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, DataTable, Footer

from coach import text
from coach.routine.catalog import count_exercises
from coach.routine.model import Routine
from coach.routine.timeline import expand
from coach.tui.commands import RoutineCommands
from coach.tui.messages import RoutineChosen
from coach.tui.widgets.plan import PlanRow, PlanTable
from coach.tui.widgets.text_line import TextLine


def about_row(row: PlanRow) -> tuple[str, str, str]:
    """Title, instructions and caution shown under the table for the highlighted row."""
    steps = "\n".join(f"• {line}" for line in row.instructions)
    caution = f"Caution: {row.caution}" if row.caution else ""
    return f"{row.name}: {row.amount}", steps, caution


class PreviewScreen(Screen[None]):
    CSS_PATH = "preview.tcss"
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {RoutineCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "start", "Start", priority=True),
        Binding("escape", "app.pop_screen", "Back"),
    ]

    def __init__(self, routine: Routine) -> None:
        super().__init__()
        self.routine = routine
        self.timeline = expand(routine)

    def compose(self) -> ComposeResult:
        routine = self.routine
        total = text.length(self.timeline.total_s)
        count = count_exercises(routine)
        has_self_paced = any(s.self_paced for s in self.timeline.segments)
        plus = " plus your own pace on self-paced steps" if has_self_paced else ""
        yield TextLine(routine.name, id="routine-name")
        yield TextLine(
            f"{total}{plus} · {count} exercise{'s' if count != 1 else ''}", id="routine-length"
        )
        if routine.description:
            yield TextLine(routine.description, id="routine-description")
        yield PlanTable(self.timeline, id="plan")
        with VerticalScroll(id="exercise-about"):
            yield TextLine(id="exercise-title")
            yield TextLine(id="exercise-instructions")
            yield TextLine(id="exercise-caution")
        with Horizontal(id="actions"):
            yield Button("Start (Enter)", variant="success", id="start", compact=True)
            yield Button("Back (Esc)", id="back", compact=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(PlanTable).focus()
        self._show_row(0)

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_row(event.cursor_row)

    def _show_row(self, index: int) -> None:
        rows = self.query_one(PlanTable).rows_of_plan
        if not 0 <= index < len(rows):
            return
        title, steps, caution = about_row(rows[index])
        self.query_one("#exercise-title", TextLine).text = title
        self.query_one("#exercise-instructions", TextLine).text = steps
        self.query_one("#exercise-caution", TextLine).text = caution

    @on(Button.Pressed, "#start")
    def action_start(self) -> None:
        self.post_message(RoutineChosen(self.routine))

    @on(Button.Pressed, "#back")
    def _back(self) -> None:
        self.app.pop_screen()
