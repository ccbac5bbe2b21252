"""Duplicating a routine into the user's folder under a new id, asked for in a small dialog.

The id is checked as `coach new` checks it, and an existing file is never replaced.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input

from coach.routine.catalog import Catalog, RoutineEntry
from coach.routine.problems import RoutineError
from coach.routine.template import copied_text, id_problem, refresh_schema, write_new
from coach.routine.yamlsource import read_text
from coach.tui.widgets.text_line import TextLine


def proposed_id(entry: RoutineEntry, catalog: Catalog) -> str:
    """`<id>-copy`, or `<id>-copy-2` and so on when that is taken."""
    from coach.commands.edit import existing_file

    candidate, number = f"{entry.id}-copy", 1
    while existing_file(catalog.user_dir, candidate) is not None:
        number += 1
        candidate = f"{entry.id}-copy-{number}"
    return candidate


def new_id_problem(new_id: str, catalog: Catalog) -> str | None:
    """Why `new_id` cannot be the duplicate's id, or None when it can."""
    from coach.commands.edit import existing_file

    problem = id_problem(new_id)
    if problem:
        return problem
    taken = existing_file(catalog.user_dir, new_id)
    if taken is not None:
        return f"{taken.name} already exists in your folder; pick another id"
    return None


def duplicate(entry: RoutineEntry, new_id: str, catalog: Catalog) -> Path:
    """Write a copy of `entry`'s file as `<new_id>.yaml` in the user's folder.

    Raises FileExistsError (nothing written) when the name is taken, RoutineError when the
    source cannot be read, OSError when the folder cannot be written.
    """
    from coach.commands.edit import origin_of

    copy = copied_text(read_text(entry.path), origin_of(entry))
    catalog.user_dir.mkdir(parents=True, exist_ok=True)
    path = catalog.user_dir / f"{new_id}.yaml"
    write_new(path, copy)
    refresh_schema(catalog.user_dir)
    return path


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
                path = duplicate(self.entry, new_id, self.catalog)
            except FileExistsError:
                problem = f"{new_id}.yaml was made a moment ago; pick another id"
            except (OSError, RoutineError) as exc:
                problem = f"cannot write the copy: {exc}"
            else:
                self.dismiss(RoutineEntry(new_id, path, "user"))
                return
        self.query_one("#id-problem", TextLine).text = problem

    @on(Button.Pressed, "#no")
    def action_cancel(self) -> None:
        self.dismiss(None)
