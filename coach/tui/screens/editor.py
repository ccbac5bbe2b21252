"""The built-in routine editor: the YAML, checked as you type, with the plan it makes beside it.

Checking waits until typing pauses (`CHECK_DELAY`) and runs off the UI loop. Mistakes are listed
with their line and column, marked in the gutter, and a click on one moves the cursor there.
Saving replaces the file in one step and keeps the version from before this edit as `.bak` when
that version validated (a broken one never replaces a working backup).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.segment import Segment as RichSegment
from rich.style import Style
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.reactive import var
from textual.screen import Screen
from textual.strip import Strip
from textual.timer import Timer
from textual.widgets import Footer, OptionList, TextArea
from textual.worker import get_current_worker

from coach import text
from coach.files import write_atomic
from coach.problems import FileProblems, Problem
from coach.routine import progression
from coach.routine.catalog import Catalog, RoutineEntry, count_exercises
from coach.routine.loader import ROUTINE_FILE, parse_routine
from coach.routine.model import Routine
from coach.routine.timeline import Timeline, expand
from coach.tui.delivery import deliver
from coach.tui.messages import RoutinesChanged
from coach.tui.screens.confirm import ConfirmScreen
from coach.tui.widgets.plan import PlanTable
from coach.tui.widgets.text_line import TextLine
from coach.yamlfile import read_text

#: Seconds of quiet after a keystroke before the text is checked.
CHECK_DELAY = 0.3


class CannotEdit(Exception):
    """The routine's file cannot be opened in the editor; the message says why."""


@dataclass(frozen=True)
class EditTarget:
    """The file the editor writes, its text when opened, and what the person should know."""

    routine_id: str
    path: Path
    text: str
    note: str = ""
    #: The first problem of the file as opened, for a routine that cannot be loaded.
    problem: Problem | None = None


def open_for_editing(entry: RoutineEntry, catalog: Catalog) -> EditTarget:
    """What to edit for `entry`. A bundled routine is first copied into the user's folder,
    where the copy takes its place; a routine already there is edited as it is."""
    if entry.source != "bundled":
        text = _text_of(entry.path)
        return EditTarget(entry.id, entry.path, text, broken_note(entry), entry.error)
    try:
        path = catalog.copy_to_user(entry)
    except FileExistsError:
        mine = RoutineEntry(entry.id, catalog.user_dir / f"{entry.id}.yaml", "user")
        return open_for_editing(mine, catalog)
    except FileProblems as exc:
        raise CannotEdit(str(exc.first)) from None
    except OSError as exc:
        raise CannotEdit(f"cannot copy {entry.id} into {catalog.user_dir}: {exc}") from None
    note = (
        f"{entry.id} is a bundled routine, so this is your own copy of it, which takes its"
        " place (delete the copy to go back)."
    )
    if entry.error is not None:
        note = broken_note(RoutineEntry(entry.id, path, "user"), entry.error)
    return EditTarget(entry.id, path, _text_of(path), note, entry.error)


def _text_of(path: Path) -> str:
    try:
        return read_text(path, ROUTINE_FILE)
    except FileProblems as exc:
        raise CannotEdit(str(exc.first)) from None


def broken_note(entry: RoutineEntry, problem: Problem | None = None) -> str:
    """What the editor says over a routine that cannot be loaded; empty for a working one.

    The problem itself is listed beside the text; the note says where to go from here.
    """
    problem = problem or entry.error
    if problem is None:
        return ""
    return (
        f"{entry.path.name} cannot be played until line {problem.line} is fixed: fix it here,"
        f" or in your own editor with `coach edit {entry.id}`."
    )


@dataclass(frozen=True)
class Check:
    """One reading of the editor's text: the routine and plan it makes, or its problems."""

    text: str
    routine: Routine | None = None
    timeline: Timeline | None = None
    problems: tuple[Problem, ...] = ()


def check_text(source: str, target: EditTarget, catalog: Catalog) -> Check:
    """Read `source` as the routine file would be read once saved."""
    try:
        routine = parse_routine(
            source,
            target.path.name,
            catalog.exercises,
            catalog.sound_names(),
            target.routine_id,
            target.path,
        )
    except FileProblems as exc:
        return Check(source, problems=tuple(exc.problems))
    return Check(source, routine, expand(routine))


def problem_label(problem: Problem) -> str:
    return f"{problem.line}:{problem.col}  {problem.message}"


class RoutineText(TextArea):
    """A YAML editor whose lines with problems are marked in the gutter and tinted."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "routine-text--problem-line",
        "routine-text--problem-gutter",
    }

    #: 0-based numbers of the lines that hold a problem.
    problem_lines: var[frozenset[int]] = var(frozenset())

    def watch_problem_lines(self) -> None:
        self.notify_style_update()  # drops the cache of rendered lines
        self.refresh()

    def get_line(self, line_index: int) -> Text:
        line = super().get_line(line_index)
        if line_index in self.problem_lines:
            # Only the background, so the syntax colours stay readable on top of it.
            tint = self.get_component_rich_style("routine-text--problem-line").bgcolor
            line.stylize(Style(bgcolor=tint))
        return line

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        # A code editor does not wrap, so a row is a line of the document.
        line_index = y + self.scroll_offset.y
        if not self.show_line_numbers or line_index not in self.problem_lines:
            return strip
        if line_index >= self.document.line_count:
            return strip
        width = self.gutter_width
        number = str(line_index + self.line_number_start)
        style = self.get_component_rich_style("routine-text--problem-gutter")
        mark = Strip([RichSegment(f"{number:>{width - 2}}▶ ", style)], width)
        return Strip.join([mark, strip.crop(width, strip.cell_length)])


class EditorScreen(Screen[None]):
    CSS_PATH = "editor.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("escape", "leave", "Back", priority=True),
        Binding("f8", "next_problem", "Next problem"),
        # `?` is typed into the text here, so the keys list answers to F1.
        Binding("f1", "app.show_keys", "Keys"),
    ]

    def __init__(self, target: EditTarget, catalog: Catalog) -> None:
        super().__init__()
        self.target = target
        self.catalog = catalog
        #: What the file holds as far as this editor knows: as opened, or as last saved.
        self.saved_text = target.text
        #: The first problem of the file as saved, which the note under the title is about.
        self.saved_problem = target.problem
        self.check = Check(target.text)
        self._backed_up = False
        self._placed = False  # the cursor was put on the first problem the file opened with
        self._pending: Timer | None = None
        path = target.path
        mine = path.parent.resolve() == catalog.user_dir.resolve()
        #: The file as the title names it: a routine of the user's by its name alone.
        self.where = f"{path.name} in your routine folder" if mine else str(path)

    @property
    def source(self) -> RoutineText:
        return self.query_one("#source", RoutineText)

    @property
    def dirty(self) -> bool:
        return self.source.text != self.saved_text

    def compose(self) -> ComposeResult:
        yield TextLine(id="editor-title")
        yield TextLine(self.target.note, id="editor-note")
        with Horizontal(id="editor-body"):
            yield RoutineText.code_editor(
                self.target.text, language="yaml", theme="css", id="source"
            )
            with Vertical(id="editor-side"):
                yield TextLine(id="editor-status")
                yield OptionList(id="problems", markup=False)  # problems quote the file
                yield TextLine(id="plan-caption")
                yield PlanTable(
                    Timeline(self.target.routine_id, "", ()), id="editor-plan", brief=True
                )
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self._show_title()
        self.source.focus()
        self.validate()

    def _show_note(self) -> None:
        """Keep the note about a broken file true: it goes once the file is saved fixed, and
        while the text is fixed but not saved yet it says so."""
        if self.saved_problem is None:
            # Saved fixed, or never broken: a bundled copy's note stays; a broken one goes.
            note = "" if self.target.problem else self.target.note
        elif self.dirty and self.check.text == self.source.text and not self.check.problems:
            note = f"{self.target.path.name} is fixed here but not saved: Ctrl+S saves it."
        else:
            entry = RoutineEntry(self.target.routine_id, self.target.path, "user")
            note = broken_note(entry, self.saved_problem)
        self.query_one("#editor-note", TextLine).text = note

    def _show_title(self) -> None:
        unsaved = " · unsaved changes" if self.dirty else ""
        title = f"Editing {self.where}{unsaved}"
        self.query_one("#editor-title", TextLine).text = title
        self.set_class(bool(unsaved), "-dirty")

    # -- checking --------------------------------------------------------------------------

    @on(TextArea.Changed, "#source")
    def _changed(self) -> None:
        self._show_title()
        if self._pending is not None:
            self._pending.stop()
        self._pending = self.set_timer(CHECK_DELAY, self.validate, name="check-routine")

    def validate(self) -> None:
        """Check the text as it is now, off the UI loop; the result replaces the shown one."""
        self._pending = None
        self._check(self.source.text)

    @work(thread=True, exclusive=True, group="check-routine")
    def _check(self, source: str) -> None:
        check = check_text(source, self.target, self.catalog)
        if not get_current_worker().is_cancelled:
            deliver(self, self.show_check, check)

    def show_check(self, check: Check) -> None:
        if check.text != self.source.text:
            return  # typed over since: a newer check is on its way
        self.check = check
        status = self.query_one("#editor-status", TextLine)
        problems = self.query_one("#problems", OptionList)
        problems.clear_options()
        problems.add_options(problem_label(p) for p in check.problems)
        self.source.problem_lines = frozenset(p.line - 1 for p in check.problems)
        plan = self.query_one("#editor-plan", PlanTable)
        caption = self.query_one("#plan-caption", TextLine)
        if check.routine is not None and check.timeline is not None:
            count = count_exercises(check.routine)
            length = check.timeline.length
            status.text = "✓ Valid"
            # The file's own values; the preview shows what `progress` makes of them today.
            plan_of = "Plan as written" if progression.has_progress(check.routine) else "Plan"
            caption.text = f"{plan_of}: {length} · {text.plural(count, 'exercise')}"
            plan.show(check.timeline)
        else:
            count = len(check.problems)
            status.text = f"✗ {text.plural(count, 'problem')}"
            if plan.rows_of_plan:
                caption.text = f"Last valid plan: {plan.timeline.length}"
            else:
                caption.text = "No valid plan yet"
        self.set_class(bool(check.problems), "-invalid")
        self._show_note()
        if not self._placed:
            self._placed = True
            if check.problems and check.text == self.saved_text:
                self.jump_to(check.problems[0])

    # -- moving to a problem ---------------------------------------------------------------

    @on(OptionList.OptionSelected, "#problems")
    def _problem_chosen(self, event: OptionList.OptionSelected) -> None:
        self.jump_to(self.check.problems[event.option_index])

    def jump_to(self, problem: Problem) -> None:
        """Put the cursor on the problem's line and column, ready to type."""
        self.source.move_cursor((problem.line - 1, problem.col - 1), center=True)
        self.source.focus()

    def action_next_problem(self) -> None:
        problems = self.check.problems
        if not problems:
            return
        row = self.source.cursor_location[0] + 1
        later = [p for p in problems if p.line > row]
        self.jump_to(later[0] if later else problems[0])

    # -- saving and leaving ----------------------------------------------------------------

    def action_save(self) -> None:
        """Save a valid routine at once; one with problems only after "save anyway"."""
        source = self.source.text
        check = check_text(source, self.target, self.catalog)
        self.show_check(check)
        if not check.problems:
            self.write(source, check)
            return
        count = len(check.problems)
        question = ConfirmScreen(
            f"The routine has {text.plural(count, 'problem')}. Save anyway?",
            f"Line {check.problems[0].line}: {check.problems[0].message}. coach cannot play"
            " it until that is fixed.",
            yes="Save anyway",
            no="Keep editing",
        )

        def answered(save: bool | None) -> None:
            if save:
                self.write(source, check)

        self.app.push_screen(question, answered)

    def write(self, source: str, check: Check) -> None:
        """Save `source`, whose `check` `action_save` has just made."""
        path = self.target.path
        try:
            backup = write_atomic(path, source, backup=not self._backed_up and self._saved_valid())
        except OSError as exc:
            self.notify(f"{path} was not saved: {exc}", title="Not saved", severity="error")
            return
        self._backed_up = self._backed_up or backup is not None
        self.saved_text = source
        self.saved_problem = check.problems[0] if check.problems else None
        self._show_title()
        self._show_note()
        kept = f"; the version from before is in {backup.name}" if backup else ""
        self.notify(f"Saved {path.name}{kept}.", title="Saved")

    def _saved_valid(self) -> bool:
        """Whether the file as last opened or saved validates: only such a version is backed up,
        so the `.bak` is never a broken one."""
        return not check_text(self.saved_text, self.target, self.catalog).problems

    def action_leave(self) -> None:
        if not self.dirty:
            self.dismiss()
            return

        def answered(leave: bool | None) -> None:
            if leave:
                self.dismiss()

        self.app.push_screen(
            ConfirmScreen(
                "Leave without saving?",
                f"Your changes to {self.target.path.name} are not saved.",
                yes="Leave",
                no="Keep editing",
            ),
            answered,
        )

    # -- the file changed elsewhere --------------------------------------------------------

    @on(RoutinesChanged)
    def _files_changed(self, message: RoutinesChanged) -> None:
        if self.target.path not in message.paths:
            self.validate()  # the exercise library may have changed
            return
        try:
            on_disk = read_text(self.target.path, ROUTINE_FILE)
        except FileProblems:
            return  # removed or unreadable: saving writes it again
        if on_disk == self.saved_text:
            return
        if self.dirty:
            self.notify(
                f"{self.target.path.name} changed on disk. Saving replaces that version.",
                title="Changed elsewhere",
                severity="warning",
            )
            return
        self.saved_text = on_disk
        self.source.load_text(on_disk)
        self._show_title()
        self.validate()
        self.notify(f"{self.target.path.name} changed on disk; showing the new version.")
