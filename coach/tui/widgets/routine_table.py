"""Every routine the catalog found, loaded or broken, one row each."""

from __future__ import annotations

from rich.text import Text
from textual.coordinate import Coordinate
from textual.widgets import DataTable

from coach import text
from coach.routine.catalog import RoutineEntry, count_exercises
from coach.routine.timeline import expand

COLUMNS = ("Routine", "Length", "Exercises", "Source")


def entry_cells(entry: RoutineEntry) -> tuple[str, str, str, str]:
    """Name, length, exercises and source; a broken file says so where its length would be."""
    routine = entry.routine
    if routine is None:
        return (f"⚠ {entry.id}", "broken", "—", entry.source)
    return (
        routine.name,
        expand(routine).length,
        str(count_exercises(routine)),
        entry.source,
    )


class RoutineTable(DataTable[Text]):
    """Rows keyed by routine id, so a selection names its routine whatever the sort."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.entries: dict[str, RoutineEntry] = {}
        self.add_columns(*COLUMNS)

    def show(self, entries: list[RoutineEntry], width: int | None = None) -> None:
        """Fill the table, keeping the cursor on the routine it was on when refilled. `width`
        is the room it has, for a table not laid out yet (its own width otherwise)."""
        before = self.entry_at(self.cursor_row)
        self.clear()
        self.entries = {entry.id: entry for entry in entries}
        rows: list[tuple[str, ...]] = [entry_cells(entry) for entry in entries]
        width = width or self.size.width
        if rows and width:
            # A long name gives way (with …), so length and source stay in view.
            rows = text.fit_column(rows, COLUMNS, width - 2)
        for entry, cells in zip(entries, rows, strict=True):
            # As Text: a plain string is read as markup, and a name may hold brackets.
            self.add_row(*(Text(cell, no_wrap=True, end="") for cell in cells), key=entry.id)
        if before is not None and before.id in self.entries:
            self.move_cursor(row=self.get_row_index(before.id))

    def entry_at(self, row: int) -> RoutineEntry | None:
        if not 0 <= row < self.row_count:
            return None
        key = self.coordinate_to_cell_key(Coordinate(row, 0)).row_key.value
        return self.entries.get(key or "")
