"""A routine before it is played: its plan, how long it takes, and what each exercise asks.

The plan is today's: a step with `progress` shows the value it has grown to, and why. The file
is read again when it changes on disk; if it turns invalid, its mistakes are shown over the
last plan that worked, and it cannot be started until they are fixed (`e` opens the editor).
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.command import Provider
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, DataTable, Footer
from textual.worker import get_current_worker

from coach import text
from coach.drawing.braille import draw
from coach.drawing.motion import held_pose
from coach.routine import progression
from coach.routine.catalog import Catalog, RoutineEntry, UnknownRoutine, count_exercises
from coach.routine.model import Routine
from coach.routine.timeline import expand
from coach.tui.commands import RoutineCommands
from coach.tui.delivery import deliver
from coach.tui.messages import EditChosen, RoutineChosen, RoutinesChanged
from coach.tui.screens.duplicate import DuplicateScreen
from coach.tui.widgets.drawing import ExerciseDrawing
from coach.tui.widgets.plan import PlanRow, PlanTable
from coach.tui.widgets.text_line import TextLine

if TYPE_CHECKING:
    from coach.report.documents import Format

#: Lines the routine's description may take above the plan; every bundled one fits at 80 columns.
DESCRIPTION_LINES = 4


def about_row(row: PlanRow) -> tuple[str, str, str]:
    """Title, instructions and caution shown under the table for the highlighted row."""
    steps = "\n".join(f"• {line}" for line in row.instructions)
    caution = f"Caution: {row.caution}" if row.caution else ""
    return f"{row.name}: {row.amount}", steps, caution


def problem_lines(entry: RoutineEntry | None, worked: bool = True) -> str:
    """What the preview says when its file is not a routine it can play: one that `worked`
    here before has mistakes "now"; a new copy of a broken routine just has them."""
    if entry is None:
        return "⚠ This routine's file is gone. The plan below is the last one read."
    now = " now" if worked else ""
    lines = [
        f"⚠ {entry.path.name} has mistakes{now} (e edits it); the plan is the last that worked:"
    ]
    lines += [f"  line {p.line}:{p.col}: {p.message}" for p in entry.problems[:3]]
    if len(entry.problems) > 3:
        lines.append(f"  and {len(entry.problems) - 3} more")
    return "\n".join(lines)


class PreviewScreen(Screen[None]):
    CSS_PATH = "preview.tcss"
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {RoutineCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "start", "Start", priority=True),
        Binding("e", "edit", "Edit"),
        Binding("d", "duplicate", "Duplicate"),
        Binding("p", "print", "Print"),
        Binding("escape", "app.pop_screen", "Back"),
    ]

    def __init__(self, entry: RoutineEntry, catalog: Catalog, drawings: bool = True) -> None:
        super().__init__()
        self.drawings = drawings
        assert entry.routine is not None, "only a routine that loads is previewed"
        self.entry = entry
        self.catalog = catalog
        self.routine: Routine = entry.routine
        self.timeline = expand(self.routine)
        self.broken = False
        self._resumed = False
        self._told_history = False
        #: Files this preview has read as a working routine: only those have mistakes "now".
        self._worked: set[Path] = {entry.path}

    def compose(self) -> ComposeResult:
        yield TextLine(id="routine-name")
        yield TextLine(id="routine-length")
        yield TextLine(id="routine-description")
        yield TextLine(id="routine-progression")
        yield TextLine(id="routine-problems")
        yield PlanTable(self.timeline, id="plan")
        with Horizontal(id="exercise-row"):
            with VerticalScroll(id="exercise-about"):
                yield TextLine(id="exercise-title")
                yield TextLine(id="exercise-growth")
                yield TextLine(id="exercise-instructions")
                yield TextLine(id="exercise-caution")
            yield ExerciseDrawing(id="exercise-drawing")
        with Horizontal(id="actions"):
            yield Button("Start (Enter)", variant="success", id="start", compact=True)
            yield Button("Back (Esc)", id="back", compact=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self._show_routine(self.routine)
        self.query_one(PlanTable).focus()
        if progression.has_progress(self.routine):
            self.reload(find=False)

    def on_resize(self) -> None:
        self._show_description()

    def _show_description(self) -> None:
        """The description in at most `DESCRIPTION_LINES` lines, a longer one ending in `…`
        rather than cut off where nobody can tell."""
        width = max(20, self.size.width - 2)  # the screen's padding
        lines = textwrap.wrap(self.routine.description, width)
        if len(lines) > DESCRIPTION_LINES:
            lines = lines[:DESCRIPTION_LINES]
            lines[-1] = lines[-1][: width - 1] + "…"
        self.query_one("#routine-description", TextLine).text = "\n".join(lines)

    def on_screen_resume(self) -> None:
        # Back from the editor (or anything else that may have changed the file): read it
        # again. The first resume is the screen's first showing, already up to date.
        if self._resumed:
            self.reload()
        self._resumed = True

    @on(RoutinesChanged)
    def _files_changed(self) -> None:
        self.reload()

    # -- loading ---------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="preview")
    def reload(self, find: bool = True) -> None:
        """Read the routine again (when `find`) and grow it for today, off the UI loop."""
        from coach.history.database import HistoryUnavailable
        from coach.history.progress import todays_routine

        entry: RoutineEntry | None = self.entry
        if find:
            entry = self._find()
        routine = entry.routine if entry is not None else None
        history_problem = ""
        if routine is not None:
            try:
                routine = todays_routine(routine)
            except HistoryUnavailable as exc:
                history_problem = f"History cannot be read, so steps start as written: {exc}"
        if not get_current_worker().is_cancelled:  # a newer reading is on its way
            deliver(self, self._loaded, entry, routine, history_problem)

    def _find(self) -> RoutineEntry | None:
        if self.entry.source == "file":
            return self.catalog.load(self.entry.path) if self.entry.path.is_file() else None
        try:
            return self.catalog.find(self.entry.id)
        except UnknownRoutine:
            return None

    def _loaded(self, entry: RoutineEntry | None, routine: Routine | None, problem: str) -> None:
        if problem and not self._told_history:
            self._told_history = True
            self.notify(problem, title="Progression", severity="warning")
        self.broken = routine is None
        self.set_class(self.broken, "-broken")
        self.query_one("#start", Button).disabled = self.broken
        self.query_one("#routine-problems", TextLine).text = (
            problem_lines(entry, entry is None or entry.path in self._worked) if self.broken else ""
        )
        if entry is not None and routine is not None:
            self._worked.add(entry.path)
        if entry is not None:
            self.entry = entry
        if routine is not None:
            self._show_routine(routine)

    def _show_routine(self, routine: Routine) -> None:
        self.routine = routine
        self.timeline = expand(routine)
        total = text.length(self.timeline.total_s)
        count = count_exercises(routine)
        has_self_paced = any(s.self_paced for s in self.timeline.segments)
        plus = " plus your own pace on self-paced steps" if has_self_paced else ""
        self.query_one("#routine-name", TextLine).text = routine.name
        self.query_one(
            "#routine-length", TextLine
        ).text = f"{total}{plus} · {text.plural(count, 'exercise')}"
        self._show_description()
        growing = progression.explanations(routine)
        self.query_one("#routine-progression", TextLine).text = "\n".join(
            f"Today: {why}" for why in growing
        )
        plan = self.query_one(PlanTable)
        plan.show(self.timeline)
        self._show_row(plan.cursor_row)

    # -- the highlighted step --------------------------------------------------------------

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_row(event.cursor_row)

    def _show_row(self, index: int) -> None:
        rows = self.query_one(PlanTable).rows_of_plan
        if not 0 <= index < len(rows):
            return
        title, steps, caution = about_row(rows[index])
        self.query_one("#exercise-title", TextLine).text = title
        self.query_one("#exercise-growth", TextLine).text = rows[index].why
        self.query_one("#exercise-instructions", TextLine).text = steps
        self.query_one("#exercise-caution", TextLine).text = caution
        drawing = rows[index].drawing if self.drawings else None
        # The position the exercise asks for, as the session holds it, right side.
        self.set_class(drawing is not None, "-drawing")
        picture = draw(drawing, held_pose(drawing)) if drawing else None
        self.query_one("#exercise-drawing", ExerciseDrawing).show(picture)

    # -- actions ---------------------------------------------------------------------------

    @on(Button.Pressed, "#start")
    def action_start(self) -> None:
        if self.broken:
            self.notify("Fix the routine's mistakes first (e opens the editor).")
            return
        self.post_message(RoutineChosen(self.routine))

    def action_edit(self) -> None:
        self.post_message(EditChosen(self.entry))

    def action_duplicate(self) -> None:
        self.app.push_screen(DuplicateScreen(self.entry, self.catalog), self._duplicated)

    def _duplicated(self, made: RoutineEntry | None) -> None:
        if made is None:
            return
        self.notify(f"Made {made.id}, your own copy: {made.path}", title="Duplicated")
        self.entry = made
        self.reload()

    def action_print(self) -> None:
        """Save today's routine as a one-page handout, in a format the person picks."""
        from coach.tui.screens.format import FormatScreen  # the report's modules, only now

        question = f"Save {self.routine.name} as a one-page handout in"
        self.app.push_screen(FormatScreen(question), self._print_format)

    def _print_format(self, fmt: Format | None) -> None:
        if fmt is not None:
            self.write_handout(self.routine, fmt)

    @work(thread=True, exclusive=True, group="handout")
    def write_handout(self, routine: Routine, fmt: Format) -> None:
        from coach.report.handout import handout
        from coach.tui.documents import save_document, tell

        line, ok = save_document(lambda: handout(routine), fmt, f"coach-{self.entry.id}", "handout")
        self.app.call_from_thread(tell, self, line, ok)

    @on(Button.Pressed, "#back")
    def _back(self) -> None:
        self.app.pop_screen()
