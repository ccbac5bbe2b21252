"""Duplicating a routine into the user's folder under a new id, asked for in a small dialog.

The id is checked as `coach new` checks it, and an existing file is never replaced.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input

from coach.problems import FileProblems
from coach.routine.catalog import Catalog, RoutineEntry
from coach.routine.template import id_problem
from coach.tui.widgets.text_line import TextLine


def proposed_id(entry: RoutineEntry, catalog: Catalog) -> str:
    """`<id>-copy`, or `<id>-copy-2` and so on when that is taken."""
    candidate, number = f"{entry.id}-copy", 1
    while catalog.user_file(candidate) is not None:
        number += 1
        candidate = f"{entry.id}-copy-{number}"
    return candidate


def new_id_problem(new_id: str, catalog: Catalog) -> str | None:
    """Why `new_id` cannot be the duplicate's id, or None when it can."""
    problem = id_problem(new_id)
    if problem:
        return problem
    taken = catalog.user_file(new_id)
    if taken is not None:
        return f"{taken.name} already exists in your folder; pick another id"
    return None


class DuplicateScreen(ModalScreen[RoutineEntry | None]):
    """Asks for the copy's id; dismissed with the new routine's entry, or None if cancelled."""

    CSS_PATH = "duplicate.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", show=False),
    ]

    def __init__(self, entry: RoutineEntry, catalog: Catalog) -> None:
        super().__init__()
        self.entry = entry
        self.catalog = catalog

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield TextLine(f"Duplicate {self.entry.id} as your own routine", id="question")
            yield TextLine("The copy's id (letters, digits, - and _):", id="detail")
            yield Input(proposed_id(self.entry, self.catalog), id="new-id")
            yield TextLine(id="id-problem")
            with Horizontal(id="buttons"):
                yield Button("Duplicate (Enter)", variant="primary", id="yes")
                yield Button("Cancel (Esc)", id="no")

    @on(Input.Changed, "#new-id")
    def _typed(self, event: Input.Changed) -> None:
        self.query_one("#id-problem", TextLine).text = ""

    @on(Input.Submitted, "#new-id")
    @on(Button.Pressed, "#yes")
    def action_duplicate(self) -> None:
        new_id = self.query_one("#new-id", Input).value.strip()
        problem = new_id_problem(new_id, self.catalog)
        if problem is None:
            try:
                path = self.catalog.copy_to_user(self.entry, new_id)
            except FileExistsError:
                problem = f"{new_id}.yaml was made a moment ago; pick another id"
            except OSError as exc:
                problem = self.catalog.write_problem(exc)
            except FileProblems as exc:
                problem = f"cannot read the routine to copy: {exc}"
            else:
                self.dismiss(RoutineEntry(new_id, path, "user"))
                return
        self.query_one("#id-problem", TextLine).text = problem

    @on(Button.Pressed, "#no")
    def action_cancel(self) -> None:
        self.dismiss(None)
